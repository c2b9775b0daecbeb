"""An interview printed as questions and answers, and who asks its questions.

* **Question-and-answer interview.** A headline that says it is an interview and names the guest ("Wikinews
  interviews Jane Doe, candidate for ..."), and at least ``MIN_QUESTIONS`` unlabelled paragraphs that are
  each one question: a question is the interviewer's, the paragraphs after it, up to the next question,
  are the guest's answer. A questions feature ("10 Questions for Our New Head of Science", "These rescue
  swimmers have answers") is one too when its answers speak in the first person; its guest is the person
  the headline names, else the one its introduction names most, and a question signed by a reader
  ("...? – Jennifer LaRowe") is that reader's.
* **Named interviewer.** "... interviewed by VOA correspondent Scott Stearns": the interviewer's turns
  ("QUESTION:", "Q") carry that name instead of "Interviewer".
"""

from __future__ import annotations

import re

from pipeline.attribution.page import ArticlePage
from pipeline.attribution.records import Who
from pipeline.attribution.vocabulary import INTERVIEWER
from pipeline.types import Paragraph

# An interview printed as questions and answers has at least this many question paragraphs.
MIN_QUESTIONS = 3
# How far after "interviewed by" the interviewer's name may stand ("by VOA State Department Correspondent X").
INTERVIEWER_NAME_REACH = 80

_INTERVIEW_HEADLINE = re.compile(r"\b(?:interview(?:s|ed)?|Q\s?&\s?A|in conversation with)\b", re.IGNORECASE)
# A feature printed as questions and answers that does not call itself an interview: "10 Questions for Our New Head
# of Science", "Five questions with ...", "Got questions? These rescue swimmers have answers."
_QUESTIONS_HEADLINE = re.compile(
    r"\b(?:\d+|three|four|five|six|seven|eight|nine|ten)\s+questions\b|\bquestions\s+(?:for|with|to)\b"
    r"|\b(?:have|has|with)\s+(?:the\s+)?answers\b|\banswers?\s+(?:your|our|readers[’']?)\s+questions\b",
    re.IGNORECASE,
)
# A reader's question signed after its question mark: "... as the person you helped? – Jennifer LaRowe".
_QUESTION_SIGNATURE = re.compile(r"\?\s*(?:—|–|--|-)\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*$")
_INTERVIEWED_BY = re.compile(r"\binterviewed\s+by\s+", re.IGNORECASE)
# "Interview With Dave Levora of AM Quad Cities, WOC Radio": a journalist named with an outlet holds the interview.
_INTERVIEW_WITH = re.compile(r"\b[Ii]nterview\s+[Ww]ith\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})"
                             r"\s+(?:of|from)\s+[A-Z0-9]")  # "of 102.6 Choice FM": a station by its frequency
# "Interview with WHO-AM Radio's Jan Mickelson": the outlet's journalist, named after its possessive.
_INTERVIEW_WITH_OUTLETS = re.compile(r"\b[Ii]nterview\s+[Ww]ith\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['’]s\s+"
                                     r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,2})\s*$")
# The interviewer introducing themselves in a question turn: "Q:  I'm Jan Mickelson from WHO Radio ...".
_ASKER_INTRODUCES = re.compile(r"(?:Q|QUESTION|HOST|INTERVIEWER)\s*:\s*(?:[^\n]{0,40}?\b)?(?:I['’]m|I am|[Mm]y name is)"
                               r"\s+(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+){1,2})\b")


def interview_headline(line: str) -> bool:
    """A headline that says its page is an interview or a questions feature: two voices, not one speech."""
    return _INTERVIEW_HEADLINE.search(line) is not None or _QUESTIONS_HEADLINE.search(line) is not None


class InterviewReader:
    """Names the interviewer, then (once the page's other forms are read) the guest who answers."""

    def __init__(self, page: ArticlePage) -> None:
        self.page = page
        self.interviewer = self._named_interviewer()

    def guest(self) -> Who | None:
        """The guest of an interview headline that names them; of a questions feature ("10 Questions for Our New
        Head of Science"), the person its introduction names most (there the headline may name only a role)."""
        headline = self.page.headline()
        if headline is None:
            return None
        interview = _INTERVIEW_HEADLINE.search(self.page.text, headline.start, headline.end) is not None
        feature = _QUESTIONS_HEADLINE.search(self.page.text, headline.start, headline.end) is not None
        if not (interview or feature):
            return None
        questions = [i for i, p in enumerate(self.page.paragraphs) if i > 0 and self.is_question(p)]
        if len(questions) < (MIN_QUESTIONS if interview else 1):
            return None
        if not interview and not self.page.in_voice(questions[0]):
            return None  # an explainer's questions ("Five questions for the new government") answered in narration
        named = self.page.named_in(headline.start, headline.end, known_only=True)
        if named is not None or not feature:
            return named
        return self._most_named(self.page.paragraphs[1 : questions[0]])

    def _most_named(self, paragraphs: list[Paragraph]) -> Who | None:
        """The person of the cast these paragraphs name most often (the later one of a tie)."""
        counts: dict[str, int] = {}
        last: dict[str, Who] = {}
        for paragraph in paragraphs:
            for mention in self.page.finder.mentions(paragraph.start, paragraph.end, narration_only=False):
                if mention.phrase.kind != "person":
                    continue
                person, _ = self.page.cast.lookup([w.rstrip(".") for w in mention.phrase.words], mention.start)
                if person is not None:
                    counts[person.name] = counts.get(person.name, 0) + 1
                    last[person.name] = Who((person.name,), mention.text, False, person.gender)
        if not counts:
            return None
        return last[max(reversed(list(counts)), key=lambda name: counts[name])]

    def is_question(self, paragraph: Paragraph) -> bool:
        """A paragraph that is one question (or two short ones) asked of the guest, perhaps signed by the reader
        who asked it ("...? – Jennifer LaRowe")."""
        words = self.page.text[paragraph.start : paragraph.end].strip()
        signed = _QUESTION_SIGNATURE.search(words)
        if signed is not None:
            words = words[: signed.start() + 1]
        return paragraph.role in {"body", "subheading"} and words.endswith("?") and words.count("?") <= 2 \
            and not self.page.has_quotes(paragraph)

    def asker_of(self, paragraph: Paragraph) -> Who:
        """Who asks a question: the reader who signed it, else the interviewer."""
        end = paragraph.start + len(self.page.text[paragraph.start : paragraph.end].rstrip())
        signed = _QUESTION_SIGNATURE.search(self.page.text, paragraph.start, end)
        if signed is not None:
            who = self.page.named_in(signed.start("name"), signed.end("name"))
            if who is not None and who.kind == "person":
                return who
        return self.interviewer_who()

    def interviewer_who(self) -> Who:
        return self.interviewer or Who((INTERVIEWER,), None, False, None, "interviewer")

    def _named_interviewer(self) -> Who | None:
        journalist = self._journalist_in_headline() or self._asker_introduced()
        if journalist is not None:  # "Interview With Dave Levora of AM Quad Cities": the one asking the questions
            who = self.page.named_in(journalist.start("name"), journalist.end("name"))
            if who is not None and who.kind == "person":
                return Who(who.speakers, who.mention, False, who.gender, "interviewer")
        for paragraph in self.page.paragraphs[1:]:
            found = _INTERVIEWED_BY.search(self.page.text, paragraph.start, paragraph.end)
            if found is None:
                continue
            end = min(paragraph.end, found.end() + INTERVIEWER_NAME_REACH)
            who = self.page.named_in(found.end(), end, known_only=True)
            if who is not None:
                return Who(who.speakers, who.mention, False, who.gender, "interviewer")
        return None

    def _journalist_in_headline(self) -> re.Match[str] | None:
        """"Interview With Dave Levora of AM Quad Cities", "Interview with WHO-AM Radio's Jan Mickelson"."""
        headline = self.page.headline()
        if headline is None:
            return None
        return _INTERVIEW_WITH.search(self.page.text, headline.start, headline.end) \
            or _INTERVIEW_WITH_OUTLETS.search(self.page.text, headline.start, headline.end)

    def _asker_introduced(self) -> re.Match[str] | None:
        """"Q:  I'm Jan Mickelson from WHO Radio ...": the first question turn in which the asker says who they are."""
        for paragraph in self.page.paragraphs[1:]:
            found = _ASKER_INTRODUCES.match(self.page.text, paragraph.start, paragraph.end)
            if found is not None:
                return found
        return None
