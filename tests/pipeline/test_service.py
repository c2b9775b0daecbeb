"""``FactChecker.add_url`` / ``add_file``: an article from a link or a file, and a corpus untouched by any failure."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.errors import FactcheckError, InputError
from pipeline.service import FactChecker
from pipeline.settings import Settings
from tests.web_server import (
    PLAIN,
    STORY_AUTHOR,
    STORY_CANONICAL,
    STORY_DATE,
    STORY_HEADLINE,
    STORY_SITE,
    WebServer,
)

STORY_ID = "harbour-council-approves-lighthouse-rebuild.txt"


@pytest.fixture
def checker(link_settings: Settings) -> FactChecker:
    service = FactChecker(link_settings)
    service.warm_up()
    return service


def snapshot(checker: FactChecker) -> tuple[dict[str, bytes], list[str], int]:
    """Every file of the corpus folder (hidden ones too), the indexed articles, and the passages in the store."""
    root = checker.corpus_dir
    files = {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
    return files, sorted(checker.index.articles), checker.index.store.count_documents()


def test_a_link_becomes_a_stored_and_indexed_article(checker: FactChecker, web_server: WebServer) -> None:
    url = web_server.at("/story.html")
    info = checker.add_url(url)
    assert (info.doc_id, info.title, info.author, info.publisher, info.published, info.url) == (
        STORY_ID, STORY_HEADLINE, STORY_AUTHOR, STORY_SITE, STORY_DATE, url,
    )
    assert info.canonical_url == STORY_CANONICAL and info.passages >= 5 and info.quotes >= 2
    stored = (checker.corpus_dir / STORY_ID).read_bytes().decode("utf-8")
    assert stored.startswith(STORY_HEADLINE + "\n\nThe council of Port Elwyn voted on Monday")
    assert json.loads((checker.corpus_dir / f"{STORY_ID}.meta.json").read_text(encoding="utf-8")) == {
        "publisher": STORY_SITE, "published": STORY_DATE, "author": STORY_AUTHOR, "url": url,
        "canonical_url": STORY_CANONICAL,
    }
    # Offsets index the stored text exactly.
    article = checker.article(STORY_ID)
    assert article.text == stored
    for statement in checker.statements_in(STORY_ID):
        assert stored[statement.start : statement.end] == statement.text
    quinn = [s for s in checker.statements_in(STORY_ID) if s.speaker and "Quinn" in s.speaker]
    assert any("every fisherman" in s.text for s in quinn)


def test_the_same_headline_twice_gets_a_suffix_and_never_overwrites(
    checker: FactChecker, web_server: WebServer
) -> None:
    first = checker.add_url(web_server.at("/story.html"))
    original = (checker.corpus_dir / first.doc_id).read_bytes()
    second = checker.add_url(web_server.at("/redirect/2"))
    assert second.doc_id == STORY_ID.replace(".txt", "-2.txt")
    assert (checker.corpus_dir / first.doc_id).read_bytes() == original
    assert {first.doc_id, second.doc_id} <= set(checker.index.articles)


def test_a_plain_text_link_is_stored_as_it_is(checker: FactChecker, web_server: WebServer) -> None:
    info = checker.add_url(web_server.at("/plain.txt"))
    assert info.doc_id == "ferry-strike-ends-after-pay-deal.txt" and info.title == "Ferry strike ends after pay deal"
    assert (checker.corpus_dir / info.doc_id).read_text(encoding="utf-8") == PLAIN
    assert info.author is None and info.publisher is None and info.published is None


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "was not found (HTTP 404)"),
        ("/slow", "did not answer within 0.5 s"),
        ("/huge", "larger than the 5.0 MB limit"),
        ("/image.png", "not a web page or plain text"),
        ("/redirect/6", "redirects more than 5 times"),
        ("/sign-in", "no article text found"),
    ],
)
def test_a_failed_link_leaves_the_corpus_and_the_index_as_they_were(
    checker: FactChecker, web_server: WebServer, path: str, message: str
) -> None:
    before = snapshot(checker)
    with pytest.raises(FactcheckError, match=re.escape(message)):
        checker.add_url(web_server.at(path))
    assert snapshot(checker) == before


def test_a_refused_address_leaves_the_corpus_as_it_was(hashing_settings: Settings, web_server: WebServer) -> None:
    checker = FactChecker(hashing_settings)  # private addresses not allowed
    checker.warm_up()
    before = snapshot(checker)
    with pytest.raises(FactcheckError, match=re.escape("refused: 127.0.0.1 is a loopback address")):
        checker.add_url(web_server.at("/story.html"))
    assert snapshot(checker) == before


def test_an_index_failure_removes_what_was_written(
    checker: FactChecker, web_server: WebServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(checker)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(checker.indexer, "index_articles", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        checker.add_url(web_server.at("/story.html"))
    monkeypatch.undo()
    assert snapshot(checker) == before


def test_add_file_uses_the_one_validation(checker: FactChecker, tmp_path: Path) -> None:
    good = tmp_path / "Lighthouse Vote.md"
    good.write_text("# Lighthouse vote\n\nThe council voted to rebuild the lighthouse.\n", encoding="utf-8")
    assert checker.add_file(good).doc_id == "Lighthouse-Vote.md"
    before = snapshot(checker)
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(InputError, match=re.escape("scan.txt looks like a binary file")):
        checker.add_file(binary)
    with pytest.raises(InputError, match="cannot read"):
        checker.add_file(tmp_path / "missing.txt")
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"word " * (2 * 1024 * 1024))
    with pytest.raises(InputError, match=re.escape("huge.txt is larger than the 5.0 MB limit")):
        checker.add_file(huge)
    assert snapshot(checker) == before


def test_an_add_before_the_first_query_opens_the_index_and_does_not_hang(hashing_settings: Settings) -> None:
    service = FactChecker(hashing_settings)  # nothing opened yet: the add opens the index under its own lock
    info = service.add_text("Lighthouse reopens", "The lighthouse at Elwyn reopened on Monday.")
    assert info.doc_id in service.index.articles
    service.wait_for_snapshot()
