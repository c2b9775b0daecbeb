"""Every sentence of every passage with its embedding, computed once at indexing time.

A quote check then embeds only the quote and searches all sentences with one matrix-vector
product, instead of re-embedding the sentences of a few retrieved passages on every check. The
index is immutable; an update splices one article's rows in and returns a new index.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SentenceIndex:
    """Row i is sentence ``[starts[i], ends[i])`` of article ``doc_ids[docs[i]]``, embedded in ``embeddings[i]``."""

    doc_ids: tuple[str, ...]
    docs: np.ndarray  # (m,) int32 index into doc_ids
    starts: np.ndarray  # (m,) int64
    ends: np.ndarray  # (m,) int64
    embeddings: np.ndarray  # (m, dim) float32, rows normalised (may be memory-mapped)

    @classmethod
    def empty(cls) -> SentenceIndex:
        none = np.zeros(0, np.int64)
        return cls((), np.zeros(0, np.int32), none, none, np.zeros((0, 0), np.float32))

    @classmethod
    def of_article(cls, doc_id: str, spans: list[tuple[int, int]], embeddings: np.ndarray) -> SentenceIndex:
        count = len(spans)
        starts = np.array([s for s, _ in spans], dtype=np.int64).reshape(count)
        ends = np.array([e for _, e in spans], dtype=np.int64).reshape(count)
        return cls((doc_id,), np.zeros(count, np.int32), starts, ends, _normalised(embeddings))

    @classmethod
    def concatenate(cls, parts: list[SentenceIndex]) -> SentenceIndex:
        parts = [p for p in parts if len(p)]
        if not parts:
            return cls.empty()
        doc_ids: list[str] = []
        docs = []
        for part in parts:
            docs.append(part.docs + len(doc_ids))
            doc_ids.extend(part.doc_ids)
        return cls(
            tuple(doc_ids), np.concatenate(docs).astype(np.int32), np.concatenate([p.starts for p in parts]),
            np.concatenate([p.ends for p in parts]), np.concatenate([np.asarray(p.embeddings) for p in parts]),
        )

    def __len__(self) -> int:
        return int(self.docs.shape[0])

    def rows_of(self, doc_id: str) -> tuple[int, int]:
        """The contiguous rows of one article (``(r, r)`` where it would go if it has none)."""
        if doc_id not in self.doc_ids:
            return (0, 0)
        index = self.doc_ids.index(doc_id)
        rows = np.flatnonzero(self.docs == index)
        return (int(rows[0]), int(rows[-1]) + 1) if len(rows) else (0, 0)

    def spliced(self, start: int, stop: int, part: SentenceIndex) -> SentenceIndex:
        """A new index with rows ``[start, stop)`` replaced by ``part``'s rows."""
        before = self._slice(0, start)
        after = self._slice(stop, len(self))
        return SentenceIndex.concatenate([before, part, after])._compacted()

    def search(self, query: np.ndarray, top_k: int) -> list[tuple[int, float]]:
        """The ``top_k`` rows closest to ``query`` by cosine, closest first (ties in row order)."""
        if not len(self) or query.shape[0] != self.embeddings.shape[1]:
            return []
        norm = float(np.linalg.norm(query))
        scores = np.asarray(self.embeddings @ (query / norm if norm else query), dtype=np.float32)
        k = min(top_k, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.lexsort((best, -scores[best]))]
        return [(int(row), float(scores[row])) for row in best]

    def _slice(self, lo: int, hi: int) -> SentenceIndex:
        return SentenceIndex(self.doc_ids, self.docs[lo:hi], self.starts[lo:hi], self.ends[lo:hi],
                             self.embeddings[lo:hi])

    def _compacted(self) -> SentenceIndex:
        """Drop names no row refers to any more, so ``doc_ids`` does not grow with every update."""
        used = np.unique(self.docs)
        if len(used) == len(self.doc_ids):
            return self
        remap = np.full(len(self.doc_ids), -1, np.int32)
        remap[used] = np.arange(len(used), dtype=np.int32)
        return SentenceIndex(tuple(self.doc_ids[i] for i in used), remap[self.docs], self.starts, self.ends,
                             self.embeddings)


def _normalised(embeddings: np.ndarray) -> np.ndarray:
    matrix = np.asarray(embeddings, dtype=np.float32)
    if matrix.ndim != 2 or not matrix.size:
        return np.zeros((0, 0), np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)
