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
    for paragraph in paragraphs:
        body = text[paragraph.start : paragraph.end]
        if in_footer:
            paragraph.role = "boilerplate"
            continue
        paragraph.role = classify_paragraph(body, index=paragraph.index, hint=hints.get(paragraph.index))
        if paragraph.index > 0 and _FOOTER_MARKER.search(body.strip()):
            in_footer = True
