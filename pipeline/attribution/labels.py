"""Transcript labels: who a turn of a transcript, interview or set of remarks belongs to.

Label styles: "NAME:", "SECRETARY SMITH:", "MR. SMITH:", "Katie Hill:", "KH:" (the initials of someone in
the cast), "OBAMA:" (a surname), "((Laura Hale))", a name between two image file names, "NAME, role:" alone
on a line, "President Smith." alone on a line, "Q:"/"QUESTION:"/"MODERATOR:" (the interviewer) and an
organisation's acronym ("VOA:", "WN"),
which is the interviewer's side, never the guest's. A label that is not a person ("MUSIC:", "Show Open:")
or names nobody ("Unidentified Narrator:") closes the turn and gives nothing.

A mixed-case label on its paragraph's first line ("Markarova: ...") could be prose ("Update: ..."): it
counts when it names someone in the cast, is written in capitals, stands alone with a role, is in double
brackets, or opens at least ``MIN_REPEATS`` paragraphs of the article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.attribution.cast import Cast
from pipeline.attribution.phrases import parse_phrase
from pipeline.attribution.records import NounPhrase, Person, Who
from pipeline.attribution.resolution import Resolver
from pipeline.attribution.vocabulary import (
    COMMON_OPENERS,
    EXCLUDED_LABELS,
    FIRST_NAMES,
    HONORIFICS,
    INTERVIEWER,
    INTERVIEWER_WORDS,
    MAX_ACRONYM,
    NAME_SUFFIXES,
    NATIONS,
    NON_PERSON_LABELS,
    PERSON_NOUNS,
    PLACES,
    SPEECH_VERBS,
    TITLE_WORDS,
    UNNAMED_WORDS,
)
from pipeline.roles import LINE_NUMBER, line_numbered
from pipeline.types import Paragraph

# A mixed-case label that names nobody in the cast must open this many paragraphs to count as a label.
MIN_REPEATS = 2
# A hearing's "Mr. Linder. The meeting ..." turns count only when this many paragraphs open that way.
MIN_HEARING_TURNS = 3
# A role after the name ("CAROLYN PRESUTTI, VOA Senior Washington Correspondent:") has at most this many words.
MAX_ROLE_WORDS = 8

_NAME = r"[A-Z][\w’'.-]*(?:[ \t]+(?:[A-Z][\w’'.-]*|of|de|la|van|von|bin|al))*"
_INLINE = re.compile(
    rf"(?P<label>{_NAME})(?:[ \t]*\((?P<aside>[^()\n:]{{1,60}})\))?(?:,[ \t]*(?P<role>[^:\n“”\"]{{1,90}}?))?"
    r"[ \t]*:(?P<alone>[ \t]*$)?[ \t]*"
)
# "Mr. Linder. The meeting will come to order.": a congressional hearing's turn, title and surname then a full stop.
_HEARING_TURN = re.compile(
    r"(?P<label>(?:Mr|Mrs|Ms|Miss|Dr|Chairman|Chairwoman|Senator|Sen|Representative|Rep|Secretary|General|Gen"
    r"|Admiral|Judge|Governor|Ambassador|Director)\.?[ \t]+[A-Z][\w’'-]+(?:[ \t]+of[ \t]+[A-Z][\w’'-]+)?)"
    r"\.[ \t]+(?=[A-Z“\"])"
)
# "I'm Steve Ember." / "This is Faith Lapidus.": a presenter naming themselves.
_PRESENTER = r"(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+){1,2})\b"
_SELF_INTRODUCTION = re.compile(r"\b(?:I['’]m|I am|[Mm]y name is)\s+" + _PRESENTER)
_THIS_IS = re.compile(r"\b[Tt]his is\s+" + _PRESENTER)  # only with a known first name: "This is Science Today"
# "Tracy Watson, USA Today. I guess for Mr. Gerstenmaier ...": a reporter's name and outlet opening a question.
_REPORTER_INTRO = re.compile(_PRESENTER + r",[ \t]+[A-Z][^.?!\n]{1,60}\.[ \t]+(?=\S)")
# The briefer calling on the next reporter at the end of a turn: "Tony, I'll begin with you.", "Yes, Barbara.",
# "Go ahead, Tom."
_CALLED_ON = re.compile(
    r"(?:^|[.!?][ \t]+)(?:(?P<first>[A-Z][a-z]{1,15}),[ \t]+(?:I'll|I’ll|I will|let's|let’s)[ \t]+(?:begin|start|go)"
    r"[ \t]+with[ \t]+you|(?:Yes|Yeah|Sure|Okay|OK|Go ahead),?[ \t]+(?P<then>[A-Z][a-z]{1,15}))[.!]?[ \t]*$")
_BRACKETED = re.compile(r"\(\((?P<label>[^()\n]{1,60})\)\)[ \t]*")
# "Q    Were their families there?": a White House transcript's reporter, a bare Q and a run of spaces; with
# one space, before a stage direction ("Q (Inaudible.)") or a paragraph that is a question ("Q Will he ...?").
_BARE_Q = re.compile(r"(?P<label>Q)(?:[ \t]{2,}|\t|[ ](?=\()|[ ](?=[A-Z][^\n]*\?\s*$))(?=\S)")
# "Wikinews waves Left.pngLaura HaleWikinews waves Right.png Why ...": a label between two images, as a page's
# text comes out with each image's file name in place of the picture; the name ends where the next file name
# starts ("...HaleWikinews").
_IMAGE = r"\.(?i:png|jpe?g|gif|svg|webp)"
_BETWEEN_IMAGES = re.compile(
    rf"[^\n]{{1,60}}?{_IMAGE}(?P<label>[A-Z][^\n]{{0,58}}?[a-z0-9])(?=[A-Z][^\n]{{0,60}}?{_IMAGE})[^\n]{{0,60}}?"
    rf"{_IMAGE}[ \t]*"
)
# A Q&A page's turn lines: "Q: Kathleen from Ventura, California:" (a reader's question) and "A:Bill Allman, White
# House Curator" (who answers), each alone on its line above the words. A one-word name needs "from Place:"
# ("A: Thanks, Bob" is an answer, "Q: I'm Jan Mickelson from WHO Radio." an interviewer introducing himself).
_NAMED_QA = re.compile(
    r"[QA][ \t]*:[ \t]*(?!I\b|I['’]m\b)(?:(?P<asker>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,2})[ \t]+"
    r"(?P<place>from[ \t]+[A-Z][^:\n?.]{1,60}?)[ \t]*:"
    r"|(?P<answerer>[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){1,3}),[ \t]*(?P<role>[A-Z][^:\n?.]{1,80}?)[ \t]*:?)[ \t]*$"
)
# "President Smith." / "Vice President Jane Q. Doe." alone on a line, in remarks as the White House prints them.
_TITLE_LINE = re.compile(r"(?P<label>(?:[A-Z][\w’'-]*\.?[ \t]+){1,5}[A-Z][\w’'-]*)\.[ \t]*$")


@dataclass
class Turn:
    """A labelled turn: its speaker (None for a label that names nobody) and where its words start."""

    who: Who | None
    start: int
    sound_bite: bool = False  # the turn's words are all in quote marks: a clip, not a turn that goes on


@dataclass
class _Candidate:
    label: str
    role: str
    start: int
    alone: bool
    bracketed: bool
    titled: bool = False  # "Vice President Jane Q. Doe." alone on a line


class TranscriptLabels:
    """Finds the label opening a paragraph and the speaker it names."""

    def __init__(
        self, text: str, paragraphs: list[Paragraph], cast: Cast, resolver: Resolver, *, interviewer: Who | None = None
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.interviewer = interviewer  # the interviewer the article names ("interviewed by X"), if any
        self.cast = cast
        self.resolver = resolver
        self.last_guest: str | None = None
        self.voices: dict[str, Who] = {}  # "VOICE ONE" -> the person who introduced themselves in that voice
        self.hearing_turns = sum(
            1 for p in paragraphs if p.role == "body" and _HEARING_TURN.match(text, p.start, p.end) is not None
        )
        self.numbered = line_numbered(text, paragraphs)  # "2 ADMINISTRATOR GRIFFIN: ...": the label after the number
        self.repeats = Counter(c.label.upper() for p in paragraphs if (c := self._candidate(p)) is not None)

    def label(self, paragraph: Paragraph) -> Turn | None:
        """The turn a paragraph opens, or None when it opens with no label."""
        candidate = self._candidate(paragraph)
        if candidate is None:
            return None
        if self._dateline(candidate, self.words_start(paragraph)):
            return None
        who = self._speaker(candidate, self.words_start(paragraph))
        if who is False:
            return None
        if who is None:
            who = self._introduced_voice(candidate, paragraph)
        if isinstance(who, Who) and who.kind == "interviewer":
            who = self._named_reporter(candidate.start, paragraph.end) or self._called_on(paragraph) or who
        words = self.text[candidate.start : paragraph.end].strip()
        sound_bite = len(words) > 1 and words[0] in "“\"" and words[-1] in "”\"" and words.count("“") <= 1
        return Turn(who if isinstance(who, Who) else None, candidate.start, sound_bite)

    def _introduced_voice(self, candidate: _Candidate, paragraph: Paragraph) -> Who | None:
        """"VOICE ONE: ... I'm Steve Ember.": an unnamed voice of a radio script is whoever it says it is, from
        that turn on."""
        key = candidate.label.upper()
        if not set(candidate.label.lower().split()) & UNNAMED_WORDS:
            return None
        end = paragraph.end
        if candidate.alone and paragraph.index + 1 < len(self.paragraphs):
            end = self.paragraphs[paragraph.index + 1].end  # "VOICE ONE:" on its own line, the words below it
        intro = _SELF_INTRODUCTION.search(self.text, candidate.start, end)
        if intro is None:
            intro = _THIS_IS.search(self.text, candidate.start, end)
            if intro is not None and intro.group("name").split()[0].lower() not in FIRST_NAMES:
                intro = None
        if intro is not None and key not in self.voices:
            person = self.cast.add_person(NounPhrase("person", intro.group("name").split(), strong=True), intro.start())
            self.voices[key] = Who((person.name,), candidate.label, False, person.gender)
        return self.voices.get(key)

    def _named_reporter(self, start: int, end: int) -> Who | None:
        """"QUESTIONER: Tracy Watson, USA Today. ...": a reporter who opens the question with name and outlet."""
        found = _REPORTER_INTRO.match(self.text, start, end)
        return self._reporter(found.start("name"), found.end("name")) if found is not None else None

    def _called_on(self, paragraph: Paragraph) -> Who | None:
        """"Tony, I'll begin with you." / "Yes, Barbara." ending the turn before: the reporter who asks next."""
        before = [p for p in self.paragraphs if p.end <= paragraph.start]
        if not before:
            return None
        called = _CALLED_ON.search(self.text, before[-1].start, before[-1].end)
        if called is None:
            return None
        group = "first" if called.group("first") else "then"
        return self._reporter(called.start(group), called.end(group))

    def _reporter(self, start: int, end: int) -> Who | None:
        """The reporter named at ``[start, end)``: a known first name or a name the parser calls a person."""
        name = self.text[start:end]
        parse = self.cast.parse
        if name.split()[0].lower() not in FIRST_NAMES and not (parse is not None and parse.is_person(start, end)):
            return None
        person = self.cast.add_person(NounPhrase("person", name.split(), strong=True), start)
        return Who((person.name,), name, False, person.gender)

    def words_start(self, paragraph: Paragraph) -> int:
        """Where a paragraph's words start: after its line number in a line-numbered transcript."""
        number = LINE_NUMBER.match(self.text, paragraph.start, paragraph.end) if self.numbered else None
        return number.end() if number is not None else paragraph.start

    def _candidate(self, paragraph: Paragraph) -> _Candidate | None:
        if paragraph.role not in {"body", "subheading"}:
            return None
        text, start, end = self.text, self.words_start(paragraph), paragraph.end
        bracketed = _BRACKETED.match(text, start, end) or _BETWEEN_IMAGES.match(text, start, end)
        if bracketed is not None:
            return _Candidate(bracketed.group("label").strip(), "", bracketed.end(), False, True)
        named = _NAMED_QA.match(text, start, end)
        if named is not None:
            name = named.group("asker") or named.group("answerer")
            return _Candidate(name, (named.group("place") or named.group("role")).strip(), end, True, False)
        inline = _INLINE.match(text, start, end)
        if inline is not None:
            role = (inline.group("role") or inline.group("aside") or "").strip()
            if inline.group("aside") and not inline.group("role"):  # "Paul Fulton (Moderator):" is a label inline too
                return _Candidate(inline.group("label").strip(), role, inline.end(), False, False)
            alone = inline.group("alone") is not None
            label = inline.group("label").strip()
            if role and not (alone or label.isupper()):
                return None
            if role and (len(role.split()) > MAX_ROLE_WORDS or set(role.lower().split()) & SPEECH_VERBS):
                return None
            return _Candidate(label, role, paragraph.end if alone else inline.end(), alone, False)
        bare_q = _BARE_Q.match(text, start, end)
        if bare_q is not None:
            return _Candidate("Q", "", bare_q.end(), False, False)
        hearing = _HEARING_TURN.match(text, start, end)
        if hearing is not None and self._hearing_style(hearing.group("label")):
            return _Candidate(hearing.group("label"), "", hearing.end(), False, False, titled=True)
        line = _TITLE_LINE.match(text, start, end)
        if line is not None:
            words = [w.lower().rstrip(".") for w in line.group("label").split()]
            if any(w in TITLE_WORDS or w in HONORIFICS for w in words[:-1]):
                return _Candidate(line.group("label"), "", end, True, False, titled=True)
        return None

    def _hearing_style(self, label: str) -> bool:
        """"Mr. Linder. ..." is a turn in a text made of such turns (a hearing) or when it names someone of the cast."""
        if self.hearing_turns >= MIN_HEARING_TURNS:
            return True
        surname = [w for w in label.split() if w[:1].isupper()][-1]
        person, _ = self.cast.lookup([surname], 0)
        return person is not None

    def _dateline(self, candidate: _Candidate, position: int) -> bool:
        """"LONDON: The government said ...": a place opening a story is a dateline, never a speaker."""
        if candidate.bracketed or candidate.role:
            return False
        label = candidate.label
        lowered = [w.lower().rstrip(".") for w in label.split()]
        if any(w in HONORIFICS or w in TITLE_WORDS for w in lowered):
            return False  # "MR. SHANAHAN:" though the parser takes the surname for a place
        if label.lower() in PLACES or label.lower() in NATIONS:
            return True
        parse = self.cast.parse
        return parse is not None and parse.is_place(position, position + len(label)) and not parse.is_person(
            position, position + len(label)
        )

    def _speaker(self, candidate: _Candidate, position: int) -> Who | bool | None:
        """The speaker of a label; None when it closes a turn naming nobody; False when it is no label."""
        label = candidate.label
        words = label.split()
        lowered = [w.lower().rstrip(".") for w in words]
        if label.upper() in EXCLUDED_LABELS:
            return False
        if label == "A":
            if self.last_guest is not None:
                return Who((self.last_guest,), label)
            people = [w for w in reversed(self.resolver.focus) if w.kind == "person" and w.speakers]
            return Who(people[0].speakers if people else (), label, True)
        if lowered[0] in COMMON_OPENERS and not (candidate.alone or candidate.bracketed or label.isupper()):
            return False
        if set(lowered) & INTERVIEWER_WORDS and len(words) <= 2:
            if lowered[0] in {"q", "question", "questions", "questioner", "interviewer"}:
                if self.interviewer is not None:
                    return Who(self.interviewer.speakers, label, False, self.interviewer.gender, "interviewer")
                return Who((INTERVIEWER,), label, False, None, "interviewer")
            return Who((label.title(),), label, False, None, "interviewer")
        if label.upper() in NON_PERSON_LABELS or set(lowered) & UNNAMED_WORDS:
            return None
        person = self._person(words, lowered, position)
        if person is not None:
            return self._guest(person.name, label, person.gender, uncertain=False)
        if _is_acronym(label):
            if candidate.bracketed or self.repeats[label.upper()] >= MIN_REPEATS:
                return Who((label,), label, False, None, "interviewer")
            return False
        name_words = _name_words(words, lowered)
        confident = (candidate.bracketed or candidate.titled or label.isupper() or bool(candidate.role)
                     or self.repeats[label.upper()] >= MIN_REPEATS)
        if not name_words:
            return self._role(label, lowered, position) if confident or candidate.alone else False
        if not confident:
            return None if candidate.alone else False
        titles = {w for w in lowered if w in TITLE_WORDS}
        phrase = NounPhrase("person", name_words, titles=titles,
                            gender=next((HONORIFICS[w] for w in lowered if HONORIFICS.get(w)), None), strong=True)
        person = self.cast.add_person(phrase, position)
        return self._guest(person.name, label, person.gender, uncertain=False)

    def _person(self, words: list[str], lowered: list[str], position: int) -> Person | None:
        """Someone of the cast named by the label: by name words (titles dropped) or by initials ("KH")."""
        name_words = _name_words(words, lowered)
        for size in (len(name_words), 2, 1):  # "VOA STATE DEPARTMENT CORRESPONDENT SCOTT STEARNS" -> Scott Stearns
            if 0 < size <= len(name_words):
                person, ambiguous = self.cast.lookup([w.rstrip(".") for w in name_words[-size:]], position)
                if person is not None and not (ambiguous and size == 1):
                    return person
        if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 3:
            initials = [p for p in self.cast.persons if _initials(p) == words[0]]
            if len(initials) == 1:
                return initials[0]
        return None

    def _role(self, label: str, lowered: list[str], position: int) -> Who:
        """"THE PRESIDENT:" -> the person of the cast with that title, else the role as written."""
        words = [w.capitalize() for w in lowered if w != "the"]
        phrase = parse_phrase("the", words)
        if phrase is not None and phrase.kind == "role":
            who = self.resolver.resolve_role(phrase, position, label)
            if who.speakers:
                self.resolver.focus.append(who)
                return who
        return Who((" ".join(words),), label, True, None, "entity")

    def _guest(self, name: str, label: str, gender: str | None, *, uncertain: bool) -> Who:
        self.last_guest = name
        who = Who((name,), label, uncertain, gender)
        self.resolver.focus.append(who)
        return who


def _is_acronym(label: str) -> bool:
    return " " not in label and label.isupper() and len(label) <= MAX_ACRONYM


def _initials(person: Person) -> str:
    return "".join(w[0] for w in person.words if w.lower().rstrip(".") not in NAME_SUFFIXES).upper()


def _name_words(words: list[str], lowered: list[str]) -> list[str]:
    """The words of a label that name the person: "SECRETARY SMITH" -> ["SMITH"], "ENGINEER OKONJO" -> ["OKONJO"]."""
    kept = [not (low in HONORIFICS or low in TITLE_WORDS or low in PERSON_NOUNS or low in {"the", "of", "for"})
            for low in lowered]
    if kept and not kept[-1]:
        return []  # "SENIOR ADMINISTRATION OFFICIAL": a role that names nobody ("Administration" is no name)
    if False in kept:  # "SECRETARY OF STATE JOHN KERRY" -> the name after the last title word
        last_title = len(kept) - 1 - kept[::-1].index(False)
        if last_title < len(kept) - 1:
            return words[last_title + 1 :]
    return [w for w, keep in zip(words, kept, strict=True) if keep]
