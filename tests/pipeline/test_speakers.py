from pipeline.speakers import same_person


def test_a_role_names_only_whoever_carries_every_role_word() -> None:
    assert same_person("the Prime Minister", "Boris Johnson", {"Prime Minister Boris Johnson"})
    assert not same_person("the Prime Minister", "Karen Whitfield", {"the minister", "Health Minister Karen Whitfield"})
    assert same_person("the minister", "Karen Whitfield", {"Health Minister Karen Whitfield"})


def test_names_still_match_their_fuller_forms() -> None:
    assert same_person("Stoltenberg", "Jens Stoltenberg")
    assert same_person("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg")
    assert not same_person("Vladimir Putin", "Jens Stoltenberg")


# --------------------------------------------------------------------------------- one person, many names

import pytest  # noqa: E402

from pipeline.speakers import SpeakerDirectory  # noqa: E402
from pipeline.types import Statement  # noqa: E402


def _said(speaker: str, mention: str, doc_id: str = "a.txt") -> Statement:
    return Statement(doc_id=doc_id, title="t", text="w", start=0, end=1, speaker=speaker, kind="direct",
                     mention=mention)


@pytest.fixture
def directory() -> SpeakerDirectory:
    return SpeakerDirectory([
        _said("John Q. Smith III", "Defense Secretary John Q. Smith III", "a.txt"),
        _said("John Smith", "Secretary Smith", "b.txt"),  # another article, the short form of the same man
        _said("Lars Ekdal", "NATO Secretary General Lars Ekdal", "a.txt"),
        _said("Prime Minister", "The Prime Minister", "c.txt"),  # known only by role
    ])


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("John Q. Smith III", "John Q. Smith III"),
        ("John Smith", "John Q. Smith III"),
        ("Smith", "John Q. Smith III"),
        ("Secretary Smith", "John Q. Smith III"),
        ("the defense secretary", "John Q. Smith III"),
        ("the secretary", "John Q. Smith III"),  # a secretary, not the Secretary General
        ("the Secretary General", "Lars Ekdal"),
        ("Ekdal", "Lars Ekdal"),
        ("the Prime Minister", "Prime Minister"),
        ("Prime Minister", "Prime Minister"),
        ("Emmanuel Macron", None),  # never quoted: a clean None
        ("", None),
        ("the mayor", None),
    ],
)
def test_one_canonical_person_is_found_under_every_name(
    directory: SpeakerDirectory, typed: str, canonical: str | None
) -> None:
    assert directory.resolve(typed) == canonical


def test_short_and_full_forms_across_articles_are_one_person(directory: SpeakerDirectory) -> None:
    assert directory.names_of("John Q. Smith III") == {"John Q. Smith III", "John Smith"}
    assert directory.counts["John Q. Smith III"] == 2


def test_an_unknown_speaker_is_no_error(directory: SpeakerDirectory) -> None:
    assert directory.same_person("Emmanuel Macron", "Someone Never Seen") is False
    assert directory.statements_of("Emmanuel Macron", []) == (None, [])
