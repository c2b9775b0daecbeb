"""Quotations: where double quote marks open and close, and sentences merged so no quote crosses one."""

from __future__ import annotations

import re

from pipeline.attribution.records import Quote
from pipeline.attribution.vocabulary import (
    ARTICLES,
    POSSESSIVE_DETERMINERS,
    SPEECH_VERBS,
    TITLE_WORDS,
    TRAILING_CONNECTORS,
)
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


# “... great options!” Creachbaum remarked. The sentence splitter cuts after "!”" before a capital; the short
# sentence after it that only says who spoke belongs with the quote.
_ENDS_WITH_EXCLAIMED_QUOTE = re.compile(r"[!?][”\"]\s*$")
ATTRIBUTION_TAIL_MAX_WORDS = 10
# Before its verb, such a sentence holds only who spoke: capitalised words, a title, a determiner or a pronoun.
_SPEAKER_WORDS = ARTICLES | POSSESSIVE_DETERMINERS | {"he", "she", "they", "we", "i"}


def _attribution_tail(text: str, sentence: Span) -> bool:
    """A short sentence that only says who spoke: "Creachbaum remarked.", "Councillor Tom Hale asked."."""
    words = [w.strip(",.;:") for w in text[sentence.start : sentence.end].split()]
    if len(words) > ATTRIBUTION_TAIL_MAX_WORDS or QUOTE_MARK.search(text, sentence.start, sentence.end):
        return False
    verb = next((i for i, w in enumerate(words) if w.lower() in SPEECH_VERBS), None)
    return verb is not None and verb > 0 and all(
        w[:1].isupper() or w.lower() in _SPEAKER_WORDS or w.lower() in TITLE_WORDS for w in words[:verb])


def units(text: str, paragraph: Paragraph, quotes: list[Quote]) -> list[Span]:
    """Sentences of a paragraph, merged so that no quote crosses a sentence boundary, and a quote ending in "!"
    or "?" keeps the attribution after it."""
    units: list[Span] = []
    for sentence in split_sentences(text, paragraph.start, paragraph.end):
        crossed = units and any(q.mark_start < units[-1].end and q.mark_end > units[-1].end for q in quotes)
        tail = units and _ENDS_WITH_EXCLAIMED_QUOTE.search(text, units[-1].start, units[-1].end) is not None \
            and _attribution_tail(text, sentence)
        if crossed or tail:
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
