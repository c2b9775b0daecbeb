"""What a link becomes in the corpus: the page fetched (``web_fetch``), its article extracted (``html_text``).

The result is the text to store as a ``.txt`` article (headline, blank line, paragraphs separated by blank
lines: the format ``pipeline.corpus`` reads) and the metadata to keep beside it. Nothing is written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from pipeline.html_text import extract_html
from pipeline.settings import Settings
from pipeline.web_fetch import fetch_page, parse_link


@dataclass
class WebArticle:
    """A fetched article: its stored text and what the page says about itself."""

    text: str
    title: str
    url: str  # where the text came from (after redirects)
    site_name: str | None = None
    published: str | None = None
    author: str | None = None
    canonical_url: str | None = None
    name_hint: str = ""  # words for a file name when the headline gives none


def article_from_link(url: str, settings: Settings) -> WebArticle:
    """Fetch ``url`` and keep its article; raises a ``LinkError`` or ``NotAnArticleError`` saying why not."""
    page = fetch_page(url, settings)
    link = parse_link(page.url)
    segments = [unquote(part) for part in link.path.split("/") if part]
    name_hint = segments[-1].rsplit(".", 1)[0] if segments else link.host
    if not page.is_html:
        text = page.text.lstrip("\ufeff").strip()
        title = " ".join(text.split("\n", 1)[0].split())
        return WebArticle(text=f"{text}\n", title=title, url=page.url, name_hint=name_hint)
    extracted = extract_html(page.text, source=f"the page at {page.url}", url=page.url)
    return WebArticle(
        text=f"{extracted.text}\n",
        title=extracted.title or "",
        url=page.url,
        site_name=extracted.publisher,
        published=extracted.published,
        author=extracted.author,
        canonical_url=extracted.url if extracted.url != page.url else None,
        name_hint=name_hint,
    )
