"""An in-memory document store over numpy and scipy indexes, behind Haystack's ``DocumentStore`` protocol.

Haystack's stock ``InMemoryDocumentStore`` scores every document in Python on every query; at
50,000 passages that is about 0.8 s a dense query. Here dense retrieval is one matrix-vector
product and BM25 one sparse-matrix product, so a query stays in milliseconds. Anything written
against the protocol (``write_documents``, ``filter_documents``...) and the two retriever
components in ``pipeline.components.retrievers`` can later be swapped for a distributed store.

Readers never see a half-built index: writes rebuild the matrices aside and swap them in under a lock.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from haystack import Document, default_from_dict, default_to_dict
from haystack.document_stores.errors import DuplicateDocumentError
from haystack.document_stores.types import DuplicatePolicy
from haystack.utils.filters import document_matches_filter
from scipy import sparse

from pipeline.lexicon import terms
from pipeline.term_statistics import bm25_idf


@dataclass(frozen=True)
class _Snapshot:
    """Everything a query reads, replaced as a whole on every write."""

    ids: tuple[str, ...]
    documents: dict[str, Document]
    embeddings: np.ndarray  # (n, dim) float32, rows normalised
    has_embedding: np.ndarray  # (n,) bool
    vocabulary: dict[str, int]
    bm25: sparse.csc_matrix  # (n, vocabulary) BM25 term weights
    idf: np.ndarray


_EMPTY = _Snapshot((), {}, np.zeros((0, 0), np.float32), np.zeros(0, bool), {}, sparse.csc_matrix((0, 0)), np.zeros(0))


class NumpyDocumentStore:
    """Documents plus a dense matrix and a BM25 sparse matrix, rebuilt on write."""

    def __init__(self, *, bm25_k1: float = 1.5, bm25_b: float = 0.75) -> None:
        self.bm25_k1 = bm25_k1
        self.bm25_b = bm25_b
        self._lock = threading.Lock()
        self._documents: dict[str, Document] = {}
        self._term_counts: dict[str, Counter[str]] = {}
        self._snapshot = _EMPTY

    # -- DocumentStore protocol -------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self, bm25_k1=self.bm25_k1, bm25_b=self.bm25_b)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NumpyDocumentStore:
        return default_from_dict(cls, data)

    def count_documents(self) -> int:
        return len(self._snapshot.ids)

    def filter_documents(self, filters: dict[str, Any] | None = None) -> list[Document]:
        documents = list(self._snapshot.documents.values())
        if not filters:
            return documents
        return [doc for doc in documents if document_matches_filter(filters=filters, document=doc)]

    def write_documents(self, documents: list[Document], policy: DuplicatePolicy = DuplicatePolicy.NONE) -> int:
        with self._lock:
            written = 0
            for document in documents:
                if document.id in self._documents:
                    if policy == DuplicatePolicy.SKIP:
                        continue
                    if policy in (DuplicatePolicy.FAIL, DuplicatePolicy.NONE):
                        raise DuplicateDocumentError(f"document {document.id} already exists")
                self._documents[document.id] = document
                self._term_counts[document.id] = Counter(terms(document.content or ""))
                written += 1
            self._rebuild()
        return written

    def delete_documents(self, document_ids: list[str]) -> None:
        with self._lock:
            for document_id in document_ids:
                self._documents.pop(document_id, None)
                self._term_counts.pop(document_id, None)
            self._rebuild()

    # -- Bulk replacement, used when a whole corpus index is swapped in ----------------------------------
    def replace_all(self, documents: list[Document]) -> None:
        """Swap the store's content for ``documents`` in one step."""
        with self._lock:
            self._documents = {doc.id: doc for doc in documents}
            self._term_counts = {doc.id: Counter(terms(doc.content or "")) for doc in documents}
            self._rebuild()

    # -- Retrieval ---------------------------------------------------------------------------------------
    def embedding_retrieval(
        self, query_embedding: np.ndarray | list[float], *, top_k: int = 10, filters: dict[str, Any] | None = None,
        return_embedding: bool = False,
    ) -> list[Document]:
        snap = self._snapshot
        if not snap.ids or not snap.has_embedding.any():
            return []
        query = np.asarray(query_embedding, dtype=np.float32)
        norm = float(np.linalg.norm(query))
        if norm > 0:
            query = query / norm
        scores = snap.embeddings @ query
        scores[~snap.has_embedding] = -np.inf
        return self._top(snap, scores, top_k, filters, key="dense_score", return_embedding=return_embedding)

    def bm25_retrieval(
        self, query: str, *, top_k: int = 10, filters: dict[str, Any] | None = None, return_embedding: bool = False,
        query_embedding: np.ndarray | list[float] | None = None,
    ) -> list[Document]:
        """With ``query_embedding``, each passage also carries its cosine to it in ``meta["dense_score"]``."""
        snap = self._snapshot
        columns = [snap.vocabulary[t] for t in set(terms(query)) if t in snap.vocabulary]
        if not snap.ids or not columns:
            return []
        scores = np.asarray(snap.bm25[:, columns].sum(axis=1)).ravel()
        scores[scores <= 0] = -np.inf
        dense_query = None
        if query_embedding is not None and snap.has_embedding.any():
            dense_query = np.asarray(query_embedding, dtype=np.float32)
            dense_query = dense_query / (float(np.linalg.norm(dense_query)) or 1.0)
        return self._top(
            snap, scores, top_k, filters, key="bm25_score", return_embedding=return_embedding, dense_query=dense_query
        )

    # -- TermStatistics (pipeline.term_statistics), from the BM25 index ---------------------------------
    def idf(self, term: str) -> float:
        """Inverse document frequency of a stemmed term (terms never seen get the highest value)."""
        snap = self._snapshot
        column = snap.vocabulary.get(term)
        if column is None:
            return bm25_idf(len(snap.ids), 0)
        return float(snap.idf[column])

    def has_term(self, term: str) -> bool:
        return term in self._snapshot.vocabulary

    # -- Internals ---------------------------------------------------------------------------------------
    @staticmethod
    def _top(
        snap: _Snapshot, scores: np.ndarray, top_k: int, filters: dict[str, Any] | None, *, key: str,
        return_embedding: bool, dense_query: np.ndarray | None = None,
    ) -> list[Document]:
        if filters:
            allowed = np.array(
                [document_matches_filter(filters=filters, document=snap.documents[i]) for i in snap.ids], dtype=bool
            )
            scores = np.where(allowed, scores, -np.inf)
        k = min(top_k, len(scores))
        if k <= 0:
            return []
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        results = []
        for row in best:
            score = float(scores[row])
            if not math.isfinite(score):
                break
            document = snap.documents[snap.ids[row]]
            # Embeddings only when asked: pipelines copy their inputs, and 384 floats per passage add up.
            embedding = document.embedding if return_embedding else None
            meta = {**document.meta, key: score}
            if dense_query is not None and snap.has_embedding[row]:
                meta["dense_score"] = float(snap.embeddings[row] @ dense_query)
            results.append(replace(document, score=score, embedding=embedding, meta=meta))
        return results

    def _rebuild(self) -> None:
        ids = tuple(self._documents)
        documents = dict(self._documents)
        n = len(ids)
        dim = next((len(d.embedding) for d in documents.values() if d.embedding is not None), 0)
        embeddings = np.zeros((n, dim), dtype=np.float32)
        has_embedding = np.zeros(n, dtype=bool)
        for row, doc_id in enumerate(ids):
            embedding = documents[doc_id].embedding
            if embedding is not None and len(embedding) == dim:
                embeddings[row] = embedding
                has_embedding[row] = True
        norms = np.linalg.norm(embeddings, axis=1, keepdims=True)
        embeddings = embeddings / np.where(norms == 0, 1, norms)

        vocabulary: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        counts: list[float] = []
        lengths = np.zeros(n, dtype=np.float32)
        for row, doc_id in enumerate(ids):
            term_counts = self._term_counts[doc_id]
            lengths[row] = sum(term_counts.values())
            for term, count in term_counts.items():
                rows.append(row)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
                counts.append(count)
        tf = sparse.csr_matrix((counts, (rows, cols)), shape=(n, len(vocabulary)), dtype=np.float32)
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocabulary)).astype(np.float32)
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5))  # bm25_idf over the whole vocabulary
        average = float(lengths.mean()) if n else 1.0
        norm = self.bm25_k1 * (1 - self.bm25_b + self.bm25_b * lengths / max(average, 1e-9))
        tf = tf.tocoo()
        weights = tf.data * (self.bm25_k1 + 1) / (tf.data + norm[tf.row]) * idf[tf.col]
        bm25 = sparse.csc_matrix((weights, (tf.row, tf.col)), shape=tf.shape, dtype=np.float32)
        self._snapshot = _Snapshot(ids, documents, embeddings, has_embedding, vocabulary, bm25, idf)
