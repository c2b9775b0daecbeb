"""Plain data that crosses module boundaries. Offsets always index ``Article.text``.

For ``.txt`` and ``.md`` articles ``Article.text`` is the file decoded as UTF-8, so
``text == file_text[start:end]`` holds for every span the engine hands out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["headline", "subheading", "body", "caption", "boilerplate"]
StatementKind = Literal["direct", "reported"]
Verdict = Literal["verbatim", "altered", "paraphrase", "misattributed", "not_found"]
DiffOp = Literal["replace", "insert", "delete"]


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int


@dataclass
class Paragraph:
    """A block of text separated from its neighbours by a blank line (or an HTML block)."""

    index: int
    start: int
    end: int
    role: Role = "body"


@dataclass
class Article:
    """One source article, parsed but not yet indexed."""

    doc_id: str
    title: str
    text: str
    paragraphs: list[Paragraph]
    publisher: str | None = None
    published: str | None = None
    source_type: str = "txt"
    content_hash: str = ""
    size_bytes: int = 0
    author: str | None = None
    url: str | None = None  # the link it was added from
    canonical_url: str | None = None  # the address the page gives for itself (<link rel=canonical>)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph holding character ``offset``, if any."""
        for paragraph in self.paragraphs:
            if paragraph.start <= offset < paragraph.end:
                return paragraph
        return None


@dataclass
class Statement:
    """Something the article says a person said: a direct quotation or reported speech."""

    doc_id: str
    title: str
    text: str
    start: int
    end: int
    speaker: str | None
    kind: StatementKind
    paragraph: int = 0
    mention: str | None = None  # how the speaker is named where the statement is made ("He", "Mr Johnson")
    is_caption: bool = False
    uncertain: bool = False


@dataclass
class Citation:
    """Exact source words backing an answer; ``paragraph_start/end`` are the offsets of the enclosing paragraph."""

    doc_id: str
    title: str
    text: str
    start: int
    end: int
    score: float
    speaker: str | None = None
    role: Role = "body"
    publisher: str | None = None
    published: str | None = None
    paragraph_start: int = 0
    paragraph_end: int = 0


@dataclass
class AskResult:
    question: str
    answer: str | None
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    route: Literal["passages", "speaker"] = "passages"
    # Where the answer text sits, when it is one span of one article.
    answer_doc_id: str | None = None
    answer_start: int | None = None
    answer_end: int | None = None
    confidence: float = 0.0
    # Shown when abstaining: closest passages, clearly not an answer.
    closest: list[Citation] = field(default_factory=list)
    # The phrase inside the answer that answers the question ("Lviv", "125,000"), with its offsets in the
    # same article as the answer; None when the question asks for no name, place, date or number.
    short_answer: str | None = None
    short_answer_start: int | None = None
    short_answer_end: int | None = None


@dataclass
class Difference:
    op: DiffOp
    quote: str
    source: str


@dataclass
class QuoteMatch:
    """The source words a quote was matched to; ``paragraph_start/end`` are offsets of the enclosing paragraph(s)."""

    doc_id: str
    title: str
    text: str
    start: int
    end: int
    speaker: str | None
    publisher: str | None = None
    published: str | None = None
    paragraph_start: int = 0
    paragraph_end: int = 0
    url: str | None = None  # the article's own address, so an export can cite it


@dataclass
class CheckResult:
    quote: str
    speaker: str | None
    verdict: Verdict
    similarity: float
    match: QuoteMatch | None = None
    differences: list[Difference] = field(default_factory=list)
    explanation: str = ""


@dataclass
class QuotesResult:
    speaker: str | None
    quotes: list[Statement] = field(default_factory=list)


@dataclass
class DocumentInfo:
    doc_id: str
    title: str
    publisher: str | None
    published: str | None
    size_bytes: int
    passages: int
    quotes: int
    source_type: str = "txt"
    author: str | None = None
    url: str | None = None
    canonical_url: str | None = None


@dataclass
class CorpusWarning:
    """A file that was skipped, and why."""

    path: str
    message: str
