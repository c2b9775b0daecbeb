"""Answers with the real model on the bundled corpus: the dev set and our own cases (slow: marked ``model``)."""

import pytest

from pipeline.evaluation import evaluate, fold
from tests.conftest import DEV_SET, PROJECT_ROOT

pytestmark = pytest.mark.model
OWN_CASES = PROJECT_ROOT / "tests" / "eval" / "seed"


def test_lviv_is_answered_with_exact_citations(model_service) -> None:
    result = model_service.ask("Where has the US embassy been temporarily relocated?")
    assert not result.abstained and "Lviv" in result.answer
    assert len(result.answer.split()) <= 60
    article = model_service.article(result.citations[0].doc_id)
    assert article.text[result.answer_start : result.answer_end] == result.answer
    for citation in result.citations:
        assert model_service.article(citation.doc_id).text[citation.start : citation.end] == citation.text
    assert result.citations[0].publisher == "NationalWorld" and result.citations[0].published == "2022-02-15"


@pytest.mark.parametrize(
    "question",
    [
        "What did the French president say about sanctions?",
        "How many aircraft does the Russian air force have?",
        "When will the Olympics in Paris start?",
        "What is the population of Ukraine?",
    ],
)
def test_abstains_when_the_sources_do_not_say(model_service, question: str) -> None:
    result = model_service.ask(question)
    assert result.abstained and result.answer is None and result.citations == []


def test_boilerplate_is_never_cited(model_service) -> None:
    result = model_service.ask("Who produces NationalWorld and how can I sign up to the newsletter?")
    assert all("newsletter" not in fold(c.text) for c in result.citations + result.closest)


def test_dev_set_answers(model_service) -> None:
    report = evaluate(model_service, DEV_SET)
    assert report.metrics["answer_accuracy"] >= 0.9, report.failures
    assert report.metrics["abstention_accuracy"] >= 0.9, report.failures
    assert report.metrics["citation_offsets_exact"] == 1.0


def test_own_cases(model_service) -> None:
    report = evaluate(model_service, OWN_CASES)
    assert report.metrics["answer_accuracy"] >= 0.85, report.failures
    assert report.metrics["abstention_accuracy"] >= 0.85, report.failures
    assert report.metrics["citation_offsets_exact"] == 1.0
