"""One rule set for article files: the corpus reader, ``add FILE``, the API and the app refuse in the same words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.article_file import read_article_file
from pipeline.corpus import load_corpus, parse_article
from pipeline.errors import EmptyInputError, InputError, InputTooLongError, UnsupportedFileError
from pipeline.service import FactChecker
from pipeline.settings import Settings

LIMIT = 1024
CASES = [
    ("report.pdf", b"%PDF-1.7", UnsupportedFileError, "report.pdf is not an article file: use a .txt, .md or .html"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", UnsupportedFileError, "photo.txt looks like a binary file"),
    ("late-nul.txt", b"Headline\n\n" + b"text " * 150 + b"\x00", UnsupportedFileError, "looks like a binary file"),
    ("notes.md", "Caf\xe9".encode("latin-1"), UnsupportedFileError, "notes.md is not UTF-8 text (byte 3)"),
    ("empty.txt", b"", EmptyInputError, "empty.txt is empty"),
    ("blank.html", "\ufeff \n\n\t".encode(), EmptyInputError, "blank.html is empty"),
    ("big.txt", b"a" * (LIMIT + 1), InputTooLongError, "big.txt is larger than the 1.0 KB limit"),
]


@pytest.mark.parametrize(("name", "data", "error", "message"), CASES)
def test_each_bad_file_gets_its_one_message(name: str, data: bytes, error: type, message: str) -> None:
    with pytest.raises(error) as raised:
        read_article_file(name, data, max_bytes=LIMIT)
    assert message in str(raised.value)


@pytest.mark.parametrize(("name", "data", "error", "message"), CASES)
def test_the_corpus_reader_and_an_upload_refuse_with_the_same_message(
    tmp_path: Path, name: str, data: bytes, error: type, message: str
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Good headline\n\nA body paragraph.\n", encoding="utf-8")
    (corpus / name).write_bytes(data)
    warnings = {w.path: w.message for w in load_corpus(corpus, max_bytes=LIMIT).warnings}
    assert message in warnings[name]

    settings = Settings(
        corpus_dir=corpus, cache_dir=tmp_path / "cache", embedding_model="hashing", max_file_bytes=LIMIT
    )
    checker = FactChecker(settings)
    with pytest.raises(error) as raised:
        checker.add_document(f"upload-{name}", data)
    assert message.replace(name, f"upload-{name}") in str(raised.value)


def test_an_acceptable_file_gives_its_kind_and_text() -> None:
    assert read_article_file("a.HTM", b"<p>x</p>") == ("html", "<p>x</p>")
    assert read_article_file("a.markdown", "# T\u00e9\n".encode()) == ("md", "# T\u00e9\n")


def test_an_html_file_without_article_text_is_refused() -> None:
    page = b"<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>"
    with pytest.raises(InputError, match=re.escape("menu.html: no article text found")):
        parse_article("menu.html", page)
