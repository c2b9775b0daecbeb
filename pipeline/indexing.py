"""Building the corpus index: articles → passages (embedded) and statements, cached per article.

The indexing pipeline is a Haystack ``Pipeline``: ``ArticleSplitter`` → document embedder for the
passages, and ``StatementExtractor`` for the attribution index, both fed the same articles. Only
articles missing from the cache go through it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from haystack import Document, Pipeline

from pipeline.components.attribution import StatementExtractor
from pipeline.components.splitter import ArticleSplitter
from pipeline.corpus import load_corpus, require_articles
from pipeline.embedders import make_document_embedder
from pipeline.index_cache import IndexCache
from pipeline.settings import Settings
from pipeline.speakers import SpeakerDirectory
from pipeline.store import NumpyDocumentStore
from pipeline.types import Article, CorpusWarning, Statement

if TYPE_CHECKING:
    from pipeline.quote_index import QuoteIndex

Progress = Callable[[int, int, str], None]
BATCH_ARTICLES = 8


@dataclass
class CorpusIndex:
    """Everything a query needs, built once and swapped whole when the corpus changes."""

    corpus_dir: Path
    articles: dict[str, Article]
    store: NumpyDocumentStore
    statements: list[Statement]
    warnings: list[CorpusWarning] = field(default_factory=list)
    passages_per_article: dict[str, int] = field(default_factory=dict)
    embedded_now: int = 0

    @cached_property
    def speakers(self) -> SpeakerDirectory:
        return SpeakerDirectory(self.statements)

    @cached_property
    def quote_index(self) -> QuoteIndex:
        from pipeline.quote_index import QuoteIndex

        return QuoteIndex(list(self.articles.values()))

    @cached_property
    def statements_by_doc(self) -> dict[str, list[Statement]]:
        grouped: dict[str, list[Statement]] = {}
        for statement in self.statements:
            grouped.setdefault(statement.doc_id, []).append(statement)
        return grouped

    def statements_in(self, doc_id: str) -> list[Statement]:
        return self.statements_by_doc.get(doc_id, [])


def build_indexing_pipeline(settings: Settings) -> Pipeline:
    """Articles → passages → embedded passages."""
    pipeline = Pipeline()
    pipeline.add_component("splitter", ArticleSplitter(max_words=settings.passage_max_words))
    pipeline.add_component("embedder", make_document_embedder(settings))
    pipeline.connect("splitter.documents", "embedder.documents")
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
        documents, statements, counts, embedded = self.index_articles(load.articles, on_progress)
        store = NumpyDocumentStore()
        store.replace_all(documents)
        return CorpusIndex(
            corpus_dir=Path(corpus_dir),
            articles={a.doc_id: a for a in load.articles},
            store=store,
            statements=statements,
            warnings=load.warnings,
            passages_per_article=counts,
            embedded_now=embedded,
        )

    def index_articles(
        self, articles: list[Article], on_progress: Progress | None = None
    ) -> tuple[list[Document], list[Statement], dict[str, int], int]:
        """Passages and statements of ``articles`` in corpus order, and how many articles were embedded now."""
        passages: dict[str, list[Document]] = {}
        missing: list[Article] = []
        for article in articles:
            cached = self.cache.load_passages(article)
            if cached is None:
                missing.append(article)
            else:
                passages[article.doc_id] = cached
        total = len(articles)
        done = len(passages)
        if on_progress:
            on_progress(done, total, "")
        for batch_start in range(0, len(missing), BATCH_ARTICLES):
            batch = missing[batch_start : batch_start + BATCH_ARTICLES]
            embedded: list[Document] = self.pipeline.run({"splitter": {"articles": batch}})["embedder"]["documents"]
            for article in batch:
                passages[article.doc_id] = [d for d in embedded if d.meta["doc_id"] == article.doc_id]
                self.cache.store_passages(article, passages[article.doc_id])
                done += 1
                if on_progress:
                    on_progress(done, total, article.doc_id)
        documents: list[Document] = []
        statements: list[Statement] = []
        counts: dict[str, int] = {}
        by_article = self._statements(articles)
        for article in articles:
            documents.extend(passages[article.doc_id])
            counts[article.doc_id] = len(passages[article.doc_id])
            statements.extend(by_article[article.doc_id])
        return documents, statements, counts, len(missing)

    def _statements(self, articles: list[Article]) -> dict[str, list[Statement]]:
        """Statements per article: cached ones as stored, the others parsed and extracted in one batch."""
        found: dict[str, list[Statement]] = {}
        missing: list[Article] = []
        for article in articles:
            cached = self.cache.load_statements(article)
            if cached is None:
                missing.append(article)
            else:
                found[article.doc_id] = cached
        if missing:
            extracted = self.extractor.run(articles=missing)["statements"]
            for article in missing:
                found[article.doc_id] = [s for s in extracted if s.doc_id == article.doc_id]
                self.cache.store_statements(article, found[article.doc_id])
        return found
