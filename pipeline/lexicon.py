"""Words as retrieval and answer scoring see them: lower case, curly apostrophes folded, light stemming.

The word lists themselves (stop words, question words) live in ``pipeline.attribution.vocabulary``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.attribution.vocabulary import QUESTION_WORDS, STOPWORDS

__all__ = ["QUESTION_WORDS", "STOPWORDS", "stem", "terms", "words"]

_WORD = re.compile(r"[0-9]+(?:[,.][0-9]+)*|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


# British and American spellings of one word meet: "centre"/"center", "labour"/"labor", "organise"/"organize",
# "programme"/"program", "analyse"/"analyze", "catalogue"/"catalog" (the "-ence" entry stands for the list below).
_SPELLING = (("tre", "ter"), ("bre", "ber"), ("our", "or"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"),
             ("isation", "ization"), ("ence", "ense"), ("mme", "m"), ("yse", "yze"), ("ysed", "yzed"),
             ("ogue", "og"))
_SPELLING_EXCEPTIONS = frozenset({"four", "hour", "your", "tour", "pour", "flour", "sour", "our", "yours", "hours",
                                  "tours", "fence", "hence", "pence", "since", "wise", "rise", "arise", "noise",
                                  "raise", "praise", "poise", "cruise", "guise", "bruise", "sense", "science",
                                  "audience", "evidence", "experience", "presence", "absence", "sentence",
                                  "silence", "sequence", "conference", "reference", "difference", "influence",
                                  "violence", "confidence", "independence", "residence", "existence", "patience",
                                  "agence", "intelligence", "emergence", "essence", "excellence", "preference",
                                  "commence", "licence", "defence", "offence", "pretence"})
# Of the "-ence" words only these are spelled "-ense" in American English.
_ENCE_TO_ENSE = frozenset({"licence", "defence", "offence", "pretence"})


def american(word: str) -> str:
    """One spelling for words English spells two ways; everything else unchanged."""
    base, plural = (word[:-1], "s") if word.endswith("s") and not word.endswith("ss") else (word, "")
    if base in _ENCE_TO_ENSE:
        return base[:-3] + "nse" + plural
    if base in _SPELLING_EXCEPTIONS or len(base) < 5:
        return word
    for british, us in _SPELLING:
        if british != "ence" and base.endswith(british):
            return base[: len(base) - len(british)] + us + plural
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A deliberately small suffix stripper: enough to join "allows"/"allow", "invading"/"invade"."""
    if word.isdigit() or len(word) <= 3:
        return word
    word = american(word)
    for suffix, keep in (("'s", ""), ("’s", ""), ("ies", "y"), ("sses", "ss"), ("ings", ""), ("ing", ""), ("ed", ""),
                         ("es", "e"),
                         ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                return word
            base = word[: len(word) - len(suffix)] + keep
            return base.rstrip("e") if suffix in {"ing", "ed"} else base.rstrip("e") if keep == "e" else base
    return word.rstrip("e") if len(word) > 3 else word


def words(text: str) -> list[str]:
    """Lower-cased word tokens; numbers lose their thousands separators."""
    tokens = _WORD.findall(text.lower().replace("’", "'"))
    return [t.replace(",", "") if t[0].isdigit() else t for t in tokens]


def terms(text: str) -> list[str]:
    """Stemmed content words (stopwords dropped): the unit of BM25 and of question coverage."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and w not in QUESTION_WORDS]
