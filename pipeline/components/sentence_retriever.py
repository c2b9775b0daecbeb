"""The corpus sentences closest in meaning to a quote, with their cosine to it, from the ``SentenceIndex``.

Replaces re-embedding the sentences of a few retrieved passages on every check: all sentences were
embedded at indexing time, so this is one matrix-vector product over every sentence of the corpus.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from haystack import Document, component, default_from_dict, default_to_dict

from pipeline.passage_meta import DENSE_SCORE, SourceSpan
from pipeline.sentence_index import SentenceIndex
from pipeline.types import Article


class RetrievedSentence(Document):
    """A sentence as the retriever hands it on: made afresh for each run and held by nothing else, so Haystack's
    deep copy of a component's inputs (meant to keep one component's changes from reaching another) can be
    the document itself. Copying a check's 40 candidates took 2.2 ms of a 30 ms warm check."""

    def __deepcopy__(self, memo: dict[int, Any]) -> RetrievedSentence:
        return self


@component
class SentenceRetriever:
    """Top sentences by cosine; the corpus data is handed over by ``attach`` (the component serialises to ``top_k``)."""

    def __init__(self, *, top_k: int = 40, return_embedding: bool = False) -> None:
        if top_k <= 0:
            raise ValueError(f"top_k must be greater than 0, got {top_k}")
        self.top_k = top_k
        # Off by default: each sentence's cosine is in its meta already, and Haystack deep-copies documents
        # between components, 384 floats a sentence (about half of a warm check's time at 40 sentences).
        self.return_embedding = return_embedding
        self._sentences = SentenceIndex.empty()
        self._articles: Mapping[str, Article] = {}

    def attach(self, *, sentences: SentenceIndex, articles: Mapping[str, Article]) -> None:
        self._sentences = sentences
        self._articles = articles

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self, top_k=self.top_k, return_embedding=self.return_embedding)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceRetriever:
        return default_from_dict(cls, data)

    @component.output_types(documents=list[Document])
    def run(self, query_embedding: np.ndarray | list[float], top_k: int | None = None) -> dict[str, Any]:
        index = self._sentences
        query = np.asarray(query_embedding, dtype=np.float32)
        documents = []
        for row, score in index.search(query, top_k or self.top_k):
            doc_id = index.doc_ids[int(index.docs[row])]
            article = self._articles.get(doc_id)
            if article is None:
                continue
            start, end = int(index.starts[row]), int(index.ends[row])
            embedding = np.array(index.embeddings[row], dtype=np.float32).tolist() if self.return_embedding else None
            documents.append(
                RetrievedSentence(
                    id=f"{doc_id}:{start}:{end}",
                    content=article.text[start:end],
                    meta={**SourceSpan(doc_id, start, end).to_meta(), "title": article.title,
                          "sentences": [[start, end]], DENSE_SCORE: score},
                    embedding=embedding,
                    score=score,
                )
            )
        return {"documents": documents}
