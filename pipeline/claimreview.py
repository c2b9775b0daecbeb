"""A quote check as schema.org ``ClaimReview`` JSON-LD: the form in which fact-checks are published.

``pipeline.contract.claimreview_json`` is the only caller: every JSON the service emits leaves through
the contract module, while the mapping from our verdicts to schema.org lives here as one idea.

The shape (every property is one schema.org allows on its type; ``tests/pipeline/test_claimreview.py``
checks that against an excerpt of the vocabulary):

- ``claimReviewed`` the quote; ``itemReviewed`` a ``Claim`` whose ``author`` is the claimed speaker and
  whose ``appearance`` is where the quote was seen;
- ``reviewRating`` a ``Rating``: the verdict in words (``alternateName``), a number on ``RATING_SCALE``,
  and ``ratingExplanation`` naming the changed words;
- ``author`` the organisation publishing the review (settings), ``datePublished`` today, ``url`` the
  review's own page when given;
- ``citation`` the source ``Article`` (headline, its URL when known, ``identifier`` = our ``doc_id``,
  publisher, date) whose ``hasPart`` is a ``Quotation``: the exact source words (``text``), who the
  source says said them (``spokenByCharacter``) and their character offsets. schema.org has no
  offset property for text (``startOffset``/``endOffset`` belong to media ``Clip``s, and
  ``additionalProperty`` is not allowed on creative works), so the offsets are two ``PropertyValue``
  identifiers, ``startOffset`` and ``endOffset``, which ``identifier`` accepts on every type.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from pipeline.errors import InputError, InputTooLongError
from pipeline.types import CheckResult, Difference, QuoteMatch, Verdict

SCHEMA_CONTEXT = "https://schema.org"
MEDIA_TYPE = "application/ld+json"
# Browsers and servers commonly cap URLs near 2,000 characters; a longer "URL" is not one a reader can follow.
MAX_URL_CHARS = 2000
# A file name long enough to recognise the quote, short enough for any file system.
FILENAME_WORDS = 8
FILENAME_MAX_CHARS = 60


@dataclass(frozen=True)
class RatingStep:
    """One verdict on the published scale: its number (None: not rated) and its words (``alternateName``)."""

    value: int | None
    words: str


# How faithfully the quote represents its source, 5 best, 1 worst (Google's fact-check convention:
# 1 false ... 5 true). 3 is unused: no verdict of ours is "half right". A quote we cannot find gets no
# number: the silence of our sources is not evidence that it is false, only that we could not check it.
BEST_RATING = 5
WORST_RATING = 1
RATING_SCALE: dict[Verdict, RatingStep] = {
    "verbatim": RatingStep(5, "Accurate (verbatim)"),
    "paraphrase": RatingStep(4, "Paraphrase"),
    "altered": RatingStep(2, "Altered"),
    "misattributed": RatingStep(1, "Misattributed"),
    "not_found": RatingStep(None, "Not found in sources"),
}


def claim_review(
    result: CheckResult,
    *,
    organization_name: str,
    organization_url: str | None = None,
    appearance: str | None = None,
    review_url: str | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """The ``ClaimReview`` of one check; raises ``InputError`` for an address that is not a web URL."""
    appearance = web_url(appearance, "the appearance URL")
    review_url = web_url(review_url, "the review URL")
    organization_url = web_url(organization_url, "FACTCHECK_ORGANIZATION_URL")
    review: dict[str, Any] = {"@context": SCHEMA_CONTEXT, "@type": "ClaimReview"}
    if review_url:
        review["url"] = review_url
    review["claimReviewed"] = result.quote
    review["itemReviewed"] = _claim(result.speaker, appearance)
    review["reviewRating"] = _rating(result)
    review["author"] = _organization(organization_name, organization_url)
    review["datePublished"] = (today or datetime.now(UTC).date()).isoformat()
    if result.match is not None:
        review["citation"] = _source_article(result.match)
    return review


def web_url(value: str | None, what: str) -> str | None:
    """An absolute http(s) address, trimmed; None for nothing. Anything else is refused, never guessed at."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if len(value) > MAX_URL_CHARS:
        raise InputTooLongError(f"{what} is longer than {MAX_URL_CHARS} characters")
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname or _has_space(value):
        raise InputError(f"{what} must be a web address starting with http:// or https://")
    return value


def filename(quote: str) -> str:
    """A download name from the quote's first words: ``claimreview-what-we-have-to-see.jsonld``."""
    plain = unicodedata.normalize("NFKD", quote).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", plain.lower())[:FILENAME_WORDS]
    stem = "-".join(words)[:FILENAME_MAX_CHARS].strip("-")
    return f"claimreview-{stem}.jsonld" if stem else "claimreview.jsonld"


def _has_space(value: str) -> bool:
    return any(ch.isspace() or ord(ch) < 32 for ch in value)


def _claim(speaker: str | None, appearance: str | None) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim"}
    if speaker:
        claim["author"] = {"@type": "Person", "name": speaker}
    if appearance:
        claim["appearance"] = {"@type": "CreativeWork", "url": appearance}
    return claim


def _rating(result: CheckResult) -> dict[str, Any]:
    step = RATING_SCALE[result.verdict]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": step.words}
    if step.value is not None:
        rating.update(ratingValue=step.value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    rating["ratingExplanation"] = _explanation(result)
    return rating


def _explanation(result: CheckResult) -> str:
    """The engine's own sentence, plus every changed word when that sentence does not already name them all."""
    explanation = result.explanation.strip()
    parts = [explanation] if explanation else []
    if result.differences and not all(_named_in(d, explanation) for d in result.differences):
        parts.append("Changes from the source: " + "; ".join(_change(d) for d in result.differences) + ".")
    if not parts:
        parts.append(f"Verdict: {RATING_SCALE[result.verdict].words}.")
    return " ".join(parts)


def _named_in(difference: Difference, sentence: str) -> bool:
    return all(f"“{words}”" in sentence for words in (difference.quote, difference.source) if words)


def _change(difference: Difference) -> str:
    if difference.op == "replace":
        return f"the quote says “{difference.quote}” where the source says “{difference.source}”"
    if difference.op == "insert":
        return f"the quote adds “{difference.quote}”"
    return f"the quote leaves out “{difference.source}”"


def _organization(name: str, url: str | None) -> dict[str, Any]:
    organization: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        organization["url"] = url
    return organization


def _source_article(match: QuoteMatch) -> dict[str, Any]:
    """The article the verdict rests on, holding the exact words and where they sit in its text."""
    article: dict[str, Any] = {"@type": "Article", "headline": match.title, "identifier": match.doc_id}
    if match.url:
        article["url"] = match.url
    if match.publisher:
        article["publisher"] = {"@type": "Organization", "name": match.publisher}
    if _is_iso_date(match.published):
        article["datePublished"] = match.published
    quotation: dict[str, Any] = {
        "@type": "Quotation",
        "text": match.text,
        "identifier": [_offset("startOffset", match.start), _offset("endOffset", match.end)],
    }
    if match.speaker:
        quotation["spokenByCharacter"] = {"@type": "Person", "name": match.speaker}
    article["hasPart"] = quotation
    return article


def _offset(name: str, value: int) -> dict[str, Any]:
    return {"@type": "PropertyValue", "propertyID": name, "value": value, "unitText": "characters"}


def _is_iso_date(value: str | None) -> bool:
    """Only a date schema.org can read goes out as ``datePublished`` (free text such as "last Tuesday" does not)."""
    if not value:
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
