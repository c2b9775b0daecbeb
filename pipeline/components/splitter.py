"""Articles into passages: one paragraph each, long paragraphs cut into windows of whole sentences.

Every passage keeps ``doc_id``, ``start`` and ``end`` into the article text and the spans of its
sentences, so any sentence can be cited with exact offsets later. Boilerplate, headlines and
subheadings inside the story are not passages: they are never cited as answers. The header lines above
the first body paragraph (a transcript's speaker, place, date and time, a release's issuing office) are:
they are facts about the whole article ("When was Kirby's briefing held?"), kept together as one passage
with role "subheading", one sentence a line, so that the line with the time is found through the line
with the name.
"""

from typing import Any

from haystack import Document, component, default_from_dict, default_to_dict

from pipeline.passage_meta import PassageMeta
from pipeline.sentences import split_sentences
from pipeline.types import Article, Paragraph, Span

PASSAGE_ROLES = ("body", "caption")


@component
class ArticleSplitter:
    """Sentence- and paragraph-aware passages with exact offsets."""

    def __init__(self, *, max_words: int = 120) -> None:
        self.max_words = max_words

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self, max_words=self.max_words)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ArticleSplitter":
        return default_from_dict(cls, data)

    @component.output_types(documents=list[Document])
    def run(self, articles: list[Article]) -> dict[str, Any]:
        documents = [doc for article in articles for doc in self.split(article)]
        return {"documents": documents}

    def split(self, article: Article) -> list[Document]:
        documents = []
        header = _header_lines(article)
        for paragraph in article.paragraphs:
            if header and paragraph is header[0]:
                block = Paragraph(paragraph.index, paragraph.start, header[-1].end, role="subheading")
                sentences = [s for line in header for s in split_sentences(article.text, line.start, line.end)]
            elif paragraph.role in PASSAGE_ROLES:
                block = paragraph
                sentences = split_sentences(article.text, paragraph.start, paragraph.end)
            else:
                continue
            for window in self._windows(article.text, sentences):
                documents.append(_passage(article, block, window))
        return documents

    def _windows(self, text: str, sentences: list[Span]) -> list[list[Span]]:
        windows: list[list[Span]] = []
        current: list[Span] = []
        count = 0
        for sentence in sentences:
            length = len(text[sentence.start : sentence.end].split())
            if current and count + length > self.max_words:
                windows.append(current)
                current, count = [], 0
            current.append(sentence)
            count += length
        if current:
            windows.append(current)
        return windows


def _header_lines(article: Article) -> list[Paragraph]:
    """The subheading lines between the headline and the first body paragraph."""
    first_body = next((p.index for p in article.paragraphs if p.role == "body"), len(article.paragraphs))
    return [p for p in article.paragraphs if p.role == "subheading" and p.index < first_body]


def _passage(article: Article, paragraph: Paragraph, sentences: list[Span]) -> Document:
    start, end = sentences[0].start, sentences[-1].end
    return Document(
        id=f"{article.doc_id}:{start}:{end}",
        content=article.text[start:end],
        meta=PassageMeta(
            doc_id=article.doc_id,
            title=article.title,
            start=start,
            end=end,
            role=paragraph.role,
            paragraph=paragraph.index,
            paragraph_start=paragraph.start,
            paragraph_end=paragraph.end,
            sentences=tuple(sentences),
        ).to_meta(),
    )
