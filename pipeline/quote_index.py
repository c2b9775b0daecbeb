"""Finding the source words of a quote: exact occurrences first, else the best-aligned window.

All articles' words are kept as token streams (normal form, exact offsets, editorial flag,
paragraph) with inverted indexes from normal form to stream positions and to paragraphs. An exact
match grows outwards from the quote's rarest word, skipping editorial words on either side, and may
run across paragraph breaks of one article (a multi-paragraph quote). An approximate match looks only at the
paragraphs (and pairs of adjacent paragraphs) that share the quote's rarest words, and picks the
window of source words that aligns best with the quote.

Spans cover the first to the last matched source word, widened to whole editorial brackets; a
closing ``.``, ``!`` or ``?`` right after the last word is included when the quote ends with one too,
so a full-sentence quote is cited as the full sentence.

Updates are incremental and exact. An index is a large base segment plus a small delta segment
(``pipeline.quote_segments``); ``replaced`` hides an article's old version in the base and re-merges
the delta with its new version, so one change costs the article's own tokenization and a merge of the
delta, not the corpus's. Every search runs over both segments with corpus-wide statistics (word and
paragraph frequencies of the live articles only) and puts results in corpus order, so it returns what
a full rebuild over the same articles in the same order returns, offsets and ties included.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from pipeline.quote_segments import LexicalMatch, Segment, Window, as_numpy
from pipeline.quote_text import Token, tokenize
from pipeline.types import Article

__all__ = ["EXCLUDED_ROLES", "LexicalMatch", "QuoteIndex"]

EXCLUDED_ROLES = frozenset({"boilerplate"})
# Approximate search: how many rare quote words vote for candidate paragraphs, how many postings they
# may read in all, and how many candidate paragraphs get the (costlier) alignment.
MAX_ANCHOR_WORDS = 8
MAX_ANCHOR_POSTINGS = 200_000
MAX_CANDIDATE_PARAGRAPHS = 10
MAX_EXACT_MATCHES = 20
# Articles in the delta plus articles hidden in the base before everything is merged into one new base:
# the delta is re-merged on every change (≈ 1,300 words an article, milliseconds at this size), and the
# merge into a new base copies the whole corpus's tokens (a fraction of a second at 1,000 articles).
FOLD_AFTER_CHANGES = 64
_QUOTE_ENDS_SENTENCE = re.compile(r"""(?<![.…])[.!?][\s"'”’)\]]*$""")


@dataclass(frozen=True)
class LiveSegment:
    """A segment as one ``QuoteIndex`` sees it: each article's place in corpus order, removed ones hidden.

    The counts of removed articles' words are kept, and their paragraphs masked, so that word and
    paragraph frequencies (which choose the anchor words and weigh their votes) are those of the live
    articles alone, as in a full rebuild.
    """

    segment: Segment
    ranks: np.ndarray  # per article: its place in corpus order, -1 once removed
    removed_words: Mapping[int, int] = field(default_factory=dict)  # word id → occurrences in removed articles
    removed_paragraph: np.ndarray | None = None  # per paragraph: its article was removed (None: nothing removed)
    removed_articles: int = 0

    @classmethod
    def whole(cls, segment: Segment, ranks: Sequence[int] | None = None) -> LiveSegment:
        order = np.arange(len(segment.doc_ids)) if ranks is None else np.asarray(ranks, dtype=np.int64)
        return cls(segment, order.astype(np.int64))

    @property
    def paragraph_count(self) -> int:
        removed = 0 if self.removed_paragraph is None else int(self.removed_paragraph.sum())
        return self.segment.paragraph_count - removed

    def live(self) -> list[int]:
        """The numbers of the articles not removed, in segment order."""
        return np.flatnonzero(self.ranks >= 0).tolist()

    def in_corpus_order(self) -> bool:
        live = self.ranks[self.ranks >= 0]
        return bool(np.all(live[1:] > live[:-1]))

    def frequency(self, word: str) -> int:
        word_id = self.segment.vocabulary.get(word)
        if word_id is None:
            return 0
        return self.segment.frequency(word_id) - self.removed_words.get(word_id, 0)

    def positions(self, word: str) -> list[int]:
        """Stream positions of ``word`` in live articles, ascending."""
        word_id = self.segment.vocabulary.get(word)
        if word_id is None:
            return []
        found = self.segment.postings(word_id)
        if self.removed_paragraph is not None:
            found = found[~self.removed_paragraph[as_numpy(self.segment.tok_para)[found]]]
        return found.tolist()

    def paragraphs_with(self, word: str) -> np.ndarray:
        """Ids of the live paragraphs holding ``word``, ascending."""
        word_id = self.segment.vocabulary.get(word)
        if word_id is None:
            return np.zeros(0, np.int64)
        found = self.segment.paragraphs_with(word_id)
        return found if self.removed_paragraph is None else found[~self.removed_paragraph[found]]

    def rank_at(self, position: int) -> int:
        """The corpus place of the article holding stream word ``position``."""
        segment = self.segment
        return int(self.ranks[segment.para_doc[segment.tok_para[position]]])

    def paragraph_ranks(self, pids: np.ndarray) -> np.ndarray:
        """The corpus place of the article holding each paragraph ``pids``."""
        return self.ranks[as_numpy(self.segment.para_doc)[pids]]

    def without(self, doc: int) -> LiveSegment:
        """This view with article ``doc`` hidden too (its words no longer counted)."""
        segment = self.segment
        ranks = self.ranks.copy()
        ranks[doc] = -1
        p0, p1 = segment.doc_paras[doc], segment.doc_paras[doc + 1]
        removed_paragraph = (np.zeros(segment.paragraph_count, bool) if self.removed_paragraph is None
                             else self.removed_paragraph.copy())
        removed_paragraph[p0:p1] = True
        lo, hi = segment.doc_tokens(doc)
        ids = as_numpy(segment.word_ids)[lo:hi]
        words = dict(self.removed_words)
        for word_id, count in zip(*np.unique(ids, return_counts=True), strict=True):
            words[int(word_id)] = words.get(int(word_id), 0) + int(count)
        return LiveSegment(segment, ranks, words, removed_paragraph, self.removed_articles + 1)

    def reranked(self, rank: Mapping[str, int]) -> LiveSegment:
        """This view with every live article's place looked up in ``rank``; one absent from it is hidden."""
        view = self
        for doc in self.live():
            if self.segment.doc_ids[doc] not in rank:
                view = view.without(doc)
        ranks = np.fromiter((rank.get(d, -1) for d in self.segment.doc_ids), np.int64, len(self.segment.doc_ids))
        ranks[view.ranks < 0] = -1
        return replace(view, ranks=ranks)


_Unit = tuple[LiveSegment, tuple[int, ...]]


class QuoteIndex:
    """Every citable word of a corpus, searchable for exact and near-exact quotes."""

    def __init__(self, articles: Iterable[Article], *, excluded_roles: frozenset[str] = EXCLUDED_ROLES) -> None:
        self._articles: list[Article] | None = list(articles)
        self._excluded_roles = excluded_roles
        self._parts: tuple[LiveSegment, ...] = (LiveSegment.whole(Segment.of_articles(self._articles, excluded_roles)),)

    @classmethod
    def _of(cls, parts: Sequence[LiveSegment], excluded_roles: frozenset[str]) -> QuoteIndex:
        """An index over segment views (the base first) whose live articles together are the corpus."""
        index = cls.__new__(cls)
        index._excluded_roles = excluded_roles
        index._parts = tuple(parts)
        index._articles = None  # listed on demand: a segment opened from a snapshot reads its articles lazily
        return index

    @classmethod
    def of_segment(cls, segment: Segment, *, excluded_roles: frozenset[str] = EXCLUDED_ROLES) -> QuoteIndex:
        """An index over one segment whose articles are the corpus in order (e.g. opened from a snapshot)."""
        return cls._of([LiveSegment.whole(segment)], excluded_roles)

    @property
    def articles(self) -> list[Article]:
        """The live articles in corpus order."""
        if self._articles is None:
            ranked = [(int(part.ranks[d]), part.segment.articles[d]) for part in self._parts for d in part.live()]
            self._articles = [article for _, article in sorted(ranked, key=lambda item: item[0])]
        return self._articles

    def base_segment(self) -> Segment:
        """All live articles as one segment in corpus order, as ``of_segment`` takes it (a merge if need be)."""
        if len(self._parts) == 1:
            part = self._parts[0]
            if not part.removed_articles and np.array_equal(part.ranks, np.arange(len(part.ranks))):
                return part.segment
        everything = sorted(((part.segment, d, int(part.ranks[d])) for part in self._parts for d in part.live()),
                            key=lambda item: item[2])
        return Segment.merged([(segment, d) for segment, d, _ in everything])

    def __len__(self) -> int:
        return sum(len(part.live()) for part in self._parts)

    @property
    def segments(self) -> int:
        """How many segments a search reads (1 after a full build or a fold, 2 with a delta)."""
        return len(self._parts)

    # ----------------------------------------------------------------------------------- updates
    def replaced(self, doc_id: str, article: Article | None, order: Sequence[str]) -> QuoteIndex:
        """A new index with article ``doc_id`` added or changed (``article``) or removed (None); this one is untouched.

        ``order`` is the new corpus's article order (the order a full rebuild would be given). The base
        hides the old version; the delta is merged again from its own tokens plus the new article's.
        After ``FOLD_AFTER_CHANGES`` changes everything is merged into one new base, by the change that
        crosses it (no tokenizing: ≈ 0.3 s at 1,000 articles), as is an order the base does not follow.
        """
        rank = {d: i for i, d in enumerate(order)}
        base = self._parts[0]
        doc = base.segment.number_of(doc_id)
        if doc is not None and base.ranks[doc] >= 0:
            base = base.without(doc)
        base = base.reranked(rank)
        changed: list[tuple[Segment, int]] = []
        for delta in self._parts[1:]:
            changed.extend((delta.segment, d) for d in delta.live() if delta.segment.doc_ids[d] != doc_id)
        if article is not None:
            changed.append((Segment.of_articles([article], self._excluded_roles), 0))
        changed = [(s, d) for s, d in changed if s.doc_ids[d] in rank]

        def place(item: tuple[Segment, int]) -> int:
            return rank[item[0].doc_ids[item[1]]]

        if len(changed) + base.removed_articles > FOLD_AFTER_CHANGES or not base.in_corpus_order():
            everything = sorted([(base.segment, d) for d in base.live()] + changed, key=place)
            return QuoteIndex._of([LiveSegment.whole(Segment.merged(everything), [place(i) for i in everything])],
                                  self._excluded_roles)
        if not changed:
            return QuoteIndex._of([base], self._excluded_roles)
        changed.sort(key=place)
        delta = LiveSegment.whole(Segment.merged(changed), [place(i) for i in changed])
        return QuoteIndex._of([base, delta], self._excluded_roles)

    # ---------------------------------------------------------------------------- corpus statistics
    def _frequency(self, word: str) -> int:
        """Occurrences of ``word`` in the live articles of every segment."""
        return sum(part.frequency(word) for part in self._parts)

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
        """Exact occurrences in corpus order (each segment's first ``limit``, merged)."""
        required = [i for i, t in enumerate(quote) if not t.editorial]
        anchor = min(required, key=lambda i: self._frequency(quote[i].norm))
        found: list[tuple[tuple[int, int], LexicalMatch]] = []
        for part in self._parts:
            found.extend(_exact_in(part, quote, anchor, closes_sentence, limit))
        found.sort(key=lambda item: item[0])
        return [match for _, match in found[:limit]]

    def _approximate_matches(self, quote: list[Token], closes_sentence: bool, limit: int) -> list[LexicalMatch]:
        windows: list[tuple[tuple[float, int, int], LiveSegment, Window]] = []
        cache: dict[tuple[str, ...], Window | None] = {}
        for part, unit in self._candidate_units(quote):
            segment = part.segment
            lo, hi = segment.para_first[unit[0]], segment.para_last[unit[-1]]
            key = tuple(segment.norms[lo:hi])
            if key not in cache:
                cache[key] = segment.best_window(quote, lo, hi)
            best = cache[key]
            if best is not None:
                window = best.shifted(lo - best.lo, lo, hi)
                # Ties go to the earlier window in corpus order: article first, then position in it.
                windows.append(((-window.score, part.rank_at(window.first), window.first), part, window))
        windows.sort(key=lambda item: item[0])
        found: list[LexicalMatch] = []
        seen: set[tuple[int, int, int]] = set()
        for _, part, window in windows:
            segment = part.segment
            first, last = segment.settle(quote, window, *segment.widen(window))
            if (id(segment), first, last) in seen:
                continue
            seen.add((id(segment), first, last))
            found.append(segment.close_match(quote, first, last, closes_sentence))
            if len(found) >= limit:
                break
        found.sort(key=lambda m: -m.similarity)
        return found

    def _candidate_units(self, quote: list[Token]) -> list[_Unit]:
        """Paragraphs sharing the quote's rarest words (best first), each alone and with a voted neighbour.

        Votes are weighed by corpus-wide paragraph counts, and the candidates are ranked (ties and
        all) in the corpus's paragraph order, as if every segment were one stream.
        """
        parts = self._parts
        frequency = {t.norm: self._frequency(t.norm) for t in quote if not t.editorial}
        words = {t.norm for t in quote if not t.editorial and frequency[t.norm] > 0}
        # Rarest first; words of equal frequency by the word itself, not by set order (string hashing
        # differs between processes, and which of them vote could then differ too).
        ranked = sorted(words, key=lambda word: (frequency[word], word))
        paragraph_count = sum(part.paragraph_count for part in parts)
        votes = [np.zeros(part.segment.paragraph_count, dtype=np.float64) for part in parts]
        budget = MAX_ANCHOR_POSTINGS
        for n, word in enumerate(ranked[:MAX_ANCHOR_WORDS]):
            if n >= 2 and frequency[word] > budget:
                break
            budget -= frequency[word]
            holding = [part.paragraphs_with(word) for part in parts]
            weight = math.log(1.0 + paragraph_count / sum(len(paragraphs) for paragraphs in holding))
            for part_votes, paragraphs in zip(votes, holding, strict=True):
                part_votes[paragraphs] += weight
        # Every voted paragraph in corpus order: by its article's place, then its place in the article.
        voted = [np.flatnonzero(part_votes) for part_votes in votes]
        which = np.concatenate([np.full(len(v), k, np.int64) for k, v in enumerate(voted)])
        pids = np.concatenate(voted)
        places = np.concatenate([part.paragraph_ranks(v) for part, v in zip(parts, voted, strict=True)])
        order = np.lexsort((pids, places))
        which, pids = which[order], pids[order]
        values = np.concatenate([part_votes[v] for part_votes, v in zip(votes, voted, strict=True)])[order]
        chosen = np.arange(len(values))
        if len(values) > MAX_CANDIDATE_PARAGRAPHS:
            chosen = np.argpartition(-values, MAX_CANDIDATE_PARAGRAPHS - 1)[:MAX_CANDIDATE_PARAGRAPHS]
        units: list[tuple[int, tuple[int, ...]]] = []
        for i in sorted(chosen.tolist(), key=lambda i: (-values[i], i)):
            k, pid = int(which[i]), int(pids[i])
            segment = parts[k].segment
            units.append((k, (pid,)))
            for other in (pid - 1, pid + 1):
                if 0 <= other < segment.paragraph_count and votes[k][other] > 0 and segment.adjacent(pid, other):
                    units.append((k, (min(pid, other), max(pid, other))))
        return [(parts[k], unit) for k, unit in dict.fromkeys(units)]


def _exact_in(
    part: LiveSegment, quote: list[Token], anchor: int, closes_sentence: bool, limit: int
) -> list[tuple[tuple[int, int], LexicalMatch]]:
    """The first ``limit`` exact occurrences in one segment, each keyed by its corpus place."""
    segment = part.segment
    found: list[tuple[tuple[int, int], LexicalMatch]] = []
    seen: set[tuple[int, int]] = set()
    for position in part.positions(quote[anchor].norm):
        last = segment.extend(quote, anchor, position, +1)
        if last is None:
            continue
        first = segment.extend(quote, anchor, position, -1)
        if first is None or (first, last) in seen:
            continue
        seen.add((first, last))
        found.append(((part.rank_at(position), position), segment.exact_match(first, last, closes_sentence)))
        if len(found) >= limit:
            break
    return found
