"""Passages in; the same passages out with each sentence's named entities in their meta.

Answers are judged on the entities of their sentences ("Who ...?" wants a PERSON, "How many ...?" a
number). Finding them at indexing time, once per sentence, means a question never loads the parser: a
cold ``factcheck ask`` saves the second or so spaCy takes to load. Each sentence is parsed on its own,
exactly as ``pipeline.entities.entities`` would parse it at question time, so both give the same
entities; only the entity recognizer runs (tagger, parser and lemmatizer do not feed it).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from haystack import Document, component, default_from_dict, default_to_dict

from pipeline.nlp import english
from pipeline.passage_meta import PassageMeta, RawEntity

# Sentences per ``nlp.pipe`` batch: larger batches were no faster on two cores.
PIPE_BATCH = 256


@component
class SentenceEntityTagger:
    """Adds ``entities`` (per sentence, ``[start, end, label]`` into the sentence) to every passage's meta."""

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceEntityTagger:
        return default_from_dict(cls, data)

    def warm_up(self) -> None:
        english()

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document]) -> dict[str, Any]:
        metas = [PassageMeta.of(d) for d in documents]
        texts = [t for d, meta in zip(documents, metas, strict=True) for t in meta.sentence_texts(d.content or "")]
        found = iter(sentence_entities(texts))
        tagged = []
        for document, meta in zip(documents, metas, strict=True):
            entities = tuple(next(found) for _ in meta.sentences)
            tagged.append(replace(document, meta={**document.meta, **replace(meta, entities=entities).to_meta()}))
        return {"documents": tagged}


def sentence_entities(sentences: list[str]) -> list[tuple[RawEntity, ...]]:
    """spaCy's named entities of each sentence, parsed on its own."""
    nlp = english()
    with nlp.select_pipes(enable=["ner"]):
        docs = nlp.pipe(sentences, batch_size=PIPE_BATCH)
        return [tuple((e.start_char, e.end_char, e.label_) for e in doc.ents) for doc in docs]
