"""Word tokens of quotes and sources, normalised so that only real word changes count.

A quote is compared with its source word by word. Everything that does not change the words is
normalised away: case, curly or straight quote marks and apostrophes, dash styles, white space and
line breaks, ellipses and other punctuation, digit grouping in numbers ("125,000" == "125000").
Words in editorial brackets ("[that]", "[Russian troops withdrawing]") are the journalist's, not the
speaker's: such tokens are marked ``editorial`` so a quote may include or omit them without penalty.
Every token keeps exact offsets into the text it came from, so a match can be cited exactly.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from typing import NamedTuple

from pipeline.types import Difference, DiffOp

_APOSTROPHES = "'’‘`´ʼ"
# A number keeps its digits and decimal point; "125,000" and "3.5" are one token each.
_NUMBER = r"\d+(?:[.,]\d+)*"
# A word: letters and digits, with apostrophes only inside ("it's", "Russia’s"), never at its edges.
_WORD = rf"[^\W\d_][^\W_]*(?:[{_APOSTROPHES}][^\W_]+)*"
# Currency and per cent signs change the meaning of a number, so they are tokens of their own.
_SYMBOL = r"[£$€¥%]"
TOKEN_RE = re.compile(rf"{_NUMBER}|{_WORD}|{_SYMBOL}")
EDITORIAL_BRACKET_RE = re.compile(r"\[([^\[\]\n]{1,120})\]")
_APOSTROPHE_TABLE = str.maketrans({c: "'" for c in _APOSTROPHES})
_DIGIT_GROUP = re.compile(r"(?<=\d),(?=\d)")
_NORM_CACHE: dict[str, str] = {}
_NORM_CACHE_SIZE = 500_000


class Token(NamedTuple):
    """One word of a text: its normal form and where it sits (``text[start:end]``)."""

    norm: str
    start: int
    end: int
    editorial: bool = False
    text: str = ""


def normalize_word(word: str) -> str:
    """The comparable form of one word: case-folded, one apostrophe style, no accents, no digit grouping."""
    if word[0].isdigit():
        return _DIGIT_GROUP.sub("", word)
    norm = word.casefold()
    if not norm.isascii() or "`" in norm:
        norm = norm.translate(_APOSTROPHE_TABLE)
        if not norm.isascii():
            decomposed = unicodedata.normalize("NFKD", norm)
            norm = "".join(c for c in decomposed if not unicodedata.combining(c))
    return norm


def editorial_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where editorial brackets sit in ``text[start:end]`` (brackets included)."""
    end = len(text) if end is None else end
    return [m.span() for m in EDITORIAL_BRACKET_RE.finditer(text, start, end)]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The word tokens of ``text[start:end]`` with exact offsets into ``text``."""
    end = len(text) if end is None else end
    brackets = editorial_spans(text, start, end) if "[" in text[start:end] else []
    tokens: list[Token] = []
    bracket_i = 0
    cached = _NORM_CACHE.get
    for match in TOKEN_RE.finditer(text, start, end):
        word = match.group()
        s, e = match.span()
        norm = cached(word) or _cache_norm(word)
        if brackets:
            while bracket_i < len(brackets) and brackets[bracket_i][1] <= s:
                bracket_i += 1
            editorial = bracket_i < len(brackets) and brackets[bracket_i][0] < s
            tokens.append(Token(norm, s, e, editorial, word))
        else:
            tokens.append(Token(norm, s, e, False, word))
    return tokens


def _cache_norm(word: str) -> str:
    """Normalise a word once; corpora repeat their words, so indexing mostly hits the cache."""
    if len(_NORM_CACHE) >= _NORM_CACHE_SIZE:
        _NORM_CACHE.clear()
    norm = _NORM_CACHE[word] = normalize_word(word)
    return norm


def norms(text: str) -> list[str]:
    """The normal forms of the words of ``text`` (convenient for comparisons and tests)."""
    return [token.norm for token in tokenize(text)]


def difference_list(quote_tokens: list[Token], source_tokens: list[Token]) -> list[Difference]:
    """Word-level changes that turn the source words into the quote, editorial words ignored.

    Ops, from the quote's point of view:
    ``insert``  words in the quote that the source does not have (``source`` is "");
    ``delete``  words in the source that the quote leaves out (``quote`` is "");
    ``replace`` quote words standing where the source has other words (both set).
    Words are given as written (in the quote and in the source), joined by single spaces.
    """
    return [difference for _, difference in _aligned_differences(quote_tokens, source_tokens)]


def similarity(quote_tokens: list[Token], source_tokens: list[Token]) -> float:
    """Dice ratio of matched words, 2·M / (|quote| + |source|), editorial words not counted when unmatched.

    One swapped, added or dropped word in a ten-word quote gives about 0.9; identical words give 1.0.
    """
    matched, quote_len, source_len = alignment_counts(quote_tokens, source_tokens)
    total = quote_len + source_len
    return 2.0 * matched / total if total else 0.0


def alignment_counts(quote_tokens: list[Token], source_tokens: list[Token]) -> tuple[int, int, int]:
    """(matched words, counted quote words, counted source words) of the best word alignment."""
    matched = 0
    quote_extra = source_extra = 0
    for tag, q_words, s_words in _opcodes(quote_tokens, source_tokens):
        if tag == "equal":
            matched += len(q_words)
        else:
            quote_extra += sum(1 for t in q_words if not t.editorial)
            source_extra += sum(1 for t in s_words if not t.editorial)
    return matched, matched + quote_extra, matched + source_extra


def _aligned_differences(
    quote_tokens: list[Token], source_tokens: list[Token]
) -> list[tuple[str, Difference]]:
    out: list[tuple[str, Difference]] = []
    for tag, q_words, s_words in _opcodes(quote_tokens, source_tokens):
        if tag == "equal":
            continue
        q_kept = [t for t in q_words if not t.editorial]
        s_kept = [t for t in s_words if not t.editorial]
        if not q_kept and not s_kept:
            continue
        op: DiffOp = "replace" if q_kept and s_kept else ("insert" if q_kept else "delete")
        out.append((tag, Difference(op=op, quote=_words(q_kept), source=_words(s_kept))))
    return out


def _opcodes(quote_tokens: list[Token], source_tokens: list[Token]) -> list[tuple[str, list[Token], list[Token]]]:
    """SequenceMatcher opcodes over normal forms, as (tag, quote tokens, source tokens)."""
    matcher = SequenceMatcher(
        a=[t.norm for t in source_tokens], b=[t.norm for t in quote_tokens], autojunk=False
    )
    return [
        (tag, quote_tokens[j1:j2], source_tokens[i1:i2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def _words(tokens: list[Token]) -> str:
    return " ".join(t.text or t.norm for t in tokens)
