"""Who is who: one canonical name per person, and matching a name someone typed against it.

"Stoltenberg", "Jens Stoltenberg" and "NATO Secretary General Jens Stoltenberg" are one person;
"Joe Biden" and "Vladimir Putin" are not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from pipeline.types import Statement

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "prime", "minister",
    "secretary", "general", "chancellor", "foreign", "defence", "defense", "us", "uk", "nato", "russian",
    "ukrainian", "german", "french", "british", "american", "chinese", "the", "a", "an", "former", "senator",
    "governor", "king", "queen", "prince", "spokesman", "spokeswoman", "spokesperson", "leader",
}
_WORD = re.compile(r"[\w’'-]+")


def name_tokens(name: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(name)]


def core_tokens(name: str) -> set[str]:
    """The tokens of a name that identify the person (titles and roles dropped where a name remains)."""
    tokens = name_tokens(name)
    core = {t for t in tokens if t not in TITLES}
    return core or set(tokens)


def same_person(claimed: str, speaker: str, aliases: Iterable[str] = ()) -> bool:
    """Whether a typed name (``claimed``) can refer to the canonical ``speaker``."""
    claimed_core = core_tokens(claimed)
    if not claimed_core:
        return False
    for name in (speaker, *aliases):
        core = core_tokens(name)
        if claimed_core <= core or (core and core <= claimed_core):
            return True
        tokens = set(name_tokens(name))
        if claimed_core <= tokens:
            return True
    return False


class SpeakerDirectory:
    """The speakers of a corpus, with the aliases under which each is named."""

    def __init__(self, statements: Iterable[Statement] = ()) -> None:
        self.counts: Counter[str] = Counter()
        self.aliases: dict[str, set[str]] = {}
        for statement in statements:
            self.add(statement)

    def add(self, statement: Statement) -> None:
        if statement.speaker is None:
            return
        self.counts[statement.speaker] += 1
        names = self.aliases.setdefault(statement.speaker, set())
        if statement.mention and statement.mention.lower() not in {"he", "she", "they", "it"}:
            names.add(statement.mention)

    def resolve(self, name: str) -> str | None:
        """The canonical speaker a typed name refers to, preferring the most quoted one."""
        matches = [s for s in self.counts if same_person(name, s, self.aliases.get(s, ()))]
        if not matches:
            return None
        return max(matches, key=lambda s: (self.counts[s], -len(s)))

    def same_person(self, claimed: str, speaker: str) -> bool:
        return same_person(claimed, speaker, self.aliases.get(speaker, ()))
