"""Who said what: direct quotations and reported speech, each with a speaker and exact offsets.

A small rule set, no model. The conventions below are what the index and the quote checker rely on.

* Offsets index ``Article.text``; ``article.text[s.start:s.end] == s.text`` holds for every statement.
* Direct quote span: everything between the quote marks, trimmed of white space. The marks themselves
  are left out, punctuation inside them is kept, so “What we have to see is ... equipment.” gives
  ``What we have to see is ... equipment.`` (and “X,” he said gives ``X,``). Only double marks open a
  quote, curly “ ” or straight "; single marks are apostrophes or quotes inside a quote.
* A quote still open at the end of a paragraph continues in the next paragraph when that one opens
  with a quote mark: one statement per paragraph, all with the same speaker. A paragraph that opens
  with a quote and names nobody also continues the speaker of a closed quote just before it, but
  then ``uncertain=True``.
* Reported speech ("X said that ...", "according to X, ...") spans the reported clause: from after
  "that" (or after the verb, its object and any colon) to the end of the clause, without the
  closing full stop. A reported clause that holds a quote gives only the quote(s), as direct
  statements, so the same words are never indexed twice: "Boris Johnson said that the field
  hospitals “only can be construed ...”" gives one direct statement.
* Speakers are canonical: the fullest name the article gives the person, titles stripped
  ("Mr Stoltenberg" -> "Jens Stoltenberg"). Role nouns ("the Russian leader"), joint subjects
  ("the two leaders") and pronouns are resolved to people named in the article (a pronoun to the
  latest person seen as a subject or speaker). An organisation's spokesperson is a speaker of its
  own ("Foreign Office spokesman"); countries and groups ("Russia", "Russian officials") are kept
  as written. ``Statement.mention`` keeps the words used at that place ("He", "Mr Johnson").
* "The company said", "the trust says": a definite organisation noun (``ORG_NOUNS``) is the latest
  organisation of that kind named earlier, by its name ("Vale Learning Trust") or the words just before
  it ("the pharmacy chain Wellcare"); ``uncertain=True`` when several fit, and no statement when none does.
* A quote with no speaker is kept with ``speaker=None, uncertain=True``, except a scare quote of at
  most ``SCARE_QUOTE_MAX_WORDS`` words (“security threats” in narration), which is skipped.
* Labelled transcripts: a paragraph opening with "NAME:" is NAME's, and so is every unlabelled
  paragraph after it until the next label or subheading. "Q:" and "INTERVIEWER:" are the speaker
  ``Interviewer``; "A:" is the latest named interviewee.
* Headlines, subheadings and boilerplate give nothing; captions give statements with
  ``is_caption=True``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipeline.sentences import split_sentences
from pipeline.types import Article, Paragraph, Span, Statement, StatementKind

SCARE_QUOTE_MAX_WORDS = 3
MIN_REPORTED_WORDS = 3
INTERVIEWER = "Interviewer"

# --- vocabulary -----------------------------------------------------------------------------------

SPEECH_VERBS = {
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "claim", "claims", "claimed",
    "claiming", "warn", "warns", "warned", "warning", "call", "calls", "called", "calling", "state",
    "states", "stated", "stating", "indicate", "indicates", "indicated", "indicating", "suggest",
    "suggests", "suggested", "suggesting", "insist", "insists", "insisted", "insisting", "accuse",
    "accuses", "accused", "accusing", "add", "adds", "added", "adding", "agree", "agrees", "agreed",
    "explain", "explains", "explained", "explaining", "argue", "argues", "argued", "arguing",
    "announce", "announces", "announced", "announcing", "confirm", "confirms", "confirmed", "confirming",
    "deny", "denies", "denied", "denying", "admit", "admits", "admitted", "admitting", "stress",
    "stresses", "stressed", "stressing", "declare", "declares", "declared", "declaring", "wrote",
    "writes", "tweeted", "replied", "asked", "asks", "describe", "describes", "described", "describing",
    "predicted", "acknowledged", "revealed", "promised", "vowed", "continued",
}
# Verbs that introduce a quote but no reported clause ("called a Russian invasion “highly likely”").
QUOTE_ONLY_VERBS = {"call", "calls", "called", "calling", "asked", "asks", "describe", "describes", "described",
                    "describing"}
TELL_VERBS = {"tell", "tells", "told", "telling"}
# A bare verb form is speech only after a modal ("did say") or with a plural subject ("officials say"):
# otherwise it is usually a noun or adjective ("state banks", "a call").
BASE_FORMS = {"say", "tell", "claim", "warn", "call", "state", "indicate", "suggest", "insist", "accuse", "add",
              "agree", "explain", "argue", "announce", "confirm", "deny", "admit", "stress", "declare", "describe"}
MODALS = {"did", "do", "does", "will", "would", "could", "should", "may", "might", "must", "can"}
ACCORDING_TO = "according to"

HONORIFICS = {"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "mrs": "f", "ms": "f", "miss": "f",
              "dame": "f", "lady": "f", "queen": "f", "princess": "f", "dr": None, "prof": None, "professor": None}
TITLE_WORDS = {
    "president", "prime", "minister", "secretary", "general", "chancellor", "foreign", "defence", "defense",
    "home", "health", "deputy", "vice", "senator", "governor", "mayor", "pope", "ambassador", "chief",
    "head", "leader", "commander", "judge", "councillor", "cllr", "rev", "captain", "colonel", "director",
    "officer", "spokesman", "spokeswoman", "spokesperson", "premier", "envoy", "adviser", "advisor", "aide",
    "official", "state", "former", "senior", "top", "opposition", "labour", "conservative", "tory",
    "campaigner", "activist", "resident", "professor", "economist", "analyst", "expert", "author", "lawyer",
    "chairman", "chairwoman", "chair", "council", "finance", "police", "inspector", "superintendent",
    "executive", "mp", "mep", "msp",
}
# Nationality words, mapped to one key so "British" and "UK" agree.
NATIONS = {
    "us": "us", "u.s": "us", "american": "us", "uk": "uk", "british": "uk", "russian": "russia",
    "ukrainian": "ukraine", "german": "germany", "french": "france", "chinese": "china", "polish": "poland",
    "nato": "nato", "eu": "eu", "un": "un", "european": "eu", "western": "west", "irish": "ireland",
    "scottish": "scotland", "welsh": "wales", "israeli": "israel", "iranian": "iran", "indian": "india",
}
LEADER_TITLES = {"president", "prime", "premier", "chancellor", "leader", "king", "queen"}
ROLE_HEADS = {
    "leader", "president", "minister", "secretary", "chancellor", "official", "spokesman", "spokeswoman",
    "spokesperson", "ambassador", "diplomat", "source", "envoy", "adviser", "advisor", "aide", "mayor",
    "governor", "senator", "councillor", "director", "officer", "chief", "commander", "premier", "general",
    "executive", "mp", "mep", "msp",
}
TWO_WORD_HEADS = {"prime minister", "secretary general", "foreign secretary", "foreign minister",
                  "defence secretary", "home secretary", "health secretary", "chief executive"}
GROUP_HEADS = {"leaders", "officials", "allies", "sources", "diplomats", "ministers", "analysts", "authorities",
               "aides", "spokespeople", "campaigners", "residents", "councillors"}
# A spokesperson-like head names a speaker of its own when the organisation is given.
SPOKES_HEADS = {"spokesman", "spokeswoman", "spokesperson", "official", "source", "aide", "adviser", "advisor",
                "diplomat", "officer", "director"}
GENDERED_HEADS = {"spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f"}
LOWER_MODIFIERS = {"senior", "top", "former", "deputy", "chief", "foreign", "defence", "two", "both", "three",
                   "council", "finance", "opposition", "government", "prime"}
NUMBER_WORDS = {"two": 2, "both": 2, "three": 3}
ORG_WORDS = {
    "office", "news", "street", "house", "ministry", "department", "kremlin", "government", "council",
    "army", "police", "commission", "agency", "bank", "party", "union", "embassy", "parliament", "court",
    "nations", "organisation", "organization", "bbc", "cnn", "reuters", "pentagon", "whitehall", "images",
    "times", "post", "guardian", "telegraph", "forces", "committee", "service", "group", "institute",
    "university", "company", "ltd", "inc", "olympics", "games", "cobra", "alliance", "press", "media",
    "college", "trust", "foundation", "society", "association", "federation", "authority", "board", "school",
}
# "the company", "the trust": a definite common noun of an organisation kind names the latest organisation of
# that kind mentioned earlier, by a word of its name ("Vale Learning Trust") or a word introducing it ("the
# pharmacy chain Wellcare"). Each noun maps to the words that make an organisation of its kind.
_COMPANY_KIND = {"company", "firm", "chain", "retailer", "lender", "business", "operator", "supermarket", "airline",
                 "insurer", "manufacturer", "developer", "carmaker", "ltd", "inc", "plc"}
ORG_NOUNS: dict[str, set[str]] = {
    "company": _COMPANY_KIND, "firm": _COMPANY_KIND, "bank": {"bank", "lender"}, "charity": {"charity"},
    "trust": {"trust"}, "council": {"council"}, "department": {"department"}, "ministry": {"ministry"},
    "agency": {"agency"}, "club": {"club", "fc"}, "university": {"university"}, "school": {"school", "academy"},
    "hospital": {"hospital", "infirmary"}, "union": {"union"}, "party": {"party"}, "government": {"government"},
    "board": {"board"}, "committee": {"committee"}, "group": {"group"},
    "organisation": {"organisation", "organization"},
}
ORG_KIND_WORDS = set().union(*ORG_NOUNS.values())
PLACES = {
    "russia", "ukraine", "us", "usa", "uk", "america", "britain", "china", "nato", "eu", "un", "kremlin",
    "moscow", "kyiv", "kiev", "washington", "london", "beijing", "germany", "france", "poland", "belarus",
    "europe", "west", "east", "crimea", "donbas", "lviv", "romania", "latvia", "lithuania", "estonia",
}
NON_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}
COMMON_OPENERS = {
    "the", "a", "an", "but", "however", "and", "in", "on", "at", "as", "since", "despite", "during",
    "following", "after", "before", "speaking", "while", "when", "if", "it", "this", "that", "these",
    "those", "there", "what", "why", "how", "who", "where", "meanwhile", "yesterday", "today", "previously",
    "earlier", "later", "also", "so", "then", "still", "indeed", "unfortunately", "reports", "many", "some",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
}
FIRST_NAMES = {
    "joe": "m", "boris": "m", "jens": "m", "vladimir": "m", "olaf": "m", "emmanuel": "m", "volodymyr": "m",
    "john": "m", "james": "m", "david": "m", "michael": "m", "tom": "m", "peter": "m", "paul": "m",
    "mark": "m", "keir": "m", "rishi": "m", "donald": "m", "barack": "m", "sergei": "m", "dmitry": "m",
    "antony": "m", "ben": "m", "dominic": "m", "george": "m", "william": "m", "richard": "m", "robert": "m",
    "andrew": "m", "simon": "m", "nick": "m", "daniel": "m", "ali": "m", "ahmed": "m", "omar": "m",
    "liz": "f", "elizabeth": "f", "theresa": "f", "angela": "f", "ursula": "f", "kamala": "f", "hillary": "f",
    "nancy": "f", "anna": "f", "sarah": "f", "mary": "f", "jane": "f", "emma": "f", "kate": "f", "priti": "f",
    "amara": "f", "priya": "f", "maria": "f", "laura": "f", "rachel": "f", "nicola": "f", "jacinda": "f",
    "annalena": "f", "kaja": "f", "sophie": "f", "helen": "f", "susan": "f", "lucy": "f",
}
AUXILIARIES = {
    "has", "have", "had", "did", "does", "do", "will", "would", "could", "should", "may", "might", "must",
    "was", "were", "is", "are", "also", "previously", "repeatedly", "consistently", "again", "later",
    "earlier", "then", "further", "actually", "just", "reportedly", "allegedly", "publicly", "already",
    "once", "recently", "subsequently", "not", "never", "always", "privately", "openly", "can",
}
PREPOSITIONS = {
    "of", "from", "to", "by", "between", "beside", "besides", "for", "in", "on", "at", "about", "against",
    "among", "like", "including", "under", "over", "without", "into", "onto", "towards", "toward", "via",
    "per", "than", "across", "behind", "near", "through", "during", "despite", "upon", "around",
}
# Words after which a name starts a clause of its own (it can then be a subject).
CLAUSE_OPENERS = {"and", "but", "however", "while", "as", "when", "after", "before", "since", "although",
                  "though", "because", "if", "that", "so", "then", "yet", "until", "whereas", "meanwhile"}
TRAILING_CONNECTORS = {"and", "but", "however", "while", "with", "as", "whereas", "although", "though", "yet"}
PRONOUN_GENDER = {"he": "m", "she": "f"}
INTERVIEWER_LABELS = {"Q", "INTERVIEWER", "QUESTION", "Interviewer", "Question"}
EXCLUDED_LABELS = {
    "UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ MORE", "BREAKING", "LIVE", "PICTURED",
    "PHOTO", "IMAGE", "CREDIT", "SOURCE", "WARNING", "EXCLUSIVE", "ANALYSIS", "OPINION", "COMMENT", "VIDEO",
    "LISTEN", "SEE ALSO", "RELATED", "FACT CHECK", "UPDATED", "CORRECTION",
}

# --- patterns -------------------------------------------------------------------------------------

_QUOTE_MARKS = "“”\""
_QUOTE_MARK = re.compile(r"[“”\"]")
_BOUND_L = r"(?<![\w’'-])"
_BOUND_R = r"(?![\w’'-])"
_SPEECH_VERB = re.compile(
    _BOUND_L + "(?:[Aa]ccording to|" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + ")" + _BOUND_R
)
_PRONOUN = re.compile(_BOUND_L + r"(?:[Hh]e|[Ss]he|[Tt]hey)" + _BOUND_R)
_NAME_WORD = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Rev)\.|[A-Z][\w’'-]*)"
_LOWER_WORD = "(?:" + "|".join(sorted(LOWER_MODIFIERS | ROLE_HEADS | GROUP_HEADS | set(ORG_NOUNS), key=len,
                                        reverse=True)) + ")"
_DETERMINER = r"(?:[Tt]he|[Aa]n|[Aa]|[Tt]wo|[Bb]oth|[Tt]hree)"
_MENTION = re.compile(
    _BOUND_L + rf"(?:(?P<det>{_DETERMINER})\s+)?"
    rf"(?P<np>(?:(?:{_NAME_WORD}|{_LOWER_WORD})[ \t]+)*(?:{_NAME_WORD}|{_LOWER_WORD}))" + _BOUND_R
)
_WORD = re.compile(r"\S+")
# "Department" + "for" + "Education", "Royal College" + "of" + "Nursing": one organisation's name.
_ORG_NAME_LINK = re.compile(r"\s+(?:of|for)\s+")
# "a spokeswoman" + "for" + "the Royal College of Nursing": that organisation's spokeswoman.
_SPOKES_FOR = re.compile(r"\s+(?:for|at)\s+")
_LETTER_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# "Tom Hughes, who lives on Old Quay, told ..." / "Mr Reed, 54, said ..." / "Ann Lee, 38, a nurse from Hull, said":
# up to two appositives may sit between a speaker and the verb, each opening with a lower-case word or an age.
MAX_APPOSITIVES = 2
_APPOSITIVE_ITEM = r"(?:\d{1,3}\b|[a-z])[^,“”\"]{0,80}"
_APPOSITIVE = rf"(?:\s*,\s*{_APPOSITIVE_ITEM}(?:\s*,\s*{_APPOSITIVE_ITEM}){{0,{MAX_APPOSITIVES - 1}}}\s*,)?"
_AUXILIARY = "|".join(sorted(AUXILIARIES, key=len, reverse=True))
_AUX_GAP = re.compile(_APPOSITIVE + r"(?:\s+(?:" + _AUXILIARY + r"|\w+ly))*\s+$")
_PARTICIPLE_LEAD = re.compile(r"(?:,|\band|,\s*and)" + r"(?:\s+(?:also|then|later|further))?\s+$")
_ADJACENT = re.compile(r"[\s,;:—–-]*")
_THAT = re.compile(r"\bthat\s+")
_LEAD_PUNCT = re.compile(r"\s*[:,]\s*")
_TELL_OBJECT = re.compile(
    r"\s+(?:him|her|them|us|me|reporters|journalists|the press|(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
    r"(?:\s*[:,])?\s*"
)
_CAPTION_CREDIT = re.compile(
    r"\s*\((?:image|images|photo|photos|picture|pic|credit|source|illustration|video)\s*:[^()]*\)\s*\.?$", re.I
)
_LABEL = re.compile(r"(?P<label>Q|A|[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3})[ \t]*:[ \t]+(?=\S)")
_COMMON_ENDING = re.compile(r"(?:ing|ly|ed|ions?|ers|ment)$")  # "Speaking", "Previously": not names
_LOWER_LEAD = re.compile(r"(?<![\w’'-])(?:[a-z][\w-]*[ \t]+){1,2}$")  # "the pharmacy chain " before a name
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


# --- data -----------------------------------------------------------------------------------------


@dataclass
class _Person:
    """One person of the article: the fullest name seen, titles, nationality and gender hints."""

    words: list[str]
    titles: set[str] = field(default_factory=set)
    nations: set[str] = field(default_factory=set)
    gender: str | None = None
    positions: list[int] = field(default_factory=list)

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def keys(self) -> set[str]:
        return {w.lower() for w in self.words}


@dataclass
class _NounPhrase:
    """A parsed name or role phrase, before it is resolved to a speaker."""

    kind: str  # "person", "role", "entity", "unresolved", "org", "orgref", "group", "joint", "pronoun"
    words: list[str]  # name words for a person, all words otherwise (no determiner)
    titles: set[str] = field(default_factory=set)
    nations: set[str] = field(default_factory=set)
    gender: str | None = None
    strong: bool = False  # a person named with a title or a known first name
    count: int = 0  # for joint subjects ("the two leaders")


@dataclass
class _Who:
    """A resolved speaker reference: zero (unknown), one or several (joint) canonical speakers."""

    speakers: tuple[str, ...]
    mention: str | None
    uncertain: bool = False
    gender: str | None = None
    kind: str = "person"


@dataclass
class _Mention:
    start: int
    end: int
    outer: int  # start including dropped sentence-initial words, for the "what comes before" test
    text: str
    phrase: _NounPhrase
    possessive: bool
    who: _Who | None = None


@dataclass
class _Quote:
    mark_start: int  # the opening mark
    start: int  # first character inside the marks
    end: int  # end of the quoted words (before the closing mark)
    mark_end: int  # after the closing mark (or the paragraph end when left open)
    closed: bool


@dataclass
class _Event:
    """A speech verb with its speaker and, for reported speech, where its clause starts."""

    verb_start: int
    verb_end: int
    clause_start: int
    who: _Who
    content_start: int | None = None
    content_end: int | None = None
    introduced: bool = True  # the clause came after "that" or a colon


# --- public ---------------------------------------------------------------------------------------


def extract_statements(article: Article) -> list[Statement]:
    """Every direct quotation and reported statement of ``article``, in document order."""
    return _Extractor(article).run()


# --- the extractor --------------------------------------------------------------------------------


class _Extractor:
    """Two passes: first who is who in the article, then statements paragraph by paragraph."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.paragraphs = [p for p in article.paragraphs if p.role != "boilerplate"]
        self.proper_words, self.lower_words = self._word_cases()
        self.persons: list[_Person] = []
        self.entities: list[tuple[str, str, int, str | None]] = []  # name, head, position, gender
        self.orgs: list[tuple[str, set[str], int]] = []  # name, kind words, position
        self.focus: list[_Who] = []
        self.last_group: _Who | None = None
        self.last_guest: str | None = None
        self._collect_persons()

    # pass 1 ----------------------------------------------------------------------------------------

    def _word_cases(self) -> tuple[set[str], set[str]]:
        """Capitalised words seen inside sentences (likely names), and words seen in lower case."""
        proper: set[str] = set()
        lower: set[str] = set()
        for paragraph in self.paragraphs:
            for sentence in split_sentences(self.text, paragraph.start, paragraph.end):
                for match in _LETTER_WORD.finditer(self.text, sentence.start, sentence.end):
                    word = match.group()
                    if word[0].islower():
                        lower.add(word.lower())
                    elif not self._sentence_initial(match.start(), sentence.start):
                        proper.add(_POSSESSIVE.sub("", word))
        return proper, lower

    def _sentence_initial(self, pos: int, floor: int) -> bool:
        cursor = pos
        while cursor > floor and self.text[cursor - 1].isspace():
            cursor -= 1
        return cursor <= floor or self.text[cursor - 1] in ".!?:“\"(‘"

    def _collect_persons(self) -> None:
        """Register every person named with a title or a known first name, merging name variants."""
        weak: list[tuple[list[str], int]] = []
        for paragraph in self.paragraphs:
            mentions = self._mentions(paragraph.start, paragraph.end, narration_only=False)
            for index, mention in enumerate(mentions):
                self._add_org(mention)
                phrase = mention.phrase
                if phrase.kind != "person":
                    continue
                titles = self._appositive_titles(mention, mentions[index + 1 : index + 2])
                if titles:
                    phrase.titles |= titles
                    phrase.strong = True
                if phrase.strong:
                    self._add_person(phrase, mention.start)
                else:
                    weak.append((phrase.words, mention.start))
        for words, position in weak:
            person, _ = self._lookup(words, position)
            if person is not None:
                person.positions.append(position)

    def _add_org(self, mention: _Mention) -> None:
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

    def _appositive_titles(self, mention: _Mention, following: list[_Mention]) -> set[str]:
        """"Anil Mehta, chief executive of ...": the role in apposition is the person's title, so that
        "the chief executive" later refers to him."""
        if not following or mention.possessive:
            return set()
        if not re.fullmatch(r"\s*,\s*", self.text[mention.end : following[0].start]):
            return set()
        role = following[0].phrase
        if role.kind not in {"role", "unresolved", "entity"} or role.words[-1].lower() not in ROLE_HEADS:
            return set()
        return {w.lower() for w in role.words if w.lower() in TITLE_WORDS}

    def _add_person(self, phrase: _NounPhrase, position: int) -> _Person:
        keys = {w.lower() for w in phrase.words}
        matches = [p for p in self.persons if keys <= p.keys or p.keys <= keys]
        if len(matches) == 1:
            person = matches[0]
            if len(phrase.words) > len(person.words):
                person.words = list(phrase.words)
        else:
            person = _Person(words=list(phrase.words))
            self.persons.append(person)
        person.titles |= phrase.titles
        person.nations |= phrase.nations
        person.gender = person.gender or phrase.gender
        person.positions.append(position)
        return person

    def _lookup(self, words: list[str], position: int) -> tuple[_Person | None, bool]:
        """The person a (partial) name refers to, and whether that is ambiguous."""
        keys = {w.lower() for w in words}
        matches = [p for p in self.persons if keys <= p.keys]
        if not matches:
            return None, False
        return self._most_recent(matches, position), len(matches) > 1

    @staticmethod
    def _most_recent(persons: list[_Person], position: int) -> _Person:
        def recency(person: _Person) -> tuple[int, int]:
            before = [p for p in person.positions if p <= position]
            if before:
                return 1, max(before)
            return 0, -min(person.positions, default=0)

        return max(persons, key=recency)

    # noun phrases ----------------------------------------------------------------------------------

    def _mentions(
        self, start: int, end: int, *, narration_only: bool, quotes: Sequence[_Quote] = ()
    ) -> list[_Mention]:
        """Names, roles and pronouns in ``text[start:end]`` (outside quotes when ``narration_only``)."""
        found: list[_Mention] = []
        for match in _MENTION.finditer(self.text, start, end):
            mention = self._mention(match, start)
            if mention is not None:
                found.append(mention)
        found = self._join_org_names(found)
        for match in _PRONOUN.finditer(self.text, start, end):
            phrase = _NounPhrase(kind="pronoun", words=[match.group().lower()])
            found.append(_Mention(match.start(), match.end(), match.start(), match.group(), phrase, False))
        if narration_only:
            found = [m for m in found if not any(q.mark_start <= m.start < q.mark_end for q in quotes)]
        return sorted(found, key=lambda m: m.start)

    def _join_org_names(self, mentions: list[_Mention]) -> list[_Mention]:
        """Merge "Department for Education" into one organisation, then "a spokeswoman for the Royal
        College of Nursing" into one speaker named "Royal College of Nursing spokeswoman"."""
        return self._join(self._join(mentions, self._org_name), self._spokes_for)

    def _join(
        self, mentions: list[_Mention], rule: Callable[[_Mention, str, _Mention], _NounPhrase | None]
    ) -> list[_Mention]:
        """Merge each mention into the one before it when ``rule`` gives a phrase for the pair."""
        joined: list[_Mention] = []
        for mention in mentions:
            left = joined[-1] if joined else None
            phrase = None
            if left is not None and not left.possessive:
                phrase = rule(left, self.text[left.end : mention.start], mention)
            if phrase is None:
                joined.append(mention)
                continue
            text = self.text[left.start : mention.end]
            joined[-1] = _Mention(left.start, mention.end, left.outer, text, phrase, mention.possessive)
        return joined

    def _org_name(self, left: _Mention, gap: str, right: _Mention) -> _NounPhrase | None:
        if not (_ORG_NAME_LINK.fullmatch(gap) and left.phrase.kind == "org" and right.text[:1].isupper()):
            return None
        if left.phrase.words[-1].lower() not in ORG_WORDS:
            return None
        if right.phrase.kind == "person" and (right.phrase.titles or right.phrase.strong):
            return None  # "Bank of England Governor Andrew Bailey": a titled person follows
        words = [*left.phrase.words, gap.strip(), *_POSSESSIVE.sub("", right.text).split()]
        return _NounPhrase("org", words, nations=left.phrase.nations)

    @staticmethod
    def _spokes_for(left: _Mention, gap: str, right: _Mention) -> _NounPhrase | None:
        if not (_SPOKES_FOR.fullmatch(gap) and left.phrase.kind == "entity" and right.phrase.kind == "org"):
            return None
        head = left.phrase.words[-1]
        if head.lower() not in SPOKES_HEADS:
            return None
        words = [*right.phrase.words, head]
        return _NounPhrase("entity", words, nations=left.phrase.nations, gender=left.phrase.gender)

    def _mention(self, match: re.Match[str], floor: int) -> _Mention | None:
        det = match.group("det")
        words = [(w.group(), match.start("np") + w.start()) for w in _WORD.finditer(match.group("np"))]
        first_at = match.start("det") if det else words[0][1]
        if det is None and not self._keep_initial(words, first_at, floor):
            words = words[1:]
        while words and words[0][0].lower() in NON_NAMES:
            words = words[1:]
            det = None
        if not words:
            return None
        last, last_at = words[-1]
        bare = _POSSESSIVE.sub("", last)
        possessive = bare != last and last[-1] in "s’'" and bool(bare)
        if possessive:
            words[-1] = (bare, last_at)
        phrase = _parse_phrase(det, [w for w, _ in words])
        if phrase is None:
            return None
        start = match.start("det") if det else words[0][1]
        end = words[-1][1] + len(words[-1][0])
        return _Mention(start, end, match.start(), self.text[start:end], phrase, possessive)

    def _keep_initial(self, words: list[tuple[str, int]], position: int, floor: int) -> bool:
        """Whether a capitalised word opening a sentence is part of a name ("Boris") or not ("Reports")."""
        word = words[0][0]
        if not self._sentence_initial(position, floor) or not word[0].isupper():
            return True
        lower = _POSSESSIVE.sub("", word).lower().rstrip(".")
        if lower in COMMON_OPENERS:
            return False
        if lower in HONORIFICS or lower in TITLE_WORDS or lower in FIRST_NAMES or lower in NATIONS or lower in PLACES:
            return True
        if _POSSESSIVE.sub("", word) in self.proper_words or (word.isupper() and len(word) > 1):
            return True
        if lower in self.lower_words:
            return False
        followed_by_name = len(words) > 1 and words[1][0][0].isupper()
        return followed_by_name or not _COMMON_ENDING.search(lower)

    # resolution ------------------------------------------------------------------------------------

    def _resolve(self, mention: _Mention, *, as_speaker: bool) -> _Who | None:
        """The speaker(s) a mention refers to at its place in the article."""
        phrase, position, text = mention.phrase, mention.start, mention.text
        if phrase.kind == "pronoun":
            return self._resolve_pronoun(phrase.words[0], text)
        if phrase.kind == "person":
            person, ambiguous = self._lookup(phrase.words, position)
            if person is None and (phrase.strong or as_speaker):
                person, ambiguous = self._add_person(phrase, position), False
            if person is None:
                return None
            return _Who((person.name,), text, ambiguous, person.gender)
        if phrase.kind == "role":
            return self._resolve_role(phrase, position, text)
        if phrase.kind == "orgref":
            return self._resolve_org_noun(phrase, position, text)
        if phrase.kind == "joint":
            return self._resolve_joint(phrase.count, position, text)
        name = " ".join(phrase.words)
        if phrase.kind == "entity":
            head = phrase.words[-1].lower()
            self.entities.append((name, head, position, phrase.gender))
            return _Who((name,), text, False, phrase.gender, "entity")
        if phrase.kind == "unresolved":
            return _Who((name,), text, True, phrase.gender, "entity")
        return _Who((name,), text, False, None, phrase.kind)

    def _resolve_pronoun(self, pronoun: str, text: str) -> _Who:
        if pronoun == "they":
            if self.last_group is not None:
                return _Who(self.last_group.speakers, text, self.last_group.uncertain, None, "joint")
            return _Who((), text, True, None, "joint")
        gender = PRONOUN_GENDER[pronoun]
        candidates = [w for w in reversed(self.focus) if w.kind in {"person", "entity"} and len(w.speakers) == 1]
        for index, who in enumerate(candidates):
            if who.gender in (None, gender):
                rivals = {c.speakers for c in candidates[index + 1 : index + 3] if c.gender in (None, gender)}
                unsure = who.gender is None and bool(rivals - {who.speakers})
                return _Who(who.speakers, text, unsure or who.uncertain, who.gender, who.kind)
        return _Who((), text, True, gender)

    def _resolve_role(self, phrase: _NounPhrase, position: int, text: str) -> _Who:
        """"the Prime Minister" -> the person named with that title (nationality must not clash)."""
        entity = self._resolve_entity(phrase, position)
        if entity is not None:
            return _Who((entity[0],), text, False, entity[3], "entity")
        wanted = phrase.titles - {"former", "senior", "top"}

        def fits(person: _Person) -> bool:
            if wanted & {"leader"}:
                titles_ok = bool(person.titles & LEADER_TITLES)
            else:
                titles_ok = bool(wanted) and wanted <= person.titles
            return titles_ok and (not phrase.nations or not person.nations or phrase.nations <= person.nations)

        candidates = [p for p in self.persons if fits(p)]
        if phrase.nations:
            exact = [p for p in candidates if phrase.nations <= p.nations]
            candidates = exact or candidates
        if not candidates:
            return _Who((" ".join(phrase.words),), text, True, phrase.gender, "entity")
        person = self._most_recent(candidates, position)
        return _Who((person.name,), text, len(candidates) > 1, person.gender)

    def _resolve_entity(self, phrase: _NounPhrase, position: int) -> tuple[str, str, int, str | None] | None:
        """"the spokesman" / "the official" -> the latest unnamed speaker with that head noun."""
        head = phrase.words[-1].lower()
        if head not in SPOKES_HEADS:
            return None
        earlier = [e for e in self.entities if e[1] == head and e[2] <= position]
        return earlier[-1] if earlier else None

    def _resolve_org_noun(self, phrase: _NounPhrase, position: int, text: str) -> _Who | None:
        """"the company" / "the trust" -> the latest organisation of that kind named earlier, else nobody;
        uncertain when several earlier organisations are of that kind."""
        kinds = ORG_NOUNS[phrase.words[-1].lower()]
        earlier = [(at, name) for name, org_kinds, at in self.orgs if org_kinds & kinds and at < position]
        if not earlier:
            return None
        name = max(earlier)[1]
        return _Who((name,), text, len({n for _, n in earlier}) > 1, None, "org")

    def _resolve_joint(self, count: int, position: int, text: str) -> _Who:
        """"the two leaders" -> the last ``count`` people named before this point."""
        latest: list[tuple[int, _Person]] = []
        for person in self.persons:
            before = [p for p in person.positions if p < position]
            if before:
                latest.append((max(before), person))
        chosen = sorted(latest, key=lambda item: item[0])[-count:]
        who = _Who(tuple(p.name for _, p in chosen), text, len(chosen) < count, None, "joint")
        return who

    # pass 2 ----------------------------------------------------------------------------------------

    def run(self) -> list[Statement]:
        statements: list[Statement] = []
        open_who: _Who | None = None  # speaker of a quote left open at the end of the last paragraph
        last_direct: _Who | None = None  # speaker of the last quote of the last paragraph
        transcript: _Who | None = None
        for paragraph in self.paragraphs:
            if paragraph.role == "headline":
                continue
            label = self._label(paragraph)
            if label is not None:
                who, start = label
                transcript = who
                statements.extend(self._whole_paragraph(paragraph, start, who))
                open_who = last_direct = None
                continue
            if paragraph.role == "subheading":
                transcript = open_who = last_direct = None
                continue
            if transcript is not None and paragraph.role == "body":
                statements.extend(self._whole_paragraph(paragraph, paragraph.start, transcript))
                continue
            found, paragraph_open, paragraph_last = self._paragraph(paragraph, open_who, last_direct)
            statements.extend(found)
            if paragraph.role != "caption":
                open_who, last_direct = paragraph_open, paragraph_last
        statements.sort(key=lambda s: (s.start, s.end))
        return statements

    def _paragraph(
        self, paragraph: Paragraph, open_who: _Who | None, last_direct: _Who | None
    ) -> tuple[list[Statement], _Who | None, _Who | None]:
        """Statements of one paragraph, plus who holds a quote left open and who spoke last."""
        quotes = _find_quotes(self.text, paragraph.start, paragraph.end)
        statements: list[Statement] = []
        still_open: _Who | None = None
        last: _Who | None = None
        caption = paragraph.role == "caption"
        for unit in _units(self.text, paragraph, quotes):
            unit_quotes = [q for q in quotes if unit.start <= q.mark_start < unit.end]
            events = self._events(unit, unit_quotes, remember=not caption)
            for quote in unit_quotes:
                who = self._quote_speaker(quote, unit, events, paragraph, open_who, last_direct, last)
                if who is None:
                    continue
                statements.extend(self._statements(paragraph, quote.start, quote.end, who, "direct"))
                last = who
                still_open = who if not quote.closed else None
            for event in events:
                span = self._reported_span(event, unit, unit_quotes, caption)
                if span is not None:
                    statements.extend(self._statements(paragraph, span.start, span.end, event.who, "reported"))
        return statements, still_open, last

    def _events(self, unit: Span, quotes: list[_Quote], *, remember: bool) -> list[_Event]:
        """Speech verbs of a sentence with their speakers; updates who is in focus as it goes."""
        mentions = self._mentions(unit.start, unit.end, narration_only=True, quotes=quotes)
        verbs = [v for v in _SPEECH_VERB.finditer(self.text, unit.start, unit.end)
                 if not any(q.mark_start <= v.start() < q.mark_end for q in quotes)]
        items: list[tuple[int, int, _Mention | re.Match[str]]] = [(m.start, 0, m) for m in mentions]
        items += [(v.start(), 1, v) for v in verbs]
        events: list[_Event] = []
        subject: _Who | None = None
        for _, _, item in sorted(items, key=lambda i: (i[0], i[1])):
            if isinstance(item, _Mention):
                subject_like = self._subject_like(item, mentions, unit.start)
                item.who = item.who or self._resolve(item, as_speaker=self._before_verb(item, verbs))
                if item.who is not None and subject_like and not item.possessive:
                    subject = subject or item.who
                    if remember:
                        self._remember(item.who)
                continue
            event = self._event(item, unit, mentions, events, subject)
            if event is not None:
                events.append(event)
                if remember:
                    self._remember(event.who)
        for index, event in enumerate(events):
            if event.content_start is not None and event.content_end is None:
                following = next((e for e in events[index + 1 :] if self._ends_clause(e, quotes)), None)
                event.content_end = following.clause_start if following else unit.end
        return events

    def _ends_clause(self, event: _Event, quotes: list[_Quote]) -> bool:
        """A later speech verb ends a reported clause, except a quote-only verb with no quote after it:
        "X said that she had asked for a meeting" keeps "she had asked for a meeting" whole."""
        word = self.text[event.verb_start : event.verb_end].lower()
        return word not in QUOTE_ONLY_VERBS or any(q.mark_start >= event.verb_end for q in quotes)

    def _remember(self, who: _Who) -> None:
        if not who.speakers:
            return
        if len(who.speakers) > 1 or who.kind in {"group", "joint"}:
            self.last_group = who
            return
        self.focus.append(who)

    def _before_verb(self, mention: _Mention, verbs: list[re.Match[str]]) -> bool:
        return any(_AUX_GAP.fullmatch(self.text, mention.end, v.start()) for v in verbs if v.start() >= mention.end)

    def _subject_like(self, mention: _Mention, mentions: list[_Mention], floor: int) -> bool:
        """A name opening a clause (not the object of a preposition or verb): a candidate for "he"."""
        before = self.text[floor : mention.outer].rstrip()
        if not before or before[-1] in ",;:(—–":
            return True
        last_word = before.split()[-1].lower()
        if last_word == "and":
            previous = [m for m in mentions if m.end <= mention.outer and re.fullmatch(
                r"\s+and\s+", self.text[m.end : mention.outer])]
            return not previous or self._subject_like(previous[-1], mentions, floor)
        return last_word in CLAUSE_OPENERS

    def _event(
        self, verb: re.Match[str], unit: Span, mentions: list[_Mention], events: list[_Event], subject: _Who | None
    ) -> _Event | None:
        """The speaker and clause of one speech verb, or None when no speaker can be found."""
        word = verb.group().lower()
        start, end = verb.start(), verb.end()
        if word == ACCORDING_TO:
            return self._according_to(verb, unit, mentions)
        quote_only = word in QUOTE_ONLY_VERBS
        for mention in reversed([m for m in mentions if m.end <= start]):
            if not _AUX_GAP.fullmatch(self.text, mention.end, start):
                continue  # a name inside an appositive ("..., who lives on Old Quay, told"): look further back
            if mention.possessive:
                break
            if self._after_preposition(mention, unit.start) or mention.who is None:
                break
            if word in BASE_FORMS and not self._bare_verb_ok(mention, start):
                break
            who = self._compound(mention, mentions, unit.start) or mention.who
            after_quote = self._after_closing_quote(mention.outer, unit.start)
            event = _Event(start, end, mention.start, who)
            if not (quote_only or after_quote):
                self._set_content(event, word, unit)
            return event
        if word in BASE_FORMS:
            return None
        if _PARTICIPLE_LEAD.search(self.text, unit.start, start) and not self._mention_just_before(start, mentions):
            lead = _PARTICIPLE_LEAD.search(self.text, unit.start, start)
            who = events[-1].who if events else subject
            if who is None:
                return None
            event = _Event(start, end, lead.start(), who)
            if not quote_only:
                self._set_content(event, word, unit)
            return event
        if self._after_closing_quote(start, unit.start):
            follower = self._follower(end, mentions)
            if follower is not None and follower.who is not None:
                return _Event(start, end, start, follower.who)
        return None

    def _follower(self, position: int, mentions: list[_Mention]) -> _Mention | None:
        """The mention right after a verb ("said Mr Reed", "according to X"), resolved ahead of its turn."""
        after = (m for m in mentions if m.start >= position and not self.text[position : m.start].strip())
        follower = next(after, None)
        if follower is not None and follower.who is None:
            follower.who = self._resolve(follower, as_speaker=True)
        return follower

    def _bare_verb_ok(self, mention: _Mention, verb_start: int) -> bool:
        """"did say", "will tell", "officials say", "they say" are speech; "state banks" is not."""
        gap = {w.lower() for w in self.text[mention.end : verb_start].split()}
        plural = mention.phrase.kind in {"group", "joint"} or mention.phrase.words == ["they"]
        return bool(gap & MODALS) or plural

    def _mention_just_before(self, position: int, mentions: list[_Mention]) -> bool:
        return any(_AUX_GAP.fullmatch(self.text, m.end, position) for m in mentions if m.end <= position)

    def _compound(self, mention: _Mention, mentions: list[_Mention], floor: int) -> _Who | None:
        """"Biden and Johnson said": both are speakers."""
        earlier = [m for m in mentions if m.end <= mention.outer]
        if not earlier or not re.fullmatch(r"\s+and\s+", self.text[earlier[-1].end : mention.outer]):
            return None
        first = earlier[-1]
        if first.who is None or not first.who.speakers or first.possessive or self._after_preposition(first, floor):
            return None
        speakers = tuple(dict.fromkeys(first.who.speakers + mention.who.speakers))
        text = self.text[first.start : mention.end]
        return _Who(speakers, text, first.who.uncertain or mention.who.uncertain, None, "joint")

    def _after_preposition(self, mention: _Mention, floor: int) -> bool:
        before = self.text[floor : mention.outer].split()
        return bool(before) and before[-1].lower() in PREPOSITIONS

    def _after_closing_quote(self, position: int, floor: int) -> bool:
        before = self.text[floor:position].rstrip(" \t,;—–-")
        return before.endswith(("”", '"'))

    def _according_to(self, verb: re.Match[str], unit: Span, mentions: list[_Mention]) -> _Event | None:
        """"..., according to X" / "According to X, ...": the rest of the sentence is X's."""
        follower = self._follower(verb.end(), mentions)
        if follower is None or follower.who is None or self._modifies_noun(follower):
            return None
        event = _Event(verb.start(), verb.end(), verb.start(), follower.who)
        lead = self.text[unit.start : verb.start()].strip(" \t,")
        if not lead or lead.lower() in {"but", "however", "and"}:
            tail = _LEAD_PUNCT.match(self.text, follower.end)
            event.content_start = tail.end() if tail else follower.end
            event.content_end = unit.end
        else:
            event.content_start, event.content_end = unit.start, verb.start()
        return event

    def _modifies_noun(self, mention: _Mention) -> bool:
        """"according to official figures": a lower-case role word followed by a noun is an adjective."""
        following = _LETTER_WORD.match(self.text, mention.end + 1)
        return (
            mention.text[-1:].islower() and self.text[mention.end : mention.end + 1] == " " and following is not None
            and following.group()[0].islower() and following.group().lower() not in PREPOSITIONS | CLAUSE_OPENERS
        )

    def _set_content(self, event: _Event, verb: str, unit: Span) -> None:
        """Where the reported clause starts: after "that", a colon, or the object of "told"."""
        window_end = min(unit.end, event.verb_end + 160)
        that = _THAT.search(self.text, event.verb_end, window_end)
        if that is not None:
            gap = self.text[event.verb_end : that.start()]
            if not re.search(r"[,:;“”\"]", gap) and len(gap.split()) <= 8:
                event.content_start = that.end()
                return
        punct = _LEAD_PUNCT.match(self.text, event.verb_end, window_end)
        if punct is not None and self.text[event.verb_end : punct.end()].strip():
            event.content_start = punct.end()
            return
        if verb in TELL_VERBS:
            obj = _TELL_OBJECT.match(self.text, event.verb_end, window_end)
            if obj is not None:
                event.content_start = obj.end()
                event.introduced = ":" in obj.group() or "," in obj.group()
                return
        event.content_start = event.verb_end
        event.introduced = False

    def _reported_span(self, event: _Event, unit: Span, quotes: list[_Quote], caption: bool) -> Span | None:
        """The reported clause of an event, or None when it is empty, too short or holds a quote."""
        if event.content_start is None or event.content_end is None:
            return None
        start, end = event.content_start, event.content_end
        clause = self.text[start:end]
        if caption:
            clause = _CAPTION_CREDIT.sub("", clause)
        end = start + len(clause)
        start, end = _trim_clause(self.text, start, end)
        if any(q.mark_start < end and start < q.mark_end for q in quotes):
            return None
        words = self.text[start:end].split()
        if len(words) < MIN_REPORTED_WORDS:
            return None
        if not event.introduced and words[0].lower() in PREPOSITIONS | AUXILIARIES:
            return None
        return Span(start, end)

    def _quote_speaker(
        self, quote: _Quote, unit: Span, events: list[_Event], paragraph: Paragraph,
        open_who: _Who | None, last_direct: _Who | None, paragraph_speaker: _Who | None = None,
    ) -> _Who | None:
        """Who a quote belongs to: an adjacent attribution, the verb before it, or the speaker carried over.

        A quote opening a sentence after “...,” he said. in the same paragraph goes on with that speaker.
        """
        opens_unit = not self.text[unit.start : quote.mark_start].strip()
        following = next((e for e in events if e.clause_start >= quote.mark_end
                          and _ADJACENT.fullmatch(self.text, quote.mark_end, e.clause_start)), None)
        preceding = next((e for e in reversed(events) if e.verb_end <= quote.mark_start), None)
        if opens_unit and following is not None:
            return following.who
        if preceding is not None:
            return preceding.who
        if following is not None:
            return following.who
        if quote.mark_start == paragraph.start:
            if open_who is not None:
                return open_who
            if last_direct is not None:
                return _Who(last_direct.speakers, last_direct.mention, True, last_direct.gender, last_direct.kind)
        if opens_unit and paragraph_speaker is not None and paragraph_speaker.speakers:
            return paragraph_speaker
        if len(self.text[quote.start : quote.end].split()) <= SCARE_QUOTE_MAX_WORDS:
            return None
        return _Who((), None, True)

    # transcripts -----------------------------------------------------------------------------------

    def _label(self, paragraph: Paragraph) -> tuple[_Who, int] | None:
        """A transcript label ("STOLTENBERG:", "Q:") opening the paragraph, with where the words start."""
        if paragraph.role not in {"body", "subheading"}:
            return None
        match = _LABEL.match(self.text, paragraph.start, paragraph.end)
        if match is None:
            return None
        label = match.group("label")
        if label in INTERVIEWER_LABELS:
            return _Who((INTERVIEWER,), label), match.end()
        if label == "A":
            if self.last_guest is not None:
                return _Who((self.last_guest,), label), match.end()
            people = [w for w in reversed(self.focus) if w.kind == "person" and w.speakers]
            speakers = people[0].speakers if people else ()
            return _Who(speakers, label, True), match.end()
        if label.upper() in EXCLUDED_LABELS:
            return None
        words = [w for w in label.split() if w.lower().rstrip(".") not in HONORIFICS]
        person, ambiguous = self._lookup(words, paragraph.start) if words else (None, False)
        if person is None and not (label.isupper() and len(label) > 1):
            return None
        name = person.name if person is not None else " ".join(w.capitalize() for w in words)
        self.last_guest = name
        who = _Who((name,), label, ambiguous, person.gender if person else None)
        self.focus.append(who)
        return who, match.end()

    def _whole_paragraph(self, paragraph: Paragraph, start: int, who: _Who) -> list[Statement]:
        start, end = _trim_quote_marks(self.text, start, paragraph.end)
        if end <= start:
            return []
        return self._statements(paragraph, start, end, who, "direct")

    # output ----------------------------------------------------------------------------------------

    def _statements(
        self, paragraph: Paragraph, start: int, end: int, who: _Who, kind: StatementKind
    ) -> list[Statement]:
        """One statement per speaker (a joint statement is everyone's)."""
        start, end = _trim_space(self.text, start, end)
        if end <= start:
            return []
        speakers: tuple[str | None, ...] = who.speakers or (None,)
        return [
            Statement(
                doc_id=self.article.doc_id,
                title=self.article.title,
                text=self.text[start:end],
                start=start,
                end=end,
                speaker=speaker,
                kind=kind,
                paragraph=paragraph.index,
                mention=who.mention,
                is_caption=paragraph.role == "caption",
                uncertain=who.uncertain or speaker is None,
            )
            for speaker in speakers
        ]


# --- helpers --------------------------------------------------------------------------------------


def _parse_phrase(det: str | None, words: list[str]) -> _NounPhrase | None:
    """Classify a noun phrase: a person's name, a role, a spokesperson, an organisation or a group."""
    lowered = [w.lower().rstrip(".") for w in words]
    det_lower = det.lower() if det else None
    nations = {NATIONS[w] for w in lowered if w in NATIONS}
    gender = next((HONORIFICS[w] for w in lowered if HONORIFICS.get(w)), None)
    gender = gender or next((GENDERED_HEADS[w] for w in lowered if w in GENDERED_HEADS), None)
    count = NUMBER_WORDS.get(det_lower or "", 0) or next((NUMBER_WORDS[w] for w in lowered if w in NUMBER_WORDS), 0)
    if lowered[-1] in ORG_NOUNS and all(w[0].islower() for w in words):
        if det_lower == "the":
            return _NounPhrase("orgref", words)  # "the company", "the finance department"
        if not set(lowered) <= LOWER_MODIFIERS | ROLE_HEADS | GROUP_HEADS:
            return None  # "a group", "company": a kind of organisation names nobody
    if lowered[-1] in GROUP_HEADS:
        if count:
            return _NounPhrase("joint", words, nations=nations, count=count)
        if len(words) == 1 and det_lower is None:
            return None
        return _NounPhrase("group", words, nations=nations)
    head_size = 2 if " ".join(lowered[-2:]) in TWO_WORD_HEADS and len(words) > 1 else int(lowered[-1] in ROLE_HEADS)
    if head_size:
        return _role_phrase(det_lower, words, lowered, head_size, nations, gender)
    split = 0
    while split < len(words) and (
        lowered[split] in TITLE_WORDS or lowered[split] in HONORIFICS or lowered[split] in NATIONS
        or lowered[split] in LOWER_MODIFIERS or words[split][0].islower()
    ):
        split += 1
    split += _last_title_within(lowered[split:])
    prefix, name = lowered[:split], words[split:]
    if not name and det is None and all(w[0].islower() for w in words):
        return None  # "defence", "senior": a lone lower-case modifier names nobody
    if not name:
        if any(w in TITLE_WORDS and w not in NATIONS for w in prefix):
            return _role_phrase(det_lower, words, lowered, len(words), nations, gender)
        return _NounPhrase("org", words, nations=nations)
    name_lower = {w.lower() for w in name}
    if name_lower & ORG_WORDS or (len(name) == 1 and name[0].lower() in PLACES) or name[0].lower() in NATIONS:
        return _NounPhrase("org", words, nations=nations)
    titled = any(w in TITLE_WORDS or w in HONORIFICS for w in prefix)
    first_name = FIRST_NAMES.get(name[0].lower()) if len(name) > 1 else None
    return _NounPhrase(
        "person", name, titles={w for w in prefix if w in TITLE_WORDS}, nations=nations,
        gender=gender or first_name, strong=titled or first_name is not None,
    )


def _last_title_within(lowered: list[str]) -> int:
    """How many leading words of a capitalised run are a role: "Veteran MP Joanne Reddy" -> 2, so the name
    starts after the last title word that still leaves a name behind."""
    titles = [i for i, w in enumerate(lowered[:-1]) if w in TITLE_WORDS or w in HONORIFICS]
    return titles[-1] + 1 if titles else 0


def _role_phrase(
    det: str | None, words: list[str], lowered: list[str], head_size: int, nations: set[str], gender: str | None
) -> _NounPhrase | None:
    """"the Russian leader" (resolve to a person), "a Foreign Office spokesman" (a speaker of its own)."""
    modifiers, head = words[:-head_size], lowered[-1]
    generic = TITLE_WORDS | set(NATIONS) | set(HONORIFICS)
    named_org = [w for w in modifiers if w[0].isupper() and w.lower() not in generic]
    lower_mods = [w for w in modifiers if w[0].islower() and w.lower() not in NUMBER_WORDS]
    if head in SPOKES_HEADS and (det in {"a", "an"} or named_org or lower_mods or det is None):
        return _NounPhrase("entity", words, nations=nations, gender=gender)
    if det is None and words[-1][0].islower():
        return _NounPhrase("unresolved", words, nations=nations, gender=gender)
    titles = {w for w in lowered if w in TITLE_WORDS}
    return _NounPhrase("role", words, titles=titles, nations=nations, gender=gender)


def _find_quotes(text: str, start: int, end: int) -> list[_Quote]:
    """Double-quoted spans of a paragraph; a quote still open at the end runs to the paragraph end."""
    quotes: list[_Quote] = []
    opened: int | None = None
    for match in _QUOTE_MARK.finditer(text, start, end):
        mark, at = match.group(), match.start()
        if opened is None and mark in "“\"":
            opened = at
        elif opened is not None and mark in "”\"":
            quotes.append(_Quote(opened, opened + 1, at, at + 1, True))
            opened = None
    if opened is not None:
        quotes.append(_Quote(opened, opened + 1, end, end, False))
    return [q for q in quotes if text[q.start : q.end].strip()]


def _units(text: str, paragraph: Paragraph, quotes: list[_Quote]) -> list[Span]:
    """Sentences of a paragraph, merged so that no quote crosses a sentence boundary."""
    units: list[Span] = []
    for sentence in split_sentences(text, paragraph.start, paragraph.end):
        if units and any(q.mark_start < units[-1].end and q.mark_end > units[-1].end for q in quotes):
            units[-1] = Span(units[-1].start, sentence.end)
        else:
            units.append(sentence)
    return units


def _trim_space(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _trim_quote_marks(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = _trim_space(text, start, end)
    if end - start > 1 and text[start] in "“\"" and text[end - 1] in "”\"":
        start, end = _trim_space(text, start + 1, end - 1)
    return start, end


def _trim_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space, closing punctuation and dangling connectors ("..., however") from a clause."""
    while True:
        start, end = _trim_space(text, start, end)
        while end > start and text[end - 1] in ".,;:!?—–-":
            end -= 1
        start, end = _trim_space(text, start, end)
        last = re.search(r"(\w+)$", text[start:end])
        if last and last.group(1).lower() in TRAILING_CONNECTORS and end - len(last.group(1)) > start:
            end -= len(last.group(1))
            continue
        return start, end
