"""The engine's one entry point for the CLI, the Streamlit app and the HTTP API.

``FactChecker`` owns the current ``CorpusIndex`` and the pipelines built over it. A change to the
corpus builds a new index aside and swaps it in whole, so a concurrent reader sees the old index or
the new one, never a half-built one; a failed change leaves files and index as they were.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from haystack import Pipeline

from pipeline.article_file import article_kind, shown_name
from pipeline.corpus import META_SUFFIX, parse_article, write_metadata
from pipeline.errors import (
    DocumentExistsError,
    DocumentNotFoundError,
    EmptyInputError,
    InputError,
    InputTooLongError,
    NotAnArticleError,
)
from pipeline.indexing import CorpusIndex, Indexer, Progress
from pipeline.query import build_ask_pipeline, build_check_pipeline, run_ask, run_check
from pipeline.settings import Settings, get_settings
from pipeline.types import (
    Article,
    AskResult,
    CheckResult,
    Citation,
    DocumentInfo,
    QuotesResult,
    Statement,
)

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# A name taken from a headline or a link is cut to this many characters (before any "-2" suffix).
NAME_STEM_CHARS = 60
# "-2" ... "-999": an added article never replaces one already in the corpus.
MAX_NAME_SUFFIX = 999


@dataclass
class _State:
    index: CorpusIndex
    ask: Pipeline
    check: Pipeline


class FactChecker:
    """Ask, check and browse a corpus folder; add and remove its articles."""

    def __init__(self, settings: Settings | None = None, corpus_dir: Path | None = None) -> None:
        self.settings = settings or get_settings()
        self.corpus_dir = Path(corpus_dir or self.settings.corpus_dir)
        self.indexer = Indexer(self.settings)
        self._state: _State | None = None
        self._write_lock = threading.Lock()

    # -- lifecycle -----------------------------------------------------------------------------------------
    def warm_up(self, on_progress: Progress | None = None) -> CorpusIndex:
        """Load the model and build (or load from cache) the index; heavy work happens here, not at import."""
        _one_blas_thread()
        if self._state is None:
            with self._write_lock:
                if self._state is None:
                    self._state = self._build(on_progress)
        return self._state.index

    def refresh(self, on_progress: Progress | None = None) -> CorpusIndex:
        with self._write_lock:
            self._state = self._build(on_progress)
        return self._state.index

    @property
    def index(self) -> CorpusIndex:
        return self.warm_up()

    def _build(self, on_progress: Progress | None) -> _State:
        index = self.indexer.build(self.corpus_dir, on_progress)
        ask = build_ask_pipeline(index, self.settings)
        check = build_check_pipeline(index, self.settings)
        ask.warm_up()
        check.warm_up()
        return _State(index, ask, check)

    def _current(self) -> _State:
        self.warm_up()
        assert self._state is not None
        return self._state

    # -- queries -------------------------------------------------------------------------------------------
    def ask(self, question: str, top_k: int | None = None) -> AskResult:
        question = _require_text(question, "question", self.settings.max_question_chars)
        state = self._current()
        result = run_ask(state.ask, question, top_k)
        result.citations = [self._enrich(state.index, c) for c in result.citations]
        result.closest = [self._enrich(state.index, c) for c in result.closest]
        return result

    def check(self, quote: str, speaker: str | None = None) -> CheckResult:
        quote = _require_text(quote, "quote", self.settings.max_quote_chars)
        speaker = " ".join(speaker.split()) if speaker and speaker.strip() else None
        if speaker and len(speaker) > 200:
            raise InputTooLongError("speaker name is longer than 200 characters")
        return run_check(self._current().check, quote, speaker)

    def quotes(self, speaker: str | None = None) -> QuotesResult:
        index = self._current().index
        if speaker is None or not speaker.strip():
            return QuotesResult(speaker=None, quotes=list(index.statements))
        _, chosen = index.speakers.statements_of(speaker, index.statements)
        return QuotesResult(speaker=speaker, quotes=chosen)

    def speaker_counts(self) -> dict[str, int]:
        return dict(self._current().index.speakers.counts.most_common())

    # -- the corpus ----------------------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        index = self._current().index
        quotes: dict[str, int] = {}
        for statement in index.statements:
            quotes[statement.doc_id] = quotes.get(statement.doc_id, 0) + 1
        return [
            DocumentInfo(
                doc_id=a.doc_id, title=a.title, publisher=a.publisher, published=a.published, size_bytes=a.size_bytes,
                passages=index.passages_per_article.get(a.doc_id, 0), quotes=quotes.get(a.doc_id, 0),
                source_type=a.source_type, author=a.author, url=a.url, canonical_url=a.canonical_url,
            )
            for a in index.articles.values()
        ]

    def article(self, doc_id: str) -> Article:
        article = self._current().index.articles.get(doc_id)
        if article is None:
            raise DocumentNotFoundError(f"no article with doc_id {doc_id!r}")
        return article

    def statements_in(self, doc_id: str) -> list[Statement]:
        return self._current().index.statements_in(doc_id)

    def add_document(
        self,
        filename: str,
        data: bytes,
        *,
        publisher: str | None = None,
        published: str | None = None,
        on_progress: Progress | None = None,
    ) -> DocumentInfo:
        """Validate, save atomically into the corpus folder and re-index; on any failure nothing changes."""
        name = safe_filename(filename)
        # The one validation of article files (pipeline.article_file), before anything is written.
        parse_article(shown_name(filename), data, max_bytes=self.settings.max_file_bytes)
        return self._store(name, data, {"publisher": publisher, "published": published}, on_progress, rename=False)

    def add_file(self, path: Path, *, on_progress: Progress | None = None) -> DocumentInfo:
        """An article file from disk (``factcheck add FILE``); read only up to the size limit plus one byte."""
        path = Path(path)
        try:
            with path.open("rb") as handle:
                data = handle.read(self.settings.max_file_bytes + 1)
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror or error}") from None
        return self.add_document(path.name, data, on_progress=on_progress)

    def add_url(self, url: str, *, on_progress: Progress | None = None) -> DocumentInfo:
        """Fetch a web page, keep its article text (headline first) with its metadata, and index it.

        The page is fetched and extracted before anything is written; the text is stored as a ``.txt``
        article so that offsets index exactly what is cited. The name comes from the headline, with a
        suffix when it is taken. On any failure the corpus folder and the index are as they were.
        """
        from pipeline.web_article import article_from_link

        page = article_from_link(url, self.settings)
        data = page.text.encode("utf-8")
        stem = _name_stem(page.title) or _name_stem(page.name_hint) or "article"
        try:  # the stored text must pass the same rules as any article file, before anything is written
            parse_article(f"{stem}.txt", data, max_bytes=self.settings.max_file_bytes)
        except InputError as error:
            raise NotAnArticleError(f"the page at {page.url} cannot be kept as an article ({error})") from None
        meta = {
            "publisher": page.site_name, "published": page.published, "author": page.author, "url": page.url,
            "canonical_url": page.canonical_url,
        }
        return self._store(f"{stem}.txt", data, meta, on_progress, rename=True)

    def _store(
        self, name: str, data: bytes, meta: dict[str, str | None], on_progress: Progress | None, *, rename: bool
    ) -> DocumentInfo:
        """Write ``data`` as ``name`` (or ``name-2``... when ``rename``) with its metadata, then re-index.

        The article is written to a temporary file and renamed into place; the index is rebuilt only after
        that, and if the rebuild fails the article and its metadata are removed again.
        """
        with self._write_lock:
            self.corpus_dir.mkdir(parents=True, exist_ok=True)
            target = self.corpus_dir / name
            if target.exists() and rename:
                target = _free_name(self.corpus_dir, name)
            if target.exists():
                raise DocumentExistsError(f"an article named {name} is already in the corpus")
            meta_path = target.with_name(target.name + META_SUFFIX)
            # An orphan metadata file (its article gone) must neither describe this article nor be lost on failure.
            orphan_meta = meta_path.read_bytes() if meta_path.is_file() else None
            meta_path.unlink(missing_ok=True)
            _write_atomically(target, data)
            try:
                write_metadata(target, **meta)
                self._state = self._build(on_progress)
            except BaseException:
                target.unlink(missing_ok=True)
                meta_path.unlink(missing_ok=True)
                if orphan_meta is not None:
                    _write_atomically(meta_path, orphan_meta)
                raise
            # Still under the lock: a concurrent remove of the same name cannot slip in before the lookup.
            return next(d for d in self.documents() if d.doc_id == target.name)

    def add_text(
        self, title: str, body: str, *, publisher: str | None = None, published: str | None = None,
        on_progress: Progress | None = None,
    ) -> DocumentInfo:
        """A pasted article: the headline becomes the first line and the file name."""
        title = " ".join((title or "").split())
        if not title:
            raise EmptyInputError("a pasted article needs a headline")
        if not (body or "").strip():
            raise EmptyInputError("a pasted article needs some text")
        stem = _name_stem(title) or "article"
        data = f"{title}\n\n{body.strip()}\n".encode()
        return self.add_document(f"{stem}.txt", data, publisher=publisher, published=published,
                                 on_progress=on_progress)

    def remove_document(self, doc_id: str) -> None:
        with self._write_lock:
            index = self._current().index
            if doc_id not in index.articles:
                raise DocumentNotFoundError(f"no article with doc_id {doc_id!r}")
            target = (self.corpus_dir / doc_id).resolve()
            if self.corpus_dir.resolve() not in target.parents:
                raise DocumentNotFoundError(f"no article with doc_id {doc_id!r}")
            if len(index.articles) == 1:
                raise InputError("cannot remove the last article of the corpus")
            backup = target.read_bytes()
            target.unlink()
            try:
                self._state = self._build(None)
            except BaseException:
                _write_atomically(target, backup)
                raise
            target.with_name(target.name + META_SUFFIX).unlink(missing_ok=True)

    # -- helpers -------------------------------------------------------------------------------------------
    @staticmethod
    def _enrich(index: CorpusIndex, citation: Citation) -> Citation:
        """Publisher, date and the speaker the source gives for the cited words."""
        article = index.articles.get(citation.doc_id)
        speaker = citation.speaker
        if speaker is None:
            for statement in index.statements_in(citation.doc_id):
                if statement.start < citation.end and citation.start < statement.end and statement.speaker:
                    speaker = statement.speaker
                    break
        return replace(
            citation,
            speaker=speaker,
            publisher=article.publisher if article else citation.publisher,
            published=article.published if article else citation.published,
        )


@lru_cache(maxsize=1)
def _one_blas_thread() -> None:
    """Retrieval's matrix products are memory-bound; idle OpenBLAS threads spinning after them stole the cores
    torch needs for the next question's embedding (warm query p50 30 ms → 19 ms at 100 articles)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def safe_filename(filename: str) -> str:
    """A bare file name of safe characters with an allowed suffix; no folders, no traversal."""
    base = shown_name(filename)
    article_kind(base)  # refuses a suffix that is not an article's
    stem, suffix = os.path.splitext(base)
    stem = _UNSAFE_NAME.sub("-", stem).strip("-.")[:80]
    if not stem:
        raise InputError("the file needs a name")
    return f"{stem}{suffix.lower()}"


def _name_stem(words: str | None) -> str:
    """A file-name stem from a headline or a link: lower case, safe characters, short."""
    return _UNSAFE_NAME.sub("-", (words or "").lower()).strip("-.")[:NAME_STEM_CHARS].strip("-.")


def _free_name(folder: Path, name: str) -> Path:
    """``name`` with the first free ``-2``, ``-3``... suffix (the caller holds the write lock)."""
    stem, suffix = os.path.splitext(name)
    for number in range(2, MAX_NAME_SUFFIX + 1):
        candidate = folder / f"{stem}-{number}{suffix}"
        if not candidate.exists():
            return candidate
    raise DocumentExistsError(f"too many articles named {name} in the corpus")


def _require_text(value: str | None, what: str, limit: int) -> str:
    text = (value or "").strip()
    if not text:
        raise EmptyInputError(f"the {what} is empty")
    if len(text) > limit:
        raise InputTooLongError(f"the {what} is {len(text):,} characters long; the limit is {limit:,}")
    return text


def _write_atomically(target: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
