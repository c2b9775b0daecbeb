"""Adding or removing one article splices it into the index: the same answers as a full rebuild, and a
query running during the change sees the old corpus or the new one, never a mix."""

import threading
import time
from typing import Any

import numpy as np
import pytest

from pipeline import contract
from pipeline.indexing import CorpusIndex, Indexer
from pipeline.service import FactChecker
from pipeline.settings import Settings
from tests.conftest import SEED_ID

LIGHTHOUSE = (
    "The lighthouse at Elwyn reopened on Monday after two years of repairs, the harbour trust said.\n\n"
    "“We are delighted the light is shining again,” said Mair Evans, who chairs the trust. "
    "The repairs cost £2.4 million. Visitors can climb the tower from April.\n"
)
QUESTIONS = [
    "Where has the US embassy been temporarily relocated?",
    "How much did the lighthouse repairs cost?",
    "What did Mair Evans say?",
    "What did Jens Stoltenberg say?",
]
QUOTES = [
    ("We are delighted the light is shining again", "Mair Evans"),
    ("It's too early to say whether we see anything on the ground", "Jens Stoltenberg"),
    ("We are pleased the light shines again", None),
]


def answers(service: FactChecker) -> tuple[Any, ...]:
    return (
        [contract.ask_json(service.ask(q)) for q in QUESTIONS],
        [contract.check_json(service.check(q, s)) for q, s in QUOTES],
        contract.quotes_json(service.quotes(None)),
        [contract.document_json(d) for d in service.documents()],
    )


def same_index(a: CorpusIndex, b: CorpusIndex) -> None:
    sa, sb = a.store.state, b.store.state
    assert sa.rows.ids() == sb.rows.ids()
    assert np.array_equal(np.asarray(sa.embeddings), np.asarray(sb.embeddings))
    vocabulary = sorted(t for t in sb.vocabulary if sb.df[sb.vocabulary[t]] > 0)
    assert vocabulary == sorted(t for t in sa.vocabulary if sa.df[sa.vocabulary[t]] > 0)
    columns_a = [sa.vocabulary[t] for t in vocabulary]
    columns_b = [sb.vocabulary[t] for t in vocabulary]
    assert np.array_equal(sa.bm25[:, columns_a].toarray(), sb.bm25[:, columns_b].toarray())
    assert a.sentences.doc_ids == b.sentences.doc_ids
    assert np.array_equal(a.sentences.starts, b.sentences.starts)
    assert np.array_equal(np.asarray(a.sentences.embeddings), np.asarray(b.sentences.embeddings))
    assert a.statements == b.statements
    assert list(a.articles) == list(b.articles)


def rebuilt(settings: Settings) -> FactChecker:
    fresh = FactChecker(settings)
    fresh.refresh()
    return fresh


@pytest.mark.parametrize("name", ["aaa-lighthouse.txt", "lighthouse.txt", "zzz-lighthouse.txt"])
def test_add_then_remove_equals_a_full_rebuild(hashing_settings: Settings, name: str) -> None:
    (hashing_settings.corpus_dir / "middle.txt").write_text("Harbour news\n\nThe harbour trust met on Friday.\n")
    service = FactChecker(hashing_settings)
    before = answers(service)
    service.add_document(name, LIGHTHOUSE.replace("The lighthouse", "Lighthouse news\n\nThe lighthouse", 1).encode())
    service.wait_for_snapshot()
    full = rebuilt(hashing_settings)
    same_index(service.index, full.index)
    assert answers(service) == answers(full)
    reopened = FactChecker(hashing_settings)  # the snapshot written after the add
    assert answers(reopened) == answers(full)

    service.remove_document(name)
    service.wait_for_snapshot()
    same_index(service.index, rebuilt(hashing_settings).index)
    assert answers(service) == before


def test_an_add_indexes_only_the_new_article(hashing_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    service = FactChecker(hashing_settings)
    service.warm_up()
    seen: list[list[str]] = []
    real = Indexer.index_articles

    def spy(self: Indexer, articles: list[Any], *args: Any, **kwargs: Any) -> Any:
        seen.append([a.doc_id for a in articles])
        return real(self, articles, *args, **kwargs)

    monkeypatch.setattr(Indexer, "index_articles", spy)
    service.add_text("Lighthouse news", LIGHTHOUSE)
    assert seen == [["lighthouse-news.txt"]]


def test_queries_during_an_add_see_the_old_or_the_new_corpus(
    hashing_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = FactChecker(hashing_settings)
    old_docs = [d.doc_id for d in service.documents()]
    old_answer = contract.ask_json(service.ask(QUESTIONS[1]))
    real = Indexer.index_articles

    def slow(self: Indexer, *args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)  # the add is under way while the reader runs
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Indexer, "index_articles", slow)
    seen: list[tuple[list[str], Any, int, int]] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def reader() -> None:
        try:
            while not stop.is_set():
                state = service._current()
                index = state.index
                consistent = (
                    index.store.count_documents() == sum(index.passages_per_article.values())
                    and list(index.passages_per_article) == list(index.articles)
                    and set(index.sentences.doc_ids) <= set(index.articles)
                )
                assert consistent
                docs = [d.doc_id for d in service.documents()]
                seen.append((docs, contract.ask_json(service.ask(QUESTIONS[1]))["answer"], len(docs),
                             service.index.store.count_documents()))
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=reader)
    thread.start()
    time.sleep(0.05)
    service.add_document("lighthouse.txt", ("Lighthouse news\n\n" + LIGHTHOUSE).encode())
    time.sleep(0.05)
    stop.set()
    thread.join(timeout=60)
    assert not errors
    new_docs = [d.doc_id for d in service.documents()]
    new_answer = contract.ask_json(service.ask(QUESTIONS[1]))["answer"]
    assert new_answer != old_answer["answer"] and "2.4 million" in new_answer
    assert {tuple(docs) for docs, *_ in seen} <= {tuple(old_docs), tuple(new_docs)}
    assert {answer for _, answer, *_ in seen} <= {old_answer["answer"], new_answer}
    assert any(tuple(docs) == tuple(old_docs) for docs, *_ in seen)


def test_removing_an_article_forgets_its_passages_sentences_and_terms(hashing_settings: Settings) -> None:
    (hashing_settings.corpus_dir / "lighthouse.txt").write_text("Lighthouse news\n\n" + LIGHTHOUSE)
    service = FactChecker(hashing_settings)
    assert service.index.store.has_term("lighthous")
    service.remove_document("lighthouse.txt")
    index = service.index
    assert not index.store.has_term("lighthous")
    assert "lighthouse.txt" not in index.sentences.doc_ids and list(index.articles) == [SEED_ID]
    assert all(d.meta["doc_id"] == SEED_ID for d in index.store.filter_documents())


def test_queries_while_a_change_is_prepared_see_the_old_corpus_on_either_store(
    any_store_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new article is indexed and its pipelines built before anything a query reads changes: a database
    store's rows are swapped in with the new index, not while it is being prepared."""
    service = FactChecker(any_store_settings)
    old_answer = contract.ask_json(service.ask(QUESTIONS[1]))
    old_count = service.index.store.count_documents()
    real = FactChecker._state_for
    preparing, seen = threading.Event(), threading.Event()

    def slow(self: FactChecker, index: CorpusIndex, like: Any = None) -> Any:
        state = real(self, index, like)
        if like is not None:  # the state for the change, built but not yet swapped in
            preparing.set()
            seen.wait(timeout=30)
        return state

    monkeypatch.setattr(FactChecker, "_state_for", slow)
    adding = threading.Thread(
        target=service.add_document, args=("lighthouse.txt", ("Lighthouse news\n\n" + LIGHTHOUSE).encode())
    )
    adding.start()
    try:
        assert preparing.wait(timeout=60)
        assert contract.ask_json(service.ask(QUESTIONS[1])) == old_answer
        assert service.index.store.count_documents() == old_count
        assert not service.index.store.has_term("lighthous")
    finally:
        seen.set()
        adding.join(timeout=60)
    assert "2.4 million" in (service.ask(QUESTIONS[1]).answer or "")
    assert service.index.store.has_term("lighthous")


def test_a_failed_change_leaves_either_store_as_it_was(
    any_store_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = FactChecker(any_store_settings)
    old_answer = contract.ask_json(service.ask(QUESTIONS[1]))
    old_count = service.index.store.count_documents()

    def broken(self: FactChecker, index: CorpusIndex, like: Any = None) -> Any:
        raise RuntimeError("the pipelines could not be built")

    monkeypatch.setattr(FactChecker, "_state_for", broken)
    with pytest.raises(RuntimeError):
        service.add_document("lighthouse.txt", ("Lighthouse news\n\n" + LIGHTHOUSE).encode())
    assert not (any_store_settings.corpus_dir / "lighthouse.txt").exists()
    assert service.index.store.count_documents() == old_count
    assert not service.index.store.has_term("lighthous")
    assert contract.ask_json(service.ask(QUESTIONS[1])) == old_answer
