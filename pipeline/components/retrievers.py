"""Retriever components for ``NumpyDocumentStore``: dense (embedding) and sparse (BM25)."""

from typing import Any

import numpy as np
from haystack import Document, component, default_from_dict, default_to_dict

from pipeline.store import NumpyDocumentStore


class StoreRetriever:
    """What both retrievers share: a store, a default ``top_k``, whether documents carry their embeddings
    (as Haystack's own retrievers' ``return_embedding``), and serialisation of the three."""

    store_type: Any = NumpyDocumentStore  # the store class ``from_dict`` rebuilds

    def __init__(self, *, document_store: Any, top_k: int = 20, return_embedding: bool = False) -> None:
        if top_k <= 0:
            raise ValueError(f"top_k must be greater than 0, got {top_k}")
        self.document_store = document_store
        self.top_k = top_k
        self.return_embedding = return_embedding

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(
            self, document_store=self.document_store.to_dict(), top_k=self.top_k,
            return_embedding=self.return_embedding,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Any:
        params = data["init_parameters"]
        params["document_store"] = cls.store_type.from_dict(params["document_store"])
        return default_from_dict(cls, data)


@component
class NumpyEmbeddingRetriever(StoreRetriever):
    """Top passages by cosine similarity to the query embedding."""

    @component.output_types(documents=list[Document])
    def run(
        self, query_embedding: np.ndarray | list[float], top_k: int | None = None, filters: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        documents = self.document_store.embedding_retrieval(
            query_embedding, top_k=top_k or self.top_k, filters=filters, return_embedding=self.return_embedding
        )
        return {"documents": documents}


@component
class NumpyBM25Retriever(StoreRetriever):
    """Top passages by BM25 over stemmed content words."""

    @component.output_types(documents=list[Document])
    def run(
        self, query: str, top_k: int | None = None, filters: dict[str, Any] | None = None,
        query_embedding: np.ndarray | list[float] | None = None,
    ) -> dict[str, Any]:
        """Given the query's embedding too, each passage carries its cosine in ``meta["dense_score"]``."""
        documents = self.document_store.bm25_retrieval(
            query, top_k=top_k or self.top_k, filters=filters, return_embedding=self.return_embedding,
            query_embedding=query_embedding,
        )
        return {"documents": documents}
