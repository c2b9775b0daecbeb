"""The sentence retriever: the closest sentences with their cosine, and the quote checker's ranking of them."""

from __future__ import annotations

import numpy as np
import pytest
from haystack.core.pipeline.utils import _deepcopy_with_exceptions

from pipeline.components.hashing_embedder import hash_embedding
from pipeline.components.quote_checker import rank_by_cosine
from pipeline.components.sentence_retriever import SentenceRetriever
from pipeline.passage_meta import retrieval_score
from pipeline.sentence_index import SentenceIndex
from pipeline.sentences import split_sentences
from pipeline.types import Article


@pytest.fixture
def retriever_over_seed(seed_article: Article) -> tuple[SentenceRetriever, SentenceRetriever]:
    spans = [(s.start, s.end) for p in seed_article.paragraphs if p.role == "body"
             for s in split_sentences(seed_article.text, p.start, p.end)]
    vectors = np.array([hash_embedding(seed_article.text[s:e]) for s, e in spans], dtype=np.float32)
    index = SentenceIndex.of_article(seed_article.doc_id, spans, vectors)
    plain, with_vectors = SentenceRetriever(top_k=10), SentenceRetriever(top_k=10, return_embedding=True)
    for retriever in (plain, with_vectors):
        retriever.attach(sentences=index, articles={seed_article.doc_id: seed_article})
    return plain, with_vectors


def test_sentences_come_with_their_cosine_and_no_vector_to_copy(
    retriever_over_seed: tuple[SentenceRetriever, SentenceRetriever], seed_article: Article
) -> None:
    plain, _ = retriever_over_seed
    query = np.array(hash_embedding("too early to say whether we see anything on the ground"))
    documents = plain.run(query_embedding=query)["documents"]
    assert len(documents) == 10
    assert all(d.embedding is None for d in documents)
    assert all(seed_article.text[d.meta["start"] : d.meta["end"]] == d.content for d in documents)
    scores = [score for d in documents if (score := retrieval_score(d)) is not None]
    assert len(scores) == len(documents) and scores == sorted(scores, reverse=True)


def test_the_checker_ranks_by_the_retrieved_cosine_as_by_the_vectors(
    retriever_over_seed: tuple[SentenceRetriever, SentenceRetriever],
) -> None:
    plain, with_vectors = retriever_over_seed
    query = np.array(hash_embedding("Russia has massed troops near the Ukrainian border"))
    from_meta = rank_by_cosine(plain.run(query_embedding=query)["documents"], query)
    from_vectors = rank_by_cosine(with_vectors.run(query_embedding=query)["documents"], query)
    assert [d.id for _, d in from_meta] == [d.id for _, d in from_vectors]
    assert [round(s, 5) for s, _ in from_meta] == [round(s, 5) for s, _ in from_vectors]
    assert SentenceRetriever.from_dict(with_vectors.to_dict()).return_embedding is True


def test_the_pipeline_hands_the_retrieved_sentences_on_without_copying_them(
    retriever_over_seed: tuple[SentenceRetriever, SentenceRetriever],
) -> None:
    """Haystack deep-copies every component input; these documents are made afresh for each run and held by
    nothing else, so the copy may be the documents themselves."""
    plain, _ = retriever_over_seed
    query = np.array(hash_embedding("too early to say whether we see anything on the ground"))
    first = plain.run(query_embedding=query)["documents"]
    handed_on = _deepcopy_with_exceptions(first)
    assert all(a is b for a, b in zip(handed_on, first, strict=True))
    second = plain.run(query_embedding=query)["documents"]
    assert [d.id for d in second] == [d.id for d in first]
    assert all(a is not b for a, b in zip(second, first, strict=True))  # nothing shared between runs
