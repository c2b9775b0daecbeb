"""Quotations: where double quote marks open and close, and sentences merged so no quote crosses one."""

from __future__ import annotations

import re

from pipeline.attribution.records import Quote
from pipeline.attribution.vocabulary import TRAILING_CONNECTORS
from pipeline.sentences import split_sentences
from pipeline.types import Paragraph, Span

QUOTE_MARK = re.compile(r"[“”\"]")

def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Double-quoted spans of a paragraph; a quote still open at the end runs to the paragraph end."""
    quotes: list[Quote] = []
    opened: int | None = None
    for match in QUOTE_MARK.finditer(text, start, end):
        mark, at = match.group(), match.start()
        if opened is None and (mark in "“\"" or _opens_like_a_quote(text, at, start, end)):
            opened = at
        elif opened is not None and mark in "”\"":
            quotes.append(Quote(opened, opened + 1, at, at + 1, True))
            opened = None
    if opened is not None:
        quotes.append(Quote(opened, opened + 1, end, end, False))
    return [q for q in quotes if text[q.start : q.end].strip() and not _nickname(text, q)]


def stray_closing(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with a closing quote mark that nothing in it opens (the opening mark was
    dropped when the quote was pasted: "... in the right direction.”")."""
    body, last = text[start : end - 1], text[end - 1]
    return (last == "”" and "“" not in body) or (last == '"' and body.count('"') % 2 == 0)


def _opens_like_a_quote(text: str, at: int, start: int, end: int) -> bool:
    """A right mark where a quote opens (”I think the market is good,” he said): set wrongly by the typesetter,
    it stands before a word, after a space or at the paragraph start, as no closing mark does."""
    before = text[at - 1] if at > start else " "
    return text[at] == "”" and (before.isspace() or before in "([—–") and at + 1 < end and text[at + 1].isalnum()


# Matthew J. “Matt” Lohr: one capitalised word in quote marks between parts of a name is a nickname.
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*|[A-Z]\.)[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][\w’'-]+")
_ONE_NAME_WORD = re.compile(r"[A-Z][\w’'-]{0,15}")


def _nickname(text: str, quote: Quote) -> bool:
    if not quote.closed or not _ONE_NAME_WORD.fullmatch(text, quote.start, quote.end):
        return False
    before = _NAME_BEFORE.search(text, max(0, quote.mark_start - 30), quote.mark_start)
    return before is not None and _NAME_AFTER.match(text, quote.mark_end) is not None


def units(text: str, paragraph: Paragraph, quotes: list[Quote]) -> list[Span]:
    """Sentences of a paragraph, merged so that no quote crosses a sentence boundary."""
    units: list[Span] = []
    for sentence in split_sentences(text, paragraph.start, paragraph.end):
        if units and any(q.mark_start < units[-1].end and q.mark_end > units[-1].end for q in quotes):
            units[-1] = Span(units[-1].start, sentence.end)
        else:
            units.append(sentence)
    return units


def trim_space(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def trim_quote_marks(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = trim_space(text, start, end)
    if end - start > 1 and text[start] in "“\"" and text[end - 1] in "”\"":
        start, end = trim_space(text, start + 1, end - 1)
    return start, end


def trim_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space, closing punctuation and dangling connectors ("..., however") from a clause."""
    while True:
        start, end = trim_space(text, start, end)
        while end > start and text[end - 1] in ".,;:!?—–-":
            end -= 1
        start, end = trim_space(text, start, end)
        last = re.search(r"(\w+)$", text[start:end])
        if last and last.group(1).lower() in TRAILING_CONNECTORS and end - len(last.group(1)) > start:
            end -= len(last.group(1))
            continue
        return start, end
