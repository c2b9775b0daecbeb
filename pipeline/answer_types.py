"""What kind of thing a question asks for, and where such things are in a sentence.

A question's answer type comes from its wh-phrase: "how many" wants a count, "when" a date, "who" a
person or organisation, "which country" a place, "what fine" a sum of money. Each type lists the
spaCy entity labels that answer it (``labels``) and the labels the small English model often gives
such things instead (``near``: it tags "Kupiansk" as an ORG and "Christie Dawes" as an ORG too), so a
near label is weaker evidence but not counter-evidence. What a sentence holds comes from
``pipeline.entities``; ``typed_entities`` says which of it could answer.

The answerer uses these to score sentences (a sentence without the asked-for kind of thing cannot
answer) and the short-answer component to pick the phrase that answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.attribution.vocabulary import (
    ARTICLES,
    COUNTRIES,
    DEMONSTRATIVES,
    MONTHS,
    POSSESSIVE_DETERMINERS,
    WEEKDAYS,
)
from pipeline.entities import Entity, entities
from pipeline.lexicon import stem, terms, words

NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                         "LANGUAGE"})
NUMBER_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME", "ORDINAL"})


@dataclass(frozen=True)
class AnswerType:
    """``kind`` is the coarse family the answerer's clause trimming knows (number, amount, measure, date, name,
    place, thing); ``labels`` answer the question, ``near`` are what the model often says instead."""

    name: str
    kind: str
    labels: frozenset[str]
    near: frozenset[str] = frozenset()
    # Labels among ``labels`` accepted only because the model mislabels the type ("Kupiansk" as ORG for a
    # place): an entity with a proper label of the type comes first ("Greenbelt" before "NASA" for "where").
    second_choice: frozenset[str] = frozenset()


def _type(name: str, kind: str, labels: str, near: str = "", second_choice: str = "") -> AnswerType:
    return AnswerType(name, kind, frozenset(labels.split()), frozenset(near.split()), frozenset(second_choice.split()))


PERSON = _type("person", "name", "PERSON", "ORG NORP GPE")
WHO = _type("who", "name", "PERSON ORG NORP", "GPE FAC LOC PRODUCT WORK_OF_ART EVENT")
ORGANISATION = _type("organisation", "name", "ORG", "PERSON NORP GPE FAC LOC PRODUCT WORK_OF_ART EVENT")
TEAM = _type("team", "name", "ORG GPE NORP", "PERSON FAC LOC")
WORK = _type("work", "name", "WORK_OF_ART ORG PRODUCT EVENT", "PERSON NORP GPE FAC LOC LAW")
PLACE = _type("place", "place", "GPE LOC FAC ORG", "NORP", "ORG")  # the small model tags many towns and rivers ORG
# "Which country" and "which town" are both GPE to the recogniser; the list of countries tells them apart
# (``_of_other_scale``): "Finland" does not answer "In which town ...", nor "Helsinki" "In which country ...".
COUNTRY = _type("country", "place", "GPE LOC FAC ORG", "NORP", "ORG")
SETTLEMENT = _type("settlement", "place", "GPE LOC FAC ORG", "NORP", "ORG")
NATIONALITY = _type("nationality", "name", "NORP GPE", "LANGUAGE")
LANGUAGE = _type("language", "name", "LANGUAGE NORP", "")
DATE = _type("date", "date", "DATE", "TIME CARDINAL")
YEAR = _type("year", "date", "DATE", "CARDINAL")  # "In what year ...": a date that names a year (``_A_YEAR``)
TIME = _type("time", "date", "TIME", "CARDINAL DATE QUANTITY")
COUNT = _type("count", "number", "CARDINAL QUANTITY", "MONEY PERCENT DATE TIME ORDINAL")
PERIOD = _type("period", "measure", "DATE TIME QUANTITY", "CARDINAL")  # "how long": a time or a length
MONEY = _type("money", "amount", "MONEY", "CARDINAL QUANTITY")
PERCENT = _type("percent", "amount", "PERCENT", "CARDINAL QUANTITY")
AMOUNT = _type("amount", "amount", "MONEY PERCENT QUANTITY", "CARDINAL")
MEASURE = _type("measure", "measure", "QUANTITY MONEY PERCENT", "CARDINAL DATE TIME")  # "how big is the deficit"
AGE = _type("age", "number", "DATE CARDINAL", "QUANTITY")
ORDINAL = _type("ordinal", "number", "ORDINAL", "CARDINAL")
NAMED = _type("named", "name", "WORK_OF_ART ORG PRODUCT EVENT LAW FAC", "PERSON GPE LOC NORP")  # "what is X called"
# "What post does X hold?", "What is X's job title?": a title ("Secretary of Energy"), which no entity label names.
TITLE = _type("title", "title", "")
_TITLE_QUESTION = re.compile(
    r"\bwhat\s+(?:(?:is|was)\s+[^?]*?['’]s\s+(?:job\s+|official\s+)?(?P<own>title|job|post|position|role)\b"
    r"|(?:government\s+|official\s+|cabinet\s+)?(?P<held>post|position|job|title|role)\s+(?:does|did|do)\s+[^?]*?"
    r"\b(?:hold|have|occupy|fill)\b)",
    re.IGNORECASE)
# "What does the acronym PACE stand for?", "What is the full name of CAATSA?": the words the acronym spells
# (``pipeline.acronyms``), which no entity label names.
EXPANSION = _type("expansion", "expansion", "")
_EXPANSION_QUESTION = re.compile(
    r"(?i:\bwhat\s+(?:does|did|do)\s+(?:the\s+)?(?:acronym\s+|abbreviation\s+|initials\s+)?)(?P<stands>[A-Z][A-Z0-9]{1,9})"
    r"(?i:\s+(?:acronym\s+|abbreviation\s+)?stand\s+for)\b"
    r"|(?i:\b(?:full|complete)\s+name\s+(?:of|for)\s+(?:the\s+)?)(?P<named>[A-Z][A-Z0-9]{1,9})\b"
    r"|(?i:\bwhat\s+is\s+)(?P<short>[A-Z][A-Z0-9]{1,9})(?i:\s+short\s+for)\b"
)
# "What is the new national database called?": a name, whatever the noun.
_CALLED = re.compile(r"\b(?:called|named|known\s+as)\s*\??\s*$", re.IGNORECASE)

# "which <noun>" / "what <noun>": the noun says what kind of thing is wanted.
NOUN_TYPES: dict[str, AnswerType] = {}
for _nouns, _kind in (
    ("person man woman minister secretary president official leader player runner athlete journalist reporter "
     "correspondent host presenter director manager chief spokesperson spokesman spokeswoman ambassador author "
     "coach captain winner founder chairman chairwoman chair candidate scientist astronaut commander governor "
     "mayor senator lawmaker judge officer owner interviewer driver pilot doctor teacher student actor singer "
     "artist writer politician king queen prince princess employee worker victim suspect offender defendant "
     "prosecutor general premier chancellor envoy expert analyst economist researcher professor resident "
     "name mp mps mep legislator congressman congresswoman representative councillor councilor member oligarch "
     "nominee appointee survivor witness diplomat soldier pupil delegate lawyer attorney activist campaigner "
     "volunteer passenger veteran farmer gunman shooter attacker wife husband principal headteacher", PERSON),
    ("organisation organization company firm club body agency council party university college school court "
     "newspaper broadcaster network union bank ministry department institution institute charity authority "
     "government committee association league brand airline publisher business group movement faction militia "
     "alliance coalition laboratory lab bureau manufacturer regiment battalion brigade channel outlet",
     ORGANISATION),
    ("team side squad opponent rival", TEAM),
    ("programme program show series film movie book song album magazine play journal", WORK),
    ("region place location site island continent port neighbourhood neighborhood venue stadium airport base "
     "river lake sea ocean mountain street road peninsula bay border centre center hospital building bridge "
     "prison park courtroom camp coast valley", PLACE),
    ("country nation", COUNTRY),
    ("state city town village province county capital district borough municipality", SETTLEMENT),
    ("nationality", NATIONALITY),
    ("language", LANGUAGE),
    ("date day month week decade century season", DATE),
    ("year", YEAR),
    ("time hour", TIME),
    ("number score total figure count tally points population magnitude", COUNT),
    ("rate percentage proportion share chance likelihood probability", PERCENT),
    ("fine price cost sum salary wage fee bill compensation penalty bail value worth revenue profit budget",
     MONEY),
    ("amount", AMOUNT),
    ("distance length height depth width weight speed size", MEASURE),
    ("age", AGE),
    ("position rank", ORDINAL),
):
    for _noun in _nouns.split():
        NOUN_TYPES[_noun] = _kind
        NOUN_TYPES[_noun + "s"] = _kind
NOUN_TYPES.update({"people": PERSON, "men": PERSON, "women": PERSON, "countries": COUNTRY, "cities": SETTLEMENT,
                   "counties": SETTLEMENT, "municipalities": SETTLEMENT,
                   "companies": ORGANISATION, "parties": ORGANISATION, "bodies": ORGANISATION,
                   "authorities": ORGANISATION, "universities": ORGANISATION, "agencies": ORGANISATION})

# Units after "how many": "how many years" is a period, "how many pounds" money.
_PERIOD_UNITS = frozenset("years months weeks days hours minutes seconds decades".split())
_MONEY_UNITS = frozenset("pounds dollars euros pence cents".split())
_HOW = (
    ("how many", COUNT), ("how much", AMOUNT), ("how long", PERIOD), ("how old", AGE), ("how far", MEASURE),
    ("how big", MEASURE), ("how large", MEASURE), ("how tall", MEASURE), ("how wide", MEASURE),
    ("how deep", MEASURE), ("how high", MEASURE), ("how heavy", MEASURE), ("how fast", MEASURE),
    ("how soon", PERIOD),
)
_AUXILIARIES = frozenset("is was are were be been do does did has have had will would can could should may might "
                         "must shall".split())
_COPULAS = frozenset("is was are were".split())
# A wh-word counts where a question or clause starts: at the start, after a comma, or after prepositions
# ("In which country", "By how much", "For how long") or a hedge ("Roughly how many"); "the area where ..." is a
# relative clause.
_WH = re.compile(r"(?:^|[,;:]\s*|^(?:(?:\w+\s+){0,2}?)(?:in|on|at|by|for|from|to|with|since|until|of|after|before|"
                 r"during|under|into|about|and|but|so|then|roughly|approximately|around|nearly|almost|exactly|"
                 r"precisely|just)\s+)(how|what|which|who|whom|whose|when|where)\b",
                 re.IGNORECASE)
_WORD = re.compile(r"[\w’'.-]+")
# Scan at most this many words after "what"/"which" for the noun that names the kind of thing wanted.
NOUN_WINDOW = 5


def answer_type(question: str) -> AnswerType | None:
    """The kind of thing ``question`` asks for, or None ("What did she say?", "Why ...?")."""
    text = " ".join(question.strip().split())
    lower = text.lower()
    if asked_acronym(text) is not None:
        return EXPANSION
    match = _WH.search(text)
    if match is None:
        return None
    word = match.group(1).lower()
    rest = lower[match.end(1):].strip()
    if word == "how":
        phrase = "how " + rest.split(" ", 1)[0].strip("?,.") if rest else "how"
        for opener, kind in _HOW:
            if phrase == opener:
                following = rest.split()[1:2]
                unit = following[0].strip("?,.") if following else ""
                if kind is COUNT and unit in _PERIOD_UNITS:
                    return PERIOD
                if kind is COUNT and unit in _MONEY_UNITS:
                    return MONEY
                if kind is AMOUNT and unit == "money":
                    return MONEY
                return kind
        return None
    if word in ("who", "whom", "whose"):
        return WHO
    if word == "when":
        return DATE
    if word == "where":
        return PLACE
    if _TITLE_QUESTION.search(text):
        return TITLE
    return _noun_type(text[match.end(1):])


@lru_cache(maxsize=1_000)
def asked_acronym(question: str) -> str | None:
    """The acronym a question asks to spell out ("PACE" of "What does the acronym PACE stand for?"), or None."""
    found = _EXPANSION_QUESTION.search(question)
    return next((g for g in found.groups() if g), None) if found is not None else None


def _possessor(word: str) -> str | None:
    """The owner a possessive names ("company" of "company's", "countries" of "countries'"), else None."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith("s'") else None


def _modifies(word: str, following: str) -> bool:
    """Whether a type noun only modifies the type noun after it ("the total value", "which city council"); a
    plural is no modifier ("which three countries share": "share" is the verb)."""
    return word in NOUN_TYPES and following in NOUN_TYPES and not word.endswith("s")


def _noun_type(after: str) -> AnswerType | None:
    """The type named by the noun after "what"/"which": "which northeastern Ukrainian town" is a place; "what was
    David Weir's winning time" a time. A possessive is not the noun asked about ("the city's"), unless "which"
    asks whose it is ("Which company's plant is moving?")."""
    words = [w for w in (w.strip("?,.!;:\"“”") for w in _WORD.findall(after)) if w]
    copula = bool(words) and words[0].lower() in _COPULAS
    if copula:
        # "what was the rate ...": the noun is the subject after the verb
        words = words[1:]
    elif words and words[0].lower() in _AUXILIARIES:
        return None  # "what did the council decide": the thing asked for is not named
    else:
        cut = next((i for i, w in enumerate(words) if w.lower() in _AUXILIARIES), len(words))
        words = words[:cut]
    for index, word in enumerate(words[:NOUN_WINDOW]):
        lower = word.lower()
        owner = _possessor(lower)
        if owner is not None:
            if not copula:  # "Which company's plant ...", "which Ukrainian town's mayor": the owner is asked for
                return NOUN_TYPES.get(owner)
            continue
        if lower in ("of", "in", "on", "at", "for", "from", "to", "by", "with"):
            break
        if lower in ("name", "names") and index + 1 < len(words) and words[index + 1].lower() == "of":
            return _named_noun_type(words[index + 2 :])
        kind = NOUN_TYPES.get(lower)
        if _modifies(lower, words[index + 1].lower() if index + 1 < len(words) else ""):
            continue  # the second noun is the one asked about
        if kind is not None:
            return kind
        if lower.endswith("ed") and index > 0:
            break  # "Which MP introduced a bill": the verb ends the phrase; "bill" is its object, not the type
    if _CALLED.search(after):
        return NAMED  # "What is the new national database called?"
    return None


_DETERMINERS = ARTICLES | POSSESSIVE_DETERMINERS | DEMONSTRATIVES


def _named_noun_type(words: list[str]) -> AnswerType:
    """The type of "the name of <noun>": the noun's ("the name of the venue" is a place, "of Hightower's company" an
    organisation: the owner of a possessive is not the noun), else a person's, as "name" alone asks."""
    begun = False
    for index, word in enumerate(words[:NOUN_WINDOW]):
        lower = word.lower()
        if _possessor(lower) is not None:
            continue
        if lower in ("that", "who", "which", "where", "whose", "in", "on", "at", "for", "from", "to", "by", "with") \
                or (begun and lower in _DETERMINERS):
            break  # "the document the two sides agreed": a clause about the noun begins
        begun = begun or lower not in _DETERMINERS
        following = words[index + 1].lower() if index + 1 < len(words) else ""
        if lower in NOUN_TYPES and not _modifies(lower, following):
            return NOUN_TYPES[lower]
    return PERSON


# A date or number that names something definite: a digit, a number word, a month or day name.
_SPECIFIC = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                       r"fifty|hundred|thousand|million|billion|half|dozen|first|second|third|fourth|fifth|January|"
                       r"February|March|April|May|June|July|August|September|October|November|December|Monday|"
                       r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|spring|summer|autumn|winter|year|month|"
                       r"week|yesterday|today|tomorrow)", re.IGNORECASE)


# What answers "In what year": a year ("1976", "2014-15", "nineteen eighty-seven", "last year"), not "18 months".
_A_YEAR = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})s?\b|\b(?:this|last|next|that|the same|the following|the previous|"
                     r"the)\s+(?:year|decade)\b|\bnineteen[- ]\w+|\btwo thousand\b", re.IGNORECASE)
# A date that is no one's age ("Thirty five years ago", "May 2012"): it cannot answer "How old".
_NOT_AN_AGE = re.compile(r"\bago\b|\b(?:1[0-9]{3}|20[0-9]{2})\b|\b(?:"  # "May" left out: it is a modal as often
                         + "|".join(sorted((MONTHS - {"may"}) | WEEKDAYS)) + r"|today|yesterday|tomorrow|tonight)\b",
                         re.IGNORECASE)



def question_stems(question: str) -> frozenset[str]:
    """Every word of the question, stemmed, stopwords included ("US" in "the US embassy" is a name)."""
    return frozenset(stem(w) for w in words(question))


def _in_question(entity: Entity, asked: frozenset[str]) -> bool:
    """An entity whose every word is in the question is what was asked about, not the answer."""
    own = {stem(w) for w in words(entity.text)} - {"the", "a", "an", "of"}
    return bool(own) and all(any(same_stem(w, a) for a in asked) for w in own)


def typed_entities(
    sentence: str, kind: AnswerType, question: str
) -> tuple[list[Entity], list[Entity], list[Entity]]:
    """Entities of ``sentence`` that could answer: those with one of the type's labels, those with a near label,
    and those of the type's family that say nothing of it (weak), leaving out what the question already names."""
    strong, near, weak = [], [], []
    asked = question_stems(question)
    for entity in entities(sentence):
        if _in_question(entity, asked):
            continue
        if entity.label in kind.labels or entity.label in kind.near:
            vague = entity.label in NUMBER_LABELS and not _SPECIFIC.search(entity.text)
            adjective = entity.label == "NORP" and "NORP" not in kind.labels
            a_year = _A_YEAR.search(entity.text) is not None
            if vague or adjective or (kind is YEAR and not a_year) or (kind is AGE and _NOT_AN_AGE.search(entity.text)):
                weak.append(entity)  # "daily", "Ukrainian", "18 months" for a year: of the family but says nothing
            elif _of_other_scale(entity, kind):
                near.append(entity)  # "Finland" for "which town": a place, but not the one asked for
            elif entity.label in kind.labels or kind is YEAR:
                strong.append(entity)
            else:
                near.append(entity)
    return strong, near, weak


def _of_other_scale(entity: Entity, kind: AnswerType) -> bool:
    """A country where a town is asked for, or a place other than a country where a country is."""
    if kind is not COUNTRY and kind is not SETTLEMENT:
        return False
    name = entity.text.lower().strip(" ,")
    name = name.removeprefix("the ")
    country = name in COUNTRIES or name.rstrip(".") in COUNTRIES
    return country != (kind is COUNTRY)


# The words of a "how ..." question that only say what kind of thing is wanted: an answer never repeats them.
_HOW_WORDS = frozenset("many much long old far big large tall wide deep high heavy fast soon".split())


_EXPANSION_WORDS = frozenset("acronym abbreviation initials stand full complete name short".split())


def focus_words(question: str) -> set[str]:
    """The words that name the kind of thing asked for ("city" in "Which city ...", "old" in "How old ...",
    "name" in "What is the name of ..."): a sentence answers them with an entity, not by repeating them."""
    text = " ".join(question.strip().split())
    match = _WH.search(text)
    if match is None:
        return set()
    word = match.group(1).lower()
    after = [w.strip("?,.!;:\"“”").lower() for w in _WORD.findall(text[match.end(1):])]
    after = [w for w in after if w]
    if word == "how":
        return {after[0]} if after and after[0] in _HOW_WORDS else set()
    if asked_acronym(text) is not None:  # "stand for", "full name": the spelled-out words answer them
        return {w for w in after if w in _EXPANSION_WORDS}
    if word not in ("what", "which") or answer_type(question) is None:
        return set()
    title = _TITLE_QUESTION.search(text)
    if title is not None:
        return {w for w in ("job", (title.group("own") or title.group("held") or "").lower()) if w in after}
    copula = bool(after) and after[0] in _COPULAS
    if copula:
        after = after[1:]
    for index, lower in enumerate(after[:NOUN_WINDOW]):
        owner = _possessor(lower)
        if owner is not None and not copula and owner in NOUN_TYPES:
            return {owner}  # "Which company's plant": "company" is answered
        if lower in NOUN_TYPES and not _modifies(lower, after[index + 1] if index + 1 < len(after) else ""):
            return {lower}
    return set()


def counted_words(question: str) -> list[str]:
    """What "how many" counts: "How many Russian troops were deployed" → ["russian", "troops"]; without an
    auxiliary to end the phrase, its first word ("How many otters live ..." → ["otters"])."""
    match = re.search(r"\bhow many\s+(?:of\s+(?:the\s+)?)?(.*)", question, re.IGNORECASE)
    if match is None:
        return []
    words = [w.strip("?,.!;:\"“”").lower() for w in match.group(1).split()][:NOUN_WINDOW]
    cut = next((i for i, w in enumerate(words) if w in _AUXILIARIES), None)
    chosen = words[:cut] if cut is not None else words[:1]
    return [w for w in chosen if w and not w.endswith(("'s", "’s"))]


# "46 pupils", "the five mission specialists": how many words after a number the counted noun may come.
COUNT_WINDOW = 4
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def same_stem(term: str, word: str) -> bool:
    """Equal stems, or one a prefix of the other when both have five letters or more ("annex"/"annexation")."""
    return term == word or (min(len(term), len(word)) >= 5 and (term.startswith(word) or word.startswith(term)))


def counts(sentence: str, entity: Entity, counted: set[str]) -> bool:
    """Whether the number ``entity`` counts one of the ``counted`` stems (in it, or a few words after it)."""
    following = [stem(w.lower()) for w in _TOKEN.findall(sentence[entity.start :])]
    window = following[: len(entity.text.split()) + COUNT_WINDOW]
    return any(same_stem(t, w) for t in counted for w in window)


@lru_cache(maxsize=50_000)
def _stemmed_tokens(sentence: str) -> tuple[tuple[int, str], ...]:
    """Start offset and stem of every word of ``sentence`` (cached: the same sentences come back)."""
    return tuple((m.start(), stem(m.group().lower())) for m in _TOKEN.finditer(sentence))


@lru_cache(maxsize=1_000)
def _anchor_terms(question: str) -> frozenset[str]:
    """The question's content words that tie an entity to what is asked about. The word naming the kind of
    thing wanted ("university" in "At which university ...") is left out: the answer stands for it, and an
    entity beside another mention of it ("the university's Center for ...") is about something else."""
    focus = {t for w in focus_words(question) for t in terms(w)}
    return frozenset(t for t in terms(question) if t not in focus)


def word_distance(sentence: str, entity: Entity, question: str, others: tuple[Entity, ...] = ()) -> int:
    """Words between ``entity`` and the nearest content word of the question in ``sentence`` (10,000 when
    none); question words inside ``others`` (the other candidates: "UTC" of "19:45 UTC") are not context."""
    asked = _anchor_terms(question)
    tokens = _stemmed_tokens(sentence)
    inside = [i for i, (start, _) in enumerate(tokens) if entity.start <= start < entity.end]
    if not inside:
        return 10_000
    first, last = inside[0], inside[-1]
    best = 10_000
    for i, (start, word) in enumerate(tokens):
        if first <= i <= last or any(e.start <= start < e.end for e in others):
            continue
        if word in asked or (len(word) >= 5 and any(same_stem(t, word) for t in asked)):
            best = min(best, first - i if i < first else i - last)
    return best


_RELATIVE_CLAUSE = re.compile(r"\b(?:who|whom|whose|that|which)\b", re.IGNORECASE)
_RELATIONAL = re.compile(r"^what\s+(?:is|was|are|were)\s+the\s+([\w’'-]+)\s+of\s+(.+?)[?.!]*$", re.IGNORECASE)


def required_words(question: str) -> list[str]:
    """Words an answering sentence must itself contain for "What is the <noun> of <thing>?": the relation
    ("capital" of Belarus: a sentence naming some place near "Belarus" does not say what its capital is) or,
    for "the name of <someone>", who that someone is ("the Russian defence minister", not any minister)."""
    match = _RELATIONAL.match(" ".join(question.strip().split()))
    if match is None or match.group(1).lower() not in NOUN_TYPES:
        return []
    if match.group(1).lower() == "name":  # "the name of the student who carried out the shooting": the student
        return [w for w in terms(_RELATIVE_CLAUSE.split(match.group(2), maxsplit=1)[0])]
    return [w for w in terms(match.group(1))]
