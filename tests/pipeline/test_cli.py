"""The ``factcheck`` command as other programs use it: the JSON contract, exit codes, one-line errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.settings import PROJECT_ROOT, Settings
from tests.pipeline.schema_org import google_claimreview_errors, schema_errors
from tests.web_server import PLAIN, STORY_AUTHOR, STORY_DATE, STORY_HEADLINE, STORY_SITE, WebServer


def factcheck(
    settings: Settings, *args: str, stdin: str | None = None, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "FACTCHECK_ALLOW_PRIVATE_URLS"}
    env.update(FACTCHECK_EMBEDDING_MODEL="hashing", FACTCHECK_CACHE_DIR=str(settings.cache_dir), **(extra_env or {}))
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
    answered = (hashing_settings.corpus_dir / data["answer_doc_id"]).read_text(encoding="utf-8")
    assert data["short_answer"] == "Lviv"
    assert answered[data["short_answer_start"] : data["short_answer_end"]] == "Lviv"
    assert data["answer_start"] <= data["short_answer_start"] < data["short_answer_end"] <= data["answer_end"]


def test_ask_json_short_answer_is_null_when_nothing_is_asked_for(hashing_settings: Settings) -> None:
    result = factcheck(hashing_settings, "ask", "What is the capital of France?", "--json",
                       "--corpus", str(hashing_settings.corpus_dir))
    data = json.loads(result.stdout)
    assert data["abstained"] and data["short_answer"] is None
    assert data["short_answer_start"] is None and data["short_answer_end"] is None


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
    assert result.stdout.startswith("Answer: Boris Johnson\n  in: ") and "[1]" in result.stdout


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


def test_check_as_claimreview(hashing_settings: Settings) -> None:
    """``--format claimreview`` prints one valid ClaimReview with the source's words at their offsets."""
    corpus = str(hashing_settings.corpus_dir)
    result = factcheck(hashing_settings, "check", "What we have to see is a complete withdrawal of troops",
                       "--speaker", "Stoltenberg", "--format", "claimreview", "--corpus", corpus,
                       "--appearance", "https://social.example/post/1", "--review-url", "https://desk.example/1")
    assert result.returncode == 0, result.stderr
    review = json.loads(result.stdout)
    assert schema_errors(review) == [] and google_claimreview_errors(review) == []
    assert review["reviewRating"]["alternateName"] == "Altered"
    assert review["itemReviewed"]["appearance"]["url"] == "https://social.example/post/1"
    quotation = review["citation"]["hasPart"]
    start, end = (p["value"] for p in quotation["identifier"])
    text = (hashing_settings.corpus_dir / review["citation"]["identifier"]).read_text(encoding="utf-8")
    assert text[start:end] == quotation["text"] and "substantial" in quotation["text"]


def test_quotes_file_as_claimreview_lines(hashing_settings: Settings, tmp_path: Path) -> None:
    quotes = tmp_path / "quotes.jsonl"
    lines = [
        {"quote": "NATO currently allows any nation to join its alliance.", "speaker": None,
         "appearance": "https://social.example/post/2"},
        {"quote": "Russia has no interest in Ukraine whatsoever.", "speaker": "Putin"},
    ]
    quotes.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = factcheck(hashing_settings, "check", "--quotes", str(quotes), "--format", "claimreview",
                       "--corpus", str(hashing_settings.corpus_dir))
    assert result.returncode == 0, result.stderr
    reviews = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Accurate (verbatim)", "Not found in sources"]
    assert all(schema_errors(r) == [] for r in reviews)
    assert reviews[0]["itemReviewed"]["appearance"]["url"] == "https://social.example/post/2"
    assert "appearance" not in reviews[1]["itemReviewed"]


def test_format_json_is_the_json_flag_and_text_stays_the_default(hashing_settings: Settings) -> None:
    corpus = str(hashing_settings.corpus_dir)
    quote = "What we have to see is a substantial withdrawal of troops"
    as_flag = factcheck(hashing_settings, "check", quote, "--json", "--corpus", corpus)
    as_format = factcheck(hashing_settings, "check", quote, "--format", "json", "--corpus", corpus)
    assert json.loads(as_flag.stdout) == json.loads(as_format.stdout)
    assert factcheck(hashing_settings, "check", quote, "--corpus", corpus).stdout.startswith("Verdict: verbatim")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["ask", ""], "empty"),
        (["ask", "x" * 5000], "limit"),
        (["ask", "--questions", "/nonexistent/questions.txt"], "cannot read"),
        (["check", "   "], "empty"),
        (["check", "y" * 2001], "limit"),
        (["check", "a quote", "--format", "claimreview", "--appearance", "t.co"], "appearance URL"),
        (["check", "a quote", "--format", "claimreview", "--review-url", "ftp://x.org/a"], "review URL"),
        (["check", "a quote", "--appearance", "https://example.org/a"], "--format claimreview"),
        (["check", "a quote", "--json", "--format", "claimreview"], "disagree"),
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


# -- add ----------------------------------------------------------------------------------------------------------
ALLOW_PRIVATE = {"FACTCHECK_ALLOW_PRIVATE_URLS": "1"}


def corpus_files(corpus: Path) -> dict[str, bytes]:
    return {p.relative_to(corpus).as_posix(): p.read_bytes() for p in sorted(corpus.rglob("*")) if p.is_file()}


def test_add_url_json_follows_the_contract(hashing_settings: Settings, web_server: WebServer) -> None:
    corpus = hashing_settings.corpus_dir
    url = web_server.at("/story.html")
    result = factcheck(hashing_settings, "add", url, "--json", "--corpus", str(corpus), extra_env=ALLOW_PRIVATE)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"doc_id", "title", "author", "site_name", "published", "url", "passages", "quotes"} <= set(data)
    assert data["doc_id"] == "harbour-council-approves-lighthouse-rebuild.txt"
    assert (data["title"], data["author"], data["site_name"], data["published"], data["url"]) == (
        STORY_HEADLINE, STORY_AUTHOR, STORY_SITE, STORY_DATE, url,
    )
    assert data["passages"] >= 5 and data["quotes"] >= 2
    assert (corpus / data["doc_id"]).read_text(encoding="utf-8").startswith(STORY_HEADLINE + "\n\n")
    listed = factcheck(hashing_settings, "quotes", "--speaker", "Ada Quinn", "--json", "--corpus", str(corpus))
    assert any("every fisherman" in q["text"] for q in json.loads(listed.stdout)["quotes"])


def test_add_url_without_the_setting_is_refused(hashing_settings: Settings, web_server: WebServer) -> None:
    corpus = hashing_settings.corpus_dir
    before = corpus_files(corpus)
    result = factcheck(hashing_settings, "add", web_server.at("/story.html"), "--corpus", str(corpus))
    assert_one_line_error(result, "refused: 127.0.0.1 is a loopback address", "FACTCHECK_ALLOW_PRIVATE_URLS=1")
    assert corpus_files(corpus) == before


@pytest.mark.parametrize(
    ("path", "fragment"),
    [("/missing", "was not found (HTTP 404)"), ("/huge", "larger than the 5.0 MB limit"),
     ("/image.png", "not a web page or plain text")],
)
def test_add_url_failures_are_one_line_and_change_nothing(
    hashing_settings: Settings, web_server: WebServer, path: str, fragment: str
) -> None:
    corpus = hashing_settings.corpus_dir
    before = corpus_files(corpus)
    result = factcheck(hashing_settings, "add", web_server.at(path), "--corpus", str(corpus), extra_env=ALLOW_PRIVATE)
    assert_one_line_error(result, fragment)
    assert corpus_files(corpus) == before


def test_add_file_and_its_refusals(hashing_settings: Settings, tmp_path: Path) -> None:
    corpus = hashing_settings.corpus_dir
    article = tmp_path / "ferry.txt"
    article.write_text(PLAIN, encoding="utf-8")
    result = factcheck(hashing_settings, "add", str(article), "--corpus", str(corpus))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Added “Ferry strike ends after pay deal” as ferry.txt:")
    assert (corpus / "ferry.txt").read_text(encoding="utf-8") == PLAIN
    before = corpus_files(corpus)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    assert_one_line_error(factcheck(hashing_settings, "add", str(pdf), "--corpus", str(corpus)),
                          "report.pdf is not an article file")
    assert_one_line_error(factcheck(hashing_settings, "add", "www.example.com/story", "--corpus", str(corpus)),
                          "no such file", "http://")
    assert_one_line_error(factcheck(hashing_settings, "add", str(article), "--corpus", str(corpus)),
                          "already in the corpus")
    assert corpus_files(corpus) == before
