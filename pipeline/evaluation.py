"""Scores an evaluation set (``qa.jsonl``, ``speakers.jsonl``, ``quotes.jsonl``) against the service.

The metrics are the ones ``shared/eval/real/README.md`` defines:
- answer accuracy: an answerable question is right when the answer is given and, normalised (case,
  quote and dash styles, digit-group commas, brackets, white space), contains an accepted answer;
  hit@1/hit@3: the first one/three citations contain an accepted answer;
- abstention accuracy: unanswerable questions answered with ``abstained``;
- speaker recall: snippets (any alternative) contained in some citation; speaker precision: citations
  that contain a snippet or an ``also`` entry;
- quote verdicts in ``accept``; false verbatim; quote speaker (the last word of ``true_speaker`` in the
  match's speaker); span (the match covers at least 60% of the words of ``source_span``);
- every citation and match is checked against the article text: ``text == article_text[start:end]``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.service import FactChecker
from pipeline.types import Citation, QuoteMatch

_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_DIGIT_GROUP = re.compile(r"(?<=\d),(?=\d{3}\b)")
_BRACKETS = re.compile(r"[\[\]()]")
#: Share of ``source_span`` words a quote match must cover to count as the right span.
SPAN_MIN_COVERAGE = 0.6


def fold(text: str) -> str:
    """Case, quote marks, dashes and white space folded: how citations are compared with snippets."""
    return " ".join(text.translate(_FOLD).lower().split())


def fold_answer(text: str) -> str:
    """``fold`` plus digit-group commas and brackets, for comparing answers with accepted ones."""
    return fold(_BRACKETS.sub("", _DIGIT_GROUP.sub("", text)))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", fold(text))


def _alternatives(snippet: str | list[str]) -> list[str]:
    return [snippet] if isinstance(snippet, str) else list(snippet)


@dataclass
class EvalReport:
    metrics: dict[str, float | int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except ValueError:
            raise InputError(f"{path.name} line {number}: not valid JSON") from None
    return items


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 1.0


@dataclass
class _Scoring:
    """One evaluation run: the service, the report being filled and the offset check every citation gets."""

    service: FactChecker
    report: EvalReport = field(default_factory=EvalReport)
    offsets_checked: int = 0
    offsets_wrong: int = 0

    def check_offsets(self, spans: Sequence[Citation | QuoteMatch]) -> None:
        for span in spans:
            self.offsets_checked += 1
            article = self.service.index.articles.get(span.doc_id)
            if article is None or article.text[span.start : span.end] != span.text:
                self.offsets_wrong += 1
                self.report.failures.append(f"offsets: {span.doc_id} {span.start}-{span.end}")

    def fail(self, line: str) -> None:
        self.report.failures.append(line)

    def answers(self, qa: list[dict[str, Any]]) -> None:
        answerable = correct = abstain_right = false_abstain = false_answer = hit1 = hit3 = 0
        for item in qa:
            result = self.service.ask(item["question"])
            self.check_offsets(result.citations)
            if item.get("answerable", True):
                answerable += 1
                accepted = [fold_answer(a) for a in item["answers"]]
                hit = not result.abstained and any(a in fold_answer(result.answer or "") for a in accepted)
                cited = [fold_answer(c.text) for c in result.citations]
                hit1 += any(a in text for text in cited[:1] for a in accepted)
                hit3 += any(a in text for text in cited[:3] for a in accepted)
                correct += hit
                false_abstain += result.abstained
                if not hit:
                    self.fail(f"qa {item['id']}: {item['question']!r} -> {result.answer!r}")
            elif result.abstained:
                abstain_right += 1
            else:
                false_answer += 1
                self.fail(f"qa {item['id']}: should abstain, answered {result.answer!r}")
        metrics = self.report.metrics
        metrics["answer_accuracy"] = _ratio(correct, answerable)
        metrics["abstention_accuracy"] = _ratio(abstain_right, len(qa) - answerable)
        metrics["false_abstentions"] = false_abstain
        metrics["false_answers"] = false_answer
        metrics["hit_at_1"] = _ratio(hit1, answerable)
        metrics["hit_at_3"] = _ratio(hit3, answerable)

    def speakers(self, items: list[dict[str, Any]]) -> None:
        snippets = covered = cited = precise = 0
        for item in items:
            result = self.service.ask(item["question"])
            self.check_offsets(result.citations)
            texts = [fold(c.text) for c in result.citations]
            for snippet in item["snippets"]:
                snippets += 1
                if any(fold(alt) in text for text in texts for alt in _alternatives(snippet)):
                    covered += 1
                else:
                    self.fail(f"speakers {item['id']}: no citation covers {snippet!r}")
            wanted = [fold(alt) for s in item["snippets"] + item.get("also", []) for alt in _alternatives(s)]
            for citation, text in zip(result.citations, texts, strict=True):
                cited += 1
                if any(w in text for w in wanted):
                    precise += 1
                else:
                    self.fail(f"speakers {item['id']}: cites unrelated {citation.text[:80]!r}")
        self.report.metrics["speaker_recall"] = _ratio(covered, snippets)
        self.report.metrics["speaker_precision"] = _ratio(precise, cited)

    def quotes(self, items: list[dict[str, Any]]) -> None:
        right = false_verbatim = with_speaker = right_speaker = with_span = right_span = 0
        for item in items:
            result = self.service.check(item["quote"], item.get("speaker"))
            if result.match is not None:
                self.check_offsets([result.match])
            true_speaker = item.get("true_speaker")
            if true_speaker:
                with_speaker += 1
                said_by = result.match.speaker or "" if result.match else ""
                if _words(true_speaker)[-1:] and _words(true_speaker)[-1] in _words(said_by):
                    right_speaker += 1
                else:
                    self.fail(f"quotes {item['id']}: source speaker {said_by!r}, not {true_speaker!r}")
            if item.get("source_span"):
                with_span += 1
                span_words = _words(item["source_span"])
                matched = set(_words(result.match.text)) if result.match else set()
                if span_words and sum(w in matched for w in span_words) / len(span_words) >= SPAN_MIN_COVERAGE:
                    right_span += 1
                else:
                    self.fail(f"quotes {item['id']}: match does not cover the source span")
            accept = item.get("accept") or [item["expected"]]
            right += result.verdict in accept
            false_verbatim += result.verdict == "verbatim" and "verbatim" not in accept
            if result.verdict not in accept:
                self.fail(f"quotes {item['id']}: expected {accept}, got {result.verdict}")
        metrics = self.report.metrics
        metrics["quote_verdict_accuracy"] = _ratio(right, len(items))
        metrics["false_verbatim"] = false_verbatim
        metrics["quote_speaker_accuracy"] = _ratio(right_speaker, with_speaker)
        metrics["quote_span_accuracy"] = _ratio(right_span, with_span)


def evaluate(service: FactChecker, set_dir: Path) -> EvalReport:
    set_dir = Path(set_dir)
    if not set_dir.is_dir():
        raise InputError(f"evaluation set folder not found: {set_dir}")
    scoring = _Scoring(service)
    if qa := read_jsonl(set_dir / "qa.jsonl"):
        scoring.answers(qa)
    if speakers := read_jsonl(set_dir / "speakers.jsonl"):
        scoring.speakers(speakers)
    if quotes := read_jsonl(set_dir / "quotes.jsonl"):
        scoring.quotes(quotes)
    metrics = scoring.report.metrics
    metrics["citations_checked"] = scoring.offsets_checked
    metrics["citation_offsets_exact"] = _ratio(scoring.offsets_checked - scoring.offsets_wrong, scoring.offsets_checked)
    return scoring.report


def format_report(report: EvalReport) -> str:
    lines = [f"FAIL {line}" for line in report.failures]
    lines.append("")
    width = max((len(k) for k in report.metrics), default=0)
    lines.extend(f"{name:<{width}}  {value}" for name, value in report.metrics.items())
    return "\n".join(lines).strip("\n")


