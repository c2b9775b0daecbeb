"""Mentions of people and organisations in a stretch of text: names, roles, groups and pronouns.

A capitalised run ("NATO Secretary General Jens Stoltenberg"), a role ("the Russian leader"), a group
("Western officials") or a pronoun, each parsed by ``phrases.parse_phrase``. Sentence-initial words are
kept only when they look like names ("Boris"), not openers ("Reports").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.attribution.phrases import parse_phrase
from pipeline.attribution.records import Mention, NounPhrase, Quote
from pipeline.attribution.vocabulary import (
    COMMON_OPENERS,
    FIRST_NAMES,
    FIRST_PERSON,
    GROUP_HEADS,
    HONORIFICS,
    LOWER_MODIFIERS,
    MONTHS,
    NATIONS,
    NON_NAMES,
    ORG_NOUNS,
    ORG_WORDS,
    PLACES,
    PORTFOLIOS,
    ROLE_HEADS,
    SPOKES_HEADS,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
    WEEKDAYS,
)
from pipeline.sentences import split_sentences
from pipeline.types import Paragraph

BOUND_L = r"(?<![\w’'-])"
BOUND_R = r"(?![\w’'-])"
_PRONOUN = re.compile(BOUND_L + r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)" + BOUND_R)
# A name word: an abbreviated title ("Mr."), initials ("Q.", "M.N."), a capitalised word or a suffix ("III"), or a
# surname behind a lower-case particle ("dePalo", "al-Assad").
_NAME_WORD = (r"(?:(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Cpl|Pvt|Pfc|Spc|Cmdr|Adm|Brig|Rev|Jr|Sr)"
              r"\.|(?:[A-Z]\.){1,3}(?=[ \t]+[A-Z])"
              r"|\d{1,3}(?:st|nd|rd|th)?(?=[ \t]+[A-Z])"  # "1st Lt. Mike Kohn", "Sgt. 1st Class ..."
              r"|[A-Z][\w’'-]*|(?:de|di|da|du|le|la|van|von|mac|al|el)-?[A-Z][\w’'-]*)")
_LOWER_WORD = "(?:" + "|".join(sorted(LOWER_MODIFIERS | ROLE_HEADS | GROUP_HEADS | set(ORG_NOUNS), key=len,
                                        reverse=True)) + ")"
_DETERMINER = r"(?:[Tt]he|[Aa]n|[Aa]|[Tt]wo|[Bb]oth|[Tt]hree)"
_MENTION = re.compile(
    BOUND_L + rf"(?:(?P<det>{_DETERMINER})\s+)?"
    rf"(?P<np>(?:(?:{_NAME_WORD}|{_LOWER_WORD})[ \t]+)*(?:{_NAME_WORD}|{_LOWER_WORD}))" + BOUND_R
)
_WORD = re.compile(r"\S+")
# "Department" + "for" + "Education", "Royal College" + "of" + "Nursing": one organisation's name.
_ORG_NAME_LINK = re.compile(r"\s+(?:of|for)\s+")
# "a spokeswoman" + "for" + "the Royal College of Nursing": that organisation's spokeswoman.
_SPOKES_FOR = re.compile(r"\s+(?:for|at)\s+")
# " of Labor ", " of State for Education ": what stands between a title and a name.
_PORTFOLIO_GAP = re.compile(r"\s+(?:of|for)\s+((?:(?:[A-Z][\w’'-]*|of|for|and|the)\s+)+)")
# "Secretary of " / "Minister for ": the title word before a portfolio's link word.
_PORTFOLIO_LINK = re.compile(r"([A-Za-z]+)\s+(?:of|for)\s+(?:the\s+)?$")
LETTER_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_COMMON_ENDING = re.compile(r"(?:ing|ly|ed|ions?|ers|ment)$")  # "Speaking", "Previously": not names
POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_DAY_NUMBER = re.compile(r"[ \t]+\d{1,2}\b")


class MentionFinder:
    """Finds mentions in one article, knowing which capitalised words it uses as names."""

    def __init__(self, text: str, paragraphs: list[Paragraph]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.proper_words, self.lower_words = self.word_cases()

    def word_cases(self) -> tuple[set[str], set[str]]:
        """Capitalised words seen inside sentences (likely names), and words seen in lower case."""
        proper: set[str] = set()
        lower: set[str] = set()
        for paragraph in self.paragraphs:
            for sentence in split_sentences(self.text, paragraph.start, paragraph.end):
                for match in LETTER_WORD.finditer(self.text, sentence.start, sentence.end):
                    word = match.group()
                    if word[0].islower():
                        lower.add(word.lower())
                    elif not self.sentence_initial(match.start(), sentence.start):
                        proper.add(POSSESSIVE.sub("", word))
        return proper, lower

    def sentence_initial(self, pos: int, floor: int) -> bool:
        cursor = pos
        while cursor > floor and self.text[cursor - 1].isspace():
            cursor -= 1
        return cursor <= floor or self.text[cursor - 1] in ".!?:“\"(‘"

    # noun phrases ----------------------------------------------------------------------------------

    def mentions(
        self, start: int, end: int, *, narration_only: bool, quotes: Sequence[Quote] = ()
    ) -> list[Mention]:
        """Names, roles and pronouns in ``text[start:end]`` (outside quotes when ``narration_only``)."""
        found: list[Mention] = []
        for match in _MENTION.finditer(self.text, start, end):
            mention = self.mention(match, start)
            if mention is not None:
                found.append(mention)
        found = self.join_org_names(found)
        for match in _PRONOUN.finditer(self.text, start, end):
            phrase = NounPhrase(kind="pronoun", words=[match.group().lower()])
            found.append(Mention(match.start(), match.end(), match.start(), match.group(), phrase, False))
        if narration_only:
            found = [m for m in found if not any(q.mark_start <= m.start < q.mark_end for q in quotes)]
        return sorted(found, key=lambda m: m.start)

    def join_org_names(self, mentions: list[Mention]) -> list[Mention]:
        """Merge "Department for Education" into one organisation, then "a spokeswoman for the Royal
        College of Nursing" into one speaker named "Royal College of Nursing spokeswoman"."""
        joined = self.join(self.join(self.join(mentions, self.paired_org_name), self.org_name), self.spokes_for)
        return self.join(joined, self.portfolio_title)

    def join(
        self, mentions: list[Mention], rule: Callable[[Mention, str, Mention], NounPhrase | None]
    ) -> list[Mention]:
        """Merge each mention into the one before it when ``rule`` gives a phrase for the pair."""
        joined: list[Mention] = []
        for mention in mentions:
            left = joined[-1] if joined else None
            phrase = None
            if left is not None and not left.possessive:
                phrase = rule(left, self.text[left.end : mention.start], mention)
            if phrase is None or left is None:
                joined.append(mention)
                continue
            text = self.text[left.start : mention.end]
            joined[-1] = Mention(left.start, mention.end, left.outer, text, phrase, mention.possessive)
        return joined

    @staticmethod
    def paired_org_name(left: Mention, gap: str, right: Mention) -> NounPhrase | None:
        """"Avon and Somerset Police", "Trade and Industry Department": one organisation, not two speakers."""
        if gap != " and " or right.phrase.kind != "org" or not right.text[:1].isupper():
            return None
        if len(left.phrase.words) != 1 or left.phrase.strong or left.phrase.kind not in {"person", "org"}:
            return None
        if right.phrase.words[-1].lower() not in ORG_WORDS:
            return None
        return NounPhrase("org", [*left.phrase.words, "and", *POSSESSIVE.sub("", right.text).split()],
                          nations=left.phrase.nations | right.phrase.nations)

    def org_name(self, left: Mention, gap: str, right: Mention) -> NounPhrase | None:
        if not (_ORG_NAME_LINK.fullmatch(gap) and left.phrase.kind == "org" and right.text[:1].isupper()):
            return None
        if left.phrase.words[-1].lower() not in ORG_WORDS:
            return None
        if right.phrase.kind == "person" and (right.phrase.titles or right.phrase.strong):
            return None  # "Bank of England Governor Andrew Bailey": a titled person follows
        words = [*left.phrase.words, gap.strip(), *POSSESSIVE.sub("", right.text).split()]
        return NounPhrase("org", words, nations=left.phrase.nations)

    @staticmethod
    def portfolio_title(left: Mention, gap: str, right: Mention) -> NounPhrase | None:
        """"Secretary" + "of Labor" + "Hilda L. Solis": one titled person, her portfolio left out of the name."""
        link = _PORTFOLIO_GAP.fullmatch(gap)
        if link is None or left.phrase.kind != "role" or right.phrase.kind != "person":
            return None
        portfolio = [w for w in link.group(1).split() if w not in {"of", "for", "and", "the"}]
        if not portfolio or any(w.lower() not in PORTFOLIOS for w in portfolio):
            return None
        return parse_phrase(None, [*left.phrase.words, *right.phrase.words])

    @staticmethod
    def spokes_for(left: Mention, gap: str, right: Mention) -> NounPhrase | None:
        if not (_SPOKES_FOR.fullmatch(gap) and left.phrase.kind == "entity" and right.phrase.kind == "org"):
            return None
        head = left.phrase.words[-1]
        if head.lower() not in SPOKES_HEADS:
            return None
        words = [*right.phrase.words, head]
        return NounPhrase("entity", words, nations=left.phrase.nations, gender=left.phrase.gender)

    def mention(self, match: re.Match[str], floor: int) -> Mention | None:
        det = match.group("det")
        words = [(w.group(), match.start("np") + w.start()) for w in _WORD.finditer(match.group("np"))]
        first_at = match.start("det") if det else words[0][1]
        if det is None and not self.keep_initial(words, first_at, floor):
            words = words[1:]
        while words and (words[0][0].lower() in NON_NAMES | SUBJECT_PRONOUNS
                         or words[0][0].lower().replace("’", "'") in FIRST_PERSON):
            words = words[1:]
            det = None
        while len(words) > 1 and words[-1][0].lower() in SUBJECT_PRONOUNS:
            words = words[:-1]  # "Washington, D.C. She thanked ...": the next sentence's pronoun is no name
        while len(words) > 1 and self.date_word(*words[-1]):
            words = words[:-1]  # "Pentagon Press Secretary Peter Cook September 8, 2015": the date is no name
        if words and self.after_portfolio_link(words[0][1]):
            if all(w.lower() in PORTFOLIOS for w, _ in words):
                return None  # "State" in "the Secretary of State": part of the title
            while len(words) > 2 and words[0][0].lower() in PORTFOLIOS:
                words = words[1:]
                det = None
        if not words or (len(words) == 1 and len(words[0][0].rstrip(".")) == 1):
            return None  # "U" and "S" of "U.S. forward", "N" of "U.N.": a lone capital letter names nobody
        last, last_at = words[-1]
        bare = POSSESSIVE.sub("", last)
        possessive = bare != last and last[-1] in "s’'" and bool(bare)
        if possessive:
            words[-1] = (bare, last_at)
        phrase = parse_phrase(det, [w for w, _ in words])
        if phrase is None:
            return None
        start = match.start("det") if det else words[0][1]
        end = words[-1][1] + len(words[-1][0])
        return Mention(start, end, match.start(), self.text[start:end], phrase, possessive)

    def date_word(self, word: str, position: int) -> bool:
        """A day name ("Kerry Monday"), or a month before a day number ("Cook September 8"), ending a capitalised run;
        "Theresa May" keeps her name."""
        lower = word.lower()
        if lower in WEEKDAYS:
            return True
        return lower in MONTHS and _DAY_NUMBER.match(self.text, position + len(word)) is not None

    def after_portfolio_link(self, position: int) -> bool:
        """Whether a title's "of"/"for" stands just before ``position`` ("Secretary of | Labor Hilda L. Solis")."""
        before = self.text[max(0, position - 40) : position]
        link = _PORTFOLIO_LINK.search(before)
        return link is not None and link.group(1).lower() in TITLE_WORDS

    def keep_initial(self, words: list[tuple[str, int]], position: int, floor: int) -> bool:
        """Whether a capitalised word opening a sentence is part of a name ("Boris") or not ("Reports")."""
        word = words[0][0]
        if not self.sentence_initial(position, floor) or not word[0].isupper():
            return True
        lower = POSSESSIVE.sub("", word).lower().rstrip(".")
        if lower in COMMON_OPENERS:
            return False
        if lower in HONORIFICS or lower in TITLE_WORDS or lower in FIRST_NAMES or lower in NATIONS or lower in PLACES:
            return True
        if POSSESSIVE.sub("", word) in self.proper_words or (word.isupper() and len(word) > 1):
            return True
        if lower in self.lower_words:
            return False
        followed_by_name = len(words) > 1 and words[1][0][0].isupper()
        return followed_by_name or not _COMMON_ENDING.search(lower)

    # resolution ------------------------------------------------------------------------------------
