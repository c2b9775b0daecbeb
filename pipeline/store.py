"""An in-memory document store over numpy and scipy indexes, behind Haystack's ``DocumentStore`` protocol.

Haystack's stock ``InMemoryDocumentStore`` scores every document in Python on every query; at
50,000 passages that is about 0.8 s a dense query. Here dense retrieval is one matrix-vector
product and BM25 one sparse-matrix product, so a query stays in milliseconds. Anything written
against the protocol (``write_documents``, ``filter_documents``...) and the two retriever
components in ``pipeline.components.retrievers`` can later be swapped for a distributed store.

Readers never see a half-built index: everything a query reads is one immutable ``StoreState``,
replaced whole under a lock. Writes are incremental: new rows are spliced into the matrices and the
BM25 weights recomputed from the raw term counts in one vectorised step (no per-document Python
loop over the corpus), so adding one article to 50,000 passages costs tens of milliseconds. Rows can
live on disk (``RowSource``, e.g. an index snapshot) and are read only when a query returns them.
"""

from __future__ import annotations

import bisect
import math
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np
from haystack import Document, default_from_dict, default_to_dict
from haystack.document_stores.errors import DuplicateDocumentError
from haystack.document_stores.types import DuplicatePolicy
from haystack.utils.filters import document_matches_filter
from scipy import sparse

from pipeline.lexicon import terms
from pipeline.passage_meta import BM25_SCORE, DENSE_SCORE
from pipeline.term_statistics import bm25_idf


class RowSource(Protocol):
    """Documents (without embeddings) by row number, e.g. read lazily from an index snapshot on disk."""

    def __len__(self) -> int: ...

    def documents(self, rows: Sequence[int]) -> list[Document]: ...

    def ids(self) -> list[str]: ...


class _ListSource:
    def __init__(self, documents: list[Document]) -> None:
        self._documents = documents

    def __len__(self) -> int:
        return len(self._documents)

    def documents(self, rows: Sequence[int]) -> list[Document]:
        return [self._documents[row] for row in rows]

    def ids(self) -> list[str]:
        return [d.id for d in self._documents]


@dataclass(frozen=True)
class _Rows:
    """The store's rows as contiguous runs of row sources: a splice cuts runs, never copies documents."""

    runs: tuple[tuple[RowSource, int, int], ...] = ()  # (source, first row, one past the last row)

    @property
    def offsets(self) -> list[int]:
        out, total = [], 0
        for _, lo, hi in self.runs:
            out.append(total)
            total += hi - lo
        return out

    def __len__(self) -> int:
        return sum(hi - lo for _, lo, hi in self.runs)

    def documents(self, rows: Sequence[int]) -> list[Document]:
        offsets = self.offsets
        wanted: dict[int, list[tuple[int, int]]] = {}
        for position, row in enumerate(rows):
            run = bisect.bisect_right(offsets, row) - 1
            wanted.setdefault(run, []).append((position, self.runs[run][1] + row - offsets[run]))
        out: list[Document | None] = [None] * len(rows)
        for run, pairs in wanted.items():
            found = self.runs[run][0].documents([source_row for _, source_row in pairs])
            for (position, _), document in zip(pairs, found, strict=True):
                out[position] = document
        return [d for d in out if d is not None]

    def ids(self) -> list[str]:
        out: list[str] = []
        for source, lo, hi in self.runs:
            out.extend(source.ids()[lo:hi])
        return out

    def spliced(self, start: int, stop: int, documents: list[Document]) -> _Rows:
        runs: list[tuple[RowSource, int, int]] = []
        position = 0
        inserted = False
        for source, lo, hi in self.runs:
            length = hi - lo
            if position < start:
                runs.append((source, lo, lo + min(length, start - position)))
            if not inserted and position + length >= start:
                if documents:
                    runs.append((_ListSource(documents), 0, len(documents)))
                inserted = True
            if position + length > stop:
                runs.append((source, lo + max(0, stop - position), hi))
            position += length
        if not inserted and documents:
            runs.append((_ListSource(documents), 0, len(documents)))
        return _Rows(tuple((s, lo, hi) for s, lo, hi in runs if hi > lo))


@dataclass(frozen=True)
class StoreState:
    """Everything a query reads, replaced as a whole on every write (arrays may be memory-mapped)."""

    rows: _Rows
    embeddings: np.ndarray  # (n, dim) float32, rows normalised
    has_embedding: np.ndarray  # (n,) bool
    vocabulary: dict[str, int]
    term_counts: sparse.csr_matrix  # (n, vocabulary) raw term frequencies, for incremental updates
    bm25: sparse.csc_matrix  # (n, vocabulary) BM25 term weights
    idf: np.ndarray
    df: np.ndarray
    # Filled as queries run: document id → row of the passages handed out last.
    recent_rows: dict[str, int] = field(default_factory=dict, compare=False)
    _row_of: dict[str, int] = field(default_factory=dict, compare=False)

    def __len__(self) -> int:
        return int(self.has_embedding.shape[0])

    def row_of(self, document_id: str) -> int | None:
        if document_id in self.recent_rows:
            return self.recent_rows[document_id]
        if not self._row_of and len(self):
            self._row_of.update((doc_id, row) for row, doc_id in enumerate(self.rows.ids()))
        return self._row_of.get(document_id)


def _empty_state() -> StoreState:
    return StoreState(
        _Rows(), np.zeros((0, 0), np.float32), np.zeros(0, bool), {}, sparse.csr_matrix((0, 0), dtype=np.float32),
        sparse.csc_matrix((0, 0), dtype=np.float32), np.zeros(0, np.float32), np.zeros(0, np.float32),
    )


class NumpyDocumentStore:
    """Documents plus a dense matrix and a BM25 sparse matrix, updated by splicing rows."""

    def __init__(self, *, bm25_k1: float = 1.5, bm25_b: float = 0.75) -> None:
        self.bm25_k1 = bm25_k1
        self.bm25_b = bm25_b
        self._lock = threading.Lock()
        self._snapshot = _empty_state()

    # -- DocumentStore protocol -------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self, bm25_k1=self.bm25_k1, bm25_b=self.bm25_b)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NumpyDocumentStore:
        return default_from_dict(cls, data)

    def count_documents(self) -> int:
        return len(self._snapshot)

    def filter_documents(self, filters: dict[str, Any] | None = None) -> list[Document]:
        """Every document (read from disk if the rows live there: meant for tools and tests, not queries)."""
        snap = self._snapshot
        documents = [
            replace(d, embedding=snap.embeddings[row].tolist() if snap.has_embedding[row] else None)
            for row, d in enumerate(snap.rows.documents(range(len(snap))))
        ]
        if not filters:
            return documents
        return [doc for doc in documents if document_matches_filter(filters=filters, document=doc)]

    def write_documents(self, documents: list[Document], policy: DuplicatePolicy = DuplicatePolicy.NONE) -> int:
        with self._lock:
            snap = self._snapshot
            fresh: dict[str, Document] = {}
            replaced: set[int] = set()
            for document in documents:
                row = snap.row_of(document.id)
                if row is not None or document.id in fresh:
                    if policy == DuplicatePolicy.SKIP:
                        continue
                    if policy in (DuplicatePolicy.FAIL, DuplicatePolicy.NONE):
                        raise DuplicateDocumentError(f"document {document.id} already exists")
                    if row is not None:
                        replaced.add(row)
                fresh[document.id] = document
            if replaced:
                snap = self._delete_rows(snap, replaced)
            added = list(fresh.values())
            self._snapshot = self._splice(snap, len(snap), len(snap), added, _embeddings_of(added))
        return len(added)

    def delete_documents(self, document_ids: list[str]) -> None:
        with self._lock:
            snap = self._snapshot
            rows = {row for row in (snap.row_of(i) for i in document_ids) if row is not None}
            if rows:
                self._snapshot = self._delete_rows(snap, rows)

    # -- Bulk and incremental replacement, used when a corpus index is built or updated ------------------
    def replace_all(self, documents: list[Document], embeddings: np.ndarray | None = None) -> None:
        """Swap the store's content for ``documents`` (embeddings as one matrix, or on the documents)."""
        if embeddings is None:
            embeddings = _embeddings_of(documents)
        with self._lock:
            self._snapshot = self._splice(_empty_state(), 0, 0, documents, embeddings)

    def spliced(
        self, start: int, stop: int, documents: list[Document], embeddings: np.ndarray | None = None
    ) -> NumpyDocumentStore:
        """A new store whose rows ``[start, stop)`` are replaced by ``documents``; this one is left as it was.

        Rows keep their order, so one article spliced in where it sits in the corpus gives exactly the
        rows (and scores, and tie orders) of a full rebuild.
        """
        if embeddings is None:
            embeddings = _embeddings_of(documents)
        other = NumpyDocumentStore(bm25_k1=self.bm25_k1, bm25_b=self.bm25_b)
        other._snapshot = self._splice(self._snapshot, start, stop, documents, embeddings)
        return other

    @property
    def state(self) -> StoreState:
        """The current immutable state (for writing it to a snapshot on disk)."""
        return self._snapshot

    @classmethod
    def from_state(
        cls, *, source: RowSource, embeddings: np.ndarray, has_embedding: np.ndarray, vocabulary: dict[str, int],
        term_counts: sparse.csr_matrix, bm25: sparse.csc_matrix, idf: np.ndarray, df: np.ndarray,
        bm25_k1: float = 1.5, bm25_b: float = 0.75,
    ) -> NumpyDocumentStore:
        """A store over arrays read back from disk (memory-mapped or not) and rows read on demand."""
        store = cls(bm25_k1=bm25_k1, bm25_b=bm25_b)
        rows = _Rows(((source, 0, len(source)),)) if len(source) else _Rows()
        store._snapshot = StoreState(rows, embeddings, has_embedding, vocabulary, term_counts, bm25, idf, df)
        return store

    # -- Retrieval ---------------------------------------------------------------------------------------
    def embedding_retrieval(
        self, query_embedding: np.ndarray | list[float], *, top_k: int = 10, filters: dict[str, Any] | None = None,
        return_embedding: bool = False,
    ) -> list[Document]:
        snap = self._snapshot
        if not len(snap) or not snap.has_embedding.any():
            return []
        query = np.asarray(query_embedding, dtype=np.float32)
        if query.shape[0] != snap.embeddings.shape[1]:
            return []
        norm = float(np.linalg.norm(query))
        if norm > 0:
            query = query / norm
        scores = np.asarray(snap.embeddings @ query, dtype=np.float32)
        scores[~snap.has_embedding] = -np.inf
        return self._top(snap, scores, top_k, filters, key=DENSE_SCORE, return_embedding=return_embedding)

    def bm25_retrieval(
        self, query: str, *, top_k: int = 10, filters: dict[str, Any] | None = None, return_embedding: bool = False,
        query_embedding: np.ndarray | list[float] | None = None,
    ) -> list[Document]:
        """With ``query_embedding``, each passage also carries its cosine to it in ``meta["dense_score"]``."""
        snap = self._snapshot
        columns = [snap.vocabulary[t] for t in set(terms(query)) if t in snap.vocabulary]
        if not len(snap) or not columns:
            return []
        scores = np.asarray(snap.bm25[:, columns].sum(axis=1)).ravel()
        scores[scores <= 0] = -np.inf
        dense_query = None
        if query_embedding is not None and snap.has_embedding.any():
            dense_query = np.asarray(query_embedding, dtype=np.float32)
            dense_query = dense_query / (float(np.linalg.norm(dense_query)) or 1.0)
        return self._top(
            snap, scores, top_k, filters, key=BM25_SCORE, return_embedding=return_embedding, dense_query=dense_query
        )

    # -- TermStatistics (pipeline.term_statistics), from the BM25 index ---------------------------------

    def idf(self, term: str) -> float:
        """Inverse document frequency of a stemmed term (terms never seen get the highest value)."""
        snap = self._snapshot
        column = snap.vocabulary.get(term)
        if column is None:
            return bm25_idf(len(snap), 0)
        return float(snap.idf[column])

    def has_term(self, term: str) -> bool:
        snap = self._snapshot
        column = snap.vocabulary.get(term)
        return column is not None and snap.df[column] > 0

    # -- Internals ---------------------------------------------------------------------------------------
    @staticmethod
    def _top(
        snap: StoreState, scores: np.ndarray, top_k: int, filters: dict[str, Any] | None, *, key: str,
        return_embedding: bool, dense_query: np.ndarray | None = None,
    ) -> list[Document]:
        if filters:
            documents = snap.rows.documents(range(len(snap)))
            allowed = np.array([document_matches_filter(filters=filters, document=d) for d in documents], dtype=bool)
            scores = np.where(allowed, scores, -np.inf)
        k = min(top_k, len(scores))
        if k <= 0:
            return []
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        rows = [int(row) for row in best if math.isfinite(float(scores[row]))]
        results = []
        for row, document in zip(rows, snap.rows.documents(rows), strict=True):
            score = float(scores[row])
            snap.recent_rows[document.id] = row
            # Embeddings only when asked: pipelines copy their inputs, and 384 floats per passage add up.
            embedding = snap.embeddings[row].tolist() if return_embedding and snap.has_embedding[row] else None
            meta = {**document.meta, key: score}
            if dense_query is not None and snap.has_embedding[row]:
                meta[DENSE_SCORE] = float(snap.embeddings[row] @ dense_query)
            results.append(replace(document, score=score, embedding=embedding, meta=meta))
        return results

    def _delete_rows(self, snap: StoreState, rows: set[int]) -> StoreState:
        """Rows removed one contiguous run at a time (from the last, so earlier row numbers stay valid)."""
        ordered = sorted(rows)
        runs: list[list[int]] = []
        for row in ordered:
            if runs and runs[-1][1] == row:
                runs[-1][1] = row + 1
            else:
                runs.append([row, row + 1])
        for start, stop in reversed(runs):
            snap = self._splice(snap, start, stop, [], np.zeros((0, 0), np.float32))
        return snap

    def _splice(
        self, snap: StoreState, start: int, stop: int, documents: list[Document], embeddings: np.ndarray
    ) -> StoreState:
        """A new state with rows ``[start, stop)`` replaced by ``documents``; BM25 recomputed vectorised."""
        n_old = len(snap)
        dim = snap.embeddings.shape[1] if n_old and snap.embeddings.shape[1] else 0
        if documents and embeddings.size:
            dim = dim or embeddings.shape[1]
        new_embeddings, new_has = _normalised(documents, embeddings, dim)
        keep_before, keep_after = slice(0, start), slice(stop, n_old)
        old_embeddings = snap.embeddings if snap.embeddings.shape[1] == dim else np.zeros((n_old, dim), np.float32)
        all_embeddings = np.concatenate([old_embeddings[keep_before], new_embeddings, old_embeddings[keep_after]])
        has_embedding = np.concatenate([snap.has_embedding[keep_before], new_has, snap.has_embedding[keep_after]])

        vocabulary = dict(snap.vocabulary)
        rows: list[int] = []
        cols: list[int] = []
        counts: list[float] = []
        for row, document in enumerate(documents):
            for term, count in Counter(terms(document.content or "")).items():
                rows.append(row)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
                counts.append(count)
        width = len(vocabulary)
        added = sparse.csr_matrix((counts, (rows, cols)), shape=(len(documents), width), dtype=np.float32)
        old = snap.term_counts
        old = sparse.csr_matrix((old.data, old.indices, old.indptr), shape=(n_old, width))
        term_counts = sparse.vstack([old[keep_before], added, old[keep_after]], format="csr", dtype=np.float32)
        bm25, idf, df = self._weights(term_counts)
        source_rows = snap.rows.spliced(start, stop, [replace(d, embedding=None) for d in documents])
        return StoreState(source_rows, all_embeddings, has_embedding, vocabulary, term_counts, bm25, idf, df)

    def _weights(self, term_counts: sparse.csr_matrix) -> tuple[sparse.csc_matrix, np.ndarray, np.ndarray]:
        """BM25 weights of every (passage, term) pair, from raw counts, in a few array operations."""
        n, width = term_counts.shape
        df = np.bincount(term_counts.indices, minlength=width).astype(np.float32)
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)  # bm25_idf over the whole vocabulary
        lengths = np.asarray(term_counts.sum(axis=1), dtype=np.float32).ravel()
        average = float(lengths.mean()) if n else 1.0
        norm = self.bm25_k1 * (1 - self.bm25_b + self.bm25_b * lengths / max(average, 1e-9))
        row_of_entry = np.repeat(np.arange(n), np.diff(term_counts.indptr))
        tf = term_counts.data
        weights = tf * (self.bm25_k1 + 1) / (tf + norm[row_of_entry]) * idf[term_counts.indices]
        bm25 = sparse.csr_matrix(
            (weights.astype(np.float32), term_counts.indices, term_counts.indptr), shape=(n, width)
        ).tocsc()
        return bm25, idf, df


def _embeddings_of(documents: list[Document]) -> np.ndarray:
    dims = {len(d.embedding) for d in documents if d.embedding is not None}
    if not dims:
        return np.zeros((len(documents), 0), np.float32)
    dim = max(dims)
    out = np.zeros((len(documents), dim), np.float32)
    for row, document in enumerate(documents):
        if document.embedding is not None and len(document.embedding) == dim:
            out[row] = document.embedding
    return out


def _normalised(documents: list[Document], embeddings: np.ndarray, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """Unit-length rows and which rows have an embedding (a zero row, or a wrong width, has none)."""
    count = len(documents)
    if not count:
        return np.zeros((0, dim), np.float32), np.zeros(0, bool)
    if embeddings.ndim != 2 or embeddings.shape[0] != count or embeddings.shape[1] != dim or dim == 0:
        return np.zeros((count, dim), np.float32), np.zeros(count, bool)
    matrix = np.asarray(embeddings, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    has = norms.ravel() > 0
    return matrix / np.where(norms == 0, 1, norms), has
