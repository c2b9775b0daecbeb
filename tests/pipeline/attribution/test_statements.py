""""X said:" followed by unquoted paragraphs (press releases): the block is the speaker's, then narration again."""

from __future__ import annotations

from tests.pipeline.attribution.articles import spoken, statements_of


def test_unquoted_block_after_said_colon_belongs_to_the_speaker() -> None:
    statements = statements_of(
        "The council has approved a new cycle lane on Mill Road.",
        "Transport Secretary Helen Ashby said:",
        "This lane will make the school run safer for hundreds of families.",
        "Work starts in April and will take six weeks.",
        "Council leader Omar Siddiq said:",
        "We listened to residents and changed the route twice.",
    )
    assert spoken(statements) == [
        ("Helen Ashby", "This lane will make the school run"[:30]),
        ("Helen Ashby", "Work starts in April and will take"[:30]),
        ("Omar Siddiq", "We listened to residents and changed"[:30]),
    ]


def test_a_block_ending_in_a_stray_closing_mark_runs_to_it() -> None:
    """The last paragraph of a pasted quote keeps its closing mark though the opening one was dropped."""
    statements = statements_of(
        "Deputy Minister Lee Harding said:",
        "We need the right routes in place so that people can walk and cycle every day.",
        "There is still a long way to go, but we are moving in the right direction.\u201d",
    )
    assert [s.text for s in statements] == [
        "We need the right routes in place so that people can walk and cycle every day.",
        "There is still a long way to go, but we are moving in the right direction.",
    ]
    assert {s.speaker for s in statements} == {"Lee Harding"}


def test_she_said_colon_resolves_the_pronoun() -> None:
    statements = statements_of(
        "Inspector Maria Lund said the fine was fair. She said:",
        "Nobody should dump rubbish on a school field.",
    )
    assert ("Maria Lund", "Nobody should dump rubbish on a school"[:30]) in spoken(statements)


def test_a_role_never_named_introduces_a_block() -> None:
    statements = statements_of("The Prime Minister said:", "Our support will not waver.")
    assert spoken(statements) == [("Prime Minister", "Our support will not waver.")]


def test_the_block_ends_at_a_paragraph_with_its_own_attribution() -> None:
    statements = statements_of(
        "The Chancellor said:",
        "Growth is returning.",
        "Opposition leader Ruth Kemp said that growth was too slow.",
        "The figures will be published on Friday.",
    )
    assert [s.speaker for s in statements] == ["Chancellor", "Ruth Kemp"]


def test_narration_after_a_block_is_not_the_speaker_s() -> None:
    """Past the first two paragraphs, a block goes on only in the first person: narration has resumed."""
    statements = statements_of(
        "Chief Inspector Dev Malhotra said:",
        "Speeding on this road has fallen by half.",
        "That is good news for every family here.",
        "We will keep the cameras in place.",
        "The cameras were installed in 2021 at a cost of 40,000 pounds.",
    )
    assert [s.text[:20] for s in statements] == [
        "Speeding on this roa", "That is good news fo", "We will keep the cam",
    ]
