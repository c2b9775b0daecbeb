"""The whole corpus index as one folder on disk, opened in milliseconds by the next process.

The per-article cache (``index_cache``) stays the source for rebuilding; this is its assembled
form, so a cold ``factcheck ask`` does not parse every article, read a thousand cache entries and
rebuild the BM25 matrix. Layout of one snapshot folder:

    manifest.json             version stamp, what it was built from, counts, article order, warnings
    passage_embeddings.npy    (passages, dim) float32, opened memory-mapped
    has_embedding.npy, idf.npy, df.npy, vocabulary.json
    term_counts.npz, bm25.npz BM25 term counts and weights (scipy sparse)
    sentence_*.npy            every sentence's article, span and embedding, and its bfloat16 copy (memory-mapped)
    quote_*.npy, quote_words.json
                              the quote index's words of every article and its postings (memory-mapped;
                              the vocabulary in JSON), so a cold ``check`` does not tokenize the corpus
    speakers.json             the speaker directory, so a check naming a speaker reads no statements
    index.sqlite              passages, articles and statements, read row by row when needed

A snapshot is written into a temporary folder and published by swapping the ``current`` symlink
(one ``rename``), so a reader sees the old snapshot or the new one, never half of one; a crash
mid-write leaves the old one in place. It is used only while its stamp holds: the same corpus files
(names, sizes, modification times), the same cache keys (model, passage settings, attribution code)
and the same code for this format.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from haystack import Document
from scipy import sparse

from pipeline.index_cache import IndexCache, code_version
from pipeline.indexing import ByArticle, CorpusIndex
from pipeline.quote_index import QuoteIndex
from pipeline.quote_segments import ARRAY_NAMES, Segment
from pipeline.sentence_index import SentenceIndex
from pipeline.settings import Settings
from pipeline.speakers import SpeakerDirectory
from pipeline.store import NumpyDocumentStore
from pipeline.types import Article, CorpusWarning, Paragraph, Statement

# Bump when the layout changes; the code of these files is part of the stamp too.
# 3: the speaker directory (speakers.json); statements are read article by article.
# 4: the bfloat16 copy of the sentence embeddings (sentence_coarse.npy).
SNAPSHOT_FORMAT = 4
SNAPSHOT_CODE = ("snapshot.py", "store.py", "sentence_index.py", "indexing.py", "lexicon.py",
                 "attribution/vocabulary.py", "quote_index.py", "quote_segments.py", "quote_text.py")
CURRENT = "current"
_Row = TypeVar("_Row")
# Temporary folders of a writer that died are removed after this long (a live writer finishes sooner).
STALE_TEMP_SECONDS = 3600


def snapshot_root(settings: Settings, corpus_dir: Path) -> Path:
    """Where the snapshots of one corpus folder (under one model and passage setting) live."""
    key = hashlib.sha256(f"{Path(corpus_dir).resolve()}|{settings.index_key()}".encode()).hexdigest()[:20]
    return Path(settings.cache_dir) / "snapshots" / key


def corpus_fingerprint(corpus_dir: Path) -> list[list[Any]]:
    """Name, size and modification time of every file ``load_corpus`` would look at (metadata files too), in
    path order; hidden files and folders are left out. ``os.scandir`` rather than ``Path.rglob``: at 10,000
    articles this runs on every cold start, and pathlib took 0.7 s of it."""
    found: list[tuple[tuple[str, ...], int, int]] = []

    def visit(folder: str, parts: tuple[str, ...]) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    visit(entry.path, (*parts, entry.name))
                elif entry.is_file():
                    stat = entry.stat()
                    found.append(((*parts, entry.name), stat.st_size, stat.st_mtime_ns))

    visit(os.fspath(corpus_dir), ())
    found.sort(key=lambda item: item[0])
    return [["/".join(parts), size, mtime] for parts, size, mtime in found]


def _keys(settings: Settings) -> dict[str, str]:
    cache = IndexCache(settings.cache_dir, settings.index_key())
    return {
        "format": str(SNAPSHOT_FORMAT),
        "passages": cache.passage_key,
        "statements": cache.statement_key,
        "code": code_version(SNAPSHOT_CODE),
    }


def version_stamp(settings: Settings, index: CorpusIndex) -> str:
    """A hash of every article's cache keys and of the settings and code that shaped the index."""
    cache = IndexCache(settings.cache_dir, settings.index_key())
    digest = hashlib.sha256(json.dumps(_keys(settings), sort_keys=True).encode())
    for article in index.articles.values():
        digest.update(cache.passages_path(article).name.encode())
        digest.update(cache.statements_path(article).name.encode())
    return digest.hexdigest()[:24]


# -- writing -----------------------------------------------------------------------------------------------------
def write_snapshot(settings: Settings, index: CorpusIndex, fingerprint: list[list[Any]]) -> Path:
    """Write ``index`` as a new snapshot and publish it atomically; returns its folder."""
    root = snapshot_root(settings, index.corpus_dir)
    root.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(root)
    stamp = version_stamp(settings, index)
    temp = root / f".tmp-{uuid.uuid4().hex}"
    temp.mkdir()
    try:
        _write_files(temp, settings, index, fingerprint, stamp)
        final = root / f"{stamp}-{uuid.uuid4().hex[:8]}"
        os.rename(temp, final)
        link = root / f".link-{uuid.uuid4().hex}"
        os.symlink(final.name, link)
        os.replace(link, root / CURRENT)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    _remove_old(root, keep={final.name})
    return final


def _write_files(folder: Path, settings: Settings, index: CorpusIndex, fingerprint: list[list[Any]],
                 stamp: str) -> None:
    store = index.store
    assert isinstance(store, NumpyDocumentStore), "only the in-process store is written as a snapshot"
    state = store.state
    np.save(folder / "passage_embeddings.npy", np.ascontiguousarray(state.embeddings, dtype=np.float32))
    np.save(folder / "has_embedding.npy", np.asarray(state.has_embedding, dtype=bool))
    np.save(folder / "idf.npy", state.idf)
    np.save(folder / "df.npy", state.df)
    sparse.save_npz(folder / "term_counts.npz", state.term_counts, compressed=False)
    sparse.save_npz(folder / "bm25.npz", state.bm25, compressed=False)
    vocabulary = sorted(state.vocabulary, key=state.vocabulary.__getitem__)
    (folder / "vocabulary.json").write_text(json.dumps(vocabulary, ensure_ascii=False), encoding="utf-8")
    sentences = index.sentences
    np.save(folder / "sentence_embeddings.npy", np.ascontiguousarray(sentences.embeddings, dtype=np.float32))
    np.save(folder / "sentence_coarse.npy", np.ascontiguousarray(sentences.coarse, dtype=np.uint16))
    np.save(folder / "sentence_docs.npy", sentences.docs)
    np.save(folder / "sentence_starts.npy", sentences.starts)
    np.save(folder / "sentence_ends.npy", sentences.ends)

    order = list(index.articles)
    quote_index = _write_quote_index(folder, index, order)
    (folder / "speakers.json").write_text(json.dumps(index.speakers.to_state(), ensure_ascii=False), "utf-8")
    with sqlite3.connect(folder / "index.sqlite") as db:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("CREATE TABLE passages (row INTEGER PRIMARY KEY, id TEXT, content TEXT, meta TEXT)")
        db.execute("CREATE TABLE articles (doc_id TEXT PRIMARY KEY, data TEXT)")
        db.execute("CREATE TABLE statements (position INTEGER PRIMARY KEY, doc_id TEXT, data TEXT)")
        batch = 2000
        for first in range(0, len(state), batch):
            rows = range(first, min(len(state), first + batch))
            db.executemany(
                "INSERT INTO passages VALUES (?, ?, ?, ?)",
                ((row, d.id, d.content, json.dumps(d.meta, ensure_ascii=False))
                 for row, d in zip(rows, state.rows.documents(rows), strict=True)),
            )
        db.executemany(
            "INSERT INTO articles VALUES (?, ?)",
            ((doc_id, json.dumps(asdict(index.articles[doc_id]), ensure_ascii=False)) for doc_id in order),
        )
        db.executemany(
            "INSERT INTO statements VALUES (?, ?, ?)",
            ((position, doc_id, json.dumps([asdict(s) for s in index.statements_in(doc_id)], ensure_ascii=False))
             for position, doc_id in enumerate(order)),
        )
    manifest = {
        "stamp": stamp,
        "keys": _keys(settings),
        "fingerprint": fingerprint,
        "corpus_dir": str(Path(index.corpus_dir).resolve()),
        "passages": len(state),
        "sentences": len(sentences),
        "sentence_doc_ids": list(sentences.doc_ids),
        "articles": order,
        "passages_per_article": index.passages_per_article,
        "warnings": [asdict(w) for w in index.warnings],
        "bm25": [store.bm25_k1, store.bm25_b],
        "quote_index": quote_index,
        "written": time.time(),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def _write_quote_index(folder: Path, index: CorpusIndex, order: list[str]) -> bool:
    """Save the quote index as one segment in corpus order; built now if no query has built it yet.

    Building it here (≈ 6 s at 1,000 articles) is what the first ``check`` of every later process
    would otherwise pay; the index keeps it, so this process's own checks do not build it again.
    """
    segment = index.quote_index.base_segment()
    if segment.doc_ids != order:  # not the corpus this snapshot holds: opened from the articles instead
        return False
    for name, values in segment.arrays().items():
        np.save(folder / f"quote_{name}.npy", np.ascontiguousarray(values))
    (folder / "quote_words.json").write_text(json.dumps(segment.words, ensure_ascii=False), encoding="utf-8")
    return True


def _remove_stale_temps(root: Path) -> None:
    now = time.time()
    for path in root.glob(".tmp-*"):
        try:
            if now - path.stat().st_mtime > STALE_TEMP_SECONDS:
                shutil.rmtree(path, ignore_errors=True)
        except OSError:
            pass


def _remove_old(root: Path, keep: set[str]) -> None:
    """Drop all but the newest two snapshots: a reader that opened the previous one keeps its files."""
    folders = sorted((p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and not p.is_symlink()),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    kept = 0
    for folder in folders:
        if folder.name in keep:
            continue
        kept += 1
        if kept > 1:
            shutil.rmtree(folder, ignore_errors=True)


# -- reading -----------------------------------------------------------------------------------------------------
class _Database:
    """One read-only SQLite connection shared by the threads of a process (queries are short)."""

    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._connection.execute(sql, parameters).fetchall()


class _SnapshotRows:
    """The snapshot's passages, read from SQLite only when a query returns them."""

    def __init__(self, db: _Database, count: int) -> None:
        self._db = db
        self._count = count
        self._ids: list[str] | None = None

    def __len__(self) -> int:
        return self._count

    def documents(self, rows: Sequence[int]) -> list[Document]:
        found: dict[int, Document] = {}
        wanted = list(dict.fromkeys(int(r) for r in rows))
        for first in range(0, len(wanted), 900):
            chunk = wanted[first : first + 900]
            marks = ",".join("?" * len(chunk))
            for row, doc_id, content, meta in self._db.query(
                f"SELECT row, id, content, meta FROM passages WHERE row IN ({marks})", chunk
            ):
                found[row] = Document(id=doc_id, content=content, meta=json.loads(meta))
        return [found[int(r)] for r in rows]

    def ids(self) -> list[str]:
        if self._ids is None:
            self._ids = [doc_id for (doc_id,) in self._db.query("SELECT id FROM passages ORDER BY row")]
        return self._ids


class _LazyRows(Mapping[str, _Row]):
    """One SQLite table's rows by article, in corpus order, decoded when first asked for and kept: a query
    needs the articles and statements of a few articles, not of the whole corpus."""

    def __init__(
        self, db: _Database, order: list[str], *, table: str, key_column: str, key: Callable[[str], object],
        decode: Callable[[str], _Row],
    ) -> None:
        self._db = db
        self._order = order
        self._known = set(order)
        self._table = table
        self._key_column = key_column
        self._key = key
        self._decode = decode
        self._loaded: dict[str, _Row] = {}
        self._lock = threading.Lock()

    def __getitem__(self, doc_id: str) -> _Row:
        if doc_id in self._loaded:
            return self._loaded[doc_id]
        if doc_id not in self._known:
            raise KeyError(doc_id)
        query = f"SELECT data FROM {self._table} WHERE {self._key_column} = ?"
        ((data,),) = self._db.query(query, (self._key(doc_id),))
        row = self._decode(data)
        with self._lock:
            self._loaded[doc_id] = row
        return row

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def values(self) -> Any:  # one query for all, rather than one an article
        if len(self._loaded) < len(self._order):
            rows = self._db.query(f"SELECT doc_id, data FROM {self._table}")
            loaded = {doc_id: self._decode(data) for doc_id, data in rows}
            with self._lock:
                self._loaded.update(loaded)
        return [self._loaded[d] for d in self._order]


def _snapshot_articles(db: _Database, order: list[str]) -> _LazyRows[Article]:
    return _LazyRows(db, order, table="articles", key_column="doc_id", key=lambda doc_id: doc_id,
                     decode=lambda data: _article(json.loads(data)))


def _snapshot_statements(db: _Database, order: list[str]) -> _LazyRows[list[Statement]]:
    position = {doc_id: number for number, doc_id in enumerate(order)}  # the statements table's key
    return _LazyRows(db, order, table="statements", key_column="position", key=position.__getitem__,
                     decode=lambda data: [Statement(**item) for item in json.loads(data)])


class _ArticlesByNumber(Sequence[Article]):
    """A snapshot's articles by their number in corpus order (as a quote segment asks for them), read lazily."""

    def __init__(self, articles: Mapping[str, Article], order: list[str]) -> None:
        self._articles = articles
        self._order = order

    def __len__(self) -> int:
        return len(self._order)

    def __getitem__(self, number: Any) -> Any:
        if isinstance(number, slice):
            return [self._articles[d] for d in self._order[number]]
        return self._articles[self._order[int(number)]]


def _quote_source(folder: Path, articles: Mapping[str, Article], order: list[str]) -> Callable[[], QuoteIndex]:
    """Opens the saved quote index when a check first needs it.

    The arrays are mapped now (cheap), so the files stay readable even if a newer snapshot replaces
    this one before then; the vocabulary is parsed and the segment assembled only when called.
    """
    arrays = {name: np.load(folder / f"quote_{name}.npy", mmap_mode="r") for name in ARRAY_NAMES}
    words = (folder / "quote_words.json").read_bytes()

    def open_quote_index() -> QuoteIndex:
        segment = Segment.of_arrays(arrays, json.loads(words), _ArticlesByNumber(articles, order), order)
        return QuoteIndex.of_segment(segment)

    return open_quote_index


def _speaker_source(folder: Path) -> Callable[[], SpeakerDirectory]:
    """Reads the saved speaker directory when a speaker question or a claimed speaker first needs it (the
    bytes now, so a newer snapshot replacing this one does not matter)."""
    data = (folder / "speakers.json").read_bytes()
    return lambda: SpeakerDirectory.from_state(json.loads(data))


def _last(count: int) -> int | None:
    return count - 1 if count else None


def _article(data: dict[str, Any]) -> Article:
    data["paragraphs"] = [Paragraph(**p) for p in data["paragraphs"]]
    return Article(**data)


def open_snapshot(
    settings: Settings, corpus_dir: Path, fingerprint: list[list[Any]] | None = None
) -> CorpusIndex | None:
    """The current snapshot of ``corpus_dir`` as a ``CorpusIndex``, or None when there is none that still holds."""
    root = snapshot_root(settings, corpus_dir)
    try:
        folder = (root / CURRENT).resolve(strict=True)
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("keys") != _keys(settings):
        return None
    if manifest.get("fingerprint") != (fingerprint if fingerprint is not None else corpus_fingerprint(corpus_dir)):
        return None
    try:
        return _open(folder, manifest, corpus_dir)
    except (OSError, ValueError, KeyError, sqlite3.Error):
        return None  # damaged: rebuilt from the per-article cache


def _open(folder: Path, manifest: dict[str, Any], corpus_dir: Path) -> CorpusIndex:
    db = _Database(folder / "index.sqlite")
    k1, b = manifest["bm25"]
    vocabulary_list = json.loads((folder / "vocabulary.json").read_text(encoding="utf-8"))
    store = NumpyDocumentStore.from_state(
        source=_SnapshotRows(db, manifest["passages"]),
        embeddings=np.load(folder / "passage_embeddings.npy", mmap_mode="r"),
        has_embedding=np.load(folder / "has_embedding.npy"),
        vocabulary={term: column for column, term in enumerate(vocabulary_list)},
        term_counts=sparse.load_npz(folder / "term_counts.npz").tocsr(),
        bm25=sparse.load_npz(folder / "bm25.npz").tocsc(),
        idf=np.load(folder / "idf.npy"),
        df=np.load(folder / "df.npy"),
        bm25_k1=k1,
        bm25_b=b,
    )
    sentences = SentenceIndex(
        tuple(manifest["sentence_doc_ids"]),
        np.load(folder / "sentence_docs.npy"),
        np.load(folder / "sentence_starts.npy"),
        np.load(folder / "sentence_ends.npy"),
        np.load(folder / "sentence_embeddings.npy", mmap_mode="r"),
        np.load(folder / "sentence_coarse.npy", mmap_mode="r"),
    )
    order = list(manifest["articles"])
    # Rows are read lazily, so a damaged or truncated database is found now by its last rows, not mid-query.
    ((last_passage, last_statement),) = db.query(
        "SELECT (SELECT max(row) FROM passages), (SELECT max(position) FROM statements)"
    )
    if (last_passage, last_statement) != (_last(manifest["passages"]), _last(len(order))):
        raise ValueError("the snapshot's database does not match its manifest")
    articles = _snapshot_articles(db, order)
    return CorpusIndex(
        corpus_dir=Path(corpus_dir),
        articles=ByArticle(articles, tuple(order)),
        store=store,
        statements_by_doc=ByArticle(_snapshot_statements(db, order), tuple(order)),
        sentences=sentences,
        warnings=[CorpusWarning(**w) for w in manifest["warnings"]],
        passages_per_article=dict(manifest["passages_per_article"]),
        embedded_now=0,
        quote_source=_quote_source(folder, articles, order) if manifest.get("quote_index") else None,
        speaker_source=_speaker_source(folder),
    )
