"""Passages in; the passages plus one Document per sentence of each multi-sentence passage out.

At indexing time the sentences are embedded in the same batches as their passages, so a quote check
later embeds only the quote. A one-sentence passage is its own sentence (same text, same embedding),
so it is not embedded twice.
"""

from typing import Any

from haystack import Document, component, default_from_dict, default_to_dict

SENTENCE_OF = "sentence_of"


@component
class PassageSentences:
    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PassageSentences":
        return default_from_dict(cls, data)

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document]) -> dict[str, Any]:
        sentences: list[Document] = []
        for passage in documents:
            spans = passage.meta["sentences"]
            if len(spans) < 2:
                continue
            offset = passage.meta["start"]
            for start, end in spans:
                sentences.append(
                    Document(
                        id=f"sentence:{passage.meta['doc_id']}:{start}:{end}",
                        content=(passage.content or "")[start - offset : end - offset],
                        meta={"doc_id": passage.meta["doc_id"], SENTENCE_OF: passage.id, "start": start, "end": end},
                    )
                )
        return {"documents": list(documents) + sentences}
