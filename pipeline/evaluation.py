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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.service import FactChecker
from pipeline.types import Citation

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


def evaluate(service: FactChecker, set_dir: Path) -> EvalReport:
    set_dir = Path(set_dir)
    if not set_dir.is_dir():
        raise InputError(f"evaluation set folder not found: {set_dir}")
    report = EvalReport()
    offsets_checked = offsets_wrong = 0

    def check_offsets(citations: list[Citation]) -> None:
        nonlocal offsets_checked, offsets_wrong
        for citation in citations:
            offsets_checked += 1
            article = service.index.articles.get(citation.doc_id)
            if article is None or article.text[citation.start : citation.end] != citation.text:
                offsets_wrong += 1
                report.failures.append(f"offsets: {citation.doc_id} {citation.start}-{citation.end}")

    qa = read_jsonl(set_dir / "qa.jsonl")
    if qa:
        answerable = correct = abstain_right = false_abstain = false_answer = hit1 = hit3 = 0
        for item in qa:
            result = service.ask(item["question"])
            check_offsets(result.citations)
            expects_answer = item.get("answerable", True)
            if expects_answer:
                answerable += 1
                accepted = [fold_answer(a) for a in item["answers"]]
                hit = not result.abstained and any(a in fold_answer(result.answer or "") for a in accepted)
                cited = [fold_answer(c.text) for c in result.citations]
                hit1 += any(a in text for text in cited[:1] for a in accepted)
                hit3 += any(a in text for text in cited[:3] for a in accepted)
                correct += hit
                false_abstain += result.abstained
                if not hit:
                    report.failures.append(f"qa {item['id']}: {item['question']!r} -> {result.answer!r}")
            else:
                false_answer += not result.abstained
                if not result.abstained:
                    report.failures.append(f"qa {item['id']}: should abstain, answered {result.answer!r}")
            abstain_right += result.abstained and not expects_answer
        report.metrics["answer_accuracy"] = round(correct / answerable, 3) if answerable else 1.0
        unanswerable = len(qa) - answerable
        report.metrics["abstention_accuracy"] = round(abstain_right / unanswerable, 3) if unanswerable else 1.0
        report.metrics["false_abstentions"] = false_abstain
        report.metrics["false_answers"] = false_answer
        report.metrics["hit_at_1"] = round(hit1 / answerable, 3) if answerable else 1.0
        report.metrics["hit_at_3"] = round(hit3 / answerable, 3) if answerable else 1.0

    speakers = read_jsonl(set_dir / "speakers.jsonl")
    if speakers:
        snippets = covered = cited = precise = 0
        for item in speakers:
            result = service.ask(item["question"])
            check_offsets(result.citations)
            texts = [fold(c.text) for c in result.citations]
            for snippet in item["snippets"]:
                snippets += 1
                if any(fold(alt) in text for text in texts for alt in _alternatives(snippet)):
                    covered += 1
                else:
                    report.failures.append(f"speakers {item['id']}: no citation covers {snippet!r}")
            wanted = [fold(alt) for s in item["snippets"] + item.get("also", []) for alt in _alternatives(s)]
            for citation, text in zip(result.citations, texts, strict=True):
                cited += 1
                if any(w in text for w in wanted):
                    precise += 1
                else:
                    report.failures.append(f"speakers {item['id']}: cites unrelated {citation.text[:80]!r}")
        report.metrics["speaker_recall"] = round(covered / snippets, 3) if snippets else 1.0
        report.metrics["speaker_precision"] = round(precise / cited, 3) if cited else 1.0

    quotes = read_jsonl(set_dir / "quotes.jsonl")
    if quotes:
        right = false_verbatim = with_speaker = right_speaker = with_span = right_span = 0
        for item in quotes:
            result = service.check(item["quote"], item.get("speaker"))
            true_speaker = item.get("true_speaker")
            if true_speaker:
                with_speaker += 1
                said_by = fold(result.match.speaker or "") if result.match else ""
                if _words(true_speaker)[-1:] and _words(true_speaker)[-1] in _words(said_by):
                    right_speaker += 1
                else:
                    report.failures.append(f"quotes {item['id']}: source speaker {said_by!r}, not {true_speaker!r}")
            if item.get("source_span"):
                with_span += 1
                span_words = _words(item["source_span"])
                matched = set(_words(result.match.text)) if result.match else set()
                if span_words and sum(w in matched for w in span_words) / len(span_words) >= SPAN_MIN_COVERAGE:
                    right_span += 1
                else:
                    report.failures.append(f"quotes {item['id']}: match does not cover the source span")
            if result.match is not None:
                article = service.index.articles.get(result.match.doc_id)
                offsets_checked += 1
                if article is None or article.text[result.match.start : result.match.end] != result.match.text:
                    offsets_wrong += 1
            accept = item.get("accept") or [item["expected"]]
            right += result.verdict in accept
            false_verbatim += result.verdict == "verbatim" and "verbatim" not in accept
            if result.verdict not in accept:
                report.failures.append(f"quotes {item['id']}: expected {accept}, got {result.verdict}")
        report.metrics["quote_verdict_accuracy"] = round(right / len(quotes), 3)
        report.metrics["false_verbatim"] = false_verbatim
        report.metrics["quote_speaker_accuracy"] = round(right_speaker / with_speaker, 3) if with_speaker else 1.0
        report.metrics["quote_span_accuracy"] = round(right_span / with_span, 3) if with_span else 1.0

    report.metrics["citations_checked"] = offsets_checked
    report.metrics["citation_offsets_exact"] = round(1 - offsets_wrong / offsets_checked, 3) if offsets_checked else 1.0
    return report


def format_report(report: EvalReport) -> str:
    lines = [f"FAIL {line}" for line in report.failures]
    lines.append("")
    width = max((len(k) for k in report.metrics), default=0)
    lines.extend(f"{name:<{width}}  {value}" for name, value in report.metrics.items())
    return "\n".join(lines).strip("\n")


