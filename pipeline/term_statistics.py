"""What the answerer needs to know about the corpus's words, whatever store holds the passages.

Haystack's ``DocumentStore`` protocol and retrievers give documents, scores and embeddings, but not how
rare a word is across the corpus; the answerer weights a question's words by that rarity. Each store
backend implements this small interface beside its retrievers (the numpy store from its BM25 index,
the PostgreSQL store from a term table kept in the same database).
"""

from __future__ import annotations

import math
from typing import Protocol, runtime_checkable


@runtime_checkable
class TermStatistics(Protocol):
    """Document frequencies of stemmed content words (``pipeline.lexicon.terms``)."""

    def idf(self, term: str) -> float:
        """Inverse document frequency; a term the corpus never uses gets the highest value."""
        ...

    def has_term(self, term: str) -> bool:
        """Whether any passage uses the term."""
        ...


def bm25_idf(documents: int, frequency: int) -> float:
    """The BM25 (Lucene) idf both stores use, so the answerer weighs words the same over either."""
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))
