"""The PostgreSQL backend: Haystack's ``PgvectorDocumentStore`` plus what factcheck needs beside it.

Passages, their embeddings and the keyword index live in one PostgreSQL table managed by the official
``pgvector-haystack`` integration, so dense and keyword retrieval run in the same server, and a cluster
(Citus, or a managed PostgreSQL with pgvector) spreads it over machines. Three things are added:

- word rarity (``TermStatistics``) in a second table, ``<table>_terms``, kept in step with every write
  and delete, with the same stems and the same idf as the numpy store, so answers weigh words alike;
- keyword retrieval that matches passages holding *any* of the question's rarer words (the integration's
  ``plainto_tsquery`` wants *every* word, so a natural question rarely matches anything); words used by
  more than ``COMMON_SHARE`` of passages are left to the dense retriever, as their idf is near nothing
  and each would make PostgreSQL rank a large part of the table;
- ``replace_all``, which brings the table to exactly a corpus's passages by writing only the new ones
  and deleting only the gone ones (passage ids are content hashes).
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from haystack import Document
from haystack.document_stores.types import DuplicatePolicy
from haystack_integrations.document_stores.pgvector import PgvectorDocumentStore
from haystack_integrations.document_stores.pgvector.converters import _from_pg_to_haystack_documents
from haystack_integrations.document_stores.pgvector.filters import _convert_filters_to_where_clause_and_params
from psycopg.sql import SQL, Identifier
from psycopg.sql import Literal as SQLLiteral

from pipeline.lexicon import terms
from pipeline.term_statistics import bm25_idf

# A word in more than this share of passages is too common to find anything by (idf < 0.3 at 0.75).
COMMON_SHARE = 0.25
# Rows written per statement batch: large enough to amortise round trips, small enough for memory.
WRITE_BATCH = 2000
# The row of the terms table that holds the number of passages.
_COUNT_ROW = ""
_WORD = re.compile(r"[\w’'-]+")
_Method = TypeVar("_Method", bound=Callable[..., Any])


def _serialised(method: _Method) -> _Method:
    """The integration shares one connection and two cursors per store; threads (the HTTP API) take turns."""

    @functools.wraps(method)
    def locked(self: PgvectorCorpusStore, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return method(self, *args, **kwargs)

    return locked  # type: ignore[return-value]


class PgvectorCorpusStore(PgvectorDocumentStore):
    """A ``PgvectorDocumentStore`` that also keeps term statistics and answers any-word keyword queries."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._lock = threading.RLock()

    # -- table set-up ----------------------------------------------------------------------------------
    @property
    def terms_table(self) -> str:
        return f"{self.table_name}_terms"

    def _initialize_table(self) -> None:
        super()._initialize_table()
        self._sql(
            "CREATE TABLE IF NOT EXISTS {schema}.{terms} (term TEXT PRIMARY KEY, df BIGINT NOT NULL)"
        )

    @_serialised
    def delete_table(self) -> None:
        super().delete_table()
        self._sql("DROP TABLE IF EXISTS {schema}.{terms}")
        self._table_initialized = False

    # -- writes keep the term table in step -------------------------------------------------------------
    @_serialised
    def write_documents(self, documents: list[Document], policy: DuplicatePolicy = DuplicatePolicy.NONE) -> int:
        if not documents:
            return 0
        existing = self._contents([d.id for d in documents])
        written = 0
        for start in range(0, len(documents), WRITE_BATCH):
            written += super().write_documents(documents[start : start + WRITE_BATCH], policy=policy)
        if policy == DuplicatePolicy.OVERWRITE:
            removed = list(existing.values())
            added = [d.content or "" for d in documents]
        else:  # SKIP (or FAIL, which raised above if anything existed): only new ids were written
            removed = []
            added = [d.content or "" for d in documents if d.id not in existing]
        self._update_terms(added, removed)
        return written

    @_serialised
    def delete_documents(self, document_ids: list[str]) -> None:
        if not document_ids:
            return
        existing = self._contents(document_ids)
        super().delete_documents(document_ids)
        self._update_terms([], list(existing.values()))

    @_serialised
    def delete_all_documents(self) -> None:
        super().delete_all_documents()
        self._sql("TRUNCATE TABLE {schema}.{terms}")

    def delete_by_filter(self, filters: dict[str, Any]) -> int:
        ids = [d.id for d in self.filter_documents(filters)]
        self.delete_documents(ids)
        return len(ids)

    @_serialised
    def replace_all(self, documents: list[Document]) -> None:
        """Make the table hold exactly ``documents``: write the new ids, delete the ids no longer wanted."""
        wanted = {d.id: d for d in documents}
        present = self.document_ids()
        self.delete_documents([i for i in present if i not in wanted])
        self.write_documents([d for i, d in wanted.items() if i not in present], policy=DuplicatePolicy.SKIP)

    @_serialised
    def document_ids(self) -> set[str]:
        self._ensure_db_setup()
        assert self._cursor is not None
        self._cursor.execute(SQL("SELECT id FROM {schema}.{table}").format(**self._names()))
        return {row[0] for row in self._cursor.fetchall()}

    # -- TermStatistics (pipeline.term_statistics) ------------------------------------------------------
    def idf(self, term: str) -> float:
        count, frequencies = self.document_frequencies([term])
        return bm25_idf(count, frequencies.get(term, 0))

    def has_term(self, term: str) -> bool:
        return self.document_frequencies([term])[1].get(term, 0) > 0

    @_serialised
    def document_frequencies(self, words: Iterable[str]) -> tuple[int, dict[str, int]]:
        """The number of passages, and how many passages use each of ``words`` (stems), in one round trip."""
        wanted = [_COUNT_ROW, *set(words)]
        self._ensure_db_setup()
        assert self._cursor is not None
        self._cursor.execute(
            SQL("SELECT term, df FROM {schema}.{terms} WHERE term = ANY(%s)").format(**self._names()), (wanted,)
        )
        found = dict(self._cursor.fetchall())
        return int(found.pop(_COUNT_ROW, 0)), found

    # -- keyword retrieval (called by PgvectorKeywordRetriever) ----------------------------------------
    @_serialised
    def _keyword_retrieval(
        self, query: str, *, filters: dict[str, Any] | None = None, top_k: int = 10
    ) -> list[Document]:
        if not query:
            raise ValueError("query must be a non-empty string")
        words = self.searchable_words(query)
        if not words:
            return []
        select = SQL(
            "SELECT {table}.*, ts_rank_cd(to_tsvector({language}, content), q.query) AS score "
            "FROM {schema}.{table}, "
            "(SELECT replace(plainto_tsquery({language}, %s)::text, '&', '|')::tsquery AS query) AS q "
            "WHERE to_tsvector({language}, content) @@ q.query"
        ).format(language=SQLLiteral(self.language), **self._names())
        where: Any = SQL("")
        params: tuple = ()
        if filters:
            where, params = _convert_filters_to_where_clause_and_params(filters=filters, operator="AND")
        order = SQL(" ORDER BY score DESC LIMIT {top_k}").format(top_k=SQLLiteral(top_k))
        self._ensure_db_setup()
        assert self._dict_cursor is not None
        result = self._execute_sql(
            cursor=self._dict_cursor, sql_query=select + where + order, params=(" ".join(words), *params),
            error_msg="Could not retrieve documents from PgvectorCorpusStore.",
        )
        return _from_pg_to_haystack_documents(result.fetchall())

    def searchable_words(self, query: str) -> list[str]:
        """The query's words that some passage uses and that are not too common to find anything by."""
        stems = {word: terms(word) for word in _WORD.findall(query)}
        count, frequencies = self.document_frequencies(s for found in stems.values() for s in found)
        limit = max(1.0, COMMON_SHARE * count)
        kept = []
        for word, found in stems.items():
            used = [frequencies.get(s, 0) for s in found]
            if used and all(0 < f <= limit for f in used):
                kept.append(word)
        if kept:
            return kept
        # Only common words: the rarest one still narrows the search.
        known = [(min(frequencies.get(s, 0) for s in found), w) for w, found in stems.items() if found]
        known = [(f, w) for f, w in known if f > 0]
        return [min(known)[1]] if known else []

    @_serialised
    def filter_documents(self, filters: dict[str, Any] | None = None) -> list[Document]:
        return super().filter_documents(filters)

    @_serialised
    def count_documents(self) -> int:
        return super().count_documents()

    @_serialised
    def _embedding_retrieval(self, query_embedding: list[float], **kwargs: Any) -> list[Document]:
        return super()._embedding_retrieval(query_embedding, **kwargs)

    # -- internals ---------------------------------------------------------------------------------------
    def _names(self) -> dict[str, Identifier]:
        return {
            "schema": Identifier(self.schema_name),
            "table": Identifier(self.table_name),
            "terms": Identifier(self.terms_table),
        }

    def _sql(self, statement: str, params: tuple = ()) -> None:
        self._ensure_db_setup()
        assert self._cursor is not None
        self._cursor.execute(SQL(statement).format(**self._names()), params)

    def _contents(self, document_ids: list[str]) -> dict[str, str]:
        """The stored content of those of ``document_ids`` that are in the table."""
        self._ensure_db_setup()
        assert self._cursor is not None
        self._cursor.execute(
            SQL("SELECT id, content FROM {schema}.{table} WHERE id = ANY(%s)").format(**self._names()),
            (document_ids,),
        )
        return {row[0]: row[1] or "" for row in self._cursor.fetchall()}

    def _update_terms(self, added: list[str], removed: list[str]) -> None:
        """Add one to each distinct stem of every added passage, subtract one for every removed passage."""
        change: Counter[str] = Counter()
        for content in added:
            change.update(set(terms(content)))
        for content in removed:
            change.subtract(set(terms(content)))
        change[_COUNT_ROW] = len(added) - len(removed)
        rows = [(term, delta) for term, delta in change.items() if delta]
        if not rows:
            return
        self._ensure_db_setup()
        assert self._cursor is not None
        self._cursor.executemany(
            SQL(
                "INSERT INTO {schema}.{terms} (term, df) VALUES (%s, %s) "
                "ON CONFLICT (term) DO UPDATE SET df = {terms}.df + EXCLUDED.df"
            ).format(**self._names()),
            rows,
        )
        self._sql("DELETE FROM {schema}.{terms} WHERE df <= 0 AND term <> ''")
