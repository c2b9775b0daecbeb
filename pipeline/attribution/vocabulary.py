"""The one vocabulary of the engine: speech verbs, titles, roles, pronouns, organisations, stop words.

Attribution, the quote checker, the question router, speaker matching and the retrieval lexicon all
read their word lists from here, so what counts as "a speech verb" or "a title" never differs between
the module that finds a statement and the module that checks one.
"""

from __future__ import annotations

import re

# An agency's or panel's advice is its statement ("SAGE recommends a booster", "the CDC advises that") but,
# inside what someone else reports ("Cravioto said the group recommends ..."), it is part of that report.
ADVICE_VERBS = {"recommend", "recommends", "recommended", "recommending", "advise", "advises", "advised", "advising"}
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
    "predicted", "acknowledged", "revealed", "promised", "vowed", "continued", "urged", "urges", "noted",
    "expressed", "expresses", "reported",
    # verbs that take a "that" clause and are acts of speech in any house style ("Dombeck emphasized that ...")
    "emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised", "reiterate", "reiterates",
    "reiterated", "reaffirm", "reaffirms", "reaffirmed", "underscore", "underscores", "underscored", "assert",
    "asserts", "asserted", "contend", "contends", "contended", "concede", "concedes", "conceded", "cautioned",
    "remarked", "commented",  # "remarks", "cautions", "comments" are nouns as often as verbs
    "spoke", "speaks",
    "was like", "is like", "were like",  # the spoken quotative, only ever before a quote
    "reads",  # "The statement ... reads: “...”", the words of whoever it is from
} | ADVICE_VERBS
# The lemmas of those verbs, as the parser gives them.
SPEECH_LEMMAS = frozenset(
    """say tell claim warn call state indicate suggest insist accuse add agree explain argue announce confirm deny
    admit stress declare write tweet reply ask describe predict acknowledge reveal promise vow continue urge note
    express report emphasize emphasise reiterate reaffirm underscore assert contend concede caution
    remark recommend advise speak read comment""".split()
)
# Verbs of a public act of speech that take an object, not a clause: "Offord has praised the UK's exporters",
# "Salazar today outlined his vision for ...", "He called on donors to ...". A lede reports what its subject said
# this way, so the sentence is the statement. They count only with a subject the parser gives
# (the speaker must be who acts); "question" is left out ("police questioned two men" is no statement).
ACT_LEMMAS = frozenset(
    """praise applaud commend hail welcome congratulate thank criticise criticize condemn denounce reject outline
    unveil attribute blame encourage pledge""".split()
)
# Verbs that make a public statement of a predicate ("Churchill called the Battle of the Bulge the greatest American
# battle", "NASA calls the mission a success"): acts of speech when the parse gives them one (spaCy's "oprd").
ACT_PREDICATIVE_LEMMAS = frozenset({"call", "label", "brand", "dub"})
ACT_VERBS = {form for lemma in ACT_LEMMAS for form in (
    lemma + "s", lemma + "d" if lemma.endswith("e") else lemma + "ed",
    lemma[:-1] + "ing" if lemma.endswith("e") else lemma + "ing",
)} | {"called on", "calls on", "calling on", "called for", "calls for", "calling for", "set out", "sets out",
      "set forth", "sets forth"}
# "spoke of/about" stays out: it introduces what follows ("She spoke to our reporter about the summer.").
ACT_PARTICLES = {"call": {"on", "for"}, "set": {"out", "forth"}}
# What a page of one person's words is called: "Remarks by X", "X's Launch Day Message".
SPEECH_NOUNS = ("remarks", "speech", "address", "statement", "testimony", "keynote", "lecture", "eulogy", "message")
# What a transcript's headline calls the spoken event its header lines (date, time, place) belong to.
SPOKEN_EVENT_NOUNS = ("briefing", "remarks", "speech", "interview", "hearing", "address", "statement", "conference",
                      "gaggle", "testimony", "session", "transcript", "message", "roundtable", "town hall")
SPOKEN_EVENT = re.compile(r"\b(?:" + "|".join(SPOKEN_EVENT_NOUNS) + r")s?\b", re.IGNORECASE)
# Publishing notices over a release or a speech: they say how the page was issued, never a fact of the story.
PUBLISHING_NOTICES = ("embargoed until delivery", "embargoed until", "as prepared for delivery", "remarks as prepared",
                      "for immediate release", "office of the press secretary", "check against delivery")
# What carries an organisation's or a person's words in "according to a police statement", "according to a report
# by the Office for National Statistics": the words are the owner's.
CARRIER_NOUNS = ("statement", "briefing", "report", "release", "press release", "news release", "announcement",
                 "bulletin", "notice", "letter", "spokesman", "spokeswoman", "spokesperson")
# Present-tense speech verbs spelled like plural nouns ("The UNHCR reports ...", "news reports"; "the agency notes
# that ...", "his notes"): speech only where the parse reads a verb, with the subject it gives.
NOUN_LIKE_VERBS = {"reports", "report", "reporting", "notes", "comments", "cautions"}
# Verbs that introduce a quote but no reported clause ("called a Russian invasion “highly likely”").
QUOTE_ONLY_VERBS = {"call", "calls", "called", "calling", "asked", "asks", "describe", "describes", "described",
                    "describing", "was like", "is like", "were like",  # "Joe was like, “We need to ...”"
                    "spoke", "speaks",  # "Klinsmann spoke to reporters." then his quote
                    "reads"}  # "The statement, from X, reads: “...”"
TELL_VERBS = {"tell", "tells", "told", "telling"}
# A bare verb form is speech only after a modal ("did say") or with a plural subject ("officials say"):
# otherwise it is usually a noun or adjective ("state banks", "a call").
BASE_FORMS = {"say", "tell", "claim", "warn", "call", "state", "indicate", "suggest", "insist", "accuse", "add",
              "agree", "explain", "argue", "announce", "confirm", "deny", "admit", "stress", "declare", "describe"}
MODALS = {"did", "do", "does", "will", "would", "could", "should", "may", "might", "must", "can"}
ACCORDING_TO = "according to"

HONORIFICS = {"mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "mrs": "f", "ms": "f",
              "miss": "f", "dame": "f", "lady": "f", "queen": "f", "princess": "f", "dr": None, "prof": None,
              "professor": None}
TITLE_WORDS = {
    "president", "prime", "minister", "secretary", "general", "chancellor", "foreign", "defence", "defense",
    "home", "health", "deputy", "vice", "senator", "governor", "mayor", "pope", "ambassador", "chief",
    "head", "leader", "commander", "judge", "councillor", "cllr", "rev", "captain", "colonel", "director",
    "officer", "spokesman", "spokeswoman", "spokesperson", "premier", "envoy", "adviser", "advisor", "aide",
    "official", "state", "former", "senior", "top", "opposition", "labour", "conservative", "tory",
    "campaigner", "activist", "resident", "professor", "economist", "analyst", "expert", "author", "lawyer",
    "chairman", "chairwoman", "chair", "council", "finance", "police", "inspector", "superintendent",
    "executive", "mp", "mep", "msp", "administrator", "commissioner", "coordinator", "representative",
    "congressman", "congresswoman", "sheriff", "attorney", "lieutenant", "sergeant", "detective", "admiral",
    "marshal", "treasurer", "provost", "rector", "archbishop",
    # military ranks as military news abbreviates them ("Sgt. Tom Marciano", "1st Lt. Mike Kohn")
    "sgt", "lt", "capt", "col", "maj", "gen", "cpl", "pvt", "pfc", "spc", "cmdr", "adm", "brig", "airman", "seaman",
    "class",  # "Sgt. 1st Class Tuffield Latour"
    # civil titles as transcripts abbreviate them ("SEC. RUMSFELD:", "SEN. KENNEDY:", "GOV. RICHARDSON:")
    "sec", "sen", "rep", "gov", "amb", "supt", "insp", "det",
}
# What a minister or secretary is "of" or "for": "Secretary of Labor Hilda L. Solis", "Secretary of State for
# Education Jane Doe". Before a name, these words are the portfolio, not part of the name.
PORTFOLIOS = {
    "labor", "labour", "transportation", "transport", "commerce", "agriculture", "state", "defense", "defence",
    "energy", "education", "health", "interior", "justice", "treasury", "housing", "urban", "development",
    "veterans", "affairs", "homeland", "security", "human", "services", "environment", "culture", "media",
    "sport", "trade", "industry", "finance", "foreign", "home", "work", "pensions", "science", "technology",
    "navy", "army", "air", "force", "business", "digital", "employment", "immigration", "communities",
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
    "executive", "mp", "mep", "msp", "administrator", "commissioner", "coordinator", "chairman", "chairwoman",
    "coach", "manager",
}
# The head words of a title that answer "What post does X hold?" ("Secretary", "Counselor", "Chancellor").
TITLE_HEADS = ROLE_HEADS | {"counselor", "counsellor", "chancellor", "representative", "attorney", "treasurer"}
TWO_WORD_HEADS = {"prime minister", "secretary general", "foreign secretary", "foreign minister",
                  "defence secretary", "home secretary", "health secretary", "chief executive"}
GROUP_HEADS = {"leaders", "officials", "allies", "sources", "diplomats", "ministers", "analysts", "authorities",
               "aides", "spokespeople", "campaigners", "residents", "councillors", "police", "prosecutors",
               "investigators", "firefighters", "rescuers"}
# Groups that are one body in a news story, so that they speak without a determiner ("police said that ..."),
# where "officials said" names nobody in particular.
INSTITUTION_HEADS = {"police", "prosecutors", "investigators", "firefighters", "rescuers", "authorities"}
# A spokesperson-like head names a speaker of its own when the organisation is given.
SPOKES_HEADS = {"spokesman", "spokeswoman", "spokesperson", "official", "source", "aide", "adviser", "advisor",
                "diplomat", "officer", "director"}
# Who speaks for an organisation named before them ("GMB official", "NHS spokesperson"): the organisation speaks.
ORGANISATION_VOICES = ("official", "officials", "spokesman", "spokeswoman", "spokesperson", "representative", "source")
# Wire copy names the United Nations' agencies by what they do as often as by their acronym ("The U.N. refugee
# agency says ..." / "the UNHCR reports ..."): each description (with "U.N." and "United Nations" read as "un") is
# that agency.
UN_AGENCY_DESCRIPTIONS = {
    "un refugee agency": "UNHCR", "un high commissioner for refugees": "UNHCR",
    "un children's agency": "UNICEF", "un children's fund": "UNICEF", "un food agency": "WFP",
    "un food aid agency": "WFP", "un health agency": "WHO", "un nuclear watchdog": "IAEA",
    "un atomic watchdog": "IAEA", "un nuclear agency": "IAEA", "un migration agency": "IOM",
    "un humanitarian office": "OCHA", "un aid office": "OCHA", "un humanitarian agency": "OCHA",
    "un labour agency": "ILO", "un labor agency": "ILO", "un cultural agency": "UNESCO",
    "un population fund": "UNFPA", "un agency for palestinian refugees": "UNRWA", "un human rights office": "OHCHR",
    "un weather agency": "WMO", "un aviation agency": "ICAO", "un development programme": "UNDP",
    "un development program": "UNDP", "un environment programme": "UNEP", "un environment program": "UNEP",
    "un food and agriculture organization": "FAO", "un agriculture agency": "FAO",
}
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
    "force": {"police", "constabulary", "force"}, "service": {"service"}, "commission": {"commission"},
    "authority": {"authority"}, "association": {"association"}, "federation": {"federation"},
    "foundation": {"foundation"}, "institute": {"institute"}, "society": {"society"},
}
ORG_KIND_WORDS = set().union(*ORG_NOUNS.values())
# Head nouns of an organisation described rather than named ("The United Nations human rights office has said").
ORG_HEADS = frozenset(ORG_NOUNS) | {"office", "embassy", "mission", "bureau", "agencies"}
PLACES = {
    "russia", "ukraine", "us", "usa", "uk", "america", "britain", "china", "nato", "eu", "un", "kremlin",
    "moscow", "kyiv", "kiev", "washington", "london", "beijing", "germany", "france", "poland", "belarus",
    "europe", "west", "east", "crimea", "donbas", "lviv", "romania", "latvia", "lithuania", "estonia",
}
# The world's countries by the names news copy gives them, lower case: "which city" is not answered by a
# country, nor "which country" by a city (the recogniser tags both GPE).
COUNTRIES = frozenset({
    "afghanistan", "albania", "algeria", "andorra", "angola", "antigua and barbuda", "argentina", "armenia",
    "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium",
    "belize", "benin", "bhutan", "bolivia", "bosnia", "bosnia and herzegovina", "botswana", "brazil", "brunei",
    "bulgaria", "burkina faso", "burma", "burundi", "cambodia", "cameroon", "canada", "cape verde",
    "central african republic", "chad", "chile", "china", "colombia", "comoros", "congo", "costa rica",
    "croatia", "cuba", "cyprus", "czech republic", "czechia", "denmark", "djibouti", "dominica",
    "dominican republic", "east timor", "ecuador", "egypt", "el salvador", "equatorial guinea", "eritrea",
    "estonia", "eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia", "georgia", "germany",
    "ghana", "greece", "grenada", "guatemala", "guinea", "guinea-bissau", "guyana", "haiti", "honduras",
    "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "ivory coast",
    "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kiribati", "kosovo", "kuwait", "kyrgyzstan", "laos",
    "latvia", "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg",
    "madagascar", "malawi", "malaysia", "maldives", "mali", "malta", "marshall islands", "mauritania",
    "mauritius", "mexico", "micronesia", "moldova", "monaco", "mongolia", "montenegro", "morocco",
    "mozambique", "myanmar", "namibia", "nauru", "nepal", "netherlands", "holland", "new zealand",
    "nicaragua", "niger", "nigeria", "north korea", "north macedonia", "macedonia", "norway", "oman",
    "pakistan", "palau", "palestine", "panama", "papua new guinea", "paraguay", "peru", "philippines",
    "poland", "portugal", "qatar", "romania", "russia", "rwanda", "saint lucia", "samoa", "san marino",
    "saudi arabia", "senegal", "serbia", "seychelles", "sierra leone", "singapore", "slovakia", "slovenia",
    "solomon islands", "somalia", "south africa", "south korea", "korea", "south sudan", "spain",
    "sri lanka", "sudan", "suriname", "swaziland", "sweden", "switzerland", "syria", "taiwan", "tajikistan",
    "tanzania", "thailand", "togo", "tonga", "trinidad and tobago", "tunisia", "turkey", "türkiye",
    "turkmenistan", "tuvalu", "uganda", "ukraine", "united arab emirates", "uae", "united kingdom", "uk",
    "u.k.", "britain", "great britain", "england", "scotland", "wales", "northern ireland", "united states",
    "united states of america", "us", "u.s.", "usa", "u.s.a.", "america", "uruguay", "uzbekistan", "vanuatu",
    "vatican", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe",
})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"})
NON_NAMES = WEEKDAYS | MONTHS
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
# A word in capitals this short is an organisation's acronym ("VOA:", "SAGE", "MPLA") unless the cast names it.
MAX_ACRONYM = 5
# Capitalised mid-sentence ("...Right.png They said") these are still pronouns, never a name.
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "you", "it"})
# Words that open a noun phrase before its noun ("the venue", "her husband", "those towns").
ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVE_DETERMINERS = frozenset({"his", "her", "its", "their", "our"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
EXCLUDED_LABELS = {
    "UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ MORE", "BREAKING", "LIVE", "PICTURED",
    "PHOTO", "IMAGE", "CREDIT", "SOURCE", "WARNING", "EXCLUSIVE", "ANALYSIS", "OPINION", "COMMENT", "VIDEO",
    "LISTEN", "SEE ALSO", "RELATED", "FACT CHECK", "UPDATED", "CORRECTION",
}
# Labels of a reporter's turn in a briefing ("QUESTION:", "Q"): the asker's premise, not what the source states.
ASKER_LABELS = frozenset({"q", "question", "questions", "questioner", "reporter", "audience"})
# Labels of a transcript turn that is the interviewer's or the host organisation's, never the guest's.
INTERVIEWER_WORDS = {"q", "question", "questions", "interviewer", "moderator", "host", "reporter", "audience",
                     "questioner", "participant", "operator"}
# Labels that are stage directions or programme parts, not people ("MUSIC:", "SOUND BITE:").
NON_PERSON_LABELS = {
    "MUSIC", "SOUND", "SOUNDBITE", "SOUND BITE", "SFX", "APPLAUSE", "LAUGHTER", "TRANSCRIPT", "SHOW OPEN",
    "END", "BREAK", "COMMERCIAL BREAK", "INTRO", "OUTRO", "THEME", "NATS", "NAT SOUND", "CROSSTALK", "AUDIO",
    "PRESS RELEASE", "EDITOR", "SUMMARY", "BACKGROUND", "CONTEXT", "TOPIC", "TOPICS", "SUBJECT", "DATE", "TIME",
    "LOCATION", "PLACE", "WHERE", "WHEN", "MEDIA CONTACT", "CONTACT", "CONTACTS", "ENDS", "NOTES TO EDITORS",
    "THE INSIDE STORY", "TITLE", "HEADLINE", "BYLINE", "DATELINE", "KEYWORDS", "TAGS", "FILE", "PHOTOS",
    "RELEASE", "NEWS RELEASE", "FOR IMMEDIATE RELEASE", "RELEASE NO", "RELEASE NO.", "EMBARGOED", "PHONE", "TEL",
    "EMAIL", "E-MAIL", "WEBSITE", "WEB", "FAX", "MEDIA", "MEDIA INQUIRIES", "PRESS OFFICE", "FOR MORE INFORMATION",
}
# Words marking an unnamed speaker label ("Unidentified Narrator:", "Unknown Speaker:").
UNNAMED_WORDS = {"unidentified", "unknown", "unnamed", "anonymous", "narrator", "voice", "speaker", "crowd",
                 "announcer", "caller", "man", "woman", "translator", "interpreter"}
# Nouns for a person: a subject headed by one speaks ("the programme manager said"), named or not.
PERSON_NOUNS = {
    "manager", "coach", "correspondent", "reporter", "scientist", "researcher", "doctor", "nurse", "teacher",
    "witness", "resident", "worker", "owner", "founder", "captain", "player", "student", "engineer", "astronaut",
    "economist", "analyst", "expert", "lawyer", "judge", "officer", "director", "chief", "chairman", "chairwoman",
    "spokesman", "spokeswoman", "spokesperson", "official", "minister", "secretary", "president", "leader",
    "commander", "governor", "mayor", "ambassador", "head", "executive", "organiser", "organizer",
    "campaigner", "activist", "farmer", "pilot", "victim", "survivor", "mother", "father", "parent", "neighbour",
    "neighbor", "friend", "colleague", "headteacher", "principal", "author", "historian", "professor", "surgeon",
    "master", "headmaster", "headmistress", "chef", "driver", "guide", "ranger", "warden", "keeper", "curator",
    "prosecutor", "attorney", "solicitor", "barrister", "detective", "inspector", "sheriff", "coroner", "magistrate",
}
# "I", "I'm": the writer or the speaker of the remarks, never a name.
FIRST_PERSON = {"i", "i'm", "i've", "i'd", "i'll"}
# A text in someone's own voice: "I", "we", "our", "me"... (a block after "X said:", a page of remarks).
FIRST_PERSON_VOICE = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")
# The speaker name of an interviewer's turns when the article does not name the interviewer.
INTERVIEWER = "Interviewer"
# Name suffixes that belong to a person's name ("John Q. Smith III", "Martin Luther King Jr.").
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v", "jnr", "snr"}

# --- words of questions and of retrieval --------------------------------------------------------------

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now
    of off on once only or other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours yourself yourselves also us s t ve ll re d m
    according said say says saying tell told""".split()
)
QUESTION_WORDS = frozenset("what who whom whose when where which why how many much".split())
# Verbs a question uses to ask what someone said ("What did X say/tell/warn ...?").
QUESTION_SPEECH_VERBS = ("say", "said", "says", "tell", "told", "claim", "claimed", "warn", "warned", "state",
                         "stated", "comment", "commented")
# Verb forms that, next to a name in narration, make the words around it that person's ("Johnson said").
NARRATION_SPEECH_VERBS = frozenset(
    """said says say told tells added adds claimed claims warned warns stated states insisted insists argued
    argues explained explains announced announces urged urges suggested suggests noted notes wrote writes
    tweeted tweets asked asks replied replies admitted admits accused accuses declared declares""".split()
)

# --- words of a typed speaker name ---------------------------------------------------------------------

# Words of a typed name that are not the person's own name ("Secretary", "the", "US").
NAME_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "prime", "minister",
    "secretary", "general", "chancellor", "foreign", "defence", "defense", "us", "uk", "nato", "russian",
    "ukrainian", "german", "french", "british", "american", "chinese", "the", "a", "an", "former", "senator",
    "governor", "king", "queen", "prince", "spokesman", "spokeswoman", "spokesperson", "leader", "vice",
    "deputy", "ambassador", "director", "mayor", "chief", "executive", "chairman", "chairwoman", "chair",
    "commissioner", "attorney", "representative", "rep", "sen", "gov", "prof", "professor", "coach",
    "captain", "manager", "home", "health", "finance", "state", "interior", "education",
}
# A typed name holding one of these names a person ("Education Secretary"), never an organisation
# ("Department for Education"); spokespeople are left out because they speak for their organisation.
PERSON_ROLES = {"secretary", "minister", "president", "chancellor", "leader", "governor", "senator", "mayor", "mp",
                "king", "queen", "prince", "executive", "chairman", "chairwoman", "director", "councillor",
                "ambassador", "coach", "manager", "commissioner"}
ORG_TOKENS = {"department", "ministry", "office", "council", "agency", "trust", "government", "company", "university",
              "college", "commission", "authority", "board", "service", "committee", "institute", "union", "bank"}
