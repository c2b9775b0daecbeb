"""Fit the paraphrase model (``pipeline/paraphrase_confidence.py``) on labelled quote checks.

Every quote of every set expected to be a ``paraphrase`` or ``not_found`` is checked once through the real
check pipeline with the model switched off (the checker's rules alone), recording what the rules found and
the checker's ``nearest`` evidence. The label is "the nearest sentence holds the paraphrase's source span"
(never, for a made-up quote). A logistic regression over ``ParaphraseEvidence.features()`` is fitted and the
threshold chosen that maximises paraphrases found minus ``--false-support-cost`` times made-up quotes given a
verdict; the hard rules (no figure the source lacks, no question) apply on top, as in the checker. Each set
is judged by a model fitted without it, beside the rules alone and the shipped model.

    .venv/bin/python bench/fit_paraphrase.py ../shared/eval/real tests/eval/real tests/eval/real2 ...
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
from pipeline.components.quote_checker import figures, may_reword, rank_by_cosine  # noqa: E402
from pipeline.evaluation import read_jsonl  # noqa: E402
from pipeline.paraphrase_confidence import WEIGHTS, ParaphraseEvidence, paraphrase_confidence  # noqa: E402
from pipeline.passage_meta import source_span  # noqa: E402
from pipeline.sentences import ends_with_question  # noqa: E402
from pipeline.settings import get_settings  # noqa: E402

THRESHOLDS = np.arange(0.3, 0.95, 0.01)
OFF = 1.01  # a confidence no model reaches: the checker's rules alone


@dataclass
class Check:
    paraphrase: bool  # labelled a paraphrase (else a made-up quote)
    rules_gave_verdict: bool  # the rules alone called it a paraphrase or misattributed
    nearest_is_source: bool
    may_reword: bool  # the hard rules let the nearest sentence reword the quote
    evidence: ParaphraseEvidence

    def features(self) -> list[float]:
        values = self.evidence.features()
        return [values[name] for name in WEIGHTS]


def check_set(set_dir: Path) -> list[Check]:
    from pipeline.query import build_check_pipeline
    from pipeline.service import FactChecker

    settings = get_settings().model_copy(update={"corpus_dir": set_dir / "corpus", "paraphrase_min_confidence": OFF})
    index = FactChecker(settings).index
    texts = {doc_id: article.text for doc_id, article in index.articles.items()}
    check = build_check_pipeline(index, settings)
    check.warm_up()
    found = []
    for item in read_jsonl(set_dir / "quotes.jsonl"):
        if item.get("expected") not in ("paraphrase", "not_found"):
            continue
        quote = item["quote"]
        output = check.run({"embedder": {"text": quote}, "checker": {"quote": quote, "speaker": item.get("speaker")}},
                           include_outputs_from={"embedder", "sentences", "checker"})
        evidence = output["checker"]["nearest"]
        result = output["checker"]["result"]
        if evidence is None or result.verdict in ("verbatim", "altered"):
            continue  # decided by the quote's words (or nothing to weigh): the model never sees it
        ranked = rank_by_cosine(output["sentences"]["documents"], output["embedder"]["embedding"])
        nearest = ranked[0][1]
        span = source_span(nearest)
        text = texts.get(item.get("doc", ""), "")
        at = text.find(item.get("source_span") or "\0")
        is_source = at >= 0 and span.doc_id == item["doc"] and span.start < at + len(item["source_span"]) \
            and at < span.end
        found.append(Check(
            paraphrase=item["expected"] == "paraphrase",
            rules_gave_verdict=result.verdict in ("paraphrase", "misattributed"),
            nearest_is_source=is_source,
            may_reword=may_reword(figures(quote), ends_with_question(quote), nearest.content or ""),
            evidence=evidence,
        ))
    return found


def outcome(checks: list[Check], accepted: list[bool]) -> tuple[int, int]:
    """Paraphrases found and made-up quotes given a verdict, with the model accepting ``accepted`` nearest sentences."""
    found = false = 0
    for c, a in zip(checks, accepted, strict=True):
        a = a and c.may_reword
        if c.paraphrase:
            found += c.rules_gave_verdict or (a and c.nearest_is_source)
        else:
            false += c.rules_gave_verdict or a
    return found, false


def fit(checks: list[Check], cost: float) -> tuple[Any, float]:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    model = LogisticRegression(C=1.0, max_iter=3000)
    features = np.array([c.features() for c in checks])
    model.fit(features, np.array([c.paraphrase and c.nearest_is_source for c in checks]))
    probabilities = model.predict_proba(features)[:, 1]
    best = max(THRESHOLDS, key=lambda t: (lambda o: o[0] - cost * o[1])(outcome(checks, list(probabilities >= t))))
    return model, float(best)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", type=Path, help="evaluation set folders (quotes.jsonl and corpus/)")
    parser.add_argument("--false-support-cost", type=float, default=8.0,
                        help="how many missed paraphrases a made-up quote given a verdict costs (default 8)")
    args = parser.parse_args()
    by_set = {str(s): check_set(s) for s in args.sets}
    threshold = get_settings().paraphrase_min_confidence
    print("set: paraphrases found, made-up quotes given a verdict: rules alone | shipped model | fitted without it")
    totals = np.zeros(6)
    for key, checks in by_set.items():
        others = [c for k, cs in by_set.items() if k != key for c in cs]
        model, t = fit(others, args.false_support_cost)
        fitted = list(model.predict_proba(np.array([c.features() for c in checks]))[:, 1] >= t)
        shipped = [paraphrase_confidence(c.evidence) >= threshold for c in checks]
        counts = [outcome(checks, accepted) for accepted in ([False] * len(checks), shipped, fitted)]
        totals += [n for pair in counts for n in pair]
        paraphrases = sum(c.paraphrase for c in checks)
        shown = " | ".join(f"{a}/{paraphrases}, {b}/{len(checks) - paraphrases}" for a, b in counts)
        print(f"  {key}: {shown} (threshold {t:.2f})")
    print("  all: " + " | ".join(f"{totals[i]:.0f}, {totals[i + 1]:.0f}" for i in (0, 2, 4)))
    model, t = fit([c for cs in by_set.values() for c in cs], args.false_support_cost)
    print(f"\nfitted on every set: paraphrase_min_confidence = {t:.2f}")
    print("WEIGHTS = {" + ", ".join(f'"{n}": {v:.3f}' for n, v in zip(WEIGHTS, model.coef_[0], strict=True)) + "}")
    print(f"INTERCEPT = {model.intercept_[0]:.3f}")


if __name__ == "__main__":
    main()
