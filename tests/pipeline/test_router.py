import pytest

from pipeline.components.answerer import expected_answer_type, question_names
from pipeline.components.router import QuestionRouter, parse_speaker_question
from pipeline.lexicon import terms


@pytest.mark.parametrize(
    ("question", "name", "topic"),
    [
        ("What did Stoltenberg say?", "Stoltenberg", None),
        ("What has Boris Johnson said about field hospitals?", "Boris Johnson", "field hospitals"),
        ("what did the French president say about sanctions", "the French president", "sanctions"),
        ("Did Putin say that troops would withdraw?", "Putin", "troops would withdraw"),
        ("What are Liz Truss's quotes?", "Liz Truss", None),
    ],
)
def test_speaker_questions_are_recognised(question: str, name: str, topic: str | None) -> None:
    parsed = parse_speaker_question(question)
    assert parsed is not None and parsed.name == name and parsed.topic == topic


@pytest.mark.parametrize(
    "question",
    [
        "What did the US say it would pursue as long as there is hope?",
        "What did Putin want to avoid?",
        "Where has the US embassy been temporarily relocated?",
        "Who said the field hospitals could only be construed as preparation?",
    ],
)
def test_other_questions_go_to_passages(question: str) -> None:
    assert parse_speaker_question(question) is None
    assert QuestionRouter().run(question=question) == {"passages": question}


def test_answer_types_and_names() -> None:
    assert expected_answer_type("How many troops were at the border?") == "number"
    assert expected_answer_type("Since when has NATO expanded?") == "date"
    assert expected_answer_type("Who chaired the meeting?") == "name"
    assert expected_answer_type("What did Putin call the regions?") is None
    assert question_names("When will the Olympics in Paris start?") == set(terms("Olympics Paris"))
