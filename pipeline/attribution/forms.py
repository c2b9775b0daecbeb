"""Whole-document voices: a page that is one person's speech, and an interview printed as questions and answers.

* **Remarks page.** A headline (or an opening line) "Remarks by X", "Speech by X", "Statement from X",
  "Testimony of X", "Address by X" names the speaker of the page; a headline that only says it is a speech
  ("Sports Minister outlines priorities in first major speech") leaves the speaker to the lead ("Tracey
  Crouch has said ..."); a standfirst that opens "Statement by X, ..." names them too. From there on,
  every body paragraph without a label or furniture (date lines, "As prepared for delivery", "Ends") is
  the speaker's words, provided the page is written in their voice: at least ``MIN_VOICE_SHARE`` of its
  paragraphs without quote marks speak in the first person. A report *about* a speech is narration and
  fails that test. Other headers name the speaker too: "Occasion: Person Name", a byline "By Chairman X",
  an office the speaker claims early on ("my job as Deputy Secretary"), and, in a transcript whose header
  names the spoken event but no one, a speaker who introduces themselves ("This is Lauren Gaches with
  ..."). Words the speaker quotes from someone named keep that person as their speaker too (the tighter
  statement decides a quote check).
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
from dataclasses import dataclass

from pipeline.attribution.cast import Cast
from pipeline.attribution.mentions import MentionFinder
from pipeline.attribution.quotes import find_quotes
from pipeline.attribution.records import Mention, Who
from pipeline.attribution.resolution import Resolver
from pipeline.attribution.vocabulary import (
    FIRST_PERSON_VOICE,
    INTERVIEWER,
    MONTHS,
    NON_PERSON_LABELS,
    SPEECH_NOUNS,
    SPOKEN_EVENT,
    TITLE_WORDS,
)
from pipeline.types import Paragraph

# A page counts as one person's speech when at least this share of its unquoted body paragraphs say "I"/"we"
# outside quote marks: a speech does so throughout, a report about a speech almost never.
MIN_VOICE_SHARE = 0.3
# The lead that names the speaker of a page titled only "... speech" is within this many paragraphs of the top.
LEAD_PARAGRAPHS = 4
# An interview printed as questions and answers has at least this many question paragraphs.
MIN_QUESTIONS = 3
# How far after "interviewed by" the interviewer's name may stand ("by VOA State Department Correspondent X").
INTERVIEWER_NAME_REACH = 80

_SPEECH_NOUN = "(?:" + "|".join(SPEECH_NOUNS) + ")"
_HEADER = re.compile(
    rf"\b(?:(?:prepared|opening|closing|keynote)\s+)?{_SPEECH_NOUN}(?:(?:\s+as\s+prepared(?:\s+for\s+delivery)?)?"
    r"\s+(?:by|of|from)|\s+as\s+prepared\s+for(?!\s+delivery\b))\s+",  # "Remarks as Prepared for Secretary X"
    re.IGNORECASE,
)
# A standfirst that opens with what the page is and who gave it: "Statement by Ambassador X, UK ...".
_STANDFIRST = re.compile(rf"\s*(?:(?:prepared|opening|closing|keynote)\s+)?{_SPEECH_NOUN}\s+(?:by|of|from)\s+",
                         re.IGNORECASE)
_SPEECH_HEADLINE = re.compile(rf"\b{_SPEECH_NOUN}\b", re.IGNORECASE)
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
# "The following is a statement from NASA Administrator Bill Nelson on ...:" introduces that person's words.
# "Below is a statement that can be attributed to Tony Sayegh, ...:" too.
_STATEMENT_INTRO = re.compile(
    rf"\b{_SPEECH_NOUN}\s+(?:from|by|of|(?:that\s+(?:can|may|should)\s+be\s+)?attribut(?:ed|able)\s+to)\s+",
    re.IGNORECASE,
)
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
_INTERVIEWED_BY = re.compile(r"\binterviewed\s+by\s+", re.IGNORECASE)
# "Interview With Dave Levora of AM Quad Cities, WOC Radio": a journalist named with an outlet holds the interview.
_INTERVIEW_WITH = re.compile(r"\b[Ii]nterview\s+[Ww]ith\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})"
                             r"\s+(?:of|from)\s+[A-Z]")
# Where a title-case headline's name ends: "Remarks by NASA Administrator Charles Bolden To The National ...".
# "Remarks by President Trump at Listening Session ...": sentence case too.
_NAME_BREAK = re.compile(r"\s(?i:to|at|on|before|for|in|about|during|with|after|following|and)\s|[,:;(—–|]|\s-\s")
_FURNITURE = re.compile(
    r"(?:as prepared(?: for delivery)?|check against delivery|\(?embargoed\b.*|transcript\b.*|[^.!?]{0,40}\d{4}"
    r"|delivered on\b.*|\d{1,2}:\d{2}(?::\d{2})?"  # a recording's timestamp line ("1:49")
    r"|(?:" + "|".join(sorted(MONTHS)) + r")\s+\d{1,2},\s+"
    r"\d{4}\b(?:\s+at\s+|\s*[|–—-]\s*)\d.*)\W*",  # "August 4, 2021 at 11:00 a.m. EDT via ...": when, not words
    re.IGNORECASE,
)
# A transcript whose header names the spoken event but no one: "Good morning. This is Lauren Gaches with NOAA's
# Office of Public Affairs." names who speaks its unlabelled paragraphs.
_SELF_INTRODUCED = re.compile(r"\b(?:[Tt]his is|[Mm]y name is|I['’]m|I am)\s+(?=[A-Z][\w.’'-]*\s+[A-Z])")
_END_OF_SPEECH = re.compile(r"[-–—\s]*(?:ends|end|#{3}|\*{3})[-–—\s]*|notes? to editors:?|media contacts?:?",
                            re.IGNORECASE)
# The header block of a remarks page (headline, speaker, venue, date lines) is at most this many lines.
_HEADER_LINES = 6
# "Deputy Secretary Ames's Remarks at ...": the speaker before a possessive.
# "NASA Administrator’s Launch Day Message": up to three words may name the occasion.
_POSSESSIVE_SPEECH = re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,3}}?{_SPEECH_NOUN}\b", re.IGNORECASE)
# "As delivered by Secretary of Defense Jane Q. Doe, Washington, D.C.": who gave the speech.
_DELIVERED_BY = re.compile(r"\b(?:as\s+)?(?:delivered|given|presented)\s+by\s+", re.IGNORECASE)
# A byline in the header ("By Chairman Ann Hersh"): over a page in the first person, its author's words.
_BYLINE = re.compile(r"(?<![^\n])[ \t]*[Bb]y\s+(?=[A-Z])")
# A speaker saying which office they hold: "my job as Deputy Secretary", "As Secretary of Energy, I".
_SELF_NAMED = re.compile(
    r"\b(?:[Mm]y\s+(?:job|role|time|tenure|first\s+\w+)\s+as|I\s+am|I['’]m)\s+(?:the\s+)?"
    r"(?P<role>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*(?:\s+of\s+[A-Z][\w-]*)?)\b"
    r"|\b[Aa]s\s+(?:the\s+)?(?P<as_role>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*(?:\s+of\s+[A-Z][\w-]*)?)\s*,\s+I\b"
)
# A header line that only names someone ("Jane Q. Doe, Secretary of Labor") has at most this many words.
NAME_LINE_MAX_WORDS = 12


@dataclass
class SpeechPage:
    """The speaker of a remarks page, from the paragraph where their words begin."""

    who: Who | None  # None until the lead names the speaker of a page titled only "... speech"
    from_index: int


class DocumentForms:
    """Decides, once per article, whether it is a remarks page or a question-and-answer interview."""

    def __init__(
        self, text: str, paragraphs: list[Paragraph], cast: Cast, finder: MentionFinder, resolver: Resolver
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.cast = cast
        self.finder = finder
        self.resolver = resolver
        self._voiced: dict[int, bool] = {}
        self.interviewer = self._named_interviewer()
        self.speech = self._speech_page()
        self.guest = self._interview_guest()

    # --- remarks pages ---------------------------------------------------------------------------------

    def _speech_page(self) -> SpeechPage | None:
        """A header block that says it is a speech ("Remarks", "Speech", "As delivered") and who gave it: in
        "Remarks by X", "X's remarks", "As delivered by X", or a line that only names X."""
        header = []
        for index, paragraph in enumerate(self.paragraphs[:_HEADER_LINES]):
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
        if standfirst is None and any(SPOKEN_EVENT.search(self.text, p.start, p.end) for _, p in header):
            introduced = self._self_introduced(first_body)
            if introduced is not None:
                return SpeechPage(introduced, first_body)
        if not any(_SPEECH_HEADLINE.search(self.text, p.start, p.end)
                   or _DELIVERED_BY.search(self.text, p.start, p.end)
                   or _BYLINE.match(self.text, p.start, p.end) for _, p in header):
            return standfirst
        for position, (_, paragraph) in enumerate(header):
            for pattern in (_HEADER, _DELIVERED_BY, _BYLINE):
                found = pattern.search(self.text, paragraph.start, paragraph.end)
                who = self._named_in(found.end(), paragraph.end) if found is not None else None
                if found is not None and who is None and not self.text[found.end() : paragraph.end].strip() \
                        and position + 1 < len(header):  # "Remarks as prepared for delivery by" / the name below
                    below = header[position + 1][1]
                    who = self._named_in(below.start, below.end)
                if who is not None:
                    return SpeechPage(who, first_body)
            possessive = _POSSESSIVE_SPEECH.search(self.text, paragraph.start, paragraph.end)
            if possessive is not None:
                who = self._named_in(paragraph.start, possessive.start()) or self._unnamed_role(
                    paragraph.start, possessive.start())
                if who is not None:
                    return SpeechPage(who, first_body)
        for _, paragraph in header:  # the headline too: "Secretary of Labor Hilda L. Solis" over her remarks
            who = self._name_line(paragraph)
            if who is not None:
                return SpeechPage(who, first_body)
        return standfirst or SpeechPage(self._self_named(first_body), first_body)

    def _self_introduced(self, first_body: int) -> Who | None:
        """"This is Lauren Gaches with ...", "My name is X", "I'm X" early in an unlabelled transcript: X speaks."""
        for paragraph in self.paragraphs[first_body : first_body + LEAD_PARAGRAPHS]:
            found = _SELF_INTRODUCED.search(self.text, paragraph.start, paragraph.end)
            who = self._named_in(found.end(), paragraph.end) if found is not None and paragraph.role == "body" else None
            if who is not None and who.kind == "person":
                return who
        return None

    def _self_named(self, first_body: int) -> Who | None:
        """A speech whose header names no one, in which the speaker says who they are early on: "I've been in my
        job as Deputy Secretary for ten weeks", "As Secretary of Energy, I ...": the role speaks."""
        for paragraph in self.paragraphs[first_body : first_body + LEAD_PARAGRAPHS]:
            found = _SELF_NAMED.search(self.text, paragraph.start, paragraph.end)
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
        line = self.text[headline.start : headline.end]
        if _INTERVIEW_HEADLINE.search(line) or _QUESTIONS_HEADLINE.search(line):
            return None  # "Astronaut Candidate Interview: Joseph Acaba": two voices, read as an interview
        colon = line.find(":")
        if colon <= 0 or ":" in line[colon + 1 :]:
            return None
        parse = self.cast.parse
        for start, end in ((headline.start, headline.start + colon), (headline.start + colon + 1, headline.end)):
            side = self.text[start:end].strip()
            mentions = self.finder.mentions(start, end, narration_only=False)
            if len(mentions) != 1 or mentions[0].text.strip() != side or mentions[0].phrase.kind != "person":
                continue
            mention = mentions[0]
            if len(mention.phrase.words) >= 2 and (parse is None or parse.is_person(mention.start, mention.end)):
                return self._person_who(mention)
        return None

    def _standfirst(self, first_body: int) -> SpeechPage | None:
        """A lead paragraph that opens "Statement by X, ..." / "Remarks by X at ...": X speaks every paragraph
        after it (a UN statement published under a press-release headline)."""
        for index in range(first_body, min(len(self.paragraphs), first_body + LEAD_PARAGRAPHS)):
            paragraph = self.paragraphs[index]
            opening = _STANDFIRST.match(self.text, paragraph.start, paragraph.end)
            who = self._named_in(opening.end(), paragraph.end) if opening is not None else None
            if who is not None:
                return SpeechPage(who, index + 1)
        return None

    def _unnamed_role(self, start: int, end: int) -> Who | None:
        """A role the page never names anyone in ("NASA Administrator’s ... Message"): the speaker is the role."""
        stretch = self.text[start:end].strip()
        roles = [m for m in self.finder.mentions(start, end, narration_only=False) if m.phrase.kind == "role"]
        if len(roles) != 1 or roles[0].text.strip() != stretch:
            return None
        return Who((stretch,), stretch, False, None, "entity")

    def _name_line(self, paragraph: Paragraph) -> Who | None:
        """A header line that is only a person's name, perhaps with their title ("Jane Q. Doe, Secretary of Labor")."""
        words = self.text[paragraph.start : paragraph.end].split()
        if not words or len(words) > NAME_LINE_MAX_WORDS or words[-1][-1:] in ".!?:":
            return None
        # "John Glen – 2018 Speech at ...": the speaker stands before what the page is; after it ("Remarks to the
        # Foreign Affairs Forum") stand the audience and the venue
        speech_noun = _SPEECH_HEADLINE.search(self.text, paragraph.start, paragraph.end)
        name_end = speech_noun.start() if speech_noun is not None else paragraph.end
        label = _LINE_LABEL.match(self.text, paragraph.start, paragraph.end)
        if label is not None and label.group(1).upper() in NON_PERSON_LABELS:
            return None  # "Contact: Erica Lepping (202) 401-3026" names the press officer, not the speaker
        parse = self.cast.parse
        for mention in self.finder.mentions(paragraph.start, name_end, narration_only=False):
            if mention.phrase.kind != "person" or (len(mention.phrase.words) < 2 and not mention.phrase.titles):
                continue  # "Secretary Perry Keynote Address": a surname under a title names him too
            rest = self.text[mention.end : paragraph.end]
            before = self.text[paragraph.start : mention.start]
            titled_after = rest.lstrip().startswith(",") and any(
                w.lower().strip(",.") in TITLE_WORDS for w in rest.split())
            titled_before = any(w.lower() in TITLE_WORDS for w in before.split())  # "Secretary of Labor Jane Doe"
            titled = titled_after or titled_before
            parsed = parse is not None and parse.is_person(mention.start, mention.end)
            named = mention.phrase.strong or titled or parsed
            if not named:
                continue
            return self._person_who(mention)
        return None

    def _person_who(self, mention: Mention) -> Who:
        """The cast's person a name mention stands for, added to the cast when new."""
        person, _ = self.cast.lookup([w.rstrip(".") for w in mention.phrase.words], mention.start)
        person = person or self.cast.add_person(mention.phrase, mention.start)
        return Who((person.name,), mention.text, False, person.gender)

    def speech_voice(self, index: int) -> Who | None:
        """The speaker whose words paragraph ``index`` is on a remarks page in their voice, else None."""
        page = self.speech
        if page is None or page.who is None or index < page.from_index:
            return None
        return page.who if self._in_voice(page.from_index) else None

    def lead_names_speaker(self, index: int, events_who: list[Who]) -> None:
        """On a page titled only "... speech", the first person the lead reports speaking gives the speech."""
        page = self.speech
        if page is None or page.who is not None or index > LEAD_PARAGRAPHS:
            return
        people = [w for w in events_who if w.kind == "person" and len(w.speakers) == 1]
        if people:
            self.speech = SpeechPage(people[0], index + 1)

    def _in_voice(self, from_index: int) -> bool:
        if from_index in self._voiced:
            return self._voiced[from_index]
        unquoted = [p for p in self.paragraphs[from_index:] if p.role == "body" and not self.has_quotes(p)
                    and not self.furniture(p)]
        voiced = sum(1 for p in unquoted if FIRST_PERSON_VOICE.search(self.text, p.start, p.end))
        self._voiced[from_index] = bool(unquoted) and voiced / len(unquoted) >= MIN_VOICE_SHARE
        return self._voiced[from_index]

    def has_quotes(self, paragraph: Paragraph) -> bool:
        return bool(find_quotes(self.text, paragraph.start, paragraph.end))

    def furniture(self, paragraph: Paragraph) -> bool:
        """A date line, "As prepared for delivery", "Transcript of the speech ...": no one's words."""
        return _FURNITURE.fullmatch(self.text[paragraph.start : paragraph.end].strip()) is not None

    def ends_speech(self, paragraph: Paragraph) -> bool:
        """"Ends", "###", "Notes to editors": the publisher's part after a speech or statement."""
        return _END_OF_SPEECH.fullmatch(self.text[paragraph.start : paragraph.end].strip()) is not None

    def stop_speech(self) -> None:
        self.speech = None

    def statement_intro(self, paragraph: Paragraph) -> Who | None:
        """"The following is a statement from X on ...:" closing a paragraph: X speaks the quoted paragraphs after."""
        words = self.text[paragraph.start : paragraph.end].rstrip()
        if paragraph.role != "body" or not words.endswith(":"):
            return None
        intro = _STATEMENT_INTRO.search(self.text, paragraph.start, paragraph.end)
        if intro is not None:
            return self._named_in(intro.end(), paragraph.end)
        possessive = _POSSESSIVE_SPEECH.search(self.text, paragraph.start, paragraph.end)
        if possessive is not None and (_BELOW.search(self.text, possessive.end(), paragraph.end)
                                       or _EXCERPTS.search(self.text, paragraph.start, possessive.start())):
            # "The full transcript of Secretary Buttigieg's remarks are below:"; "Below are excerpts from Secretary
            # Vilsack's speech as prepared for delivery:"
            named_from = _EXCERPTS.search(self.text, paragraph.start, possessive.start())
            return self._named_in(named_from.end() if named_from else paragraph.start, possessive.start())
        issued = _ISSUED_STATEMENT.search(self.text, paragraph.start, paragraph.end)
        return self._issuer(paragraph.start, issued.start()) if issued is not None else None

    def _issuer(self, start: int, end: int) -> Who | None:
        """Who issued a statement: the last person named before the verb ("…, John P. Holdren, Assistant to the
        President for Science and Technology, issued …"), named in full or by a title."""
        people = [m for m in self.finder.mentions(start, end, narration_only=False)
                  if m.phrase.kind == "person" and (len(m.phrase.words) >= 2 or m.phrase.strong)]
        parse = self.cast.parse
        if parse is not None:  # the parser tells a name from an apposition's capitalised words ("Technology")
            people = [m for m in people if parse.is_person(m.start, m.end)] or people
        for mention in reversed(people):
            return self._person_who(mention)
        return None

    # --- question-and-answer interviews ----------------------------------------------------------------

    def _interview_guest(self) -> Who | None:
        """The guest of an interview headline that names them; of a questions feature ("10 Questions for Our New
        Head of Science"), the person its introduction names most (there the headline may name only a role)."""
        headline = self.paragraphs[0] if self.paragraphs and self.paragraphs[0].role == "headline" else None
        if headline is None:
            return None
        interview = _INTERVIEW_HEADLINE.search(self.text, headline.start, headline.end) is not None
        feature = _QUESTIONS_HEADLINE.search(self.text, headline.start, headline.end) is not None
        if not (interview or feature):
            return None
        questions = [i for i, p in enumerate(self.paragraphs) if i > 0 and self.is_question(p)]
        if len(questions) < (MIN_QUESTIONS if interview else 1):
            return None
        if not interview and not self._in_voice(questions[0]):
            return None  # an explainer's questions ("Five questions for the new government") answered in narration
        named = self._named_in(headline.start, headline.end, known_only=True)
        if named is not None or not feature:
            return named
        return self._most_named(self.paragraphs[1 : questions[0]])

    def _most_named(self, paragraphs: list[Paragraph]) -> Who | None:
        """The person of the cast these paragraphs name most often (the later one of a tie)."""
        counts: dict[str, int] = {}
        last: dict[str, Who] = {}
        for paragraph in paragraphs:
            for mention in self.finder.mentions(paragraph.start, paragraph.end, narration_only=False):
                if mention.phrase.kind != "person":
                    continue
                person, _ = self.cast.lookup([w.rstrip(".") for w in mention.phrase.words], mention.start)
                if person is not None:
                    counts[person.name] = counts.get(person.name, 0) + 1
                    last[person.name] = Who((person.name,), mention.text, False, person.gender)
        if not counts:
            return None
        return last[max(reversed(list(counts)), key=lambda name: counts[name])]

    def is_question(self, paragraph: Paragraph) -> bool:
        """A paragraph that is one question (or two short ones) asked of the guest, perhaps signed by the reader
        who asked it ("...? – Jennifer LaRowe")."""
        words = self.text[paragraph.start : paragraph.end].strip()
        signed = _QUESTION_SIGNATURE.search(words)
        if signed is not None:
            words = words[: signed.start() + 1]
        return paragraph.role in {"body", "subheading"} and words.endswith("?") and words.count("?") <= 2 \
            and not self.has_quotes(paragraph)

    def asker_of(self, paragraph: Paragraph) -> Who:
        """Who asks a question: the reader who signed it, else the interviewer."""
        end = paragraph.start + len(self.text[paragraph.start : paragraph.end].rstrip())
        signed = _QUESTION_SIGNATURE.search(self.text, paragraph.start, end)
        if signed is not None:
            who = self._named_in(signed.start("name"), signed.end("name"))
            if who is not None and who.kind == "person":
                return who
        return self.interviewer_who()

    def interviewer_who(self) -> Who:
        return self.interviewer or Who((INTERVIEWER,), None, False, None, "interviewer")

    # --- names -----------------------------------------------------------------------------------------

    def _named_interviewer(self) -> Who | None:
        headline = self.paragraphs[0] if self.paragraphs and self.paragraphs[0].role == "headline" else None
        journalist = _INTERVIEW_WITH.search(self.text, headline.start, headline.end) if headline else None
        if journalist is not None:  # "Interview With Dave Levora of AM Quad Cities": the one asking the questions
            who = self._named_in(journalist.start("name"), journalist.end("name"))
            if who is not None and who.kind == "person":
                return Who(who.speakers, who.mention, False, who.gender, "interviewer")
        for paragraph in self.paragraphs[1:]:
            found = _INTERVIEWED_BY.search(self.text, paragraph.start, paragraph.end)
            if found is None:
                continue
            end = min(paragraph.end, found.end() + INTERVIEWER_NAME_REACH)
            who = self._named_in(found.end(), end, known_only=True)
            if who is not None:
                return Who(who.speakers, who.mention, False, who.gender, "interviewer")
        return None

    def _named_in(self, start: int, end: int, *, known_only: bool = False) -> Who | None:
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
