"""Shared fixtures: a temp copy of the corpus, settings with the model-free hashing embedder, the real model."""

from __future__ import annotations

import shutil
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


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return next(a for a in load_corpus(CORPUS).articles if a.doc_id == SEED_ID)


@pytest.fixture(scope="session")
def model_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The real service (all-MiniLM-L6-v2) over the bundled corpus, built once per test session."""
    from pipeline.service import FactChecker

    settings = Settings(cache_dir=tmp_path_factory.mktemp("model-cache"))
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
