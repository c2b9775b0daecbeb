"""Paragraph roles: headline, subheading, body, caption, boilerplate.

Roles decide what may be cited: boilerplate never, a caption only as a caption.
"""

from __future__ import annotations

import re

from pipeline.types import Paragraph, Role

_CAPTION = re.compile(
    r"\((?:image|images|photo|photos|picture|pictures|pic|credit|credits|source|illustration|video|graphic)"
    r"\s*:[^()]*\)\s*\.?$",
    re.IGNORECASE,
)
_CAPTION_PREFIX = re.compile(r"^(?:image|photo|picture|pictured|credit)\s*:", re.IGNORECASE)
# A marker after which the rest of the article is the publisher's, not the story's.
_FOOTER_MARKER = re.compile(
    r"^(?:a\s+)?message from the editor|^(?:related|recommended|more) (?:articles|stories|reading)\s*:?$"
    r"|^read more\s*:?$|^you may also like",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"thank you for reading|sign up (?:to|for) (?:our|the)\b.*newsletter|follow us on (?:facebook|twitter|instagram)"
    r"|^advertisement$|all rights reserved|^©|^copyright\b|^subscribe\b|cookie policy|^share this (?:article|story)",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"""[.!:;"”’'…)]$""")
SUBHEADING_MAX_WORDS = 14
# "3 was a flawless count and a majestic launch, and it was": a transcript taken from a PDF keeps each page's
# line numbers, one line a paragraph. Such lines are running text, not headings, when at least this share of
# the article's paragraphs (and this many) open with a line number.
LINE_NUMBER = re.compile(r"\d{1,2}[ \t]+(?=\S)")
MIN_NUMBERED_SHARE = 0.5
MIN_NUMBERED_LINES = 5


def line_numbered(text: str, paragraphs: list[Paragraph]) -> bool:
    """Whether the article is a line-numbered transcript."""
    numbered = sum(1 for p in paragraphs if p.index > 0 and LINE_NUMBER.match(text, p.start, p.end))
    return numbered >= MIN_NUMBERED_LINES and numbered >= MIN_NUMBERED_SHARE * (len(paragraphs) - 1)


def classify_paragraph(text: str, *, index: int, hint: Role | None = None) -> Role:
    """The role of one paragraph judged on its own (the footer rule needs its neighbours)."""
    stripped = text.strip()
    if index == 0:
        return "headline"
    if _BOILERPLATE.search(stripped) or _FOOTER_MARKER.search(stripped):
        return "boilerplate"
    if hint is not None:
        return hint
    if _CAPTION.search(stripped) or _CAPTION_PREFIX.search(stripped):
        return "caption"
    words = stripped.split()
    opens_with_quote = stripped[:1] in "\"“‘'"
    if len(words) <= SUBHEADING_MAX_WORDS and not opens_with_quote:
        if stripped.endswith("?") or not _TERMINAL.search(stripped):
            return "subheading"
    return "body"


def assign_roles(text: str, paragraphs: list[Paragraph], hints: dict[int, Role] | None = None) -> None:
    """Set ``role`` on every paragraph in place; everything after a footer marker is boilerplate."""
    hints = hints or {}
    in_footer = False
    numbered = line_numbered(text, paragraphs)
    for paragraph in paragraphs:
        body = text[paragraph.start : paragraph.end]
        if in_footer:
            paragraph.role = "boilerplate"
            continue
        paragraph.role = classify_paragraph(body, index=paragraph.index, hint=hints.get(paragraph.index))
        if numbered and paragraph.role == "subheading" and LINE_NUMBER.match(body):
            paragraph.role = "body"
        if paragraph.index > 0 and _FOOTER_MARKER.search(body.strip()):
            in_footer = True
