"""The paraphrase model: a nearest sentence that stands out, in someone's words, is likely the source."""

from dataclasses import replace

import pytest

from pipeline.paraphrase_confidence import WEIGHTS, ParaphraseEvidence, paraphrase_confidence
from pipeline.settings import Settings

THRESHOLD = Settings().paraphrase_min_confidence
# Under the rule's cosine bar (0.65), but well ahead of the next sentence, in a statement, sharing words.
LEADING = ParaphraseEvidence(cosine=0.62, lead=0.15, shared_words=3, narration=False)


def test_a_clearly_leading_statement_is_likely_a_paraphrase() -> None:
    assert paraphrase_confidence(LEADING) >= THRESHOLD


@pytest.mark.parametrize("change", [
    {"lead": 0.0},  # another sentence is as near: a topic, not a claim
    {"narration": True},  # the journalist's words, rarely what a quote rewords
    {"cosine": 0.45},
])
def test_without_one_of_its_signs_it_is_not(change: dict) -> None:
    assert paraphrase_confidence(replace(LEADING, **change)) < THRESHOLD


def test_shared_words_count_up_to_a_cap() -> None:
    capped = paraphrase_confidence(replace(LEADING, shared_words=6))
    assert paraphrase_confidence(replace(LEADING, shared_words=0)) < paraphrase_confidence(LEADING) < capped
    assert paraphrase_confidence(replace(LEADING, shared_words=20)) == capped


def test_every_weighted_feature_is_one_the_evidence_gives() -> None:
    assert set(WEIGHTS) == set(LEADING.features())
