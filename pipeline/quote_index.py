"""Finding the source words of a quote: exact occurrences first, else the best-aligned window.

All articles' words are kept as one token stream (normal form, exact offsets, editorial flag,
paragraph) with inverted indexes from normal form to stream positions and to paragraphs. An exact
match grows outwards from the quote's rarest word, skipping editorial words on either side, and may
run across paragraph breaks of one article (a multi-paragraph quote). An approximate match looks only at the
paragraphs (and pairs of adjacent paragraphs) that share the quote's rarest words, and picks the
window of source words that aligns best with the quote.

Spans cover the first to the last matched source word, widened to whole editorial brackets; a
closing ``.``, ``!`` or ``?`` right after the last word is included when the quote ends with one too,
so a full-sentence quote is cited as the full sentence.
"""

from __future__ import annotations

import math
import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np

from pipeline.quote_text import Token, alignment_counts, difference_list, tokenize
from pipeline.types import Article, Difference

EXCLUDED_ROLES = frozenset({"boilerplate"})
# Approximate search: how many rare quote words vote for candidate paragraphs, how many postings they
# may read in all, and how many candidate paragraphs get the (costlier) alignment.
MAX_ANCHOR_WORDS = 8
MAX_ANCHOR_POSTINGS = 200_000
MAX_CANDIDATE_PARAGRAPHS = 10
MAX_EXACT_MATCHES = 20
# How far a window's edges may move to take in a quote word the first alignment tied elsewhere.
EDGE_SLACK = 2
_QUOTE_ENDS_SENTENCE = re.compile(r"""(?<![.…])[.!?][\s"'”’)\]]*$""")
_SENTENCE_MARKS = ".!?"


@dataclass
class LexicalMatch:
    """Source words matched to a quote; ``text == article.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str
    similarity: float
    exact: bool
    differences: list[Difference] = field(default_factory=list)
    matched_words: int = 0
    paragraph_start: int = 0
    paragraph_end: int = 0


@dataclass
class _Window:
    """A candidate run of source words: stream positions ``first..last`` inside the unit ``[lo, hi)``.

    ``lead``/``trail`` count the quote words before the first and after the last matched word.
    """

    score: float
    first: int
    last: int
    lead: int
    trail: int
    lo: int
    hi: int

    def shifted(self, delta: int, lo: int, hi: int) -> _Window:
        """The same window in another unit with the same words (found through the cache)."""
        return _Window(self.score, self.first + delta, self.last + delta, self.lead, self.trail, lo, hi)


class QuoteIndex:
    """Every citable word of a corpus, searchable for exact and near-exact quotes."""

    def __init__(self, articles: Iterable[Article], *, excluded_roles: frozenset[str] = EXCLUDED_ROLES) -> None:
        self.articles: list[Article] = list(articles)
        self._norms: list[str] = []
        self._word_ids = array("q")
        self._vocabulary: dict[str, int] = {}
        self._starts = array("q")
        self._ends = array("q")
        self._editorial = bytearray()
        self._tok_para = array("q")
        self._para_doc = array("q")
        self._para_index = array("q")
        self._para_first = array("q")
        self._para_last = array("q")  # one past the paragraph's last token
        for doc, article in enumerate(self.articles):
            for paragraph in article.paragraphs:
                if paragraph.role not in excluded_roles:
                    self._add_paragraph(doc, article, paragraph.index, paragraph.start, paragraph.end)
        self._paragraph_count = len(self._para_doc)
        self._build_postings()

    def __len__(self) -> int:
        return len(self.articles)

    def _add_paragraph(self, doc: int, article: Article, index: int, start: int, end: int) -> None:
        pid = len(self._para_doc)
        self._para_doc.append(doc)
        self._para_index.append(index)
        self._para_first.append(len(self._norms))
        vocabulary = self._vocabulary
        tokens = tokenize(article.text, start, end)
        ids = []
        for token in tokens:
            word_id = vocabulary.get(token.norm)
            if word_id is None:
                word_id = vocabulary[token.norm] = len(vocabulary)
            ids.append(word_id)
        self._word_ids.extend(ids)
        self._norms.extend(t.norm for t in tokens)
        self._starts.extend(t.start for t in tokens)
        self._ends.extend(t.end for t in tokens)
        self._editorial.extend(t.editorial for t in tokens)
        self._tok_para.extend([pid] * len(tokens))
        self._para_last.append(len(self._norms))

    def _build_postings(self) -> None:
        """Inverted indexes as sorted arrays: word → stream positions, and word → paragraph ids."""
        word_ids = np.frombuffer(self._word_ids, dtype=np.int64) if self._norms else np.zeros(0, np.int64)
        tok_para = np.frombuffer(self._tok_para, dtype=np.int64) if self._norms else np.zeros(0, np.int64)
        vocabulary_size = len(self._vocabulary)
        self._positions = np.argsort(word_ids, kind="stable")
        self._position_bounds = np.concatenate(([0], np.cumsum(np.bincount(word_ids, minlength=vocabulary_size))))
        # Sorted by word, then position, so each word's paragraph ids come ascending: keep the first of each run.
        sorted_words, sorted_paragraphs = word_ids[self._positions], tok_para[self._positions]
        first_of_run = np.ones(len(sorted_words), dtype=bool)
        first_of_run[1:] = (sorted_words[1:] != sorted_words[:-1]) | (sorted_paragraphs[1:] != sorted_paragraphs[:-1])
        self._paragraphs = sorted_paragraphs[first_of_run]
        self._paragraph_bounds = np.searchsorted(sorted_words[first_of_run], np.arange(vocabulary_size + 1))

    def _postings(self, word: str) -> np.ndarray:
        """Stream positions of ``word``, ascending."""
        word_id = self._vocabulary.get(word)
        if word_id is None:
            return self._positions[:0]
        return self._positions[self._position_bounds[word_id] : self._position_bounds[word_id + 1]]

    def _frequency(self, word: str) -> int:
        word_id = self._vocabulary.get(word)
        return 0 if word_id is None else int(self._position_bounds[word_id + 1] - self._position_bounds[word_id])

    def _paragraphs_with(self, word: str) -> np.ndarray:
        """Ids of the paragraphs holding ``word``, ascending."""
        word_id = self._vocabulary[word]
        return self._paragraphs[self._paragraph_bounds[word_id] : self._paragraph_bounds[word_id + 1]]

    # ----------------------------------------------------------------------------------- search
    def find(self, quote: str, *, limit: int = 5) -> list[LexicalMatch]:
        """The best source windows for ``quote``: every exact occurrence if any, else the closest windows."""
        quote_tokens = tokenize(quote)
        if not any(not t.editorial for t in quote_tokens):
            return []
        closes_sentence = bool(_QUOTE_ENDS_SENTENCE.search(quote))
        exact = self._exact_matches(quote_tokens, closes_sentence, max(limit, MAX_EXACT_MATCHES))
        if exact:
            return exact
        return self._approximate_matches(quote_tokens, closes_sentence, limit)

    def _exact_matches(self, quote: list[Token], closes_sentence: bool, limit: int) -> list[LexicalMatch]:
        required = [i for i, t in enumerate(quote) if not t.editorial]
        anchor = min(required, key=lambda i: self._frequency(quote[i].norm))
        found: list[LexicalMatch] = []
        seen: set[tuple[int, int]] = set()
        for position in self._postings(quote[anchor].norm).tolist():
            last = self._extend(quote, anchor, position, +1)
            if last is None:
                continue
            first = self._extend(quote, anchor, position, -1)
            if first is None or (first, last) in seen:
                continue
            seen.add((first, last))
            found.append(self._make_match(first, last, closes_sentence, 1.0, True, [], last - first + 1))
            if len(found) >= limit:
                break
        return found

    def _extend(self, quote: list[Token], i: int, j: int, step: int) -> int | None:
        """Walk from quote word ``i`` = source word ``j`` in direction ``step``; the last source word matched.

        Equal words are consumed together; an editorial word on either side may be skipped. Returns
        None as soon as a quote word cannot be matched.
        """
        norms, editorial = self._norms, self._editorial
        last = j
        i += step
        j += step
        while 0 <= i < len(quote):
            if not (0 <= j < len(norms)) or not self._joined(j - step, j):
                if quote[i].editorial:
                    i += step
                    continue
                return None
            if norms[j] == quote[i].norm:
                last = j
                i += step
                j += step
            elif quote[i].editorial:
                i += step
            elif editorial[j]:
                j += step
            else:
                return None
        return last

    def _joined(self, a: int, b: int) -> bool:
        """Whether stream positions ``a`` and ``b`` are neighbours in one article (same or adjacent paragraph)."""
        pa, pb = self._tok_para[a], self._tok_para[b]
        return pa == pb or self._adjacent(pa, pb)

    def _approximate_matches(self, quote: list[Token], closes_sentence: bool, limit: int) -> list[LexicalMatch]:
        windows: list[_Window] = []
        cache: dict[tuple[str, ...], _Window | None] = {}
        for unit in self._candidate_units(quote):
            lo, hi = self._para_first[unit[0]], self._para_last[unit[-1]]
            key = tuple(self._norms[lo:hi])
            if key not in cache:
                cache[key] = self._best_window(quote, lo, hi)
            best = cache[key]
            if best is not None:
                windows.append(best.shifted(lo - best.lo, lo, hi))
        windows.sort(key=lambda w: (-w.score, w.first))
        found: list[LexicalMatch] = []
        seen: set[tuple[int, int]] = set()
        for window in windows:
            first, last = self._settle(quote, window, *self._widen(window))
            if (first, last) in seen:
                continue
            seen.add((first, last))
            source = self._tokens(first, last + 1)
            matched, quote_len, source_len = alignment_counts(quote, source)
            score = 2.0 * matched / (quote_len + source_len) if quote_len + source_len else 0.0
            diffs = difference_list(quote, source)
            found.append(self._make_match(first, last, closes_sentence, score, not diffs, diffs, matched))
            if len(found) >= limit:
                break
        found.sort(key=lambda m: -m.similarity)
        return found

    def _widen(self, window: _Window) -> tuple[int, int]:
        """Stretch a window over source words standing opposite unmatched quote words at its edges.

        "…anything in the air" against "…anything on the ground" then reads as "air" replacing
        "ground" rather than "air" added. The window never grows past its sentence or its paragraphs.
        """
        first = self._reach(window.first, -1, window.lead, window.lo)
        last = self._reach(window.last, +1, window.trail, window.hi - 1)
        return first, last

    def _reach(self, edge: int, step: int, words: int, limit: int) -> int:
        """Move ``edge`` up to ``words`` source words outwards, stopping at ``limit`` or a sentence break."""
        for _ in range(words):
            nxt = edge + step
            if (nxt < limit if step < 0 else nxt > limit) or self._sentence_break(min(edge, nxt)):
                break
            edge = nxt
        return edge

    def _settle(self, quote: list[Token], window: _Window, first: int, last: int) -> tuple[int, int]:
        """Nudge each edge by up to ``EDGE_SLACK`` words where that aligns more quote words.

        The matching blocks may tie a quote word to an earlier repeat of it ("we have not yet verified
        that. We have not yet verified the…"), leaving the right copy just outside the window.
        """
        best_first, best_matched = first, alignment_counts(quote, self._tokens(first, last + 1))[0]
        for candidate in range(first - 1, self._reach(first, -1, EDGE_SLACK, window.lo) - 1, -1):
            matched = alignment_counts(quote, self._tokens(candidate, last + 1))[0]
            if matched > best_matched:
                best_first, best_matched = candidate, matched
        best_last = last
        for candidate in range(last + 1, self._reach(last, +1, EDGE_SLACK, window.hi - 1) + 1):
            matched = alignment_counts(quote, self._tokens(best_first, candidate + 1))[0]
            if matched > best_matched:
                best_last, best_matched = candidate, matched
        return best_first, best_last

    def _sentence_break(self, position: int) -> bool:
        """Whether a sentence ends between stream word ``position`` and the next one."""
        if position + 1 >= len(self._norms) or self._tok_para[position] != self._tok_para[position + 1]:
            return True
        text = self.articles[self._para_doc[self._tok_para[position]]].text
        gap = text[self._ends[position] : self._starts[position + 1]]
        return any(mark in gap for mark in _SENTENCE_MARKS)

    def _candidate_units(self, quote: list[Token]) -> list[tuple[int, ...]]:
        """Paragraphs sharing the quote's rarest words (best first), each alone and with a voted neighbour."""
        words = {t.norm for t in quote if not t.editorial and t.norm in self._vocabulary}
        ranked = sorted(words, key=self._frequency)
        votes = np.zeros(self._paragraph_count, dtype=np.float64)
        budget = MAX_ANCHOR_POSTINGS
        for n, word in enumerate(ranked[:MAX_ANCHOR_WORDS]):
            if n >= 2 and self._frequency(word) > budget:
                break
            budget -= self._frequency(word)
            paragraphs = self._paragraphs_with(word)
            votes[paragraphs] += math.log(1.0 + self._paragraph_count / len(paragraphs))
        voted = np.flatnonzero(votes)
        if len(voted) > MAX_CANDIDATE_PARAGRAPHS:
            top = np.argpartition(-votes[voted], MAX_CANDIDATE_PARAGRAPHS - 1)[:MAX_CANDIDATE_PARAGRAPHS]
            voted = voted[top]
        order = sorted(voted.tolist(), key=lambda pid: (-votes[pid], pid))
        units: list[tuple[int, ...]] = []
        for pid in order:
            units.append((pid,))
            for other in (pid - 1, pid + 1):
                if 0 <= other < self._paragraph_count and votes[other] > 0 and self._adjacent(pid, other):
                    units.append((min(pid, other), max(pid, other)))
        return list(dict.fromkeys(units))

    def _adjacent(self, pa: int, pb: int) -> bool:
        return self._para_doc[pa] == self._para_doc[pb] and abs(self._para_index[pa] - self._para_index[pb]) == 1

    def _best_window(self, quote: list[Token], lo: int, hi: int) -> _Window | None:
        """The run of matching blocks in stream ``[lo, hi)`` with the best Dice ratio against the quote."""
        source = self._norms[lo:hi]
        matcher = SequenceMatcher(a=source, b=[t.norm for t in quote], autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            return None
        quote_len = sum(1 for t in quote if not t.editorial)
        counted = [0]  # counted[k] = non-editorial source words before position lo + k
        for p in range(lo, hi):
            counted.append(counted[-1] + (not self._editorial[p]))
        best: _Window | None = None
        for i, head in enumerate(blocks):
            matched = 0
            for tail in blocks[i:]:
                matched += tail.size
                first, last = head.a, tail.a + tail.size - 1
                source_len = counted[last + 1] - counted[first]
                score = 2.0 * matched / (quote_len + max(source_len, matched))
                if best is None or score > best.score:
                    lead = sum(1 for t in quote[: head.b] if not t.editorial)
                    trail = sum(1 for t in quote[tail.b + tail.size :] if not t.editorial)
                    best = _Window(score, lo + first, lo + last, lead, trail, lo, hi)
        return best

    # ---------------------------------------------------------------------------------- helpers
    def _tokens(self, lo: int, hi: int) -> list[Token]:
        """Stream positions ``[lo, hi)`` as Tokens, with the words as written."""
        text = self.articles[self._para_doc[self._tok_para[lo]]].text
        return [
            Token(
                self._norms[p],
                self._starts[p],
                self._ends[p],
                bool(self._editorial[p]),
                text[self._starts[p] : self._ends[p]],
            )
            for p in range(lo, hi)
        ]

    def _make_match(
        self,
        first: int,
        last: int,
        closes_sentence: bool,
        score: float,
        exact: bool,
        differences: list[Difference],
        matched: int,
    ) -> LexicalMatch:
        article = self.articles[self._para_doc[self._tok_para[first]]]
        start, end = self._span(article.text, first, last, closes_sentence)
        return LexicalMatch(
            doc_id=article.doc_id,
            start=start,
            end=end,
            text=article.text[start:end],
            similarity=1.0 if exact else round(score, 4),
            exact=exact,
            differences=differences,
            matched_words=matched,
            paragraph_start=self._para_index[self._tok_para[first]],
            paragraph_end=self._para_index[self._tok_para[last]],
        )

    def _span(self, text: str, first: int, last: int, closes_sentence: bool) -> tuple[int, int]:
        """Character span of stream words ``first..last``, widened to whole brackets and a final stop."""
        start, end = self._starts[first], self._ends[last]
        if self._editorial[first]:
            bracket = text.rfind("[", 0, start)
            if bracket >= 0 and "]" not in text[bracket:start]:
                start = bracket
        if self._editorial[last]:
            bracket = text.find("]", end)
            if bracket >= 0 and "[" not in text[end:bracket]:
                end = bracket + 1
        if closes_sentence and end < len(text) and text[end] in _SENTENCE_MARKS:
            end += 1
        return start, end

