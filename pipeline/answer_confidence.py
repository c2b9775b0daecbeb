"""How likely the answerer's best sentence answers the question: a logistic model over its evidence.

The evidence score ranks a question's candidate sentences well, but on real articles the score alone
says poorly whether the best of them answers at all: the scores of right answers and of trap questions
overlap. What separates them better is the shape of the evidence: how much of the question the sentence
covers in its own words (not just its passage), how far it leads the best sentence of any other passage,
and whether it holds a named entity of the asked-for kind. ``answer_confidence`` weighs these with a
logistic regression fitted by ``bench/fit_abstention.py`` on the development sets (see the README,
"Abstention"); the answerer abstains when the probability is below ``Settings.abstain_threshold``.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Literal, get_args

Evidence = Literal["strong", "near", "none", "untyped"]


@dataclass(frozen=True)
class AnswerEvidence:
    """What the answerer knows of its best sentence (the features of the model)."""

    score: float  # the evidence score that ranked it
    untyped: float  # that score before the answer-type evidence
    dense: float  # its passage's cosine to the question
    coverage: float  # share of the question's weighted words it covers (at least most of its passage's share)
    own: float  # ... in its own words
    focus: float  # weight share of the question's type words ("city" in "which city")
    margin: float  # its score minus the best score of any other passage (0 when there is none)
    typed: bool  # the question asks for a kind of thing (a name, a place, a number...)
    evidence: Evidence  # what its named entities showed of that kind: "untyped" when they were not checked

    def features(self) -> dict[str, float]:
        values = {name: float(value) for name, value in asdict(self).items() if name != "evidence"}
        values.update({f"evidence_{kind}": float(self.evidence == kind) for kind in get_args(Evidence)})
        return values


# Fitted by ``bench/fit_abstention.py`` (scikit-learn's LogisticRegression, C=1) on sets A to O (1,217 questions),
# the target being "the best sentence holds an accepted answer"; with these weights, chosen over leave-one-set-out
# runs, right answers rose from 637 to 656 and right abstentions from 168 to 185 on those sets, each set unseen by
# the model it was judged with.
WEIGHTS = {
    "score": 0.778,
    "untyped": 0.426,
    "dense": 0.119,
    "coverage": 0.061,
    "own": 2.123,
    "focus": 0.895,
    "margin": 2.614,
    "typed": 0.125,
    "evidence_strong": 0.758,
    "evidence_near": -0.369,
    "evidence_none": -1.257,
    "evidence_untyped": 0.849,
}
INTERCEPT = -2.797


def answer_confidence(evidence: AnswerEvidence) -> float:
    """The probability that the sentence answers the question."""
    features = evidence.features()
    logit = INTERCEPT + sum(weight * features[name] for name, weight in WEIGHTS.items())
    return 1.0 / (1.0 + math.exp(-logit))
