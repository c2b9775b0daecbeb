"""What a sentence holds: its named entities and numbers, as spaCy's recogniser finds them plus what it misses.

The recogniser runs at indexing time (``SentenceEntityTagger``); what it found travels in passage meta and is
handed over with ``remember_entities``, so the parser is loaded at question time only for a sentence the index
holds no entities for. A few patterns add what the small English model misses or mislabels (race times
"2:24:50", scores "62–37", numbers and years in words, rates, shares). ``pipeline.answer_types`` judges which
of them answer a question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.attribution.vocabulary import INTERVIEWER_WORDS
from pipeline.nlp import english
from pipeline.passage_meta import RawEntity


@dataclass(frozen=True)
class Entity:
    """A named entity or number of a sentence; offsets are into that sentence."""

    start: int
    end: int
    label: str
    text: str


_NUMBER_WORD = (r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)")
_SCALE_WORD = r"(?:hundred|thousand|million|billion)"
_NUMBER_JOIN = r"(?:,?\s+(?:and\s+)?|-)"
_NUMBER_PART = rf"{_NUMBER_JOIN}(?:{_NUMBER_WORD}|{_SCALE_WORD})"
# What spaCy's small model misses or mislabels: race and clock times, sports scores, bare percentages, a large number
# spelled out ("thirty-seven thousand eight hundred and ninety-two", of which it tags "thirty-seven"), and a rate
# ("200 jabs per minute", "60 miles an hour"), which answers "how fast" as a quantity.
_PATTERNS = (
    (re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:a\.m\.|p\.m\.|am|pm|UTC|GMT|BST))?(?!\d)"), "TIME"),
    (re.compile(r"\b\d{1,3}\s?[–-]\s?\d{1,3}\b(?!\s?(?:per|%|million|billion))"), "CARDINAL"),
    (re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:%|per ?cent\b|percent\b)"), "PERCENT"),
    (re.compile(rf"\b{_NUMBER_WORD}(?:{_NUMBER_PART})*{_NUMBER_JOIN}{_SCALE_WORD}(?:{_NUMBER_PART})*\b",
                re.IGNORECASE), "CARDINAL"),
    (re.compile(r"(?<![\d/])\d+(?:[.,]\d+)*\s+(?:[a-z]+\s+){0,2}(?:per|an|a|each)\s+"
                r"(?:second|minute|hour|day|week|month|year)\b"), "QUANTITY"),
    # a share in words: "about half the costs", "two-thirds of the department"
    (re.compile(r"(?<!first )(?<!second )\b(?:(?:one|a)[- ])?(?:half|third|quarter)(?=\s+(?:of|the)\b)"
                r"|\b(?:two|three)[- ](?:thirds|quarters)\b", re.IGNORECASE), "PERCENT"),
    # a year in words, as radio scripts write it: "It added Mandarin in two thousand five"
    (re.compile(r"(?:" + "|".join(rf"(?<=\b{w} )" for w in "in by since until from during before after".split())
                + rf")(?:two thousand(?:\s+and)?(?:[\s-]+"
                rf"{_NUMBER_WORD})?|nineteen[\s-]+{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})?)\b"
                rf"(?![\s-]+(?:{_SCALE_WORD}|{_NUMBER_WORD}))", re.IGNORECASE), "DATE"),
)


_CURRENCY = "£$€¥"


# Sentences whose recognised entities came with the index, however many: a sentence's entities are a
# function of its text alone, so this is a cache that was filled at indexing time.
_INDEXED: dict[str, tuple[RawEntity, ...]] = {}
MAX_INDEXED_SENTENCES = 200_000  # about 30 MB; beyond it the oldest half is forgotten (and parsed if needed)


def remember_entities(sentence: str, found: tuple[RawEntity, ...]) -> None:
    """What the recogniser found in ``sentence`` at indexing time, so ``entities`` need not parse it."""
    if sentence in _INDEXED:
        return
    if len(_INDEXED) >= MAX_INDEXED_SENTENCES:
        for key in list(_INDEXED)[: MAX_INDEXED_SENTENCES // 2]:
            del _INDEXED[key]
    _INDEXED[sentence] = found


def recognised(sentence: str) -> tuple[RawEntity, ...]:
    """The recogniser's entities of ``sentence``: from the index when it has them, else parsed now."""
    found = _INDEXED.get(sentence)
    if found is None:
        found = tuple((e.start_char, e.end_char, e.label_) for e in english()(sentence).ents)
    return found


@lru_cache(maxsize=50_000)
def entities(sentence: str) -> tuple[Entity, ...]:
    """Named entities and numbers in ``sentence`` (cached: the same sentences come back query after query)."""
    found = []
    for entity_start, end, entity_label in recognised(sentence):
        if sentence[entity_start:end].lower() in INTERVIEWER_WORDS and sentence[end : end + 1] == ":":
            continue  # "QUESTION: ...": a transcript's label, which the model may tag ORG
        start = entity_start
        while start > 0 and sentence[start - 1] in _CURRENCY:  # the model leaves "£" out of "£2,000"
            start -= 1
        label = "MONEY" if start < entity_start else entity_label
        found.append(Entity(start, end, label, sentence[start:end]))
    for pattern, label in _PATTERNS:
        for match in pattern.finditer(sentence):
            covering = [e for e in found if e.start <= match.start() and match.end() <= e.end]
            if covering and all(e.label == label for e in covering):
                continue
            found = [e for e in found if e.end <= match.start() or e.start >= match.end()]
            found.append(Entity(match.start(), match.end(), label, match.group()))
    return tuple(sorted(found, key=lambda e: e.start))
