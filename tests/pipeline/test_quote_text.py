"""Normalisation of quote and source words: only changes of words may count."""

from __future__ import annotations

import pytest

from pipeline.quote_text import difference_list, norms, similarity, tokenize
from pipeline.types import Difference


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russia Has No Intention", "russia has no intention"),  # case
        ("It’s too early", "It's too early"),  # curly vs straight apostrophe
        ("It‘s too early", "It`s too early"),  # other apostrophe styles
        ("“cautious optimism”", '"cautious optimism"'),  # curly vs straight quote marks
        ("‘signs of escalation’", "'signs of escalation'"),  # single quote marks are not apostrophes
        ("Russia-Ukraine border", "Russia – Ukraine border"),  # hyphen vs en dash
        ("Donetsk and Luhansk — as", "Donetsk and Luhansk - as"),  # em dash vs hyphen
        ("not only troops\n\nbut  equipment", "not only troops but equipment"),  # whitespace, line breaks
        ("we see… anything", "we see anything"),  # ellipsis character
        ("we see ... anything", "we see anything"),  # three dots
        ("Yes, it is! Really?", "yes it is really"),  # punctuation
        ("café au lait", "cafe au lait"),  # accents
    ],
)
def test_normalisation_ignores_what_does_not_change_words(a: str, b: str) -> None:
    assert norms(a) == norms(b)


def test_words_that_differ_stay_different() -> None:
    assert norms("we have not verified") != norms("we have verified")
    assert norms("complete withdrawal") != norms("substantial withdrawal")


def test_numbers_keep_their_digits() -> None:
    assert norms("Around 125,000 troops") == ["around", "125000", "troops"]
    assert norms("125000") == norms("125,000")
    assert norms("3.5 per cent") == ["3.5", "per", "cent"]
    assert norms("£88million in aid") == ["£", "88", "million", "in", "aid"]
    assert norms("125,000") != norms("12,000")


def test_apostrophes_inside_words_are_kept_and_unified() -> None:
    assert norms("Ukraine’s aspiring NATO membership") == ["ukraine's", "aspiring", "nato", "membership"]
    assert norms("We’ve got") == ["we've", "got"]


def test_offsets_are_exact_into_the_text() -> None:
    text = "Intro.\n\nHe said: “It’s too early – [Russian troops] 125,000…”"
    start = text.index("He")
    tokens = tokenize(text, start)
    assert tokens[0].start == start
    for token in tokens:
        assert text[token.start : token.end] == token.text
    assert [t.norm for t in tokens] == ["he", "said", "it's", "too", "early", "russian", "troops", "125000"]


def test_tokenize_respects_start_and_end() -> None:
    text = "one two three four"
    tokens = tokenize(text, 4, 13)
    assert [t.norm for t in tokens] == ["two", "three"]


def test_editorial_brackets_mark_their_words() -> None:
    tokens = tokenize("in Belarus [that] only can be [Russian troops withdrawing] construed")
    flagged = [t.norm for t in tokens if t.editorial]
    assert flagged == ["that", "russian", "troops", "withdrawing"]
    assert not any(t.editorial for t in tokens if t.norm in {"belarus", "only", "construed"})


def test_difference_ops_follow_the_quote_point_of_view() -> None:
    source = tokenize("we have not yet verified the units")
    # A word the source has and the quote drops: delete.
    assert difference_list(tokenize("we have yet verified the units"), source) == [
        Difference(op="delete", quote="", source="not")
    ]
    # A word the quote adds: insert.
    assert difference_list(tokenize("we have not yet fully verified the units"), source) == [
        Difference(op="insert", quote="fully", source="")
    ]
    # A word swapped: replace, words as written on each side.
    assert difference_list(tokenize("We have NOT yet checked the units"), source) == [
        Difference(op="replace", quote="checked", source="verified")
    ]


def test_differences_show_words_as_written() -> None:
    diffs = difference_list(tokenize("It's a 125,000-strong army"), tokenize("It’s a 100,000-strong army"))
    assert diffs == [Difference(op="replace", quote="125,000", source="100,000")]


def test_differences_ignore_editorial_words() -> None:
    source = tokenize("[Russian troops withdrawing] would be good, but we have not yet verified that.")
    assert difference_list(tokenize("would be good, but we have not yet verified that"), source) == []
    with_bracket_words = tokenize("Russian troops withdrawing would be good, but we have not yet verified that")
    assert difference_list(with_bracket_words, source) == []
    assert difference_list(tokenize("[That] would be good, but we have not yet verified that"), source) == []


def test_similarity_is_one_only_for_the_same_words() -> None:
    source = tokenize("What we have to see is a substantial withdrawal of troops")
    assert similarity(tokenize("what we have to see is a substantial withdrawal of troops!"), source) == 1.0
    swapped = similarity(tokenize("What we have to see is a complete withdrawal of troops"), source)
    dropped = similarity(tokenize("What we have to see is a withdrawal of troops"), source)
    added = similarity(tokenize("What we have to see is not a substantial withdrawal of troops"), source)
    for value in (swapped, dropped, added):
        assert 0.85 < value < 1.0
    assert similarity(tokenize("Completely different words here"), source) < 0.2
