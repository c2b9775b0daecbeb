"""The evaluator's metrics on a hand-made set and a scripted service, and the dev-set copy kept in step."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.evaluation import evaluate, fold_answer
from pipeline.types import Article, AskResult, CheckResult, Citation, QuoteMatch
from tests.conftest import DEV_SET, SHARED_DEV_SET

TEXT = "Headline\n\nThe fund has 1,200 members, the chair said.\n\n“We will grow,” said Ann Lee."


def _citation(start: int, end: int, speaker: str | None = None) -> Citation:
    return Citation("a.txt", "Headline", TEXT[start:end], start, end, 0.9, speaker=speaker)


class ScriptedService:
    """Answers from a table, so each metric can be checked against a known right count."""

    def __init__(self, answers: dict[str, AskResult], checks: dict[str, CheckResult]) -> None:
        article = Article(doc_id="a.txt", title="Headline", text=TEXT, paragraphs=[])
        self.index = SimpleNamespace(articles={"a.txt": article})
        self.answers, self.checks = answers, checks

    def ask(self, question: str) -> AskResult:
        return self.answers[question]

    def check(self, quote: str, speaker: str | None = None) -> CheckResult:
        return self.checks[quote]


def _write(folder: Path, name: str, rows: list[dict]) -> None:
    (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.mark.parametrize(
    ("answer", "accepted"),
    [("1200 members", "1,200"), ("“We will grow”", '"we will grow"'), ("the [state] fund", "the state fund")],
)
def test_answers_are_compared_without_digit_commas_quote_styles_or_brackets(answer: str, accepted: str) -> None:
    assert fold_answer(accepted) in fold_answer(answer)


def test_metrics_of_a_small_set(tmp_path: Path) -> None:
    members = TEXT.index("The fund")
    grow = TEXT.index("We will")
    _write(tmp_path, "qa.jsonl", [
        {"id": "q1", "question": "How many members?", "answers": ["1,200"]},
        {"id": "q2", "question": "Who is treasurer?", "answers": [], "answerable": False},
    ])
    _write(tmp_path, "speakers.jsonl", [
        {"id": "s1", "question": "What did Ann Lee say?", "snippets": [["We will grow", "We shall grow"]]},
    ])
    _write(tmp_path, "quotes.jsonl", [
        {"id": "k1", "quote": "We will grow", "speaker": "Ann Lee", "accept": ["verbatim"],
         "true_speaker": "Ann Lee", "source_span": "We will grow,"},
        {"id": "k2", "quote": "We will shrink", "speaker": "Ann Lee", "accept": ["altered"],
         "true_speaker": "Ann Lee", "source_span": "We will grow,"},
    ])
    member_citation = _citation(members, members + 28)
    grow_match = QuoteMatch("a.txt", "Headline", TEXT[grow : grow + 12], grow, grow + 12, speaker="Ann Lee")
    service = ScriptedService(
        answers={
            "How many members?": AskResult("How many members?", TEXT[members : members + 28], False,
                                           citations=[member_citation]),
            "Who is treasurer?": AskResult("Who is treasurer?", None, True),
            "What did Ann Lee say?": AskResult("What did Ann Lee say?", "We will grow", False,
                                               citations=[_citation(grow, grow + 12, "Ann Lee"), member_citation]),
        },
        checks={
            "We will grow": CheckResult("We will grow", "Ann Lee", "verbatim", 1.0, match=grow_match),
            "We will shrink": CheckResult("We will shrink", "Ann Lee", "not_found", 0.2),
        },
    )
    metrics = evaluate(service, tmp_path).metrics  # type: ignore[arg-type]
    assert metrics["answer_accuracy"] == 1.0 and metrics["hit_at_1"] == 1.0
    assert metrics["abstention_accuracy"] == 1.0
    assert metrics["speaker_recall"] == 1.0
    assert metrics["speaker_precision"] == 0.5  # the second citation is about something else
    assert metrics["quote_verdict_accuracy"] == 0.5
    assert metrics["quote_speaker_accuracy"] == 0.5  # no match, so no speaker, for the missed quote
    assert metrics["quote_span_accuracy"] == 0.5
    assert metrics["citation_offsets_exact"] == 1.0


@pytest.mark.skipif(not SHARED_DEV_SET.is_dir(), reason="../shared/eval/dev exists only on the team's machines")
def test_dev_set_copy_matches_shared() -> None:
    for name in ("qa.jsonl", "speakers.jsonl", "quotes.jsonl"):
        assert (DEV_SET / name).read_bytes() == (SHARED_DEV_SET / name).read_bytes(), name
