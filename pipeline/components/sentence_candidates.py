"""Passages into one Document per sentence, so a quote can be compared with single sentences."""

from typing import Any

from haystack import Document, component, default_from_dict, default_to_dict


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
        for passage in documents:
            offset = passage.meta["start"]
            for start, end in passage.meta["sentences"]:
                sentences.append(
                    Document(
                        id=f"{passage.meta['doc_id']}:{start}:{end}",
                        content=(passage.content or "")[start - offset : end - offset],
                        meta={**passage.meta, "start": start, "end": end, "sentences": [[start, end]]},
                    )
                )
        return {"documents": sentences[: self.max_sentences]}
