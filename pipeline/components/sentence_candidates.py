"""Passages into the spans a quote may paraphrase: each sentence, each pair of neighbouring sentences, and
the quoted words inside a sentence.

A pasted quote rarely lines up with one sentence: it renders the words inside the quotation marks
without the "he said" around them ("the team is in great shape and we're ready to move forward"), or
two short sentences of a speaker in one ("Staff are doing everything they can. They need beds, not
thanks."). Comparing the quote with those spans as well as with whole sentences lets the paraphrase
gate see the closeness that is there; the gate itself (cosine, shared words) stays as strict.
"""

import re
from typing import Any

from haystack import Document, component, default_from_dict, default_to_dict

# Quoted words, in curly or straight marks, long enough to be a statement rather than a phrase.
_QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")
MIN_QUOTED_WORDS = 5


@component
class SentenceCandidates:
    def __init__(self, *, max_sentences: int = 40) -> None:
        self.max_sentences = max_sentences

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self, max_sentences=self.max_sentences)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SentenceCandidates":
        return default_from_dict(cls, data)

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document]) -> dict[str, Any]:
        sentences: list[Document] = []
        extra: list[Document] = []
        for passage in documents:
            offset = passage.meta["start"]
            spans = [(start, end) for start, end in passage.meta["sentences"]]
            for number, (start, end) in enumerate(spans):
                sentences.append(_span(passage, start, end))
                text = (passage.content or "")[start - offset : end - offset]
                for match in _QUOTED.finditer(text):
                    group = 1 if match.group(1) is not None else 2
                    if len(match.group(group).split()) >= MIN_QUOTED_WORDS:
                        extra.append(_span(passage, start + match.start(group), start + match.end(group)))
                if number + 1 < len(spans):
                    extra.append(_span(passage, start, spans[number + 1][1]))
        chosen = sentences[: self.max_sentences]
        kept = {d.id for d in chosen}
        within = [d for d in extra if d.id not in kept and _inside_any(d, chosen)]
        return {"documents": chosen + within[: self.max_sentences]}


def _span(passage: Document, start: int, end: int) -> Document:
    offset = passage.meta["start"]
    return Document(
        id=f"{passage.meta['doc_id']}:{start}:{end}",
        content=(passage.content or "")[start - offset : end - offset],
        meta={**passage.meta, "start": start, "end": end, "sentences": [[start, end]]},
    )


def _inside_any(span: Document, sentences: list[Document]) -> bool:
    """Only spans made of the sentences kept, so the extra ones follow the same ranking."""
    return any(
        s.meta["doc_id"] == span.meta["doc_id"] and s.meta["start"] <= span.meta["start"] < s.meta["end"]
        for s in sentences
    )
