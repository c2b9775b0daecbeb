"""Checking a quote against the sources: verbatim, altered, paraphrase, misattributed or not found.

Words first: an exact occurrence (after normalisation, see ``pipeline.quote_text``) is verbatim, a
close window with a swapped, added or dropped word is altered. Then who said it: the Statement whose
span overlaps the matched words names the source's speaker; if a speaker was claimed and the source
gives the words to someone else (or to nobody, as the article's own narration), the quote is
misattributed. Only when no words match does meaning count: the closest candidate sentence by
embedding cosine, with some shared content word, makes a paraphrase.

Paraphrase and a claimed speaker: a paraphrase is accepted when its sentence is attributed to the
claimed person (or is narration naming them, i.e. reported speech). When the closest paraphrase is
attributed to someone else, the verdict is ``misattributed``: answering "paraphrase" would tell the
user that the claimed person said it, which the sources do not support.

The heavy data (index, statements, speakers, articles) is handed over by ``attach`` so the component
itself serialises to its two thresholds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
from haystack import Document, component, default_from_dict, default_to_dict

from pipeline.attribution.vocabulary import NARRATION_SPEECH_VERBS as SPEECH_VERBS
from pipeline.attribution.vocabulary import STOPWORDS as VOCABULARY_STOPWORDS
from pipeline.passage_meta import has_source_span, retrieval_score, source_span
from pipeline.quote_index import LexicalMatch, QuoteIndex
from pipeline.quote_text import difference_list, tokenize
from pipeline.sentences import ends_with_question, split_sentences
from pipeline.statement_source import StatementList, StatementSource
from pipeline.types import Article, CheckResult, Difference, QuoteMatch, Statement, Verdict

# An approximate match must share at least this many words with the quote: "the troops" is no evidence.
MIN_MATCHED_WORDS = 3
# A match by the claimed speaker is preferred to a closer one by someone else within this margin.
SAME_SPEAKER_MARGIN = 0.1
# A paraphrase needs a shared content word, unless its cosine clears the threshold by this much.
STRONG_PARAPHRASE_MARGIN = 0.1
# "…,” Johnson said": how many words after a quote may hold the speaker's name and a speech verb.
REPORTED_AFTER_WORDS = 4
# A sentence is someone's words (not narration) when a statement fills this share of it; a paraphrase
# of it is then cited as the statement's words.
STATEMENT_MIN_SHARE = 0.5
# Narration is the journalist's own wording, rarely what a quote paraphrases: it must be this much closer.
NARRATION_PARAPHRASE_MARGIN = 0.05
# Below the threshold, a sentence that stands out from the article's others is still a paraphrase: reworded words are
# far closer to their source sentence than to the next ones on the subject, a made-up quote on the subject is about
# as close to several. Standing out is the cosine plus its lead over the mean of the next STANDOUT_BACKGROUND
# candidates. On sets A-O and R (166 paraphrases, 164 made-up quotes) 0.80 let 22 more paraphrases through for 6 more
# made-up quotes; lowering the threshold to 0.60 instead let 27 through for 15. Standing out shows that words were
# reworded, not who said them: below the threshold it supports the claimed speaker (or no claim), never another.
STANDOUT_BACKGROUND = 5
STANDOUT_MIN = 0.8
# ... but only from this cosine up: below it, a lead over unrelated sentences says little.
STANDOUT_FLOOR = 0.55
# Words compared by their first letters, so "constructively" meets "constructive".
STEM_LENGTH = 5
# The quote checker's stop words: the shared list, plus the contraction "it's" its tokens keep whole.
STOPWORDS = VOCABULARY_STOPWORDS | {"it's"}


@component
class QuoteChecker:
    """Gives a quote (and optionally who said it) one verdict, with the exact source span behind it."""

    def __init__(self, *, altered_min_similarity: float, paraphrase_min_similarity: float) -> None:
        self.altered_min_similarity = altered_min_similarity
        self.paraphrase_min_similarity = paraphrase_min_similarity
        self._index: QuoteIndex | None = None
        self._articles: Mapping[str, Article] = {}
        self._statements: StatementSource = StatementList()

    def attach(
        self,
        *,
        quote_index: QuoteIndex,
        statements: StatementSource,
        articles: Mapping[str, Article],
    ) -> None:
        """Hand over the corpus data (kept out of the constructor so the component stays serialisable); the
        speaker directory is built when a check first names a speaker."""
        self._index = quote_index
        self._articles = articles
        self._statements = statements

    def to_dict(self) -> dict[str, Any]:
        return default_to_dict(
            self,
            altered_min_similarity=self.altered_min_similarity,
            paraphrase_min_similarity=self.paraphrase_min_similarity,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteChecker:
        return default_from_dict(cls, data)

    @component.output_types(result=CheckResult)
    def run(
        self,
        quote: str,
        speaker: str | None = None,
        candidates: list[Document] | None = None,
        query_embedding: np.ndarray | list[float] | None = None,
    ) -> dict[str, CheckResult]:
        """Check ``quote`` (claimed to be by ``speaker`` if given) against the attached corpus."""
        if self._index is None:
            raise RuntimeError("QuoteChecker.attach() must be called before run()")
        claimed = speaker.strip() if speaker and speaker.strip() else None
        lexical = self._index.find(quote)
        ranked = rank_by_cosine(candidates or [], query_embedding)
        result = self._check_words(quote, claimed, lexical)
        if result is None:
            result = self._check_meaning(quote, claimed, ranked)
        if result is None:
            result = _not_found(quote, claimed, lexical, ranked)
        return {"result": result}

    # ------------------------------------------------------------------------------ words
    def _check_words(self, quote: str, claimed: str | None, lexical: list[LexicalMatch]) -> CheckResult | None:
        """Verbatim, altered or misattributed when the source has (nearly) the quote's words."""
        usable = [m for m in lexical if m.exact or self._close_enough(m)]
        if not usable:
            return None
        best = max(usable, key=lambda m: (m.exact, m.similarity))
        if claimed is None:
            chosen = max(usable, key=lambda m: (m.exact, m.similarity, self._speaker_at(m) is not None))
            return self._lexical_result(quote, None, chosen, self._speaker_at(chosen), attributed=True)
        for match in sorted(usable, key=lambda m: (not m.exact, -m.similarity)):
            if match.similarity < best.similarity - SAME_SPEAKER_MARGIN:
                break
            said_by = self._claimed_speaker_of(match.doc_id, match.start, match.end, claimed)
            if said_by is not None:
                return self._lexical_result(quote, claimed, match, said_by, attributed=True)
        pool = [m for m in usable if m.exact == best.exact and m.similarity == best.similarity]
        chosen = max(pool, key=lambda m: self._speaker_at(m) is not None)
        return self._lexical_result(quote, claimed, chosen, self._speaker_at(chosen), attributed=False)

    def _close_enough(self, match: LexicalMatch) -> bool:
        return match.similarity >= self.altered_min_similarity and match.matched_words >= MIN_MATCHED_WORDS

    def _lexical_result(
        self, quote: str, claimed: str | None, match: LexicalMatch, said_by: str | None, *, attributed: bool
    ) -> CheckResult:
        source = self._quote_match(match.doc_id, match.start, match.end, said_by)
        verdict: Verdict
        if not attributed:
            verdict, explanation = "misattributed", _misattributed_sentence(match, said_by, claimed or "")
        elif match.exact:
            verdict, explanation = "verbatim", _verbatim_sentence(said_by)
        else:
            verdict, explanation = "altered", describe_differences(match.differences)
        return CheckResult(
            quote=quote,
            speaker=claimed,
            verdict=verdict,
            similarity=1.0 if match.exact else round(match.similarity, 3),
            match=source,
            differences=list(match.differences),
            explanation=explanation,
        )

    # ---------------------------------------------------------------------------- meaning
    def _check_meaning(
        self, quote: str, claimed: str | None, ranked: list[tuple[float, Document]]
    ) -> CheckResult | None:
        """Paraphrase (or misattributed paraphrase) from the candidate sentences, closest first."""
        quote_stems, quote_figures, quote_asks = content_stems(quote), figures(quote), ends_with_question(quote)
        background = _background(ranked)
        gated = [
            (score, document, gate)
            for score, document in ranked
            if self._locatable(document)
            and (gate := self._paraphrase_gate(score, background, quote_stems, quote_figures, quote_asks, document))
        ]
        if not gated:
            return None
        best_score = gated[0][0]
        if claimed is not None:
            for score, document, _ in gated:
                if score < best_score - SAME_SPEAKER_MARGIN / 2:
                    break
                doc_id, start, end = _location(document)
                said_by = self._claimed_speaker_of(doc_id, start, end, claimed)
                if said_by is not None:
                    return self._paraphrase_result(quote, claimed, document, score, said_by, attributed=True)
        score, document, gate = gated[0]
        if claimed is not None and gate == "stands out":
            return None  # standing out shows the words were reworded, not that someone else said them
        doc_id, start, end = _location(document)
        said_by = self._statement_speaker(doc_id, start, end)
        return self._paraphrase_result(quote, claimed, document, score, said_by, attributed=claimed is None)

    def _paraphrase_gate(
        self,
        score: float,
        background: float | None,
        quote_stems: set[str],
        quote_figures: set[str],
        quote_asks: bool,
        document: Document,
    ) -> Literal["close", "stands out"] | None:
        """Close in meaning (or standing out from the ``background`` of the next candidates), with no figure the
        source lacks, and about the same things (a shared content word) unless very close.

        A sentence that is mostly the article's own narration must be closer still: quotes paraphrase
        what people said, and narration is where topic-only look-alikes come from.
        """
        margin = NARRATION_PARAPHRASE_MARGIN if self._mostly_statement(*_location(document)) is None else 0.0
        threshold = self.paraphrase_min_similarity + margin
        stands_out = background is not None and score >= STANDOUT_FLOOR + margin \
            and 2 * score - background >= STANDOUT_MIN + margin
        if score < threshold and not stands_out:
            return None
        gate: Literal["close", "stands out"] = "close" if score >= threshold else "stands out"
        source = document.content or ""
        if not quote_figures <= figures(source):
            return None  # "at least $100,000 next year" against "$2.5 million": another claim, not other words
        if ends_with_question(source) and not quote_asks:
            return None  # an interviewer's "Tell me what it was like ...?" says nothing a statement could reword
        if score >= threshold + STRONG_PARAPHRASE_MARGIN or quote_stems & content_stems(source):
            return gate
        return None

    def _paraphrase_result(
        self,
        quote: str,
        claimed: str | None,
        document: Document,
        score: float,
        said_by: str | None,
        *,
        attributed: bool,
    ) -> CheckResult:
        doc_id, start, end = _location(document)
        start, end = self._statement_clip(doc_id, start, end)
        source = self._quote_match(doc_id, start, end, said_by)
        if attributed and reverses(quote, source.text):
            # Close in meaning but the opposite claim ("we have verified" / "we have not yet verified"):
            # the source does not say this in other words, it says the reverse.
            differences = difference_list(tokenize(quote), tokenize(source.text))
            return CheckResult(
                quote=quote, speaker=claimed, verdict="altered", similarity=round(score, 3), match=source,
                differences=differences,
                explanation="Close to the source, but one of them is negated: the quote reverses what the source says.",
            )
        verdict: Verdict
        if attributed:
            verdict = "paraphrase"
            who = f", said by {said_by}" if said_by else ""
            explanation = f"The source says the same in other words{who}."
        else:
            verdict = "misattributed"
            explanation = (
                f"The source says something like this, but {_attribution_phrase(said_by)}, {_not_claimed(claimed)}."
            )
        return CheckResult(
            quote=quote,
            speaker=claimed,
            verdict=verdict,
            similarity=round(score, 3),
            match=source,
            explanation=explanation,
        )

    def _locatable(self, document: Document) -> bool:
        return has_source_span(document) and source_span(document).doc_id in self._articles

    # ---------------------------------------------------------------------------- speakers
    def _statement_at(self, doc_id: str, start: int, end: int) -> Statement | None:
        """The statement covering most of ``[start, end)``; on a tie direct speech wins, then the tighter statement
        (a quote inside a transcript turn is the quoted person's words, not the turn holder's)."""
        best: Statement | None = None
        best_key: tuple[int, bool, int] = (0, False, 0)
        for statement in self._statements.statements_in(doc_id):
            overlap = min(end, statement.end) - max(start, statement.start)
            key = (overlap, statement.kind == "direct", statement.start - statement.end)
            if overlap > 0 and key > best_key:
                best, best_key = statement, key
        return best

    def _statement_speaker(self, doc_id: str, start: int, end: int) -> str | None:
        statement = self._statement_at(doc_id, start, end)
        return statement.speaker if statement else None

    def _speaker_at(self, match: LexicalMatch) -> str | None:
        return self._statement_speaker(match.doc_id, match.start, match.end)

    def _claimed_speaker_of(self, doc_id: str, start: int, end: int, claimed: str) -> str | None:
        """The source's name for the claimed person if the source gives them these words, else None.

        Words inside a Statement belong to its speaker. Words in narration belong to nobody, except in
        plain reported speech the statements missed: "Boris Johnson said that the hospitals “…”".
        """
        statement = self._statement_at(doc_id, start, end)
        if statement is not None:
            if statement.speaker and self._statements.speakers.same_person(claimed, statement.speaker):
                return statement.speaker
            return None
        if self._reported_by(doc_id, start, end, claimed):
            return self._statements.speakers.resolve(claimed) or claimed
        return None

    def _reported_by(self, doc_id: str, start: int, end: int, claimed: str) -> bool:
        """Whether narration introduces ``[start, end)`` as the claimed person's words.

        The person's surname must stand next to a speech verb ("Johnson said", "said Johnson") either
        before the words in their sentence, or right after them ("…,” Johnson said).
        """
        article = self._articles.get(doc_id)
        surname = [t.norm for t in tokenize(claimed)][-1:]
        if article is None or not surname:
            return False
        paragraph = article.paragraph_at(start)
        lo, hi = (paragraph.start, paragraph.end) if paragraph else (start, end)
        sentence_start = max((s.start for s in split_sentences(article.text, lo, hi) if s.start <= start), default=lo)
        sentence_end = min((s.end for s in split_sentences(article.text, lo, hi) if s.end >= end), default=hi)
        before = [t.norm for t in tokenize(article.text, sentence_start, start)]
        after = [t.norm for t in tokenize(article.text, end, sentence_end)][:REPORTED_AFTER_WORDS]
        return _names_speaker(before, surname[0]) or _names_speaker(after, surname[0])

    def _statement_clip(self, doc_id: str, start: int, end: int) -> tuple[int, int]:
        """A sentence clipped to the statement filling most of it: the speaker's words without "He said:".

        A short quoted fragment inside a long narrated sentence does not replace the sentence.
        """
        statement = self._mostly_statement(doc_id, start, end)
        if statement is None:
            return start, end
        return max(start, statement.start), min(end, statement.end)

    def _mostly_statement(self, doc_id: str, start: int, end: int) -> Statement | None:
        """The statement filling most of the sentence ``[start, end)``; None when it is mostly narration."""
        statement = self._statement_at(doc_id, start, end)
        if statement is None:
            return None
        overlap = min(end, statement.end) - max(start, statement.start)
        return statement if overlap >= STATEMENT_MIN_SHARE * (end - start) else None

    def _quote_match(self, doc_id: str, start: int, end: int, said_by: str | None) -> QuoteMatch:
        article = self._articles[doc_id]
        first = article.paragraph_at(start)
        last = article.paragraph_at(max(start, end - 1))
        return QuoteMatch(
            doc_id=doc_id,
            title=article.title,
            text=article.text[start:end],
            start=start,
            end=end,
            speaker=said_by,
            publisher=article.publisher,
            published=article.published,
            paragraph_start=first.start if first else start,
            paragraph_end=last.end if last else end,
            url=article.canonical_url or article.url,
        )


# ------------------------------------------------------------------------------- helpers
def _background(ranked: list[tuple[float, Document]]) -> float | None:
    """The mean cosine of the candidates after the closest: how close the quote is to the article's subject at
    large. None when there are too few candidates to tell."""
    following = [score for score, _ in ranked[1 : 1 + STANDOUT_BACKGROUND]]
    return sum(following) / len(following) if len(following) == STANDOUT_BACKGROUND else None


def rank_by_cosine(
    candidates: list[Document], query_embedding: np.ndarray | list[float] | None
) -> list[tuple[float, Document]]:
    """Candidates scored by cosine with the quote, closest first: from their embedding, or the cosine the
    sentence retriever put in their meta; a candidate with neither is left out."""
    if query_embedding is None or len(query_embedding) == 0:
        return []
    scored = []
    for document in candidates:
        if document.embedding is not None:
            scored.append((cosine(query_embedding, document.embedding), document))
        elif (retrieved := retrieval_score(document)) is not None:
            scored.append((retrieved, document))
    return sorted(scored, key=lambda item: -item[0])


def _not_found(
    quote: str, claimed: str | None, lexical: list[LexicalMatch], ranked: list[tuple[float, Document]]
) -> CheckResult:
    """No support: the similarity reported is the closest evidence seen (words or meaning), for context."""
    closest = max([m.similarity for m in lexical] + [score for score, _ in ranked[:1]] + [0.0])
    return CheckResult(
        quote=quote,
        speaker=claimed,
        verdict="not_found",
        similarity=round(max(closest, 0.0), 3),
        explanation="No source has these words, or says the same thing in other words.",
    )


_NEGATION = re.compile(r"\b(?:not|no|never|nobody|nothing|none|neither|nor|without|cannot)\b|n[’']t\b",
                       re.IGNORECASE)


# "whether or not", "not only ... but also": words of negation that negate nothing.
_NOT_NEGATING = re.compile(r"\b(?:whether\s+or\s+not|or\s+not|not\s+only|not\s+just|if\s+not|not\s+least)\b",
                           re.IGNORECASE)
# A negation reaches over this many words after it ("have not yet verified").
NEGATION_SCOPE = 3
_SCOPE_WORD = re.compile(r"[\w’']+")


def reverses(quote: str, source: str) -> bool:
    """Whether one text negates what the other says: their negations differ in parity, counted both over all
    their words and over the words both texts share ("would not be easy" and "will be hard" differ only in the
    first count; "nobody answered" and "there was no response" in neither)."""
    return negated(quote) != negated(source) and negated(quote, source) != negated(source, quote)


def negated(text: str, other: str | None = None) -> bool:
    """Whether a statement is negated (an odd number of negations), for telling a paraphrase from its reverse.
    Given the ``other`` text, a negation counts only when a content word it governs is also in the other text:
    "we have not yet verified" against "we have verified" reverses it, while "would not be easy" against "will
    be hard" says the same in other words."""
    text = _NOT_NEGATING.sub(" ", text)
    shared = content_stems(other) if other is not None else None
    count = 0
    for negation in _NEGATION.finditer(text):
        scope = " ".join(_SCOPE_WORD.findall(text, negation.end())[:NEGATION_SCOPE])
        if shared is None or content_stems(scope) & shared:
            count += 1
    return count % 2 == 1


def cosine(a: np.ndarray | list[float], b: np.ndarray | list[float]) -> float:
    """Cosine similarity (equal to the dot product for the normalised MiniLM vectors)."""
    x, y = np.asarray(a, dtype=np.float32), np.asarray(b, dtype=np.float32)
    norm = float(np.linalg.norm(x) * np.linalg.norm(y))
    return float(x @ y) / norm if norm else 0.0


_FIGURE = re.compile(r"\d(?:[\d,.]*\d)?")


def figures(text: str) -> set[str]:
    """The figures written in digits ("1,000" and "1000" alike): a paraphrase may reword, but not add a number."""
    return {m.group().replace(",", "") for m in _FIGURE.finditer(text)}


def content_stems(text: str) -> set[str]:
    """The content words of ``text``, cut to their first letters (a crude, language-light stemmer)."""
    return {t.norm[:STEM_LENGTH] for t in tokenize(text) if t.norm not in STOPWORDS and len(t.norm) > 2}


def _names_speaker(words: list[str], surname: str) -> bool:
    """Whether ``surname`` stands within two words of a speech verb ("Johnson said", "said Mr Johnson")."""
    for i, word in enumerate(words):
        if word == surname and any(w in SPEECH_VERBS for w in words[max(0, i - 2) : i + 3]):
            return True
    return False


def _location(document: Document) -> tuple[str, int, int]:
    span = source_span(document)
    return span.doc_id, span.start, span.end


def _attribution_phrase(said_by: str | None) -> str:
    return f"said by {said_by}" if said_by else "in the article's own narration"


def _not_claimed(claimed: str | None) -> str:
    return f"not by {claimed}" if claimed else "not by the claimed speaker"


def _verbatim_sentence(said_by: str | None) -> str:
    if said_by:
        return f"The source has these words, said by {said_by}."
    return "The source has these words, in the article's own narration."


def _misattributed_sentence(match: LexicalMatch, said_by: str | None, claimed: str) -> str:
    words = "these words" if match.exact else "nearly these words"
    return f"The source has {words}, but {_attribution_phrase(said_by)}, {_not_claimed(claimed)}."


def describe_differences(differences: list[Difference]) -> str:
    """One human sentence naming what the quote changes ("One word differs: …")."""
    if not differences:
        return "The quote matches the source apart from punctuation."
    if all(d.op == "replace" and " " not in d.quote and " " not in d.source for d in differences):
        swaps = "; ".join(f"“{d.quote}” where the source says “{d.source}”" for d in differences[:3])
        count = "One word differs" if len(differences) == 1 else f"{len(differences)} words differ"
        more = f"; and {len(differences) - 3} more" if len(differences) > 3 else ""
        return f"{count}: {swaps}{more}."
    if len(differences) == 1:
        sentence = _describe(differences[0])
        return sentence[0].upper() + sentence[1:] + "."
    parts = [_describe(d) for d in differences[:3]]
    more = f"; and {len(differences) - 3} more" if len(differences) > 3 else ""
    return f"{len(differences)} changes: " + "; ".join(parts) + more + "."


def _describe(difference: Difference) -> str:
    if difference.op == "replace":
        return f"the quote says “{difference.quote}” where the source says “{difference.source}”"
    if difference.op == "insert":
        return f"the quote adds “{difference.quote}”, which the source does not have"
    return f"the quote leaves out “{difference.source}”, which the source has"
