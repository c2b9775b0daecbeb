"""The plain records passed between the attribution modules: people, phrases, mentions, quotes, events."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Person:
    """One person of the article: the fullest name seen, titles, nationality and gender hints."""

    words: list[str]
    titles: set[str] = field(default_factory=set)
    nations: set[str] = field(default_factory=set)
    gender: str | None = None
    positions: list[int] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)  # head nouns of roles set beside the name ("top diplomat, X,")

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def keys(self) -> set[str]:
        return {w.lower().rstrip(".") for w in self.words}


@dataclass
class NounPhrase:
    """A parsed name or role phrase, before it is resolved to a speaker."""

    kind: str  # "person", "role", "entity", "unresolved", "org", "orgref", "group", "joint", "pronoun"
    words: list[str]  # name words for a person, all words otherwise (no determiner)
    titles: set[str] = field(default_factory=set)
    nations: set[str] = field(default_factory=set)
    gender: str | None = None
    strong: bool = False  # a person named with a title or a known first name
    count: int = 0  # for joint subjects ("the two leaders")


@dataclass
class Who:
    """A resolved speaker reference: zero (unknown), one or several (joint) canonical speakers."""

    speakers: tuple[str, ...]
    mention: str | None
    uncertain: bool = False
    gender: str | None = None
    kind: str = "person"


@dataclass
class Mention:
    start: int
    end: int
    outer: int  # start including dropped sentence-initial words, for the "what comes before" test
    text: str
    phrase: NounPhrase
    possessive: bool
    who: Who | None = None


@dataclass
class Quote:
    mark_start: int  # the opening mark
    start: int  # first character inside the marks
    end: int  # end of the quoted words (before the closing mark)
    mark_end: int  # after the closing mark (or the paragraph end when left open)
    closed: bool


@dataclass
class Event:
    """A speech verb with its speaker and, for reported speech, where its clause starts."""

    verb_start: int
    verb_end: int
    clause_start: int
    who: Who
    content_start: int | None = None
    content_end: int | None = None
    introduced: bool = True  # the clause came after "that" or a colon


