"""Main text and metadata of an HTML page, by trafilatura through Haystack's ``HTMLToDocument``.

trafilatura is what newsrooms and researchers use to separate an article from its page furniture (menus,
footers, related links, adverts, scripts); it dates pages with htmldate and reads the headline, author, site
name and canonical URL from the page's markup. Its XML output keeps the article's blocks (headings,
paragraphs, list items, quotes, table rows), which become our paragraphs. The text handed on is plain
(never HTML): scripts and styles are dropped by the extractor, and whatever a hostile page holds can only
ever be shown as text. Offsets of an HTML article index this extracted text.

Figures (images and their captions) are furniture to trafilatura and are left out; the headline is the
page's own opening heading, else the headline its metadata gives (``og:title``, ``<h1>``, ``<title>``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

from haystack.components.converters import HTMLToDocument
from haystack.dataclasses import ByteStream

from pipeline.errors import NotAnArticleError
from pipeline.types import Role

# Part of an HTML article's cache key: a change in how pages are read must re-index them.
EXTRACTOR_VERSION = "trafilatura-xml-1"
# trafilatura's own floor (MIN_EXTRACTED_SIZE): under it, its rescue pass dumps the whole page as one block.
# A page that short is read again in precision mode, which keeps the blocks apart and leaves furniture out.
SHORT_TEXT_CHARS = 250
MAX_META_CHARS = 300
_EXTRACTION: dict[str, Any] = {
    "output_format": "xml",
    "with_metadata": True,
    "include_comments": False,  # readers' comments are not the article
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    # Inert markup a browser never shows (trafilatura would keep a <template>'s words).
    "prune_xpath": ["//template"],
    # The original publication date, read from the markup only: never guessed from dates in the text.
    "date_extraction_params": {"original_date": True, "extensive_search": False},
}
_SKIPPED = {"graphic", "comments", "note", "fw"}
_CONTAINERS = {"main", "div", "list", "quote", "table", "body"}
_BLOCKS = {"head", "p", "item", "row", "quote", "list", "table", "code", "div"}


@dataclass
class ExtractedHtml:
    """The extracted text (headline first, blocks separated by blank lines) and what the page says about itself."""

    text: str
    blocks: list[tuple[int, int]]
    hints: dict[int, Role] = field(default_factory=dict)
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None


@lru_cache(maxsize=1)
def _converter() -> HTMLToDocument:
    # The HTML reaches the converter as UTF-8 (files are checked as UTF-8; fetched pages are decoded first).
    return HTMLToDocument(extraction_kwargs=_EXTRACTION, encoding="utf-8")


def extract_html(html: str, *, source: str = "the page", url: str | None = None) -> ExtractedHtml:
    """The article in ``html``; raises ``NotAnArticleError`` when no article text is found.

    ``url`` is where the page came from (it helps date the page; it is never fetched).
    """
    root = _extract(html, url, precise=False)
    if root is None or len(_text_of(_main(root))) < SHORT_TEXT_CHARS:
        precise = _extract(html, url, precise=True)
        if precise is not None and _text_of(_main(precise)).strip():
            root = precise
    if root is None:
        raise NotAnArticleError(f"{source}: no article text found (it may not be an article, or need JavaScript)")
    pieces = list(_pieces(_main(root)))
    title = _clean(root.get("title"))
    if pieces and pieces[0][1] == "head":
        headline = pieces.pop(0)[0]  # the article's own opening heading
    elif title:
        headline = title
        if pieces and pieces[0][0] == title:
            pieces.pop(0)
    elif pieces:
        headline = pieces.pop(0)[0]
    else:
        headline = ""
    if not pieces:
        raise NotAnArticleError(f"{source}: no article text found (it may not be an article, or need JavaScript)")
    text_parts = [headline]
    blocks = [(0, len(headline))]
    hints: dict[int, Role] = {}
    cursor = len(headline)
    for words, tag in pieces:
        cursor += 2
        text_parts.append(words)
        blocks.append((cursor, cursor + len(words)))
        cursor += len(words)
        if tag == "head":
            hints[len(blocks) - 1] = "subheading"
    return ExtractedHtml(
        text="\n\n".join(text_parts),
        blocks=blocks,
        hints=hints,
        title=headline,
        publisher=_clean(root.get("sitename")),
        published=_clean(root.get("date")),
        author=_clean(root.get("author")),
        url=web_url(root.get("url")),
    )


def web_url(value: str | None) -> str | None:
    """An http(s) URL as given, else None: a ``javascript:`` link must never reach a page as a link."""
    value = (value or "").strip()
    if not value or len(value) > 2000 or any(ch.isspace() for ch in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _extract(html: str, url: str | None, *, precise: bool) -> ElementTree.Element | None:
    kwargs: dict[str, Any] = {"favor_precision": precise}
    if url:
        kwargs["url"] = url
    documents = _converter().run(sources=[ByteStream(data=html.encode("utf-8"))], extraction_kwargs=kwargs)["documents"]
    if not documents or not documents[0].content:
        return None
    try:  # the extractor's own XML (no DTD, no entities); the standard parser reads it
        return ElementTree.fromstring(documents[0].content)
    except ElementTree.ParseError:
        return None


def _main(root: ElementTree.Element) -> ElementTree.Element:
    main = root.find("main")
    return main if main is not None else root


def _pieces(container: ElementTree.Element) -> Iterator[tuple[str, str]]:
    """``(words, tag)`` of each block, in reading order; containers of blocks are opened up."""
    for child in container:
        tag = child.tag
        if tag in _SKIPPED:
            continue
        if tag in _CONTAINERS and any(grandchild.tag in _BLOCKS for grandchild in child):
            yield from _pieces(child)
            continue
        if tag == "row":
            cells = [_words(cell) for cell in child]
            words = " | ".join(c for c in cells if c)
        else:
            words = _words(child)
        if words:
            yield words, tag


def _words(element: ElementTree.Element) -> str:
    return " ".join(_text_of(element).split())


def _text_of(element: ElementTree.Element) -> str:
    """All text inside ``element``; line breaks and block edges become spaces, skipped parts vanish."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append(" ")
        elif child.tag in _BLOCKS or child.tag == "cell":
            parts.append(f" {_text_of(child)} ")
        elif child.tag not in _SKIPPED:
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(value: str | None) -> str | None:
    words = " ".join((value or "").split())
    return words[:MAX_META_CHARS] or None
