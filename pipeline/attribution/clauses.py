"""Speech clauses: a speech verb, who its subject is, and the reported clause it introduces.

"X said (that) ...", "said X", "X, the director, said", "according to X", "..., he added" and verbs
that only introduce a quote ("called it “...”"). The reported clause runs from after "that" (or a
colon, or the object of "told") to the next speech verb or the end of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.attribution.mentions import LETTER_WORD, MentionFinder
from pipeline.attribution.parse import ArticleParse
from pipeline.attribution.quotes import trim_clause
from pipeline.attribution.records import Event, Mention, NounPhrase, Quote, Who
from pipeline.attribution.resolution import Resolver
from pipeline.attribution.vocabulary import (
    ACCORDING_TO,
    ACT_VERBS,
    ADVICE_VERBS,
    AUXILIARIES,
    BASE_FORMS,
    CARRIER_NOUNS,
    CLAUSE_OPENERS,
    MODALS,
    NOUN_LIKE_VERBS,
    ORG_HEADS,
    PERSON_NOUNS,
    PREPOSITIONS,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
    TELL_VERBS,
)
from pipeline.types import Span

MIN_REPORTED_WORDS = 3
# A role named by the parser's whole subject ("launch director of Atlantis") has at most this many words.
MAX_ROLE_WORDS = 8
_BOUND_L = r"(?<![\w’'-])"
_BOUND_R = r"(?![\w’'-])"
SPEECH_VERB = re.compile(
    _BOUND_L + "(?:[Aa]ccording to|"
    + "|".join(sorted(SPEECH_VERBS | ACT_VERBS | NOUN_LIKE_VERBS, key=len, reverse=True)) + ")"
    + _BOUND_R
)
# "Tom Hughes, who lives on Old Quay, told ..." / "Mr Reed, 54, said ..." / "Ann Lee, 38, a nurse from Hull, said":
# up to two appositives may sit between a speaker and the verb, each opening with a lower-case word or an age.
MAX_APPOSITIVES = 2
_APPOSITIVE_ITEM = r"(?:\d{1,3}\b|[a-z])[^,“”\"]{0,80}"
_APPOSITIVE = rf"(?:\s*,\s*{_APPOSITIVE_ITEM}(?:\s*,\s*{_APPOSITIVE_ITEM}){{0,{MAX_APPOSITIVES - 1}}}\s*,)?"
_AUXILIARY = "|".join(sorted(AUXILIARIES, key=len, reverse=True))
_AUX_GAP = re.compile(_APPOSITIVE + r"(?:\s+(?:" + _AUXILIARY + r"|\w+ly))*\s+$")
_PARTICIPLE_LEAD = re.compile(r"(?:,|\band|,\s*and)" + r"(?:\s+(?:also|then|later|further))?\s+$")
_ADJACENT = re.compile(r"[\s,;:—–-]*")
_APPOSITION = re.compile(r"\s*,\s*")
# What ends a dateline ("SEOUL/TOKYO —", "KABUL, Afghanistan (AP) --", "LONDON:") after its place.
_DATELINE_END = re.compile(r"(?:,[^,\n]{0,30})?\s*(?:\([^)\n]{1,20}\)\s*)?(?:[—–:]|--|-\s)")
_AND = re.compile(r"\s+and\s+")
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z“\"])")
_THAT = re.compile(r"\bthat\s+")
_LEAD_PUNCT = re.compile(r"\s*[:,]\s*")
# "according to an official police briefing": an article and up to two lower-case words before the owner's name.
_CARRIER_LEAD = re.compile(r"\s*(?:(?:an?|the)\s+)?(?:[a-z-]+\s+){0,2}")
_CARRIER = "(?:" + "|".join(CARRIER_NOUNS) + ")"
_CARRIER_AFTER = re.compile(rf"\s+{_CARRIER}\b")
# "according to a report by the Office for National Statistics": the carrier first, its owner after "by"/"from".
_CARRIER_BY = re.compile(rf"\s+(?:an?|the)\s+(?:[a-z-]+\s+){{0,2}}?{_CARRIER}\s+(?:by|from)\s+")
_CARRIER_BY_OWNER = re.compile(r"(?:the\s+)?")
# A preposition that opens an amount is no preposition: "says about 80 percent of ...", "said over 300 died".
_APPROXIMATE = re.compile(
    r"(?i:about|around|over|under)\s+(?:[$£€]?\d|(?i:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|half|hundreds|thousands|millions|dozens|a\s+(?:third|quarter|half|"
    r"dozen|hundred|thousand|million))\b)"
)
_TELL_OBJECT = re.compile(
    r"\s+(?:him|her|them|us|me|reporters|journalists|the press|(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
    r"(?:\s*[:,])?\s*"
)
_CAPTION_CREDIT = re.compile(
    r"\s*\((?:image|images|photo|photos|picture|pic|credit|source|illustration|video)\s*:[^()]*\)\s*\.?$", re.I
)


class ClauseReader:
    """Reads the speech events of one sentence at a time, resolving their subjects as it goes."""

    def __init__(
        self, text: str, finder: MentionFinder, resolver: Resolver, parse: ArticleParse | None = None
    ) -> None:
        self.text = text
        self.finder = finder
        self.resolver = resolver
        self.parse = parse

    def events(self, unit: Span, quotes: list[Quote], *, remember: bool) -> list[Event]:
        """Speech verbs of a sentence with their speakers; updates who is in focus as it goes."""
        if remember:
            self.resolver.next_sentence()
        mentions = self.finder.mentions(unit.start, unit.end, narration_only=True, quotes=quotes)
        verbs = [v for v in SPEECH_VERB.finditer(self.text, unit.start, unit.end)
                 if not any(q.mark_start <= v.start() < q.mark_end for q in quotes)]
        items: list[tuple[int, int, Mention | re.Match[str]]] = [(m.start, 0, m) for m in mentions]
        items += [(v.start(), 1, v) for v in verbs]
        events: list[Event] = []
        subject: Who | None = None
        for _, _, item in sorted(items, key=lambda i: (i[0], i[1])):
            if isinstance(item, Mention):
                subject_like = self.subject_like(item, mentions, unit.start)
                as_speaker = self.before_verb(item, verbs) or self._parsed_subject(item, verbs)
                item.who = item.who or self.resolver.resolve(item, as_speaker=as_speaker)
                if item.who is not None and subject_like and not item.possessive:
                    subject = subject or item.who
                    if remember:
                        self.resolver.remember(item.who)
                continue
            if item.group().lower() in ADVICE_VERBS and any(e.content_start is not None for e in events):
                continue  # "X said the group recommends ...": advice inside X's report is X's
            event = self.event(item, unit, mentions, events, subject)
            if event is not None:
                events.append(event)
                if remember:
                    self.resolver.remember(event.who)
        for index, event in enumerate(events):
            if event.content_start is not None and event.content_end is None:
                following = next((e for e in events[index + 1 :] if self.ends_clause(e, quotes)), None)
                event.content_end = following.clause_start if following else unit.end
        return events

    def ends_clause(self, event: Event, quotes: list[Quote]) -> bool:
        """A later speech verb ends a reported clause, except a quote-only verb with no quote after it:
        "X said that she had asked for a meeting" keeps "she had asked for a meeting" whole."""
        word = self.text[event.verb_start : event.verb_end].lower()
        return word not in QUOTE_ONLY_VERBS or any(q.mark_start >= event.verb_end for q in quotes)

    def _parsed_subject(self, mention: Mention, verbs: list[re.Match[str]]) -> bool:
        """Whether the parse makes ``mention`` the subject of one of the sentence's speech verbs."""
        if self.parse is None:
            return False
        spoken = (self.parse.verb_at(v.start()) for v in verbs)
        return any(s is not None and mention.start <= s.subject_head < mention.end for s in spoken)

    def _parsed_event(self, verb: re.Match[str], unit: Span, mentions: list[Mention]) -> Event | None:
        """The event the dependency parse gives a speech verb: its subject wherever it stands, and the clause it
        reports ("X said that ...", "..., said X, the coach", "As X said, ..."). None leaves the verb to the rules."""
        spoken = self.parse.verb_at(verb.start()) if self.parse is not None else None
        if spoken is None or self.parse is None:
            return None
        between = self.text[min(spoken.subject_end, spoken.start) : max(spoken.subject_start, spoken.end)]
        head = LETTER_WORD.match(self.text, spoken.subject_head)
        head_end = head.end() if head is not None else spoken.subject_head + 1
        # the head, not the whole subject: "the prime minister of Spain" is no place
        if ":" in between or (self.parse.is_place(spoken.subject_head, head_end) and _DATELINE_END.match(
                self.text, spoken.subject_end)):
            return None  # "NEW DELHI: The minister said", "SEOUL — ...": a dateline taken for the subject
        mention = next((m for m in mentions if m.start <= spoken.subject_head < m.end), None)
        if mention is None:
            mention = self._person_noun_subject(spoken.subject_head, spoken.subject_start, spoken.subject_end) \
                or self._org_noun_subject(spoken.subject_head, spoken.subject_start, spoken.subject_end)
        if mention is None:
            return None
        mention = self._subject_name(mention, spoken.subject_end, mentions)
        if mention.who is None:
            mention.who = self.resolver.resolve(mention, as_speaker=True)
        if mention.who is None or mention.possessive or (self.after_preposition(mention, unit.start)
                                                         and not spoken.authored
                                                         and not self._joins_a_name(mention, unit.start)):
            return None
        mention.who = self._whole_role(mention, mention.who, spoken.subject_start, spoken.subject_end)
        start, end, word = verb.start(), verb.end(), verb.group().lower()
        if spoken.subject_after:
            event = Event(start, end, start, mention.who)
            if spoken.clause is not None and not self.after_closing_quote(start, unit.start):
                event.content_start, event.content_end = spoken.clause
            return event
        joined = next((m for m in mentions if m.start >= mention.end
                       and _AND.fullmatch(self.text, mention.end, m.start)), None)  # "Biden and Johnson said"
        if joined is not None and joined.who is None:
            joined.who = self.resolver.resolve(joined, as_speaker=True)
        if joined is not None and joined.who is not None and self._portfolio_word(mention):
            mention, joined = joined, None  # "Apprenticeships and Skills Minister Anne Milton said": one minister
        who = (self.compound(joined, mentions, unit.start) if joined is not None and joined.who else None) \
            or self.compound(mention, mentions, unit.start) or mention.who
        if who is None:
            return None
        # the clause opens with the whole subject: "...," the commissioner, Volker Turk, said: right after the quote
        event = Event(start, end, min(mention.start, spoken.subject_start), who)
        if spoken.act:  # "Exports Minister Offord has praised ...": the sentence, up to the next speech verb
            ends = [e for e in _SENTENCE_END.finditer(self.text, unit.start, event.clause_start + 1)
                    if e.end() <= event.clause_start]
            event.content_start = ends[-1].end() if ends else unit.start  # a unit may hold a quote before it
            return event
        if word in QUOTE_ONLY_VERBS or self.after_closing_quote(mention.outer, unit.start):
            return event
        if spoken.clause is not None:
            event.content_start, event.content_end = spoken.clause
        else:
            self.set_content(event, word, unit)
        return event

    def _subject_name(self, mention: Mention, subject_end: int, mentions: list[Mention]) -> Mention:
        """The name a parsed subject stands for when a name is set off by commas beside it: "The college's
        president, Dr Fiona McKay, wrote"; "The Future of Roads Minister, Lilian Greenwood, said" (the head word
        taken for a name, "Future": the role ending the subject is what the name names); "the prime minister of
        Spain, Jose Luis Rodriguez Zapatero, has stated" (after the role's whole phrase, inside the parser's
        subject or right after it)."""
        role = next((m for m in reversed(mentions) if mention.end <= m.start and m.end <= subject_end
                     and m.phrase.kind == "role"), None)
        named = self._named_in_apposition(role, mentions) if role is not None else None
        mention = named if named is not None and named is not role else self._named_in_apposition(mention, mentions)
        if mention.phrase.kind not in {"role", "entity", "unresolved"}:
            return mention
        named_after = next((m for m in mentions if mention.end < m.start <= subject_end + 2
                            and m.phrase.kind == "person" and self.text[: m.outer].rstrip().endswith(",")), None)
        if named_after is None:
            return mention
        named_after.who = named_after.who or self.resolver.resolve(named_after, as_speaker=True)
        return named_after if named_after.who is not None else mention

    def _whole_role(self, mention: Mention, who: Who, start: int, end: int) -> Who:
        """"The launch director of Atlantis said": a role no one in the cast holds is named by the parser's whole
        subject ("launch director of Atlantis"), not by its head noun alone."""
        if who.kind != "entity" or any(w[:1].isupper() for w in mention.phrase.words):
            return who
        if who.speakers != (" ".join(mention.phrase.words),) or not (start <= mention.start and mention.end < end):
            return who  # resolved to an earlier speaker ("the official" after "a senior official"), or nothing to add
        words = self.text[start:end].split()
        if words and words[0].lower() in {"the", "a", "an"}:
            words = words[1:]
        if not words or len(words) > MAX_ROLE_WORDS:
            return who
        return Who((" ".join(words),), self.text[start:end], True, who.gender, "entity")

    def _person_noun_subject(self, head: int, start: int, end: int) -> Mention | None:
        """"The ESA Program manager for the station said": a subject whose head is a noun for a person
        (``PERSON_NOUNS``) is a speaker of its own even when no name or known role matched it."""
        word = LETTER_WORD.match(self.text, head)
        if word is None or word.group().lower() not in PERSON_NOUNS:
            return None
        words = self.text[start:end].split()
        if words[:1] and words[0].lower() in {"the", "a", "an"}:
            words = words[1:]
        return Mention(start, end, start, self.text[start:end], NounPhrase("entity", words), False)

    def _org_noun_subject(self, head: int, start: int, end: int) -> Mention | None:
        """"The United Nations human rights office has said ...", "The U.N. refugee agency reports ...": an
        organisation described by a capitalised name and a head noun for a body speaks as that description."""
        word = LETTER_WORD.match(self.text, head)
        words = self.text[start:end].split()
        if words[:1] and words[0].lower() in {"the", "a", "an"}:
            words = words[1:]
        if word is None or word.group().lower() not in ORG_HEADS or not any(w[:1].isupper() for w in words):
            return None
        if len(words) > MAX_ROLE_WORDS:
            return None
        return Mention(start, end, start, self.text[start:end], NounPhrase("org", words), False)

    def _appositive_name(self, mention: Mention, verb_start: int) -> bool:
        """"The transport minister, Ravi Anand, said": a name set off by commas right before the verb speaks."""
        return mention.phrase.kind == "person" and bool(_APPOSITION.fullmatch(self.text, mention.end, verb_start)) \
            and self.text[: mention.outer].rstrip().endswith(",")

    def _named_in_apposition(self, mention: Mention, mentions: list[Mention]) -> Mention:
        """"The college's president, Dr Fiona McKay, wrote": the name in apposition to a role is the speaker."""
        if mention.phrase.kind == "person":
            return mention
        following = next((m for m in mentions if m.start >= mention.end), None)
        if following is not None and following.phrase.kind == "person" and _APPOSITION.fullmatch(
            self.text, mention.end, following.start
        ):
            if following.who is None:
                following.who = self.resolver.resolve(following, as_speaker=True)
            if following.who is not None:
                return following
        return mention

    def before_verb(self, mention: Mention, verbs: list[re.Match[str]]) -> bool:
        return any(_AUX_GAP.fullmatch(self.text, mention.end, v.start()) for v in verbs if v.start() >= mention.end)

    def subject_like(self, mention: Mention, mentions: list[Mention], floor: int) -> bool:
        """A name opening a clause (not the object of a preposition or verb): a candidate for "he"."""
        if self.parse is not None and self.parse.is_subject(mention.start, mention.end):
            return True
        before = self.text[floor : mention.outer].rstrip()
        if not before or before[-1] in ",;:(—–":
            return True
        last_word = before.split()[-1].lower()
        if last_word == "and":
            previous = [m for m in mentions if m.end <= mention.outer and re.fullmatch(
                r"\s+and\s+", self.text[m.end : mention.outer])]
            return not previous or self.subject_like(previous[-1], mentions, floor)
        return last_word in CLAUSE_OPENERS

    def event(
        self, verb: re.Match[str], unit: Span, mentions: list[Mention], events: list[Event], subject: Who | None
    ) -> Event | None:
        """The speaker and clause of one speech verb, or None when no speaker can be found."""
        word = verb.group().lower()
        start, end = verb.start(), verb.end()
        if word == ACCORDING_TO:
            return self.according_to(verb, unit, mentions)
        quote_only = word in QUOTE_ONLY_VERBS
        parsed = self._parsed_event(verb, unit, mentions)
        if parsed is not None or word in ACT_VERBS or word in NOUN_LIKE_VERBS:
            # an act of speech, or a verb spelled like a noun, counts only with the subject the parse gives
            return parsed
        for mention in reversed([m for m in mentions if m.end <= start]):
            if not _AUX_GAP.fullmatch(self.text, mention.end, start) and not self._appositive_name(mention, start):
                continue  # a name inside an appositive ("..., who lives on Old Quay, told"): look further back
            if mention.possessive:
                break
            if self.after_preposition(mention, unit.start) or mention.who is None:
                break
            if word in BASE_FORMS and not self.bare_verb_ok(mention, start):
                break
            who = self.compound(mention, mentions, unit.start) or mention.who
            after_quote = self.after_closing_quote(mention.outer, unit.start)
            event = Event(start, end, mention.start, who)
            if not (quote_only or after_quote):
                self.set_content(event, word, unit)
            return event
        if word in BASE_FORMS:
            return None
        lead = _PARTICIPLE_LEAD.search(self.text, unit.start, start)
        if lead is not None and not self.mention_just_before(start, mentions):
            carried = events[-1].who if events else subject
            if carried is None:
                return None
            event = Event(start, end, lead.start(), carried)
            if not quote_only:
                self.set_content(event, word, unit)
            return event
        if self.after_closing_quote(start, unit.start):
            follower = self.follower(end, mentions)
            if follower is not None and follower.who is not None:
                return Event(start, end, start, follower.who)
        return None

    def follower(self, position: int, mentions: list[Mention]) -> Mention | None:
        """The mention right after a verb ("said Mr Reed", "according to X"), resolved ahead of its turn."""
        after = (m for m in mentions if m.start >= position and not self.text[position : m.start].strip())
        follower = next(after, None)
        if follower is not None and follower.who is None:
            follower.who = self.resolver.resolve(follower, as_speaker=True)
        return follower

    def bare_verb_ok(self, mention: Mention, verb_start: int) -> bool:
        """"did say", "will tell", "officials say", "they say" are speech; "state banks" is not."""
        gap = {w.lower() for w in self.text[mention.end : verb_start].split()}
        plural = mention.phrase.kind in {"group", "joint"} or mention.phrase.words == ["they"]
        return bool(gap & MODALS) or plural

    def mention_just_before(self, position: int, mentions: list[Mention]) -> bool:
        return any(_AUX_GAP.fullmatch(self.text, m.end, position) for m in mentions if m.end <= position)

    def compound(self, mention: Mention, mentions: list[Mention], floor: int) -> Who | None:
        """"Biden and Johnson said": both are speakers."""
        earlier = [m for m in mentions if m.end <= mention.outer]
        if not earlier or not re.fullmatch(r"\s+and\s+", self.text[earlier[-1].end : mention.outer]):
            return None
        first = earlier[-1]
        if mention.who is None or first.who is None or not first.who.speakers:
            return None
        if first.possessive or self.after_preposition(first, floor):
            return None
        if self._portfolio_word(first):  # "Apprenticeships and Skills Minister Anne Milton": one minister
            return None
        speakers = tuple(dict.fromkeys(first.who.speakers + mention.who.speakers))
        text = self.text[first.start : mention.end]
        return Who(speakers, text, first.who.uncertain or mention.who.uncertain, None, "joint")

    def _portfolio_word(self, mention: Mention) -> bool:
        """A lone capitalised word nobody in the article is called, such as the first half of a portfolio."""
        phrase = mention.phrase
        if phrase.kind != "person" or phrase.strong or len(phrase.words) != 1:
            return False
        person, _ = self.resolver.cast.lookup(phrase.words, mention.start)
        return person is None or len(person.positions) <= 1

    def _joins_a_name(self, mention: Mention, floor: int) -> bool:
        """"Ministry of Health spokesperson Christopher Nyanga said": the "of" before the mention joins the words of
        a capitalised name, it does not govern the mention (as in "the wife of John Smith said")."""
        before = self.text[floor : mention.outer].split()
        return len(before) >= 2 and before[-1] in {"of", "for"} and before[-2][:1].isupper()

    def after_preposition(self, mention: Mention, floor: int) -> bool:
        before = self.text[floor : mention.outer].split()
        return bool(before) and before[-1].lower() in PREPOSITIONS

    def after_closing_quote(self, position: int, floor: int) -> bool:
        before = self.text[floor:position].rstrip(" \t,;—–-")
        return before.endswith(("”", '"'))

    def according_to(self, verb: re.Match[str], unit: Span, mentions: list[Mention]) -> Event | None:
        """"..., according to X" / "According to X, ...": the rest of the sentence is X's, and so it is after
        "according to a police statement" or "a report by X"."""
        follower = self.follower(verb.end(), mentions)
        who, source_end = (follower.who, follower.end) if follower is not None else (None, verb.end())
        if who is None or (follower is not None and self.modifies_noun(follower)):
            who, source_end = self.carrier_owner(verb.end(), mentions)
        if who is None:
            return None
        event = Event(verb.start(), verb.end(), verb.start(), who)
        lead = self.text[unit.start : verb.start()].strip(" \t,")
        if not lead or lead.lower() in {"but", "however", "and"}:
            tail = _LEAD_PUNCT.match(self.text, source_end)
            event.content_start = tail.end() if tail else source_end
            event.content_end = unit.end
        else:
            event.content_start, event.content_end = unit.start, verb.start()
        return event

    def carrier_owner(self, position: int, mentions: list[Mention]) -> tuple[Who | None, int]:
        """Whose statement, briefing or report is named at ``position`` ("an official police briefing", "a report by
        the Office for National Statistics"), and where that source's words end."""
        by = _CARRIER_BY.match(self.text, position)
        for mention in mentions:
            if mention.start < position:
                continue
            if by is not None:
                owns = _CARRIER_BY_OWNER.fullmatch(self.text, by.end(), mention.start) is not None
                source_end = mention.end
            else:
                carrier = _CARRIER_AFTER.match(self.text, mention.end)
                owns = carrier is not None and _CARRIER_LEAD.fullmatch(self.text, position, mention.start) is not None
                source_end = carrier.end() if carrier is not None else mention.end
            if not owns:
                continue
            if mention.who is None:
                mention.who = self.resolver.resolve(mention, as_speaker=True)
            who = mention.who
            if who is not None and len(who.speakers) == 1 and who.speakers[0].startswith("official "):
                # "an official police briefing": the police's
                who = replace(who, speakers=(who.speakers[0].removeprefix("official "),))
            return who, source_end
        return None, position

    def modifies_noun(self, mention: Mention) -> bool:
        """"according to official figures": a lower-case role word followed by a noun is an adjective."""
        following = LETTER_WORD.match(self.text, mention.end + 1)
        return (
            mention.text[-1:].islower() and self.text[mention.end : mention.end + 1] == " " and following is not None
            and following.group()[0].islower() and following.group().lower() not in PREPOSITIONS | CLAUSE_OPENERS
        )

    def set_content(self, event: Event, verb: str, unit: Span) -> None:
        """Where the reported clause starts: after "that", a colon, or the object of "told"."""
        window_end = min(unit.end, event.verb_end + 160)
        that = _THAT.search(self.text, event.verb_end, window_end)
        if that is not None:
            gap = self.text[event.verb_end : that.start()]
            # "said on Monday that ...", but not "said it was an honor to be named to that position"
            if not re.search(r"[,:;“”\"]", gap) and len(gap.split()) <= 8 \
                    and not {w.lower() for w in gap.split()} & AUXILIARIES:
                event.content_start = that.end()
                return
        punct = _LEAD_PUNCT.match(self.text, event.verb_end, window_end)
        if punct is not None and self.text[event.verb_end : punct.end()].strip():
            event.content_start = punct.end()
            return
        if verb in TELL_VERBS:
            obj = _TELL_OBJECT.match(self.text, event.verb_end, window_end)
            if obj is not None:
                event.content_start = obj.end()
                event.introduced = ":" in obj.group() or "," in obj.group()
                return
        event.content_start = event.verb_end
        event.introduced = False

    def reported_span(self, event: Event, unit: Span, quotes: list[Quote], caption: bool) -> Span | None:
        """The reported clause of an event, or None when it is empty, too short or holds a quote."""
        if event.content_start is None or event.content_end is None:
            return None
        start, end = event.content_start, event.content_end
        clause = self.text[start:end]
        if caption:
            clause = _CAPTION_CREDIT.sub("", clause)
        end = start + len(clause)
        start, end = trim_clause(self.text, start, end)
        if any(q.mark_start < end and start < q.mark_end for q in quotes):
            return None
        words = self.text[start:end].split()
        if len(words) < MIN_REPORTED_WORDS:
            return None
        if not event.introduced and words[0].lower() in PREPOSITIONS | AUXILIARIES \
                and not _APPROXIMATE.match(self.text, start):
            return None
        return Span(start, end)
