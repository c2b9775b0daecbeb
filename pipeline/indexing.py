"""Building the corpus index: articles → passages and sentences (embedded) and statements, cached per article.

The indexing pipeline is a Haystack ``Pipeline``: ``ArticleSplitter`` → ``PassageSentences`` →
document embedder, so every passage and every sentence of a multi-sentence passage are embedded in the
same batches; ``StatementExtractor`` builds the attribution index. Only articles missing from the
cache go through them. A built ``CorpusIndex`` is immutable: ``replaced`` returns a new index with one
article added, changed or removed, spliced in where a full rebuild would put it; a quote index already
built is carried over incrementally (``QuoteIndex.replaced``). A database store is shared by the old and
the new index, so the new one holds the article's rows until ``publish`` writes them, when it is swapped in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, TypeVar, cast

import numpy as np
from haystack import Document, Pipeline

from pipeline.components.attribution import StatementExtractor
from pipeline.components.passage_sentences import PassageSentences
from pipeline.components.sentence_entities import SentenceEntityTagger
from pipeline.components.splitter import ArticleSplitter
from pipeline.corpus import load_corpus, require_articles
from pipeline.embedders import make_document_embedder
from pipeline.index_cache import IndexCache
from pipeline.passage_meta import PassageMeta, SentenceMeta
from pipeline.sentence_index import SentenceIndex
from pipeline.settings import Settings
from pipeline.speakers import SpeakerDirectory
from pipeline.store import NumpyDocumentStore
from pipeline.stores import CorpusStore, InPlaceStore, make_store
from pipeline.types import Article, CorpusWarning, Statement

if TYPE_CHECKING:
    from pipeline.quote_index import QuoteIndex

Progress = Callable[[int, int, str], None]
# Articles embedded per pipeline run: larger batches keep the encoder's length-sorted batches full.
# The embedding size of all-MiniLM-L6-v2, for a database table created before any passage is embedded.
MINILM_DIMENSION = 384
BATCH_ARTICLES = 32


def corpus_order(doc_id: str) -> tuple[str, ...]:
    """The order ``load_corpus`` gives articles (sorted paths), so an update splices rows where a rebuild puts them."""
    return PurePosixPath(doc_id).parts


@dataclass
class IndexedArticle:
    """One article's share of the index: passages (no embeddings on them), their and their sentences' vectors."""

    article: Article
    passages: list[Document]
    embeddings: np.ndarray  # (passages, dim)
    sentence_embeddings: np.ndarray  # (sentences of all passages in order, dim)
    statements: list[Statement]

    def sentence_spans(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for p in self.passages for s in PassageMeta.of(p).sentences]


_Value = TypeVar("_Value")


class ByArticle(Mapping[str, _Value]):
    """A value per article in corpus order (the articles, or their statements): a base mapping, perhaps read
    lazily from a snapshot, with the changed articles' values on top (None for a removed article)."""

    def __init__(self, base: Mapping[str, _Value], order: tuple[str, ...],
                 changes: dict[str, _Value | None] | None = None) -> None:
        self._base = base
        self._order = order
        self._changes = changes or {}

    def __getitem__(self, doc_id: str) -> _Value:
        if doc_id in self._changes:
            value = self._changes[doc_id]
            if value is None:
                raise KeyError(doc_id)
            return value
        if doc_id not in self._base:
            raise KeyError(doc_id)
        return self._base[doc_id]

    def __contains__(self, doc_id: object) -> bool:
        if doc_id in self._changes:
            return self._changes[doc_id] is not None
        return doc_id in self._base

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def values(self) -> list[_Value]:  # type: ignore[override]
        """Every value in corpus order (a lazy base reads them in one go, not one a query)."""
        base = dict(zip(self._base, self._base.values(), strict=True))
        base.update(self._changes)  # type: ignore[arg-type]
        return [value for d in self._order if (value := base.get(d)) is not None]

    def with_change(self, doc_id: str, value: _Value | None) -> ByArticle[_Value]:
        order = [d for d in self._order if d != doc_id]
        if value is not None:
            order.append(doc_id)
            order.sort(key=corpus_order)
        return ByArticle(self._base, tuple(order), {**self._changes, doc_id: value})

    @classmethod
    def of(cls, values: Mapping[str, _Value]) -> ByArticle[_Value]:
        return values if isinstance(values, ByArticle) else cls(values, tuple(values))


@dataclass
class CorpusIndex:
    """Everything a query needs; never changed in place, replaced whole when the corpus changes."""

    corpus_dir: Path
    articles: Mapping[str, Article]
    store: CorpusStore
    # Each article's statements; read article by article when the index was opened from a snapshot.
    statements_by_doc: Mapping[str, Sequence[Statement]]
    sentences: SentenceIndex = field(default_factory=SentenceIndex.empty)
    warnings: list[CorpusWarning] = field(default_factory=list)
    passages_per_article: dict[str, int] = field(default_factory=dict)
    embedded_now: int = 0
    # Opens the quote index instead of tokenizing every article (an index snapshot's saved one), if there is one.
    quote_source: Callable[[], QuoteIndex] | None = field(default=None, repr=False, compare=False)
    # Opens the speaker directory instead of reading every statement (an index snapshot's saved one), if there is one.
    speaker_source: Callable[[], SpeakerDirectory] | None = field(default=None, repr=False, compare=False)
    # A database store's change not yet written: the changed article and its passages (none if removed).
    unpublished: tuple[str, list[Document]] | None = field(default=None, repr=False, compare=False)

    def publish(self) -> None:
        """Write this index's change into a database store (one transaction); the numpy store has none to write.
        Call it when this index replaces the one before it, with no query running on that one."""
        if self.unpublished is not None:
            doc_id, passages = self.unpublished
            cast(InPlaceStore, self.store).replace_article(doc_id, passages)
            self.unpublished = None

    @cached_property
    def statements(self) -> list[Statement]:
        """Every statement, in corpus order (reads all of them: a speaker question or a listing needs that)."""
        return [s for found in ByArticle.of(self.statements_by_doc).values() for s in found]

    @cached_property
    def speakers(self) -> SpeakerDirectory:
        if self.speaker_source is not None:
            return self.speaker_source()
        return SpeakerDirectory(self.statements)

    @cached_property
    def quote_index(self) -> QuoteIndex:
        from pipeline.quote_index import QuoteIndex

        if self.quote_source is not None:
            return self.quote_source()
        return QuoteIndex(list(self.articles.values()))

    def statements_in(self, doc_id: str) -> Sequence[Statement]:
        return self.statements_by_doc.get(doc_id, ())

    def first_row(self, doc_id: str) -> int:
        """The store row where ``doc_id``'s passages start (or would start)."""
        key = corpus_order(doc_id)
        return sum(count for d, count in self.passages_per_article.items() if corpus_order(d) < key)

    def replaced(self, doc_id: str, entry: IndexedArticle | None) -> CorpusIndex:
        """A new index with article ``doc_id`` added or changed (``entry``) or removed (None); this one is untouched."""
        start = self.first_row(doc_id)
        stop = start + self.passages_per_article.get(doc_id, 0)
        passages = entry.passages if entry else []
        embeddings = entry.embeddings if entry else np.zeros((0, 0), np.float32)
        store: CorpusStore = self.store
        unpublished = None
        if isinstance(self.store, NumpyDocumentStore):
            store = self.store.spliced(start, stop, passages, embeddings)
        else:  # a database store changes in place, when this index is published
            unpublished = (doc_id, _with_embeddings(passages, embeddings))

        sentence_start, sentence_stop = self.sentences.rows_of(doc_id)
        if sentence_start == sentence_stop:
            key = corpus_order(doc_id)
            before = [i for i, d in enumerate(self.sentences.doc_ids) if corpus_order(d) < key]
            sentence_start = sentence_stop = int(np.isin(self.sentences.docs, before).sum()) if before else 0
        part = (SentenceIndex.of_article(doc_id, entry.sentence_spans(), entry.sentence_embeddings)
                if entry else SentenceIndex.empty())
        sentences = self.sentences.spliced(sentence_start, sentence_stop, part)

        articles = ByArticle.of(self.articles).with_change(doc_id, entry.article if entry else None)
        statements = ByArticle.of(self.statements_by_doc).with_change(doc_id, entry.statements if entry else None)
        counts = {d: c for d, c in self.passages_per_article.items() if d != doc_id}
        if entry:
            counts[doc_id] = len(entry.passages)
        counts = {d: counts[d] for d in sorted(counts, key=corpus_order)}
        index = CorpusIndex(
            corpus_dir=self.corpus_dir, articles=articles, store=store, statements_by_doc=statements,
            sentences=sentences,
            warnings=[w for w in self.warnings if w.path != doc_id], passages_per_article=counts,
            embedded_now=self.embedded_now, unpublished=unpublished,
        )
        built = self.__dict__.get("quote_index")
        article, order = (entry.article if entry else None), tuple(articles)
        if built is not None:  # derived from this one's (the article's words only), not rebuilt from every article
            index.__dict__["quote_index"] = built.replaced(doc_id, article, order)
        elif self.quote_source is not None:  # not opened yet: opened when needed, with this change applied
            previous = self.quote_source
            index.quote_source = lambda: previous().replaced(doc_id, article, order)
        return index


_Cached = TypeVar("_Cached")


def _split_by_cache(
    articles: list[Article], load: Callable[[Article], _Cached | None]
) -> tuple[dict[str, _Cached], list[Article]]:
    """What the cache holds for each article (by doc_id), and the articles it holds nothing for."""
    found: dict[str, _Cached] = {}
    missing: list[Article] = []
    for article in articles:
        cached = load(article)
        if cached is None:
            missing.append(article)
        else:
            found[article.doc_id] = cached
    return found, missing


def build_indexing_pipeline(settings: Settings) -> Pipeline:
    """Articles → passages (their sentences' named entities in their meta) (+ their sentences) → embedded."""
    pipeline = Pipeline()
    pipeline.add_component("splitter", ArticleSplitter(max_words=settings.passage_max_words))
    pipeline.add_component("entities", SentenceEntityTagger())
    pipeline.add_component("sentences", PassageSentences())
    pipeline.add_component("embedder", make_document_embedder(settings))
    pipeline.connect("splitter.documents", "entities.documents")
    pipeline.connect("entities.documents", "sentences.documents")
    pipeline.connect("sentences.documents", "embedder.documents")
    return pipeline


class Indexer:
    """Indexes a corpus folder, reusing cached articles and embedding only new or changed ones."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.cache = IndexCache(settings.cache_dir, settings.index_key())
        self.extractor = StatementExtractor()
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = build_indexing_pipeline(self.settings)
            self._pipeline.warm_up()
        return self._pipeline

    def build(self, corpus_dir: Path, on_progress: Progress | None = None) -> CorpusIndex:
        load = load_corpus(corpus_dir, max_bytes=self.settings.max_file_bytes)
        require_articles(load, corpus_dir)
        entries, embedded = self.index_articles(load.articles, on_progress)
        return assemble(Path(corpus_dir), entries, load.warnings, embedded, settings=self.settings)

    def index_articles(
        self, articles: list[Article], on_progress: Progress | None = None
    ) -> tuple[list[IndexedArticle], int]:
        """Each article's share of the index, in the order given, and how many articles were embedded now."""
        vectors, missing = _split_by_cache(articles, self.cache.load_passages)
        total = len(articles)
        done = len(vectors)
        if on_progress:
            on_progress(done, total, "")
        for batch_start in range(0, len(missing), BATCH_ARTICLES):
            batch = missing[batch_start : batch_start + BATCH_ARTICLES]
            embedded: list[Document] = self.pipeline.run({"splitter": {"articles": batch}})["embedder"]["documents"]
            for article in batch:
                vectors[article.doc_id] = _split_embedded(article.doc_id, embedded)
                self.cache.store_passages(article, *vectors[article.doc_id])
                done += 1
                if on_progress:
                    on_progress(done, total, article.doc_id)
        statements = self._statements(articles)
        entries = [
            IndexedArticle(article, *vectors[article.doc_id], statements=statements[article.doc_id])
            for article in articles
        ]
        return entries, len(missing)

    def _statements(self, articles: list[Article]) -> dict[str, list[Statement]]:
        """Statements per article: cached ones as stored, the others parsed and extracted in one batch."""
        found, missing = _split_by_cache(articles, self.cache.load_statements)
        if missing:
            extracted = self.extractor.run(articles=missing)["statements"]
            for article in missing:
                found[article.doc_id] = [s for s in extracted if s.doc_id == article.doc_id]
                self.cache.store_statements(article, found[article.doc_id])
        return found


def assemble(
    corpus_dir: Path, entries: list[IndexedArticle], warnings: list[CorpusWarning], embedded: int = 0, *,
    settings: Settings | None = None,
) -> CorpusIndex:
    """One ``CorpusIndex`` from every article's share, in the order given (corpus order), in the store that
    ``settings`` choose (the in-process numpy store by default)."""
    passages = [p for e in entries for p in e.passages]
    matrices = [e.embeddings for e in entries if e.embeddings.size]
    embeddings = np.concatenate(matrices) if matrices else np.zeros((len(passages), 0), np.float32)
    if embeddings.shape[0] != len(passages):
        embeddings = np.zeros((len(passages), 0), np.float32)
    store: CorpusStore
    if settings is None or settings.store == "numpy":
        store = NumpyDocumentStore()
        store.replace_all(passages, embeddings)
    else:
        store = make_store(settings, embedding_dimension=embeddings.shape[1] or MINILM_DIMENSION)
        store.replace_all(_with_embeddings(passages, embeddings))
    sentences = SentenceIndex.concatenate(
        [SentenceIndex.of_article(e.article.doc_id, e.sentence_spans(), e.sentence_embeddings) for e in entries]
    )
    return CorpusIndex(
        corpus_dir=Path(corpus_dir),
        articles=ByArticle({e.article.doc_id: e.article for e in entries}, tuple(e.article.doc_id for e in entries)),
        store=store,
        statements_by_doc={e.article.doc_id: e.statements for e in entries},
        sentences=sentences,
        warnings=list(warnings),
        passages_per_article={e.article.doc_id: len(e.passages) for e in entries},
        embedded_now=embedded,
    )


def _with_embeddings(passages: list[Document], embeddings: np.ndarray) -> list[Document]:
    """Passages carrying their vectors, for a store that keeps them itself."""
    if embeddings.shape[0] != len(passages) or not embeddings.size:
        return passages
    return [replace(p, embedding=row.tolist()) for p, row in zip(passages, embeddings, strict=True)]


def _split_embedded(doc_id: str, embedded: list[Document]) -> tuple[list[Document], np.ndarray, np.ndarray]:
    """One article's passages and sentence vectors out of a batch's embedded documents."""
    sentence_vectors = {}
    passages = []
    for document in embedded:
        sentence = SentenceMeta.of(document)
        if sentence is None:
            if PassageMeta.of(document).doc_id == doc_id:
                passages.append(document)
        elif sentence.doc_id == doc_id:
            sentence_vectors[(sentence.passage_id, sentence.start, sentence.end)] = document.embedding
    embeddings = np.array([p.embedding for p in passages], dtype=np.float32)
    rows = []
    for passage, vector in zip(passages, embeddings, strict=True):
        spans = PassageMeta.of(passage).sentences
        if len(spans) < 2:
            rows.append(vector)  # a one-sentence passage is its own sentence
            continue
        rows.extend(np.asarray(sentence_vectors[(passage.id, s.start, s.end)], dtype=np.float32) for s in spans)
    dim = embeddings.shape[1] if embeddings.ndim == 2 else 0
    sentence_embeddings = np.array(rows, dtype=np.float32).reshape(len(rows), dim)
    stripped = [Document(id=p.id, content=p.content, meta=p.meta) for p in passages]
    return stripped, embeddings.reshape(len(passages), dim), sentence_embeddings
