"""Short answers: the question's answer type, and the phrase of that type picked inside the answer sentence."""

import pytest

from pipeline.answer_types import (
    answer_type,
    counted_words,
    focus_words,
    required_words,
    typed_entities,
    word_distance,
)
from pipeline.components.short_answer import ShortAnswerExtractor, short_answer
from pipeline.entities import Entity
from pipeline.types import AskResult, Citation


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many Russian troops were deployed near the border?", "count"),
        ("How many years did the work take?", "period"),
        ("How much money does the budget propose?", "money"),
        ("By how much did prices rise?", "amount"),
        ("For how long, in her account, had they been friends?", "period"),
        ("How old is the shop owner?", "age"),
        ("How far away is the school?", "measure"),
        ("When did Russia annex Crimea?", "date"),
        ("Since when has NATO expanded?", "date"),
        ("Where has the US embassy been relocated?", "place"),
        ("In which country was the Prime Minister?", "country"),
        ("Which northeastern Ukrainian town does the programme visit first?", "settlement"),
        ("Who chaired the meeting?", "who"),
        ("Which minister spoke of a moral duty?", "person"),
        ("What is the name of the defence minister?", "person"),
        ("What is the name of the venue?", "place"),  # the name of a thing of a known kind is of that kind
        ("What is the name of the suspected gunman?", "person"),
        ("What is the name of the rally the two sides agreed to?", "person"),  # "sides" is in the clause after
        ("What is the name of Hightower's company?", "organisation"),  # the owner is not the thing named
        ("Which club does Hill play for?", "organisation"),
        ("What fine did the court impose?", "money"),
        ("What was the inflation rate in November?", "percent"),
        ("What was David Weir's winning time in the marathon?", "time"),
        ("In what year did Ukrainians declare independence?", "year"),
        ("On what date did Ukrainians declare independence?", "date"),
        ("Which militant group is the coalition working against?", "organisation"),
        ("Which MP introduced a bill for a holiday in 2009?", "person"),  # "bill" is the verb's object
        ("Which armed group attacked the convoy?", "organisation"),  # "armed" before the noun is an adjective
        ("What is the new national database called?", "named"),
        ("What post does Jane Holm hold in the U.S. government?", "title"),
        ("What is Tom Reed's job title?", "title"),
        ("What position did Hamilton finish in?", "ordinal"),  # a place in a race, not a job
        ("What is the total value of the four-year grant?", "money"),  # the second noun is the one asked about
        ("Which city council approved the plan?", "organisation"),
        ("Which three countries share the team's group?", "country"),
        ("Which company's plant is moving back into the United States?", "organisation"),  # whose plant it is
        ("What is the city's population?", "count"),  # after "is", the possessive is not what is asked
        ("Roughly how many soldiers took part?", "count"),  # a hedge before the wh-word
        ("Approximately what share of the vote did she win?", "percent"),
        ("Which state does the chairman represent?", "settlement"),
        ("Which unit's members did the President speak to?", None),  # a unit, of no known kind: not members
        ("Which northeastern Ukrainian town's mayor spoke?", "settlement"),
        ("Which national laboratory has the most powerful computer?", "organisation"),
        ("What magnitude did the earthquake register?", "count"),  # a plural is no modifier: "share" is the verb
        ("What does the acronym PACE stand for?", "expansion"),
        ("What is the full name of CAATSA?", "expansion"),
        ("What does the minister stand for?", None),  # no acronym
        ("What did Putin call the regions?", None),
        ("What does the company do?", None),
        ("Name one area where the budget raises funding.", None),
        ("How did the councillors vote?", None),
    ],
)
def test_answer_type_from_the_wh_phrase(question: str, kind: str | None) -> None:
    found = answer_type(question)
    assert (found.name if found else None) == kind


def test_type_words_and_counted_words() -> None:
    assert focus_words("In which city does she manage a bar?") == {"city"}
    assert focus_words("How old is Nina?") == {"old"}
    assert focus_words("Which company's plant is moving?") == {"company"}
    assert focus_words("What did she say?") == set()
    assert counted_words("How many Russian troops were deployed?") == ["russian", "troops"]
    assert counted_words("How many otters live in the river?") == ["otters"]


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("Where has the US embassy been temporarily relocated?",
         "The US embassy has also been “temporarily relocated” to Lviv in western Ukraine.", "Lviv"),
        ("Where is the centre that runs the mission?",
         "The mission will be run by NASA’s Goddard Space Flight Center in Greenbelt, Maryland.", "Greenbelt"),
        ("How many Russian troops were deployed near the border?",
         "Around 125,000 Russian troops had been deployed near Ukraine’s eastern border in November 2021.",
         "125,000"),
        ("Who chaired a meeting of Cobra?", "Boris Johnson chaired a meeting of Cobra on Tuesday.", "Boris Johnson"),
        ("How long will the embankment be?", "The embankment will be 1.8 kilometres long.", "1.8 kilometres"),
        ("How much aid is the UK committing?", "The UK is committing another £80 million in aid to Ukraine.",
         "£80 million"),
        ("What fine did the court impose?",
         "He was fined £2,000, ordered to pay compensation of £3,970 and costs of £1,105.", "£2,000"),
        ("What time did Christie Dawes record?", "Christie Dawes set an Oceania record with a time of 1:49:37.",
         "1:49:37"),
        ("At what UTC time is the launch scheduled?",
         "The flight is due to be launched at 19:45 UTC (14:45 local time) tomorrow.", "19:45 UTC"),
        ("How many pupils does the school have?",
         "The trust runs the school and 11 other schools; the school has 46 pupils.", "46"),
        ("What does the acronym PACE stand for?",
         "Tentatively scheduled for 2022, the Pre-Aerosol Clouds and ocean Ecosystem (PACE) mission will fly.",
         "Pre-Aerosol Clouds and ocean Ecosystem"),
        ("How many people had tested positive since the previous day?",  # spelled out: the recogniser tags "thirty"
         "Since yesterday, thirty-seven thousand eight hundred and ninety-two people have tested positive.",
         "thirty-seven thousand eight hundred and ninety-two"),
        ("How fast was the service vaccinating people?",
         "The service is vaccinating people at the rate of 200 jabs per minute.", "200 jabs per minute"),
        ("In which town did the shooting take place?",  # a country is not a town, though both are GPE
         "The shooting in Finland took place at a school in Tampere.", "Tampere"),
        ("Which country did the delegates fly on to?",
         "The delegates met in Geneva on Monday and then flew on to Norway.", "Norway"),
        ("Who did the Prime Minister visit in Ukraine?",
         "The Prime Minister visited Ukrainian President Volodymyr Zelenskyy in Kyiv.", "Volodymyr Zelenskyy"),
    ],
)
def test_short_answer_is_the_entity_of_the_asked_for_type(question: str, sentence: str, expected: str) -> None:
    found = short_answer(question, sentence)
    assert found is not None
    assert expected in found.text and sentence[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("When did the school start offering Mandarin?",  # a radio script's year in words is a date, not a count
         "It added Mandarin in two thousand five.", "two thousand five"),
        ("What share of a visiting teacher's costs does the program cover?",
         "The program pays about half the costs of a teacher sent to a school.", "half"),
        ("How many people had tested positive?",
         "Thirty-seven thousand eight hundred and ninety-two people have tested positive.",
         "Thirty-seven thousand eight hundred and ninety-two"),
        ("In which town did the shooting take place?", "The shooting in Finland took place in Tampere.", "Tampere"),
    ],
)
def test_an_entity_of_the_asked_for_type_is_strong_evidence(question: str, sentence: str, expected: str) -> None:
    kind = answer_type(question)
    assert kind is not None
    strong, _, _ = typed_entities(sentence, kind, question)
    assert [e.text for e in strong] == [expected]


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("What did Putin want to avoid?", "President Putin wanted to avoid a war in Europe."),
        ("Who chaired a meeting of Cobra?", "A meeting of Cobra was chaired on Tuesday."),  # no name in it
        ("When did Boris Johnson visit?", "Boris Johnson visited the troops."),  # only what the question names
        ("In what year was the exemption introduced?", "Drivers are exempt for a further 18 months."),  # no year
        ("How old is Duncan Campbell?", "Duncan Campbell: Thirty five years ago!"),  # a time ago is no age
        ("Who asked about the vote?", "QUESTION: Can you confirm the vote?"),  # a turn label is nobody
    ],
)
def test_no_short_answer_without_an_entity_of_the_type(question: str, sentence: str) -> None:
    assert short_answer(question, sentence) is None


def test_the_component_gives_offsets_in_the_article() -> None:
    article = "Headline\n\nIntro. The US embassy moved to Lviv in western Ukraine on Monday. More."
    start = article.index("The US")
    end = article.index(" More")
    sentence = article[start:end]
    answered = AskResult(
        question="Where did the US embassy move?", answer=sentence, abstained=False, answer_doc_id="a.txt",
        answer_start=start, answer_end=end,
        citations=[Citation(doc_id="a.txt", title="Headline", text=sentence, start=start, end=end, score=0.9)],
    )
    result = ShortAnswerExtractor().run(question=answered.question, result=answered)["result"]
    assert result.short_answer == "Lviv"
    assert article[result.short_answer_start : result.short_answer_end] == "Lviv"
    abstained = AskResult(question="Where?", answer=None, abstained=True)
    assert ShortAnswerExtractor().run(question="Where?", result=abstained)["result"].short_answer is None


@pytest.mark.parametrize(
    ("question", "required"),
    [
        ("What is the capital of Belarus?", ["capital"]),
        ("What is the name of the Russian defence minister?", ["russian", "defens", "minister"]),
        ("What was the name of the student who carried out the shooting?", ["student"]),  # not the clause about him
        ("Which city was suspected to be a target?", []),
        ("What did Putin say?", []),
    ],
)
def test_relational_questions_require_their_relation(question: str, required: list[str]) -> None:
    assert required_words(question) == required


def test_the_type_word_does_not_tie_an_entity_to_the_question() -> None:
    # "university" says what kind of thing is wanted; an entity beside another university is not tied by it
    question = "At which university was Zurbuchen most recently a professor?"
    sentence = "He was also the university’s founding director of the Center for Entrepreneurship."
    start = sentence.index("the Center")
    centre = Entity(start, len(sentence) - 1, "ORG", sentence[start:-1])
    assert word_distance(sentence, centre, question) == 10_000
    assert word_distance(sentence, centre, "Which centre did the university's founding director run?") <= 2
