"""A model-free embedder (hashed bag of stemmed words) so unit tests run in milliseconds.

Selected with ``FACTCHECK_EMBEDDING_MODEL=hashing``; the service uses all-MiniLM-L6-v2 otherwise.
It is lexical, not semantic: good enough to exercise pipelines, never used to judge paraphrase.
"""

import hashlib
from dataclasses import replace
from typing import Any

import numpy as np
from haystack import Document, component, default_from_dict, default_to_dict

from pipeline.lexicon import terms

DIMENSION = 256


def hash_embedding(text: str, dimension: int = DIMENSION) -> list[float]:
    vector = np.zeros(dimension, dtype=np.float32)
    for term in terms(text):
        digest = hashlib.blake2b(term.encode(), digest_size=4).digest()
        vector[int.from_bytes(digest, "little") % dimension] += 1.0
    norm = float(np.linalg.norm(vector))
    return (vector / norm if norm else vector).tolist()


@component
class HashingTextEmbedder:
    def __init__(self, *, dimension: int = DIMENSION) -> None:
        self.dimension = dimension

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self, dimension=self.dimension)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "HashingTextEmbedder":
        return default_from_dict(cls, data)

    @component.output_types(embedding=list[float])
    def run(self, text: str) -> dict[str, Any]:
        return {"embedding": hash_embedding(text, self.dimension)}


@component
class HashingDocumentEmbedder:
    def __init__(self, *, dimension: int = DIMENSION) -> None:
        self.dimension = dimension

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self, dimension=self.dimension)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "HashingDocumentEmbedder":
        return default_from_dict(cls, data)

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document]) -> dict[str, Any]:
        return {"documents": [replace(d, embedding=hash_embedding(d.content or "", self.dimension)) for d in documents]}
