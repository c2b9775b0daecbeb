"""The index cache: a second start does not re-embed, one changed article re-embeds only itself; a change
carries what was built over."""

import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from pipeline.corpus import parse_article
from pipeline.indexing import Indexer
from pipeline.quote_index import QuoteIndex
from pipeline.settings import Settings
from tests.conftest import SEED_ID


def add_article(folder: Path, name: str, body: str) -> None:
    (folder / name).write_text(f"Headline of {name}\n\n{body}\n", encoding="utf-8")


def test_second_build_reuses_the_cache(any_store_settings: Settings) -> None:
    first = Indexer(any_store_settings).build(any_store_settings.corpus_dir)
    second = Indexer(any_store_settings).build(any_store_settings.corpus_dir)
    assert first.embedded_now == 1 and second.embedded_now == 0
    assert second.store.count_documents() == first.store.count_documents() > 0
    assert len(second.statements) == len(first.statements) > 0


def test_adding_or_changing_one_article_embeds_only_that_article(any_store_settings: Settings) -> None:
    corpus = any_store_settings.corpus_dir
    Indexer(any_store_settings).build(corpus)
    add_article(corpus, "new.txt", "The talks in Geneva ended without a deal.")
    assert Indexer(any_store_settings).build(corpus).embedded_now == 1
    add_article(corpus, "new.txt", "The talks in Geneva ended with a deal.")
    rebuilt = Indexer(any_store_settings).build(corpus)
    assert rebuilt.embedded_now == 1
    contents = [d.content or "" for d in rebuilt.store.filter_documents()]
    assert any("with a deal" in c for c in contents)
    assert not any("without a deal" in c for c in contents)  # the old passage is gone from either store


def test_settings_and_model_are_part_of_the_key(hashing_settings: Settings) -> None:
    Indexer(hashing_settings).build(hashing_settings.corpus_dir)
    other = hashing_settings.model_copy(update={"passage_max_words": 40})
    assert Indexer(other).build(other.corpus_dir).embedded_now == 1


def test_a_broken_cache_entry_is_rebuilt_not_trusted(hashing_settings: Settings) -> None:
    indexer = Indexer(hashing_settings)
    index = indexer.build(hashing_settings.corpus_dir)
    entry = indexer.cache.passages_path(index.articles[SEED_ID])
    entry.write_bytes(b"half a file")
    again = Indexer(hashing_settings).build(hashing_settings.corpus_dir)
    assert again.embedded_now == 1
    assert again.store.count_documents() == index.store.count_documents()


def test_no_temporary_files_are_left_behind(hashing_settings: Settings) -> None:
    Indexer(hashing_settings).build(hashing_settings.corpus_dir)
    assert not [p for p in hashing_settings.cache_dir.iterdir() if p.name.startswith(".entry-")]


def test_two_indexers_at_once_both_succeed(hashing_settings: Settings) -> None:
    corpus = hashing_settings.corpus_dir
    for number in range(6):
        add_article(corpus, f"extra-{number}.txt", f"Paragraph number {number} about the border.")
    results: list[int] = []
    errors: list[BaseException] = []

    def build() -> None:
        try:
            results.append(Indexer(hashing_settings).build(corpus).store.count_documents())
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=build) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors and len(results) == 2 and results[0] == results[1]


def test_progress_is_reported_per_article(hashing_settings: Settings) -> None:
    add_article(hashing_settings.corpus_dir, "second.txt", "Another story.")
    seen: list[tuple[int, int, str]] = []
    Indexer(hashing_settings).build(hashing_settings.corpus_dir, lambda d, t, i: seen.append((d, t, i)))
    assert seen[-1][:2] == (2, 2)
    assert {i for _, _, i in seen if i} == {SEED_ID, "second.txt"}


def test_a_change_carries_a_built_quote_index_over(hashing_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The new index's quote index is derived from the old one's (no rebuild from every article), with the
    same matches as one built from scratch; one never built stays unbuilt until used."""
    indexer = Indexer(hashing_settings)
    index = indexer.build(hashing_settings.corpus_dir)
    article = parse_article("lighthouse.txt", "Lighthouse\n\n“The lamp is lit again,” said Mair Evans.\n".encode())
    entry = indexer.index_articles([article])[0][0]
    assert "quote_index" not in index.replaced("lighthouse.txt", entry).__dict__
    index.quote_index  # noqa: B018  (built, as the check pipeline does)

    def no_full_build(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the quote index was rebuilt from every article")

    with monkeypatch.context() as patch:
        patch.setattr(QuoteIndex, "__init__", no_full_build)
        added = index.replaced("lighthouse.txt", entry)
        removed = added.replaced(SEED_ID, None)
    for changed in (added, removed):
        full = QuoteIndex(list(changed.articles.values()))
        for quote in ("The lamp is lit again", "It's too early to say whether we see anything on the ground"):
            assert [asdict(m) for m in changed.quote_index.find(quote)] == [asdict(m) for m in full.find(quote)]
        assert list(changed.statements_in("lighthouse.txt")) == entry.statements
    assert index.statements and not removed.statements_in(SEED_ID)
    assert [s for s in removed.statements if s.doc_id == SEED_ID] == []
    assert [s for s in added.statements if s.doc_id != "lighthouse.txt"] == index.statements
    gone = removed.quote_index.find("It's too early to say whether we see anything on the ground")
    assert all(m.doc_id == "lighthouse.txt" and not m.exact for m in gone)
