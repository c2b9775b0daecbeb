"""Where a sentence spells out an acronym: "What does PACE stand for?" is answered by "Pre-Aerosol Clouds and
ocean Ecosystem", "CAATSA" by "Countering America's Adversaries Through Sanctions Act".

Each capitalised word of the spelled-out name gives the acronym the first one or more of its letters
("PLAtforms for Creative Excellence" is PLACE); a word of a hyphenated compound counts as a word
("Multi-Role" gives M and R); lower-case words may stand between them and give nothing ("and", "for",
"ocean"). The run must spell the whole acronym from at least two words, so the acronym itself is never
its own expansion.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][A-Za-z’']*")
# Lower-case words a spelled-out name may hold in a row ("... Clouds and ocean Ecosystem").
MAX_SKIPPED = 2
# Only spaces and hyphens join the words of one name; a comma or a full stop ends it.
_JOIN = re.compile(r"[\s-]*")


def spelled_out(acronym: str, sentence: str) -> tuple[int, int] | None:
    """The offsets of the first run of words in ``sentence`` that spells ``acronym``, or None."""
    letters = acronym.upper()
    words = list(_WORD.finditer(sentence))
    for first, word in enumerate(words):
        if word.group()[0].isupper() and word.group().upper() != letters:
            last = _spell(letters, words, sentence, first, first, 0)
            if last is not None:
                return word.start(), words[last].end()
    return None


def _spell(letters: str, words: list[re.Match[str]], sentence: str, index: int, first: int, skipped: int) -> int | None:
    """The index of the word that ends a spelling of ``letters`` starting at word ``index``, or None."""
    if not letters:
        return index - 1 if index - 1 > first else None  # two words at least
    if index >= len(words) or (index > first and not _JOIN.fullmatch(sentence, words[index - 1].end(),
                                                                      words[index].start())):
        return None
    word = words[index].group()
    if word[0].islower():
        return _spell(letters, words, sentence, index + 1, first, skipped + 1) if skipped < MAX_SKIPPED else None
    for size in range(1, min(len(word), len(letters)) + 1):
        if word[:size].upper() != letters[:size]:
            break
        last = _spell(letters[size:], words, sentence, index + 1, first, 0)
        if last is not None:
            return last
    return None
