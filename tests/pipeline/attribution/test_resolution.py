"""Mention resolution: roles match a title's head, and the speaker of the surrounding quote comes first."""

from __future__ import annotations

from tests.pipeline.attribution.articles import statements_of, triples


def test_a_role_matches_the_title_head_not_a_title_that_shares_a_word() -> None:
    """"the secretary" after the Defence Secretary spoke is not the NATO Secretary General."""
    statements = statements_of(
        "NATO Secretary General Lars Ekdal met Defence Secretary Anne Morrow in Brussels.",
        "Ms Morrow said that the alliance would add two brigades.",
        "The secretary continued that the money had already been agreed.",
    )
    assert triples(statements) == [
        ("Anne Morrow", "reported", "the alliance would add two brigades"),
        ("Anne Morrow", "reported", "the money had already been agreed"),
    ]


def test_the_prime_minister_never_named_is_a_speaker_by_role() -> None:
    statements = statements_of("The Prime Minister said that the summit had been a success.")
    assert [(s.speaker, s.uncertain) for s in statements] == [("Prime Minister", True)]


def test_a_role_named_beside_a_person_elsewhere_is_that_person() -> None:
    """"Beirut's top diplomat accused ..." before "Lebanon's top diplomat, Abdallah Bouhabib," is Bouhabib; "another
    diplomat" is someone else."""
    statements = statements_of(
        "The agency said the blasts could be a war crime as Beirut's top diplomat accused Israel of orchestrating "
        "what he called a terror attack.",
        "Speaking at the Council, Lebanon's top diplomat, Abdallah Bouhabib, called the attack \u201cbrutal.\u201d",
        "Another diplomat said the session would resume on Monday.",
    )
    assert [s.speaker for s in statements] == ["Abdallah Bouhabib", "Abdallah Bouhabib", "Another diplomat"]


def test_the_role_in_apposition_after_a_name_is_theirs_even_with_a_modifier() -> None:
    """"X, the caretaker chairman of Mafa Council, said ..." then "The chairman said ..." is X."""
    statements = statements_of(
        "Alhaji Musa Bello, the caretaker chairman of Mafa Council, said he visited the village on Thursday.",
        "The chairman said corpses were still being pulled out of the bushes.",
    )
    assert [s.speaker for s in statements] == ["Alhaji Musa Bello", "Alhaji Musa Bello"]


def test_a_military_rank_is_no_part_of_the_name() -> None:
    statements = statements_of(
        "\u201cIt was cold,\u201d Master Sgt. Travis Voyer said.",
        "\u201cWe went door to door,\u201d said Army 1st Lt. Mike Kohn, who led the team.",
        "Army Sgt. 1st Class Tuffield Latour said the sled was ready.",
        "\u201cThe roads were gone,\u201d said Air Force Maj. Ann Lee.",
    )
    assert [s.speaker for s in statements] == ["Travis Voyer", "Mike Kohn", "Tuffield Latour", "Ann Lee"]


def test_a_date_after_a_name_is_no_part_of_it() -> None:
    """"Presenter: Pentagon Press Secretary Peter Cook September 8, 2015" names Peter Cook; Theresa May keeps May."""
    briefing = statements_of(
        "Presenter: Pentagon Press Secretary Peter Lane September 8, 2015",
        "PETER LANE: Hi everyone. Sorry to keep you waiting.",
    )
    assert [s.speaker for s in briefing] == ["Peter Lane"]
    assert [s.speaker for s in statements_of("Theresa May said the talks would go on.")] == ["Theresa May"]
