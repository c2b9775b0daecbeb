"""Both stores keep Haystack's DocumentStore contract, and their retriever components rank as they should.

Every test here that takes ``any_store_settings`` runs on the numpy store and on PostgreSQL with pgvector
(marked ``pgvector``; skipped, saying why, when the server is not running).
"""

import pytest
from haystack import Document, Pipeline
from haystack.document_stores.errors import DuplicateDocumentError
from haystack.document_stores.types import DocumentStore, DuplicatePolicy

from pipeline.components.fusion import ReciprocalRankFusion
from pipeline.settings import Settings
from pipeline.store import NumpyDocumentStore
from pipeline.stores import CorpusStore, make_dense_retriever, make_keyword_retriever, make_store
from pipeline.term_statistics import bm25_idf
from tests.conftest import store_settings


def docs() -> list[Document]:
    return [
        Document(id="a", content="Russian troops gathered at the border", embedding=[1.0, 0.0, 0.0],
                 meta={"doc_id": "x.txt"}),
        Document(id="b", content="The embassy moved to Lviv", embedding=[0.0, 1.0, 0.0], meta={"doc_id": "y.txt"}),
        Document(id="c", content="Sanctions on Russian gas were discussed", embedding=[0.6, 0.8, 0.0],
                 meta={"doc_id": "y.txt"}),
    ]


def new_store(settings: Settings, written: list[Document] | None = None) -> CorpusStore:
    store = make_store(settings, embedding_dimension=3)
    if written:
        store.write_documents(written)
    return store


def dense(store: CorpusStore, embedding: list[float], **kwargs: object) -> list[Document]:
    return make_dense_retriever(store, top_k=3).run(query_embedding=embedding, **kwargs)["documents"]


def keyword(store: CorpusStore, query: str) -> list[Document]:
    return make_keyword_retriever(store, top_k=3).run(query=query)["documents"]


def test_implements_the_document_store_protocol(any_store_settings: Settings) -> None:
    store = new_store(any_store_settings)
    for method in ("to_dict", "from_dict", "count_documents", "filter_documents", "write_documents",
                   "delete_documents"):
        assert callable(getattr(store, method)), method
    typed: DocumentStore = store  # checked by type checkers against Haystack's protocol
    assert store.write_documents(docs()) == 3
    assert typed.count_documents() == 3
    assert {d.id for d in store.filter_documents({"field": "meta.doc_id", "operator": "==", "value": "y.txt"})} == {
        "b", "c"}
    store.delete_documents(["b"])
    assert store.count_documents() == 2
    assert type(store).from_dict(store.to_dict()).to_dict() == store.to_dict()


def test_duplicate_policies(any_store_settings: Settings) -> None:
    store = new_store(any_store_settings, docs())
    with pytest.raises(DuplicateDocumentError):
        store.write_documents(docs()[:1], policy=DuplicatePolicy.FAIL)
    assert store.write_documents(docs()[:1], policy=DuplicatePolicy.SKIP) == 0
    changed = Document(id="a", content="changed", embedding=[1.0, 0.0, 0.0])
    assert store.write_documents([changed], policy=DuplicatePolicy.OVERWRITE) == 1
    assert store.filter_documents({"field": "id", "operator": "==", "value": "a"})[0].content == "changed"


def test_dense_retrieval_ranks_by_cosine(any_store_settings: Settings) -> None:
    store = new_store(any_store_settings, docs())
    ranked = dense(store, [0.0, 2.0, 0.0])
    assert [d.id for d in ranked] == ["b", "c", "a"]
    assert ranked[0].meta["dense_score"] == pytest.approx(1.0)
    assert ranked[1].meta["dense_score"] == pytest.approx(0.8)
    assert all(d.embedding is None for d in ranked)  # not asked for


def test_keyword_retrieval_finds_any_rare_word_and_ignores_unknown_words(any_store_settings: Settings) -> None:
    store = new_store(any_store_settings, docs())
    assert [d.id for d in keyword(store, "Lviv embassy")][:1] == ["b"]
    assert [d.id for d in keyword(store, "Where did the embassy go?")][:1] == ["b"]  # not every word is there
    assert [d.id for d in keyword(store, "Russian gas")][:1] == ["c"]
    assert keyword(store, "completely unrelated zebra") == []


def test_filters_apply_to_retrieval(any_store_settings: Settings) -> None:
    store = new_store(any_store_settings, docs())
    only_x = {"field": "meta.doc_id", "operator": "==", "value": "x.txt"}
    assert [d.id for d in dense(store, [0.0, 1.0, 0.0], filters=only_x)] == ["a"]


def test_retrievers_hand_on_embeddings_when_asked(any_store_settings: Settings) -> None:
    store = new_store(any_store_settings, docs())
    found = make_keyword_retriever(store, top_k=3, return_embedding=True).run(query="embassy Lviv")["documents"]
    assert found[0].embedding == pytest.approx([0.0, 1.0, 0.0])


def test_keyword_results_carry_their_cosine_when_given_the_query_embedding(any_store_settings: Settings) -> None:
    store = new_store(any_store_settings, docs())
    retriever = make_keyword_retriever(store, top_k=3)
    found = retriever.run(query="Russian gas sanctions", query_embedding=[0.0, 2.0, 0.0])["documents"]
    assert found[0].id == "c" and found[0].meta["dense_score"] == pytest.approx(0.8)
    assert found[0].embedding is None
    assert "dense_score" not in retriever.run(query="Russian gas")["documents"][0].meta


def test_term_statistics_are_the_same_on_both_stores(any_store_settings: Settings) -> None:
    reference = NumpyDocumentStore()
    reference.write_documents(docs())
    store = new_store(any_store_settings, docs())
    for term in ("russian", "embassi", "lviv", "zebra"):
        assert store.idf(term) == pytest.approx(reference.idf(term)), term
        assert store.has_term(term) == reference.has_term(term), term
    store.delete_documents(["a", "c"])
    assert not store.has_term("russian") and store.has_term("lviv")
    assert store.idf("lviv") == pytest.approx(bm25_idf(1, 1))


def test_replace_all_brings_the_store_to_exactly_those_documents(any_store_settings: Settings) -> None:
    store = new_store(any_store_settings, docs())
    kept, new = docs()[0], Document(id="d", content="Talks in Geneva", embedding=[0.0, 0.0, 1.0])
    store.replace_all([kept, new])
    assert {d.id for d in store.filter_documents()} == {"a", "d"}
    assert store.has_term("geneva") and not store.has_term("lviv")


@pytest.mark.pgvector
def test_the_database_store_swaps_an_articles_rows_in_one_transaction(
    hashing_settings: Settings, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.pgvector_store import PgvectorCorpusStore

    store = make_store(store_settings(hashing_settings, "pgvector", request), embedding_dimension=3)
    assert isinstance(store, PgvectorCorpusStore)
    store.write_documents(docs())
    new = [Document(id="d", content="Talks in Geneva", embedding=[0.0, 0.0, 1.0], meta={"doc_id": "y.txt"})]

    def broken(self: PgvectorCorpusStore, added: list[str], removed: list[str]) -> None:
        raise RuntimeError("the word counts could not be written")

    with monkeypatch.context() as patched:
        patched.setattr(PgvectorCorpusStore, "_update_terms", broken)
        with pytest.raises(RuntimeError):
            store.replace_article("y.txt", new)
    assert {d.id for d in store.filter_documents()} == {"a", "b", "c"}
    assert store.has_term("lviv") and not store.has_term("geneva")

    store.replace_article("y.txt", new)
    assert {d.id for d in store.filter_documents()} == {"a", "d"}
    assert store.has_term("geneva") and store.has_term("russian") and not store.has_term("lviv")
    store.replace_article("y.txt", [])
    assert {d.id for d in store.filter_documents()} == {"a"} and not store.has_term("geneva")


def test_retrievers_and_fusion_in_a_pipeline_and_serialised(any_store_settings: Settings) -> None:
    store = new_store(any_store_settings, docs())
    pipeline = Pipeline()
    pipeline.add_component("dense", make_dense_retriever(store, top_k=2))
    pipeline.add_component("bm25", make_keyword_retriever(store, top_k=2))
    pipeline.add_component("fusion", ReciprocalRankFusion(k=60))
    pipeline.connect("dense.documents", "fusion.documents")
    pipeline.connect("bm25.documents", "fusion.documents")
    result = pipeline.run({"dense": {"query_embedding": [0.0, 1.0, 0.0]}, "bm25": {"query": "embassy Lviv"}})
    fused = result["fusion"]["documents"]
    assert fused[0].id == "b"  # first in both lists
    assert "dense_score" in fused[0].meta and ({"bm25_score", "keyword_score"} & set(fused[0].meta))
    restored = Pipeline.loads(pipeline.dumps(), allowed_modules=["pipeline"])
    assert type(restored.get_component("dense")) is type(pipeline.get_component("dense"))


def test_readers_keep_their_snapshot_while_a_write_swaps_in_a_new_one() -> None:
    store = NumpyDocumentStore()
    store.write_documents(docs())
    before = store._snapshot
    store.write_documents([Document(id="d", content="new", embedding=[0.0, 0.0, 1.0])])
    assert len(before) == 3 and store.count_documents() == 4
