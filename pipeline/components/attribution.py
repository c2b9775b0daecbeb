"""Haystack component: articles in, attributed statements out (see ``pipeline.attribution``)."""

from __future__ import annotations

from typing import Any

from haystack import component, default_from_dict, default_to_dict

from pipeline.attribution import extract_statements
from pipeline.types import Article, Statement


@component
class StatementExtractor:
    """Finds every direct quotation and reported statement, with its speaker, in each article.

    Rule-based and stateless, so it needs no warm-up and serialises to its type alone.
    """

    @component.output_types(statements=list[Statement])
    def run(self, articles: list[Article]) -> dict[str, list[Statement]]:
        """Statements of all ``articles``, article by article, each in document order."""
        statements: list[Statement] = []
        for article in articles:
            statements.extend(extract_statements(article))
        return {"statements": statements}

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StatementExtractor:
        return default_from_dict(cls, data)
