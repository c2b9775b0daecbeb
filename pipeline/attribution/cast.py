"""The cast of an article: the people it names (fullest name, titles, nationality, gender) and its organisations.

People are registered when named with a title, a known first name, an appositive role ("Anil Mehta,
chief executive of ...") or as a PERSON entity of the parser; later partial names ("Mr Mehta",
"Mehta") are looked up against them.
"""

from __future__ import annotations

import re

from pipeline.attribution.mentions import MentionFinder
from pipeline.attribution.parse import ArticleParse
from pipeline.attribution.records import Mention, NounPhrase, Person
from pipeline.attribution.vocabulary import MAX_ACRONYM, NAME_SUFFIXES, ORG_KIND_WORDS, ROLE_HEADS, TITLE_WORDS
from pipeline.types import Paragraph

# Between a name and the role in apposition to it: ", " and perhaps "the caretaker " (words the role list lacks).
_APPOSITIVE_LEAD = re.compile(r"\s*,\s*(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,2}")
_LOWER_LEAD = re.compile(r"(?<![\w’'-])(?:[a-z][\w-]*[ \t]+){1,2}$")  # "the pharmacy chain " before a name


class Cast:
    """People and organisations of one article, filled by ``collect_persons`` before statements are read."""

    def __init__(
        self, text: str, paragraphs: list[Paragraph], finder: MentionFinder, parse: ArticleParse | None = None
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.finder = finder
        self.parse = parse
        self.persons: list[Person] = []
        self.entities: list[tuple[str, str, int, str | None]] = []  # name, head, position, gender
        self.orgs: list[tuple[str, set[str], int]] = []  # name, kind words, position

    def collect_persons(self) -> None:
        """Register every person named with a title, a known first name or as a PERSON entity, merging name
        variants. A headline names nobody: "Minister Says U.K. Support ..." holds no person "Says U"."""
        weak: list[tuple[list[str], int]] = []
        for paragraph in self.paragraphs:
            if paragraph.role == "headline":
                continue
            mentions = self.finder.mentions(paragraph.start, paragraph.end, narration_only=False)
            for index, mention in enumerate(mentions):
                self.add_org(mention)
                phrase = mention.phrase
                if phrase.kind != "person":
                    continue
                titles = self.appositive_titles(mention, mentions[index + 1 : index + 2])
                if titles:
                    phrase.titles |= titles
                    phrase.strong = True
                if self.parse is not None and self.parse.is_person(mention.start, mention.end):
                    phrase.strong = True
                role = self.role_before(mention, mentions[index - 1] if index else None)
                if phrase.strong:
                    named = self.add_person(phrase, mention.start, from_prose=True)
                    if role is not None:
                        named.roles.add(role)
                else:
                    weak.append((phrase.words, mention.start))
        for words, position in weak:
            person, _ = self.lookup(words, position)
            if person is not None:
                person.positions.append(position)

    def is_group(self, start: int, end: int) -> bool:
        """Whether the parser calls ``[start, end)`` a nationality, place or organisation rather than a person."""
        return self.parse is not None and self.parse.is_group(start, end) and not self.parse.is_person(start, end)

    def add_org(self, mention: Mention) -> None:
        """Register an organisation with the kinds its name or the words just before it give it:
        "Vale Learning Trust" is a trust, "the pharmacy chain Wellcare" a company."""
        phrase = mention.phrase
        if phrase.kind == "person" and (phrase.strong or phrase.titles):
            return
        if phrase.kind not in {"org", "person"}:
            return
        lead = _LOWER_LEAD.search(self.text, max(0, mention.start - 40), mention.start)
        described = (lead.group().split() if lead else []) + mention.text.split()
        kinds = {w.lower() for w in described if w[:1].islower()} | {w.lower() for w in phrase.words}
        kinds &= ORG_KIND_WORDS
        if kinds:
            self.orgs.append((" ".join(phrase.words), kinds, mention.start))

    def appositive_titles(self, mention: Mention, following: list[Mention]) -> set[str]:
        """"Anil Mehta, chief executive of ...": the role in apposition is the person's title, so that
        "the chief executive" later refers to him."""
        if not following or mention.possessive:
            return set()
        if not _APPOSITIVE_LEAD.fullmatch(self.text, mention.end, following[0].start):
            return set()
        role = following[0].phrase
        if role.kind not in {"role", "unresolved", "entity"} or role.words[-1].lower() not in ROLE_HEADS:
            return set()
        return {w.lower() for w in role.words if w.lower() in TITLE_WORDS}

    def role_before(self, mention: Mention, previous: Mention | None) -> str | None:
        """"Lebanon's top diplomat, Abdallah Bouhabib, called ...": the head of a role set off by commas just
        before a name, so that "Beirut's top diplomat" elsewhere in the article is him."""
        if previous is None or previous.possessive or previous.phrase.kind not in {"role", "entity", "unresolved"}:
            return None
        head = previous.phrase.words[-1].lower()
        if head not in ROLE_HEADS or not re.fullmatch(r"\s*,\s*", self.text[previous.end : mention.start]):
            return None
        return head if self.text[mention.end : mention.end + 1] == "," else None

    def role_holder(self, head: str, position: int) -> tuple[Person | None, bool]:
        """The person named beside a role with this head noun (the nearest, unsure when several)."""
        holders = [p for p in self.persons if head in p.roles]
        if not holders:
            return None, False
        return self.most_recent(holders, position), len(holders) > 1

    def add_person(self, phrase: NounPhrase, position: int, *, from_prose: bool = False) -> Person:
        """Register someone named by ``phrase``; a name in capitals from a label or header line is written as a
        name, one from running text ("SAGE", "MPLA": an acronym) only when the article writes it so elsewhere."""
        keys = {w.lower().rstrip(".") for w in phrase.words}
        words = [self.name_case(w, from_prose) for w in phrase.words]
        matches = [p for p in self.persons if keys <= p.keys or p.keys <= keys]
        if len(matches) == 1:
            person = matches[0]
            if len(words) > len(person.words):
                person.words = words
        else:
            person = Person(words=words)
            self.persons.append(person)
        person.titles |= phrase.titles
        person.nations |= phrase.nations
        person.gender = person.gender or phrase.gender
        person.positions.append(position)
        return person

    def name_case(self, word: str, from_prose: bool = False) -> str:
        """A name as a name is written: "PRESUTTI" (a transcript label) -> "Presutti"; "III", "McFadden" stay, and
        so does an acronym's length of capitals in running text ("SAGE", "MPLA") unless the article also writes
        "Sage"."""
        if not word.isupper() or len(word) <= 2 or word.lower().rstrip(".") in NAME_SUFFIXES:
            return word
        written = word.capitalize()
        if from_prose and len(word) <= MAX_ACRONYM and not re.search(
            rf"(?<![\w’'-]){re.escape(written)}(?![\w’'-])", self.text
        ):
            return word
        return written

    def lookup(self, words: list[str], position: int) -> tuple[Person | None, bool]:
        """The person a (partial) name refers to, and whether that is ambiguous."""
        keys = {w.lower().rstrip(".") for w in words}
        matches = [p for p in self.persons if keys <= p.keys]
        if not matches:
            return None, False
        return self.most_recent(matches, position), len(matches) > 1

    @staticmethod
    def most_recent(persons: list[Person], position: int) -> Person:
        def recency(person: Person) -> tuple[int, int]:
            before = [p for p in person.positions if p <= position]
            if before:
                return 1, max(before)
            return 0, -min(person.positions, default=0)

        return max(persons, key=recency)
