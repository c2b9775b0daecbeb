"""Scores an evaluation set (``qa.jsonl``, ``speakers.jsonl``, ``quotes.jsonl``) against the service.

Answer accuracy counts an answerable question right when the answer is given and contains an
accepted answer (case, quote marks and white space ignored). Abstention accuracy counts every
question right when the service abstains exactly on the unanswerable ones. Every citation and
match is also checked against the article text: ``text == article_text[start:end]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.service import FactChecker
from pipeline.types import Citation

_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def fold(text: str) -> str:
    return " ".join(text.translate(_FOLD).lower().split())


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
        answerable = correct = abstain_right = false_abstain = false_answer = 0
        for item in qa:
            result = service.ask(item["question"])
            check_offsets(result.citations)
            expects_answer = item.get("answerable", True)
            if expects_answer:
                answerable += 1
                hit = not result.abstained and any(fold(a) in fold(result.answer or "") for a in item["answers"])
                correct += hit
                false_abstain += result.abstained
                if not hit:
                    report.failures.append(f"qa {item['id']}: {item['question']!r} -> {result.answer!r}")
            else:
                false_answer += not result.abstained
                if not result.abstained:
                    report.failures.append(f"qa {item['id']}: should abstain, answered {result.answer!r}")
            abstain_right += result.abstained == (not expects_answer)
        report.metrics["answer_accuracy"] = round(correct / answerable, 3) if answerable else 1.0
        report.metrics["abstention_accuracy"] = round(abstain_right / len(qa), 3)
        report.metrics["false_abstentions"] = false_abstain
        report.metrics["false_answers"] = false_answer

    speakers = read_jsonl(set_dir / "speakers.jsonl")
    if speakers:
        snippets = covered = 0
        for item in speakers:
            result = service.ask(item["question"])
            check_offsets(result.citations)
            texts = [fold(c.text) for c in result.citations]
            for snippet in item["snippets"]:
                snippets += 1
                if any(fold(snippet) in text for text in texts):
                    covered += 1
                else:
                    report.failures.append(f"speakers {item['id']}: no citation covers {snippet!r}")
        report.metrics["speaker_recall"] = round(covered / snippets, 3) if snippets else 1.0

    quotes = read_jsonl(set_dir / "quotes.jsonl")
    if quotes:
        right = false_verbatim = 0
        for item in quotes:
            result = service.check(item["quote"], item.get("speaker"))
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

    report.metrics["citations_checked"] = offsets_checked
    report.metrics["citation_offsets_exact"] = round(1 - offsets_wrong / offsets_checked, 3) if offsets_checked else 1.0
    return report


def format_report(report: EvalReport) -> str:
    lines = [f"FAIL {line}" for line in report.failures]
    lines.append("")
    width = max((len(k) for k in report.metrics), default=0)
    lines.extend(f"{name:<{width}}  {value}" for name, value in report.metrics.items())
    return "\n".join(lines).strip("\n")


