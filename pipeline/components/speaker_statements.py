"""Answers "What did X say?" from the attribution index: X's statements in document order, each cited."""

import re
from collections.abc import Mapping
from typing import Any

from haystack import component, default_from_dict, default_to_dict

from pipeline.attribution.vocabulary import QUOTE_ONLY_VERBS, SPEECH_VERBS
from pipeline.components.router import SpeakerQuestion
from pipeline.lexicon import terms
from pipeline.sentences import split_sentences
from pipeline.statement_source import StatementList, StatementSource
from pipeline.types import Article, AskResult, Citation, Paragraph, Statement

# What makes a quote part of a report: "said that it was “...”", "told reporters that ...", or a verb that frames
# it ("described the attack as “painful.”", "called it “a disgrace”").
_REPORTING = re.compile(r"\bthat\b|\b(?:" + "|".join(sorted(QUOTE_ONLY_VERBS, key=len, reverse=True)) + r")\b")
# ... or a speech verb and the start of its clause, the quote opening inside it with no comma or colon before it:
# 'said the guardsmen were "indispensable."' (not 'said, "We ..."', where the quote is the whole report).
_REPORTED_LEAD = re.compile(
    r"\b(?:" + "|".join(sorted(SPEECH_VERBS - QUOTE_ONLY_VERBS, key=len, reverse=True)) + r")\s+[^,:;“”\"]*\w\s+[“\"]$"
)
# After a speaker named at the end of a report, the one word before the full stop is the verb: "..., Marciano noted."
_FINAL_VERB = re.compile(r"\s+[a-z]+(?=[.?!…])")


# The words a sentence may open with before the mention of its speaker and still be that speaker's name: an article
# and up to two lower-case words after it ("A local" before "official"), and capitalised words ("Agency
# Spokesman" before "Ron Redmond"); a comma, or a lower-case word elsewhere, ends it. The alternatives never
# match the same words ("The" is only an article), so a long run of words that fails is read once, not tried in
# every split (an article that was also a capitalised word made that exponential).
_SUBJECT_OPENING = re.compile(
    r"(?:(?:(?:[Tt]he|[Aa]n?)(?:\s+(?!(?:the|an?)\s)[a-z][\w-]*){0,2}|(?!(?:The|An?)\s)[A-Z][\w.’'-]*)\s+)*"
)
# What may close a sentence after a report's last word: its full stop, question or exclamation mark, closing marks.
_CLOSING = re.compile(r"[”’\"')\]]*[.?!…]+[”’\"')\]]*")


@component
class SpeakerStatementsAnswerer:
    """Lists a speaker's statements (filtered by topic when one is named); abstains for unknown speakers."""

    def __init__(self, *, max_statements: int = 50) -> None:
        self.max_statements = max_statements
        self.statements: StatementSource = StatementList()
        self.articles: Mapping[str, Article] = {}

    def attach(self, *, statements: StatementSource, articles: Mapping[str, Article]) -> None:
        """Hand over the attribution index (kept out of ``to_dict``: it is data, not configuration); its speaker
        directory is built on the first speaker question."""
        self.statements = statements
        self.articles = articles

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(self, max_statements=self.max_statements)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SpeakerStatementsAnswerer":
        return default_from_dict(cls, data)

    @component.output_types(result=AskResult)
    def run(self, speaker: SpeakerQuestion) -> dict[str, Any]:
        canonical, chosen = self.statements.speakers.statements_of(speaker.name, self.statements.statements)
        if canonical is None:
            return {"result": AskResult(question=speaker.question, answer=None, abstained=True, route="speaker")}
        if speaker.topic:
            topic_terms = set(terms(speaker.topic))
            chosen = [s for s in chosen if topic_terms & set(terms(self._context(s)))]
        chosen = chosen[: self.max_statements]
        if not chosen:
            return {"result": AskResult(question=speaker.question, answer=None, abstained=True, route="speaker")}
        citations = list({(c.doc_id, c.start, c.end): c for c in map(self._citation, chosen)}.values())
        answer = f"{canonical}: " + " ".join(f"[{i}] “{s.text}”" for i, s in enumerate(chosen, start=1))
        return {
            "result": AskResult(
                question=speaker.question, answer=answer, abstained=False, citations=citations, route="speaker",
                confidence=1.0,
            )
        }

    def _context(self, statement: Statement) -> str:
        """The statement's paragraph: the topic may be named around the quote rather than in it."""
        article = self.articles.get(statement.doc_id)
        if article is None:
            return statement.text
        paragraph = article.paragraph_at(statement.start)
        return article.text[paragraph.start : paragraph.end] if paragraph else statement.text

    def _citation(self, statement: Statement) -> Citation:
        """A direct quote is cited as its words; reported speech, and a quote inside a reported clause ("Doe said
        that it was a “disgrace”"), with the words that say who reports it, from the speaker's mention on."""
        article = self.articles.get(statement.doc_id)
        paragraph = article.paragraph_at(statement.start) if article else None
        start, end = statement.start, statement.end
        if article is not None and paragraph is not None and statement.mention:
            if statement.kind == "reported":
                start, end = _with_mention(article.text, paragraph, statement)
            elif _inside_report(article.text, paragraph, statement):
                # the whole report, to the end of its sentence: 'Hutton says that "changes in the fault line" from
                # April's quake caused today's quake.', closing mark included
                start, end = _with_mention(article.text, paragraph, statement)
                end = max(end, _sentence_end(article.text, paragraph, statement.start))
        return Citation(
            doc_id=statement.doc_id,
            title=statement.title,
            text=article.text[start:end] if article is not None else statement.text,
            start=start,
            end=end,
            score=1.0,
            speaker=statement.speaker,
            role="caption" if statement.is_caption else "body",
            publisher=article.publisher if article else None,
            published=article.published if article else None,
            paragraph_start=paragraph.start if paragraph else statement.start,
            paragraph_end=paragraph.end if paragraph else statement.end,
        )


def _inside_report(text: str, paragraph: Paragraph, statement: Statement) -> bool:
    """Whether a direct quote ends a reported clause of its speaker ("Doe said that the plan was “...”")."""
    mention = statement.mention or ""
    sentence_start = max((x.start for x in split_sentences(text, paragraph.start, paragraph.end)
                          if x.start <= statement.start), default=paragraph.start)
    lead = text[sentence_start : statement.start]
    at = lead.rfind(mention)
    tail = lead[at:] if at >= 0 else ""
    reporting = _REPORTING.search(tail, len(mention)) or _REPORTED_LEAD.search(tail, len(mention))
    return at >= 0 and bool(reporting) and tail.count("“") + tail.count('"') == 1


def _sentence_end(text: str, paragraph: Paragraph, position: int) -> int:
    sentence = next((x for x in split_sentences(text, paragraph.start, paragraph.end) if x.start <= position < x.end),
                    None)
    return sentence.end if sentence is not None else position


def _with_mention(text: str, paragraph: Paragraph, statement: Statement) -> tuple[int, int]:
    """The statement's span widened to the mention of its speaker in the same sentence, before or after it."""
    sentence = next((x for x in split_sentences(text, paragraph.start, paragraph.end)
                     if x.start <= statement.start < x.end), None)
    if sentence is None or not statement.mention:
        return statement.start, statement.end
    pattern = re.compile(r"(?<!\w)" + re.escape(statement.mention) + r"(?!\w)")
    before = [m for m in pattern.finditer(text, sentence.start, statement.start)]
    if before:
        start = before[-1].start()
        if _SUBJECT_OPENING.fullmatch(text, sentence.start, start):
            start = sentence.start  # "The U.N. refugee agency says", "Agency Spokesman Ron Redmond says"
        return start, _closing_punctuation_end(text, statement.end, sentence.end)
    after = pattern.search(text, statement.end, max(sentence.end, statement.end))
    if after is not None:
        verb = _FINAL_VERB.match(text, after.end(), max(sentence.end, after.end()))
        return statement.start, _closing_punctuation_end(text, verb.end() if verb else after.end(), sentence.end)
    # the mention inside the statement: an act of speech ("NASA calls the mission a total success.") is its sentence
    return statement.start, _closing_punctuation_end(text, statement.end, sentence.end)


def _closing_punctuation_end(text: str, end: int, sentence_end: int) -> int:
    """Past the full stop (and closing marks) that end the sentence, when only they follow ``end``: a report
    that runs to the end of its sentence is cited as the sentence ("She says the woman later died.")."""
    return sentence_end if _CLOSING.fullmatch(text, end, sentence_end) else end
