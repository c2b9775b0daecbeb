"""Passages in; the passages plus one Document per sentence of each multi-sentence passage out.

At indexing time the sentences are embedded in the same batches as their passages, so a quote check
later embeds only the quote. A one-sentence passage is its own sentence (same text, same embedding),
so it is not embedded twice.
"""

from typing import Any

from haystack import Document, component, default_from_dict, default_to_dict

from pipeline.passage_meta import PassageMeta, SentenceMeta


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
            meta = PassageMeta.of(passage)
            if len(meta.sentences) < 2:
                continue
            for sentence in meta.sentences:
                start, end = sentence.start, sentence.end
                sentences.append(
                    Document(
                        id=f"sentence:{meta.doc_id}:{start}:{end}",
                        content=(passage.content or "")[start - meta.start : end - meta.start],
                        meta=SentenceMeta(meta.doc_id, start, end, passage_id=passage.id).to_meta(),
                    )
                )
        return {"documents": list(documents) + sentences}
