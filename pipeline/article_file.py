"""Whether some bytes and a file name make an acceptable article file: the one rule set, with one set of messages.

The corpus reader, ``factcheck add FILE``, the API upload and the app's upload all ask here, so a file is
accepted or refused the same way, for the same reason, in the same words, wherever it arrives.
"""

from __future__ import annotations

from pathlib import PurePath

from pipeline.errors import EmptyInputError, InputTooLongError, UnsupportedFileError

# Suffix → kind of article. ``.markdown`` and ``.htm`` are spellings of the same formats.
ARTICLE_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
ALLOWED = ".txt, .md or .html"


def shown_name(name: str) -> str:
    """The bare file name a person recognises (no folders, whichever slash they used)."""
    return PurePath(str(name).replace("\\", "/")).name or "the file"


def article_kind(name: str) -> str:
    """``txt``, ``md`` or ``html`` from the file name; anything else is refused."""
    kind = ARTICLE_SUFFIXES.get(PurePath(str(name).replace("\\", "/")).suffix.lower())
    if kind is None:
        raise UnsupportedFileError(f"{shown_name(name)} is not an article file: use a {ALLOWED} file")
    return kind


def read_article_file(name: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """``(kind, text)`` of an acceptable article file; raises an ``InputError`` subclass saying why not.

    ``name`` is used as given in messages (a corpus ``doc_id`` keeps its folders), so a person can find the file.
    """
    kind = article_kind(name)
    if len(data) > max_bytes:
        raise InputTooLongError(f"{name} is larger than the {human_size(max_bytes)} limit")
    if b"\x00" in data:  # UTF-8 text never holds a NUL byte; images, PDFs and office files do
        raise UnsupportedFileError(f"{name} looks like a binary file, not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnsupportedFileError(
            f"{name} is not UTF-8 text (byte {error.start}); save it as UTF-8 and try again"
        ) from None
    if not text.replace("\ufeff", "").strip():
        raise EmptyInputError(f"{name} is empty")
    return kind, text


def human_size(size: int) -> str:
    """``9812`` → ``9.6 KB`` (the same figures the app's tables show)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
