"""Who is who: one canonical person per speaker across articles, and matching a name someone typed against it.

"Stoltenberg", "Jens Stoltenberg" and "NATO Secretary General Jens Stoltenberg" are one person;
"Joe Biden" and "Vladimir Putin" are not. Titles and roles are attributes, not parts of the name: "John Q.
Smith III" is found as "John Smith", "Smith", "Secretary Smith", "John Q. Smith III" and, through the
words the articles name him with, "the defense secretary". A role matches a title's head: "the secretary"
is not the "Secretary General". A name the directory does not know resolves to None ("never quoted").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any

from pipeline.attribution.vocabulary import (
    NAME_SUFFIXES,
    NAME_TITLES,
    ORG_TOKENS,
    ORGANISATION_VOICES,
    PERSON_ROLES,
    UN_AGENCY_DESCRIPTIONS,
)
from pipeline.types import Statement

TITLES = NAME_TITLES
_WORD = re.compile(r"[\w’'-]+")
# An organisation's acronym as a speaker's whole name ("ONS", "UNHCR"); two letters ("US") are too often a
# person's initials too.
_ACRONYM = re.compile(r"[A-Z]{3,6}")
# Who speaks for an organisation named by its acronym: "GMB official", "NHS spokesperson".
_SPOKES_SUFFIX = re.compile(r"\s+(?:" + "|".join(ORGANISATION_VOICES) + r")$", re.IGNORECASE)


def name_tokens(name: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(name)]


def core_tokens(name: str) -> set[str]:
    """The tokens of a name that identify the person: titles, roles, suffixes ("III") and initials ("Q.")
    dropped where a name remains."""
    tokens = name_tokens(name)
    core = {t for t in tokens if t not in TITLES and t not in NAME_SUFFIXES and len(t) > 1}
    return core or {t for t in tokens if t not in TITLES} or set(tokens)


def same_person(claimed: str, speaker: str, aliases: Iterable[str] = ()) -> bool:
    """Whether a typed name (``claimed``) can refer to the canonical ``speaker``."""
    claimed_core = core_tokens(claimed)
    if not claimed_core or _person_role_against_org(claimed, speaker):
        return False
    claimed_role = _role_only(claimed)
    agency = _un_agency(claimed)
    for name in (speaker, *aliases):
        if agency is not None and _un_agency(name) == agency:
            return True
        if _acronym_of(claimed, name) or _acronym_of(name, claimed):
            return True
        voice = _SPOKES_SUFFIX.sub("", name)
        if voice != name and _acronym_of(voice, claimed):
            return True  # "A GMB official said": the Grain Marketing Board speaking through its official
        if claimed_role is not None:
            # "the Prime Minister" is whoever carries every one of those words, not any "minister", and
            # "the secretary" is a secretary, not the "Secretary General".
            if claimed_role <= set(name_tokens(name)) and _role_head(claimed) in _role_heads(name):
                return True
            continue
        core = core_tokens(name)
        if claimed_core <= core or (core and _role_only(name) is None and core <= claimed_core):
            return True
        tokens = set(name_tokens(name))
        if claimed_core <= tokens:
            return True
    return False


_UN_AGENCIES = frozenset(UN_AGENCY_DESCRIPTIONS.values())
_UNITED_NATIONS = re.compile(r"\b(?:u\.\s?n\.?|united nations)(?=\s|$)")


def _un_agency(name: str) -> str | None:
    """The acronym of the U.N. agency a name is ("U.N. refugee agency", "the UNHCR" -> "UNHCR"), else None."""
    words = name.strip().replace("’", "'")
    words = words[4:] if words.lower().startswith("the ") else words
    if words in _UN_AGENCIES:
        return words
    if not words.lower().startswith("u"):
        return None  # most names: every description opens with "U.N." or "United Nations"
    return UN_AGENCY_DESCRIPTIONS.get(" ".join(_UNITED_NATIONS.sub("un", words.lower()).split()))


def _acronym_of(short: str, full: str) -> bool:
    """Whether ``short`` is the acronym of ``full``'s capitalised words: "ONS" of "the Office for National
    Statistics", "WFP" of "World Food Programme" (an organisation named both ways in one article)."""
    acronym = short.strip()
    acronym = acronym[4:] if acronym.lower().startswith("the ") else acronym
    if not _ACRONYM.fullmatch(acronym):  # most names, checked against every speaker on a speaker question
        return False
    return "".join(w[0] for w in _WORD.findall(full) if w[:1].isupper()) == acronym


def _role_only(name: str) -> set[str] | None:
    """The role words of a name made of nothing but a role ("the Prime Minister"), else None."""
    tokens = set(name_tokens(name)) - {"the", "a", "an"}
    return tokens if tokens and tokens <= TITLES else None


def _role_head(name: str) -> str:
    """The head of a role: its last title word ("the defense secretary" -> "secretary")."""
    titles = [t for t in name_tokens(name) if t in TITLES and t not in {"the", "a", "an"}]
    return titles[-1] if titles else ""


def _role_heads(name: str) -> set[str]:
    """The heads of the runs of title words in a name ("NATO Secretary General Jens Stoltenberg" -> {"general"})."""
    heads: set[str] = set()
    run: list[str] = []
    for token in [*name_tokens(name), ""]:
        if token in TITLES and token not in {"the", "a", "an"}:
            run.append(token)
            continue
        if run:
            heads.add(run[-1])
        run = []
    return heads


def _person_role_against_org(claimed: str, speaker: str) -> bool:
    """"Education Secretary" is a person: it does not name the speaker "Department for Education"."""
    claimed_tokens, speaker_tokens = set(name_tokens(claimed)), set(name_tokens(speaker))
    return bool(claimed_tokens & PERSON_ROLES) and bool(speaker_tokens & ORG_TOKENS) and not (
        speaker_tokens & PERSON_ROLES
    )


def is_shorter_form(short: str, full: str) -> bool:
    """Whether ``short`` names the same person as ``full`` with fewer words ("Biden" / "Joe Biden"). An unnamed
    speaker written in lower case ("official", "police") is no shorter form: in its article the resolver found no
    one it names, and the "Senior State Department Official" of another article is someone else."""
    short_core, full_core = core_tokens(short), core_tokens(full)
    if not short_core or not short_core <= full_core or _given_name_of(short_core, full) or short.islower():
        return False
    return short_core < full_core or set(name_tokens(short)) < set(name_tokens(full))


def _given_name_of(short_core: AbstractSet[str], full: str) -> bool:
    """Whether a one-word name is the given name of a fuller one: "Lauren", a reader signing a question, is not
    Lauren Gaches of another article (in one article the cast has already joined them), while "Gaches" is."""
    if len(short_core) != 1:
        return False
    words = [w for w in _WORD.findall(full) if w.lower() not in TITLES and len(w) > 1]
    if len(words) < 2 or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False  # not a person's name ("ESA Program manager", "Western allies")
    return words[0].lower().replace("’", "'") in short_core


class SpeakerDirectory:
    """The speakers of a corpus, with the aliases under which each is named.

    Articles name people differently, so a short form seen in one article ("Biden") is merged into
    the one fuller name that contains it ("Joe Biden"), whichever is seen first. A short form that
    fits several fuller names ("Johnson" with "Boris Johnson" and "Dwayne Johnson") stays apart.
    """

    def __init__(self, statements: Iterable[Statement] = ()) -> None:
        self.counts: Counter[str] = Counter()
        self.aliases: dict[str, set[str]] = {}
        self._merged: dict[str, str] = {}  # a speaker name as extracted -> its canonical name
        # Listed names by core token, and when each was listed (the order of ``counts``): a new name is
        # compared only with the names that share its core words, not with every speaker of the corpus.
        self._holding: dict[str, set[str]] = {}
        self._listed: dict[str, int] = {}
        self._listings = 0
        for statement in statements:
            self.add(statement)

    def to_state(self) -> dict[str, Any]:
        """The directory as JSON-ready data: names in the order they were listed, aliases, merged names."""
        return {
            "counts": list(self.counts.items()),
            "aliases": {name: sorted(names) for name, names in self.aliases.items()},
            "merged": dict(self._merged),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> SpeakerDirectory:
        """The directory ``to_state`` saved, without the statements it was built from (a snapshot keeps it)."""
        directory = cls()
        for name, count in state["counts"]:
            directory._count(name, count)
        directory.aliases = {name: set(names) for name, names in state["aliases"].items()}
        directory._merged = dict(state["merged"])
        return directory

    def add(self, statement: Statement) -> None:
        if statement.speaker is None:
            return
        speaker = self._place(statement.speaker)
        self._count(speaker, 1)
        names = self.aliases.setdefault(speaker, set())
        if statement.mention and statement.mention.lower() not in {"he", "she", "they", "it"}:
            names.add(statement.mention)

    def canonical(self, speaker: str) -> str:
        """The name a speaker is listed under here ("Biden" -> "Joe Biden" once both were seen)."""
        return self._merged.get(speaker, speaker)

    def names_of(self, canonical: str) -> set[str]:
        """Every extracted speaker name merged into ``canonical`` (itself included)."""
        return {canonical} | {name for name, target in self._merged.items() if target == canonical}

    def resolve(self, name: str) -> str | None:
        """The canonical speaker a typed name refers to, preferring the most quoted one; None for a name
        the sources never quote."""
        typed = _folded(name)
        if not typed:
            return None
        exact = [s for s in self.counts if typed in {_folded(n) for n in (s, *self.aliases.get(s, ()))}]
        if len(exact) == 1:
            return exact[0]
        matches = [s for s in self.counts if same_person(name, s, self.aliases.get(s, ()))]
        if not matches:
            return None
        return max(matches, key=lambda s: (self.counts[s], -len(s)))

    def statements_of(self, name: str, statements: Iterable[Statement]) -> tuple[str | None, list[Statement]]:
        """The canonical speaker a typed name refers to, and their statements (under any merged name)."""
        canonical = self.resolve(name)
        if canonical is None:
            return None, []
        names = self.names_of(canonical)
        return canonical, [s for s in statements if s.speaker in names]

    def same_person(self, claimed: str, speaker: str) -> bool:
        canonical = self.canonical(speaker)
        return same_person(claimed, canonical, set(self.aliases.get(canonical, set())) | {speaker})

    def _place(self, speaker: str) -> str:
        """File a new speaker name under an existing fuller name, or absorb shorter names into it."""
        if speaker in self._merged or speaker in self.counts:
            return self.canonical(speaker)
        agency = _un_agency(speaker)
        same_agency = [name for name in self.counts if _un_agency(name) == agency] if agency is not None else []
        if same_agency:  # "U.N. refugee agency" after "UNHCR": one speaker, listed under the name seen first
            self._merged[speaker] = same_agency[0]
            self.aliases.setdefault(same_agency[0], set()).add(speaker)
            return same_agency[0]
        fuller = self._fuller_than(speaker)
        if len(fuller) == 1:
            self._merged[speaker] = fuller[0]
            self.aliases[fuller[0]].add(speaker)
            return fuller[0]
        for short in self._shorter_than(speaker):
            if len(self._fuller_than(short)) + _shorter_form(short, speaker) != 1:
                continue  # "Johnson" fits several people: leave it alone
            self._count(speaker, self.counts[short])
            self._unlist(short)
            self.aliases.setdefault(speaker, set()).update(self.aliases.pop(short, set()) | {short})
            for name, target in self._merged.items():
                if target == short:
                    self._merged[name] = speaker
            self._merged[short] = speaker
        return speaker

    def _fuller_than(self, short: str) -> list[str]:
        """Listed names that ``short`` is a shorter form of (they hold all its core words)."""
        core = _core(short)
        if not core:
            return []
        holding = [self._holding.get(token, set()) for token in core]
        return [name for name in set.intersection(*holding) if _shorter_form(short, name)]

    def _shorter_than(self, full: str) -> list[str]:
        """Listed names that are shorter forms of ``full``, in the order they were listed."""
        sharing = set().union(*(self._holding.get(token, set()) for token in _core(full)))
        return sorted((name for name in sharing if _shorter_form(name, full)), key=self._listed.__getitem__)

    def _count(self, speaker: str, statements: int) -> None:
        if speaker not in self.counts:
            self._listed[speaker] = self._listings
            self._listings += 1
            for token in _core(speaker):
                self._holding.setdefault(token, set()).add(speaker)
        self.counts[speaker] += statements

    def _unlist(self, speaker: str) -> None:
        del self.counts[speaker]
        del self._listed[speaker]
        for token in _core(speaker):
            self._holding[token].discard(speaker)


@lru_cache(maxsize=65_536)
def _core(name: str) -> frozenset[str]:
    return frozenset(core_tokens(name))


@lru_cache(maxsize=65_536)
def _token_set(name: str) -> frozenset[str]:
    return frozenset(name_tokens(name))


def _shorter_form(short: str, full: str) -> bool:
    """``is_shorter_form`` with each name's words worked out once."""
    short_core, full_core = _core(short), _core(full)
    if not short_core or not short_core <= full_core or _given_name_of(short_core, full) or short.islower():
        return False
    return short_core < full_core or _token_set(short) < _token_set(full)


def _folded(name: str) -> str:
    """A typed name without case, a leading article or punctuation: "the Prime Minister" -> "prime minister"."""
    tokens = name_tokens(name)
    if tokens and tokens[0] in {"the", "a", "an"}:
        tokens = tokens[1:]
    return " ".join(t.rstrip(".") for t in tokens)
