"""Mention resolution: which person a name, surname, title, role, organisation noun or pronoun refers to.

A pronoun goes to the latest person in focus (a subject or speaker) of its gender; a role ("the Prime
Minister") to the person named with that title; "the company" to the latest organisation of that
kind; "the two leaders" to the last two people named.
"""

from __future__ import annotations

from pipeline.attribution.cast import Cast
from pipeline.attribution.records import Mention, NounPhrase, Person, Who
from pipeline.attribution.vocabulary import LEADER_TITLES, ORG_NOUNS, PRONOUN_GENDER, SPOKES_HEADS

_INDEFINITE = frozenset({"a", "an", "another", "one"})
# "It says ..." refers to an organisation that spoke at most this many sentences before.
IT_REACH = 1


class Resolver:
    """Resolves mentions against the cast, keeping who is in focus as the article is read."""

    def __init__(self, cast: Cast) -> None:
        self.cast = cast
        self.focus: list[Who] = []
        self.last_group: Who | None = None
        self.sentences = 0  # sentences read so far (pass 2), to tell "right after" from "later"
        self.org_spoke_at: dict[tuple[str, ...], int] = {}

    def resolve(self, mention: Mention, *, as_speaker: bool) -> Who | None:
        """The speaker(s) a mention refers to at its place in the article."""
        phrase, position, text = mention.phrase, mention.start, mention.text
        if phrase.kind == "pronoun":
            if phrase.words[0] == "it":
                return self.resolve_it(text)
            return self.resolve_pronoun(phrase.words[0], text)
        if phrase.kind == "person":
            person, ambiguous = self.cast.lookup(phrase.words, position)
            if person is None and not phrase.strong and self.cast.is_group(mention.start, mention.end):
                # "Ukrainians declared", "NASA said": the parser knows a nationality or an organisation
                return Who((" ".join(phrase.words),), text, False, None, "org") if as_speaker else None
            if person is None and (phrase.strong or as_speaker):
                person, ambiguous = self.cast.add_person(phrase, position, from_prose=True), False
            if person is None:
                return None
            return Who((person.name,), text, ambiguous, person.gender)
        if phrase.kind == "role":
            return self.resolve_role(phrase, position, text)
        if phrase.kind == "orgref":
            return self.resolve_org_noun(phrase, position, text)
        if phrase.kind == "joint":
            return self.resolve_joint(phrase.count, position, text)
        name = " ".join(phrase.words)
        if phrase.kind in {"entity", "unresolved"}:
            holder = self.role_holder(phrase, position, text)
            if holder is not None:
                return holder
        if phrase.kind == "entity":
            head = phrase.words[-1].lower()
            self.cast.entities.append((name, head, position, phrase.gender))
            return Who((name,), text, False, phrase.gender, "entity")
        if phrase.kind == "unresolved":
            return Who((name,), text, True, phrase.gender, "entity")
        return Who((name,), text, False, None, phrase.kind)

    def resolve_pronoun(self, pronoun: str, text: str) -> Who:
        if pronoun == "they":
            if self.last_group is not None:
                return Who(self.last_group.speakers, text, self.last_group.uncertain, None, "joint")
            # "The venue, Metro Radio Arena, have announced ... they also say": an organisation as a plural
            organisation = self.resolve_it(text)
            return organisation if organisation is not None else Who((), text, True, None, "joint")
        gender = PRONOUN_GENDER[pronoun]
        candidates = [w for w in reversed(self.focus) if w.kind in {"person", "entity"} and len(w.speakers) == 1]
        for index, who in enumerate(candidates):
            if who.gender in (None, gender):
                rivals = {c.speakers for c in candidates[index + 1 : index + 3] if c.gender in (None, gender)}
                unsure = who.gender is None and bool(rivals - {who.speakers})
                if who.kind == "person" and not (unsure or who.uncertain):
                    self._learn_gender(who.speakers, gender)
                return Who(who.speakers, text, unsure or who.uncertain, gender if who.kind == "person" else who.gender,
                           who.kind)
        return Who((), text, True, gender)

    def next_sentence(self) -> None:
        """Count a sentence read (pass 2), so that "It says" can tell right after an organisation spoke."""
        self.sentences += 1

    def resolve_it(self, text: str) -> Who | None:
        """"The UNHCR says ... It says ...": "it" is an organisation only right after that organisation spoke;
        anywhere else ("it says here", "it is said") it is nobody."""
        last = self.focus[-1] if self.focus else None
        if last is None or last.kind != "org" or len(last.speakers) != 1:
            return None
        if self.sentences - self.org_spoke_at.get(last.speakers, -IT_REACH - 1) > IT_REACH:
            return None
        return Who(last.speakers, text, last.uncertain, None, "org")

    def _learn_gender(self, speakers: tuple[str, ...], gender: str) -> None:
        """"Greg Ryan ... he said": the person a pronoun surely refers to has that pronoun's gender from then on,
        so a later "she noted" is not theirs."""
        for person in self.cast.persons:
            if person.name in speakers and person.gender is None:
                person.gender = gender
        for who in self.focus:
            if who.speakers == speakers and who.gender is None and who.kind == "person":
                who.gender = gender

    def resolve_role(self, phrase: NounPhrase, position: int, text: str) -> Who:
        """"the Prime Minister" -> the person named with that title (nationality must not clash)."""
        entity = self.resolve_entity(phrase, position)
        if entity is not None:
            return Who((entity[0],), text, False, entity[3], "entity")
        wanted = phrase.titles - {"former", "senior", "top"}

        def fits(person: Person) -> bool:
            if wanted & {"leader"}:
                titles_ok = bool(person.titles & LEADER_TITLES)
            else:
                titles_ok = bool(wanted) and wanted <= person.titles
            return titles_ok and (not phrase.nations or not person.nations or phrase.nations <= person.nations)

        candidates = [p for p in self.cast.persons if fits(p)]
        if phrase.nations:
            exact = [p for p in candidates if phrase.nations <= p.nations]
            candidates = exact or candidates
        if not candidates:
            return self.role_holder(phrase, position, text) or Who(
                (" ".join(phrase.words),), text, True, phrase.gender, "entity")
        person = self.cast.most_recent(candidates, position)
        return Who((person.name,), text, len(candidates) > 1, person.gender)

    def role_holder(self, phrase: NounPhrase, position: int, text: str) -> Who | None:
        """"Beirut's top diplomat" -> the person the article names beside that role ("Lebanon's top diplomat,
        Abdallah Bouhabib,"), before or after; "a diplomat" / "another official" is someone new."""
        if text.split()[0].lower() in _INDEFINITE:
            return None
        person, unsure = self.cast.role_holder(phrase.words[-1].lower(), position)
        if person is None or (phrase.nations and person.nations and not phrase.nations <= person.nations):
            return None
        return Who((person.name,), text, unsure, person.gender)

    def resolve_entity(self, phrase: NounPhrase, position: int) -> tuple[str, str, int, str | None] | None:
        """"the spokesman" / "the official" -> the latest unnamed speaker with that head noun."""
        head = phrase.words[-1].lower()
        if head not in SPOKES_HEADS:
            return None
        earlier = [e for e in self.cast.entities if e[1] == head and e[2] <= position]
        return earlier[-1] if earlier else None

    def resolve_org_noun(self, phrase: NounPhrase, position: int, text: str) -> Who | None:
        """"the company" / "the trust" -> the latest organisation of that kind named earlier, else nobody;
        uncertain when several earlier organisations are of that kind."""
        kinds = ORG_NOUNS[phrase.words[-1].lower()]
        earlier = [(at, name) for name, org_kinds, at in self.cast.orgs if org_kinds & kinds and at < position]
        if not earlier:
            return None
        name = max(earlier)[1]
        return Who((name,), text, len({n for _, n in earlier}) > 1, None, "org")

    def resolve_joint(self, count: int, position: int, text: str) -> Who:
        """"the two leaders" -> the last ``count`` people named before this point."""
        latest: list[tuple[int, Person]] = []
        for person in self.cast.persons:
            before = [p for p in person.positions if p < position]
            if before:
                latest.append((max(before), person))
        chosen = sorted(latest, key=lambda item: item[0])[-count:]
        who = Who(tuple(p.name for _, p in chosen), text, len(chosen) < count, None, "joint")
        return who

    # pass 2 ----------------------------------------------------------------------------------------

    def remember(self, who: Who) -> None:
        if not who.speakers:
            return
        if who.kind == "org":
            self.org_spoke_at[who.speakers] = self.sentences
        if len(who.speakers) > 1 or who.kind in {"group", "joint"}:
            self.last_group = who
            return
        self.focus.append(who)
