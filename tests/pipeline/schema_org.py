"""Validate JSON-LD against an excerpt of the schema.org vocabulary (``schema_org_claimreview.json``).

Strict on purpose: an unknown ``@type``, a property not allowed on its type (nor on any ancestor), or a
value of a type outside the property's range (Text where a Rating is expected, a relative path where
a URL is expected) is an error. Google's ClaimReview requirements are checked separately.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

VOCABULARY = Path(__file__).with_name("schema_org_claimreview.json")


@cache
def vocabulary() -> dict[str, Any]:
    return json.loads(VOCABULARY.read_text(encoding="utf-8"))


def ancestors(type_name: str) -> list[str]:
    """The type and every type above it, nearest first."""
    types = vocabulary()["types"]
    out = [type_name]
    for parent in types[type_name]["parents"]:
        out += [t for t in ancestors(parent) if t not in out]
    return out


def allowed_properties(type_name: str) -> dict[str, list[str]]:
    types = vocabulary()["types"]
    allowed: dict[str, list[str]] = {}
    for name in ancestors(type_name):
        allowed.update(types[name]["properties"])
    return allowed


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Every way ``document`` departs from the vocabulary; empty when it is valid."""
    errors: list[str] = []
    if document.get("@context") not in ("https://schema.org", "https://schema.org/"):
        errors.append(f"@context is {document.get('@context')!r}, not https://schema.org")
    _check_node(document, "$", errors)
    return errors


def _check_node(node: dict[str, Any], path: str, errors: list[str]) -> None:
    type_name = node.get("@type")
    if not isinstance(type_name, str) or type_name not in vocabulary()["types"]:
        errors.append(f"{path}: unknown @type {type_name!r}")
        return
    allowed = allowed_properties(type_name)
    for key, value in node.items():
        if key.startswith("@"):
            if key not in ("@context", "@type", "@id"):
                errors.append(f"{path}: unexpected keyword {key}")
            continue
        if key not in allowed:
            errors.append(f"{path}: {key} is not a property of {type_name}")
            continue
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            where = f"{path}.{key}" + (f"[{index}]" if isinstance(value, list) else "")
            _check_value(item, allowed[key], where, errors)


def _check_value(value: Any, expected: list[str], path: str, errors: list[str]) -> None:
    if isinstance(value, dict):
        type_name = value.get("@type")
        if isinstance(type_name, str) and type_name in vocabulary()["types"]:
            if not set(ancestors(type_name)) & set(expected):
                errors.append(f"{path}: a {type_name} where {' or '.join(expected)} is expected")
                return
        _check_node(value, path, errors)
        return
    if not any(_is_datatype(value, name) for name in expected):
        errors.append(f"{path}: {value!r} is not a {' or '.join(expected)}")


def _is_datatype(value: Any, name: str) -> bool:
    datatypes = vocabulary()["datatypes"]
    if name not in datatypes:
        return False  # an object type: a bare value does not stand for one here
    if isinstance(value, bool):
        return name == "Boolean"
    if name in ("Text", "PronounceableText"):
        return isinstance(value, str)
    if name == "URL":
        parts = urlsplit(value) if isinstance(value, str) else None
        return parts is not None and parts.scheme in ("http", "https") and bool(parts.netloc)
    if name == "Number":
        return isinstance(value, int | float)
    if name == "Integer":
        return isinstance(value, int)
    if name == "Float":
        return isinstance(value, float)
    if name == "Date":
        return isinstance(value, str) and _parses(date.fromisoformat, value)
    if name == "DateTime":
        return isinstance(value, str) and "T" in value and _parses(datetime.fromisoformat, value)
    return False


def _parses(parse: Any, value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


def google_claimreview_errors(review: dict[str, Any], *, needs_url: bool = True) -> list[str]:
    """Google's fact-check markup: required claimReviewed, reviewRating.alternateName, url; recommended
    author, datePublished, itemReviewed (we require them all)."""
    errors = []
    if review.get("@type") != "ClaimReview":
        errors.append("the root is not a ClaimReview")
    if not isinstance(review.get("claimReviewed"), str) or not review["claimReviewed"].strip():
        errors.append("claimReviewed is missing")
    rating = review.get("reviewRating")
    if not isinstance(rating, dict) or not str(rating.get("alternateName") or "").strip():
        errors.append("reviewRating.alternateName is missing")
    elif "ratingValue" in rating and not rating.get("worstRating", 1) <= rating["ratingValue"] <= rating.get(
        "bestRating", 5
    ):
        errors.append("reviewRating.ratingValue is outside worstRating..bestRating")
    required = ["author", "datePublished", "itemReviewed"] + (["url"] if needs_url else [])
    errors += [f"{name} is missing" for name in required if not review.get(name)]
    return errors
