"""How likely the sentence nearest a quote says the same in other words: a logistic model over its evidence.

The quote checker's rules accept a paraphrase at a fixed cosine (with a shared content word, and closer
still for narration). On real articles most paraphrases that those rules miss have their source as the
nearest sentence of the corpus, at a cosine just under the bar, while a made-up quote on the article's
topic has several sentences about as near. So the nearest sentence is also weighed on its lead over the
next one: ``paraphrase_confidence`` combines its cosine, that lead, the content words it shares with the
quote and whether it is the article's own narration, with weights fitted by ``bench/fit_paraphrase.py``
on the development sets (see the README, "Paraphrases"). The checker's hard rules still apply on top: no
figure the source lacks, never a question.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Shared content words count up to this many: beyond it, more say nothing new about a paraphrase.
SHARED_WORDS_CAP = 6


@dataclass(frozen=True)
class ParaphraseEvidence:
    """What the checker knows of the sentence nearest the quote (the features of the model)."""

    cosine: float  # MiniLM cosine between quote and sentence
    lead: float  # that cosine minus the next nearest sentence's (0 when there is none)
    shared_words: int  # content words (by their first letters) the two share
    narration: bool  # the sentence is mostly the article's own words, not a statement

    def features(self) -> dict[str, float]:
        return {
            "cosine": self.cosine,
            "lead": self.lead,
            "shared_words": min(self.shared_words, SHARED_WORDS_CAP) / SHARED_WORDS_CAP,
            "narration": float(self.narration),
        }


# Fitted by ``bench/fit_paraphrase.py`` (scikit-learn's LogisticRegression, C=1) on sets A to O (156 paraphrases,
# 154 made-up quotes); the target is "the nearest sentence is the paraphrase's source". With the threshold in
# ``Settings.paraphrase_min_confidence``, judged on each set by a model fitted without it, paraphrases found rose
# from 45 to 60 and made-up quotes given a verdict from 3 to 5.
WEIGHTS = {"cosine": 3.677, "lead": 2.532, "shared_words": 1.624, "narration": -1.535}
INTERCEPT = -2.776


def paraphrase_confidence(evidence: ParaphraseEvidence) -> float:
    """The probability that the nearest sentence is what the quote rewords."""
    features = evidence.features()
    logit = INTERCEPT + sum(weight * features[name] for name, weight in WEIGHTS.items())
    return 1.0 / (1.0 + math.exp(-logit))
