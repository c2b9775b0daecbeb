"""Who is who: names filed under one person, typed names matched against them."""

import json
import random

import pytest

from pipeline.speakers import SpeakerDirectory, is_shorter_form, same_person
from pipeline.types import Statement


def test_a_role_names_only_whoever_carries_every_role_word() -> None:
    assert same_person("the Prime Minister", "Boris Johnson", {"Prime Minister Boris Johnson"})
    assert not same_person("the Prime Minister", "Karen Whitfield", {"the minister", "Health Minister Karen Whitfield"})
    assert same_person("the minister", "Karen Whitfield", {"Health Minister Karen Whitfield"})


def test_an_organisations_acronym_is_its_full_name() -> None:
    assert same_person("the Office for National Statistics", "ONS")
    assert same_person("WFP", "World Food Programme")
    assert not same_person("the Office for National Statistics", "OBR")
    assert not same_person("Oscar Nash", "ONS")  # two words make no three-letter acronym
    assert not same_person("Ursula Smith", "US")  # nor are two letters an organisation's name


def test_wire_copy_names_a_un_agency_by_what_it_does() -> None:
    """"The U.N. refugee agency says ..." and "the UNHCR reports ..." are one speaker."""
    assert same_person("the UNHCR", "U.N. refugee agency")
    assert same_person("the UN refugee agency", "UNHCR")
    assert same_person("United Nations children's agency", "UNICEF")
    assert same_person("the IAEA", "the U.N. nuclear watchdog")
    assert not same_person("the UNHCR", "U.N. children’s agency")
    assert not same_person("UNICEF", "refugee agency")  # a refugee agency is not the U.N.'s unless it says so


def test_an_organisation_speaks_through_its_official() -> None:
    assert same_person("the Grain Marketing Board", "GMB official")
    assert same_person("Grain Marketing Board", "GMB spokesperson")
    assert not same_person("the Grain Marketing Board", "NHS official")


def test_names_still_match_their_fuller_forms() -> None:
    assert same_person("Stoltenberg", "Jens Stoltenberg")
    assert same_person("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg")
    assert not same_person("Vladimir Putin", "Jens Stoltenberg")


# --------------------------------------------------------------------------------- one person, many names

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


def test_a_given_name_alone_is_not_merged_into_a_full_name() -> None:
    """"Lauren", a reader who signs a question with her first name, is not Lauren Gaches of another article; a
    surname alone ("Gaches") is."""
    assert not is_shorter_form("Lauren", "Lauren Gaches")
    assert is_shorter_form("Gaches", "Lauren Gaches")
    directory = SpeakerDirectory([_said("Lauren Gaches", "She", "a.txt"), _said("Lauren", "Lauren", "b.txt")])
    assert directory.names_of("Lauren Gaches") == {"Lauren Gaches"}
    assert directory.resolve("Lauren Gaches") == "Lauren Gaches"


def test_an_unnamed_speaker_in_lower_case_is_not_merged_into_a_named_one() -> None:
    """"An official commented ..." in one article is not the "Senior State Department Official" of another."""
    assert not is_shorter_form("official", "Senior State Department Official")
    directory = SpeakerDirectory([_said("Senior State Department Official", "SENIOR OFFICIAL", "a.txt"),
                                  _said("official", "An official", "b.txt")])
    assert directory.names_of("Senior State Department Official") == {"Senior State Department Official"}


def test_an_unknown_speaker_is_no_error(directory: SpeakerDirectory) -> None:
    assert directory.same_person("Emmanuel Macron", "Someone Never Seen") is False
    assert directory.statements_of("Emmanuel Macron", []) == (None, [])


class _PlainScan(SpeakerDirectory):
    """The directory as first written: every new name compared with every listed one (the specification)."""

    def _count(self, speaker: str, statements: int) -> None:
        self.counts[speaker] += statements

    def _place(self, speaker: str) -> str:
        if speaker in self._merged or speaker in self.counts:
            return self.canonical(speaker)
        fuller = [s for s in self.counts if is_shorter_form(speaker, s)]
        if len(fuller) == 1:
            self._merged[speaker] = fuller[0]
            self.aliases[fuller[0]].add(speaker)
            return fuller[0]
        for short in [s for s in self.counts if is_shorter_form(s, speaker)]:
            if sum(is_shorter_form(short, other) for other in (*self.counts, speaker)) != 1:
                continue
            self.counts[speaker] += self.counts.pop(short)
            self.aliases.setdefault(speaker, set()).update(self.aliases.pop(short, set()) | {short})
            for name, target in self._merged.items():
                if target == short:
                    self._merged[name] = speaker
            self._merged[short] = speaker
        return speaker


@pytest.mark.parametrize("seed", range(40))
def test_names_are_filed_as_by_comparing_every_pair(seed: int) -> None:
    """Comparing a new name only with the names sharing its core words files every name as a full scan does."""
    rng = random.Random(seed)
    first, last = ["Anna", "Tom", "Joe", "Boris", "Dwayne", "John Q."], ["Johnson", "Biden", "Smith", "Smith III"]
    titles = ["", "Mr ", "Secretary ", "the Prime Minister ", "NATO Secretary General "]
    statements = []
    for _ in range(rng.randint(1, 40)):
        f, name, title = rng.choice(first), rng.choice(last), rng.choice(titles)
        speaker = rng.choice([f"{title}{f} {name}", name, f"{title}{name}", f, "the defense secretary",
                              "Department for Education", "Education Secretary"])
        statements.append(Statement(doc_id="a.txt", title="", text="x", start=0, end=1, speaker=speaker,
                                    kind="direct", mention=rng.choice([None, "He", f])))
    indexed, plain = SpeakerDirectory(statements), _PlainScan(statements)
    assert list(indexed.counts.items()) == list(plain.counts.items())
    assert indexed.aliases == plain.aliases
    assert indexed._merged == plain._merged


@pytest.mark.parametrize("seed", range(10))
def test_a_saved_directory_reads_back_the_same_and_keeps_filing_names(seed: int) -> None:
    """A snapshot keeps the directory instead of its statements: restored, it answers and grows as the original."""
    rng = random.Random(seed)
    names = ["Anna Johnson", "Johnson", "Boris Johnson", "Joe Biden", "Biden", "John Q. Smith III", "John Smith",
             "Secretary Smith", "the defense secretary", "Education Secretary", "Department for Education"]
    statements = [_said(rng.choice(names), rng.choice(["He", "Mr X", "Ms Y"]), f"{i}.txt") for i in range(30)]
    later = [_said(rng.choice(names), "She", "later.txt") for _ in range(10)]
    original = SpeakerDirectory(statements)
    restored = SpeakerDirectory.from_state(json.loads(json.dumps(original.to_state())))
    for typed in [*names, "Smith", "the secretary", "Macron"]:
        assert restored.resolve(typed) == original.resolve(typed)
        assert restored.same_person(typed, "John Smith") == original.same_person(typed, "John Smith")
    for statement in later:
        original.add(statement)
        restored.add(statement)
    assert list(restored.counts.items()) == list(original.counts.items())
    assert restored.aliases == original.aliases and restored._merged == original._merged


def test_a_un_agency_and_its_description_are_listed_as_one_speaker() -> None:
    statements = [_said("UNHCR", "The UNHCR", "a.txt"), _said("U.N. refugee agency", "The agency", "b.txt"),
                  _said("UNICEF", "UNICEF", "b.txt")]
    directory = SpeakerDirectory(statements)
    assert directory.resolve("the U.N. refugee agency") == "UNHCR"
    speaker, found = directory.statements_of("UNHCR", statements)
    assert speaker == "UNHCR" and [s.doc_id for s in found] == ["a.txt", "b.txt"]
