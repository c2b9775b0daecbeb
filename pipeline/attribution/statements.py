"""Turning a span and a speaker into ``Statement``s: one per speaker, trimmed, with exact offsets."""

from __future__ import annotations

import re

from pipeline.attribution.quotes import stray_closing, trim_quote_marks, trim_space
from pipeline.attribution.records import Who
from pipeline.types import Article, Paragraph, Statement, StatementKind

# "(MUSIC)", "[Laughter]", "(inaudible)": a paragraph that is only a bracketed stage direction is nobody's words.
_STAGE_DIRECTION = re.compile(r"[(\[][^()\[\]]{1,40}[)\]]\.?")


def make_statements(
    article: Article, paragraph: Paragraph, start: int, end: int, who: Who, kind: StatementKind
) -> list[Statement]:
    """One statement per speaker (a joint statement is everyone's); nothing for an empty span."""
    text = article.text
    start, end = trim_space(text, start, end)
    if end <= start:
        return []
    speakers: tuple[str | None, ...] = who.speakers or (None,)
    return [
        Statement(
            doc_id=article.doc_id,
            title=article.title,
            text=text[start:end],
            start=start,
            end=end,
            speaker=speaker,
            kind=kind,
            paragraph=paragraph.index,
            mention=who.mention,
            is_caption=paragraph.role == "caption",
            uncertain=who.uncertain or speaker is None,
        )
        for speaker in speakers
    ]


def whole_paragraph(article: Article, paragraph: Paragraph, start: int, who: Who) -> list[Statement]:
    """A transcript turn or block-quote paragraph from ``start``: all of it is the speaker's words."""
    start, end = trim_quote_marks(article.text, start, paragraph.end)
    if end > start and stray_closing(article.text, start, end):
        end -= 1  # its opening mark was dropped when the quote was pasted
    if end <= start or _STAGE_DIRECTION.fullmatch(article.text, start, end):
        return []
    return make_statements(article, paragraph, start, end, who, "direct")
