"""On-disk cache of indexed articles: one file per article, keyed by its content, model and settings.

Adding or changing one article re-embeds only that article. Each entry is written to a temporary
file and renamed into place, so a crash mid-write never leaves a broken entry and two indexers
running at once both succeed (the last rename wins, and both wrote the same thing).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
from haystack import Document

from pipeline.errors import IndexCacheError
from pipeline.types import Article, Statement

FORMAT_VERSION = "3"


def entry_key(article: Article, index_key: str) -> str:
    raw = f"{FORMAT_VERSION}|{index_key}|{article.doc_id}|{article.content_hash}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


class IndexCache:
    """Passages (with embeddings) and statements of each article, stored under ``cache_dir``."""

    def __init__(self, cache_dir: Path, index_key: str) -> None:
        self.cache_dir = Path(cache_dir)
        self.index_key = index_key

    def path(self, article: Article) -> Path:
        return self.cache_dir / f"{entry_key(article, self.index_key)}.npz"

    def load(self, article: Article) -> tuple[list[Document], list[Statement]] | None:
        path = self.path(article)
        if not path.is_file():
            return None
        try:
            with np.load(path, allow_pickle=False) as data:
                payload = json.loads(str(data["payload"]))
                embeddings = data["embeddings"]
        except (OSError, ValueError, KeyError):
            return None  # unreadable entry: re-index the article
        documents = []
        for row, item in enumerate(payload["passages"]):
            embedding = embeddings[row].tolist() if row < len(embeddings) else None
            documents.append(Document(id=item["id"], content=item["content"], meta=item["meta"], embedding=embedding))
        statements = [Statement(**item) for item in payload["statements"]]
        return documents, statements

    def store(self, article: Article, documents: list[Document], statements: list[Statement]) -> None:
        payload: dict[str, Any] = {
            "doc_id": article.doc_id,
            "passages": [{"id": d.id, "content": d.content, "meta": d.meta} for d in documents],
            "statements": [asdict(s) for s in statements],
        }
        dim = len(documents[0].embedding) if documents and documents[0].embedding else 0
        embeddings = np.array([d.embedding for d in documents], dtype=np.float32) if dim else np.zeros((0, 0))
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.cache_dir, prefix=".entry-", suffix=".npz")
            try:
                with os.fdopen(handle, "wb") as out:
                    np.savez(out, payload=np.array(json.dumps(payload)), embeddings=embeddings)
                os.replace(temp, self.path(article))
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError as error:
            raise IndexCacheError(f"cannot write the index cache in {self.cache_dir}: {error.strerror}") from None
