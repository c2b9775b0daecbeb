"""One article read as a page: the names its header lines give and whether its body speaks in the first person.

The remarks-page reader (``remarks.py``) and the interview reader (``interviews.py``) both ask these questions of
the same article; the answers that are costly (whether the page from a paragraph on is in someone's voice) are
kept.
"""

from __future__ import annotations

import re

from pipeline.attribution.cast import Cast
from pipeline.attribution.mentions import MentionFinder
from pipeline.attribution.quotes import find_quotes
from pipeline.attribution.records import Mention, Who
from pipeline.attribution.resolution import Resolver
from pipeline.attribution.vocabulary import FIRST_PERSON_VOICE, MONTHS
from pipeline.types import Paragraph

# A page counts as one person's speech when at least this share of its unquoted body paragraphs say "I"/"we"
# outside quote marks: a speech does so throughout, a report about a speech almost never.
MIN_VOICE_SHARE = 0.3

# Where a title-case headline's name ends: "Remarks by NASA Administrator Charles Bolden To The National ...".
# "Remarks by President Trump at Listening Session ...": sentence case too.
_NAME_BREAK = re.compile(r"\s(?i:to|at|on|before|for|in|about|during|with|after|following|and)\s|[,:;(—–|]|\s-\s")
# When something was said, alone on a line: a recording's timestamp ("1:49"), "August 4, 2021 at 11:00 a.m. EDT via
# ...", "July 23, 2004 | 11:10 a.m.(EDT)". Nobody's words, even inside a transcript's turn.
_WHEN = (r"\d{1,2}:\d{2}(?::\d{2})?|(?:" + "|".join(sorted(MONTHS)) + r")\s+\d{1,2},\s+"
         r"\d{4}\b(?:\s+at\s+|\s*[|–—-]\s*)\d.*")
_WHEN_LINE = re.compile(rf"(?:{_WHEN})\W*", re.IGNORECASE)
# A date line, "As prepared for delivery", a timestamp: the page's furniture, nobody's words.
_FURNITURE = re.compile(
    r"(?:as prepared(?: for delivery)?|check against delivery|\(?embargoed\b.*|transcript\b.*|[^.!?]{0,40}\d{4}"
    rf"|delivered on\b.*|{_WHEN})\W*",
    re.IGNORECASE,
)


class ArticlePage:
    """The article's text and paragraphs with the cast, mention finder and resolver that read names in them."""

    def __init__(
        self, text: str, paragraphs: list[Paragraph], cast: Cast, finder: MentionFinder, resolver: Resolver
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.cast = cast
        self.finder = finder
        self.resolver = resolver
        self._voiced: dict[int, bool] = {}

    def headline(self) -> Paragraph | None:
        first = self.paragraphs[0] if self.paragraphs else None
        return first if first is not None and first.role == "headline" else None

    def named_in(self, start: int, end: int, *, known_only: bool = False) -> Who | None:
        """The person a stretch of a title names: someone of the cast, else (unless ``known_only``) a new
        person named with at least two words, else a role that resolves to someone of the cast."""
        cut = _NAME_BREAK.search(self.text, start, end)
        end = cut.start() if cut is not None else end
        mentions: list[Mention] = self.finder.mentions(start, end, narration_only=False)
        for mention in mentions:
            phrase = mention.phrase
            if phrase.kind == "person":
                person, _ = self.cast.lookup([w.rstrip(".") for w in phrase.words], mention.start)
                if person is None and not known_only and (len(phrase.words) >= 2 or phrase.titles):
                    person = self.cast.add_person(phrase, mention.start)
                if person is not None:
                    return Who((person.name,), mention.text, False, person.gender)
            elif phrase.kind == "role":
                who = self.resolver.resolve_role(phrase, mention.start, mention.text)
                if who.speakers and who.kind == "person":
                    return who
        return None

    def person_who(self, mention: Mention) -> Who:
        """The cast's person a name mention stands for, added to the cast when new."""
        person, _ = self.cast.lookup([w.rstrip(".") for w in mention.phrase.words], mention.start)
        person = person or self.cast.add_person(mention.phrase, mention.start)
        return Who((person.name,), mention.text, False, person.gender)

    def in_voice(self, from_index: int) -> bool:
        """Whether the body from paragraph ``from_index`` on is someone's own voice: at least ``MIN_VOICE_SHARE``
        of its unquoted paragraphs say "I" or "we"."""
        if from_index in self._voiced:
            return self._voiced[from_index]
        unquoted = [p for p in self.paragraphs[from_index:] if p.role == "body" and not self.has_quotes(p)
                    and not self.furniture(p)]
        voiced = sum(1 for p in unquoted if FIRST_PERSON_VOICE.search(self.text, p.start, p.end))
        self._voiced[from_index] = bool(unquoted) and voiced / len(unquoted) >= MIN_VOICE_SHARE
        return self._voiced[from_index]

    def has_quotes(self, paragraph: Paragraph) -> bool:
        return bool(find_quotes(self.text, paragraph.start, paragraph.end))

    def when_line(self, paragraph: Paragraph) -> bool:
        """A line that only says when ("July 23, 2004 | 11:10 a.m.(EDT)", "1:49")."""
        return _WHEN_LINE.fullmatch(self.text[paragraph.start : paragraph.end].strip()) is not None

    def furniture(self, paragraph: Paragraph) -> bool:
        """A date line, "As prepared for delivery", "Transcript of the speech ...": no one's words."""
        return _FURNITURE.fullmatch(self.text[paragraph.start : paragraph.end].strip()) is not None
