"""Named entities found at indexing time: the same as a parse at question time, and answering never parses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from haystack import Document

import pipeline.entities as sentence_entities
from pipeline.components.answerer import ExtractiveAnswerer
from pipeline.components.sentence_entities import SentenceEntityTagger
from pipeline.components.splitter import ArticleSplitter
from pipeline.entities import entities, remember_entities
from pipeline.nlp import english
from pipeline.passage_meta import PassageMeta
from pipeline.store import NumpyDocumentStore
from pipeline.types import Article


def test_each_sentence_gets_what_a_parse_of_it_alone_finds(seed_article: Article) -> None:
    passages = ArticleSplitter(max_words=40).run(articles=[seed_article])["documents"][:12]
    tagged = SentenceEntityTagger().run(documents=passages)["documents"]
    assert [d.id for d in tagged] == [d.id for d in passages]
    found_any = False
    for document in tagged:
        meta = PassageMeta.of(document)
        assert meta.entities is not None and len(meta.entities) == len(meta.sentences)
        for text, found in zip(meta.sentence_texts(document.content or ""), meta.entities, strict=True):
            alone = tuple((e.start_char, e.end_char, e.label_) for e in english()(text).ents)
            assert found == alone
            found_any = found_any or bool(found)
        assert PassageMeta.of(Document(content=document.content, meta=meta.to_meta())) == meta
    assert found_any


def test_a_passage_without_entities_reads_back_as_none(seed_article: Article) -> None:
    passage = ArticleSplitter(max_words=40).run(articles=[seed_article])["documents"][0]
    assert PassageMeta.of(passage).entities is None
    assert "entities" not in passage.meta


@pytest.fixture
def no_parser(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse() -> None:
        raise AssertionError("the parser was loaded at question time")

    monkeypatch.setattr(sentence_entities, "english", refuse)
    monkeypatch.setattr(sentence_entities, "_INDEXED", {})  # what these tests remember is forgotten after them
    sentence_entities.entities.cache_clear()
    yield
    sentence_entities.entities.cache_clear()


def test_remembered_entities_are_used_without_parsing(no_parser: None) -> None:
    sentence = "The fine, imposed in Leeds, was £2,000 on 3 March."
    spans = [(sentence.index(text), sentence.index(text) + len(text), label)
             for text, label in (("Leeds", "GPE"), ("2,000", "CARDINAL"), ("3 March", "DATE"))]
    remember_entities(sentence, tuple(spans))
    found = entities(sentence)
    # the pound sign the model leaves out is put back, and the label becomes MONEY
    assert [(e.text, e.label) for e in found] == [("Leeds", "GPE"), ("£2,000", "MONEY"), ("3 March", "DATE")]


def test_answering_from_tagged_passages_never_loads_the_parser(seed_article: Article, no_parser: None) -> None:
    passages = ArticleSplitter(max_words=40).run(articles=[seed_article])["documents"]
    store = NumpyDocumentStore()
    store.replace_all(passages, None)
    tagged = [
        Document(id=d.id, content=d.content, meta=replace(meta, entities=tuple(() for _ in meta.sentences)).to_meta())
        for d, meta in ((d, PassageMeta.of(d)) for d in passages)
    ]
    answerer = ExtractiveAnswerer(term_statistics=store, abstain_threshold=0.0)
    result = answerer.run(question="How many troops has Russia gathered?", documents=tagged)["result"]
    assert result.answer is not None
