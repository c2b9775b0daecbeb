"""Reciprocal rank fusion of several ranked lists, keeping each retriever's own score in ``meta``.

Haystack's ``DocumentJoiner`` fuses too, but drops the per-retriever scores that the answerer
needs to judge how strong the evidence is.
"""

from dataclasses import replace
from typing import Any

from haystack import Document, component, default_from_dict, default_to_dict
from haystack.core.component.types import Variadic


@component
class ReciprocalRankFusion:
    """score(d) = sum over lists of 1 / (k + rank); ties keep the first list's order."""

    def __init__(self, *, k: int = 60, top_k: int | None = None) -> None:
        self.k = k
        self.top_k = top_k

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self, k=self.k, top_k=self.top_k)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ReciprocalRankFusion":
        return default_from_dict(cls, data)

    @component.output_types(documents=list[Document])
    def run(self, documents: Variadic[list[Document]], top_k: int | None = None) -> dict[str, Any]:
        fused: dict[str, float] = {}
        merged: dict[str, Document] = {}
        for ranked in documents:
            for rank, document in enumerate(ranked):
                fused[document.id] = fused.get(document.id, 0.0) + 1.0 / (self.k + rank + 1)
                previous = merged.get(document.id)
                meta = {**previous.meta, **document.meta} if previous else dict(document.meta)
                merged[document.id] = replace(document, meta=meta)
        order = sorted(fused, key=lambda doc_id: -fused[doc_id])
        limit = top_k or self.top_k
        if limit:
            order = order[:limit]
        return {"documents": [replace(merged[i], score=fused[i]) for i in order]}
