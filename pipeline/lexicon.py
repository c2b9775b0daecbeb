"""Words as retrieval and answer scoring see them: lower case, curly apostrophes folded, light stemming."""

from __future__ import annotations

import re
from functools import lru_cache

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off
    on once only or other our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves also us s t ve ll re d m
    according said say says saying tell told""".split()
)
QUESTION_WORDS = frozenset("what who whom whose when where which why how many much".split())
_WORD = re.compile(r"[0-9]+(?:[,.][0-9]+)*|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A deliberately small suffix stripper: enough to join "allows"/"allow", "invading"/"invade"."""
    if word.isdigit() or len(word) <= 3:
        return word
    for suffix, keep in (("'s", ""), ("’s", ""), ("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"),
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
