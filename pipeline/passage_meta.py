"""The one declared schema of ``Document.meta`` for passages and sentences, and its single reader.

Haystack documents carry metadata as a free dict. The offsets in it are what every citation is built
from, so the keys are written in one place (the ``to_meta`` methods here) and read in one place (the
``of`` methods and ``source_span``): a renamed or missing key fails loudly here instead of silently
giving wrong offsets somewhere else. Retrievers add their own score under ``DENSE_SCORE``,
``BM25_SCORE`` or ``KEYWORD_SCORE``; ``retrieval_score`` reads the dense one back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from haystack import Document

from pipeline.types import Role, Span

# A named entity as spaCy found it in one sentence: start and end into that sentence, and its label.
RawEntity = tuple[int, int, str]

DENSE_SCORE = "dense_score"  # the passage's cosine to the question, whichever retriever found it
BM25_SCORE = "bm25_score"
KEYWORD_SCORE = "keyword_score"
SENTENCE_OF = "sentence_of"  # on a sentence document: the id of the passage it belongs to
# On a passage: per sentence, its named entities, as one string ("0,5,GPE;9,14,ORG|" + the next sentence's):
# Haystack deep-copies documents between components, and a string is copied for free where nested lists
# of every sentence's entities cost milliseconds a question.
ENTITIES = "entities"


class MetaError(ValueError):
    """A document whose meta does not follow the schema (a bug, never user input)."""


@dataclass(frozen=True)
class SourceSpan:
    """What any document cut from an article carries: which article, and the exact characters."""

    doc_id: str
    start: int
    end: int

    def to_meta(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class PassageMeta:
    """Where a passage sits in its article: its own span, its paragraph's and its sentences'."""

    doc_id: str
    title: str
    start: int
    end: int
    role: Role
    paragraph: int
    paragraph_start: int
    paragraph_end: int
    sentences: tuple[Span, ...]
    # Each sentence's named entities, found at indexing time so that answering never loads the parser;
    # None for a passage indexed without them.
    entities: tuple[tuple[RawEntity, ...], ...] | None = None

    def to_meta(self) -> dict[str, Any]:
        """The JSON-serialisable dict stored in ``Document.meta`` (and in the index cache)."""
        meta = {
            **SourceSpan(self.doc_id, self.start, self.end).to_meta(),
            "title": self.title,
            "role": self.role,
            "paragraph": self.paragraph,
            "paragraph_start": self.paragraph_start,
            "paragraph_end": self.paragraph_end,
            "sentences": [[s.start, s.end] for s in self.sentences],
        }
        if self.entities is not None:
            meta[ENTITIES] = "|".join(";".join(f"{s},{e},{label}" for s, e, label in found) for found in self.entities)
        return meta

    def sentence_texts(self, content: str) -> list[str]:
        """The text of each sentence, cut from the passage's ``content``."""
        return [content[s.start - self.start : s.end - self.start] for s in self.sentences]

    @classmethod
    def of(cls, document: Document) -> PassageMeta:
        meta = document.meta
        try:
            span = source_span(document)
            return cls(
                doc_id=span.doc_id,
                title=str(meta.get("title", "")),
                start=span.start,
                end=span.end,
                role=cast(Role, meta.get("role", "body")),
                paragraph=int(meta.get("paragraph", 0)),
                paragraph_start=int(meta.get("paragraph_start", span.start)),
                paragraph_end=int(meta.get("paragraph_end", span.end)),
                sentences=tuple(Span(int(s), int(e)) for s, e in meta["sentences"]),
                entities=_entities(meta.get(ENTITIES)),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise MetaError(f"document {document.id} is not a passage: {error!r}") from None


@dataclass(frozen=True)
class SentenceMeta:
    """One sentence of a multi-sentence passage, embedded beside it at indexing time."""

    doc_id: str
    start: int
    end: int
    passage_id: str

    def to_meta(self) -> dict[str, Any]:
        return {**SourceSpan(self.doc_id, self.start, self.end).to_meta(), SENTENCE_OF: self.passage_id}

    @classmethod
    def of(cls, document: Document) -> SentenceMeta | None:
        """The sentence's meta, or None for a document that is not a passage's sentence."""
        if SENTENCE_OF not in document.meta:
            return None
        span = source_span(document)
        return cls(span.doc_id, span.start, span.end, str(document.meta[SENTENCE_OF]))


def _entities(value: Any) -> tuple[tuple[RawEntity, ...], ...] | None:
    if value is None:
        return None
    return tuple(tuple(_entity(item) for item in found.split(";") if item) for found in str(value).split("|"))


def _entity(item: str) -> RawEntity:
    start, end, label = item.split(",")
    return int(start), int(end), label


def source_span(document: Document) -> SourceSpan:
    """The article and characters a passage or sentence document was cut from."""
    meta = document.meta or {}
    try:
        return SourceSpan(str(meta["doc_id"]), int(meta["start"]), int(meta["end"]))
    except (KeyError, TypeError, ValueError) as error:
        raise MetaError(f"document {document.id} has no source span: {error!r}") from None


def has_source_span(document: Document) -> bool:
    meta = document.meta or {}
    return "doc_id" in meta and "start" in meta and "end" in meta


def retrieval_score(document: Document) -> float | None:
    """The passage's cosine to the question, when a retriever gave one."""
    value = document.meta.get(DENSE_SCORE)
    return None if value is None else float(value)


def with_score(document: Document, key: str, score: float) -> dict[str, Any]:
    """``document``'s meta with a retriever's score added under ``key``."""
    return {**document.meta, key: score}
