"""The answer-confidence model: the shape of the evidence, not the score alone, decides whether to answer."""

from dataclasses import replace

import pytest

from pipeline.answer_confidence import WEIGHTS, AnswerEvidence, answer_confidence
from pipeline.settings import Settings

THRESHOLD = Settings().abstain_threshold
# A sentence that covers most of the question in its own words and clearly leads every other passage.
CLEAR = AnswerEvidence(score=0.42, untyped=0.42, dense=0.5, coverage=0.6, own=0.6, focus=0.0, margin=0.2,
                       typed=False, evidence="untyped")
# A "how many" question whose best sentence scores well but ties with another passage and holds no number
# that counts what was asked.
TIED_WITHOUT_ENTITY = AnswerEvidence(score=0.55, untyped=0.6, dense=0.6, coverage=0.5, own=0.5, focus=0.0,
                                     margin=0.0, typed=True, evidence="none")


def test_a_clear_lead_is_answered_below_the_old_score_threshold() -> None:
    assert CLEAR.score < 0.48 and answer_confidence(CLEAR) >= THRESHOLD


def test_a_high_score_without_the_asked_for_entity_and_no_lead_is_abstained_on() -> None:
    assert TIED_WITHOUT_ENTITY.score >= 0.48 and answer_confidence(TIED_WITHOUT_ENTITY) < THRESHOLD


@pytest.mark.parametrize(("change", "direction"), [
    ({"own": 0.2}, -1),  # the sentence's own words cover less of the question
    ({"margin": 0.0}, -1),  # another passage is as good
    ({"evidence": "none"}, -1),  # the named entities show nothing of the asked-for kind
    ({"margin": 0.4}, +1),
    ({"own": 0.9, "coverage": 0.9}, +1),
])
def test_confidence_moves_with_the_evidence(change: dict, direction: int) -> None:
    base = replace(CLEAR, typed=True, evidence="strong")
    assert (answer_confidence(replace(base, **change)) - answer_confidence(base)) * direction > 0


def test_every_weighted_feature_is_one_the_evidence_gives() -> None:
    assert set(WEIGHTS) == set(CLEAR.features())
