"""Extractive answers: the source sentence that best answers the question, or an abstention.

Nothing is generated. Each sentence of the retrieved passages is scored on three kinds of
evidence: how close its passage is to the question in embedding space, how much of the question's
content (weighted by rarity, so "French" counts more than "president") it covers, and whether it
holds the kind of thing asked for (a name for "who", a number for "how many"). Below the
calibrated threshold the answer is an abstention: a near miss is worse than "the sources do not say".
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from haystack import Document, component, default_from_dict, default_to_dict
from haystack.core.serialization import component_to_dict

from pipeline.lexicon import STOPWORDS, terms
from pipeline.term_statistics import TermStatistics
from pipeline.types import AskResult, Citation

DENSE_WEIGHT = 0.45
CAPTION_PENALTY = 0.05
TYPE_BONUS = 0.06
TYPE_PENALTY = 0.08
# A sentence without any number cannot answer "how many"; names and places are detected less surely.
STRICT_TYPE_PENALTY = {"number": 0.2, "amount": 0.2, "measure": 0.12, "date": 0.12}
UNKNOWN_NAME_PENALTY = 0.15

PREFIX_MIN = 5

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
                   r"autumn|winter|morning|evening|night)\b|\b(?:yesterday|today|tomorrow)\b", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)+\b")
_PLACE = re.compile(r"\b(?:in|to|at|from|near)\s+(?:the\s+)?[A-Z][\w’'-]+")


def expected_answer_type(question: str) -> str | None:
    q = question.lower().strip()
    if q.startswith(("how long", "how far", "how big", "how large", "how tall", "how wide", "how deep")):
        return "measure"
    if q.startswith(("how much", "what percentage", "what proportion")):
        return "amount"
    if q.startswith(("how many", "how old")):
        return "number"
    if q.startswith(("when", "since when", "what year", "what date", "on what day")):
        return "date"
    if q.startswith(("who ", "whom ", "whose ")):
        return "name"
    if q.startswith("where"):
        return "place"
    return None


def _covers(term: str, present: set[str]) -> bool:
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


def _has_type(sentence: str, kind: str | None, question_terms: set[str]) -> bool:
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


@component
class ExtractiveAnswerer:
    """Picks the answer sentence and ranks citations; abstains when the evidence is weak.

    It reads only what retrievers hand on (documents, their meta and scores, embeddings when a retriever was
    asked for them) and word rarity from ``term_statistics``, so any store backend serves it the same."""

    def __init__(
        self, *, term_statistics: TermStatistics, abstain_threshold: float = 0.46, top_k: int = 5
    ) -> None:
        self.term_statistics = term_statistics
        self.abstain_threshold = abstain_threshold
        self.top_k = top_k

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

    @component.output_types(result=AskResult)
    def run(
        self, question: str, documents: list[Document], query_embedding: np.ndarray | list[float] | None = None,
        top_k: int | None = None,
    ) -> dict[str, Any]:
        top_k = top_k or self.top_k
        candidates = self.score_sentences(question, documents, query_embedding)
        if not candidates:
            return {"result": AskResult(question=question, answer=None, abstained=True)}
        best = candidates[0]
        distinct = _distinct(candidates)
        if best.score < self.abstain_threshold:
            closest = [_citation(c) for c in distinct[:top_k]]
            return {"result": AskResult(question=question, answer=None, abstained=True, confidence=best.score,
                                        closest=closest)}
        supporting = [c for c in distinct if c.score >= self.abstain_threshold * 0.9][:top_k]
        start, end = shortest_answer(question, best.text, best.start)
        return {
            "result": AskResult(
                question=question,
                answer=best.text[start - best.start : end - best.start],
                abstained=False,
                citations=[_citation(c) for c in supporting],
                answer_doc_id=best.passage.meta["doc_id"],
                answer_start=start,
                answer_end=end,
                confidence=best.score,
            )
        }

    def score_sentences(
        self, question: str, documents: list[Document], query_embedding: np.ndarray | list[float] | None
    ) -> list[_Candidate]:
        """Every sentence of the retrieved passages with its evidence score, best first."""
        question_terms = _question_terms(question)
        # A name the corpus never mentions ("Paris", "Macron") cannot be what any passage is about.
        names = question_names(question) & question_terms
        unknown_names = sum(1 for n in names if not self.term_statistics.has_term(n))

        weights = {t: self.term_statistics.idf(t) for t in question_terms}
        total_weight = sum(weights.values()) or 1.0
        kind = expected_answer_type(question)
        query = np.asarray(query_embedding, dtype=np.float32) if query_embedding is not None else None
        candidates = []
        for passage in documents:
            dense = float(passage.meta.get("dense_score", np.nan))
            if np.isnan(dense):
                dense = self._dense(passage, query)
            passage_terms = _text_terms(passage.content or "")
            passage_coverage = _coverage(weights, passage_terms) / total_weight
            for start, end in passage.meta["sentences"]:
                offset = passage.meta["start"]
                text = (passage.content or "")[start - offset : end - offset]
                sentence_terms = _text_terms(text)
                coverage = _coverage(weights, sentence_terms) / total_weight
                coverage = max(coverage, 0.8 * passage_coverage)
                score = DENSE_WEIGHT * dense + (1 - DENSE_WEIGHT) * coverage
                if kind is not None:
                    has_type = _has_type(text, kind, question_terms)
                    score += TYPE_BONUS if has_type else -STRICT_TYPE_PENALTY.get(kind, TYPE_PENALTY)
                score -= UNKNOWN_NAME_PENALTY * unknown_names
                if passage.meta.get("role") == "caption":
                    score -= CAPTION_PENALTY
                if sentence_terms and sentence_terms <= question_terms:
                    score -= TYPE_PENALTY  # restates the question, answers nothing
                candidates.append(_Candidate(passage, start, end, text, score, dense, coverage))
        candidates.sort(key=lambda c: -c.score)
        return candidates

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
            typed = kind is None or _has_type(text, kind, question_terms)
            if typed and all(_covers(t, terms_here) for t in required):
                best = (offset + start, offset + start + len(text))
    return best


def _inside_quote(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


@lru_cache(maxsize=200_000)
def _text_terms(text: str) -> frozenset[str]:
    """Content words of a passage or sentence; cached, since the same passages come back query after query."""
    return frozenset(terms(text))


def _coverage(weights: dict[str, float], present: frozenset[str]) -> float:
    """Weight of the question words found in ``present``."""
    return sum(weight for term, weight in weights.items() if _covers(term, present))


def _question_terms(question: str) -> set[str]:
    return {t for t in terms(question) if t not in STOPWORDS}


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
    meta = candidate.passage.meta
    return Citation(
        doc_id=meta["doc_id"],
        title=meta.get("title", ""),
        text=candidate.text,
        start=candidate.start,
        end=candidate.end,
        score=round(float(candidate.score), 4),
        role=meta.get("role", "body"),
        paragraph_start=meta.get("paragraph_start", candidate.start),
        paragraph_end=meta.get("paragraph_end", candidate.end),
    )
