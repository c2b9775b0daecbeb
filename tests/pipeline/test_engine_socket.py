"""The command line answers through a running service on the same corpus, with identical output, and
works alone when there is none (or only a stale socket)."""

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline import cli
from pipeline.engine_socket import EngineServer, socket_path
from pipeline.service import FactChecker
from pipeline.settings import Settings, get_settings

QUESTION = "Where has the US embassy been temporarily relocated?"
QUOTE = "It's too early to say whether we see anything on the ground"


@pytest.fixture
def env_settings(hashing_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """The command line reads its settings from the environment: point it at the test's corpus and cache."""
    monkeypatch.setenv("FACTCHECK_EMBEDDING_MODEL", "hashing")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(hashing_settings.cache_dir))
    monkeypatch.setenv("FACTCHECK_CORPUS_DIR", str(hashing_settings.corpus_dir))
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def outputs(capsys: pytest.CaptureFixture[str], questions: Path, quotes: Path) -> list[tuple[int, str, str]]:
    return [
        run(capsys, "ask", QUESTION, "--json"),
        run(capsys, "ask", QUESTION),
        run(capsys, "ask", "--questions", str(questions)),
        run(capsys, "check", QUOTE, "--speaker", "Jens Stoltenberg", "--json"),
        run(capsys, "check", QUOTE),
        run(capsys, "check", "--quotes", str(quotes)),
        run(capsys, "ask", "   ", "--json"),
    ]


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    questions = tmp_path / "questions.txt"
    questions.write_text(f"{QUESTION}\nWho chaired a meeting of Cobra?\n")
    quotes = tmp_path / "quotes.jsonl"
    quotes.write_text(json.dumps({"quote": QUOTE, "speaker": None}) + "\n")
    return questions, quotes


def test_the_same_output_through_a_running_service_as_alone(
    env_settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    inputs: tuple[Path, Path],
) -> None:
    alone = outputs(capsys, *inputs)
    assert alone[0][0] == 0 and "Lviv" in json.loads(alone[0][1])["answer"]
    assert alone[-1][0] == 1 and "empty" in alone[-1][2]

    service = FactChecker(env_settings)
    service.warm_up()
    server = EngineServer(service)
    assert server.start()
    try:
        def no_local_engine(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError("the command line loaded its own engine although a service was running")

        monkeypatch.setattr(cli, "_service", no_local_engine)
        assert outputs(capsys, *inputs) == alone
    finally:
        server.stop()
    assert not server.path.exists()


def test_a_stale_socket_is_ignored(env_settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    path = socket_path(env_settings, env_settings.corpus_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))  # bound, never listening: what a killed service leaves behind
    dead.close()
    code, out, _ = run(capsys, "ask", QUESTION, "--json")
    assert code == 0 and "Lviv" in json.loads(out)["answer"]
    server = EngineServer(FactChecker(env_settings))
    assert server.start()  # the next service replaces the stale socket
    server.stop()


def test_a_service_on_other_settings_is_not_used(env_settings: Settings, tmp_path: Path) -> None:
    other = env_settings.model_copy(update={"top_k": 2})
    assert socket_path(other, other.corpus_dir) != socket_path(env_settings, env_settings.corpus_dir)
    elsewhere = env_settings.model_copy(update={"corpus_dir": tmp_path})
    assert socket_path(elsewhere, tmp_path) != socket_path(env_settings, env_settings.corpus_dir)


def test_a_second_service_does_not_take_over_a_live_socket(env_settings: Settings) -> None:
    service = FactChecker(env_settings)
    first, second = EngineServer(service), EngineServer(service)
    assert first.start()
    try:
        assert not second.start()
    finally:
        first.stop()
