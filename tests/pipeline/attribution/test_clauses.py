"""Speech clauses found through the dependency parse: the subject of a speech verb wherever it stands."""

from __future__ import annotations

import pytest

from tests.pipeline.attribution.articles import statements_of, triples

CLAUSE_CASES: list[tuple[str, list[str], list[tuple[str | None, str, str]]]] = [
    (
        "bare 'police' is the force of the story ('officials said' still names nobody)",
        ["At a news conference, police said that they arrested the gunman after a siege at the school.",
         "Officials said the school would stay closed."],
        [("police", "reported", "they arrested the gunman after a siege at the school")],
    ),
    (
        "'about' or 'over' opening an amount opens the report ('spoke about the flood' still reports nothing)",
        ["Programme spokeswoman Lena Fox says about 80 percent of the children need feeding.",
         "The mayor said over 300 people had left the town.",
         "Lena Fox spoke about the flood for an hour at the meeting."],
        [("Lena Fox", "reported", "about 80 percent of the children need feeding"),
         ("mayor", "reported", "over 300 people had left the town")],
    ),
    (
        "'of' inside an organisation's name before a spokesperson is no preposition governing the name",
        ["In a statement, Ministry of Health spokesperson Lena Fox said the clinic would reopen.",
         "The husband of Tilda Brooks said the pier was safe."],
        [("Lena Fox", "reported", "the clinic would reopen")],
    ),
    (
        "a name with run-together initials after the quote",
        ["\u201cWe heard a loud noise and saw the coaches in flames,\u201d said M.N. Selvi, a nearby resident."],
        [("M.N. Selvi", "direct", "We heard a loud noise and saw the coaches in flames,")],
    ),
    (
        "'emphasized that' reports speech like 'said that'",
        ["Forest Service Chief Mike Dombeck emphasized that crews have access to equipment and supplies."],
        [("Mike Dombeck", "reported", "crews have access to equipment and supplies")],
    ),
    (
        "a portfolio of two words is one minister, not two speakers",
        ["\u201cThe new scheme starts in May,\u201d said Housing and Planning Minister Lena Fox."],
        [("Lena Fox", "direct", "The new scheme starts in May,")],
    ),
    (
        "a portfolio title before the name in apposition: the name speaks, not the portfolio's first word",
        ["The Future of Farming Minister, Tamsin Reeve, has announced a new grant for hill farms.",
         "Future of Farming Minister, Tamsin Reeve, said:",
         "The grant will reach every upland county this spring."],
        [("Tamsin Reeve", "reported", "a new grant for hill farms"),
         ("Tamsin Reeve", "direct", "The grant will reach every upland county this spring.")],
    ),
    (
        "a panel's advice is its statement; inside someone's report it is part of that report",
        ["The Vaccine Advisory Panel recommends a second dose for people over 75.",
         "Panel chair Dr. Ilse Moreno said the panel recommends no change for children."],
        [("Vaccine Advisory Panel", "reported", "a second dose for people over 75"),
         ("Ilse Moreno", "reported", "the panel recommends no change for children")],
    ),
    (
        "a 'that' after an auxiliary is no complementizer: 'said it was an honor to be named to that position'",
        ["Clint Dempsey is the captain.  He said it was an honor to be named to that position."],
        [("Clint Dempsey", "reported", "it was an honor to be named to that position")],
    ),
    (
        "a quote making up the paragraph after someone's reported words is theirs",
        ["Congressman Randy Weber says the residents will lean on each other.",
         "\"We will grieve together, we will work together.\"",
         "Officials have raised the number of injured to 13."],
        [("Randy Weber", "reported", "the residents will lean on each other"),
         ("Randy Weber", "direct", "We will grieve together, we will work together.")],
    ),
    (
        "a quote making up the paragraph after 'X spoke to reporters' is X's",
        ["Last month, head coach Jurgen Klinsmann spoke to reporters.  He is hopeful.",
         "\u201cIt\u2019s a tough group.  But we expect to do well.\u201d"],
        [("Jurgen Klinsmann", "direct", "It\u2019s a tough group.  But we expect to do well.")],
    ),
    (
        "an acronym in running text keeps its capitals ('SAGE recommends', not 'Sage')",
        ["SAGE recommends continued use of the two-dose vaccines for older people."],
        [("SAGE", "reported", "continued use of the two-dose vaccines for older people")],
    ),
    (
        "'it' right after an organisation spoke is that organisation; anywhere else it is nobody",
        ["The UNHCR says it learned about the attack from seven refugees. It says the refugees carried a woman.",
         "The road was closed on Monday. It says on the sign that the bridge is unsafe."],
        [("UNHCR", "reported", "it learned about the attack from seven refugees"),
         ("UNHCR", "reported", "the refugees carried a woman")],
    ),
    (
        "a role with its own complement, then the name set off by commas: the name speaks",
        ["The prime minister of Spain, Jose Luis Rodriguez Zapatero, has stated that the economy will recover."],
        [("Jose Luis Rodriguez Zapatero", "reported", "the economy will recover")],
    ),
    (
        "a description holding a place, then the name set off by commas: the name speaks",
        ["A freelance coordinator in nearby Cebu City, Sian Maynard , tells VOA she was awoken by the quake."],
        [("Sian Maynard", "reported", "she was awoken by the quake")],
    ),
    (
        "after a quote, a role with a possessive, then the name set off by commas: the name speaks the quote",
        ["\u201cThe law forbids traps disguised as harmless objects,\u201d the U.N.'s high commissioner for human "
         "rights, Volker Turk, told the Security Council."],
        [("Volker Turk", "direct", "The law forbids traps disguised as harmless objects,")],
    ),
    (
        "whoever issued a warning or a statement speaks what it says, a country too",
        ["Pyongyang issued a warning that it would try to launch a satellite before June.",
         "The Foreign Ministry issued a statement saying the launch had failed over the sea."],
        [("Pyongyang", "reported", "it would try to launch a satellite before June"),
         ("Foreign Ministry", "reported", "the launch had failed over the sea")],
    ),
    (
        "a reported clause closed by its speaker and verb, without quote marks",
        ["Sgt. Tom Marciano led the rescue team.",
         "Water crested to six feet, rendering roads impassable, Marciano noted.",
         "The levee had held for two days, police said on Monday."],
        [("Tom Marciano", "reported", "Water crested to six feet, rendering roads impassable"),
         ("police", "reported", "The levee had held for two days")],
    ),
    (
        "a relative clause's 'who told' is the person it hangs on",
        ["Amos met on Wednesday with the mayor, Tom Reed, who told her the bridge would reopen in June."],
        [("Tom Reed", "reported", "the bridge would reopen in June")],
    ),
    (
        "a statement that 'reads' is the words of whoever it is from, not of the agency that carried it",
        ["The statement carried by Reuters, claiming to be from militant spokesman Omar Haddad, reads: "
         "\u201cThe killing of children is against our faith.\u201d",
         "Ann Lee reads the newspaper every morning before work. The sign reads: \u201cKeep out.\u201d"],
        [("Omar Haddad", "direct", "The killing of children is against our faith.")],
    ),
    (
        "an organisation described, not named, speaks as its description; the message it issued speaks for it",
        ["The United Nations human rights office has said the country holds thousands of political prisoners.",
         "The U.S. embassy in Eritrea issued a message on Monday. The message says diplomats have been "
         "\u201cmade aware of increased military presence.\u201d"],
        [("United Nations human rights office", "reported", "the country holds thousands of political prisoners"),
         ("U.S. embassy in Eritrea", "direct", "made aware of increased military presence.")],
    ),
    (
        "'commented that' reports speech; 'declined to comment' reports none",
        ["Jeffrey commented that the sanctions were working. He declined to comment on the report."],
        [("Jeffrey", "reported", "the sanctions were working")],
    ),
    (
        "a surname behind a lower-case particle, after a numbered region",
        ["\u201cThe grants reach every county,\u201d said FEMA Region 4 Administrator Gracia dePalma."],
        [("Gracia dePalma", "direct", "The grants reach every county,")],
    ),
    (
        "an epigraph signed after a dash",
        ["\u201cSmall things can change the climate of a whole ocean.\u201d \u2014 Dr. Ines Moreau, head of survey"],
        [("Ines Moreau", "direct", "Small things can change the climate of a whole ocean.")],
    ),
    (
        "'the force' is the police force named before",
        ["Officers from Cumbria Police searched the farm on Monday.",
         "\u201cBoth men remain in custody,\u201d the force said."],
        [("Cumbria Police", "direct", "Both men remain in custody,")],
    ),
    (
        "an organisation whose name holds 'and'",
        ["Avon and Somerset Police said two men had been arrested in Bath."],
        [("Avon and Somerset Police", "reported", "two men had been arrested in Bath")],
    ),
    (
        "two people joined by 'and' stay two speakers",
        ["Prime Minister Anna Berg and Finance Minister Ola Dahl said the budget would balance next year."],
        [("Anna Berg", "reported", "the budget would balance next year"),
         ("Ola Dahl", "reported", "the budget would balance next year")],
    ),
    (
        "an organisation that reported",
        ["Northumbria Police reported finding two hundred plants in the loft of the house."],
        [("Northumbria Police", "reported", "finding two hundred plants in the loft of the house")],
    ),
    (
        "reported speech after the statement: ..., said X, role",
        ["The new boats were picked for their speed, said Jane Doe, the club's coach."],
        [("Jane Doe", "reported", "The new boats were picked for their speed")],
    ),
    (
        "as X said, ...",
        ["As the mayor, Owen Price, said after the storm, the harbour wall has never been higher."],
        [("Owen Price", "reported", "the harbour wall has never been higher")],
    ),
    (
        "a long appositive after a quote",
        ["\u201cWe are out of space,\u201d Mirela Sandu, a librarian in Cluj, Romania, told reporters."],
        [("Mirela Sandu", "direct", "We are out of space,")],
    ),
    (
        "an appositive with no closing comma",
        ["Ravi Menon, the head of the lab said that the samples were clean."],
        [("Ravi Menon", "reported", "the samples were clean")],
    ),
    (
        "a role no one in the cast holds keeps its whole name",
        ["The harbour master of Porthleven said that the boats would stay in port until Friday."],
        [("harbour master of Porthleven", "reported", "the boats would stay in port until Friday")],
    ),
    (
        "a person noun heads the subject",
        ["The project manager for the new terminal said that the opening was delayed by a month."],
        [("project manager for the new terminal", "reported", "the opening was delayed by a month")],
    ),
    (
        "a role with a name in apposition is the named person",
        ["The union's general secretary, Dr Aisha Bello, wrote on Monday: \u201cThe offer is not enough.\u201d"],
        [("Aisha Bello", "direct", "The offer is not enough.")],
    ),
    (
        "a nationality is not a person and no pronoun goes to it",
        [
            "Deputy Minister Pavel Ostrov praised the treaty.",
            "Estonians approved it in a vote in 1992. He added that the border talks would resume in spring.",
        ],
        [("Pavel Ostrov", "reported", "Deputy Minister Pavel Ostrov praised the treaty"),
         ("Pavel Ostrov", "reported", "the border talks would resume in spring")],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), [c[1:] for c in CLAUSE_CASES], ids=[c[0] for c in CLAUSE_CASES])
def test_speech_clause(paragraphs: list[str], expected: list[tuple[str | None, str, str]]) -> None:
    assert triples(statements_of(*paragraphs)) == expected


def test_a_noun_that_looks_like_a_verb_is_not_speech() -> None:
    """The parser knows "state" in "state banks" is no verb."""
    assert statements_of("State banks said nothing. The state pension rises in April.") == []


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("SEATTLE, August 14, 2009 – Agriculture Secretary Tom Vilsack today outlined his vision for the nation's "
         "forests.", "Tom Vilsack"),
        ("LONDON, May 3 – Health Secretary Ann Reid on Monday said that hospitals would get more money.", "Ann Reid"),
        ("NAIROBI, Kenya (AP) — Kenya's health minister Peter Otieno has welcomed the new vaccine deliveries.",
         "Peter Otieno"),
    ],
)
def test_a_datelines_place_is_never_the_speaker(paragraph: str, speaker: str) -> None:
    """The parser may take a wire story's dateline for the subject of the lede's verb; the speaker follows it."""
    assert [s.speaker for s in statements_of(paragraph)] == [speaker]


# One paragraph each: (case, paragraph, [(speaker, words)]): the wire and release forms of reported speech.
SPEAKER_WORDS_CASES: list[tuple[str, str, list[tuple[str | None, str]]]] = [
    # present-tense speech verbs that are nouns as often as verbs: speech only where the parse reads a verb
    ("'reports' a verb", "Since then, the UNHCR reports about 10,000 Sudanese refugees have arrived in Chad.",
     [("UNHCR", "about 10,000 Sudanese refugees have arrived in Chad")]),
    ("'notes that'", "The Met Office notes that the rain will ease by Friday.",
     [("Met Office", "the rain will ease by Friday")]),
    ("'is reporting that'", "The BBC is reporting that the ferry sank after midnight.",
     [("BBC", "the ferry sank after midnight")]),
    ("'news reports' a noun", "News reports said the ferry sank after midnight.", []),
    ("'reporting' a noun", "VOA's reporting from Africa has been balanced.", []),
    ("'notes' a noun", "The notes show the ferry sank after midnight.", []),
    # calling something something is an act of speech; naming is not
    ("calls X Y", "NASA calls the mission a total success.", [("NASA", "NASA calls the mission a total success")]),
    ("called X Y", "Mayor Ann Lee called the plan a disgrace.",
     [("Ann Lee", "Mayor Ann Lee called the plan a disgrace")]),
    ("called X “Y”: the quote decides", "Mayor Ann Lee called the plan “a disgrace” on Monday.",
     [("Ann Lee", "a disgrace")]),
    ("naming", "They called the dog Rex.", []),
    # according to someone's statement or report: the owner's words
    ("an official police briefing", "Eight people were killed in Jokela, according to an official police briefing.",
     [("police", "Eight people were killed in Jokela")]),
    ("a Foreign Ministry statement", "According to a Foreign Ministry statement, the talks will resume on Monday.",
     [("Foreign Ministry", "the talks will resume on Monday")]),
    ("a report by X", "The economy grew by 2 percent, according to a report by the Office for National Statistics.",
     [("Office for National Statistics", "The economy grew by 2 percent")]),
    ("official figures name no one", "The economy grew by 2 percent, according to official figures.", []),
    # a quote in a sentence that ends with its attribution
    ("a partial quote opening the sentence", "\"The town has no capacity\" to help farmers, Ang Ky, chief of Stoung "
     "town, said.", [("Ang Ky", "The town has no capacity")]),
    ("the attribution with a tail", "\"We will win\" the next election, Ann Lee said on Monday.",
     [("Ann Lee", "We will win")]),
    ("a quote inside the reported clause", "The plan is \"a disgrace\" and must be withdrawn, Ann Lee said.",
     [("Ann Lee", "a disgrace")]),
    # "X was quoted (by Y) as saying": X speaks, whatever was said before in the sentence
    ("quoted as saying, after another speaker", "An official said most buildings were destroyed, and local "
     "official, Huang Limin was quoted by the Xinhua news service as saying: “Soldiers have been dispatched to save "
     "the people.”", [("official", "most buildings were destroyed"),
                      ("Huang Limin", "Soldiers have been dispatched to save the people.")]),
    ("quoted as saying a clause", "Ann Lee was quoted by the local paper as saying the bridge would reopen in May.",
     [("Ann Lee", "the bridge would reopen in May")]),
]


@pytest.mark.parametrize(("paragraph", "expected"), [c[1:] for c in SPEAKER_WORDS_CASES],
                         ids=[c[0] for c in SPEAKER_WORDS_CASES])
def test_who_said_what(paragraph: str, expected: list[tuple[str | None, str]]) -> None:
    assert [(s.speaker, s.text) for s in statements_of(paragraph)] == expected
