"""Which store holds the passages, chosen by settings: the one place that knows both backends.

``FACTCHECK_STORE=numpy`` (default) keeps passages in this process (``NumpyDocumentStore``);
``FACTCHECK_STORE=pgvector`` keeps them in PostgreSQL with pgvector (``PgvectorCorpusStore``) at
``FACTCHECK_STORE_URL`` (or the integration's ``PG_CONN_STR``). Everything else builds on what these
functions return: a Haystack document store that also gives ``TermStatistics`` and ``replace_all``,
and its dense and keyword retriever components.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any, Protocol, cast

from haystack import Document
from haystack.document_stores.types import DocumentStore

from pipeline.errors import StoreUnavailableError
from pipeline.settings import Settings
from pipeline.term_statistics import TermStatistics

URL_VARIABLES = ("FACTCHECK_STORE_URL", "PG_CONN_STR")


class CorpusStore(DocumentStore, TermStatistics, Protocol):
    """A Haystack document store that also knows word rarity and can be brought to a corpus's passages."""

    def replace_all(self, documents: list[Document]) -> None: ...


class InPlaceStore(CorpusStore, Protocol):
    """A store shared by every index over it (a database): an article's rows change in place, in one transaction."""

    def replace_article(self, doc_id: str, documents: list[Document]) -> None: ...


def make_store(settings: Settings, *, embedding_dimension: int) -> CorpusStore:
    if settings.store == "numpy":
        from pipeline.store import NumpyDocumentStore

        return NumpyDocumentStore()
    return _pgvector_store(settings, embedding_dimension)


def store_from_dict(data: dict[str, Any]) -> CorpusStore:
    """Either store from its ``to_dict`` (Haystack imports only allow-listed modules by name)."""
    if data.get("type", "").endswith(".PgvectorCorpusStore"):
        from pipeline.pgvector_store import PgvectorCorpusStore

        return cast(CorpusStore, PgvectorCorpusStore.from_dict(data))
    from pipeline.store import NumpyDocumentStore

    return NumpyDocumentStore.from_dict(data)


def embedding_dimension(documents: list[Document]) -> int:
    """The length of the passages' embeddings (the all-MiniLM-L6-v2 size when there are none yet)."""
    return next((len(d.embedding) for d in documents if d.embedding is not None), 384)


def make_dense_retriever(store: CorpusStore, *, top_k: int, return_embedding: bool = False) -> Any:
    """The dense retriever component for ``store`` (input ``query_embedding``, meta ``dense_score`` = cosine)."""
    from pipeline.store import NumpyDocumentStore

    if isinstance(store, NumpyDocumentStore):
        from pipeline.components.retrievers import NumpyEmbeddingRetriever

        return NumpyEmbeddingRetriever(document_store=store, top_k=top_k, return_embedding=return_embedding)
    from pipeline.components.pgvector_retrievers import PgvectorDenseRetriever
    from pipeline.pgvector_store import PgvectorCorpusStore

    assert isinstance(store, PgvectorCorpusStore), type(store)
    return PgvectorDenseRetriever(document_store=store, top_k=top_k, return_embedding=return_embedding)


def make_keyword_retriever(store: CorpusStore, *, top_k: int, return_embedding: bool = False) -> Any:
    """The keyword retriever component for ``store`` (input ``query``)."""
    from pipeline.store import NumpyDocumentStore

    if isinstance(store, NumpyDocumentStore):
        from pipeline.components.retrievers import NumpyBM25Retriever

        return NumpyBM25Retriever(document_store=store, top_k=top_k, return_embedding=return_embedding)
    from pipeline.components.pgvector_retrievers import PgvectorWordRetriever
    from pipeline.pgvector_store import PgvectorCorpusStore

    assert isinstance(store, PgvectorCorpusStore), type(store)
    return PgvectorWordRetriever(document_store=store, top_k=top_k, return_embedding=return_embedding)


def default_table(settings: Settings, embedding_dimension: int) -> str:
    """One table per corpus folder, index key and dimension: two corpora or models never share passages."""
    key = f"{settings.corpus_dir.resolve()}|{settings.index_key()}|{embedding_dimension}"
    return "factcheck_" + hashlib.sha256(key.encode()).hexdigest()[:12]


def _pgvector_store(settings: Settings, embedding_dimension: int) -> CorpusStore:
    from haystack.document_stores.errors import DocumentStoreError
    from haystack.utils import Secret

    from pipeline.pgvector_store import PgvectorCorpusStore

    url = settings.store_url
    if url is None or url == os.environ.get("FACTCHECK_STORE_URL"):
        secret = Secret.from_env_var(list(URL_VARIABLES), strict=False)  # serialisable without the password
    else:
        secret = Secret.from_token(url)
    if not secret.resolve_value():
        raise StoreUnavailableError(
            "FACTCHECK_STORE=pgvector needs FACTCHECK_STORE_URL (or PG_CONN_STR), "
            "e.g. postgresql://postgres@127.0.0.1:54329/factcheck from `bash scripts/pgvector.sh start`"
        )
    store = PgvectorCorpusStore(
        connection_string=secret,
        table_name=settings.store_table or default_table(settings, embedding_dimension),
        embedding_dimension=embedding_dimension,
        vector_function="cosine_similarity",
        search_strategy="hnsw" if settings.store_search == "hnsw" else "exact_nearest_neighbor",
        hnsw_index_name=f"{settings.store_table or default_table(settings, embedding_dimension)}_hnsw",
        keyword_index_name=f"{settings.store_table or default_table(settings, embedding_dimension)}_words",
    )
    try:
        store.count_documents()  # connects, creates the extension and the tables if needed
    except DocumentStoreError as error:
        raise StoreUnavailableError(f"cannot use the PostgreSQL store: {error}") from error
    return store
