"""The ``factcheck`` command as other programs use it: the JSON contract, exit codes, one-line errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.settings import PROJECT_ROOT, Settings


def factcheck(settings: Settings, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FACTCHECK_EMBEDDING_MODEL": "hashing", "FACTCHECK_CACHE_DIR": str(settings.cache_dir)}
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True, env=env, cwd=PROJECT_ROOT,
        input=stdin, timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error:"), result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_ask_json_follows_the_contract(hashing_settings: Settings) -> None:
    result = factcheck(hashing_settings, "ask", "Where has the US embassy been temporarily relocated?", "--json",
                       "--corpus", str(hashing_settings.corpus_dir))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"question", "answer", "abstained", "citations"} <= set(data)
    assert "Lviv" in data["answer"]
    text = (hashing_settings.corpus_dir / data["citations"][0]["doc_id"]).read_text(encoding="utf-8")
    for citation in data["citations"]:
        assert {"doc_id", "title", "text", "start", "end", "score", "speaker"} <= set(citation)
        assert text[citation["start"] : citation["end"]] == citation["text"]


def test_questions_file_gives_json_lines_in_order(hashing_settings: Settings, tmp_path: Path) -> None:
    questions = tmp_path / "questions.txt"
    questions.write_text("Where has the US embassy been temporarily relocated?\n\nWho chaired a meeting of Cobra?\n")
    corpus = str(hashing_settings.corpus_dir)
    result = factcheck(hashing_settings, "ask", "--questions", str(questions), "--corpus", corpus)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["question"] for line in lines] == [
        "Where has the US embassy been temporarily relocated?", "Who chaired a meeting of Cobra?"]


def test_human_output_without_json(hashing_settings: Settings) -> None:
    result = factcheck(hashing_settings, "ask", "Who chaired a meeting of Cobra?", "--corpus",
                       str(hashing_settings.corpus_dir))
    assert result.returncode == 0
    assert result.stdout.startswith("Answer: ") and "[1]" in result.stdout


def test_check_and_quotes_json(hashing_settings: Settings) -> None:
    corpus = str(hashing_settings.corpus_dir)
    check = factcheck(hashing_settings, "check", "What we have to see is a substantial withdrawal of troops",
                      "--speaker", "Stoltenberg", "--json", "--corpus", corpus)
    assert check.returncode == 0, check.stderr
    data = json.loads(check.stdout)
    assert {"quote", "speaker", "verdict", "similarity", "match", "differences"} <= set(data)
    assert data["verdict"] == "verbatim"
    quotes = factcheck(hashing_settings, "quotes", "--speaker", "Stoltenberg", "--json", "--corpus", corpus)
    data = json.loads(quotes.stdout)
    assert data["speaker"] == "Stoltenberg" and data["quotes"]
    assert all(q["speaker"] == "Jens Stoltenberg" and q["kind"] in {"direct", "reported"} for q in data["quotes"])


def test_quotes_file_gives_json_lines(hashing_settings: Settings, tmp_path: Path) -> None:
    quotes = tmp_path / "quotes.jsonl"
    lines = [
        {"quote": "NATO currently allows any nation to join its alliance.", "speaker": None},
        {"quote": "Russia has no interest in Ukraine whatsoever.", "speaker": "Putin"},
    ]
    quotes.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = factcheck(hashing_settings, "check", "--quotes", str(quotes), "--corpus", str(hashing_settings.corpus_dir))
    assert result.returncode == 0, result.stderr
    verdicts = [json.loads(line)["verdict"] for line in result.stdout.splitlines()]
    assert verdicts[0] == "verbatim" and verdicts[1] == "not_found"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["ask", ""], "empty"),
        (["ask", "x" * 5000], "limit"),
        (["ask", "--questions", "/nonexistent/questions.txt"], "cannot read"),
        (["check", "   "], "empty"),
        (["check", "y" * 2001], "limit"),
    ],
)
def test_bad_input_is_one_clear_line(hashing_settings: Settings, args: list[str], fragment: str) -> None:
    result = factcheck(hashing_settings, *args, "--corpus", str(hashing_settings.corpus_dir))
    assert_one_line_error(result, fragment)


def test_binary_questions_file(hashing_settings: Settings, tmp_path: Path) -> None:
    questions = tmp_path / "q.txt"
    questions.write_bytes(b"\xff\xfe\x00bad")
    result = factcheck(hashing_settings, "ask", "--questions", str(questions), "--corpus",
                       str(hashing_settings.corpus_dir))
    assert_one_line_error(result, "UTF-8")


def test_missing_and_empty_corpus(hashing_settings: Settings, tmp_path: Path) -> None:
    assert_one_line_error(factcheck(hashing_settings, "ask", "Anything?", "--corpus", str(tmp_path / "nope")),
                          "not found")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_one_line_error(factcheck(hashing_settings, "index", "--corpus", str(empty)), "no usable article")


def test_a_bad_file_is_skipped_with_a_warning_and_the_rest_still_answers(hashing_settings: Settings) -> None:
    corpus = hashing_settings.corpus_dir
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (corpus / "cp1252.txt").write_bytes("Caf\xe9 story\n\nText".encode("latin-1"))
    result = factcheck(hashing_settings, "ask", "Where has the US embassy been temporarily relocated?", "--json",
                       "--corpus", str(corpus))
    assert result.returncode == 0
    assert "warning: skipped broken.txt" in result.stderr and "warning: skipped cp1252.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Lviv" in json.loads(result.stdout)["answer"]


def test_index_reports_cache_use(hashing_settings: Settings) -> None:
    corpus = str(hashing_settings.corpus_dir)
    first = factcheck(hashing_settings, "index", "--corpus", corpus)
    second = factcheck(hashing_settings, "index", "--corpus", corpus)
    # A progress bar with the rate on stderr while articles are embedded; none when all come from the cache.
    assert "1 embedded now" in first.stdout and "1/1" in first.stderr and "article/s" in first.stderr
    assert "0 embedded now, 1 from cache" in second.stdout and "article/s" not in second.stderr


def test_two_index_runs_at_once_both_succeed(hashing_settings: Settings) -> None:
    env = {**os.environ, "FACTCHECK_EMBEDDING_MODEL": "hashing", "FACTCHECK_CACHE_DIR": str(hashing_settings.cache_dir)}
    command = [sys.executable, "-m", "pipeline.cli", "index", "--corpus", str(hashing_settings.corpus_dir)]
    runs = [subprocess.Popen(command, env=env, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
