"""What a noun phrase is: a person's name, a role, a spokesperson, an organisation or a group.

Pure functions over the words of one phrase; where the phrase stands in the article is the business
of ``mentions`` and ``resolution``.
"""

from __future__ import annotations

from pipeline.attribution.records import NounPhrase
from pipeline.attribution.vocabulary import (
    FIRST_NAMES,
    GENDERED_HEADS,
    GROUP_HEADS,
    HONORIFICS,
    INSTITUTION_HEADS,
    LOWER_MODIFIERS,
    NATIONS,
    NUMBER_WORDS,
    ORG_NOUNS,
    ORG_WORDS,
    PERSON_NOUNS,
    PLACES,
    ROLE_HEADS,
    SPOKES_HEADS,
    TITLE_WORDS,
    TWO_WORD_HEADS,
)


def parse_phrase(det: str | None, words: list[str]) -> NounPhrase | None:
    """Classify a noun phrase: a person's name, a role, a spokesperson, an organisation or a group."""
    lowered = [w.lower().rstrip(".") for w in words]
    det_lower = det.lower() if det else None
    nations = {NATIONS[w] for w in lowered if w in NATIONS}
    gender = next((HONORIFICS[w] for w in lowered if HONORIFICS.get(w)), None)
    gender = gender or next((GENDERED_HEADS[w] for w in lowered if w in GENDERED_HEADS), None)
    count = NUMBER_WORDS.get(det_lower or "", 0) or next((NUMBER_WORDS[w] for w in lowered if w in NUMBER_WORDS), 0)
    if lowered[-1] in ORG_NOUNS and all(w[0].islower() for w in words):
        if det_lower == "the":
            return NounPhrase("orgref", words)  # "the company", "the finance department"
        if not set(lowered) <= LOWER_MODIFIERS | ROLE_HEADS | GROUP_HEADS:
            return None  # "a group", "company": a kind of organisation names nobody
    # "Cumbria Police" is an organisation's name; "police", "the police" the force of the story
    named_force = lowered[-1] in INSTITUTION_HEADS and len(words) > 1 and words[-1][:1].isupper()
    if lowered[-1] in GROUP_HEADS and not named_force:
        if count:
            return NounPhrase("joint", words, nations=nations, count=count)
        if len(words) == 1 and det_lower is None and lowered[0] not in INSTITUTION_HEADS:
            return None
        return NounPhrase("group", words, nations=nations)
    head_size = 2 if " ".join(lowered[-2:]) in TWO_WORD_HEADS and len(words) > 1 else int(lowered[-1] in ROLE_HEADS)
    if head_size:
        return role_phrase(det_lower, words, lowered, head_size, nations, gender)
    split = 0
    while split < len(words) and (
        lowered[split] in TITLE_WORDS or lowered[split] in HONORIFICS or lowered[split] in NATIONS
        or lowered[split] in LOWER_MODIFIERS or words[split][0].islower()
    ):
        split += 1
    split += _last_title_within(lowered[split:])
    prefix, name = lowered[:split], words[split:]
    while len(name) > 1 and name[0].endswith(("’s", "'s")):
        name = name[1:]  # "Nevada's Brad Lord-Leutwyler": a place's, not part of his name
    if not name and det is None and all(w[0].islower() for w in words):
        return None  # "defence", "senior": a lone lower-case modifier names nobody
    if not name:
        if any(w in TITLE_WORDS and w not in NATIONS for w in prefix):
            return role_phrase(det_lower, words, lowered, len(words), nations, gender)
        return NounPhrase("org", words, nations=nations)
    name_lower = {w.lower() for w in name}
    if name_lower & ORG_WORDS or (len(name) == 1 and name[0].lower() in PLACES) or name[0].lower() in NATIONS:
        return NounPhrase("org", words, nations=nations)
    titled = any(w in TITLE_WORDS or w in HONORIFICS for w in prefix)
    first_name = FIRST_NAMES.get(name[0].lower()) if len(name) > 1 else None
    return NounPhrase(
        "person", name, titles={w for w in prefix if w in TITLE_WORDS}, nations=nations,
        gender=gender or first_name, strong=titled or first_name is not None,
    )


def _last_title_within(lowered: list[str]) -> int:
    """How many leading words of a capitalised run are a role: "Veteran MP Joanne Reddy" -> 2, so the name
    starts after the last title word that still leaves a name behind."""
    titles = [i for i, w in enumerate(lowered[:-1]) if w in TITLE_WORDS or w in HONORIFICS or w in PERSON_NOUNS]
    return titles[-1] + 1 if titles else 0


def role_phrase(
    det: str | None, words: list[str], lowered: list[str], head_size: int, nations: set[str], gender: str | None
) -> NounPhrase | None:
    """"the Russian leader" (resolve to a person), "a Foreign Office spokesman" (a speaker of its own)."""
    modifiers, head = words[:-head_size], lowered[-1]
    generic = TITLE_WORDS | set(NATIONS) | set(HONORIFICS)
    named_org = [w for w in modifiers if w[0].isupper() and w.lower() not in generic]
    lower_mods = [w for w in modifiers if w[0].islower() and w.lower() not in NUMBER_WORDS]
    if head in SPOKES_HEADS and (det in {"a", "an"} or named_org or lower_mods or det is None):
        return NounPhrase("entity", words, nations=nations, gender=gender)
    if det is None and words[-1][0].islower():
        return NounPhrase("unresolved", words, nations=nations, gender=gender)
    titles = {w for w in lowered if w in TITLE_WORDS}
    return NounPhrase("role", words, titles=titles, nations=nations, gender=gender)

