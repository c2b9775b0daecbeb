"""Haystack component: articles in, attributed statements out (see ``pipeline.attribution``)."""

from __future__ import annotations

from typing import Any

from haystack import component, default_from_dict, default_to_dict

from pipeline.attribution import extract_all
from pipeline.types import Article, Statement


@component
class StatementExtractor:
    """Finds every direct quotation and reported statement, with its speaker, in each article.

    Rules over a spaCy parse (``pipeline.nlp.english``, loaded once per process on first use); stateless,
    so it serialises to its type alone. The articles of one call are parsed in one batch.
    """

    @component.output_types(statements=list[Statement])
    def run(self, articles: list[Article]) -> dict[str, list[Statement]]:
        """Statements of all ``articles``, article by article, each in document order."""
        statements: list[Statement] = []
        for found in extract_all(articles):
            statements.extend(found)
        return {"statements": statements}

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StatementExtractor:
        return default_from_dict(cls, data)
