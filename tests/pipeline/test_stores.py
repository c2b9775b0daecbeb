"""The store is chosen by settings, and the whole service answers, checks and updates on either store."""

import pytest

from pipeline.errors import StoreUnavailableError
from pipeline.service import FactChecker
from pipeline.settings import Settings
from pipeline.store import NumpyDocumentStore
from pipeline.stores import make_store


def test_numpy_is_the_default(hashing_settings: Settings) -> None:
    assert isinstance(make_store(hashing_settings, embedding_dimension=3), NumpyDocumentStore)


def test_pgvector_without_a_url_says_what_to_set(hashing_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("FACTCHECK_STORE_URL", "PG_CONN_STR"):
        monkeypatch.delenv(variable, raising=False)
    with pytest.raises(StoreUnavailableError, match="FACTCHECK_STORE_URL"):
        make_store(hashing_settings.model_copy(update={"store": "pgvector"}), embedding_dimension=3)


def test_pgvector_with_no_server_is_one_clear_error(hashing_settings: Settings) -> None:
    unreachable = hashing_settings.model_copy(
        update={"store": "pgvector", "store_url": "postgresql://postgres@127.0.0.1:9/factcheck?connect_timeout=2"}
    )
    with pytest.raises(StoreUnavailableError, match="cannot use the PostgreSQL store"):
        make_store(unreachable, embedding_dimension=3)


def test_the_service_asks_checks_adds_and_removes_on_either_store(any_store_settings: Settings) -> None:
    service = FactChecker(any_store_settings)
    answer = service.ask("Where has the US embassy been temporarily relocated?")
    assert not answer.abstained and "Lviv" in (answer.answer or "")
    check = service.check("What we have to see is a complete withdrawal of troops", "Stoltenberg")
    assert check.verdict in {"verbatim", "altered"}
    service.add_text("Floods in Riverside", "The council in Riverside will build a flood wall of 400 metres.")
    added = service.ask("How long will the Riverside flood wall be?")
    assert not added.abstained and "400 metres" in (added.answer or "")
    assert service.index.store.has_term("riversid")
    service.remove_document("floods-in-riverside.txt")
    assert not service.index.store.has_term("riversid")
    assert service.ask("How long will the Riverside flood wall be?").abstained
