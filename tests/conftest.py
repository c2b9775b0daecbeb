"""Shared fixtures: a temp copy of the corpus, settings with the model-free hashing embedder, the real model."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import pipeline  # noqa: F401  (offline environment)
from pipeline.corpus import load_corpus
from pipeline.settings import PROJECT_ROOT, Settings
from pipeline.types import Article

CORPUS = PROJECT_ROOT / "corpus"
SEED_ID = "nationalworld-russia-ukraine-nato.txt"
FIXTURES = Path(__file__).parent / "fixtures"
DEV_SET = Path(__file__).parent / "eval" / "dev"
SHARED_DEV_SET = PROJECT_ROOT.parent / "shared" / "eval" / "dev"


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture
def hashing_settings(tmp_path: Path, corpus_dir: Path) -> Settings:
    """Fast settings for unit tests: no model, a private cache."""
    return Settings(corpus_dir=corpus_dir, cache_dir=tmp_path / "cache", embedding_model="hashing")


# Where `bash scripts/pgvector.sh start` serves PostgreSQL with pgvector; scripts/test.sh starts it around pytest.
PG_URL = os.environ.get("FACTCHECK_TEST_PG_URL", "postgresql://postgres@127.0.0.1:54329/factcheck")
STORES = ["numpy", pytest.param("pgvector", marks=pytest.mark.pgvector)]


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The test server's URL; the test is skipped, saying why, when no server answers there."""
    import psycopg

    try:
        with psycopg.connect(PG_URL, connect_timeout=3) as connection:
            connection.execute("CREATE EXTENSION IF NOT EXISTS vector")
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0][:160]
        pytest.skip(f"PostgreSQL with pgvector is not running at {PG_URL} (start it with "
                    f"`bash scripts/pgvector.sh start`; scripts/test.sh does): {reason}")
    return PG_URL


def store_settings(settings: Settings, store: str, request: pytest.FixtureRequest) -> Settings:
    """``settings`` on the named store; a pgvector table of its own, dropped when the test ends."""
    if store == "numpy":
        return settings
    table = f"test_{uuid.uuid4().hex[:12]}"
    # By environment variable, as in production: Haystack serialises such a connection string, never a value.
    request.getfixturevalue("monkeypatch").setenv("FACTCHECK_STORE_URL", request.getfixturevalue("pg_url"))
    chosen = settings.model_copy(update={"store": "pgvector", "store_url": None, "store_table": table})
    request.addfinalizer(lambda: _drop_tables(table))
    return chosen


def _drop_tables(table: str) -> None:
    import psycopg
    from psycopg.sql import SQL, Identifier

    with psycopg.connect(PG_URL, autocommit=True) as connection:
        for name in (table, f"{table}_terms"):
            connection.execute(SQL("DROP TABLE IF EXISTS {}").format(Identifier(name)))


@pytest.fixture(params=STORES)
def store_name(request: pytest.FixtureRequest) -> str:
    """Each test that takes this runs against both stores."""
    return str(request.param)


@pytest.fixture
def any_store_settings(hashing_settings: Settings, store_name: str, request: pytest.FixtureRequest) -> Settings:
    """``hashing_settings`` on the numpy store, then on the PostgreSQL store."""
    return store_settings(hashing_settings, store_name, request)


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return next(a for a in load_corpus(CORPUS).articles if a.doc_id == SEED_ID)


@pytest.fixture(scope="session", params=STORES)
def model_service(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The real service (all-MiniLM-L6-v2) over the bundled corpus, built once per test session and store."""
    from pipeline.service import FactChecker

    settings = Settings(cache_dir=tmp_path_factory.mktemp("model-cache"))
    if request.param == "pgvector":
        table = f"test_model_{uuid.uuid4().hex[:8]}"
        settings = settings.model_copy(update={"store": "pgvector", "store_url": request.getfixturevalue("pg_url"),
                                               "store_table": table})
        request.addfinalizer(lambda: _drop_tables(table))
    service = FactChecker(settings)
    service.warm_up()
    yield service


@pytest.fixture(scope="session")
def web_server() -> Iterator[object]:
    """A local news site on 127.0.0.1 (see ``tests/web_server.py``); reaching it needs allow_private_urls."""
    from tests.web_server import serving

    with serving() as server:
        yield server


@pytest.fixture
def link_settings(hashing_settings: Settings) -> Settings:
    """Hashing settings that may fetch from the local server, with short timeouts."""
    return hashing_settings.model_copy(
        update={"allow_private_urls": True, "fetch_read_timeout": 0.5, "fetch_connect_timeout": 2.0}
    )
