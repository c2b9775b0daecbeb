"""ClaimReview export: valid schema.org (checked against the vocabulary excerpt), Google's required
properties, the rating scale, and the source's exact words and offsets as evidence."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest

from pipeline import claimreview, contract
from pipeline.errors import InputError
from pipeline.settings import Settings
from pipeline.types import CheckResult, Difference, QuoteMatch, Verdict
from tests.conftest import CORPUS, SEED_ID
from tests.pipeline.schema_org import allowed_properties, google_claimreview_errors, schema_errors

ALTERED_QUOTE = "What we have to see is a complete withdrawal of troops"  # the seed says "substantial"
SOURCE_WORDS = "What we have to see is a substantial withdrawal of troops"
TODAY = date(2026, 11, 26)
SETTINGS = Settings(organization_name="Example Fact Desk", organization_url="https://factdesk.example.org")


def seed_match(**changes: Any) -> QuoteMatch:
    text = (CORPUS / SEED_ID).read_text(encoding="utf-8")
    start = text.index(SOURCE_WORDS)
    fields: dict[str, Any] = {
        "doc_id": SEED_ID, "title": "Why would Russia want to invade Ukraine?", "text": SOURCE_WORDS,
        "start": start, "end": start + len(SOURCE_WORDS), "speaker": "Jens Stoltenberg",
        "publisher": "NationalWorld", "published": "2022-02-15",
    }
    fields.update(changes)
    return QuoteMatch(**fields)


def altered_result() -> CheckResult:
    return CheckResult(
        quote=ALTERED_QUOTE, speaker="Stoltenberg", verdict="altered", similarity=0.909, match=seed_match(),
        differences=[Difference("replace", "complete", "substantial")],
        explanation="One word differs: “complete” where the source says “substantial”.",
    )


def export(result: CheckResult, **kwargs: Any) -> dict[str, Any]:
    return contract.claimreview_json(result, settings=SETTINGS, today=TODAY, **kwargs)


def assert_valid(review: dict[str, Any], *, needs_url: bool = False) -> None:
    assert schema_errors(review) == []
    assert google_claimreview_errors(review, needs_url=needs_url) == []


# -- the done-when case, on a hand-built result ------------------------------------------------------------------
def test_altered_stoltenberg_quote_is_a_valid_claimreview_with_the_sources_words_and_offsets() -> None:
    review = export(altered_result(), appearance="https://social.example/post/1", review_url="https://factdesk.example.org/checks/1")
    assert_valid(review, needs_url=True)
    assert review["claimReviewed"] == ALTERED_QUOTE
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Stoltenberg"},
        "appearance": {"@type": "CreativeWork", "url": "https://social.example/post/1"},
    }
    rating = review["reviewRating"]
    assert rating["alternateName"] == "Altered"
    assert (rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == (2, 1, 5)
    assert "“complete”" in rating["ratingExplanation"] and "“substantial”" in rating["ratingExplanation"]
    assert review["author"] == {"@type": "Organization", "name": "Example Fact Desk", "url": "https://factdesk.example.org"}
    assert review["datePublished"] == "2026-11-26"
    assert review["url"] == "https://factdesk.example.org/checks/1"

    article = review["citation"]
    assert article["@type"] == "Article" and article["identifier"] == SEED_ID
    assert article["publisher"] == {"@type": "Organization", "name": "NationalWorld"}
    assert article["datePublished"] == "2022-02-15"
    quotation = article["hasPart"]
    offsets = {p["propertyID"]: p["value"] for p in quotation["identifier"]}
    file_text = (CORPUS / SEED_ID).read_bytes().decode("utf-8")
    assert quotation["text"] == SOURCE_WORDS == file_text[offsets["startOffset"] : offsets["endOffset"]]
    assert quotation["spokenByCharacter"] == {"@type": "Person", "name": "Jens Stoltenberg"}


def test_the_export_is_plain_json() -> None:
    review = export(altered_result())
    assert json.loads(json.dumps(review)) == review


# -- the rating scale ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("verdict", "words", "value"),
    [
        ("verbatim", "Accurate (verbatim)", 5),
        ("paraphrase", "Paraphrase", 4),
        ("altered", "Altered", 2),
        ("misattributed", "Misattributed", 1),
    ],
)
def test_every_verdict_with_a_source_has_its_words_and_number(verdict: Verdict, words: str, value: int) -> None:
    result = altered_result()
    result.verdict = verdict
    review = export(result)
    assert_valid(review)
    assert review["reviewRating"]["alternateName"] == words
    assert review["reviewRating"]["ratingValue"] == value


def test_the_scale_runs_from_the_quote_most_faithful_to_the_least() -> None:
    values = [claimreview.RATING_SCALE[v].value for v in ("verbatim", "paraphrase", "altered", "misattributed")]
    assert values == sorted(values, reverse=True)
    assert all(claimreview.WORST_RATING <= v <= claimreview.BEST_RATING for v in values if v is not None)
    assert set(claimreview.RATING_SCALE) == {"verbatim", "paraphrase", "altered", "misattributed", "not_found"}


def test_not_found_has_words_but_no_number_and_no_evidence() -> None:
    result = CheckResult(quote="Nobody said this", speaker=None, verdict="not_found", similarity=0.2,
                         explanation="No source has these words, or says the same thing in other words.")
    review = export(result)
    assert_valid(review)
    assert review["reviewRating"]["alternateName"] == "Not found in sources"
    assert "ratingValue" not in review["reviewRating"] and "bestRating" not in review["reviewRating"]
    assert review["reviewRating"]["ratingExplanation"].startswith("No source has these words")
    assert "citation" not in review
    assert review["itemReviewed"] == {"@type": "Claim"}  # no speaker named, no appearance given


def test_misattributed_names_the_claimed_speaker_and_the_sources_speaker() -> None:
    result = CheckResult(quote=SOURCE_WORDS, speaker="Boris Johnson", verdict="misattributed", similarity=1.0,
                         match=seed_match(), explanation="The source has these words, but said by Jens Stoltenberg.")
    review = export(result)
    assert_valid(review)
    assert review["itemReviewed"]["author"]["name"] == "Boris Johnson"
    assert review["citation"]["hasPart"]["spokenByCharacter"]["name"] == "Jens Stoltenberg"


def test_every_change_is_named_even_when_the_engines_sentence_does_not() -> None:
    result = altered_result()
    result.explanation = "Close to the source, but one of them is negated: the quote reverses what the source says."
    result.differences = [Difference("insert", "not", ""), Difference("replace", "complete", "substantial")]
    explanation = export(result)["reviewRating"]["ratingExplanation"]
    assert explanation.startswith("Close to the source")
    assert "the quote adds “not”" in explanation
    assert "“complete” where the source says “substantial”" in explanation


# -- the source article ----------------------------------------------------------------------------------------
def test_the_articles_own_url_is_cited_and_a_bare_file_name_is_not_passed_off_as_one() -> None:
    with_url = export(CheckResult(**{**altered_result().__dict__, "match": seed_match(url="https://nationalworld.example/a")}))
    assert with_url["citation"]["url"] == "https://nationalworld.example/a"
    assert_valid(with_url)
    without = export(altered_result())["citation"]
    assert "url" not in without and without["identifier"] == SEED_ID


def test_a_free_text_publication_date_is_left_out_rather_than_sent_as_a_date() -> None:
    review = export(CheckResult(**{**altered_result().__dict__, "match": seed_match(published="last Tuesday")}))
    assert "datePublished" not in review["citation"]
    assert_valid(review)


def test_no_speaker_no_publisher_still_valid() -> None:
    result = CheckResult(**{**altered_result().__dict__, "speaker": None,
                            "match": seed_match(speaker=None, publisher=None, published=None)})
    review = export(result)
    assert_valid(review)
    assert "author" not in review["itemReviewed"]
    assert "spokenByCharacter" not in review["citation"]["hasPart"] and "publisher" not in review["citation"]


# -- inputs and settings ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "bad",
    ["not a url", "ftp://example.org/x", "javascript:alert(1)", "https://", "/relative/path", "https://exa mple.org/",
     "https://example.org/" + "x" * 2100],
)
def test_an_appearance_that_is_not_a_web_address_is_refused(bad: str) -> None:
    with pytest.raises(InputError, match="appearance URL"):
        export(altered_result(), appearance=bad)


def test_blank_appearance_is_none() -> None:
    assert "appearance" not in export(altered_result(), appearance="  ")["itemReviewed"]


def test_the_organisation_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_ORGANIZATION_NAME", "Desk of Record")
    monkeypatch.delenv("FACTCHECK_ORGANIZATION_URL", raising=False)
    review = contract.claimreview_json(altered_result(), settings=Settings(), today=TODAY)
    assert review["author"] == {"@type": "Organization", "name": "Desk of Record"}
    monkeypatch.setenv("FACTCHECK_ORGANIZATION_URL", "desk.example")
    with pytest.raises(InputError, match="FACTCHECK_ORGANIZATION_URL"):
        contract.claimreview_json(altered_result(), settings=Settings(), today=TODAY)


def test_date_published_defaults_to_today() -> None:
    review = contract.claimreview_json(altered_result(), settings=SETTINGS)
    assert date.fromisoformat(review["datePublished"]) >= TODAY


@pytest.mark.parametrize(
    ("quote", "name"),
    [
        (ALTERED_QUOTE, "claimreview-what-we-have-to-see-is-a-complete.jsonld"),
        ("“Ça va?” — ¡No!", "claimreview-ca-va-no.jsonld"),
        ("“…”", "claimreview.jsonld"),
    ],
)
def test_download_file_name_comes_from_the_quote(quote: str, name: str) -> None:
    assert claimreview.filename(quote) == name


# -- the validator itself catches bad output (so the checks above cannot pass by construction) ------------------
def mutated(change: Any) -> list[str]:
    review = copy.deepcopy(export(altered_result(), appearance="https://social.example/post/1"))
    change(review)
    return schema_errors(review)


def test_validator_rejects_a_property_not_allowed_on_its_type() -> None:
    def add_property(review: dict[str, Any]) -> None:
        review["citation"]["hasPart"]["additionalProperty"] = {"@type": "PropertyValue", "name": "x", "value": 1}

    assert mutated(add_property) == ["$.citation.hasPart: additionalProperty is not a property of Quotation"]
    assert "additionalProperty" not in allowed_properties("Quotation")


def test_validator_rejects_wrong_value_types_and_unknown_types() -> None:
    assert mutated(lambda r: r.update(reviewRating="Altered"))  # Text where a Rating is expected
    assert mutated(lambda r: r["itemReviewed"].update(author={"@type": "Rating", "ratingValue": 1}))
    assert mutated(lambda r: r["itemReviewed"].update(author={"@type": "Journalist", "name": "x"}))
    assert mutated(lambda r: r["citation"].update(url=SEED_ID))  # a file name is not a URL
    assert mutated(lambda r: r.update(datePublished="26/11/2026"))
    assert mutated(lambda r: r["citation"]["hasPart"].update(spokenByCharacter="Jens Stoltenberg"))  # Person
    assert not mutated(lambda r: r["reviewRating"].update(ratingValue="2"))  # Number or Text: Text is allowed
    assert mutated(lambda r: r.update(**{"@context": "http://example.org"}))


def test_google_requirements_are_checked() -> None:
    review = export(altered_result())
    assert google_claimreview_errors(review) == ["url is missing"]
    del review["reviewRating"]["alternateName"]
    assert "reviewRating.alternateName is missing" in google_claimreview_errors(review, needs_url=False)


# -- the real engine -------------------------------------------------------------------------------------------
@pytest.mark.model
def test_real_check_of_the_altered_stoltenberg_quote_exports_a_valid_altered_review(model_service: Any) -> None:
    result = model_service.check(ALTERED_QUOTE, "Stoltenberg")
    review = contract.claimreview_json(result, settings=SETTINGS)
    assert_valid(review)
    assert review["reviewRating"]["alternateName"] == "Altered"
    assert "“substantial”" in review["reviewRating"]["ratingExplanation"]
    quotation = review["citation"]["hasPart"]
    offsets = {p["propertyID"]: p["value"] for p in quotation["identifier"]}
    file_text = (CORPUS / review["citation"]["identifier"]).read_bytes().decode("utf-8")
    assert file_text[offsets["startOffset"] : offsets["endOffset"]] == quotation["text"]
    assert "substantial withdrawal of troops" in quotation["text"]
    assert quotation["spokenByCharacter"]["name"] == "Jens Stoltenberg"
