"""The short answer: the phrase inside the answer sentence that answers the question.

"Where has the US embassy been relocated?" is answered by a sentence, and within it by "Lviv". The
phrase is a named entity or number of the asked-for type (``pipeline.answer_types``) inside the
answer span, not something the question already names; of several, the one with an entity label of
the type before one the small model often confuses with it, then the one nearest the question's own
words in the sentence ("He was fined £2,000, ordered to pay compensation of £3,970" → "£2,000" for
"What fine ...?"). Questions that ask for no such thing ("What did she say about ...?") get none.
Offsets index the answer's article, like every other span.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from haystack import component, default_from_dict, default_to_dict

from pipeline.acronyms import spelled_out
from pipeline.answer_types import (
    answer_type,
    asked_acronym,
    counted_words,
    counts,
    typed_entities,
    word_distance,
)
from pipeline.entities import Entity
from pipeline.lexicon import terms
from pipeline.types import AskResult


@component
class ShortAnswerExtractor:
    """Adds ``short_answer`` and its offsets to an answered passage question; passes everything else on."""

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ShortAnswerExtractor:
        return default_from_dict(cls, data)

    @component.output_types(result=AskResult)
    def run(self, question: str, result: AskResult) -> dict[str, Any]:
        if result.abstained or result.route != "passages" or not result.answer or result.answer_start is None:
            return {"result": result}
        sentence, offset = _sentence_of(result)
        found = short_answer(question, sentence, result.answer_start - offset, result.answer_start - offset
                             + len(result.answer))
        if found is None:
            return {"result": result}
        return {"result": replace(result, short_answer=found.text, short_answer_start=offset + found.start,
                                  short_answer_end=offset + found.end)}


def _sentence_of(result: AskResult) -> tuple[str, int]:
    """The whole sentence around the answer (its first citation), so entities are read in their context."""
    for citation in result.citations:
        if (citation.doc_id == result.answer_doc_id and result.answer_start is not None
                and result.answer_end is not None
                and citation.start <= result.answer_start and result.answer_end <= citation.end):
            return citation.text, citation.start
    assert result.answer is not None and result.answer_start is not None
    return result.answer, result.answer_start


def short_answer(question: str, sentence: str, start: int = 0, end: int | None = None) -> Entity | None:
    """The entity of ``sentence[start:end]`` that answers ``question``, with offsets into ``sentence``."""
    kind = answer_type(question)
    if kind is None:
        return None
    end = len(sentence) if end is None else end
    acronym = asked_acronym(question)
    if acronym is not None:  # "What does PACE stand for?": the words that spell it
        spelled = spelled_out(acronym, sentence[start:end])
        if spelled is None:
            return None
        first, last = start + spelled[0], start + spelled[1]
        return Entity(first, last, "EXPANSION", sentence[first:last])
    strong, near, _ = typed_entities(sentence, kind, question)  # a weak one ("daily", "18 months" for a year) is none
    counted = {t for w in counted_words(question) for t in terms(w)}
    if counted:
        attached = [e for e in strong if counts(sentence, e, counted)]
        near = [e for e in strong if e not in attached] + near
        strong = attached
    others = strong + near
    for group in (strong, near):
        inside = [e for e in group if start <= e.start and e.end <= end]
        if inside:
            # a nationality adjective ("Ukrainian President Volodymyr Zelenskyy") only when nothing else is there
            return min(inside, key=lambda e: (e.label == "NORP" and kind.name != "nationality",
                                              e.label in kind.second_choice,
                                              word_distance(sentence, e, question, tuple(others)), e.start))
    return None
