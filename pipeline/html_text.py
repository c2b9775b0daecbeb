"""Main text of an HTML page: one paragraph per block, scripts and page furniture dropped.

The text handed on is plain (never HTML), so whatever a hostile page holds can only ever be
shown as text. Offsets of an HTML article index this extracted text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from pipeline.types import Role

_DROP = ["script", "style", "noscript", "template", "iframe", "svg", "nav", "header", "footer", "aside", "form",
         "button", "object", "embed"]
_BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "pre"]


@dataclass
class ExtractedHtml:
    text: str
    blocks: list[tuple[int, int]]
    hints: dict[int, Role] = field(default_factory=dict)
    publisher: str | None = None
    published: str | None = None


def extract_html(html: str) -> ExtractedHtml:
    soup = BeautifulSoup(html, "html.parser")
    publisher = _meta(soup, "og:site_name") or _meta(soup, "publisher")
    published = _meta(soup, "article:published_time") or _meta(soup, "date")
    if published is None:
        time_tag = soup.find("time", attrs={"datetime": True})
        published = str(time_tag["datetime"]) if time_tag else None
    title = _meta(soup, "og:title")
    if title is None and soup.title and soup.title.string:
        title = soup.title.string
    for tag in soup(_DROP):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    pieces: list[tuple[str, Role | None]] = []
    for element in root.find_all(_BLOCKS):
        if element.find_parent(_BLOCKS) is not None:
            continue  # its text is part of an enclosing block
        words = " ".join(element.get_text(" ").split())
        if not words:
            continue
        name = element.name
        role: Role | None = None
        if name == "figcaption":
            role = "caption"
        elif name in {"h2", "h3", "h4", "h5", "h6"}:
            role = "subheading"
        pieces.append((words, role))
    if not pieces:
        loose = " ".join(root.get_text(" ").split())
        if loose:
            pieces.append((loose, None))
    title = " ".join(title.split()) if title else None
    # The page's <h1> is the headline when it has one; otherwise its <title> (or og:title) becomes it.
    has_h1 = soup.find("h1") is not None
    if title and not has_h1 and (not pieces or pieces[0][0] != title):
        pieces.insert(0, (title, None))
    text_parts: list[str] = []
    blocks: list[tuple[int, int]] = []
    hints: dict[int, Role] = {}
    cursor = 0
    for index, (words, role) in enumerate(pieces):
        if text_parts:
            text_parts.append("\n\n")
            cursor += 2
        blocks.append((cursor, cursor + len(words)))
        text_parts.append(words)
        cursor += len(words)
        if role is not None and index > 0:
            hints[index] = role
    return ExtractedHtml("".join(text_parts), blocks, hints, publisher, published)


def _meta(soup: BeautifulSoup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    if tag is None or not tag.get("content"):
        return None
    return " ".join(str(tag["content"]).split()) or None
