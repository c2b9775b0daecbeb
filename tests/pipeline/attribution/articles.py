"""Helpers shared by the attribution tests: throwaway articles and compact views of statements."""

from __future__ import annotations

from pathlib import Path

from pipeline.attribution import extract_statements
from pipeline.corpus import parse_article
from pipeline.types import Article, Statement

FIXTURES = Path(__file__).parent.parent.parent / "fixtures" / "articles"


def load(path: Path) -> Article:
    return parse_article(path.name, path.read_bytes())


def make_article(*paragraphs: str, headline: str = "A headline for the test case") -> Article:
    """A throwaway article: a headline, then one paragraph per argument."""
    text = headline + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return parse_article("case.txt", text.encode("utf-8"))


def statements_of(*paragraphs: str, headline: str = "A headline for the test case") -> list[Statement]:
    return extract_statements(make_article(*paragraphs, headline=headline))


def triples(statements: list[Statement]) -> list[tuple[str | None, str, str]]:
    return [(s.speaker, s.kind, s.text) for s in statements]


def spoken(statements: list[Statement]) -> list[tuple[str | None, str]]:
    """(speaker, first 30 characters) of each statement: enough to say whose words are whose."""
    return [(s.speaker, s.text[:30]) for s in statements]
