"""QuoteIndex: exact and near-exact source windows for quotes, with exact offsets."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from pipeline import quote_index
from pipeline.corpus import load_corpus, parse_article
from pipeline.quote_index import EXCLUDED_ROLES, LiveSegment, QuoteIndex
from pipeline.quote_segments import Segment
from pipeline.types import Article, Difference, Paragraph

SEED_DOC = "nationalworld-russia-ukraine-nato.txt"
CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ROOT = str(Path(__file__).resolve().parents[2])


@pytest.fixture(scope="module")
def seed() -> Article:
    articles = {a.doc_id: a for a in load_corpus(CORPUS).articles}
    return articles[SEED_DOC]


@pytest.fixture(scope="module")
def index(seed: Article) -> QuoteIndex:
    return QuoteIndex([seed])


def best(index: QuoteIndex, quote: str):
    found = index.find(quote)
    assert found, f"nothing found for {quote!r}"
    for match in found:
        article = next(a for a in index.articles if a.doc_id == match.doc_id)
        assert article.text[match.start : match.end] == match.text
    return found[0]


@pytest.mark.parametrize(
    "quote",
    [
        # Full sentence, straight apostrophe against the source's curly one.
        "It's too early to say whether we see anything on the ground, but we are following very closely what "
        "they are doing.",
        # A partial quote of a longer quote is verbatim.
        "a substantial withdrawal of troops",
        "only can be construed as preparation for an invasion",
        # Case, quote marks and dashes.
        "“WHAT WE HAVE TO SEE is a substantial withdrawal of troops”",
        "recognise separatist regions in eastern Ukraine — Donetsk and Luhansk – as",
        # Line breaks and extra white space.
        "The safety and security of British nationals\n   is our top priority",
        # Numbers with and without digit grouping.
        "Since 125000 troops were positioned along the Russia-Ukrainian border",
        # Editorial brackets in the source: omitted, included without brackets, or replaced by the quote's own.
        "We’ve got Russian field hospitals being constructed near the border with Ukraine in Belarus only can be "
        "construed as preparation for an invasion",
        "in Belarus that only can be construed",
        "would be good, but we have not yet verified that",
        "Russian troops withdrawing would be good, but we have not yet verified that.",
        "[That] would be good, but we have not yet verified that.",
        # Ellipses and punctuation.
        "we have not yet verified that... We have not yet verified the Russian military units",
        # A quote running over a paragraph break of a multi-paragraph quote.
        "not only troops but equipment. It’s too early to say whether we see anything on the ground",
    ],
)
def test_exact_quotes_are_found_verbatim(index: QuoteIndex, quote: str) -> None:
    match = best(index, quote)
    assert match.exact
    assert match.similarity == 1.0
    assert match.differences == []
    assert match.doc_id == SEED_DOC


@pytest.mark.parametrize(
    ("quote", "difference"),
    [
        ("we have yet verified that", Difference(op="delete", quote="", source="not")),  # dropped "not"
        ("Unfortunately there was not a constructive response", None),  # added "not" (with a swap)
        ("this I fear would stop at Ukraine", Difference(op="delete", quote="", source="not")),
        (
            "Russia have repeatedly insisted that they have no intentions of not invading Ukraine",
            Difference(op="insert", quote="not", source=""),
        ),  # added "not"
        ("President Putin has never questioned why other countries", None),  # swapped for "never"
        ("a crucial window for diplomacy remains closed", None),  # swapped word
        ("a crucial window for diplomacy remains open now", None),  # added word
        ("a crucial window for diplomacy open", None),  # dropped word
    ],
)
def test_changed_words_are_never_verbatim(index: QuoteIndex, quote: str, difference: Difference | None) -> None:
    match = best(index, quote)
    assert not match.exact
    assert match.similarity < 1.0
    assert match.differences
    if difference is not None:
        assert match.differences == [difference]


def test_complete_for_substantial_is_one_replace_with_exact_offsets(index: QuoteIndex, seed: Article) -> None:
    match = best(index, "What we have to see is a complete withdrawal of troops")
    source = "What we have to see is a substantial withdrawal of troops"
    assert not match.exact
    assert match.differences == [Difference(op="replace", quote="complete", source="substantial")]
    assert match.start == seed.text.index(source)
    assert match.end == match.start + len(source)
    assert match.text == source
    assert 0.85 < match.similarity < 1.0
    paragraph = seed.paragraph_at(match.start)
    assert paragraph is not None and match.paragraph_start == match.paragraph_end == paragraph.index


def test_replaced_words_at_the_edge_read_as_replacements(index: QuoteIndex) -> None:
    match = best(index, "It's too early to say whether we see anything in the air")
    assert match.text == "It’s too early to say whether we see anything on the ground"
    assert match.differences == [
        Difference(op="replace", quote="in", source="on"),
        Difference(op="replace", quote="air", source="ground"),
    ]


def test_closing_stop_is_cited_when_the_quote_has_one(index: QuoteIndex) -> None:
    with_stop = best(index, "Unfortunately there was no constructive response to this proposal.")
    without = best(index, "Unfortunately there was no constructive response to this proposal")
    assert with_stop.text == "Unfortunately there was no constructive response to this proposal."
    assert without.text == "Unfortunately there was no constructive response to this proposal"


def test_editorial_bracket_is_cited_whole(index: QuoteIndex) -> None:
    match = best(index, "Russian troops withdrawing would be good")
    assert match.text == "[Russian troops withdrawing] would be good"


def test_paragraph_range_of_a_multi_paragraph_match(index: QuoteIndex, seed: Article) -> None:
    match = best(index, "not only troops but equipment. It’s too early to say")
    assert match.paragraph_end == match.paragraph_start + 1
    assert "\n\n" in match.text


def test_unrelated_quote_has_no_close_window(index: QuoteIndex) -> None:
    found = index.find("Russia has no interest in Ukraine whatsoever.")
    assert all(not m.exact and m.similarity < 0.5 for m in found)
    assert index.find("zzz qqq xxyyzz") == []


def test_boilerplate_is_not_indexed(index: QuoteIndex) -> None:
    found = index.find("NationalWorld is a new national news brand, produced by a team of journalists")
    assert all(not m.exact for m in found)


def test_quote_of_only_editorial_words_and_empty_index() -> None:
    article = parse_article("a.txt", b"Title\n\nHe said: \"[It] is fine.\"")
    assert QuoteIndex([article]).find("[it]") == []
    assert QuoteIndex([]).find("anything at all") == []


def test_several_exact_occurrences_are_all_returned(seed: Article) -> None:
    copy = parse_article("copy.txt", seed.text.encode("utf-8"))
    found = QuoteIndex([seed, copy]).find("a substantial withdrawal of troops")
    assert {m.doc_id for m in found} == {SEED_DOC, "copy.txt"}
    assert all(m.exact for m in found)


def _synthetic_corpus(seed: Article, articles: int = 1000, per_article: int = 50) -> list[Article]:
    """The seed's paragraphs shuffled into many articles (built directly: parsing is not under test)."""
    paragraphs = [seed.text[p.start : p.end] for p in seed.paragraphs if p.role == "body"]
    rng = random.Random(1234)
    out: list[Article] = []
    for n in range(articles):
        chosen = [rng.choice(paragraphs) for _ in range(per_article)]
        text = "\n\n".join(chosen)
        spans, cursor = [], 0
        for i, paragraph in enumerate(chosen):
            spans.append(Paragraph(index=i, start=cursor, end=cursor + len(paragraph)))
            cursor += len(paragraph) + 2
        out.append(Article(doc_id=f"synthetic/{n:04d}.txt", title=chosen[0], text=text, paragraphs=spans))
    return out


def test_a_thousand_article_index_answers(seed: Article) -> None:
    articles = _synthetic_corpus(seed)
    index = QuoteIndex(articles)
    by_id = {a.doc_id: a for a in articles}

    exact = index.find("It’s too early to say whether we see anything on the ground")
    assert exact and all(m.exact for m in exact)
    for match in exact:
        assert by_id[match.doc_id].text[match.start : match.end] == match.text

    altered = index.find("What we have to see is a complete withdrawal of troops")
    assert altered and not altered[0].exact
    assert altered[0].differences == [Difference(op="replace", quote="complete", source="substantial")]
    assert by_id[altered[0].doc_id].text[altered[0].start : altered[0].end] == altered[0].text

    unrelated = index.find("Russia has no interest in Ukraine whatsoever.")
    assert all(m.similarity < 0.5 for m in unrelated)


# -- incremental updates ------------------------------------------------------------------------------------------
MILLBROOK = "millbrook-bridge-straight-quotes.txt"
HEATWAVE = "heatwave-interview-transcript.txt"
UPDATE_QUOTES = [
    "It's too early to say whether we see anything on the ground",  # exact, in the seed and in a copy
    "What we have to see is a complete withdrawal of troops",  # altered
    "We saw night-time temperatures that simply did not drop. That matters because bodies need to recover",
    "We listened to every objection. This is the right decision for Millbrook.",  # changed, then gone
    "We heard every objection",
    "[That] would be good, but we have not yet verified that.",  # editorial bracket
    "The lighthouse keeper said the lamp was lit again on Monday",  # only in an added article
    "the",  # more exact occurrences than the limit: the first ones in corpus order
    "Russia has no interest in Ukraine whatsoever.",
    "The moon is made of cheese",
]


def _updates(seed: Article) -> tuple[list[Article], list[tuple[str, Article | None]]]:
    """A small real corpus and a run of adds, changes and removals (some articles sort first, some last)."""
    fixtures = {a.doc_id: a for a in load_corpus(FIXTURES / "articles").articles}
    start = sorted([seed, *fixtures.values(), parse_article("copy.txt", seed.text.encode("utf-8"))],
                   key=lambda a: a.doc_id)
    millbrook = fixtures[MILLBROOK].text.replace("We listened to every objection", "We heard every objection")
    lighthouse = "Lighthouse\n\nThe lighthouse keeper said the lamp was lit again on Monday, after two years.\n"
    steps: list[tuple[str, Article | None]] = [
        ("aaa-lighthouse.txt", parse_article("aaa-lighthouse.txt", lighthouse.encode())),
        (MILLBROOK, parse_article(MILLBROOK, millbrook.encode())),
        (HEATWAVE, None),
        ("zzz-copy.txt", parse_article("zzz-copy.txt", seed.text.encode("utf-8"))),
        ("copy.txt", None),
        (HEATWAVE, fixtures[HEATWAVE]),  # back again: hidden in the base, new in the delta
        ("aaa-lighthouse.txt", None),  # out of the delta
        (MILLBROOK, fixtures[MILLBROOK]),
    ]
    return start, steps


def _results(index: QuoteIndex, quote: str) -> list[dict]:
    return [asdict(m) for m in index.find(quote)]


def test_updated_index_finds_what_a_full_rebuild_finds(seed: Article) -> None:
    start, steps = _updates(seed)
    corpus = {a.doc_id: a for a in start}
    index = QuoteIndex(start)
    for doc_id, article in steps:
        previous = [_results(index, q) for q in UPDATE_QUOTES]
        old = index
        corpus.pop(doc_id, None)
        if article is not None:
            corpus[doc_id] = article
        corpus = dict(sorted(corpus.items()))
        index = index.replaced(doc_id, article, tuple(corpus))
        full = QuoteIndex(corpus.values())
        assert index.segments == 2
        assert [a.doc_id for a in index.articles] == list(corpus)
        for quote in UPDATE_QUOTES:
            assert _results(index, quote) == _results(full, quote), (doc_id, quote)
        assert [_results(old, q) for q in UPDATE_QUOTES] == previous  # the old index is untouched
        if article is None:  # a removed article's words are not found any more
            assert all(m.doc_id != doc_id for q in UPDATE_QUOTES for m in index.find(q, limit=50))


def test_removed_and_changed_words_stop_matching(seed: Article) -> None:
    start, steps = _updates(seed)
    corpus = {a.doc_id: a for a in start}
    index = QuoteIndex(start)
    assert best(index, "We listened to every objection").exact
    changed = steps[1][1]
    assert changed is not None
    corpus[MILLBROOK] = changed
    index = index.replaced(MILLBROOK, changed, tuple(corpus))
    listened = best(index, "We listened to every objection")
    assert not listened.exact and listened.differences == [Difference(op="replace", quote="listened to",
                                                                        source="heard")]
    assert best(index, "We heard every objection").exact
    del corpus[HEATWAVE]
    index = index.replaced(HEATWAVE, None, tuple(corpus))
    assert all(m.doc_id != HEATWAVE for m in index.find("That matters because bodies need to recover overnight."))


def test_many_changes_fold_into_one_segment(seed: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quote_index, "FOLD_AFTER_CHANGES", 3)
    start, steps = _updates(seed)
    corpus = {a.doc_id: a for a in start}
    index = QuoteIndex(start)
    segments = []
    for doc_id, article in steps:
        corpus.pop(doc_id, None)
        if article is not None:
            corpus[doc_id] = article
        corpus = dict(sorted(corpus.items()))
        index = index.replaced(doc_id, article, tuple(corpus))
        segments.append(index.segments)
        full = QuoteIndex(corpus.values())
        for quote in UPDATE_QUOTES:
            assert _results(index, quote) == _results(full, quote), (doc_id, quote)
    assert 1 in segments[1:] and 2 in segments  # folded at least once, and built a delta again after


def test_a_changed_corpus_order_folds(seed: Article) -> None:
    """An article order the base does not follow cannot be merged by corpus place: everything is merged anew."""
    start, _ = _updates(seed)
    index = QuoteIndex(start)
    order = tuple(reversed([a.doc_id for a in start]))
    article = parse_article("new.txt", b"New\n\nA new article says the ground is wet.")
    changed = index.replaced("new.txt", article, (*order, "new.txt"))
    assert changed.segments == 1
    full = QuoteIndex([*reversed(start), article])
    for quote in [*UPDATE_QUOTES, "the ground is wet"]:
        assert _results(changed, quote) == _results(full, quote), quote


# -- live views of a segment --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def several(seed: Article) -> list[Article]:
    return [seed, *load_corpus(FIXTURES / "articles").articles]


def test_a_removed_article_is_neither_counted_nor_found(several: list[Article]) -> None:
    whole = LiveSegment.whole(Segment.of_articles(several, EXCLUDED_ROLES))
    view = whole.without(1)
    rebuilt = LiveSegment.whole(Segment.of_articles([a for d, a in enumerate(several) if d != 1], EXCLUDED_ROLES))
    assert view.live() == [d for d in range(len(several)) if d != 1]
    assert view.removed_articles == 1 and whole.removed_articles == 0  # the view it came from is untouched
    assert view.paragraph_count == rebuilt.paragraph_count
    for word in set(whole.segment.words) | {"no-such-word"}:
        assert view.frequency(word) == rebuilt.frequency(word), word
        assert len(view.paragraphs_with(word)) == len(rebuilt.paragraphs_with(word)), word
        positions = view.positions(word)
        assert len(positions) == view.frequency(word)
        assert all(view.rank_at(p) != 1 for p in positions)


def test_reranking_hides_articles_no_longer_in_the_corpus(several: list[Article]) -> None:
    whole = LiveSegment.whole(Segment.of_articles(several[:3], EXCLUDED_ROLES))
    ids = [a.doc_id for a in several[:3]]
    view = whole.reranked({ids[2]: 0, ids[0]: 5})
    assert view.ranks.tolist() == [5, -1, 0]
    assert not view.in_corpus_order()
    assert view.frequency(whole.segment.words[0]) == whole.without(1).frequency(whole.segment.words[0])
    assert whole.reranked({d: i for i, d in enumerate(ids)}).in_corpus_order()


def test_views_share_the_segment_and_never_change_it(several: list[Article]) -> None:
    segment = Segment.of_articles(several, EXCLUDED_ROLES)
    arrays = ("word_ids", "tok_para", "para_doc", "para_first", "para_last", "doc_paras")
    before = {name: list(getattr(segment, name)) for name in arrays}
    whole = LiveSegment.whole(segment)
    whole.without(0).without(2).reranked({})
    assert whole.ranks.tolist() == list(range(len(several)))
    assert {name: list(getattr(segment, name)) for name in arrays} == before
    assert np.array_equal(whole.paragraphs_with(segment.words[0]), segment.paragraphs_with(0))


# -- ties between anchor words ------------------------------------------------------------------------------------
TIE_WORDS = ["lima", "echo", "kilo", "alpha", "juliet", "delta", "india", "bravo", "hotel", "charlie", "golf",
             "foxtrot"]  # more than MAX_ANCHOR_WORDS, each once in the corpus: which of them vote is a tie
TIE_SCRIPT = """
import json, sys
from dataclasses import asdict
from pipeline.corpus import parse_article
from pipeline.quote_index import QuoteIndex
words = json.loads(sys.argv[1])
articles = [parse_article(f"a{n:02d}.txt", f"Title {n}\\n\\nThe word {w} appears here once.".encode())
            for n, w in enumerate(words)]
print(json.dumps([asdict(m) for m in QuoteIndex(articles).find(" ".join(sorted(words)), limit=20)]))
"""


def test_anchor_words_of_equal_frequency_are_taken_in_word_order_in_every_process() -> None:
    assert len(TIE_WORDS) > quote_index.MAX_ANCHOR_WORDS
    runs = []
    for seed in ("0", "1", "2", "3", "random"):
        out = subprocess.run([sys.executable, "-c", TIE_SCRIPT, json.dumps(TIE_WORDS)], capture_output=True,
                             text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": ROOT})
        runs.append(json.loads(out.stdout))
    assert all(run == runs[0] for run in runs)
    # The rarest words vote, ties by the word: the alphabetically first MAX_ANCHOR_WORDS.
    voters = set(sorted(TIE_WORDS)[: quote_index.MAX_ANCHOR_WORDS])
    assert {m["doc_id"] for m in runs[0]} == {f"a{n:02d}.txt" for n, w in enumerate(TIE_WORDS) if w in voters}
