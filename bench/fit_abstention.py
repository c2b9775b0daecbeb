"""Fit the answer-confidence model (``pipeline/answer_confidence.py``) on labelled question sets.

Every question of every set is asked once through the real ask pipeline; the answerer's ``evidence`` output
for its best sentence is recorded with the label "that sentence holds an accepted answer" (never, for a
question the sources do not answer). A logistic regression over ``AnswerEvidence.features()`` is fitted,
and the threshold chosen that maximises right answers plus ``--unanswerable-weight`` times right
abstentions. Each set is then judged by a model fitted without it (leave one set out), beside the model the
engine ships, so the figures say how the fit does on sets it has not seen. Prints the weights to paste.

    .venv/bin/python bench/fit_abstention.py ../shared/eval/real tests/eval/real tests/eval/real2 ...
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402,F401  (offline environment)
from pipeline.answer_confidence import WEIGHTS, AnswerEvidence, answer_confidence  # noqa: E402
from pipeline.evaluation import fold_answer, read_jsonl  # noqa: E402
from pipeline.settings import get_settings  # noqa: E402

THRESHOLDS = np.arange(0.2, 0.7, 0.01)
# The rule before the model: answer when the best sentence's evidence score reaches this. Shown for comparison.
SCORE_RULE = 0.48


@dataclass
class Question:
    set_name: str
    answerable: bool
    right: bool  # the best sentence holds an accepted answer
    evidence: AnswerEvidence

    def features(self, names: list[str]) -> list[float]:
        values = self.evidence.features()
        return [values[name] for name in names]


def ask_set(set_dir: Path) -> list[Question]:
    """Every passage question of ``set_dir`` (on its own ``corpus/`` if it has one) with the answerer's evidence."""
    from pipeline.query import build_ask_pipeline
    from pipeline.service import FactChecker

    settings = get_settings()
    if (set_dir / "corpus").is_dir():
        settings = settings.model_copy(update={"corpus_dir": set_dir / "corpus"})
    ask = build_ask_pipeline(FactChecker(settings).index, settings)
    ask.warm_up()
    found = []
    for item in read_jsonl(set_dir / "qa.jsonl"):
        output = ask.run({"router": {"question": item["question"]}}, include_outputs_from={"answerer"})
        evidence = output.get("answerer", {}).get("evidence")
        if evidence is None:  # a speaker question, or nothing retrieved
            continue
        result = output["answerer"]["result"]
        best = result.answer if not result.abstained else (result.closest[0].text if result.closest else "")
        answerable = item.get("answerable", True)
        right = answerable and any(fold_answer(a) in fold_answer(best or "") for a in item.get("answers", []))
        found.append(Question(set_dir.name, answerable, right, evidence))
    return found


def decisions_score(questions: list[Question], answers: list[bool], weight: float) -> tuple[int, int, float]:
    """Right answers, right abstentions, and the objective (right answers + weight × right abstentions)."""
    right_answers = sum(1 for q, a in zip(questions, answers, strict=True) if a and q.right)
    right_abstentions = sum(1 for q, a in zip(questions, answers, strict=True) if not a and not q.answerable)
    return right_answers, right_abstentions, right_answers + weight * right_abstentions


def fit(questions: list[Question], names: list[str], weight: float) -> tuple[Any, float]:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    model = LogisticRegression(C=1.0, max_iter=3000)
    model.fit(np.array([q.features(names) for q in questions]), np.array([q.right for q in questions]))
    probabilities = model.predict_proba(np.array([q.features(names) for q in questions]))[:, 1]
    best = max(THRESHOLDS, key=lambda t: decisions_score(questions, list(probabilities >= t), weight)[2])
    return model, float(best)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", type=Path, help="evaluation set folders (qa.jsonl, optional corpus/)")
    parser.add_argument("--unanswerable-weight", type=float, default=1.25,
                        help="how many missed answers a false answer costs (default 1.25)")
    args = parser.parse_args()
    names = list(WEIGHTS)
    by_set: dict[str, list[Question]] = {}
    for set_dir in args.sets:
        key = str(set_dir)
        by_set[key] = ask_set(set_dir)
        print(f"{key}: {len(by_set[key])} questions", file=sys.stderr, flush=True)
    threshold = get_settings().abstain_threshold
    print("set: right answers, right abstentions by the score rule | the shipped model | a model fitted without it")
    totals = np.zeros(6)
    for key, questions in by_set.items():
        others = [q for k, qs in by_set.items() if k != key for q in qs]
        model, t = fit(others, names, args.unanswerable_weight)
        fitted = list(model.predict_proba(np.array([q.features(names) for q in questions]))[:, 1] >= t)
        shipped = [answer_confidence(q.evidence) >= threshold for q in questions]
        rule = [q.evidence.score >= SCORE_RULE for q in questions]
        counts = [decisions_score(questions, d, args.unanswerable_weight)[:2] for d in (rule, shipped, fitted)]
        totals += [n for pair in counts for n in pair]
        answerable = sum(q.answerable for q in questions)
        shown = " | ".join(f"{a}/{answerable}, {b}/{len(questions) - answerable}" for a, b in counts)
        print(f"  {key}: {shown} (threshold {t:.2f})")
    print("  all: " + " | ".join(f"{totals[i]:.0f}, {totals[i + 1]:.0f}" for i in (0, 2, 4)))
    model, t = fit([q for qs in by_set.values() for q in qs], names, args.unanswerable_weight)
    print(f"\nfitted on every set: abstain_threshold = {t:.2f}")
    print("WEIGHTS = {")
    for name, value in zip(names, model.coef_[0], strict=True):
        print(f'    "{name}": {value:.3f},')
    print("}")
    print(f"INTERCEPT = {model.intercept_[0]:.3f}")


if __name__ == "__main__":
    main()
