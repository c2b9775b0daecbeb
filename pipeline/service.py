"""The engine's one entry point for the CLI, the Streamlit app and the HTTP API.

``FactChecker`` owns the current ``CorpusIndex`` and the pipelines built over it. Starting opens the
corpus's index snapshot (``pipeline.snapshot``) when it still matches the files, else builds the index
from the per-article cache and writes a snapshot for the next process. Adding or removing an article
indexes only that article and splices it into a new index, swapped in whole between queries
(``SwapGate``; a database store's rows change at that moment, in one transaction), so a concurrent query
sees the old corpus or the new one, never a mix; the snapshot on disk follows in a background thread. A
failed change leaves files, index and store as they were.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from haystack import Pipeline

from pipeline.article_file import article_kind, shown_name
from pipeline.corpus import META_SUFFIX, parse_article, read_article, write_metadata
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
from pipeline.snapshot import corpus_fingerprint, open_snapshot, write_snapshot
from pipeline.swap_gate import SwapGate
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
logger = logging.getLogger(__name__)


@dataclass
class _State:
    """One index and its pipelines, each built (and its model loaded) on first use: `factcheck quotes` needs no
    model, an ask no quote index."""

    index: CorpusIndex
    settings: Settings
    _ask: Pipeline | None = None
    _check: Pipeline | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def ask(self) -> Pipeline:
        if self._ask is None:
            with self._lock:
                if self._ask is None:
                    ask = build_ask_pipeline(self.index, self.settings)
                    ask.warm_up()
                    self._ask = ask
        return self._ask

    @property
    def check(self) -> Pipeline:
        if self._check is None:
            with self._lock:
                if self._check is None:
                    check = build_check_pipeline(self.index, self.settings)
                    check.warm_up()
                    self._check = check
        return self._check


class FactChecker:
    """Ask, check and browse a corpus folder; add and remove its articles."""

    def __init__(self, settings: Settings | None = None, corpus_dir: Path | None = None) -> None:
        self.settings = settings or get_settings()
        self.corpus_dir = Path(corpus_dir or self.settings.corpus_dir)
        self.indexer = Indexer(self.settings)
        self._state: _State | None = None
        self._write_lock = threading.RLock()  # re-entered: an add before the first query opens the index under it
        self._gate = SwapGate()
        self._snapshot_lock = threading.Lock()
        self._pending_snapshot: tuple[CorpusIndex, list] | None = None
        self._snapshot_writer: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------------------------
    def warm_up(
        self, on_progress: Progress | None = None, *, pipelines: tuple[str, ...] = ("ask", "check")
    ) -> CorpusIndex:
        """Open (or build) the index and build ``pipelines`` (loading the model); heavy work happens here, not at
        import. A command that needs no model passes ``pipelines=()``; the rest is built on first use."""
        _one_blas_thread()
        if self._state is None:
            with self._write_lock:
                if self._state is None:
                    self._state = self._build(on_progress)
        state = self._state
        for name in pipelines:
            getattr(state, name)
        return state.index

    def _ready(self) -> CorpusIndex:
        """The index, built or opened if need be, without building any pipeline."""
        return self.warm_up(pipelines=())

    def refresh(self, on_progress: Progress | None = None) -> CorpusIndex:
        """Rebuild from the corpus folder and the per-article cache (not from the snapshot), and write a snapshot."""
        with self._write_lock:
            self._state = self._build(on_progress, use_snapshot=False)
        return self._state.index

    @property
    def index(self) -> CorpusIndex:
        return self._ready()

    def _build(self, on_progress: Progress | None, *, use_snapshot: bool = True) -> _State:
        fingerprint = corpus_fingerprint(self.corpus_dir) if self.corpus_dir.is_dir() else []
        # The snapshot holds the in-process store's matrices; a database store is its own persistence.
        snapshots = self.settings.store == "numpy"
        index = open_snapshot(self.settings, self.corpus_dir, fingerprint) if use_snapshot and snapshots else None
        if index is None:
            index = self.indexer.build(self.corpus_dir, on_progress)
            # The fingerprint was taken before reading the files: a change during the build makes it stale.
            self._write_snapshot(index, fingerprint)
        return self._state_for(index)

    def _state_for(self, index: CorpusIndex, like: _State | None = None) -> _State:
        """A state over ``index``; the pipelines ``like`` had built are built now, before it is swapped in, so the
        first query after a change does not pay for them."""
        state = _State(index, self.settings)
        if like is not None and like._ask is not None:
            state.ask  # noqa: B018
        if like is not None and like._check is not None:
            state.check  # noqa: B018
        return state

    def _write_snapshot(self, index: CorpusIndex, fingerprint: list) -> None:
        if self.settings.store != "numpy":
            return
        try:
            write_snapshot(self.settings, index, fingerprint)
        except (OSError, sqlite3.Error) as error:  # the snapshot only saves time: the next start rebuilds
            logger.warning("could not write the index snapshot: %s", error)

    def _publish_later(self, index: CorpusIndex) -> None:
        """Write ``index`` as the snapshot in a background thread; of several pending, only the newest is written."""
        fingerprint = corpus_fingerprint(self.corpus_dir)
        with self._snapshot_lock:
            self._pending_snapshot = (index, fingerprint)
            if self._snapshot_writer is None:
                self._snapshot_writer = threading.Thread(
                    target=self._write_pending, name="factcheck-snapshot", daemon=False
                )
                self._snapshot_writer.start()

    def _write_pending(self) -> None:
        while True:
            with self._snapshot_lock:
                job, self._pending_snapshot = self._pending_snapshot, None
                if job is None:
                    self._snapshot_writer = None
                    return
            self._write_snapshot(*job)

    def wait_for_snapshot(self) -> None:
        """Block until the snapshot of the latest change is on disk (tests, and before a process exits)."""
        writer = self._snapshot_writer
        if writer is not None:
            writer.join()

    def _replaced(self, doc_id: str, present: bool) -> _State:
        """The current state with one article re-read from the corpus folder (``present``) or dropped."""
        current = self._current()
        index = current.index
        entry = None
        if present:
            article = read_article(self.corpus_dir, doc_id, max_bytes=self.settings.max_file_bytes)
            entries, _ = self.indexer.index_articles([article])
            entry = entries[0]
        return self._state_for(index.replaced(doc_id, entry), like=current)

    def _current(self) -> _State:
        self._ready()
        assert self._state is not None
        return self._state

    @contextmanager
    def _querying(self) -> Iterator[_State]:
        """The current state, for a query that reads the store: no swap happens until the query is done."""
        self._ready()  # outside the gate: opening the index may wait for a change under way
        with self._gate.query():
            assert self._state is not None
            yield self._state

    def _swap_in(self, state: _State) -> None:
        """Make ``state`` current between queries, writing its change into a database store first."""
        with self._gate.swap():
            state.index.publish()
            self._state = state

    # -- queries -------------------------------------------------------------------------------------------
    def ask(self, question: str, top_k: int | None = None) -> AskResult:
        question = _require_text(question, "question", self.settings.max_question_chars)
        with self._querying() as state:
            result = run_ask(state.ask, question, top_k)
            result.citations = [self._enrich(state.index, c) for c in result.citations]
            result.closest = [self._enrich(state.index, c) for c in result.closest]
        return result

    def check(self, quote: str, speaker: str | None = None) -> CheckResult:
        quote = _require_text(quote, "quote", self.settings.max_quote_chars)
        speaker = " ".join(speaker.split()) if speaker and speaker.strip() else None
        if speaker and len(speaker) > 200:
            raise InputTooLongError("speaker name is longer than 200 characters")
        with self._querying() as state:
            return run_check(state.check, quote, speaker)

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
        return list(self._current().index.statements_in(doc_id))

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
                if on_progress:
                    on_progress(0, 1, "")
                state = self._replaced(target.name, present=True)
                self._swap_in(state)
                if on_progress:
                    on_progress(1, 1, target.name)
            except BaseException:
                target.unlink(missing_ok=True)
                meta_path.unlink(missing_ok=True)
                if orphan_meta is not None:
                    _write_atomically(meta_path, orphan_meta)
                raise
            self._publish_later(state.index)
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
                state = self._replaced(doc_id, present=False)
                self._swap_in(state)
            except BaseException:
                _write_atomically(target, backup)
                raise
            target.with_name(target.name + META_SUFFIX).unlink(missing_ok=True)
            self._publish_later(state.index)

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
