"""Extractive answers: the source sentence that best answers the question, or an abstention.

Nothing is generated. Each sentence of the retrieved passages is scored on three kinds of
evidence: how close its passage is to the question in embedding space, how much of the question's
content (weighted by rarity, so "French" counts more than "president") it covers, and whether it
holds the kind of thing asked for (a name for "who", a number for "how many"). Whether the best sentence
answers at all is judged apart (``pipeline.answer_confidence``); when it likely does not, the answer is an
abstention: a near miss is worse than "the sources do not say".
"""

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from haystack import Document, component, default_from_dict, default_to_dict
from haystack.core.serialization import component_to_dict

from pipeline.acronyms import spelled_out
from pipeline.answer_confidence import AnswerEvidence, Evidence, answer_confidence
from pipeline.answer_types import (
    AnswerType,
    answer_type,
    asked_acronym,
    counted_words,
    counts,
    focus_words,
    required_words,
    typed_entities,
    word_distance,
)
from pipeline.attribution.vocabulary import (
    ASKER_LABELS,
    INTERVIEWER,
    PUBLISHING_NOTICES,
    SPOKEN_EVENT,
    TITLE_HEADS,
)
from pipeline.entities import Entity, remember_entities
from pipeline.lexicon import STOPWORDS, terms
from pipeline.passage_meta import PassageMeta, retrieval_score
from pipeline.sentences import ends_with_question
from pipeline.statement_source import StatementList, StatementSource
from pipeline.term_statistics import TermStatistics
from pipeline.types import AskResult, Citation

DENSE_WEIGHT = 0.45
CAPTION_PENALTY = 0.05
TYPE_BONUS = 0.06
TYPE_PENALTY = 0.08
# A sentence without any number cannot answer "how many"; names and places are detected less surely.
STRICT_TYPE_PENALTY = {"number": 0.2, "amount": 0.2, "measure": 0.12, "date": 0.12}
UNKNOWN_NAME_PENALTY = 0.15
# The named entities of the leading sentences replace the patterns above as evidence of the asked-for type
# (weights chosen with bench/abstention.py over all evaluation sets together).
RETYPE_CANDIDATES = 10
# Sentences that rise to the top once the leading ones are judged are judged too, up to this many (their entities
# come with the passage from indexing, so each costs little).
RETYPE_RISEN = 40
# How much of the weight of a type word ("city", "old") a sentence holding the asked-for kind of thing earns:
# the word is answered, not repeated, but a sentence of the right type about something else must not gain it all.
FOCUS_CREDIT = 0.5
# A sentence covers at least this share of what its passage covers (a transcript turn names its topic once).
PASSAGE_FLOOR = 0.8
# An entity more than this many words from every question word is taken to be about something else.
RELATION_WINDOW: int | None = 6
ENTITY_BONUS = 0.05
# A place answered only by an ORG ("DOL" for "which city") loses a tie to a proper place ("Washington, DC"),
# but little: the small model tags many towns ORG.
SECOND_CHOICE_PENALTY = 0.02
# An entity of a label the model confuses with the asked-for one ("Kupiansk" as ORG) is weak evidence.
NEAR_ENTITY_BONUS = -0.05
ENTITY_PENALTY = {"number": 0.2, "amount": 0.2, "measure": 0.15, "date": 0.15, "name": 0.15, "place": 0.15}

PREFIX_MIN = 5
# Other passages are cited beside the answer when their best sentence scores this much (the evidence score at which
# the answerer used to answer, less a tenth): weaker ones are about something else.
SUPPORT_SCORE = 0.43
# A question in the source (a reporter's, an interviewer's, a rhetorical "Why study them?") answers nothing:
# it only ever repeats the words of the question asked, so it would otherwise score high.
QUESTION_SENTENCE_PENALTY = 0.3
# A reporter's turn in a briefing ("QUESTION: David Sanger wrote ... that President Bush vetoed ..."): the asker's
# premise, not what the source states. It still answers a question about what was asked, and a premise put to the
# one answering ("In your case, you earned two degrees ...") is about them, which they answer to.
ASKER_PENALTY = 0.15
ABOUT_ASKING = frozenset(terms("reporter reporters journalist question asked asking asks interviewer correspondent"))
_ASKER_TERMS = frozenset(terms(INTERVIEWER))
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
# "EMBARGOED UNTIL DELIVERY", "Remarks as Prepared for Delivery": a header line that answers nothing.
_NOTICE = re.compile(r"\W*(?:" + "|".join(re.escape(n) for n in PUBLISHING_NOTICES) + r")\b[^.!?]{0,40}\W*",
                     re.IGNORECASE)

_NUMBER = re.compile(r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundreds?|thousands?|"
                     r"millions?|dozens?)\b", re.IGNORECASE)
_MEASURE = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|"
                      r"forty|fifty|hundred|a few|several)\s*-?\s*"
                      r"(?:km|kilomet\w*|met(?:re|er)s?|m|miles?|feet|ft|inch\w*|yards?|"
                      r"hours?|days?|weeks?|months?|years?|minutes?|seconds?|acres?|hectares?|tonnes?|tons?)\b",
                      re.IGNORECASE)
_MONEY = re.compile(r"[£$€]\s?\d|\b\d[\d,.]*\s*(?:pounds|dollars|euros|pence|cents|p)\b|\bper\s?cent\b|%",
                    re.IGNORECASE)
_DATE = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|September|"
                   r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                   r"|\b(?:yesterday|today|tonight|tomorrow|last|next|this)\s+(?:week|month|year|weekend|spring|summer|"
                   r"autumn|winter|morning|evening|night)\b|\b(?:yesterday|today|tomorrow)\b"
                   r"|\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b\.?", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)+\b")
_PLACE = re.compile(r"\b(?:in|to|at|from|near)\s+(?:the\s+)?[A-Z][\w’'-]+")
_TITLE_WORD = re.compile(r"[A-Za-z]+")


def expected_answer_type(question: str) -> str | None:
    """The coarse kind of thing asked for (number, amount, measure, date, name, place...), or None."""
    kind = answer_type(question)
    return kind.kind if kind else None


def _covers(term: str, present: AbstractSet[str]) -> bool:
    """Exact stem match, or a shared stem of five letters or more ("annex" / "annexation", "Crimea" / "Crimean")."""
    if term in present:
        return True
    if len(term) < PREFIX_MIN:
        return False
    return any(len(p) >= PREFIX_MIN and (p.startswith(term) or term.startswith(p)) for p in present)


def question_names(question: str) -> set[str]:
    """Stems of capitalised words inside the question: the names an answer must be about."""
    found = set()
    for index, word in enumerate(question.split()):
        stripped = word.strip("?,.!:;\"“”‘’'()")
        if index > 0 and stripped[:1].isupper():
            found.update(terms(stripped))
    return found


def _has_type(sentence: str, kind: str | None, question_terms: set[str], question: str = "") -> bool:
    if kind == "expansion":
        acronym = asked_acronym(question)
        return acronym is not None and spelled_out(acronym, sentence) is not None
    if kind == "number":
        return bool(_NUMBER.search(sentence))
    if kind == "measure":
        return bool(_MEASURE.search(sentence) or _MONEY.search(sentence))
    if kind == "amount":
        return bool(_MONEY.search(sentence))
    if kind == "date":
        return bool(_DATE.search(sentence))
    if kind == "name":
        return any(not set(terms(m.group())) <= question_terms for m in _NAME.finditer(sentence))
    if kind == "place":
        return any(not set(terms(m.group())) <= question_terms for m in _PLACE.finditer(sentence))
    if kind == "title":
        return any(w.lower() in TITLE_HEADS and not set(terms(w)) <= question_terms
                   for w in _TITLE_WORD.findall(sentence))
    return True


@dataclass
class _Candidate:
    passage: Document
    start: int
    end: int
    text: str
    score: float
    dense: float
    coverage: float
    own: float  # the coverage of the sentence's own words: among the sentences of a passage, which says it
    untyped: float = 0.0  # the score before the answer-type evidence
    focus_share: float = 0.0  # weight of the question words that an entity of the asked-for type stands for
    answers: list[Entity] = field(default_factory=list)  # entities of the asked-for type, best first
    evidence: Evidence = "untyped"  # what the entity check found: "strong", "near", "none", or "untyped" (not checked)


@component
class ExtractiveAnswerer:
    """Picks the answer sentence and ranks citations; abstains when the evidence is weak.

    It reads only what retrievers hand on (documents, their meta and scores, embeddings when a retriever was
    asked for them) and word rarity from ``term_statistics``, so any store backend serves it the same."""

    def __init__(
        self, *, term_statistics: TermStatistics, abstain_threshold: float = 0.40, top_k: int = 5
    ) -> None:
        self.term_statistics = term_statistics
        self.abstain_threshold = abstain_threshold
        self.top_k = top_k
        self._statements: StatementSource = StatementList()

    def attach(self, *, statements: StatementSource) -> None:
        """Hand over the attribution index (data, not configuration): who says each sentence."""
        self._statements = statements

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(
            self, term_statistics=component_to_dict(self.term_statistics, "term_statistics"),
            abstain_threshold=self.abstain_threshold, top_k=self.top_k,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ExtractiveAnswerer":
        from pipeline.stores import store_from_dict

        data["init_parameters"]["term_statistics"] = store_from_dict(data["init_parameters"]["term_statistics"])
        return default_from_dict(cls, data)

    @component.output_types(result=AskResult, evidence=AnswerEvidence | None)
    def run(
        self, question: str, documents: list[Document], query_embedding: np.ndarray | list[float] | None = None,
        top_k: int | None = None,
    ) -> dict[str, Any]:
        """The answer, or an abstention when the best sentence is unlikely to answer; ``evidence`` is what that
        was judged on (``bench/fit_abstention.py`` fits the judgement on it)."""
        top_k = top_k or self.top_k
        candidates = self.score_sentences(question, documents, query_embedding)
        if not candidates:
            return {"result": AskResult(question=question, answer=None, abstained=True), "evidence": None}
        best = candidates[0]
        distinct = _distinct(candidates)
        # alone (a one-article corpus), nothing shows the sentence standing out: no lead, not a lead of its whole score
        runner_up = next((c.score for c in distinct if c.passage.id != best.passage.id), best.score)
        evidence = AnswerEvidence(
            score=best.score, untyped=best.untyped, dense=best.dense, coverage=best.coverage, own=best.own,
            focus=best.focus_share, margin=best.score - runner_up, typed=answer_type(question) is not None,
            evidence=best.evidence,
        )
        confidence = answer_confidence(evidence)
        if confidence < self.abstain_threshold:
            closest = [_citation(c) for c in distinct[:top_k]]
            return {"result": AskResult(question=question, answer=None, abstained=True, confidence=confidence,
                                        closest=closest), "evidence": evidence}
        supporting = [c for c in distinct if c.score >= min(SUPPORT_SCORE, best.score)][:top_k]
        start, end = shortest_answer(question, best.text, best.start)
        return {
            "result": AskResult(
                question=question,
                answer=best.text[start - best.start : end - best.start],
                abstained=False,
                citations=[_citation(c) for c in supporting],
                answer_doc_id=PassageMeta.of(best.passage).doc_id,
                answer_start=start,
                answer_end=end,
                confidence=confidence,
            ),
            "evidence": evidence,
        }

    def score_sentences(
        self, question: str, documents: list[Document], query_embedding: np.ndarray | list[float] | None
    ) -> list[_Candidate]:
        """Every sentence of the retrieved passages with its evidence score, best first."""
        question_terms = _question_terms(question)
        metas = [PassageMeta.of(passage) for passage in documents]
        # A name the corpus never mentions ("Paris", "Macron") cannot be what any passage is about. A speech's
        # speaker may be named only in its headline and in who says each sentence, which passages do not hold.
        names = question_names(question) & question_terms
        unknown = [n for n in names if not self.term_statistics.has_term(n)]
        if unknown:
            named_here = frozenset().union(*(_text_terms(m.title) | self._speakers_of(m.doc_id) for m in metas))
            unknown = [n for n in unknown if n not in named_here]
        unknown_names = len(unknown)

        weights = {t: self.term_statistics.idf(t) for t in question_terms}
        total_weight = sum(weights.values()) or 1.0
        fine = answer_type(question)
        kind = fine.kind if fine else None
        # "city" in "Which city ...": answered by a place, not by repeating the word; credited to a sentence
        # only when it holds the asked-for kind of thing.
        focus = {t for w in focus_words(question) for t in terms(w)} & question_terms
        focus_share = sum(weights[t] for t in focus) / total_weight
        content_weights = {t: w for t, w in weights.items() if t not in focus}
        query = np.asarray(query_embedding, dtype=np.float32) if query_embedding is not None else None
        about_asking = bool(set(terms(question)) & ABOUT_ASKING)
        candidates = []
        for passage, meta in zip(documents, metas, strict=True):
            scored = retrieval_score(passage)
            dense = self._dense(passage, query) if scored is None or np.isnan(scored) else scored
            passage_terms = _text_terms(passage.content or "")
            header = _header_terms(meta.title, passage.content or "") if meta.role == "subheading" else frozenset()
            if meta.role == "subheading":  # header lines ("June 4, 2003") are about what the headline names
                passage_terms |= header
            passage_coverage = _coverage(content_weights, passage_terms) / total_weight
            for number, (sentence, text) in enumerate(
                zip(meta.sentences, meta.sentence_texts(passage.content or ""), strict=True)
            ):
                start, end = sentence.start, sentence.end
                if _NOTICE.fullmatch(text):
                    continue
                if meta.entities is not None:
                    remember_entities(text, meta.entities[number])
                speaker_terms, asked = self._turn_of(meta.doc_id, start, end)
                sentence_terms = _text_terms(text) | speaker_terms
                if meta.role == "subheading":
                    sentence_terms |= header
                own = _coverage(content_weights, sentence_terms) / total_weight
                coverage = max(own, PASSAGE_FLOOR * passage_coverage)
                untyped = DENSE_WEIGHT * dense + (1 - DENSE_WEIGHT) * coverage
                untyped -= UNKNOWN_NAME_PENALTY * unknown_names
                if meta.role == "caption":
                    untyped -= CAPTION_PENALTY
                if sentence_terms and sentence_terms <= question_terms:
                    untyped -= TYPE_PENALTY  # restates the question, answers nothing
                if ends_with_question(text):
                    untyped -= QUESTION_SENTENCE_PENALTY
                elif asked and not about_asking and not _SECOND_PERSON.search(text):
                    untyped -= ASKER_PENALTY
                typed = 0.0
                if kind is not None:
                    has_type = _has_type(text, kind, question_terms, question)
                    typed = TYPE_BONUS if has_type else -STRICT_TYPE_PENALTY.get(kind, TYPE_PENALTY)
                    typed += FOCUS_CREDIT * (1 - DENSE_WEIGHT) * focus_share * has_type
                candidates.append(
                    _Candidate(passage, start, end, text, untyped + typed, dense, coverage, own, untyped, focus_share)
                )
        candidates.sort(key=_rank)
        if fine is not None and fine.labels:  # a title has no entity label: its pattern decides
            self._retype(candidates, fine, question, question_terms)
        return candidates

    def _retype(self, candidates: list[_Candidate], kind: AnswerType, question: str, question_terms: set[str]) -> None:
        """Judge the leading sentences on the named entities in them, which say far more surely than patterns
        whether a sentence holds a person, a place or a sum of money that the question does not already name.
        Only the leading few are parsed (the parse costs milliseconds a sentence), and then any sentence that
        rises to the top once those are judged, so the answer is never a sentence the entities were not checked
        in ("Involvement in Six-Party Talks" for "Who gave the briefing?")."""
        counted = {t for w in counted_words(question) for t in terms(w)}
        required = required_words(question)
        for candidate in candidates[:RETYPE_CANDIDATES]:
            self._retype_one(candidate, kind, question, counted, required)
        candidates.sort(key=_rank)
        for _ in range(RETYPE_RISEN):
            if not candidates or candidates[0].evidence != "untyped":
                break
            self._retype_one(candidates[0], kind, question, counted, required)
            candidates.sort(key=_rank)

    def _retype_one(
        self, candidate: _Candidate, kind: AnswerType, question: str, counted: set[str], required: list[str]
    ) -> None:
        strong, near, weak = typed_entities(candidate.text, kind, question)
        near += weak
        if required and not all(_covers(t, _text_terms(candidate.text)) for t in required):
            near, strong = strong + near, []  # "the capital of Belarus": a place near "Belarus" is not it
        if counted:
            # "How many teachers": a number that counts something else is not the answer
            attached = [e for e in strong if counts(candidate.text, e, counted)]
            near = [e for e in strong if e not in attached] + near
            strong = attached
        header_line = PassageMeta.of(candidate.passage).role == "subheading"
        if RELATION_WINDOW is not None and strong and not header_line:  # a header line is all one fact
            # a name or number far from every question word is more likely about something else
            related = [e for e in strong if word_distance(candidate.text, e, question) <= RELATION_WINDOW]
            near = [e for e in strong if e not in related] + near
            strong = related
        if strong:
            typed = ENTITY_BONUS + FOCUS_CREDIT * (1 - DENSE_WEIGHT) * candidate.focus_share
            if all(e.label in kind.second_choice for e in strong):
                typed -= SECOND_CHOICE_PENALTY
            candidate.evidence = "strong"
        elif near:
            typed = NEAR_ENTITY_BONUS
            candidate.evidence = "near"
        else:
            typed = -ENTITY_PENALTY.get(kind.kind, TYPE_PENALTY)
            candidate.evidence = "none"
        candidate.score = candidate.untyped + typed
        candidate.answers = strong or near

    def _turn_of(self, doc_id: str, start: int, end: int) -> tuple[frozenset[str], bool]:
        """Who says the sentence, and whether it lies in a turn a transcript labels as a reporter's ("QUESTION:",
        "Q"), from one pass over the article's statements.

        The name of whoever says it (a transcript turn, a quote) counts as its words, which may not repeat it; for
        a question put to someone ("In your case, you earned two degrees ...?"), the name of who answers it too."""
        statements = self._statements.statements_in(doc_id)
        asked: bool | None = None
        for index, statement in enumerate(statements):
            if not (statement.start < end and start < statement.end):
                continue
            if asked is None:
                label = (statement.mention or "").lower().strip(".: ")
                asked = statement.speaker == INTERVIEWER or label in ASKER_LABELS
            if not statement.speaker:
                continue
            # a reporter's or interviewer's turn is "the interviewer's" whether the article names them or not
            speaker = _name_terms(statement.speaker) | (_ASKER_TERMS if asked else frozenset())
            if not ends_with_question(statement.text):
                return speaker, asked
            answer = next((s for s in statements[index + 1 :] if s.speaker not in {None, statement.speaker}), None)
            answered = _name_terms(answer.speaker or "") if answer else frozenset()
            return speaker | answered, asked
        return frozenset(), bool(asked)

    def _speakers_of(self, doc_id: str) -> frozenset[str]:
        return frozenset().union(*(_text_terms(s.speaker) for s in self._statements.statements_in(doc_id) if s.speaker))

    def _dense(self, passage: Document, query: np.ndarray | None) -> float:
        """Cosine of a passage no dense retriever scored (found by keywords only), from its retrieved embedding."""
        if query is None or passage.embedding is None:
            return 0.0
        embedding = np.asarray(passage.embedding, dtype=np.float32)
        return float(embedding @ query / (np.linalg.norm(embedding) * np.linalg.norm(query) or 1.0))


# Where a long sentence can be cut into parts that each read on their own: "..., with President Xi Jinping
# joining ...", "...; ...", "..., however Mr Stoltenberg said ...". Commas in lists and dashes are not cuts.
_CLAUSE_CUT = re.compile(r",\s+(?=(?:with|while|whereas|however|but|although|though|adding|saying|after|before|as)\b)"
                         r"|;\s+")
MIN_ANSWER_WORDS = 6
TRIM_FROM_WORDS = 20


def shortest_answer(question: str, sentence: str, offset: int) -> tuple[int, int]:
    """The shortest run of a long sentence's clauses that keeps every question word the sentence matches and,
    for who/when/how-many questions, the kind of thing asked for; the whole sentence when no part does."""
    whole = (offset, offset + len(sentence))
    if len(sentence.split()) < TRIM_FROM_WORDS:
        return whole
    cuts = [0]
    for match in _CLAUSE_CUT.finditer(sentence):
        if _inside_quote(sentence, match.start()):
            continue
        cuts.append(match.end())
    if len(cuts) == 1:
        return whole
    bounds = [(cuts[i], cuts[i + 1] if i + 1 < len(cuts) else len(sentence)) for i in range(len(cuts))]
    question_terms = _question_terms(question)
    required = {t for t in question_terms if _covers(t, _text_terms(sentence))}
    kind = expected_answer_type(question)
    best = whole
    for i in range(len(bounds)):
        for j in range(i, len(bounds)):
            start, end = bounds[i][0], bounds[j][1]
            text = sentence[start:end].rstrip(" ,;")
            if len(text.split()) < MIN_ANSWER_WORDS or len(text) >= best[1] - best[0]:
                continue
            terms_here = _text_terms(text)
            typed = kind is None or _has_type(text, kind, question_terms, question)
            if typed and all(_covers(t, terms_here) for t in required):
                best = (offset + start, offset + start + len(text))
    return best


def _inside_quote(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


@lru_cache(maxsize=10_000)
def _name_terms(speaker: str) -> frozenset[str]:
    """The proper-name words of a speaker ("U.N." of "U.N. refugee agency"): who says a sentence is part of what
    it is about, but an organisation's description ("refugee agency") is not."""
    return _text_terms(" ".join(w for w in speaker.split() if w[:1].isupper()))


@lru_cache(maxsize=200_000)
def _text_terms(text: str) -> frozenset[str]:
    """Content words of a passage or sentence; cached, since the same passages come back query after query."""
    return frozenset(terms(text))


# The header lines of a transcript ("10:53 A.M. EST", "Roosevelt Room") say when and where the spoken event
# took place, which a question asks in words the header never prints: "At what time did the President start
# speaking?". A news story's dateline heads no such event ("When will the holiday take place?" is not it).
EVENT_WORDS = "start begin held hold give given deliver delivered take place took happen speak spoke record recorded"


@lru_cache(maxsize=10_000)
def _header_terms(title: str, lines: str = "") -> frozenset[str]:
    """What a header line is about: the headline's words, and the spoken event that the headline or the header
    lines beside it name ("National Press Club" over "Remarks as Prepared for Secretary Bodman")."""
    if SPOKEN_EVENT.search(title) or SPOKEN_EVENT.search(lines):
        return _text_terms(title) | _text_terms(EVENT_WORDS)
    return _text_terms(title)


def _coverage(weights: dict[str, float], present: frozenset[str]) -> float:
    """Weight of the question words found in ``present``."""
    return sum(weight for term, weight in weights.items() if _covers(term, present))


def _question_terms(question: str) -> set[str]:
    return {t for t in terms(question) if t not in STOPWORDS}


def _rank(candidate: _Candidate) -> tuple[float, float]:
    """Best score first; of sentences that tie on their passage's coverage, the one whose own words say it."""
    return -candidate.score, -candidate.own


def _distinct(candidates: list[_Candidate]) -> list[_Candidate]:
    """One citation per passage: its best sentence."""
    seen: set[str] = set()
    out = []
    for candidate in candidates:
        if candidate.passage.id in seen:
            continue
        seen.add(candidate.passage.id)
        out.append(candidate)
    return out


def _citation(candidate: _Candidate) -> Citation:
    meta = PassageMeta.of(candidate.passage)
    return Citation(
        doc_id=meta.doc_id,
        title=meta.title,
        text=candidate.text,
        start=candidate.start,
        end=candidate.end,
        score=round(float(candidate.score), 4),
        role=meta.role,
        paragraph_start=meta.paragraph_start,
        paragraph_end=meta.paragraph_end,
    )
