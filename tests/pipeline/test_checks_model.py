"""Quote checks and "What did X say?" with the real model on the bundled corpus (slow: marked ``model``)."""

import pytest

from pipeline.evaluation import evaluate
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.model
HELD_OUT = PROJECT_ROOT / "tests" / "eval" / "heldout"

# Reported speech (and a quote ending a reported clause) is cited with the words naming who reports it; a direct
# quote as its own words.
STOLTENBERG = [
    "NATO Secretary General Jens Stoltenberg has said that any real signs of de-escalation in the region is yet to be"
    " seen.",
    "What we have to see is a substantial withdrawal of troops, not only troops but equipment.",
    "It’s too early to say whether we see anything on the ground, but we are following very closely what they are"
    " doing.",
    "Mr Stoltenberg said that the move to do so would be a “violation of international law”.",
]


def test_a_changed_word_is_altered_with_its_difference(model_service) -> None:
    result = model_service.check("What we have to see is a complete withdrawal of troops", "Stoltenberg")
    assert result.verdict == "altered"
    assert result.match.speaker == "Jens Stoltenberg"
    assert model_service.article(result.match.doc_id).text[result.match.start : result.match.end] == result.match.text
    assert [(d.op, d.quote, d.source) for d in result.differences] == [("replace", "complete", "substantial")]


def test_the_same_words_in_another_mouth_are_misattributed(model_service) -> None:
    result = model_service.check("What we have to see is a complete withdrawal of troops", "Joe Biden")
    assert result.verdict == "misattributed" and result.match.speaker == "Jens Stoltenberg"


@pytest.mark.parametrize(
    ("quote", "speaker", "verdict"),
    [
        ("“It's too early to say whether we see anything on the ground”", "Stoltenberg", "verbatim"),
        ("It’s too  early to say\nwhether we see anything on the ground", None, "verbatim"),
        ("We have yet verified that.", "Joe Biden", "altered"),  # a dropped "not" is never verbatim
        ("The safety of British nationals is not our top priority", "Foreign Office", "altered"),
        ("Sadly there was no constructive answer to our proposal.", "Vladimir Putin", "paraphrase"),
        ("NATO will dissolve itself by the end of the year.", None, "not_found"),
        # close in meaning, opposite in claim: never a paraphrase
        ("We have verified that Russian units are going home.", "Joe Biden", "altered"),
    ],
)
def test_verdicts(model_service, quote: str, speaker: str | None, verdict: str) -> None:
    assert model_service.check(quote, speaker).verdict == verdict


def test_what_did_stoltenberg_say_cites_his_four_statements_and_nothing_else(model_service) -> None:
    result = model_service.ask("What did Stoltenberg say?")
    assert not result.abstained and result.route == "speaker"
    assert [c.text for c in result.citations] == STOLTENBERG
    assert {c.speaker for c in result.citations} == {"Jens Stoltenberg"}
    starts = [c.start for c in result.citations]
    assert starts == sorted(starts)


def test_a_person_the_sources_never_quote_gets_an_abstention(model_service) -> None:
    result = model_service.ask("What did Emmanuel Macron say?")
    assert result.abstained and result.route == "speaker"


def test_topic_filter(model_service) -> None:
    result = model_service.ask("What has Boris Johnson said about field hospitals?")
    assert result.citations and all(c.speaker == "Boris Johnson" for c in result.citations)
    assert any("field hospitals" in c.text for c in result.citations)


def test_held_out_article_with_no_tuning(tmp_path) -> None:
    """An article written after the rules were fixed: figures reported in the README, floor asserted here."""
    from pipeline.service import FactChecker
    from pipeline.settings import Settings

    service = FactChecker(Settings(corpus_dir=HELD_OUT / "corpus", cache_dir=tmp_path / "cache"))
    report = evaluate(service, HELD_OUT)
    assert report.metrics["false_verbatim"] == 0
    assert report.metrics["citation_offsets_exact"] == 1.0
    assert report.metrics["abstention_accuracy"] >= 0.8
