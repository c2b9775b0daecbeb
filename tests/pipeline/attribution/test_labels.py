"""Transcript labels in every house style: each paragraph up to the next label is the labelled speaker's."""

from __future__ import annotations

import pytest

from tests.pipeline.attribution.articles import spoken, statements_of

LABEL_CASES: list[tuple[str, list[str], list[tuple[str | None, str]]]] = [
    (
        "radio script: unnamed voices are whoever they introduce themselves as",
        [
            "VOICE ONE: This is Science Today. I'm Laura Quint.",
            "VOICE TWO: And I'm Omar Haddad. Today we visit a farm that grows rice in the desert.",
            "VOICE ONE: The farm uses water from a deep well.",
            "VOICE TWO: Engineers say the well will last fifty years.",
        ],
        [
            ("Laura Quint", "This is Science Today. I'm Lau"),
            ("Omar Haddad", "And I'm Omar Haddad. Today we "),
            ("Laura Quint", "The farm uses water from a dee"),
            ("Omar Haddad", "Engineers say the well will la"),
        ],
    ),
    (
        "hearing turns: 'Mr. Okafor.' and 'Ms. Brandt.' open the paragraph, the chair named in the header",
        [
            "The committee met at 9:30 a.m., Hon. Daniel Okafor [chairman] presiding.",
            "Mr. Okafor. The committee will come to order. We meet today to review the flood defences budget.",
            "Our first witness is the director of the river authority.",
            "Ms. Brandt. Thank you, Mr. Chairman. The authority asks for twelve million dollars this year.",
        ],
        [
            ("Daniel Okafor", "The committee will come to ord"),
            ("Daniel Okafor", "Our first witness is the direc"),
            ("Brandt", "Thank you, Mr. Chairman. The a"),
        ],
    ),
    (
        "telephone briefing: 'Operator:' and 'Name (Role):' labels",
        [
            "Operator: Welcome and thank you for standing by. All lines are in listen-only mode.",
            "Dana Whitfield (Moderator): Thank you all for joining this call about the vaccine schedule.",
            "We will take questions after the opening remarks.",
        ],
        [
            ("Operator", "Welcome and thank you for stand"),
            ("Dana Whitfield", "Thank you all for joining this "),
            ("Dana Whitfield", "We will take questions after th"),
        ],
    ),
    (
        "the article names the interviewer: QUESTION turns are theirs, and a long label keeps only the name",
        [
            "Foreign Minister Ana Lopes was interviewed by Radio Sul correspondent Marta Reis in Lisbon.",
            "RADIO SUL CORRESPONDENT MARTA REIS: Minister, thank you for joining us.",
            "FOREIGN MINISTER ANA LOPES: It is a pleasure to be here.",
            "QUESTION: Will the embassy reopen this year?",
            "MINISTER LOPES: We hope to reopen it by the autumn, if the talks go well.",
        ],
        [
            ("Marta Reis", "Minister, thank you for joining"),
            ("Ana Lopes", "It is a pleasure to be here."),
            ("Marta Reis", "Will the embassy reopen this ye"),
            ("Ana Lopes", "We hope to reopen it by the au"),
        ],
    ),
    (
        "briefing: SECRETARY SMITH, QUESTION, MR. SMITH",
        [
            "Defense Secretary John Q. Smith III briefed reporters at the Pentagon on Tuesday.",
            "SECRETARY SMITH: Good afternoon. We have moved two more battalions to the border region.",
            "They will stay there through the winter.",
            "QUESTION: How many troops is that in total?",
            "MR. SMITH: About four thousand, and we will review that number in March.",
        ],
        [
            ("John Q. Smith III", "Good afternoon. We have moved "),
            ("John Q. Smith III", "They will stay there through th"),
            ("Interviewer", "How many troops is that in tot"),
            ("John Q. Smith III", "About four thousand, and we wi"),
        ],
    ),
    (
        "abbreviated titles are no part of the name: SEC. GARLAND, SEN. OKAFOR, GOV. LIND",
        [
            "SEC. GARLAND: We have doubled the number of inspectors at the ports this year.",
            "SEN. OKAFOR: The committee agrees with that figure.",
            "GOV. LIND: My state has seen the change already.",
            "AMB. RUIZ: So has the embassy.",
        ],
        [
            ("Garland", "We have doubled the number of "),
            ("Okafor", "The committee agrees with that"),
            ("Lind", "My state has seen the change a"),
            ("Ruiz", "So has the embassy."),
        ],
    ),
    (
        "a Q&A page: 'Q: Name from Place:' and 'A: Name, Title' on their own lines head the turns below them",
        [
            "Q: Maria from Tucson, Arizona:",
            "I read that the flag on the roof flies at half-staff only when a president dies.",
            "Is that true, or can a governor order it for other people too? We could not agree on it.",
            "A:Ruth Okoro, Office of the Curator",
            "The flag is lowered by proclamation for many people, not only presidents.",
            "Q: Thanks, Ruth: does the same rule apply to state flags?",
            "A: Thanks, Bob",
            "July 23, 2004 | 11:10 a.m.(EDT)",
            "Q: I'm Walt Ames from KZZT Radio in Iowa.",
        ],
        [
            ("Maria", "I read that the flag on the ro"),
            ("Maria", "Is that true, or can a governo"),
            ("Ruth Okoro", "The flag is lowered by proclam"),
            ("Walt Ames", "Thanks, Ruth: does the same ru"),  # the Q who introduces himself below
            ("Ruth Okoro", "Thanks, Bob"),  # an answer, not a label naming "Thanks"; the date line below is no one's
            ("Walt Ames", "I'm Walt Ames from KZZT Radio "),  # a question turn, not a reader named "I'm Walt Ames"
        ],
    ),
    (
        "Q and MODERATOR are the interviewer's side",
        [
            "MODERATOR: Welcome to the panel on river safety.",
            "Q: Who pays for the new barriers?",
            "HARGREAVES: The county pays for the first phase.",
        ],
        [
            ("Moderator", "Welcome to the panel on river "),
            ("Interviewer", "Who pays for the new barriers?"),
            ("Hargreaves", "The county pays for the first "),
        ],
    ),
    (
        "organisation acronym asking, surname answering (mixed case, repeated)",
        [
            "Tomasz Wrona, the mayor of Opole, spoke to BRN after the vote.",
            "BRN: What happens to the bridge now?",
            "Wrona: It will be rebuilt within two years.",
            "BRN: Who pays?",
            "Wrona: The region and the state share the cost.",
        ],
        [
            ("BRN", "What happens to the bridge now"),
            ("Tomasz Wrona", "It will be rebuilt within two "),
            ("BRN", "Who pays?"),
            ("Tomasz Wrona", "The region and the state share"),
        ],
    ),
    (
        "double brackets for the interviewer, initials for the guest",
        [
            "Reporters spoke to the rower Maren Solberg after the final.",
            "((Ivo Kerr)) Maren Solberg, congratulations. How did the race feel?",
            "Maren Solberg: Hard from the first stroke.",
            "((WT)) Will you race in Lucerne?",
            "MS: Yes, if my back holds up.",
        ],
        [
            ("Ivo Kerr", "Maren Solberg, congratulations"),
            ("Maren Solberg", "Hard from the first stroke."),
            ("WT", "Will you race in Lucerne?"),
            ("Maren Solberg", "Yes, if my back holds up."),
        ],
    ),
    (
        "a label between two image file names (a wiki's interviewer icons), a capitalised pronoun after it",
        [
            "On Wednesday, Wikinews interviewed Ola Brandt, a founder of sledge hockey.",
            "Wiki waves Left.pngMara VossWiki waves Right.png You founded the sport?",
            "Ola Brandt: One of the founders, yes.",
            "Wiki waves Left.pngMara VossWiki waves Right.png They said forty teams play now.",
            "Wiki waves Left.pngUser77Wiki waves Right.png So it began in 1969.",
            "Ola Brandt: I know better.",
        ],
        [
            ("Mara Voss", "You founded the sport?"),
            ("Ola Brandt", "One of the founders, yes."),
            ("Mara Voss", "They said forty teams play now"),
            ("User77", "So it began in 1969."),
            ("Ola Brandt", "I know better."),
        ],
    ),
    (
        "a line-numbered transcript (from a PDF): the label after the line number, the lines below its words",
        [
            "1 P R O C E E D I N G S",
            "2 ADMINISTRATOR GRIFFIN: [In progress] -- and it",
            "3 was a flawless count and a majestic launch, and it was",
            "4 tough to get here.",
            "5 MR. GERSTENMAIER: Thanks, Mike.",
            "6 The team did an awesome job getting here",
        ],
        [
            ("Griffin", "[In progress] -- and it"),
            ("Griffin", "was a flawless count and a maj"),
            ("Griffin", "tough to get here."),
            ("Gerstenmaier", "Thanks, Mike."),
            ("Gerstenmaier", "The team did an awesome job ge"),
        ],
    ),
    (
        "an unnamed role as the label: the role speaks, not its first word",
        [
            "MS. HAYDEN: Thanks for joining the call. This is on background.",
            "SENIOR ADMINISTRATION OFFICIAL: Thanks, everybody. I'll run through the speech.",
            "The purpose of this speech is to take a step back.",
        ],
        [
            ("Hayden", "Thanks for joining the call. Th"),
            ("Senior Administration Official", "Thanks, everybody. I'll run th"),
            ("Senior Administration Official", "The purpose of this speech is "),
        ],
    ),
    (
        "a bare Q and a run of spaces is the reporters' turn (White House transcripts)",
        [
            "SECRETARY MNUCHIN:  Hello everybody. I just left the Oval Office.",
            "Q    Hello.",
            "SECRETARY MNUCHIN:  So, with that, I am happy to take a few questions.",
            "Q    Mr. Secretary, will there be more sanctions?",
        ],
        [
            ("Mnuchin", "Hello everybody. I just left th"),
            ("Interviewer", "Hello."),
            ("Mnuchin", "So, with that, I am happy to t"),
            ("Interviewer", "Mr. Secretary, will there be m"),
        ],
    ),
    (
        "a bare Q and one space before a stage direction (nobody's words) or a question is the reporters' turn too",
        [
            "MR. DEERE:  Thank you all for being here. I know it's a busy news day.",
            "Q (Inaudible.)",
            "MR. DEERE:  It's always a busy news day around here.",
            "Q Will the President mention the trade deal?",
        ],
        [
            ("Deere", "Thank you all for being here. "),
            ("Deere", "It's always a busy news day ar"),
            ("Interviewer", "Will the President mention the"),
        ],
    ),
    (
        "Q: and A: on the first exchange only: a later question put to 'you' is the interviewer's",
        [
            "Q: Maria Ortiz, teacher and astronaut candidate. Congratulations.",
            "A: Thank you.",
            "It was very exciting, almost unbelievable. My students were all in the hallway.",
            "Getting selected takes years of hard work. In your case, you earned two degrees in geology and spent "
            "time in the Peace Corps as a teacher. What inspired you to focus your energies on education?",
            "Well, my parents always stressed the importance of education.",
        ],
        [
            ("Interviewer", "Maria Ortiz, teacher and astron"),
            ("Maria Ortiz", "Thank you."),
            ("Maria Ortiz", "It was very exciting, almost u"),
            ("Interviewer", "Getting selected takes years o"),
            ("Maria Ortiz", "Well, my parents always stress"),
        ],
    ),
    (
        "a reporter who opens the question with name and outlet is that reporter",
        [
            "MR. ACOSTA: Let's open it up to questions, starting up front.",
            "QUESTIONER: Mark Carreau, Houston Chronicle. Can you tell us more about the foam?",
            "MR. GERSTENMAIER: We have made real progress on the foam since March.",
        ],
        [
            ("Acosta", "Let's open it up to questions,"),
            ("Mark Carreau", "Mark Carreau, Houston Chronicle"),
            ("Gerstenmaier", "We have made real progress on "),
        ],
    ),
    (
        "the reporter the briefer calls on by name asks the next Q: question",
        [
            "MR. LANE: So with that, I'll take your questions. Tom, I'll begin with you.",
            "Q: How many families would be affected?",
            "MR. LANE: About 900 in all. Yes, Tom.",
            "Q: And who pays for the flights?",
            "MR. LANE: The department does.",
            "Q: Will they come back?",
        ],
        [
            ("Lane", "So with that, I'll take your qu"),
            ("Tom", "How many families would be aff"),
            ("Lane", "About 900 in all. Yes, Tom."),
            ("Tom", "And who pays for the flights?"),
            ("Lane", "The department does."),
            ("Interviewer", "Will they come back?"),
        ],
    ),
    (
        "NAME, role: alone on a line, then unlabelled paragraphs",
        [
            "PETRA LINDQVIST, Science Correspondent:",
            "The glacier has lost a fifth of its mass since 1990.",
            "Scientists expect the loss to speed up.",
            "Unidentified Narrator:",
            "Ice, water and time.",
            "Jonas, Fisherman:",
            "The fish come later every year.",
        ],
        [
            ("Petra Lindqvist", "The glacier has lost a fifth o"),
            ("Petra Lindqvist", "Scientists expect the loss to "),
            ("Jonas", "The fish come later every year"),
        ],
    ),
    (
        "labels that are not people close the turn",
        [
            "MUSIC: Theme tune",
            "This week we visit a seed bank in the Arctic.",
            "CORDELL: \u201cSeeds are insurance for the whole planet.\u201d",
            "The bank holds more than a million samples.",
        ],
        [
            ("Cordell", "Seeds are insurance for the wh"),
        ],
    ),
    (
        "President Smith. alone on a line (remarks)",
        [
            "Vice President Jane Q. Doe.",
            "Thank you all for coming this morning.",
            "We are here to open a new chapter for the harbour.",
        ],
        [
            ("Jane Q. Doe", "Thank you all for coming this "),
            ("Jane Q. Doe", "We are here to open a new chap"),
        ],
    ),
    (
        "THE PRESIDENT: is the president of the cast; an unnamed role keeps its title",
        [
            "President Maria Alves opened the briefing.",
            "THE PRESIDENT: Thank you. Please sit down.",
            "Q: Madam President, when will the bridge open?",
            "THE PRESIDENT: In the spring.",
            "THE PRIME MINISTER: We will not cut the budget.",
        ],
        [
            ("Maria Alves", "Thank you. Please sit down."),
            ("Interviewer", "Madam President, when will the bridge open?"),
            ("Maria Alves", "In the spring."),
            ("Prime Minister", "We will not cut the budget."),
        ],
    ),
    (
        "A: is the latest named guest",
        [
            "Q: When did the leak start?",
            "ENGINEER OKONJO: On Monday night.",
            "Q: Is it fixed?",
            "A: Not yet, but the valve is closed.",
        ],
        [
            ("Interviewer", "When did the leak start?"),
            ("Okonjo", "On Monday night."),
            ("Interviewer", "Is it fixed?"),
            ("Okonjo", "Not yet, but the valve is clos"),
        ],
    ),
    (
        "gaggle: 'MR. SHANAHAN:' is a label though the parser takes the surname for a place",
        [
            "DEPUTY SECRETARY OF DEFENSE PATRICK SHANAHAN: So you guys know why I came down here today?",
            "Q: To see if we ate the donuts?",
            "MR. SHANAHAN: No, no, no. Joe was like, \u201cWe need to go downstairs and talk to people more.\u201d",
            "And so he has been pushing me to get out of my office more.",
        ],
        [
            ("Patrick Shanahan", "So you guys know why I came do"),
            ("Interviewer", "To see if we ate the donuts?"),
            ("Patrick Shanahan", "No, no, no. Joe was like, “We "),
            ("Joe", "We need to go downstairs and t"),
            ("Patrick Shanahan", "And so he has been pushing me "),
        ],
    ),
    (
        "radio script with each voice label alone on its line, introduced in the paragraph below; music is nobody's",
        [
            "VOICE ONE:",
            "Welcome to Science Today. I'm Laura Quint.",
            "VOICE TWO:",
            "And I'm Omar Haddad. Today we visit a farm that grows rice in the desert.",
            "(MUSIC)",
            "VOICE ONE:",
            "The farm uses water from a deep well.",
        ],
        [
            ("Laura Quint", "Welcome to Science Today. I'm L"),
            ("Omar Haddad", "And I'm Omar Haddad. Today we "),
            ("Laura Quint", "The farm uses water from a dee"),
        ],
    ),
    (
        "release header: 'RELEASE : 12-164' names nobody",
        [
            "RELEASE : 12-164",
            "WASHINGTON -- The agency opened a new laboratory on Tuesday.",
        ],
        [],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), [c[1:] for c in LABEL_CASES], ids=[c[0] for c in LABEL_CASES])
def test_transcript_label(paragraphs: list[str], expected: list[tuple[str | None, str]]) -> None:
    assert spoken(statements_of(*paragraphs)) == [(speaker, text[:30]) for speaker, text in expected]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Update: the meeting has moved to Thursday.",  # an editorial label, not a speaker
        "However, the council said: the plan is final.",  # prose with a colon
        "Photo: the new bridge at dusk.",
    ],
)
def test_prose_with_a_colon_is_no_label(paragraph: str) -> None:
    assert all(s.speaker not in {"Update", "However", "Photo"} for s in statements_of(paragraph))


@pytest.mark.parametrize("dateline", ["LONDON", "NEW DELHI", "Kyiv"])
def test_a_dateline_is_never_a_speaker(dateline: str) -> None:
    statements = statements_of(
        f"{dateline}: The transport minister, Ravi Anand, said that fares would rise in May.",
        "The rise follows two years of frozen fares.",
    )
    assert [s.speaker for s in statements] == ["Ravi Anand"]


def test_a_one_off_mixed_case_word_before_a_colon_is_no_label() -> None:
    """A capitalised word opening one paragraph with a colon could be prose: it needs the cast or a repeat."""
    assert statements_of("Tickets: eight pounds for adults, four for children.") == []


def test_a_quote_inside_a_turn_is_the_quoted_persons() -> None:
    statements = statements_of(
        "MR. HALE: The general briefed the Secretary this morning. General Ames said, “The bridge will be repaired by "
        "Friday, and the convoy can cross on Saturday.”",
        "Q: Thank you.",
    )
    quoted = [s for s in statements if s.speaker == "Ames"]
    assert [s.text for s in quoted] == ["The bridge will be repaired by Friday, and the convoy can cross on Saturday."]
    assert any(s.speaker == "Hale" and s.text.startswith("The general briefed") for s in statements)


def test_reported_speech_inside_a_reporters_question_is_the_reported_persons() -> None:
    statements = statements_of(
        "Q: Senator Alvarez said this morning that the bill will not pass the Senate this year. Do you agree?",
        "MS. PARK: We are confident it will pass.",
    )
    reported = [s for s in statements if s.speaker == "Alvarez"]
    assert [s.text for s in reported] == ["the bill will not pass the Senate this year"]
    assert any(s.speaker == "Interviewer" for s in statements)


@pytest.mark.parametrize("outlet", ["AM Quad Cities, WOC Radio", "102.6 Choice FM (Clouds Radio)"])
def test_an_interview_with_a_journalist_of_an_outlet_gives_them_the_questions(outlet: str) -> None:
    """"Interview With Dave Levora of AM Quad Cities": a State Department media interview; QUESTION is the host.
    A station may be named by its frequency ("of 102.6 Choice FM")."""
    statements = statements_of(
        "QUESTION: Secretary Pompeo, good morning, sir.",
        "SECRETARY POMPEO: Good morning. It's great to be with you.",
        headline=f"Interview With Dana Kroll of {outlet}",
    )
    assert spoken(statements) == [("Dana Kroll", "Secretary Pompeo, good morning"),
                                  ("Pompeo", "Good morning. It's great to be")]
