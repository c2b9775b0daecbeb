"""The index snapshot: opened lazily instead of rebuilt, published atomically, ignored once stale."""

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pipeline import contract, snapshot
from pipeline.indexing import Indexer
from pipeline.service import FactChecker
from pipeline.settings import Settings

QUESTION = "Where has the US embassy been temporarily relocated?"
QUOTE = "It's too early to say whether we see anything on the ground"


def answers(service: FactChecker) -> tuple[Any, ...]:
    return (
        contract.ask_json(service.ask(QUESTION)),
        contract.ask_json(service.ask("What did Jens Stoltenberg say?")),
        contract.check_json(service.check(QUOTE, "Jens Stoltenberg")),
        [contract.document_json(d) for d in service.documents()],
    )


def no_rebuild(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the index was rebuilt instead of opened from the snapshot")

    monkeypatch.setattr(Indexer, "build", refuse)


def test_a_second_start_opens_the_snapshot_lazily(hashing_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    first = FactChecker(hashing_settings)
    expected = answers(first)
    no_rebuild(monkeypatch)
    second = FactChecker(hashing_settings)
    index = second.warm_up(pipelines=())
    assert isinstance(index.store.state.embeddings, np.memmap)  # mapped, not read
    assert isinstance(index.sentences.embeddings, np.memmap)
    assert not index.articles._base._loaded  # type: ignore[attr-defined]  # no article parsed yet
    assert answers(second) == expected


def test_a_crash_mid_write_leaves_the_old_snapshot_usable(
    hashing_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = FactChecker(hashing_settings)
    expected = answers(service)
    root = snapshot.snapshot_root(hashing_settings, hashing_settings.corpus_dir)
    published = (root / snapshot.CURRENT).resolve()

    real_write = snapshot._write_files

    def crash_half_way(folder: Path, *args: Any) -> None:
        real_write(folder, *args)
        (folder / "bm25.npz").write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(snapshot, "_write_files", crash_half_way)
    with pytest.raises(OSError):
        snapshot.write_snapshot(hashing_settings, service.index, snapshot.corpus_fingerprint(service.corpus_dir))
    # A killed writer leaves its temporary folder behind; readers never look at it.
    (root / ".tmp-killed").mkdir()
    (root / ".tmp-killed" / "manifest.json").write_text("{")
    monkeypatch.undo()

    assert (root / snapshot.CURRENT).resolve() == published
    no_rebuild(monkeypatch)
    assert answers(FactChecker(hashing_settings)) == expected


def test_a_changed_corpus_file_makes_the_snapshot_stale(hashing_settings: Settings) -> None:
    FactChecker(hashing_settings).warm_up()
    corpus = hashing_settings.corpus_dir
    (corpus / "lighthouse.txt").write_text("Lighthouse reopens\n\nThe lighthouse at Elwyn reopened on Monday.\n")
    assert snapshot.open_snapshot(hashing_settings, corpus) is None
    service = FactChecker(hashing_settings)
    assert "lighthouse.txt" in service.index.articles
    assert snapshot.open_snapshot(hashing_settings, corpus) is not None  # rewritten by that start


def test_other_settings_do_not_use_the_snapshot(hashing_settings: Settings) -> None:
    FactChecker(hashing_settings).warm_up()
    other = hashing_settings.model_copy(update={"passage_max_words": 40})
    assert snapshot.open_snapshot(other, other.corpus_dir) is None


def test_a_damaged_snapshot_is_rebuilt_not_trusted(hashing_settings: Settings) -> None:
    expected = answers(FactChecker(hashing_settings))
    folder = (snapshot.snapshot_root(hashing_settings, hashing_settings.corpus_dir) / snapshot.CURRENT).resolve()
    (folder / "index.sqlite").write_bytes(b"not a database")
    assert answers(FactChecker(hashing_settings)) == expected
