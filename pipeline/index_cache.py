"""On-disk cache of indexed articles: per article, its embedded passages and its statements.

Passages are keyed by the article's content, doc_id, the model, the passage settings and the
passage format version; statements by the content and the code of the attribution rules. So adding
or changing one article re-embeds only that article, and changing an attribution rule re-reads
statements without re-embedding anything. Each entry is written to a temporary file and renamed
into place: a crash mid-write never leaves a broken entry, and two indexers running at once both
succeed (the last rename wins; both wrote the same thing).
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
from pipeline.passage_meta import PassageMeta
from pipeline.types import Article, Statement

PACKAGE = Path(__file__).resolve().parent
# Bump when the way articles become passages changes (paragraphs, roles, sentences, windows).
# 2: every sentence of every passage is embedded too (``sentence_embeddings``), so a quote check embeds
# only the quote.
# 3: the header lines above the first body paragraph are passages too (role "subheading").
# 4: each passage carries its sentences' named entities (``entities``), so answering never loads the parser.
# 5: the same, as one compact string per passage (cheap to copy between pipeline components).
# 6: the header lines are one passage, a sentence a line (the time line is found through the name line).
# 7: (an experiment, never committed: a transcript's headline in its header passage).
# 8: the key also follows the source of ``PASSAGE_CODE``, so an edit there can never serve stale passages.
PASSAGE_FORMAT = 8
# The modules that decide what an article's passages, sentences and entities are. A change to any of them
# changes the passages, so their source is part of the passage key (re-embedding costs time; a stale cache
# gives wrong sentence spans).
PASSAGE_CODE = ("corpus.py", "html_text.py", "roles.py", "sentences.py", "passage_meta.py", "components/splitter.py",
                "components/sentence_entities.py", "components/passage_sentences.py", "nlp.py")
# The attribution rules change often and re-reading statements is cheap, so their cache key
# follows the code itself.
STATEMENT_CODE = ("corpus.py", "html_text.py", "roles.py", "sentences.py", "speakers.py", "nlp.py",
                  "components/attribution.py", "index_cache.py")
# Every module of the attribution package is part of the statement key, whatever its file name.
STATEMENT_PACKAGES = ("attribution",)


def statement_code_files() -> tuple[str, ...]:
    """The files whose source keys the statement cache: ``STATEMENT_CODE`` and the attribution package."""
    package_files = sorted(
        str(path.relative_to(PACKAGE)) for name in STATEMENT_PACKAGES for path in (PACKAGE / name).rglob("*.py")
    )
    return (*STATEMENT_CODE, *package_files)


def code_version(files: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for name in files:
        path = PACKAGE / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()[:16]


class IndexCache:
    """Cached passages (with embeddings) and statements of each article, under ``cache_dir``."""

    def __init__(self, cache_dir: Path, index_key: str) -> None:
        self.cache_dir = Path(cache_dir)
        self.passage_key = f"{index_key}|passages-{PASSAGE_FORMAT}-{code_version(PASSAGE_CODE)}"
        self.statement_key = code_version(statement_code_files())

    def _path(self, article: Article, key: str, suffix: str) -> Path:
        raw = f"{key}|{article.doc_id}|{article.content_hash}"
        return self.cache_dir / f"{hashlib.sha256(raw.encode()).hexdigest()[:32]}{suffix}"

    def passages_path(self, article: Article) -> Path:
        return self._path(article, self.passage_key, ".passages.npz")

    def statements_path(self, article: Article) -> Path:
        return self._path(article, self.statement_key, ".statements.json")

    def load_passages(self, article: Article) -> tuple[list[Document], np.ndarray, np.ndarray] | None:
        """Passages (without embeddings), their embeddings and their sentences' embeddings, or None."""
        path = self.passages_path(article)
        if not path.is_file():
            return None
        try:
            with np.load(path, allow_pickle=False) as data:
                payload = json.loads(str(data["payload"]))
                embeddings = np.asarray(data["embeddings"], dtype=np.float32)
                sentence_embeddings = np.asarray(data["sentence_embeddings"], dtype=np.float32)
        except (OSError, ValueError, KeyError, EOFError):
            return None  # unreadable entry: the article is indexed again
        passages = [Document(id=item["id"], content=item["content"], meta=item["meta"]) for item in payload]
        sentences = sum(len(PassageMeta.of(d).sentences) for d in passages)
        if embeddings.shape[0] != len(passages) or sentence_embeddings.shape[0] != sentences:
            return None
        return passages, embeddings, sentence_embeddings

    def store_passages(
        self, article: Article, documents: list[Document], embeddings: np.ndarray, sentence_embeddings: np.ndarray
    ) -> None:
        payload = [{"id": d.id, "content": d.content, "meta": d.meta} for d in documents]

        def write(handle: Any) -> None:
            np.savez(
                handle, payload=np.array(json.dumps(payload)), embeddings=np.asarray(embeddings, dtype=np.float32),
                sentence_embeddings=np.asarray(sentence_embeddings, dtype=np.float32),
            )

        self._write(self.passages_path(article), write)

    def load_statements(self, article: Article) -> list[Statement] | None:
        path = self.statements_path(article)
        if not path.is_file():
            return None
        try:
            return [Statement(**item) for item in json.loads(path.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            return None

    def store_statements(self, article: Article, statements: list[Statement]) -> None:
        data = json.dumps([asdict(s) for s in statements], ensure_ascii=False).encode("utf-8")
        self._write(self.statements_path(article), lambda handle: handle.write(data))

    def _write(self, target: Path, write: Any) -> None:
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.cache_dir, prefix=".entry-")
            try:
                with os.fdopen(handle, "wb") as out:
                    write(out)
                os.replace(temp, target)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError as error:
            raise IndexCacheError(f"cannot write the index cache in {self.cache_dir}: {error.strerror}") from None
