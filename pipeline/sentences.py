"""An offline sentence splitter that keeps exact offsets.

Haystack's ``split_by="sentence"`` needs NLTK data that cannot be downloaded here, so sentence
boundaries come from a small rule set: a full stop, question or exclamation mark (plus any
closing quote marks or brackets), then white space, then something that can open a sentence.
"""

from __future__ import annotations

import re

from pipeline.types import Span

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "rev", "sen", "rep",
    "gov", "pres", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e", "u.s", "u.k",
    "u.n", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "a.m", "p.m", "approx", "est", "dept", "fig", "vol", "mt", "ft",
    "maj", "cpl", "pvt", "pfc", "spc", "cmdr", "adm", "brig",  # military ranks: "Air Force Maj. Jane Doe"
}

_QUESTION_END = re.compile(r"\?[\s\"”’')\]]*$")
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9£$€])""")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]")


def ends_with_question(text: str) -> bool:
    """Whether a sentence is a question: its last mark, before closing quotes, brackets or spaces, is "?"."""
    return _QUESTION_END.search(text) is not None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]``, trimmed of surrounding white space."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group().startswith(".") and _is_abbreviation(text, cursor, match.start()):
            continue
        span = _trim(text, cursor, match.end())
        if span:
            spans.append(span)
        cursor = match.end()
    tail = _trim(text, cursor, end)
    if tail:
        spans.append(tail)
    return spans


def _is_abbreviation(text: str, sentence_start: int, dot: int) -> bool:
    found = _WORD_BEFORE.search(text, sentence_start, dot)
    if not found:
        return False
    word = found.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # A lone capital initial ("J. K. Rowling") or a run of them ("said M.N. Selvi") is not a sentence end.
    return (len(word) == 1 and text[dot - 1].isupper()) or _INITIALS.fullmatch(found.group(1)) is not None


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None
