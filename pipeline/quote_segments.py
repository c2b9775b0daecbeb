"""One segment of the quote index: the words of some articles as one stream, searched in place.

A segment keeps its articles' citable words (normal form, exact offsets, editorial flag, paragraph) as
one token stream, in corpus order, with inverted indexes from normal form to stream positions and to
paragraphs. It is immutable once built: by tokenizing articles, or by merging the articles of other
segments, which copies their token arrays and rebuilds only the postings (no tokenizing again), so a
merge costs array copies and one sort rather than the corpus's tokenization. ``QuoteIndex``
(``pipeline.quote_index``) searches a few segments as one corpus.

The word-level steps of a search (growing an exact match, aligning a window, citing its span) run
inside one segment: a match never leaves its article, and an article lives in one segment.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

import numpy as np

from pipeline.quote_text import Token, alignment_counts, difference_list, tokenize
from pipeline.types import Article, Difference

# How far a window's edges may move to take in a quote word the first alignment tied elsewhere.
EDGE_SLACK = 2
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
class Window:
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

    def shifted(self, delta: int, lo: int, hi: int) -> Window:
        """The same window in another unit with the same words (found through the cache)."""
        return Window(self.score, self.first + delta, self.last + delta, self.lead, self.trail, lo, hi)


# The arrays that make a segment, saved and opened by ``Segment.arrays`` / ``Segment.of_arrays`` (e.g. in the
# index snapshot, memory-mapped): the token stream, the paragraphs, and the postings.
ARRAY_NAMES = ("word_ids", "starts", "ends", "editorial", "tok_para", "para_doc", "para_index", "para_first",
               "para_last", "doc_paras", "positions", "position_bounds", "paragraphs", "paragraph_bounds")


def as_numpy(values: array | np.ndarray) -> np.ndarray:
    """An int64 numpy view of an ``array('q')`` (no copy); a numpy array (e.g. memory-mapped) as it is."""
    if isinstance(values, np.ndarray):
        return values
    return np.frombuffer(values, dtype=np.int64) if len(values) else np.zeros(0, np.int64)


class WordStream(Sequence[str]):
    """The normal forms of a token stream read through its word ids (a segment opened from disk keeps no list)."""

    def __init__(self, words: list[str], word_ids: np.ndarray) -> None:
        self._words = words
        self._ids = word_ids

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, position: int | slice) -> Any:
        if isinstance(position, slice):
            words = self._words
            return [words[i] for i in self._ids[position].tolist()]
        return self._words[self._ids[position]]


def _narrowed(values: np.ndarray) -> np.ndarray:
    """``values`` as int32 when every one fits, else as they are."""
    if len(values) == 0 or (values.min() >= np.iinfo(np.int32).min and values.max() <= np.iinfo(np.int32).max):
        return values.astype(np.int32)
    return values


def _int_array(values: np.ndarray) -> array:
    return array("q", np.ascontiguousarray(values, dtype=np.int64).tobytes())


class _PickedArticles(Sequence[Article]):
    """The articles of a merged segment, each read from its source segment's sequence when first asked for."""

    def __init__(self, picked: list[tuple[Sequence[Article], int]]) -> None:
        self._picked = picked

    def __len__(self) -> int:
        return len(self._picked)

    def __getitem__(self, number: Any) -> Any:
        if isinstance(number, slice):
            return [articles[d] for articles, d in self._picked[number]]
        articles, d = self._picked[int(number)]
        return articles[d]


class Segment:
    """The citable words of some articles, with postings; never changed once built."""

    def __init__(self) -> None:
        self.articles: Sequence[Article] = []
        self.doc_ids: list[str] = []
        self.norms: Sequence[str] = []
        self.words: list[str] = []  # word id → normal form
        self.vocabulary: dict[str, int] = {}
        self.word_ids = array("q")
        self.starts = array("q")
        self.ends = array("q")
        self.editorial = bytearray()
        self.tok_para = array("q")
        self.para_doc = array("q")
        self.para_index = array("q")
        self.para_first = array("q")
        self.para_last = array("q")  # one past the paragraph's last token
        self.doc_paras = array("q", [0])  # article d holds paragraphs doc_paras[d]..doc_paras[d + 1]
        self._numbers: dict[str, int] | None = None

    @property
    def paragraph_count(self) -> int:
        return len(self.para_doc)

    def number_of(self, doc_id: str) -> int | None:
        """The number of article ``doc_id`` in this segment, if it is here."""
        if self._numbers is None:
            self._numbers = {d: n for n, d in enumerate(self.doc_ids)}
        return self._numbers.get(doc_id)

    # ------------------------------------------------------------------------------ saving, opening
    def arrays(self) -> dict[str, np.ndarray]:
        """The segment as numpy arrays (``ARRAY_NAMES``); with ``words`` and ``doc_ids`` that is all of it.

        Integers are stored as int32 where they fit (always, short of 2**31 words or characters): half
        the bytes on disk and in the page cache; ``of_arrays`` takes either width.
        """
        found = {name: _narrowed(as_numpy(getattr(self, name))) for name in ARRAY_NAMES if name != "editorial"}
        found["editorial"] = np.frombuffer(bytes(self.editorial), dtype=np.uint8)
        return {name: found[name] for name in ARRAY_NAMES}

    @classmethod
    def of_arrays(cls, arrays: Mapping[str, np.ndarray], words: list[str], articles: Sequence[Article],
                  doc_ids: list[str]) -> Segment:
        """A segment over saved arrays (not copied: they may be memory-mapped) and lazily read ``articles``."""
        segment = cls()
        segment.articles = articles
        segment.doc_ids = list(doc_ids)
        segment.words = words
        segment.vocabulary = {w: i for i, w in enumerate(words)}
        for name in ARRAY_NAMES:
            setattr(segment, name, arrays[name])
        segment.norms = WordStream(words, arrays["word_ids"])
        return segment

    # ------------------------------------------------------------------------------------ building
    @classmethod
    def of_articles(cls, articles: Iterable[Article], excluded_roles: frozenset[str]) -> Segment:
        """Tokenize every citable paragraph of ``articles`` (in the order given)."""
        segment = cls()
        segment.articles = list(articles)
        segment.doc_ids = [a.doc_id for a in segment.articles]
        segment.norms = []
        for doc, article in enumerate(segment.articles):
            for paragraph in article.paragraphs:
                if paragraph.role not in excluded_roles:
                    segment._add_paragraph(doc, article, paragraph.index, paragraph.start, paragraph.end)
            segment.doc_paras.append(len(segment.para_doc))
        segment._build_postings()
        return segment

    def _add_paragraph(self, doc: int, article: Article, index: int, start: int, end: int) -> None:
        pid = len(self.para_doc)
        self.para_doc.append(doc)
        self.para_index.append(index)
        self.para_first.append(len(self.norms))
        vocabulary = self.vocabulary
        tokens = tokenize(article.text, start, end)
        ids = []
        for token in tokens:
            word_id = vocabulary.get(token.norm)
            if word_id is None:
                word_id = vocabulary[token.norm] = len(vocabulary)
                self.words.append(token.norm)
            ids.append(word_id)
        self.word_ids.extend(ids)
        assert isinstance(self.norms, list)
        self.norms.extend(t.norm for t in tokens)
        self.starts.extend(t.start for t in tokens)
        self.ends.extend(t.end for t in tokens)
        self.editorial.extend(t.editorial for t in tokens)
        self.tok_para.extend([pid] * len(tokens))
        self.para_last.append(len(self.norms))

    @classmethod
    def merged(cls, parts: Sequence[tuple[Segment, int]]) -> Segment:
        """One segment of the articles ``(segment, article number)``, in the order given, from their tokens."""
        segment = cls()
        picked: list[tuple[Sequence[Article], int]] = []
        union: dict[str, int] = {}
        tables: dict[int, np.ndarray] = {}
        pieces: dict[str, list[np.ndarray]] = {k: [] for k in ("ids", "starts", "ends", "tok_para", "para_doc",
                                                               "para_index", "para_first", "para_last")}
        tokens = paragraphs = 0
        for doc, (source, d) in enumerate(parts):
            picked.append((source.articles, d))
            segment.doc_ids.append(source.doc_ids[d])
            p0, p1 = source.doc_paras[d], source.doc_paras[d + 1]
            segment.doc_paras.append(paragraphs + p1 - p0)
            if p0 == p1:
                continue
            t0, t1 = source.para_first[p0], source.para_last[p1 - 1]
            table = tables.get(id(source))
            if table is None:
                table = tables[id(source)] = np.fromiter(
                    (union.setdefault(w, len(union)) for w in source.words), np.int64, len(source.words))
            pieces["ids"].append(table[as_numpy(source.word_ids)[t0:t1]])
            pieces["starts"].append(as_numpy(source.starts)[t0:t1])
            pieces["ends"].append(as_numpy(source.ends)[t0:t1])
            pieces["tok_para"].append(as_numpy(source.tok_para)[t0:t1] - p0 + paragraphs)
            pieces["para_doc"].append(np.full(p1 - p0, doc, np.int64))
            pieces["para_index"].append(as_numpy(source.para_index)[p0:p1])
            pieces["para_first"].append(as_numpy(source.para_first)[p0:p1] - t0 + tokens)
            pieces["para_last"].append(as_numpy(source.para_last)[p0:p1] - t0 + tokens)
            segment.editorial.extend(bytes(source.editorial[t0:t1]))
            tokens += t1 - t0
            paragraphs += p1 - p0
        # Articles read lazily (from a snapshot) stay unread: a merge needs only their tokens.
        eager = all(isinstance(articles, list) for articles, _ in picked)
        segment.articles = [articles[d] for articles, d in picked] if eager else _PickedArticles(picked)
        joined = {k: np.concatenate(v) if v else np.zeros(0, np.int64) for k, v in pieces.items()}
        # Only the words still present are kept, renumbered densely in the order they were met.
        used = np.bincount(joined["ids"], minlength=len(union)) > 0
        renumber = np.cumsum(used) - 1
        union_words = list(union)
        segment.words = [union_words[i] for i in np.flatnonzero(used).tolist()]
        segment.vocabulary = {w: i for i, w in enumerate(segment.words)}
        segment.word_ids = _int_array(renumber[joined["ids"]])
        segment.norms = WordStream(segment.words, as_numpy(segment.word_ids))
        for name in ("starts", "ends", "tok_para", "para_doc", "para_index", "para_first", "para_last"):
            setattr(segment, name, _int_array(joined[name]))
        segment._build_postings()
        return segment

    def _build_postings(self) -> None:
        """Inverted indexes as sorted arrays: word → stream positions, and word → paragraph ids."""
        word_ids, tok_para = as_numpy(self.word_ids), as_numpy(self.tok_para)
        vocabulary_size = len(self.words)
        self.positions = np.argsort(word_ids, kind="stable")
        self.position_bounds = np.concatenate(([0], np.cumsum(np.bincount(word_ids, minlength=vocabulary_size))))
        # Sorted by word, then position, so each word's paragraph ids come ascending: keep the first of each run.
        sorted_words, sorted_paragraphs = word_ids[self.positions], tok_para[self.positions]
        first_of_run = np.ones(len(sorted_words), dtype=bool)
        first_of_run[1:] = (sorted_words[1:] != sorted_words[:-1]) | (sorted_paragraphs[1:] != sorted_paragraphs[:-1])
        self.paragraphs = sorted_paragraphs[first_of_run]
        self.paragraph_bounds = np.searchsorted(sorted_words[first_of_run], np.arange(vocabulary_size + 1))

    # ------------------------------------------------------------------------------------ postings
    def postings(self, word_id: int) -> np.ndarray:
        """Stream positions of a word, ascending."""
        return self.positions[self.position_bounds[word_id] : self.position_bounds[word_id + 1]]

    def frequency(self, word_id: int) -> int:
        return int(self.position_bounds[word_id + 1] - self.position_bounds[word_id])

    def paragraphs_with(self, word_id: int) -> np.ndarray:
        """Ids of the paragraphs holding a word, ascending."""
        return self.paragraphs[self.paragraph_bounds[word_id] : self.paragraph_bounds[word_id + 1]]

    def doc_tokens(self, doc: int) -> tuple[int, int]:
        """Stream positions ``[lo, hi)`` of article ``doc``'s words."""
        p0, p1 = self.doc_paras[doc], self.doc_paras[doc + 1]
        return (self.para_first[p0], self.para_last[p1 - 1]) if p1 > p0 else (0, 0)

    # ------------------------------------------------------------------------------- exact words
    def extend(self, quote: list[Token], i: int, j: int, step: int) -> int | None:
        """Walk from quote word ``i`` = source word ``j`` in direction ``step``; the last source word matched.

        Equal words are consumed together; an editorial word on either side may be skipped. Returns
        None as soon as a quote word cannot be matched.
        """
        norms, editorial = self.norms, self.editorial
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
        pa, pb = self.tok_para[a], self.tok_para[b]
        return pa == pb or self.adjacent(pa, pb)

    def adjacent(self, pa: int, pb: int) -> bool:
        return self.para_doc[pa] == self.para_doc[pb] and abs(self.para_index[pa] - self.para_index[pb]) == 1

    # ------------------------------------------------------------------------------- close words
    def best_window(self, quote: list[Token], lo: int, hi: int) -> Window | None:
        """The run of matching blocks in stream ``[lo, hi)`` with the best Dice ratio against the quote."""
        source = self.norms[lo:hi]
        matcher = SequenceMatcher(a=source, b=[t.norm for t in quote], autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            return None
        quote_len = sum(1 for t in quote if not t.editorial)
        counted = [0]  # counted[k] = non-editorial source words before position lo + k
        for p in range(lo, hi):
            counted.append(counted[-1] + (not self.editorial[p]))
        best: Window | None = None
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
                    best = Window(score, lo + first, lo + last, lead, trail, lo, hi)
        return best

    def widen(self, window: Window) -> tuple[int, int]:
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

    def settle(self, quote: list[Token], window: Window, first: int, last: int) -> tuple[int, int]:
        """Nudge each edge by up to ``EDGE_SLACK`` words where that aligns more quote words.

        The matching blocks may tie a quote word to an earlier repeat of it ("we have not yet verified
        that. We have not yet verified the…"), leaving the right copy just outside the window.
        """
        best_first, best_matched = first, alignment_counts(quote, self.tokens(first, last + 1))[0]
        for candidate in range(first - 1, self._reach(first, -1, EDGE_SLACK, window.lo) - 1, -1):
            matched = alignment_counts(quote, self.tokens(candidate, last + 1))[0]
            if matched > best_matched:
                best_first, best_matched = candidate, matched
        best_last = last
        for candidate in range(last + 1, self._reach(last, +1, EDGE_SLACK, window.hi - 1) + 1):
            matched = alignment_counts(quote, self.tokens(best_first, candidate + 1))[0]
            if matched > best_matched:
                best_last, best_matched = candidate, matched
        return best_first, best_last

    def _sentence_break(self, position: int) -> bool:
        """Whether a sentence ends between stream word ``position`` and the next one."""
        if position + 1 >= len(self.norms) or self.tok_para[position] != self.tok_para[position + 1]:
            return True
        text = self.articles[self.para_doc[self.tok_para[position]]].text
        gap = text[self.ends[position] : self.starts[position + 1]]
        return any(mark in gap for mark in _SENTENCE_MARKS)

    # ---------------------------------------------------------------------------------- matches
    def tokens(self, lo: int, hi: int) -> list[Token]:
        """Stream positions ``[lo, hi)`` as Tokens, with the words as written."""
        text = self.articles[self.para_doc[self.tok_para[lo]]].text
        norms = self.norms[lo:hi]
        starts, ends = as_numpy(self.starts)[lo:hi].tolist(), as_numpy(self.ends)[lo:hi].tolist()
        editorial = self.editorial[lo:hi]
        return [
            Token(norms[k], starts[k], ends[k], bool(editorial[k]), text[starts[k] : ends[k]])
            for k in range(len(norms))
        ]

    def exact_match(self, first: int, last: int, closes_sentence: bool) -> LexicalMatch:
        return self._make_match(first, last, closes_sentence, 1.0, True, [], last - first + 1)

    def close_match(self, quote: list[Token], first: int, last: int, closes_sentence: bool) -> LexicalMatch:
        """Source words ``first..last`` scored against the quote, with the word changes between them."""
        source = self.tokens(first, last + 1)
        matched, quote_len, source_len = alignment_counts(quote, source)
        score = 2.0 * matched / (quote_len + source_len) if quote_len + source_len else 0.0
        diffs = difference_list(quote, source)
        return self._make_match(first, last, closes_sentence, score, not diffs, diffs, matched)

    def _make_match(
        self, first: int, last: int, closes_sentence: bool, score: float, exact: bool,
        differences: list[Difference], matched: int,
    ) -> LexicalMatch:
        article = self.articles[self.para_doc[self.tok_para[first]]]
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
            paragraph_start=int(self.para_index[self.tok_para[first]]),
            paragraph_end=int(self.para_index[self.tok_para[last]]),
        )

    def _span(self, text: str, first: int, last: int, closes_sentence: bool) -> tuple[int, int]:
        """Character span of stream words ``first..last``, widened to whole brackets and a final stop."""
        start, end = int(self.starts[first]), int(self.ends[last])  # Python ints, whatever the arrays hold
        if self.editorial[first]:
            bracket = text.rfind("[", 0, start)
            if bracket >= 0 and "]" not in text[bracket:start]:
                start = bracket
        if self.editorial[last]:
            bracket = text.find("]", end)
            if bracket >= 0 and "[" not in text[end:bracket]:
                end = bracket + 1
        if closes_sentence and end < len(text) and text[end] in _SENTENCE_MARKS:
            end += 1
        return start, end
