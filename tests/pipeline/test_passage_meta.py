"""The declared passage/sentence metadata schema: what the splitter writes is what every reader gets back."""

from __future__ import annotations

import pytest
from haystack import Document

from pipeline.components.passage_sentences import PassageSentences
from pipeline.components.splitter import ArticleSplitter
from pipeline.passage_meta import MetaError, PassageMeta, SentenceMeta, source_span
from pipeline.types import Article


def test_every_passage_of_the_seed_reads_back_with_exact_offsets(seed_article: Article) -> None:
    passages = ArticleSplitter(max_words=40).run(articles=[seed_article])["documents"]
    assert passages
    for passage in passages:
        meta = PassageMeta.of(passage)
        assert PassageMeta.of(Document(content=passage.content, meta=meta.to_meta())) == meta
        assert seed_article.text[meta.start : meta.end] == passage.content
        assert meta.sentences[0].start == meta.start and meta.sentences[-1].end == meta.end
        assert meta.paragraph_start <= meta.start < meta.end <= meta.paragraph_end


def test_sentence_documents_point_at_their_passage(seed_article: Article) -> None:
    passages = ArticleSplitter(max_words=40).run(articles=[seed_article])["documents"]
    documents = PassageSentences().run(documents=passages)["documents"]
    sentences = [(d, SentenceMeta.of(d)) for d in documents if SentenceMeta.of(d) is not None]
    assert sentences
    ids = {p.id for p in passages}
    for document, meta in sentences:
        assert meta is not None and meta.passage_id in ids
        assert seed_article.text[meta.start : meta.end] == document.content
    assert all(SentenceMeta.of(p) is None for p in passages)


@pytest.mark.parametrize(
    "meta",
    [{}, {"doc_id": "a.txt", "start": 0}, {"doc_id": "a.txt", "start": "x", "end": 3}],
)
def test_a_document_without_a_source_span_fails_loudly(meta: dict[str, object]) -> None:
    with pytest.raises(MetaError):
        source_span(Document(content="text", meta=meta))


def test_a_passage_needs_its_sentences() -> None:
    with pytest.raises(MetaError, match="not a passage"):
        PassageMeta.of(Document(content="text", meta={"doc_id": "a.txt", "start": 0, "end": 4}))
