"""Reading an article paragraph by paragraph: transcript turns, block quotes, quotes and reported speech.

The state carried between paragraphs is who holds a quote left open, who spoke last, whose transcript
turn it is and whose block of unquoted paragraphs follows "X said:".
"""

from __future__ import annotations

import re

from pipeline.attribution.cast import Cast
from pipeline.attribution.clauses import ClauseReader
from pipeline.attribution.forms import DocumentForms
from pipeline.attribution.labels import TranscriptLabels
from pipeline.attribution.mentions import MentionFinder
from pipeline.attribution.parse import ArticleParse
from pipeline.attribution.quotes import QUOTE_MARK, find_quotes, stray_closing, units
from pipeline.attribution.records import Event, Quote, Who
from pipeline.attribution.resolution import Resolver
from pipeline.attribution.statements import make_statements, whole_paragraph
from pipeline.attribution.vocabulary import FIRST_PERSON_VOICE
from pipeline.types import Article, Paragraph, Span, Statement

SCARE_QUOTE_MAX_WORDS = 3
# A block introduced by "X said:" runs over at most this many unquoted paragraphs (a release's quote block).
BLOCK_MAX_PARAGRAPHS = 6
# The first paragraphs of such a block are the speaker's whatever they say; later ones need the first person.
BLOCK_FREE_PARAGRAPHS = 2
# What may follow the verb of a block intro: "said:", "told reporters:", "said in a statement:".
_INTRO_TAIL = re.compile(r"(?:\s+[\w’'-]+){0,5}\s*:\s*")
_ADJACENT = re.compile(r"[\s,;:—–-]*")
_ADDRESSED = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
# "I said", "we told them": the turn holder speaking of themselves, never someone else inside their turn.
_SELF_MENTIONS = frozenset({"I", "We", "we", "i"})
# What may end a sentence after its closing attribution: ", Ang Ky said." / "..., she said on Monday."
_CLOSING_TAIL = re.compile(r"(?:[ \t]+[\w’'-]+){0,4}?[ \t]*[.!?]?[”\"]?\s*")
_SIGNATURE_DASH = re.compile(r"[ \t]*(?:—|–|--|-)[ \t]*")


class Extractor:
    """Two passes: first who is who in the article (the cast), then statements paragraph by paragraph."""

    def __init__(self, article: Article, parse: ArticleParse | None = None) -> None:
        self.article = article
        self.text = article.text
        self.paragraphs = [p for p in article.paragraphs if p.role != "boilerplate"]
        self.finder = MentionFinder(self.text, self.paragraphs)
        self.cast = Cast(self.text, self.paragraphs, self.finder, parse)
        self.cast.collect_persons()
        self.resolver = Resolver(self.cast)
        self.clauses = ClauseReader(self.text, self.finder, self.resolver, parse)
        self.forms = DocumentForms(self.text, self.paragraphs, self.cast, self.finder, self.resolver)
        self.labels = TranscriptLabels(self.text, self.paragraphs, self.cast, self.resolver,
                                       interviewer=self.forms.interviewer)
        self.paragraph_events: list[Event] = []  # the speech events of the paragraph read last

    def run(self) -> list[Statement]:
        statements: list[Statement] = []
        open_who: Who | None = None  # speaker of a quote left open at the end of the last paragraph
        last_direct: Who | None = None  # speaker of the last quote of the last paragraph
        transcript: Who | None = None  # whose transcript turn goes on
        block: Who | None = None  # whose unquoted paragraphs follow "X said:"
        block_left = 0
        answering: Who | None = None  # the guest answering the last question of a question-and-answer interview
        asker: Who | None = None  # the interviewer of a transcript, once a "Q:" turn was labelled
        unmarked: dict[int, int] = {}  # paragraphs an open quote runs through without marks: index -> its end
        for index, paragraph in enumerate(self.paragraphs):
            if paragraph.role == "headline":
                continue
            if index in unmarked and open_who is not None:
                start = self.labels.words_start(paragraph)
                statements.extend(make_statements(self.article, paragraph, start, unmarked[index], open_who, "direct"))
                if unmarked[index] < paragraph.end:  # the quote closes here
                    open_who = last_direct = None
                continue
            turn = self.labels.label(paragraph)
            if turn is not None and turn.who is not None and turn.who.kind == "interviewer":
                asker = turn.who
            if turn is not None:
                transcript = None if turn.sound_bite else turn.who
                open_who = last_direct = block = answering = None
                if turn.who is not None:
                    statements.extend(whole_paragraph(self.article, paragraph, turn.start, turn.who))
                    statements.extend(self._quoted_inside(paragraph, turn.who))
                    continue
            # A label naming no one ("Contact: Barb Maynes, 360-565-3005 The park ...", "NARRATOR:") closes the turn
            # before it, and its paragraph is read as narration: whoever it quotes still speaks.
            unnamed_label = turn is not None
            if self.forms.guest is not None and transcript is None and not unnamed_label:
                if self.forms.interviews.is_question(paragraph):
                    statements.extend(whole_paragraph(self.article, paragraph, paragraph.start,
                                                      self.forms.interviews.asker_of(paragraph)))
                    answering = self.forms.guest
                    continue
                if answering is not None and paragraph.role in {"body", "subheading"}:
                    statements.extend(whole_paragraph(self.article, paragraph, paragraph.start, answering))
                    continue
            if self.forms.remarks.ends_speech(paragraph):
                self.forms.stop_speech()
            if paragraph.role == "subheading":
                transcript = open_who = last_direct = block = None
                continue
            if transcript is not None and asker is not None and self._asks_the_guest(paragraph, transcript, asker):
                statements.extend(whole_paragraph(self.article, paragraph, paragraph.start, asker))
                continue
            if transcript is not None and paragraph.role == "body":
                if self.forms.page.when_line(paragraph):
                    continue  # "July 23, 2004 | 11:10 a.m.(EDT)" between two turns: no one's words
                statements.extend(whole_paragraph(self.article, paragraph, self.labels.words_start(paragraph),
                                                  transcript))
                statements.extend(self._quoted_inside(paragraph, transcript))
                continue
            opens_quote = self.text[paragraph.start : paragraph.start + 1] in "“\""
            carried = block if block is not None and opens_quote else open_who
            found, paragraph_open, paragraph_last = self._paragraph(paragraph, carried, last_direct)
            if block is not None and block_left > 0 and paragraph.role == "body" and not found \
                    and not self.paragraph_events and self._unquoted(paragraph) \
                    and self._in_voice(paragraph, BLOCK_MAX_PARAGRAPHS - block_left):
                statements.extend(whole_paragraph(self.article, paragraph, paragraph.start, block))
                block_left -= 1
                continue
            voice = self.forms.speech_voice(index) if paragraph.role == "body" else None
            if voice is not None and not self.forms.page.furniture(paragraph) and not unnamed_label:
                # the whole paragraph is the speaker's; people they quote keep their own words (the tighter statement)
                statements.extend(whole_paragraph(self.article, paragraph, paragraph.start, voice))
                found = [s for s in found if s.speaker is not None and s.speaker not in voice.speakers
                         and not s.uncertain]
            elif paragraph.role == "body":
                self.forms.lead_names_speaker(index, [e.who for e in self.paragraph_events])
            statements.extend(found)
            block = self._block_intro(paragraph, found)
            block_left = BLOCK_MAX_PARAGRAPHS
            if paragraph.role != "caption":
                open_who, last_direct = paragraph_open, paragraph_last or self._last_reporter()
                if open_who is not None and open_who.speakers:
                    unmarked = self._unmarked_continuation(index)
        statements.sort(key=lambda s: (s.start, s.end))
        return statements

    def _unquoted(self, paragraph: Paragraph) -> bool:
        """No quote marks, or only a stray closing mark ending the paragraph (the last of a block pasted from a quote
        whose opening mark was dropped: "... in the right direction.”")."""
        marks = QUOTE_MARK.findall(self.text, paragraph.start, paragraph.end)
        end = paragraph.start + len(self.text[paragraph.start : paragraph.end].rstrip())
        return not marks or (len(marks) == 1 and stray_closing(self.text, paragraph.start, end))

    def _asks_the_guest(self, paragraph: Paragraph, transcript: Who, asker: Who) -> bool:
        """"Q:" and "A:" label the first exchange only: a later unlabelled question put to "you" is the interviewer's,
        and the guest answers it in the paragraphs after."""
        return paragraph.role == "body" and transcript != asker and self.forms.interviews.is_question(paragraph) \
            and bool(_ADDRESSED.search(self.text, paragraph.start, paragraph.end))

    def _unmarked_continuation(self, index: int) -> dict[int, int]:
        """A quote left open at the end of paragraph ``index`` whose next paragraphs open with no mark, as a
        statement pasted without the marks of each new paragraph prints it: it runs on, paragraph by paragraph,
        to its closing mark. Only when that closing mark comes within ``BLOCK_MAX_PARAGRAPHS``; a quote never
        closed is a stray mark, and the narration after it is nobody's quote."""
        run: dict[int, int] = {}
        for later in range(index + 1, min(index + 1 + BLOCK_MAX_PARAGRAPHS, len(self.paragraphs))):
            paragraph = self.paragraphs[later]
            text = self.text[paragraph.start : paragraph.end]
            if paragraph.role not in {"body", "subheading"} or text[:1] in "“\"":
                return {}
            close = _unmatched_close(text)
            if close is not None:
                run[later] = paragraph.start + close
                return run
            run[later] = paragraph.end
        return {}

    def _last_reporter(self) -> Who | None:
        """Who last spoke in the paragraph just read, reported ("Weber says the residents will ..."): a quote
        making up the next paragraph goes on in their words, as news copy sets a quote below its speaker."""
        spoken = [e.who for e in self.paragraph_events if e.who.speakers]
        return spoken[-1] if spoken else None

    def _quoted_inside(self, paragraph: Paragraph, holder: Who) -> list[Statement]:
        """Someone else's words inside a turn, quoted ("General Ames told me “...”") or reported ("Speaker Pelosi
        said that ..."): theirs as well as the turn holder's. The quote checker lets the tighter statement decide,
        so such words are the named person's."""
        found, _, _ = self._paragraph(paragraph, None, None)
        return [s for s in found if s.speaker is not None and s.speaker not in holder.speakers and not s.uncertain
                and s.mention not in _SELF_MENTIONS]

    def _in_voice(self, paragraph: Paragraph, index: int) -> bool:
        """Whether the ``index``-th paragraph after "X said:" is still X's: the first ``BLOCK_FREE_PARAGRAPHS``
        are; later ones only in the first person ("we", "our", "I"), for narration usually resumes there."""
        in_voice = FIRST_PERSON_VOICE.search(self.text, paragraph.start, paragraph.end)
        return index < BLOCK_FREE_PARAGRAPHS or in_voice is not None

    def _block_intro(self, paragraph: Paragraph, found: list[Statement]) -> Who | None:
        """"The Prime Minister said:" / "She said:" ending a paragraph: the speaker of the block that follows; also
        "The following is a statement from X ..." (``RemarksReader.statement_intro``)."""
        events = self.paragraph_events
        if not events:
            return self.forms.remarks.statement_intro(paragraph)
        if paragraph.role != "body" or not self.text[paragraph.start : paragraph.end].rstrip().endswith(":"):
            return None
        last = events[-1]
        tail = self.text[last.verb_end : paragraph.end]
        if not _INTRO_TAIL.fullmatch(tail) or not last.who.speakers:
            return None
        return last.who

    def _paragraph(
        self, paragraph: Paragraph, open_who: Who | None, last_direct: Who | None
    ) -> tuple[list[Statement], Who | None, Who | None]:
        """Statements of one paragraph, plus who holds a quote left open and who spoke last."""
        quotes = find_quotes(self.text, paragraph.start, paragraph.end)
        self.paragraph_events = []
        statements: list[Statement] = []
        still_open: Who | None = None
        last: Who | None = None
        caption = paragraph.role == "caption"
        for unit in units(self.text, paragraph, quotes):
            unit_quotes = [q for q in quotes if unit.start <= q.mark_start < unit.end]
            events = self.clauses.events(unit, unit_quotes, remember=not caption)
            self.paragraph_events.extend(events)
            for quote in unit_quotes:
                who = self._quote_speaker(quote, unit, events, paragraph, open_who, last_direct, last)
                if who is None:
                    continue
                statements.extend(make_statements(self.article, paragraph, quote.start, quote.end, who, "direct"))
                last = who
                still_open = who if not quote.closed else None
            for event in events:
                span = self.clauses.reported_span(event, unit, unit_quotes, caption)
                if span is not None:
                    statements.extend(
                        make_statements(self.article, paragraph, span.start, span.end, event.who, "reported")
                    )
        return statements, still_open, last

    def _quote_speaker(
        self, quote: Quote, unit: Span, events: list[Event], paragraph: Paragraph,
        open_who: Who | None, last_direct: Who | None, paragraph_speaker: Who | None = None,
    ) -> Who | None:
        """Who a quote belongs to: an adjacent attribution, the verb before it, or the speaker carried over.

        A quote opening a sentence after “...,” he said. in the same paragraph goes on with that speaker.
        """
        opens_unit = not self.text[unit.start : quote.mark_start].strip()
        following = next((e for e in events if e.clause_start >= quote.mark_end
                          and _ADJACENT.fullmatch(self.text, quote.mark_end, e.clause_start)), None)
        preceding = next((e for e in reversed(events) if e.verb_end <= quote.mark_start), None)
        if opens_unit and following is not None:
            return following.who
        covering = next((e for e in events if e.content_start is not None and e.content_end is not None
                         and e.content_start <= quote.mark_start and quote.mark_end <= e.content_end), None)
        if covering is not None:  # The plan is “a disgrace” and must go, Ann Lee said: inside what she said
            return covering.who
        closing = next((e for e in events if e.clause_start >= quote.mark_end
                        and _CLOSING_TAIL.fullmatch(self.text, e.verb_end, unit.end)), None)
        if closing is not None and not any(quote.mark_end <= e.verb_start < closing.verb_start for e in events):
            return closing.who  # “The town has no capacity” to help farmers, Ang Ky said.
        if preceding is not None:
            return preceding.who
        if following is not None:
            return following.who
        if quote.mark_start == paragraph.start:
            if open_who is not None:
                return open_who
            if last_direct is not None:
                return Who(last_direct.speakers, last_direct.mention, True, last_direct.gender, last_direct.kind)
        if opens_unit and paragraph_speaker is not None and paragraph_speaker.speakers:
            return paragraph_speaker
        signed = self._signed_by(quote, paragraph)
        if signed is not None:
            return signed
        if len(self.text[quote.start : quote.end].split()) <= SCARE_QUOTE_MAX_WORDS:
            return None
        return Who((), None, True)

    def _signed_by(self, quote: Quote, paragraph: Paragraph) -> Who | None:
        """“...” — Karen Ames, director of the survey: an epigraph or pull quote signed after a dash."""
        dash = _SIGNATURE_DASH.match(self.text, quote.mark_end, paragraph.end)
        if dash is None:
            return None
        mentions = self.finder.mentions(dash.end(), paragraph.end, narration_only=False)
        first = mentions[0] if mentions else None
        if first is None or first.start != dash.end() or first.phrase.kind not in {"person", "org", "entity"}:
            return None
        return first.who or self.resolver.resolve(first, as_speaker=True)


def _unmatched_close(text: str) -> int | None:
    """Where the first closing mark that no opening mark before it pairs with stands in ``text``, if any."""
    depth = 0
    for match in QUOTE_MARK.finditer(text):
        mark = match.group()
        if mark == "“" or (mark == '"' and depth == 0 and text[match.end() : match.end() + 1].strip()):
            depth += 1
        elif depth > 0:
            depth -= 1
        else:
            return match.start()
    return None
