"""Every sentence of every passage with its embedding, computed once at indexing time.

A quote check then embeds only the quote and searches all sentences, instead of re-embedding the
sentences of a few retrieved passages on every check. The index is immutable; an update splices one
article's rows in and returns a new index.

The search reads every row, so it is bound by memory traffic (74,000 float32 rows at 1,000 articles: 113 MB,
12 ms on one core). It first scores a bfloat16 copy of the rows (half the bytes, and this CPU multiplies
bfloat16 natively: 2–3 ms), then scores its shortlist exactly in float32. The result is the exact search's,
rows and cosines: when the shortlist could have missed a row, the exact scan runs instead.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import torch

# A cosine of unit vectors from bfloat16 rows and query (8 significant bits each, so each product is off by at
# most 2 * 2^-8 of its size, and the products' sizes sum to at most 1) with a bfloat16 result (2^-8 more) is
# within 2^-7 + 2^-8 = 0.0117 of the float32 one; rounded up.
COARSE_ERROR = 0.0125
# The coarse pass keeps this many rows for each one asked for, then scores them exactly.
COARSE_SHORTLIST_FACTOR = 8
# Below this many rows the exact scan takes well under a millisecond: no coarse pass.
COARSE_MIN_ROWS = 4096


@dataclass(frozen=True)
class SentenceIndex:
    """Row i is sentence ``[starts[i], ends[i])`` of article ``doc_ids[docs[i]]``, embedded in ``embeddings[i]``."""

    doc_ids: tuple[str, ...]
    docs: np.ndarray  # (m,) int32 index into doc_ids
    starts: np.ndarray  # (m,) int64
    ends: np.ndarray  # (m,) int64
    embeddings: np.ndarray  # (m, dim) float32, rows normalised (may be memory-mapped)
    coarse: np.ndarray = field(repr=False)  # (m, dim) uint16: ``embeddings`` as bfloat16 (``bfloat16_bits``)

    def __post_init__(self) -> None:
        if self.coarse.shape != self.embeddings.shape:
            raise ValueError(f"bfloat16 rows {self.coarse.shape} do not match the embeddings {self.embeddings.shape}")

    @classmethod
    def empty(cls) -> SentenceIndex:
        none = np.zeros(0, np.int64)
        return cls((), np.zeros(0, np.int32), none, none, np.zeros((0, 0), np.float32), np.zeros((0, 0), np.uint16))

    @classmethod
    def of_article(cls, doc_id: str, spans: list[tuple[int, int]], embeddings: np.ndarray) -> SentenceIndex:
        count = len(spans)
        starts = np.array([s for s, _ in spans], dtype=np.int64).reshape(count)
        ends = np.array([e for _, e in spans], dtype=np.int64).reshape(count)
        normalised = _normalised(embeddings)
        return cls((doc_id,), np.zeros(count, np.int32), starts, ends, normalised, bfloat16_bits(normalised))

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
            np.concatenate([np.asarray(p.coarse) for p in parts]),
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
        unit = np.asarray(query / norm if norm else query, dtype=np.float32)
        k = min(top_k, len(self))
        if len(self) >= COARSE_MIN_ROWS:
            found = self._search_coarse_first(unit, k)
            if found is not None:
                return found
        scores = np.asarray(self.embeddings @ unit, dtype=np.float32)
        return _best(np.arange(len(scores)), scores, k)

    def _search_coarse_first(self, unit: np.ndarray, k: int) -> list[tuple[int, float]] | None:
        """The exact top ``k`` from a bfloat16 shortlist, grown while a row left out could still belong in it
        (copies of one sentence in many articles tie); None when the shortlist would be a large part of the rows."""
        import torch

        coarse = (self._coarse_rows @ torch.from_numpy(unit).to(torch.bfloat16)).float().numpy()
        size = k * COARSE_SHORTLIST_FACTOR
        while size <= len(self) // COARSE_SHORTLIST_FACTOR:
            shortlist = np.sort(np.argpartition(-coarse, size - 1)[:size])
            scores = np.asarray(self.embeddings[shortlist] @ unit, dtype=np.float32)
            best = _best(shortlist, scores, k)
            # a row outside the shortlist scores at most the shortlist's lowest coarse score + COARSE_ERROR
            if best[-1][1] > float(coarse[shortlist].min()) + COARSE_ERROR:
                return best
            size *= COARSE_SHORTLIST_FACTOR
        return None

    @cached_property
    def _coarse_rows(self) -> torch.Tensor:
        import torch

        with warnings.catch_warnings():  # a read-only memory map: the tensor is only read
            warnings.simplefilter("ignore", UserWarning)
            return torch.from_numpy(np.asarray(self.coarse).view(np.int16)).view(torch.bfloat16)

    def _slice(self, lo: int, hi: int) -> SentenceIndex:
        return SentenceIndex(self.doc_ids, self.docs[lo:hi], self.starts[lo:hi], self.ends[lo:hi],
                             self.embeddings[lo:hi], self.coarse[lo:hi])

    def _compacted(self) -> SentenceIndex:
        """Drop names no row refers to any more, so ``doc_ids`` does not grow with every update."""
        used = np.unique(self.docs)
        if len(used) == len(self.doc_ids):
            return self
        remap = np.full(len(self.doc_ids), -1, np.int32)
        remap[used] = np.arange(len(used), dtype=np.int32)
        return SentenceIndex(tuple(self.doc_ids[i] for i in used), remap[self.docs], self.starts, self.ends,
                             self.embeddings, self.coarse)


def _normalised(embeddings: np.ndarray) -> np.ndarray:
    matrix = np.asarray(embeddings, dtype=np.float32)
    if matrix.ndim != 2 or not matrix.size:
        return np.zeros((0, 0), np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def bfloat16_bits(embeddings: np.ndarray) -> np.ndarray:
    """The float32 rows rounded to the nearest bfloat16 (ties to even), as the uint16 bit patterns torch reads."""
    matrix = np.ascontiguousarray(embeddings, dtype=np.float32)
    bits = matrix.view(np.uint32)
    rounded = bits + np.uint32(0x7FFF) + ((bits >> np.uint32(16)) & np.uint32(1))
    return (rounded >> np.uint32(16)).astype(np.uint16)


def _best(rows: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The ``k`` highest ``scores`` with their ``rows`` (ascending), highest first; among rows tied with the
    ``k``-th, the first in row order, so a shortlist and the full scan pick the same copies."""
    kth = np.partition(scores, len(scores) - k)[len(scores) - k]
    top = np.flatnonzero(scores >= kth)
    top = top[np.lexsort((rows[top], -scores[top]))][:k]
    return [(int(rows[i]), float(scores[i])) for i in top]
