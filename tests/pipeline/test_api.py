"""The HTTP API: the CLI's JSON over each endpoint, every limit and error as a JSON 4xx, atomic updates.

Runs on the hashing embedder, a temporary copy of ``corpus/`` and a temporary index cache.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from pipeline import contract
from pipeline.api import create_app
from pipeline.service import FactChecker
from pipeline.settings import PROJECT_ROOT, Settings
from tests.pipeline.schema_org import google_claimreview_errors, schema_errors
from tests.web_server import STORY_AUTHOR, STORY_DATE, STORY_HEADLINE, STORY_SITE, WebServer

CORPUS = PROJECT_ROOT / "corpus"
SEED = "nationalworld-russia-ukraine-nato.txt"
QUESTION = "How many Russian troops had been deployed near Ukraine's border?"
QUOTE = "cautious optimism"

LIGHTHOUSE = (
    "Harbour town votes to rebuild the old lighthouse\n\n"
    "The council of Port Elwyn voted on Monday to rebuild the lighthouse that collapsed in the winter storms.\n\n"
    "\u201cWe owe it to every fisherman who came home by its light,\u201d said Mayor Ada Quinn.\n\n"
    "The work will cost 2.4 million pounds and should be finished by the spring of 2026, the council said.\n"
)


# -- fixtures ---------------------------------------------------------------------------------------------------
@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    return Settings(embedding_model="hashing", corpus_dir=corpus, cache_dir=tmp_path / "cache")


@pytest.fixture
def service(settings: Settings) -> FactChecker:
    checker = FactChecker(settings)
    checker.warm_up()
    return checker


@pytest.fixture
def client(service: FactChecker) -> Iterator[TestClient]:
    # raise_server_exceptions stays on: a 500 must be answered by the app, not escape it.
    with TestClient(create_app(service)) as test_client:
        yield test_client


def corpus_files(service: FactChecker) -> dict[str, bytes]:
    """Every file under the corpus folder (hidden ones too), by relative path."""
    root = service.corpus_dir
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def upload(client: TestClient, name: str, data: bytes, **fields: str) -> httpx.Response:
    return client.post("/documents", files={"file": (name, data, "text/plain")}, data=fields)


def assert_error(response: httpx.Response, status: int | None = None) -> str:
    """A 4xx/5xx whose body is exactly ``{"error": "<message>"}``; returns the message."""
    if status is None:
        assert 400 <= response.status_code < 500, response.text
    else:
        assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and isinstance(body["error"], str) and body["error"]
    return body["error"]


# -- endpoints --------------------------------------------------------------------------------------------------
def test_health_counts_documents_and_passages(client: TestClient, service: FactChecker) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok", "documents": 1, "passages": service.index.store.count_documents(),
    }
    assert response.json()["passages"] > 0


def test_ask_returns_the_cli_json(client: TestClient, service: FactChecker) -> None:
    response = client.post("/ask", json={"question": QUESTION})
    assert response.status_code == 200
    assert response.json() == contract.ask_json(service.ask(QUESTION))


def test_ask_honours_top_k(client: TestClient, service: FactChecker) -> None:
    response = client.post("/ask", json={"question": QUESTION, "top_k": 1})
    assert response.status_code == 200
    assert response.json() == contract.ask_json(service.ask(QUESTION, top_k=1))
    assert len(response.json()["citations"]) <= 1
    assert_error(client.post("/ask", json={"question": QUESTION, "top_k": 0}), 422)


def test_check_returns_the_cli_json(client: TestClient, service: FactChecker) -> None:
    response = client.post("/check", json={"quote": QUOTE, "speaker": None})
    assert response.status_code == 200
    assert response.json() == contract.check_json(service.check(QUOTE))
    with_speaker = client.post("/check", json={"quote": QUOTE, "speaker": "Jens Stoltenberg"})
    assert with_speaker.status_code == 200
    assert with_speaker.json() == contract.check_json(service.check(QUOTE, "Jens Stoltenberg"))


def test_check_claimreview_returns_valid_json_ld(client: TestClient, service: FactChecker) -> None:
    altered = "What we have to see is a complete withdrawal of troops"
    response = client.post("/check/claimreview", json={
        "quote": altered, "speaker": "Stoltenberg", "appearance": "https://social.example/post/1",
        "review_url": "https://desk.example/checks/1",
    })
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/ld+json")
    review = response.json()
    assert schema_errors(review) == [] and google_claimreview_errors(review) == []
    expected = contract.claimreview_json(
        service.check(altered, "Stoltenberg"), settings=service.settings,
        appearance="https://social.example/post/1", review_url="https://desk.example/checks/1",
    )
    assert review == expected
    assert review["reviewRating"]["alternateName"] == "Altered"
    assert review["citation"]["hasPart"]["text"] == "What we have to see is a substantial withdrawal of troops"
    bare = client.post("/check/claimreview", json={"quote": QUOTE})
    assert bare.status_code == 200 and "url" not in bare.json() and bare.json()["itemReviewed"] == {"@type": "Claim"}


def test_check_claimreview_refuses_bad_urls_and_keeps_check_as_it_was(client: TestClient, service: FactChecker) -> None:
    assert "appearance URL" in assert_error(
        client.post("/check/claimreview", json={"quote": QUOTE, "appearance": "javascript:alert(1)"}), 400)
    assert "review URL" in assert_error(
        client.post("/check/claimreview", json={"quote": QUOTE, "review_url": "desk.example/1"}), 400)
    assert_error(client.post("/check/claimreview", json={"quote": ""}), 400)
    assert_error(client.post("/check/claimreview", json={"speaker": "x"}), 422)
    plain = client.post("/check", json={"quote": QUOTE, "appearance": "https://social.example/post/1"})
    assert plain.json() == contract.check_json(service.check(QUOTE))


def test_quotes_lists_statements_all_or_by_speaker(client: TestClient, service: FactChecker) -> None:
    everyone = client.get("/quotes")
    assert everyone.status_code == 200
    assert everyone.json() == contract.quotes_json(service.quotes())
    one = client.get("/quotes", params={"speaker": "Jens Stoltenberg"})
    assert one.status_code == 200
    assert one.json() == contract.quotes_json(service.quotes("Jens Stoltenberg"))
    assert one.json()["speaker"] == "Jens Stoltenberg"


def test_documents_lists_the_corpus(client: TestClient, service: FactChecker) -> None:
    response = client.get("/documents")
    assert response.status_code == 200
    assert response.json() == {"documents": [contract.document_json(d) for d in service.documents()]}
    assert [d["doc_id"] for d in response.json()["documents"]] == [SEED]


def test_upload_saves_indexes_and_serves_the_article(client: TestClient, service: FactChecker) -> None:
    response = upload(client, "lighthouse.txt", LIGHTHOUSE.encode(), publisher="Elwyn Post", published="2025-03-03")
    assert response.status_code == 201, response.text
    info = response.json()
    assert info["doc_id"] == "lighthouse.txt" and info["publisher"] == "Elwyn Post"
    assert info["published"] == "2025-03-03" and info["passages"] > 0
    assert (service.corpus_dir / "lighthouse.txt").read_bytes() == LIGHTHOUSE.encode()
    listed = client.get("/documents").json()["documents"]
    assert {d["doc_id"] for d in listed} == {SEED, "lighthouse.txt"}
    assert client.get("/health").json()["documents"] == 2
    answer = client.post("/ask", json={"question": "How much will rebuilding the lighthouse cost?"}).json()
    assert "lighthouse.txt" in {c["doc_id"] for c in answer["citations"] + answer["closest"]}


def test_json_body_adds_a_pasted_article(client: TestClient, service: FactChecker) -> None:
    title, _, body = LIGHTHOUSE.partition("\n\n")
    response = client.post("/documents", json={"title": title, "text": body, "publisher": "Elwyn Post"})
    assert response.status_code == 201, response.text
    doc_id = response.json()["doc_id"]
    assert doc_id == "harbour-town-votes-to-rebuild-the-old-lighthouse.txt"
    assert response.json()["title"] == title and response.json()["publisher"] == "Elwyn Post"
    assert (service.corpus_dir / doc_id).is_file()
    assert_error(client.post("/documents", json={"title": "", "text": body}), 400)
    assert_error(client.post("/documents", json={"title": "No text"}), 422)


def test_the_same_name_twice_is_a_conflict(client: TestClient) -> None:
    assert upload(client, "lighthouse.txt", LIGHTHOUSE.encode()).status_code == 201
    assert_error(upload(client, "lighthouse.txt", b"Another headline\n\nOther text.\n"), 409)


def test_delete_removes_the_article(client: TestClient, service: FactChecker) -> None:
    assert upload(client, "lighthouse.txt", LIGHTHOUSE.encode(), publisher="Elwyn Post").status_code == 201
    response = client.delete("/documents/lighthouse.txt")
    assert response.status_code == 200
    assert response.json() == {"doc_id": "lighthouse.txt", "deleted": True}
    assert sorted(corpus_files(service)) == [SEED, SEED + ".meta.json"]
    assert [d["doc_id"] for d in client.get("/documents").json()["documents"]] == [SEED]
    assert_error(client.delete("/documents/lighthouse.txt"), 404)


def test_delete_takes_a_nested_doc_id(settings: Settings) -> None:
    nested = settings.corpus_dir / "world" / "europe"
    nested.mkdir(parents=True)
    (nested / "lighthouse.txt").write_text(LIGHTHOUSE, encoding="utf-8")
    with TestClient(create_app(FactChecker(settings))) as client:
        assert "world/europe/lighthouse.txt" in {d["doc_id"] for d in client.get("/documents").json()["documents"]}
        response = client.delete("/documents/world/europe/lighthouse.txt")
        assert response.status_code == 200, response.text
        assert not (nested / "lighthouse.txt").exists()
        assert [d["doc_id"] for d in client.get("/documents").json()["documents"]] == [SEED]


def test_unknown_doc_id_is_404(client: TestClient, service: FactChecker) -> None:
    before = corpus_files(service)
    assert_error(client.delete("/documents/no-such-article.txt"), 404)
    assert_error(client.delete("/documents/sub/dir/missing.md"), 404)
    assert_error(client.delete("/documents/..%2F..%2Fetc%2Fpasswd"), 404)
    assert corpus_files(service) == before


def test_removing_the_last_article_is_refused(client: TestClient, service: FactChecker) -> None:
    assert_error(client.delete(f"/documents/{SEED}"), 400)
    assert (service.corpus_dir / SEED).is_file()


def test_openapi_docs_are_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/ask", "/check", "/quotes", "/documents", "/documents/{doc_id}", "/health"} <= set(paths)
    assert {"multipart/form-data", "application/json"} <= set(paths["/documents"]["post"]["requestBody"]["content"])


# -- limits and errors ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("question", ["", "   \n\t "])
def test_empty_question_is_400(client: TestClient, question: str) -> None:
    assert_error(client.post("/ask", json={"question": question}), 400)


def test_question_length_limit(client: TestClient) -> None:
    assert client.post("/ask", json={"question": "troops " * 142 + "Nato"}).status_code == 200  # 998 chars
    assert client.post("/ask", json={"question": "x" * 1000}).status_code == 200
    message = assert_error(client.post("/ask", json={"question": "x" * 1001}))
    assert "1,000" in message


def test_quote_length_limit(client: TestClient) -> None:
    assert_error(client.post("/check", json={"quote": "  "}), 400)
    assert client.post("/check", json={"quote": "y" * 2000}).status_code == 200
    assert "2,000" in assert_error(client.post("/check", json={"quote": "y" * 2001}))


def test_oversized_speaker_and_query_are_rejected(client: TestClient) -> None:
    assert_error(client.post("/check", json={"quote": QUOTE, "speaker": "z" * 300}))
    assert_error(client.get("/quotes", params={"speaker": "z" * 300}), 422)


def test_upload_over_5_mb_is_413(client: TestClient, service: FactChecker) -> None:
    before = corpus_files(service)
    five_mb = 5 * 1024 * 1024
    just_over = b"Big headline\n\n" + b"a" * (five_mb - 13)
    assert len(just_over) == five_mb + 1
    assert_error(upload(client, "big.txt", just_over), 413)  # the body fits the cap; the file does not
    assert_error(upload(client, "bigger.txt", b"b" * (6 * five_mb // 5)), 413)  # refused by Content-Length
    assert corpus_files(service) == before


def test_a_body_without_content_length_is_capped_while_read(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(100):
            yield b"q" * 1024
        yield b'"}'

    response = client.post("/ask", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert_error(response, 413)


@pytest.mark.parametrize("name", ["tool.exe", "paper.pdf", "noextension", "archive.tar.gz"])
def test_unsupported_file_types_are_415(client: TestClient, service: FactChecker, name: str) -> None:
    before = corpus_files(service)
    assert_error(upload(client, name, b"Headline\n\nSome text.\n"), 415)
    assert corpus_files(service) == before


@pytest.mark.parametrize(
    "data",
    [
        b"Headline\n\nText with a NUL \x00 byte, so a binary file.\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "Caf\u00e9 headline\n\nLatin-1 text.\n".encode("latin-1"),
        b"",
        b"\n \n\t\n",
    ],
)
def test_binary_non_utf8_and_empty_files_are_refused(client: TestClient, service: FactChecker, data: bytes) -> None:
    before = corpus_files(service)
    assert_error(upload(client, "article.txt", data))
    assert corpus_files(service) == before


@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "..\\..\\etc\\passwd.txt", "/etc/passwd.txt"])
def test_path_traversal_names_are_saved_inside_the_corpus(client: TestClient, service: FactChecker, name: str) -> None:
    outside = service.corpus_dir.parent.parent / "etc" / "passwd.txt"
    response = upload(client, name, LIGHTHOUSE.encode())
    assert response.status_code == 201, response.text
    doc_id = response.json()["doc_id"]
    assert doc_id == "passwd.txt"
    saved = (service.corpus_dir / doc_id).resolve()
    assert saved.parent == service.corpus_dir.resolve() and saved.read_bytes() == LIGHTHOUSE.encode()
    assert not outside.exists()


def test_unsafe_characters_in_names_are_replaced(client: TestClient) -> None:
    response = upload(client, "Rapport d'été <final>;rm -rf.MD", LIGHTHOUSE.encode())
    assert response.status_code == 201, response.text
    assert re.fullmatch(r"[A-Za-z0-9._-]+\.md", response.json()["doc_id"])


def test_upload_needs_a_file_field_and_a_known_content_type(client: TestClient) -> None:
    assert_error(client.post("/documents", data={"publisher": "x"}, files={"other": ("a.txt", b"A\n\nb")}), 400)
    assert_error(client.post("/documents", data={"file": "not a file"}, files={"other": ("a.txt", b"A\n\nb")}), 400)
    assert_error(client.post("/documents", content=b"Headline\n\nText", headers={"content-type": "text/plain"}), 415)
    assert_error(upload(client, "lighthouse.txt", LIGHTHOUSE.encode(), publisher="p" * 201))


@pytest.mark.parametrize("path", ["/ask", "/check", "/documents"])
def test_malformed_json_is_a_json_error(client: TestClient, path: str) -> None:
    response = client.post(path, content=b'{"question": "unterminated', headers={"content-type": "application/json"})
    assert "JSON" in assert_error(response, 422)


def test_fastapi_validation_errors_are_json_errors(client: TestClient) -> None:
    assert "question" in assert_error(client.post("/ask", json={}), 422)
    assert assert_error(client.post("/ask", json={"question": 5}), 422)
    assert assert_error(client.post("/ask", json=["a list"]), 422)
    assert assert_error(client.post("/check", json={"quote": None}), 422)
    assert assert_error(client.post("/ask", json={"question": QUESTION, "top_k": "many"}), 422)


def test_unknown_routes_and_methods_are_json_errors(client: TestClient) -> None:
    assert_error(client.get("/nowhere"), 404)
    assert_error(client.get("/ask"), 405)
    assert_error(client.put("/documents/x.txt"), 405)


def test_an_internal_error_is_a_bare_500(client: TestClient, service: FactChecker, monkeypatch: Any) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret detail in /srv/factcheck/pipeline/query.py")

    monkeypatch.setattr(service, "ask", broken)
    monkeypatch.setattr(service, "documents", broken)
    for response in (client.post("/ask", json={"question": QUESTION}), client.get("/documents")):
        assert response.status_code == 500
        assert response.json() == {"error": "internal error"}
        for leak in ("Traceback", "RuntimeError", "secret", "query.py"):
            assert leak not in response.text
    assert client.post("/check", json={"quote": QUOTE}).status_code == 200  # the app keeps serving


# -- atomic updates -------------------------------------------------------------------------------------------
def snapshot(client: TestClient, service: FactChecker) -> tuple[dict[str, bytes], Any, Any, Any]:
    return (
        corpus_files(service),
        client.get("/documents").json(),
        client.post("/ask", json={"question": QUESTION}).json(),
        client.post("/check", json={"quote": QUOTE}).json(),
    )


def test_a_failed_upload_changes_nothing(client: TestClient, service: FactChecker, monkeypatch: Any) -> None:
    before = snapshot(client, service)

    def failing_build(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the re-index broke")

    monkeypatch.setattr(service, "_replaced", failing_build)
    response = upload(client, "lighthouse.txt", LIGHTHOUSE.encode(), publisher="Elwyn Post", published="2025-03-03")
    assert response.status_code == 500 and response.json() == {"error": "internal error"}
    title, _, body = LIGHTHOUSE.partition("\n\n")
    assert client.post("/documents", json={"title": title, "text": body}).status_code == 500
    assert client.delete(f"/documents/{SEED}").status_code in (400, 500)
    assert snapshot(client, service) == before

    monkeypatch.undo()  # the same upload succeeds once the index can be built again
    assert upload(client, "lighthouse.txt", LIGHTHOUSE.encode()).status_code == 201


def test_a_failed_remove_changes_nothing(client: TestClient, service: FactChecker, monkeypatch: Any) -> None:
    assert upload(client, "lighthouse.txt", LIGHTHOUSE.encode(), publisher="Elwyn Post").status_code == 201
    before = snapshot(client, service)

    def failing_build(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the re-index broke")

    monkeypatch.setattr(service, "_replaced", failing_build)
    assert client.delete("/documents/lighthouse.txt").status_code == 500
    assert snapshot(client, service) == before


def test_queries_during_uploads_see_the_old_or_the_new_index(client: TestClient, service: FactChecker) -> None:
    """Readers ask while a writer adds and removes an article: every reply is one of the two consistent ones."""
    def ask() -> httpx.Response:
        return client.post("/ask", json={"question": QUESTION})

    base_answer, base_docs = ask().json(), client.get("/documents").json()
    assert upload(client, "lighthouse.txt", LIGHTHOUSE.encode()).status_code == 201
    added_answer, added_docs = ask().json(), client.get("/documents").json()
    assert client.delete("/documents/lighthouse.txt").status_code == 200
    assert ask().json() == base_answer  # removing undoes adding exactly
    answers, documents = [base_answer, added_answer], [base_docs, added_docs]

    done = threading.Event()
    seen: list[tuple[int, Any]] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def reader(number: int) -> None:
        try:
            while not done.is_set():
                response = ask() if number % 2 else client.get("/documents")
                with lock:
                    seen.append((response.status_code, (number % 2, response.json())))
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)

    def writer() -> None:
        try:
            for _ in range(6):
                response = upload(client, "lighthouse.txt", LIGHTHOUSE.encode())
                assert response.status_code == 201, response.text
                response = client.delete("/documents/lighthouse.txt")
                assert response.status_code == 200, response.text
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)
        finally:
            done.set()

    readers = [threading.Thread(target=reader, args=(n,)) for n in range(6)]
    for thread in readers:
        thread.start()
    writer_thread = threading.Thread(target=writer)
    writer_thread.start()
    writer_thread.join()
    for thread in readers:
        thread.join()

    assert not failures, failures
    assert seen, "the readers never ran"
    assert all(status == 200 for status, _ in seen), [s for s in seen if s[0] != 200][:3]
    for _, (is_ask, body) in seen:
        assert body in (answers if is_ask else documents)
    assert not (service.corpus_dir / "lighthouse.txt").exists()
    assert not [p for p in service.corpus_dir.iterdir() if p.name.startswith(".upload-")]


# -- serving ----------------------------------------------------------------------------------------------------
def test_serve_warms_up_before_accepting_requests(settings: Settings, monkeypatch: Any) -> None:
    import uvicorn

    from pipeline import api

    seen: dict[str, Any] = {}

    def fake_run(self: uvicorn.Server, sockets: Any = None) -> None:
        service = self.config.app.state.service
        seen["warm"] = service._state is not None
        seen["host"], seen["port"] = self.config.host, self.config.port

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    api.serve(settings, host="127.0.0.1", port=8765)
    assert seen == {"warm": True, "host": "127.0.0.1", "port": 8765}


def test_factcheck_serve_prints_ready_then_answers(settings: Settings) -> None:
    """The real command on a free port: the ready line names the URL, and /health answers at once."""
    env = {**os.environ, "FACTCHECK_EMBEDDING_MODEL": "hashing", "FACTCHECK_CACHE_DIR": str(settings.cache_dir)}
    command = [sys.executable, "-m", "pipeline.cli", "serve", "--port", "0", "--corpus", str(settings.corpus_dir)]
    process = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"ready on (http://127\.0\.0\.1:\d+)", line)
        assert match, line
        with httpx.Client(base_url=match.group(1), timeout=30) as http:
            assert http.get("/health").json()["documents"] == 1
            answer = http.post("/ask", json={"question": QUESTION}).json()
            assert answer == json.loads(json.dumps(answer)) and answer["question"] == QUESTION
    finally:
        process.terminate()
        process.wait(timeout=30)


# -- the load-test script ---------------------------------------------------------------------------------------
def load_script() -> Any:
    """``bench/load.py`` as a module (``bench`` is a folder of scripts, not a package)."""
    if "bench_load" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_load", PROJECT_ROOT / "bench" / "load.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_load"] = module  # dataclasses look their module up while the file runs
        spec.loader.exec_module(module)
    return sys.modules["bench_load"]


@pytest.mark.parametrize("url", ["http://10.0.0.1:8000", "http://example.com", "http://127.0.0.1.nip.io", "ftp://[::1]"])
def test_load_script_refuses_anything_but_loopback(url: str) -> None:
    with pytest.raises(SystemExit):
        load_script().require_loopback(url)


def test_load_script_runs_against_its_own_server(settings: Settings) -> None:
    """A tiny bounded run on the hashing embedder: it starts and stops the server and reports JSON."""
    env = {**os.environ, "FACTCHECK_EMBEDDING_MODEL": "hashing", "FACTCHECK_CACHE_DIR": str(settings.cache_dir)}
    command = [
        sys.executable, str(PROJECT_ROOT / "bench" / "load.py"), "--corpus", str(settings.corpus_dir),
        "--clients", "2", "--seconds", "5", "--max-requests", "12", "--json",
    ]
    result = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["all"]["requests"] == 12 and report["all"]["errors"] == 0
    assert report["ask"]["requests"] > 0 and report["check"]["requests"] > 0
    assert report["add"]["status"] == 201 and report["add"]["remove_status"] == 200  # an article added mid-run
    assert load_script().require_loopback(report["url"]) == report["url"]


# -- articles from a link ---------------------------------------------------------------------------------------
@pytest.fixture
def link_client(settings: Settings) -> Iterator[tuple[TestClient, FactChecker]]:
    """A client whose service may fetch from the local test server (private addresses allowed, short timeouts)."""
    checker = FactChecker(settings.model_copy(update={"allow_private_urls": True, "fetch_read_timeout": 0.5}))
    checker.warm_up()
    with TestClient(create_app(checker)) as test_client:
        yield test_client, checker


def test_a_link_is_fetched_added_and_listed(link_client: tuple[TestClient, FactChecker], web_server: WebServer) -> None:
    client, _ = link_client
    url = web_server.at("/story.html")
    response = client.post("/documents", json={"url": url})
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["doc_id"] == "harbour-council-approves-lighthouse-rebuild.txt"
    assert (data["title"], data["author"], data["site_name"], data["published"], data["url"]) == (
        STORY_HEADLINE, STORY_AUTHOR, STORY_SITE, STORY_DATE, url,
    )
    assert data["passages"] >= 5 and data["quotes"] >= 2
    listed = {d["doc_id"]: d for d in client.get("/documents").json()["documents"]}
    assert listed[data["doc_id"]]["url"] == url
    citations = client.post("/check", json={"quote": "We owe it to every fisherman who came home by its light",
                                            "speaker": "Ada Quinn"}).json()
    assert citations["verdict"] == "verbatim" and citations["match"]["doc_id"] == data["doc_id"]


@pytest.mark.parametrize(
    ("path", "status", "fragment"),
    [
        ("/missing", 422, "was not found (HTTP 404)"),
        ("/slow", 422, "did not answer within 0.5 s"),
        ("/huge", 413, "larger than the 5.0 MB limit"),
        ("/image.png", 415, "not a web page or plain text"),
        ("/redirect/6", 422, "redirects more than 5 times"),
        ("/sign-in", 422, "no article text found"),
        ("/to?url=file:///etc/passwd", 400, "only http:// and https:// links"),
    ],
)
def test_a_failed_link_is_a_json_error_and_changes_nothing(
    link_client: tuple[TestClient, FactChecker], web_server: WebServer, path: str, status: int, fragment: str
) -> None:
    client, checker = link_client
    before = corpus_files(checker), client.get("/documents").json()
    assert fragment in assert_error(client.post("/documents", json={"url": web_server.at(path)}), status)
    assert (corpus_files(checker), client.get("/documents").json()) == before


def test_a_private_address_is_refused_by_default(
    client: TestClient, service: FactChecker, web_server: WebServer
) -> None:
    before = corpus_files(service)
    message = assert_error(client.post("/documents", json={"url": web_server.at("/story.html")}), 403)
    assert message.startswith("refused: 127.0.0.1 is a loopback address")
    assert_error(client.post("/documents", json={"url": 42}), 422)
    assert_error(client.post("/documents", json={"url": "ftp://example.com/story.txt"}), 400)
    assert corpus_files(service) == before
