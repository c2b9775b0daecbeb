"""The PostgreSQL backend: Haystack's ``PgvectorDocumentStore`` plus what factcheck needs beside it.

Passages, their embeddings and the keyword index live in one PostgreSQL table managed by the official
``pgvector-haystack`` integration, so dense and keyword retrieval run in the same server, and a cluster
(Citus, or a managed PostgreSQL with pgvector) spreads it over machines. Three things are added:

- word rarity (``TermStatistics``) in a second table, ``<table>_terms``, kept in step with every write
  and delete, with the same stems and the same idf as the numpy store, so answers weigh words alike;
- keyword retrieval that matches passages holding *any* of the question's rarer words (the integration's
  ``plainto_tsquery`` wants *every* word, so a natural question rarely matches anything); words used by
  more than ``COMMON_SHARE`` of passages are left to the dense retriever (their idf is small, and each
  would make PostgreSQL score a large part of the table), and matches are ranked by the summed idf of the
  words they hold;
- ``replace_all``, which brings the table to exactly a corpus's passages by writing only the new ones
  and deleting only the gone ones (passage ids are content hashes);
- ``replace_article``, which swaps one article's passages and their word counts in one transaction, so
  another connection sees the article's old rows or its new ones, and a failure leaves both as they were.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import numpy as np
from haystack import Document
from haystack.document_stores.types import DuplicatePolicy
from haystack_integrations.document_stores.pgvector import PgvectorDocumentStore
from haystack_integrations.document_stores.pgvector.converters import _from_pg_to_haystack_documents
from haystack_integrations.document_stores.pgvector.filters import _convert_filters_to_where_clause_and_params
from psycopg.sql import SQL, Identifier
from psycopg.sql import Literal as SQLLiteral
from psycopg.types.json import Jsonb

from pipeline.lexicon import terms
from pipeline.term_statistics import bm25_idf

# A word in more than this share of passages is too common to find anything by (idf under 4, against 8 to 12
# for the words that pick a passage out), and each such word would make PostgreSQL score a large part of the table.
COMMON_SHARE = 0.02
# ... but a word in fewer passages than this is always searched: scoring that many rows costs little.
ALWAYS_SEARCHED = 200
# Rows written per statement batch: large enough to amortise round trips, small enough for memory.
WRITE_BATCH = 2000
# Rows bulk-loaded per COPY (one transaction each).
COPY_BATCH = 20_000
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
        # The integration commits row by row; waiting for each commit's disk flush made writes ~100 rows/s.
        # Off, a crash can lose the last moment's rows (never corrupt the table); replace_all writes them again.
        self._sql("SET synchronous_commit TO off")
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
        """Make the table hold exactly ``documents``: copy in the new ids, delete the ids no longer wanted."""
        wanted = {d.id: d for d in documents}
        present = self.document_ids()
        self.delete_documents([i for i in present if i not in wanted])
        new = [d for i, d in wanted.items() if i not in present]
        for start in range(0, len(new), COPY_BATCH):
            self._copy_in(new[start : start + COPY_BATCH])
        self._update_terms([d.content or "" for d in new], [])

    @_serialised
    def replace_article(self, doc_id: str, documents: list[Document]) -> None:
        """Make ``documents`` the passages of article ``doc_id`` (none: remove it), all in one transaction."""
        self._ensure_db_setup()
        assert self._connection is not None
        with self._connection.transaction():
            old = self.filter_documents({"field": "meta.doc_id", "operator": "==", "value": doc_id})
            self.delete_documents([d.id for d in old])
            self.write_documents(documents, policy=DuplicatePolicy.OVERWRITE)

    def _copy_in(self, documents: list[Document]) -> None:
        """Bulk load with COPY (binary): the integration's row-by-row write spends ~10 ms a passage in Python
        turning each 384-float embedding into a dict and then into text. Ids must not be in the table yet."""
        self._ensure_db_setup()
        assert self._cursor is not None
        statement = SQL("COPY {schema}.{table} (id, embedding, content, meta) FROM STDIN (FORMAT BINARY)")
        with self._cursor.copy(statement.format(**self._names())) as copy:
            copy.set_types(["varchar", self.vector_type, "text", "jsonb"])
            for document in documents:
                embedding = None if document.embedding is None else np.asarray(document.embedding, dtype=np.float32)
                copy.write_row((document.id, embedding, (document.content or "").replace("\x00", ""),
                                Jsonb(document.meta)))

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
        found: dict[str, int] = dict(self._cursor.fetchall())
        return int(found.pop(_COUNT_ROW, 0)), found

    # -- keyword retrieval (called by PgvectorKeywordRetriever) ----------------------------------------
    @_serialised
    def _keyword_retrieval(
        self, query: str, *, filters: dict[str, Any] | None = None, top_k: int = 10
    ) -> list[Document]:
        """Passages holding any of the query's searchable words, scored by the summed idf of the words they hold
        (PostgreSQL's own ``ts_rank_cd`` knows nothing of rarity, so "said" would count as much as "Lviv")."""
        if not query:
            raise ValueError("query must be a non-empty string")
        weighted = self.searchable_words(query)
        if not weighted:
            return []
        language = SQLLiteral(self.language)
        score = SQL(" + ").join(
            SQL("CASE WHEN v.words @@ plainto_tsquery({language}, %s) THEN %s ELSE 0 END").format(language=language)
            for _ in weighted
        )
        select = SQL(
            "SELECT {table}.*, ({score}) AS score "
            "FROM {schema}.{table}, LATERAL (SELECT to_tsvector({language}, content) AS words) AS v "
            "WHERE to_tsvector({language}, content) @@ "
            "(SELECT replace(plainto_tsquery({language}, %s)::text, '&', '|')::tsquery)"
        ).format(language=language, score=score, **self._names())
        params: list[Any] = [value for word, idf in weighted for value in (word, idf)]
        params.append(" ".join(word for word, _ in weighted))
        where: Any = SQL("")
        if filters:
            where, where_params = _convert_filters_to_where_clause_and_params(filters=filters, operator="AND")
            params.extend(where_params)
        order = SQL(" ORDER BY score DESC, id LIMIT {top_k}").format(top_k=SQLLiteral(top_k))
        self._ensure_db_setup()
        assert self._dict_cursor is not None
        result = self._execute_sql(
            cursor=self._dict_cursor, sql_query=select + where + order, params=tuple(params),
            error_msg="Could not retrieve documents from PgvectorCorpusStore.",
        )
        return _from_pg_to_haystack_documents(result.fetchall())

    def searchable_words(self, query: str) -> list[tuple[str, float]]:
        """The query's words that some passage uses and that are not too common to find anything by, with
        their idf (of their rarest stem, as the numpy store computes it)."""
        stems = {word: terms(word) for word in _WORD.findall(query)}
        stems = {word: found for word, found in stems.items() if found}
        count, frequencies = self.document_frequencies(s for found in stems.values() for s in found)
        limit = max(ALWAYS_SEARCHED, COMMON_SHARE * count)
        known = {word: min(frequencies.get(s, 0) for s in found) for word, found in stems.items()}
        known = {word: used for word, used in known.items() if used > 0}
        kept = [word for word, used in known.items() if used <= limit]
        if not kept and known:
            kept = [min(known, key=lambda word: known[word])]  # only common words: the rarest still narrows
        return [(word, bm25_idf(count, known[word])) for word in kept]

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
