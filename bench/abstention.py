"""Abstention calibration: the confidence of answerable vs unanswerable questions, per set and over all sets.

For each set (a folder with ``qa.jsonl``, run on its own ``corpus/`` when it has one) every question is
asked once; the answer's ``confidence`` (the answer-confidence model's probability that the best sentence
answers, ``pipeline/answer_confidence.py``) is recorded whether it answered or not. Prints, per set and
pooled, answer and abstention accuracy, false answers and false abstentions, and min/quartiles/max of the
confidence of each kind. ``bench/fit_abstention.py`` fits the model and chooses ``abstain_threshold``.

    .venv/bin/python bench/abstention.py tests/eval/seed ../shared/eval/real
    .venv/bin/python bench/abstention.py SET_DIR --corpus DIR --verbose     # one line per question
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402,F401  (offline environment)
from pipeline.evaluation import fold_answer, read_jsonl  # noqa: E402
from pipeline.settings import get_settings  # noqa: E402


@dataclass
class Row:
    set_name: str
    qid: str
    question: str
    expected: list[str]
    answerable: bool
    score: float
    abstained: bool
    correct: bool
    answer: str | None
    short_answer: str | None


def quartiles(values: list[float]) -> str:
    if not values:
        return "-"
    ordered = sorted(values)

    def at(q: float) -> float:
        position = q * (len(ordered) - 1)
        low = int(position)
        high = min(low + 1, len(ordered) - 1)
        return ordered[low] + (ordered[high] - ordered[low]) * (position - low)

    return " / ".join(f"{at(q):.3f}" for q in (0, 0.25, 0.5, 0.75, 1))


def run_set(set_dir: Path, corpus: Path | None) -> list[Row]:
    from pipeline.service import FactChecker

    if corpus is None and (set_dir / "corpus").is_dir():
        corpus = set_dir / "corpus"
    settings = get_settings()
    if corpus is not None:
        settings = settings.model_copy(update={"corpus_dir": corpus})
    service = FactChecker(settings)
    rows = []
    for item in read_jsonl(set_dir / "qa.jsonl"):
        result = service.ask(item["question"])
        if result.route != "passages":
            continue
        answerable = item.get("answerable", True)
        accepted = [fold_answer(a) for a in item.get("answers", [])]
        correct = (not result.abstained and any(a in fold_answer(result.answer or "") for a in accepted)) \
            if answerable else result.abstained
        rows.append(Row(set_dir.name, item["id"], item["question"], item.get("answers", []), answerable,
                        result.confidence, result.abstained, correct, result.answer, result.short_answer))
    return rows


def summary(name: str, rows: list[Row], threshold: float) -> str:
    answerable = [r for r in rows if r.answerable]
    unanswerable = [r for r in rows if not r.answerable]
    correct = sum(r.correct for r in answerable)
    abstain_right = sum(r.correct for r in unanswerable)
    false_abstentions = sum(r.abstained for r in answerable)
    false_answers = sum(not r.abstained for r in unanswerable)
    answer_acc = f"{correct / len(answerable):.3f}" if answerable else "-"
    abstain_acc = f"{abstain_right / len(unanswerable):.3f}" if unanswerable else "-"
    return (
        f"{name}: {len(answerable)} answerable, {len(unanswerable)} not (threshold {threshold})\n"
        f"  answer accuracy {answer_acc}  abstention accuracy {abstain_acc}  "
        f"false abstentions {false_abstentions}  false answers {false_answers}\n"
        f"  answerable   scores min/q1/median/q3/max: {quartiles([r.score for r in answerable])}\n"
        f"  unanswerable scores min/q1/median/q3/max: {quartiles([r.score for r in unanswerable])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", type=Path, help="evaluation set folders")
    parser.add_argument("--corpus", type=Path, default=None, help="corpus for every set (default: SET/corpus)")
    parser.add_argument("--verbose", action="store_true", help="one line per question")
    args = parser.parse_args()
    threshold = get_settings().abstain_threshold
    everything: list[Row] = []
    for set_dir in args.sets:
        rows = run_set(set_dir, args.corpus)
        everything.extend(rows)
        if args.verbose:
            for r in sorted(rows, key=lambda r: (r.answerable, r.score)):
                mark = "ok " if r.correct else "BAD"
                kind = "ans" if r.answerable else "not"
                short = f" [{r.short_answer}]" if r.short_answer else ""
                print(f"  {mark} {kind} {r.score:.3f} {r.qid}: {r.question}\n      -> {(r.answer or '-')[:110]}{short}"
                      f"   expected {r.expected}")
        print(summary(str(set_dir), rows, threshold), flush=True)
    if len(args.sets) > 1:
        print(summary("all sets", everything, threshold))


if __name__ == "__main__":
    main()
