"""Reading articles from a corpus folder: ``.txt``, ``.md`` and ``.html`` files become ``Article``s.

A ``.txt`` or ``.md`` article is its file decoded as UTF-8; its first non-empty paragraph is the
headline and blank lines separate paragraphs. An ``.html`` page is reduced to its main text, one
paragraph per block (``pipeline.html_text``). Whether a file can be used at all is decided by
``pipeline.article_file``, the same rules as for uploads. Optional metadata sits beside an article in
``<file name>.meta.json``: ``{"publisher": ..., "published": ..., "author": ..., "url": ...,
"canonical_url": ...}`` (every key optional; older files hold only the first two). ``publisher`` is the site
name of a page added from a link, ``url`` the link it came from. A file that cannot be used is skipped with a warning
that names it, so one bad file never stops the others.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.article_file import ARTICLE_SUFFIXES, DEFAULT_MAX_BYTES, read_article_file
from pipeline.errors import (
    CorpusNotFoundError,
    EmptyCorpusError,
    EmptyInputError,
    InputTooLongError,
    UnsupportedFileError,
)
from pipeline.roles import assign_roles
from pipeline.types import Article, CorpusWarning, Paragraph, Role

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = ARTICLE_SUFFIXES
META_SUFFIX = ".meta.json"
# What a metadata file may say about its article (all optional).
META_KEYS = ("publisher", "published", "author", "url", "canonical_url")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+")


@dataclass
class CorpusLoad:
    """The articles of a folder, and the files skipped on the way."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[CorpusWarning] = field(default_factory=list)


def load_corpus(corpus_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> CorpusLoad:
    """Every usable article of ``corpus_dir`` (recursively), sorted by ``doc_id``."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusNotFoundError(f"corpus folder not found: {corpus_dir}")
    result = CorpusLoad()
    for path in sorted(p for p in corpus_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in relative.parts) or path.name.endswith(META_SUFFIX):
            continue
        doc_id = relative.as_posix()
        try:
            data = path.read_bytes()
            article = parse_article(doc_id, data, max_bytes=max_bytes)
        except (UnsupportedFileError, EmptyInputError, InputTooLongError, OSError) as error:
            message = str(error) if not isinstance(error, OSError) else f"cannot read: {error.strerror}"
            result.warnings.append(CorpusWarning(path=doc_id, message=message))
            logger.warning("skipped %s: %s", doc_id, message)
            continue
        _apply_metadata(article, path)
        result.articles.append(article)
    return result


def require_articles(load: CorpusLoad, corpus_dir: Path) -> None:
    if not load.articles:
        raise EmptyCorpusError(f"no usable article (.txt, .md, .html) in {corpus_dir}")


def parse_article(doc_id: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Decode and split one article file; raises an ``InputError`` subclass when it cannot be used."""
    kind, text = read_article_file(doc_id, data, max_bytes=max_bytes)
    content_hash = hashlib.sha256(data).hexdigest()
    publisher = published = author = canonical_url = None
    hints: dict[int, Role] = {}
    if kind == "html":
        from pipeline.html_text import EXTRACTOR_VERSION, extract_html

        extracted = extract_html(text, source=doc_id)
        text, blocks, hints = extracted.text, extracted.blocks, extracted.hints
        publisher, published, author = extracted.publisher, extracted.published, extracted.author
        canonical_url = extracted.url
        # The cached passages index the extracted text, so they depend on the extractor as well as the file.
        content_hash = hashlib.sha256(f"{EXTRACTOR_VERSION}\0{content_hash}".encode()).hexdigest()
    else:
        blocks = _paragraph_spans(text)
        if kind == "md":
            blocks, hints = _markdown_blocks(text, blocks)
    if not blocks:
        raise EmptyInputError(f"{doc_id}: empty article")
    paragraphs = [Paragraph(index=i, start=s, end=e) for i, (s, e) in enumerate(blocks)]
    assign_roles(text, paragraphs, hints)
    title = " ".join(text[paragraphs[0].start : paragraphs[0].end].split())
    return Article(
        doc_id=doc_id,
        title=title,
        text=text,
        paragraphs=paragraphs,
        publisher=publisher,
        published=published,
        source_type=kind,
        content_hash=content_hash,
        size_bytes=len(data),
        author=author,
        canonical_url=canonical_url,
    )


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blank-line separated blocks, trimmed of white space (a BOM counts as white space)."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.extend(_trimmed(text, cursor, match.start()))
        cursor = match.end()
    spans.extend(_trimmed(text, cursor, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def _markdown_blocks(
    text: str, blocks: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], dict[int, Role]]:
    """Headings lose their ``#`` marks (the span starts after them) and become subheadings."""
    out: list[tuple[int, int]] = []
    hints: dict[int, Role] = {}
    for start, end in blocks:
        heading = _MD_HEADING.match(text, start, end)
        if heading:
            start = heading.end()
            if out:
                hints[len(out)] = "subheading"
        if end > start:
            out.append((start, end))
    return out, hints


def _apply_metadata(article: Article, path: Path) -> None:
    meta_path = path.with_name(path.name + META_SUFFIX)
    if not meta_path.is_file():
        return
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        logger.warning("ignored unreadable metadata file %s", meta_path.name)
        return
    if isinstance(meta, dict):
        article.publisher = str(meta.get("publisher") or article.publisher or "") or None
        article.published = str(meta.get("published") or article.published or "") or None
        article.author = str(meta.get("author") or article.author or "") or None
        article.url = str(meta.get("url") or article.url or "") or None
        article.canonical_url = str(meta.get("canonical_url") or article.canonical_url or "") or None
        if meta.get("title"):
            article.title = str(meta["title"])


def write_metadata(
    path: Path,
    *,
    publisher: str | None,
    published: str | None,
    author: str | None = None,
    url: str | None = None,
    canonical_url: str | None = None,
) -> None:
    """Store an article's metadata beside it (used when an article is added); keys without a value are left out."""
    values = {
        "publisher": publisher, "published": published, "author": author, "url": url, "canonical_url": canonical_url,
    }
    meta = {key: values[key] for key in META_KEYS if values[key]}
    if not meta:
        return
    meta_path = path.with_name(path.name + META_SUFFIX)
    meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def read_article(corpus_dir: Path, doc_id: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One article of ``corpus_dir`` exactly as ``load_corpus`` reads it (metadata file applied)."""
    path = Path(corpus_dir) / doc_id
    article = parse_article(doc_id, path.read_bytes(), max_bytes=max_bytes)
    _apply_metadata(article, path)
    return article
