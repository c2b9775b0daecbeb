"""NumpyDocumentStore keeps Haystack's DocumentStore contract and ranks like BM25 and cosine should."""

import pytest
from haystack import Document, Pipeline
from haystack.document_stores.errors import DuplicateDocumentError
from haystack.document_stores.types import DocumentStore, DuplicatePolicy

from pipeline.components.fusion import ReciprocalRankFusion
from pipeline.components.retrievers import NumpyBM25Retriever, NumpyEmbeddingRetriever
from pipeline.store import NumpyDocumentStore


def docs() -> list[Document]:
    return [
        Document(id="a", content="Russian troops gathered at the border", embedding=[1.0, 0.0, 0.0],
                 meta={"doc_id": "x.txt"}),
        Document(id="b", content="The embassy moved to Lviv", embedding=[0.0, 1.0, 0.0], meta={"doc_id": "y.txt"}),
        Document(id="c", content="Sanctions on Russian gas were discussed", embedding=[0.6, 0.8, 0.0],
                 meta={"doc_id": "y.txt"}),
    ]


def test_implements_the_document_store_protocol() -> None:
    store = NumpyDocumentStore()
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
    assert NumpyDocumentStore.from_dict(store.to_dict()).to_dict() == store.to_dict()


def test_duplicate_policies() -> None:
    store = NumpyDocumentStore()
    store.write_documents(docs())
    with pytest.raises(DuplicateDocumentError):
        store.write_documents(docs()[:1], policy=DuplicatePolicy.FAIL)
    assert store.write_documents(docs()[:1], policy=DuplicatePolicy.SKIP) == 0
    changed = Document(id="a", content="changed", embedding=[1.0, 0.0, 0.0])
    assert store.write_documents([changed], policy=DuplicatePolicy.OVERWRITE) == 1
    assert store.filter_documents({"field": "id", "operator": "==", "value": "a"})[0].content == "changed"


def test_dense_retrieval_ranks_by_cosine() -> None:
    store = NumpyDocumentStore()
    store.write_documents(docs())
    ranked = store.embedding_retrieval([0.0, 2.0, 0.0], top_k=3)
    assert [d.id for d in ranked] == ["b", "c", "a"]
    assert ranked[0].score == pytest.approx(1.0)
    assert ranked[0].meta["dense_score"] == pytest.approx(1.0)


def test_bm25_retrieval_ranks_rare_terms_higher_and_ignores_unknown_words() -> None:
    store = NumpyDocumentStore()
    store.write_documents(docs())
    assert [d.id for d in store.bm25_retrieval("Lviv embassy")][:1] == ["b"]
    assert [d.id for d in store.bm25_retrieval("Russian gas")][:1] == ["c"]
    assert store.bm25_retrieval("completely unrelated zebra") == []


def test_filters_apply_to_retrieval() -> None:
    store = NumpyDocumentStore()
    store.write_documents(docs())
    only_x = {"field": "meta.doc_id", "operator": "==", "value": "x.txt"}
    assert [d.id for d in store.embedding_retrieval([0.0, 1.0, 0.0], filters=only_x)] == ["a"]


def test_retrievers_and_fusion_in_a_pipeline_and_serialised() -> None:
    store = NumpyDocumentStore()
    store.write_documents(docs())
    pipeline = Pipeline()
    pipeline.add_component("dense", NumpyEmbeddingRetriever(document_store=store, top_k=2))
    pipeline.add_component("bm25", NumpyBM25Retriever(document_store=store, top_k=2))
    pipeline.add_component("fusion", ReciprocalRankFusion(k=60))
    pipeline.connect("dense.documents", "fusion.documents")
    pipeline.connect("bm25.documents", "fusion.documents")
    result = pipeline.run({"dense": {"query_embedding": [0.0, 1.0, 0.0]}, "bm25": {"query": "embassy Lviv"}})
    fused = result["fusion"]["documents"]
    assert fused[0].id == "b"  # first in both lists
    assert "dense_score" in fused[0].meta and "bm25_score" in fused[0].meta
    restored = Pipeline.loads(pipeline.dumps(), allowed_modules=["pipeline"])
    assert isinstance(restored.get_component("dense"), NumpyEmbeddingRetriever)


def test_readers_keep_their_snapshot_while_a_write_swaps_in_a_new_one() -> None:
    store = NumpyDocumentStore()
    store.write_documents(docs())
    before = store._snapshot
    store.write_documents([Document(id="d", content="new", embedding=[0.0, 0.0, 1.0])])
    assert len(before) == 3 and store.count_documents() == 4
