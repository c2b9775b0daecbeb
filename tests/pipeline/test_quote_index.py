"""QuoteIndex: exact and near-exact source windows for quotes, with exact offsets."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.corpus import load_corpus, parse_article
from pipeline.quote_index import QuoteIndex
from pipeline.types import Article, Difference, Paragraph

SEED_DOC = "nationalworld-russia-ukraine-nato.txt"
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


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
