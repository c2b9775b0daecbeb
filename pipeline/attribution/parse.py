"""The spaCy layer of attribution: PERSON entities for the cast, and who is the subject of each speech verb.

Each article is parsed once, paragraph by paragraph, at index time (the statements built from it are
cached, so a cached article is never parsed again). The parse answers what a pattern cannot: the
subject of a speech verb wherever it stands ("X said", "said X", "X, the director, said", "…, said Jane
Doe, the club's coach", "As the mayor said after the flood, …") and names the small word lists do
not know ("Caroline Fitzsousa", "John Q. Smith III"). Everything else stays with the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.attribution.vocabulary import ACT_LEMMAS, ACT_PARTICLES, ACT_PREDICATIVE_LEMMAS, SPEECH_LEMMAS
from pipeline.nlp import english
from pipeline.types import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Paragraphs parsed per batch of ``nlp.pipe``.
PIPE_BATCH = 64
# Children of a subject that are not part of its name: "Jane Doe, the club's coach" is "Jane Doe".
_DETACHED = {"appos", "relcl", "punct", "acl", "cc", "conj", "advmod"}
# A speech act named by a noun that a speech-verb pattern also matches ("issued a warning that ...").
_SPEECH_ACT_NOUNS = frozenset({"warning", "claim"})
# What someone issues that carries their words, and the verbs that issue it.
_ISSUED_NOUNS = frozenset({"statement", "warning", "message", "claim", "letter", "video", "post", "notice"})
_ISSUE_VERBS = frozenset({"issue", "release", "make", "send", "post", "publish", "give", "put"})
_WRITE_VERBS = _ISSUE_VERBS | {"write", "sign"}
_RELATIVE_PRONOUNS = frozenset({"who"})
_ENTITY_PERSON = "PERSON"
_ENTITY_GROUPS = {"NORP", "ORG", "GPE", "LOC", "FAC"}
_ENTITY_PLACES = {"GPE", "LOC"}


@dataclass
class SpeechVerb:
    """A speech verb of the parse: its subject phrase and, for clause-final or "as" forms, the reported clause."""

    start: int
    end: int
    subject_start: int
    subject_end: int
    subject_head: int  # offset of the subject's head word
    subject_after: bool  # "said Jane Doe"
    clause: tuple[int, int] | None = None  # "…, said X" (before) or "As X said, …" (after)
    authored: bool = False  # the subject is the author of a statement that "reads" ("from X"), after a preposition
    act: bool = False  # a verb of a public act of speech ("praised", "called on"): the sentence is the statement


@dataclass
class ArticleParse:
    """What attribution takes from one article's parse, in offsets of ``Article.text``."""

    persons: list[tuple[int, int]] = field(default_factory=list)
    groups: list[tuple[int, int]] = field(default_factory=list)  # NORP, ORG, GPE, LOC, FAC entities
    places: list[tuple[int, int]] = field(default_factory=list)  # GPE, LOC entities
    verbs: dict[int, SpeechVerb] = field(default_factory=dict)
    subjects: set[int] = field(default_factory=set)  # offsets of the head words of each sentence's subject

    def verb_at(self, start: int) -> SpeechVerb | None:
        return self.verbs.get(start)

    def is_group(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a nationality, organisation or place entity."""
        return any(s < end and start < e for s, e in self.groups)

    def is_place(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a place entity (a dateline's "LONDON:")."""
        return any(s < end and start < e for s, e in self.places)

    def is_subject(self, start: int, end: int) -> bool:
        """Whether the head word of a sentence's subject lies in ``[start, end)`` ("U.S. forward Heather
        O'Reilly has ...": she is what a later "she" refers to)."""
        return any(at in self.subjects for at in range(start, end))

    def is_person(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a PERSON entity."""
        return any(s < end and start < e for s, e in self.persons)


def parse_articles(articles: Sequence[Article]) -> list[ArticleParse]:
    """One parse per article; all paragraphs (but boilerplate) go through ``nlp.pipe`` in batches."""
    parses = [ArticleParse() for _ in articles]
    jobs = [
        (index, paragraph.start, article.text[paragraph.start : paragraph.end])
        for index, article in enumerate(articles)
        for paragraph in article.paragraphs
        if paragraph.role != "boilerplate"
    ]
    docs = english().pipe((text for _, _, text in jobs), batch_size=PIPE_BATCH)
    for (index, offset, _), doc in zip(jobs, docs, strict=True):
        _read(doc, offset, parses[index])
    return parses


def _read(doc: Doc, offset: int, parse: ArticleParse) -> None:
    parse.persons.extend((offset + e.start_char, offset + e.end_char) for e in doc.ents if e.label_ == _ENTITY_PERSON)
    parse.places.extend((offset + e.start_char, offset + e.end_char) for e in doc.ents if e.label_ in _ENTITY_PLACES)
    parse.groups.extend((offset + e.start_char, offset + e.end_char) for e in doc.ents if e.label_ in _ENTITY_GROUPS)
    # only a sentence's own subject: "He says Lubbers was made aware ..." keeps the speaker, not Lubbers, in focus
    parse.subjects.update(offset + t.idx for t in doc if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT")
    # "The singer Tom Hale fell ill": the parser heads the subject with "singer" and hangs the name beside it
    parse.subjects.update(offset + t.idx for t in doc if t.dep_ == "appos" and t.ent_type_ == _ENTITY_PERSON
                          and t.head.dep_ in {"nsubj", "nsubjpass"} and t.head.head.dep_ == "ROOT")
    for token in doc:
        if _speech_act(token):
            if _read_act(token, offset, parse) or not _predicative(token):
                continue
            # "the Times this week called it “...”" inside a clause: no act, but a speech verb as before
        spoken = token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_LEMMAS
        if not spoken and not (token.pos_ == "NOUN" and token.lower_ in _SPEECH_ACT_NOUNS):
            continue
        subject = _subject_of(token, {"nsubj", "nsubjpass"}) or _issuer(token) or _shared_subject(token)
        quoted_by = _quoted_as(token) if subject is None else None
        if quoted_by is not None:  # "local official Huang Limin was quoted by Xinhua as saying: ..."
            subject = _subject_of(quoted_by, {"nsubjpass", "nsubj"})
        if subject is None:
            continue
        authored = token.lemma_.lower() == "read"
        if authored:  # "The statement ..., claiming to be from X, reads: “...”"
            subject = _author(subject)
            if subject is None:
                continue
        if not authored and subject.lemma_.lower() in _ISSUED_NOUNS:
            subject = _issued_earlier(subject) or subject  # "... issued a message ... The message says ..."
        if subject.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
            subject = token.head  # "... Syria's foreign minister, who told her she is free to go": the minister
        start, end = _subject_span(subject)
        named = _named_in_apposition(subject, quoted_by or token)
        if named is not None:  # the subject runs on to the name ("the commissioner, Volker Turk,"), headed by it
            subject, end = named, _subject_span(named)[1]
        verb = SpeechVerb(
            start=offset + token.idx, end=offset + token.idx + len(token.text),
            subject_start=offset + start, subject_end=offset + end, subject_head=offset + subject.idx,
            subject_after=subject.i > token.i, authored=authored,
        )
        verb.clause = _clause(token, subject, offset)
        parse.verbs[verb.start] = verb


def _speech_act(token: Token) -> bool:
    """"praised", "outlined", "called on", "called the plan a disgrace": a verb of a public act of speech
    (``ACT_LEMMAS``, ``ACT_PARTICLES``, ``ACT_PREDICATIVE_LEMMAS``)."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    children = list(token.children)
    particles = ACT_PARTICLES.get(lemma)
    if particles is not None and any(c.dep_ in {"prep", "prt"} and c.lower_ in particles for c in children):
        return not (lemma == "set" and any(c.dep_ == "xcomp" for c in children))  # "set out plans", not "to climb"
    if lemma in ACT_PREDICATIVE_LEMMAS:
        return _predicative(token)
    return lemma in ACT_LEMMAS and particles is None


def _predicative(token: Token) -> bool:
    """"called the plan a disgrace" (spaCy's object predicate), not "called the dog Rex"."""
    return any(c.dep_ == "oprd" for c in token.children)


def _read_act(token: Token, offset: int, parse: ArticleParse) -> bool:
    """An act of speech counts only as the sentence's main verb with its own active subject before it: "the plan
    the mayor praised" is about the plan, "the crew was praised by" names who was praised, not who spoke. A clause
    the parser hangs on a verb after it ("X has praised the exporters as new data shows ...") still leads. Whether
    the act was read."""
    subject = _subject_of(token, {"nsubj"})
    main = token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT") \
        or (token.dep_ == "ccomp" and token.head.i > token.i)
    if subject is None or subject.i > token.i or not main:
        return False
    start, end = _subject_span(subject)
    parse.verbs[offset + token.idx] = SpeechVerb(
        start=offset + token.idx, end=offset + token.idx + len(token.text),
        subject_start=offset + start, subject_end=offset + end, subject_head=offset + subject.idx,
        subject_after=False, act=True,
    )
    return True


def _subject_of(verb: Token, deps: set[str]) -> Token | None:
    """The verb's subject, past a wire story's dateline: in "SEATTLE, August 14, 2009 – Agriculture Secretary Tom
    Vilsack today outlined ..." the parser may take the dateline's place for a subject, beside the real one or with
    the speaker hung on it as an apposition."""
    subjects = [c for c in verb.children if c.dep_ in deps]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.ent_type_ not in _ENTITY_PLACES or subject.i != subject.sent.start:
        return subject
    if len(subjects) > 1:
        return subjects[1]
    named = [c for c in subject.children if c.dep_ == "appos" and c.ent_type_ in {_ENTITY_PERSON, "ORG"}]
    return named[-1] if named else subject


def _quoted_as(verb: Token) -> Token | None:
    """"X was quoted (by Xinhua) as saying ...": the verb "quoted" whose subject speaks through "saying"."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.head.lemma_.lower() != "quote":
        return None
    return verb.head.head


def _shared_subject(verb: Token) -> Token | None:
    """"He attempted to sing, but instead said “...”": a verb joined to an earlier one shares its active subject."""
    if verb.dep_ != "conj" or verb.head.i > verb.i:
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


def _issuer(token: Token) -> Token | None:
    """"Pyongyang issued a warning that ...", "The ministry issued a statement saying ...": the words are those of
    whoever issued the warning or statement (the subject of the verb the noun is the object of)."""
    noun = token.head if token.dep_ == "acl" and token.head.lemma_.lower() in _ISSUED_NOUNS else token
    return _issued_by(noun) if noun.lemma_.lower() in _ISSUED_NOUNS else None


def _issued_by(noun: Token) -> Token | None:
    """The subject of the verb that issued ``noun`` ("The ministry issued a statement"), if it is such an object."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in _ISSUE_VERBS:
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)


def _issued_earlier(noun: Token) -> Token | None:
    """"The U.S. embassy issued a message on Monday .... The message says ...": who issued the message the
    paragraph named before (the subject of the verb it was the object of)."""
    earlier = [t for t in noun.doc[: noun.i] if t.lemma_.lower() == noun.lemma_.lower() and t.dep_ == "dobj"
               and t.head.lemma_.lower() in _ISSUE_VERBS]
    return _issued_by(earlier[-1]) if earlier else None


def _author(subject: Token) -> Token | None:
    """Who wrote the statement or letter that "reads": the one it is "from", or "by" whom it was issued (not the
    agency that "carried" it)."""
    if subject.lemma_.lower() not in _ISSUED_NOUNS:
        return None
    for token in subject.subtree:
        if token.dep_ != "pobj" or token.head.lower_ not in {"from", "by"}:
            continue
        if token.head.lower_ == "by" and token.head.head.lemma_.lower() not in _WRITE_VERBS:
            continue
        return token
    return None


def _named_in_apposition(subject: Token, verb: Token) -> Token | None:
    """"UNHCR's Regional Coordinator for Syrian Refugees, Panos Moumtzis, says ...": the person named in
    apposition just before the verb speaks, wherever the parser hung the apposition (here on "Refugees")."""
    if subject.ent_type_ == _ENTITY_PERSON or subject.i > verb.i:
        return None
    for token in subject.subtree:
        # "The venue, Metro Radio Arena, have announced": an organisation named beside a common noun speaks too
        named = token.ent_type_ == _ENTITY_PERSON or (token.ent_type_ in {"ORG", "FAC"} and not subject.ent_type_)
        if token.dep_ != "appos" or not named or token.i < subject.i:
            continue
        between = subject.doc[token.i + 1 : verb.i]  # a comma, then perhaps "has", "also": "..., X, has also said"
        closed = len(between) > 0 and between[0].text == ","
        # a person's name needs no closing comma: "local official, Huang Limin was quoted as saying"
        if (closed or token.ent_type_ == _ENTITY_PERSON) and all(
                t.text == "," or t.dep_ in {"aux", "auxpass", "neg", "advmod"} for t in between):
            return token
    return None


def _subject_span(subject: Token) -> tuple[int, int]:
    """The subject's own words: its entity when it is in one, else its subtree without appositions or clauses."""
    if subject.ent_type_ and subject.ent_iob_ in {"B", "I"}:
        entity = next(e for e in subject.doc.ents if e.start <= subject.i < e.end)
        return entity.start_char, entity.end_char
    tokens = [subject]
    for child in subject.children:
        if child.dep_ not in _DETACHED:
            tokens.extend(child.subtree)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _clause(verb: Token, subject: Token, offset: int) -> tuple[int, int] | None:
    """The words a speech verb reports when they stand apart from it.

    "…were picked for their speed, said Jane Doe" / "…, police said": the clause before the verb and its subject
    (the verb's ``ccomp`` to the left).
    "As the mayor said after the flood, the town has never…": the main clause the "as" clause hangs on.
    """
    if subject.i > verb.i:
        before = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i < verb.i]
        if before:
            words = list(before[0].subtree)
            return offset + words[0].idx, offset + words[-1].idx + len(words[-1].text)
        return None
    before = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i < subject.i]
    after = [t for t in verb.sent if t.i > verb.i]
    ends = not any(t.dep_ in {"ccomp", "dobj", "xcomp"} or t.text in ":“”\"" for t in after)
    if before and verb.dep_ == "ROOT" and ends:  # "The roads were impassable for days, police said (on Monday)."
        words = list(before[0].subtree)
        while words and words[-1].is_punct:
            words.pop()
        return offset + words[0].idx, offset + words[-1].idx + len(words[-1].text)
    marked = any(c.lower_ == "as" and c.i < verb.i and c.dep_ in {"mark", "prep", "advmod"} for c in verb.children)
    if verb.dep_ != "advcl" or not marked:
        return None
    inside = {t.i for t in verb.subtree}
    if verb.head.i > verb.i:
        words = [t for t in verb.head.subtree if t.i > max(inside)]
        comma = next((t for t in words if t.text == "," and t.i < verb.head.i), None)
        if comma is not None:  # "As X said after the storm, the wall ...": the clause starts after the comma
            words = [t for t in words if t.i > comma.i]
    else:
        words = [t for t in verb.head.subtree if t.i < min(inside)]
    while words and words[0].is_punct:
        words.pop(0)
    while words and words[-1].is_punct:
        words.pop()
    if not words:
        return None
    return offset + words[0].idx, offset + words[-1].idx + len(words[-1].text)
