"""Retriever components for the PostgreSQL backend, handing on what the numpy store's retrievers hand on.

They run the official ``PgvectorEmbeddingRetriever`` / ``PgvectorKeywordRetriever`` and then shape the
documents as the ask and check pipelines expect: the query embedding may arrive as a numpy array, each
retriever's own score is kept in ``meta`` (``dense_score`` is the cosine, which the answerer weighs and
which fusion would otherwise overwrite; the keyword retriever adds it too when given the query's embedding),
and embeddings travel only when asked for.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
from haystack import Document, component
from haystack_integrations.components.retrievers.pgvector import (
    PgvectorEmbeddingRetriever,
    PgvectorKeywordRetriever,
)

from pipeline.components.retrievers import StoreRetriever
from pipeline.passage_meta import DENSE_SCORE, KEYWORD_SCORE, with_score
from pipeline.pgvector_store import PgvectorCorpusStore


def _shaped(documents: list[Document], key: str, return_embedding: bool) -> list[Document]:
    return [
        replace(
            d, embedding=d.embedding if return_embedding else None,
            meta={**d.meta, key: float(d.score) if d.score is not None else 0.0},
        )
        for d in documents
    ]


class _PgvectorRetriever(StoreRetriever):
    """The shared store, ``top_k``, ``return_embedding`` and serialisation, over the PostgreSQL store."""

    store_type = PgvectorCorpusStore


@component
class PgvectorDenseRetriever(_PgvectorRetriever):
    """Top passages by cosine similarity, computed in PostgreSQL by pgvector."""

    def __init__(
        self, *, document_store: PgvectorCorpusStore, top_k: int = 20, return_embedding: bool = False
    ) -> None:
        _PgvectorRetriever.__init__(self, document_store=document_store, top_k=top_k, return_embedding=return_embedding)
        self._retriever = PgvectorEmbeddingRetriever(
            document_store=document_store, top_k=top_k, vector_function="cosine_similarity"
        )

    @component.output_types(documents=list[Document])
    def run(
        self, query_embedding: np.ndarray | list[float], top_k: int | None = None, filters: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        embedding = np.asarray(query_embedding, dtype=np.float32).tolist()
        found = self._retriever.run(query_embedding=embedding, top_k=top_k or self.top_k, filters=filters)
        return {"documents": _shaped(found["documents"], DENSE_SCORE, self.return_embedding)}


@component
class PgvectorWordRetriever(_PgvectorRetriever):
    """Top passages holding any of the question's rarer words, ranked by PostgreSQL's ``ts_rank_cd``."""

    def __init__(
        self, *, document_store: PgvectorCorpusStore, top_k: int = 20, return_embedding: bool = False
    ) -> None:
        _PgvectorRetriever.__init__(self, document_store=document_store, top_k=top_k, return_embedding=return_embedding)
        self._retriever = PgvectorKeywordRetriever(document_store=document_store, top_k=top_k)

    @component.output_types(documents=list[Document])
    def run(
        self, query: str, top_k: int | None = None, filters: dict[str, Any] | None = None,
        query_embedding: np.ndarray | list[float] | None = None,
    ) -> dict[str, Any]:
        """Given the query's embedding too, each passage carries its cosine in ``meta["dense_score"]``."""
        if not query.strip():
            return {"documents": []}
        found = self._retriever.run(query=query, top_k=top_k or self.top_k, filters=filters)["documents"]
        if query_embedding is not None:
            found = [_with_cosine(d, query_embedding) for d in found]
        return {"documents": _shaped(found, KEYWORD_SCORE, self.return_embedding)}


def _with_cosine(document: Document, query_embedding: np.ndarray | list[float]) -> Document:
    if document.embedding is None:
        return document
    embedding = np.asarray(document.embedding, dtype=np.float32)
    query = np.asarray(query_embedding, dtype=np.float32)
    cosine = float(embedding @ query / ((np.linalg.norm(embedding) * np.linalg.norm(query)) or 1.0))
    return replace(document, meta=with_score(document, DENSE_SCORE, cosine))
