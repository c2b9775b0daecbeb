"""Words as retrieval and answer scoring see them: British and American spellings meet, other words stay apart."""

import pytest

from pipeline.lexicon import stem, terms


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("centre", "center"),
        ("centres", "centers"),
        ("labour", "labor"),
        ("neighbours", "neighbors"),
        ("organised", "organized"),
        ("organisation", "organization"),
        ("defence", "defense"),
        ("licence", "license"),
        ("programme", "program"),
        ("analysed", "analyzed"),
        ("catalogue", "catalog"),
        ("metres", "meters"),
    ],
)
def test_spellings_of_one_word_share_a_stem(british: str, american: str) -> None:
    assert stem(british) == stem(american)


@pytest.mark.parametrize(
    ("one", "other"),
    [("hour", "hor"), ("four", "for"), ("fence", "fense"), ("evidence", "evidense"), ("tour", "tor")],
)
def test_words_that_only_look_british_keep_their_own_stem(one: str, other: str) -> None:
    assert stem(one) != stem(other)


def test_terms_of_a_question_meet_the_source_spelling() -> None:
    assert set(terms("Where is the centre that manages the programme?")) & set(
        terms("The program is managed by the Goddard Space Flight Center")
    ) == {stem("center"), stem("program"), stem("managed")}


@pytest.mark.parametrize(
    ("plural", "singular"), [("hearings", "hearing"), ("briefings", "briefing"), ("meetings", "meet")]
)
def test_plural_ing_nouns_meet_their_singular(plural: str, singular: str) -> None:
    assert stem(plural) == stem(singular)
