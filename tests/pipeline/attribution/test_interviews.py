"""Interviews printed as questions and answers: the guest answers, the interviewer or a signing reader asks."""

from __future__ import annotations

from tests.pipeline.attribution.articles import spoken, statements_of


def test_a_question_and_answer_interview_gives_each_answer_to_the_guest() -> None:
    statements = statements_of(
        "Sara Lind is running for the city council as an independent. We put our questions to her.",
        "Why are you running?",
        "Because the council has ignored the east side for a decade.",
        "What would you change first?",
        "The bus routes. Half of my street cannot get to work on time.",
        "Have you held office before?",
        "No, never.",
        headline="News Weekly interviews Sara Lind, independent council candidate",
    )
    assert spoken(statements) == [
        ("Interviewer", "Why are you running?"),
        ("Sara Lind", "Because the council has ignore"),
        ("Interviewer", "What would you change first?"),
        ("Sara Lind", "The bus routes. Half of my str"),
        ("Interviewer", "Have you held office before?"),
        ("Sara Lind", "No, never."),
    ]


def test_a_feature_with_question_subheadings_is_no_interview() -> None:
    statements = statements_of(
        "The river has burst its banks three times this year.",
        "Why does it flood?",
        "The channel is narrow and the fields upstream drain fast.",
        "What can be done?",
        "Engineers propose a new basin above the town.",
        "Who pays?",
        "The county and the water company share the cost.",
        headline="Why the river keeps flooding, explained",
    )
    assert statements == []


def test_a_questions_feature_gives_the_answers_to_the_person_its_introduction_names_most() -> None:
    """"10 Questions for Our New Head of Science": the headline names a role; the introduction names the guest."""
    statements = statements_of(
        "Harbour Board chair Ada Quist has named Tilda Brooks as the new head of the lifeboat station.",
        "Brooks was most recently a coxswain at Whitby. Brooks joined the crew at eighteen.",
        "1. What is your plan for the station?",
        "Right now, I am focusing on my crew and on the new boat we receive in May.",
        "2. What do you hope volunteers will do?",
        "I hope more people from the town join us on training nights.",
        headline="Two Questions for Our New Station Head",
    )
    assert spoken(statements) == [
        ("Interviewer", "1. What is your plan for the s"),
        ("Tilda Brooks", "Right now, I am focusing on my"),
        ("Interviewer", "2. What do you hope volunteers"),
        ("Tilda Brooks", "I hope more people from the to"),
    ]


def test_a_question_signed_by_a_reader_is_the_readers() -> None:
    statements = statements_of(
        "Petty Officer Tilda Brooks saved a fisherman on her first rescue as a lifeboat swimmer.",
        "Do you ever look back at a rescue and realise you were scared? – Jenny Marsh",
        "Good question, Jenny. I will tell you how most of us feel: we are just like everyone else.",
        headline="Got questions? These lifeboat swimmers have answers.",
    )
    assert [s.speaker for s in statements] == ["Jenny Marsh", "Tilda Brooks"]


def test_an_explainers_questions_answered_in_narration_are_no_interview() -> None:
    statements = statements_of(
        "The new government of Prime Minister Jane Fox takes office on Monday. Jane Fox has promised change.",
        "What happens to taxes?",
        "The budget is due in March and the treasury expects no rise in income tax.",
        "Will the ferry reopen?",
        "The ferry timetable depends on a subsidy that has not yet been decided.",
        headline="Five questions for the new government",
    )
    assert statements == []


def test_an_interviewer_who_introduces_themselves_asks_every_question() -> None:
    """"Q:  I'm Jan Mickelson from WHO Radio ...": every Q turn of the interview is his, the ones before too."""
    statements = statements_of(
        "Q:  Good afternoon, Mr. Secretary.",
        "SEC. GARLAND:  Good afternoon.",
        "Q:  I'm Walt Ames from KZZT Radio here in Iowa.",
        "SEC. GARLAND:  Well, I'm delighted to be joining you today.",
        "Q:  What comes next for the ports?",
        headline="Secretary Garland Interview with KZZT Radio's Walt Ames",
    )
    assert [s.speaker for s in statements] == ["Walt Ames", "Garland", "Walt Ames", "Garland", "Walt Ames"]


def test_an_interview_with_an_outlets_journalist_names_the_interviewer() -> None:
    statements = statements_of(
        "Q:  Good afternoon, Mr. Secretary.",
        "SEC. GARLAND:  Good afternoon.",
        headline="Secretary Garland Interview with KZZT Radio's Walt Ames",
    )
    assert [s.speaker for s in statements] == ["Walt Ames", "Garland"]
