"""The index snapshot: opened lazily instead of rebuilt, published atomically, ignored once stale."""

import os
import shutil
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pipeline import contract, snapshot
from pipeline.indexing import Indexer
from pipeline.quote_index import QuoteIndex
from pipeline.quote_segments import Segment
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
    second.ask(QUESTION)
    # a passage question reads the statements of its passages' articles, not every statement
    assert "statements" not in index.__dict__ and "speakers" not in index.__dict__
    assert answers(second) == expected
    assert index.statements == first.index.statements


def test_a_cold_check_naming_a_speaker_reads_no_statements(
    hashing_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = FactChecker(hashing_settings)
    expected = contract.check_json(first.check(QUOTE, "Jens Stoltenberg"))
    no_rebuild(monkeypatch)
    second = FactChecker(hashing_settings)
    index = second.warm_up(pipelines=())
    assert contract.check_json(second.check(QUOTE, "Jens Stoltenberg")) == expected
    assert "speakers" in index.__dict__ and "statements" not in index.__dict__  # the saved directory
    assert index.speakers.to_state() == first.index.speakers.to_state()


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


# -- the quote index -------------------------------------------------------------------------------------------
FIXTURE_ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
QUOTES = [
    QUOTE,
    "It's too early to say whether we see anything in the air",
    "We listened to every objection",
    "That matters because bodies need to recover overnight.",
    "the",
    "The moon is made of cheese",
]


def with_fixture_articles(settings: Settings) -> Settings:
    for path in FIXTURE_ARTICLES.iterdir():
        shutil.copy(path, settings.corpus_dir / path.name)
    return settings


def no_tokenizing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the corpus was tokenized instead of the quote index opened from the snapshot")

    monkeypatch.setattr(Segment, "of_articles", refuse)


def found(index: QuoteIndex) -> list[list[dict[str, Any]]]:
    return [[asdict(m) for m in index.find(q, limit=50)] for q in QUOTES]


def test_a_cold_check_opens_the_quote_index_from_the_snapshot(
    hashing_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = with_fixture_articles(hashing_settings)
    first = FactChecker(settings)
    expected = [contract.check_json(first.check(q, "Jens Stoltenberg")) for q in QUOTES[:4]]
    no_rebuild(monkeypatch)
    no_tokenizing(monkeypatch)
    second = FactChecker(settings)
    index = second.warm_up(pipelines=())
    assert "quote_index" not in index.__dict__  # mapped when opened, assembled only when a check needs it
    assert [contract.check_json(second.check(q, "Jens Stoltenberg")) for q in QUOTES[:4]] == expected
    segment = index.quote_index._parts[0].segment
    assert isinstance(segment.positions, np.memmap) and isinstance(segment.word_ids, np.memmap)
    monkeypatch.undo()
    full = QuoteIndex(list(index.articles.values()))
    assert found(index.quote_index) == found(full)
    for match in index.quote_index.find(QUOTE) + index.quote_index.find(QUOTES[1]):
        assert type(match.start) is int and type(match.end) is int and type(match.paragraph_start) is int


@pytest.mark.parametrize("opened_first", [True, False], ids=["opened-then-changed", "changed-then-opened"])
def test_updates_after_opening_the_snapshot_give_a_full_rebuilds_results(
    hashing_settings: Settings, monkeypatch: pytest.MonkeyPatch, opened_first: bool
) -> None:
    settings = with_fixture_articles(hashing_settings)
    FactChecker(settings).warm_up(pipelines=())
    no_rebuild(monkeypatch)
    service = FactChecker(settings)
    index = service.warm_up(pipelines=())
    if opened_first:
        index.quote_index  # noqa: B018  (as the first check does)
    changes = [
        lambda: service.add_text("Aaa lighthouse", "The lighthouse keeper said the lamp was lit again on Monday."),
        lambda: service.remove_document("heatwave-interview-transcript.txt"),
        lambda: service.add_text("Zzz copy", "We listened to every objection, the minister said."),
    ]
    for change in changes:
        change()
        index = service.index
        assert index.quote_index.segments == 2  # the snapshot's segment as the base, the changes as a delta
        assert found(index.quote_index) == found(QuoteIndex(list(index.articles.values())))
    service.wait_for_snapshot()
    # The snapshot written after the changes holds the updated quote index in one segment.
    monkeypatch.setattr(Segment, "of_articles", lambda *a, **k: pytest.fail("tokenized the corpus"))
    reopened = FactChecker(settings).index
    assert reopened.quote_index.segments == 1
    monkeypatch.undo()
    assert found(reopened.quote_index) == found(QuoteIndex(list(reopened.articles.values())))


def test_the_quote_index_code_keys_the_snapshot() -> None:
    assert {"quote_index.py", "quote_segments.py", "quote_text.py"} <= set(snapshot.SNAPSHOT_CODE)


def test_a_cold_ask_from_the_snapshot_loads_neither_the_parser_nor_the_attribution_rules(
    hashing_settings: Settings,
) -> None:
    """Both belong to indexing; loading them cost a cold command-line ask 1.35 s (see README "Speed")."""
    FactChecker(hashing_settings).ask(QUESTION)  # builds the index and writes the snapshot
    probe = (
        "import sys; from pipeline.cli import main; code = main(['ask', sys.argv[1], '--json']); "
        "loaded = sorted(m for m in sys.modules if m == 'spacy' or m.startswith('pipeline.attribution.')); "
        "print(code, loaded, file=sys.stderr)"
    )
    env = {
        **os.environ,
        "FACTCHECK_CORPUS_DIR": str(hashing_settings.corpus_dir),
        "FACTCHECK_CACHE_DIR": str(hashing_settings.cache_dir),
        "FACTCHECK_EMBEDDING_MODEL": "hashing",
        "FACTCHECK_USE_RUNNING_SERVICE": "0",
    }
    done = subprocess.run([sys.executable, "-c", probe, QUESTION], capture_output=True, text=True, env=env, check=True)
    assert '"answer": "' in done.stdout and "Lviv" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "0 ['pipeline.attribution.vocabulary']"
