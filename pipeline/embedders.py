"""The embedding components the pipelines use: all-MiniLM-L6-v2 from the bundled package, or the hashing fake."""

from __future__ import annotations

from typing import Any

from pipeline.settings import Settings

HASHING = "hashing"


def make_text_embedder(settings: Settings) -> Any:
    """The question embedder, handing on one numpy array (see ``QueryEmbedder``)."""
    from pipeline.components.query_embedder import QueryEmbedder

    if settings.embedding_model == HASHING:
        from pipeline.components.hashing_embedder import HashingTextEmbedder

        return QueryEmbedder(embedder=HashingTextEmbedder())
    from haystack_integrations.components.embedders.sentence_transformers import SentenceTransformersTextEmbedder

    return QueryEmbedder(
        embedder=SentenceTransformersTextEmbedder(
            model=settings.embedding_model, local_files_only=True, progress_bar=False, normalize_embeddings=True
        )
    )


def make_document_embedder(settings: Settings) -> Any:
    if settings.embedding_model == HASHING:
        from pipeline.components.hashing_embedder import HashingDocumentEmbedder

        return HashingDocumentEmbedder()
    from haystack_integrations.components.embedders.sentence_transformers import (
        SentenceTransformersDocumentEmbedder,
    )

    return SentenceTransformersDocumentEmbedder(
        model=settings.embedding_model,
        local_files_only=True,
        progress_bar=False,
        normalize_embeddings=True,
        batch_size=settings.embedding_batch_size,
    )
