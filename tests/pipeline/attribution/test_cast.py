"""The cast: who the article names. Headlines, bylines and "I" never become speakers."""

from __future__ import annotations

import pytest

from tests.pipeline.attribution.articles import statements_of, triples


def test_a_headline_names_nobody() -> None:
    """"Minister Says U.K. Support 'Unwavering'" must not make a speaker "Says U" for "the minister said"."""
    statements = statements_of(
        "Defence Minister Carla Reyes visited the base on Friday.",
        "The minister said that support would continue for as long as needed.",
        headline="Minister Says U.K. Support 'Unwavering' After Talks",
    )
    assert triples(statements) == [("Carla Reyes", "reported", "support would continue for as long as needed")]


def test_the_letters_of_a_dotted_abbreviation_are_nobody() -> None:
    from pipeline.attribution.extractor import Extractor
    from pipeline.corpus import parse_article

    text = "Team news\n\nU.S. forward Ana Ruiz played with the U.N. team. The U.S. coach praised her."
    extractor = Extractor(parse_article("t.txt", text.encode()))
    assert not [p.name for p in extractor.cast.persons if len(p.name) == 1]
    mentions = extractor.finder.mentions(0, len(extractor.text), narration_only=False)
    assert not [m.text for m in mentions if m.text.strip(". ").lower() in {"u", "s", "n", "the u"}]


def test_i_is_never_a_name() -> None:
    statements = statements_of(
        "I'm Dana Whitlow, and this is the evening report.",
        "\u201cWe will be back after the break,\u201d I said to the crew.",
    )
    assert all(s.speaker not in {"I", "I'm", "I’m"} for s in statements)


def test_a_name_with_an_initial_and_a_suffix_is_one_person() -> None:
    statements = statements_of(
        "Defense Secretary John Q. Smith III spoke at the academy.",
        "Smith said that the cadets would deploy in June.",
    )
    assert triples(statements) == [("John Q. Smith III", "reported", "the cadets would deploy in June")]


def test_a_name_the_word_lists_do_not_know_is_a_person_by_the_parser() -> None:
    """"Ondine" is no known first name, and no title precedes her: the parser's PERSON entity makes her a person,
    so "she" later refers to her."""
    statements = statements_of(
        "Ondine Marchetti runs a bakery in Turin.",
        "She said that flour prices had doubled since spring.",
    )
    assert triples(statements) == [("Ondine Marchetti", "reported", "flour prices had doubled since spring")]



@pytest.mark.parametrize(
    ("opening", "name"),
    [
        ("Secretary of Labor Hilda L. Solis spoke at the plant.", "Hilda L. Solis"),
        ("Secretary of State for Education Gillian Dorsey spoke at the plant.", "Gillian Dorsey"),
        ("Secretary of the Interior Dana L. Whitfield spoke at the plant.", "Dana L. Whitfield"),
    ],
)
def test_a_portfolio_before_a_name_is_not_part_of_it(opening: str, name: str) -> None:
    statements = statements_of(opening, "She said that the new training centre would open in June.")
    assert [s.speaker for s in statements] == [name]


def test_a_nickname_in_quote_marks_is_part_of_the_name_not_a_quote() -> None:
    statements = statements_of(
        "Secretary Jane Rowe announced today the appointment of Matthew J. \u201cMatt\u201d Lohr as chief.",
        "\u201cMatt brings a wealth of experience to the job,\u201d Rowe said.",
    )
    assert all(s.text != "Matt" for s in statements)
    assert ("Jane Rowe", "direct", "Matt brings a wealth of experience to the job,") in triples(statements)
