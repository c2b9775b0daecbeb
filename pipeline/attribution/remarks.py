"""A remarks page: a page that is one person's speech, and a statement a paragraph introduces as someone's.

A headline (or an opening line) "Remarks by X", "Speech by X", "Statement from X", "Testimony of X",
"Address by X" names the speaker of the page; a headline that only says it is a speech ("Sports Minister
outlines priorities in first major speech") leaves the speaker to the lead ("Tracey Crouch has said ..."); a
standfirst that opens "Statement by X, ..." names them too. From there on, every body paragraph without a
label or furniture (date lines, "As prepared for delivery", "Ends") is the speaker's words, provided the page
is written in their voice (``page.MIN_VOICE_SHARE``). A report *about* a speech is narration and fails that
test. Other headers name the speaker too: "Occasion: Person Name", a byline "By Chairman X", an office the
speaker claims early on ("my job as Deputy Secretary"), and, in a transcript whose header names the spoken
event but no one, a speaker who introduces themselves ("This is Lauren Gaches with ..."). Words the speaker
quotes from someone named keep that person as their speaker too (the tighter statement decides a quote check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.attribution.interviews import interview_headline
from pipeline.attribution.page import ArticlePage
from pipeline.attribution.records import Who
from pipeline.attribution.vocabulary import (
    FIRST_PERSON_VOICE,
    NON_PERSON_LABELS,
    SPEECH_NOUNS,
    SPOKEN_EVENT,
    TITLE_WORDS,
)
from pipeline.types import Paragraph

# The lead that names the speaker of a page titled only "... speech" is within this many paragraphs of the top.
LEAD_PARAGRAPHS = 4
# The header block of a remarks page (headline, speaker, venue, date lines) is at most this many lines.
_HEADER_LINES = 6
# A header line that only names someone ("Jane Q. Doe, Secretary of Labor") has at most this many words.
NAME_LINE_MAX_WORDS = 12
_SPEECH_NOUN = "(?:" + "|".join(SPEECH_NOUNS) + ")"
_HEADER = re.compile(
    rf"\b(?:(?:prepared|opening|closing|keynote)\s+)?{_SPEECH_NOUN}(?:(?:\s+as\s+prepared(?:\s+for\s+delivery)?)?"
    r"\s+(?:by|of|from)|\s+as\s+prepared\s+for(?!\s+delivery\b))\s+",  # "Remarks as Prepared for Secretary X"
    re.IGNORECASE,
)
# A standfirst that opens with what the page is and who gave it: "Statement by Ambassador X, UK ...".
# "Below is the text of the speech made by X, ..." announces the speech: the publisher's line, not X's words.
_STANDFIRST = re.compile(
    r"\s*(?:(?:below\s+is|the\s+following\s+is|this\s+is)\s+(?:the\s+)?(?:full\s+)?(?:text|transcript)\s+of\s+"
    rf"(?:the\s+|a\s+|an\s+)?)?(?:(?:prepared|opening|closing|keynote)\s+)?{_SPEECH_NOUN}\s+"
    r"(?:(?:made|delivered|given)\s+by|by|of|from)\s+",
    re.IGNORECASE,
)
_SPEECH_HEADLINE = re.compile(rf"\b{_SPEECH_NOUN}\b", re.IGNORECASE)
# "The following is a statement from NASA Administrator Bill Nelson on ...:" introduces that person's words.
# "Below is a statement that can be attributed to Tony Sayegh, ...:" too.
_STATEMENT_INTRO = re.compile(
    rf"\b{_SPEECH_NOUN}\s+(?:from|by|of|(?:that\s+(?:can|may|should)\s+be\s+)?attribut(?:ed|able)\s+to)\s+",
    re.IGNORECASE,
)
# "The following is a statement from X regarding ...." announces what comes after it, with or without a colon.
_FOLLOWING = re.compile(r"\s*(?:the\s+following\s+(?:is|are)|below\s+(?:is|are))\b", re.IGNORECASE)
# "... X's remarks are below:" / "... as follows:": the paragraphs after are those remarks.
_BELOW = re.compile(r"\b(?:below|follows?|following)\s*:\s*$", re.IGNORECASE)
# "Below are excerpts from X's speech:" / "The following is the text of X's remarks:": what comes before the name.
_EXCERPTS = re.compile(r"\b(?:excerpts?|text|transcript)\s+(?:is\s+)?(?:from|of)\s+", re.IGNORECASE)
# "X, Assistant to the President, issued the following statement:" introduces X's words.
_ISSUED_STATEMENT = re.compile(
    rf"\b(?:issued|released|gave|delivered|made|read|sent)\s+(?:the\s+following|this|a|the)\s+{_SPEECH_NOUN}\b",
    re.IGNORECASE,
)
_LINE_LABEL = re.compile(r"([A-Za-z][A-Za-z ]{0,30}?)\s*:")
# A transcript whose header names the spoken event but no one: "Good morning. This is Lauren Gaches with NOAA's
# Office of Public Affairs." names who speaks its unlabelled paragraphs.
_SELF_INTRODUCED = re.compile(r"\b(?:[Tt]his is|[Mm]y name is|I['’]m|I am)\s+(?=[A-Z][\w.’'-]*\s+[A-Z])")
_END_OF_SPEECH = re.compile(r"[-–—\s]*(?:ends|end|#{3}|\*{3})[-–—\s]*|notes? to editors:?|media contacts?:?",
                            re.IGNORECASE)
# "Deputy Secretary Ames's Remarks at ...": the speaker before a possessive.
# "NASA Administrator’s Launch Day Message": up to three words may name the occasion.
_POSSESSIVE_SPEECH = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,3}}?{_SPEECH_NOUN}\b", re.IGNORECASE)
# "As delivered by Secretary of Defense Jane Q. Doe, Washington, D.C.": who gave the speech.
_DELIVERED_BY = re.compile(r"\b(?:as\s+)?(?:delivered|given|presented)\s+by\s+", re.IGNORECASE)
# A byline in the header ("By Chairman Ann Hersh"): over a page in the first person, its author's words.
_BYLINE = re.compile(r"(?<![^\n])[ \t]*(?:(?:[Ww]ritten|[Pp]osted)\s+)?[Bb]y:?\s+(?=[A-Z])")
# A header naming the page an official's blog post or opinion piece: the bylined author's own writing, whatever
# share of it says "I" ("Written by: John H. Thompson" under "Census Directors Blog").
_AUTHORED = re.compile(r"\b(?:blog|op-ed|opinion|commentary|column)\b", re.IGNORECASE)
# A speaker saying which office they hold: "my job as Deputy Secretary", "As Secretary of Energy, I".
_SELF_NAMED = re.compile(
    r"\b(?:[Mm]y\s+(?:job|role|time|tenure|first\s+\w+)\s+as|I\s+am|I['’]m)\s+(?:the\s+)?"
    r"(?P<role>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*(?:\s+of\s+[A-Z][\w-]*)?)\b"
    r"|\b[Aa]s\s+(?:the\s+)?(?P<as_role>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*(?:\s+of\s+[A-Z][\w-]*)?)\s*,\s+I\b"
)


@dataclass
class PresenterLines:
    """A broadcast script's opening spoken by its presenter: paragraphs ``[start, end)``."""

    who: Who
    start: int
    end: int


@dataclass
class SpeechPage:
    """The speaker of a remarks page, from the paragraph where their words begin."""

    who: Who | None  # None until the lead names the speaker of a page titled only "... speech"
    from_index: int
    authored: bool = False  # a blog post or opinion piece under its author's byline: theirs in any voice


class RemarksReader:
    """Reads a page's header block for a speech and who gave it, and a paragraph for a statement it introduces."""

    def __init__(self, page: ArticlePage) -> None:
        self.page = page

    def speech_page(self) -> SpeechPage | None:
        """A header block that says it is a speech ("Remarks", "Speech", "As delivered") and who gave it: in
        "Remarks by X", "X's remarks", "As delivered by X", or a line that only names X. A standfirst that
        announces the speech ("Below is the text of the speech made by X") is not part of it."""
        page = self._speech_page()
        standfirst = self._standfirst(page.from_index) if page is not None else None
        if page is not None and standfirst is not None and standfirst.from_index > page.from_index:
            return SpeechPage(page.who, standfirst.from_index, page.authored)
        return page

    def _speech_page(self) -> SpeechPage | None:
        header = []
        for index, paragraph in enumerate(self.page.paragraphs[:_HEADER_LINES]):
            if paragraph.role not in {"headline", "subheading"} and index > 0:
                break
            header.append((index, paragraph))
        if not header:
            return None
        first_body = header[-1][0] + 1
        standfirst = self._standfirst(first_body)
        occasion = self._occasion_and_name(header[0][1])
        if occasion is not None:
            return SpeechPage(occasion, first_body)
        if standfirst is None and any(SPOKEN_EVENT.search(self.page.text, p.start, p.end) for _, p in header):
            introduced = self._self_introduced(first_body)
            if introduced is not None:
                return SpeechPage(introduced, first_body)
        if not any(_SPEECH_HEADLINE.search(self.page.text, p.start, p.end)
                   or _DELIVERED_BY.search(self.page.text, p.start, p.end)
                   or _BYLINE.match(self.page.text, p.start, p.end) for _, p in header):
            return standfirst
        for position, (_, paragraph) in enumerate(header):
            for pattern in (_HEADER, _DELIVERED_BY, _BYLINE):
                found = pattern.search(self.page.text, paragraph.start, paragraph.end)
                who = self.page.named_in(found.end(), paragraph.end) if found is not None else None
                if found is not None and who is None and not self.page.text[found.end() : paragraph.end].strip() \
                        and position + 1 < len(header):  # "Remarks as prepared for delivery by" / the name below
                    below = header[position + 1][1]
                    who = self.page.named_in(below.start, below.end)
                if who is not None:
                    authored = pattern is _BYLINE and any(
                        _AUTHORED.search(self.page.text, p.start, p.end) for _, p in header)
                    return SpeechPage(who, first_body, authored)
            possessive = _POSSESSIVE_SPEECH.search(self.page.text, paragraph.start, paragraph.end)
            if possessive is not None:
                who = self.page.named_in(paragraph.start, possessive.start()) or self._unnamed_role(
                    paragraph.start, possessive.start())
                if who is not None:
                    return SpeechPage(who, first_body)
        for _, paragraph in header:  # the headline too: "Secretary of Labor Hilda L. Solis" over her remarks
            who = self._name_line(paragraph)
            if who is not None:
                return SpeechPage(who, first_body)
        return standfirst or SpeechPage(self._self_named(first_body), first_body)

    def presenter_lines(self) -> PresenterLines | None:
        """"Hello, and welcome to As It Is ..." / "I'm Christopher Cruise in Washington." / "Today on the program, we
        report on ...": a script whose presenter introduces themselves in one of its first unquoted paragraphs
        speaks those opening paragraphs and the first-person ones right after; the report that follows is
        narration."""
        body = [i for i, p in enumerate(self.page.paragraphs) if p.role == "body"]
        if not body:
            return None
        first = body[0]
        for index in range(first, min(len(self.page.paragraphs), first + LEAD_PARAGRAPHS)):
            paragraph = self.page.paragraphs[index]
            if paragraph.role != "body" or self.page.has_quotes(paragraph):
                return None  # the opening is the presenter's own words, or no opening at all
            found = _SELF_INTRODUCED.search(self.page.text, paragraph.start, paragraph.end)
            who = self.page.named_in(found.end(), paragraph.end) if found is not None else None
            if who is None or who.kind != "person":
                continue
            end = index + 1
            while end < len(self.page.paragraphs) and self._presenter_goes_on(self.page.paragraphs[end]):
                end += 1
            return PresenterLines(who, first, end)
        return None

    def _presenter_goes_on(self, paragraph: Paragraph) -> bool:
        return paragraph.role == "body" and not self.page.has_quotes(paragraph) \
            and FIRST_PERSON_VOICE.search(self.page.text, paragraph.start, paragraph.end) is not None

    def _self_introduced(self, first_body: int) -> Who | None:
        """"This is Lauren Gaches with ...", "My name is X", "I'm X" early in an unlabelled transcript: X speaks."""
        for paragraph in self.page.paragraphs[first_body : first_body + LEAD_PARAGRAPHS]:
            found = _SELF_INTRODUCED.search(self.page.text, paragraph.start, paragraph.end)
            if found is None or paragraph.role != "body":
                continue
            who = self.page.named_in(found.end(), paragraph.end)
            if who is not None and who.kind == "person":
                return who
        return None

    def _self_named(self, first_body: int) -> Who | None:
        """A speech whose header names no one, in which the speaker says who they are early on: "I've been in my
        job as Deputy Secretary for ten weeks", "As Secretary of Energy, I ...": the role speaks."""
        for paragraph in self.page.paragraphs[first_body : first_body + LEAD_PARAGRAPHS]:
            found = _SELF_NAMED.search(self.page.text, paragraph.start, paragraph.end)
            if paragraph.role != "body" or found is None:
                continue
            role = found.group("role") or found.group("as_role")
            words = role.split()
            head = words[words.index("of") - 1] if "of" in words else words[-1]
            if head.lower() in TITLE_WORDS:
                return Who((role,), role, False, None, "entity")
        return None

    def _occasion_and_name(self, headline: Paragraph) -> Who | None:
        """"NIST Centennial Gala: Karen Brown" (or the other way round): a headline whose one side of a colon is
        only a person's name heads that person's words (the page must still be in their voice to be theirs)."""
        line = self.page.text[headline.start : headline.end]
        if interview_headline(line):
            return None  # "Astronaut Candidate Interview: Joseph Acaba": two voices, read as an interview
        colon = line.find(":")
        if colon <= 0 or ":" in line[colon + 1 :]:
            return None
        parse = self.page.cast.parse
        for start, end in ((headline.start, headline.start + colon), (headline.start + colon + 1, headline.end)):
            side = self.page.text[start:end].strip()
            mentions = self.page.finder.mentions(start, end, narration_only=False)
            if len(mentions) != 1 or mentions[0].text.strip() != side or mentions[0].phrase.kind != "person":
                continue
            mention = mentions[0]
            if len(mention.phrase.words) >= 2 and (parse is None or parse.is_person(mention.start, mention.end)):
                return self.page.person_who(mention)
        return None

    def _standfirst(self, first_body: int) -> SpeechPage | None:
        """A lead paragraph that opens "Statement by X, ..." / "Remarks by X at ...": X speaks every paragraph
        after it (a UN statement published under a press-release headline)."""
        for index in range(first_body, min(len(self.page.paragraphs), first_body + LEAD_PARAGRAPHS)):
            paragraph = self.page.paragraphs[index]
            opening = _STANDFIRST.match(self.page.text, paragraph.start, paragraph.end)
            who = self.page.named_in(opening.end(), paragraph.end) if opening is not None else None
            if who is not None:
                return SpeechPage(who, index + 1)
        return None

    def _unnamed_role(self, start: int, end: int) -> Who | None:
        """A role the page never names anyone in ("NASA Administrator’s ... Message"): the speaker is the role."""
        stretch = self.page.text[start:end].strip()
        roles = [m for m in self.page.finder.mentions(start, end, narration_only=False) if m.phrase.kind == "role"]
        if len(roles) != 1 or roles[0].text.strip() != stretch:
            return None
        return Who((stretch,), stretch, False, None, "entity")

    def _name_line(self, paragraph: Paragraph) -> Who | None:
        """A header line that is only a person's name, perhaps with their title ("Jane Q. Doe, Secretary of Labor")."""
        # "John Glen – 2018 Speech at ...": the speaker stands before what the page is; after it ("Remarks to the
        # Foreign Affairs Forum") stand the audience and the venue, however many words they take
        speech_noun = _SPEECH_HEADLINE.search(self.page.text, paragraph.start, paragraph.end)
        name_end = speech_noun.start() if speech_noun is not None else paragraph.end
        words = self.page.text[paragraph.start : paragraph.end].split()
        if not words or len(self.page.text[paragraph.start : name_end].split()) > NAME_LINE_MAX_WORDS \
                or words[-1][-1:] in ".!?:":
            return None
        label = _LINE_LABEL.match(self.page.text, paragraph.start, paragraph.end)
        if label is not None and label.group(1).upper() in NON_PERSON_LABELS:
            return None  # "Contact: Erica Lepping (202) 401-3026" names the press officer, not the speaker
        parse = self.page.cast.parse
        for mention in self.page.finder.mentions(paragraph.start, name_end, narration_only=False):
            if mention.phrase.kind != "person" or (len(mention.phrase.words) < 2 and not mention.phrase.titles):
                continue  # "Secretary Perry Keynote Address": a surname under a title names him too
            rest = self.page.text[mention.end : paragraph.end]
            before = self.page.text[paragraph.start : mention.start]
            titled_after = rest.lstrip().startswith(",") and any(
                w.lower().strip(",.") in TITLE_WORDS for w in rest.split())
            titled_before = any(w.lower() in TITLE_WORDS for w in before.split())  # "Secretary of Labor Jane Doe"
            titled = titled_after or titled_before
            parsed = parse is not None and parse.is_person(mention.start, mention.end)
            named = mention.phrase.strong or titled or parsed
            if not named:
                continue
            return self.page.person_who(mention)
        return None

    def ends_speech(self, paragraph: Paragraph) -> bool:
        """"Ends", "###", "Notes to editors": the publisher's part after a speech or statement."""
        return _END_OF_SPEECH.fullmatch(self.page.text[paragraph.start : paragraph.end].strip()) is not None

    def statement_intro(self, paragraph: Paragraph) -> Who | None:
        """"The following is a statement from X on ...:" closing a paragraph: X speaks the quoted paragraphs after.
        A paragraph that opens "The following is" announces them whatever its last mark."""
        words = self.page.text[paragraph.start : paragraph.end].rstrip()
        announces = words.endswith(":") or _FOLLOWING.match(self.page.text, paragraph.start, paragraph.end)
        if paragraph.role != "body" or not announces:
            return None
        intro = _STATEMENT_INTRO.search(self.page.text, paragraph.start, paragraph.end)
        if intro is not None:
            return self.page.named_in(intro.end(), paragraph.end)
        possessive = _POSSESSIVE_SPEECH.search(self.page.text, paragraph.start, paragraph.end)
        if possessive is not None and (_BELOW.search(self.page.text, possessive.end(), paragraph.end)
                                       or _EXCERPTS.search(self.page.text, paragraph.start, possessive.start())):
            # "The full transcript of Secretary Buttigieg's remarks are below:"; "Below are excerpts from Secretary
            # Vilsack's speech as prepared for delivery:"
            named_from = _EXCERPTS.search(self.page.text, paragraph.start, possessive.start())
            return self.page.named_in(named_from.end() if named_from else paragraph.start, possessive.start())
        issued = _ISSUED_STATEMENT.search(self.page.text, paragraph.start, paragraph.end)
        return self._issuer(paragraph.start, issued.start()) if issued is not None else None

    def _issuer(self, start: int, end: int) -> Who | None:
        """Who issued a statement: the last person named before the verb ("…, John P. Holdren, Assistant to the
        President for Science and Technology, issued …"), named in full or by a title."""
        people = [m for m in self.page.finder.mentions(start, end, narration_only=False)
                  if m.phrase.kind == "person" and (len(m.phrase.words) >= 2 or m.phrase.strong)]
        parse = self.page.cast.parse
        if parse is not None:  # the parser tells a name from an apposition's capitalised words ("Technology")
            people = [m for m in people if parse.is_person(m.start, m.end)] or people
        for mention in reversed(people):
            return self.page.person_who(mention)
        return None
