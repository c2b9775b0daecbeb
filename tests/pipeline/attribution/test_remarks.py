"""Remarks pages and "statement from X:" blocks: a page or block that is one person's words."""

from __future__ import annotations

from tests.pipeline.attribution.articles import spoken, statements_of


def test_a_remarks_page_is_all_the_named_speakers_words() -> None:
    statements = statements_of(
        "March 3, 2011",
        "Thank you all for coming to the harbour this morning.",
        "When I took this job, we had two ferries and a broken pier. Today we open the third terminal.",
        "The work was finished on time and under budget.",
        headline="Remarks by Port Commissioner Helen Okoye at the Opening of the North Terminal",
    )
    assert spoken(statements) == [
        ("Helen Okoye", "Thank you all for coming to th"),
        ("Helen Okoye", "When I took this job, we had t"),
        ("Helen Okoye", "The work was finished on time "),
    ]


def test_a_headline_of_an_occasion_and_a_name_heads_that_persons_words() -> None:
    """"NIST Centennial Gala: Karen Brown" over a page in the first person: the name across the colon speaks it."""
    statements = statements_of(
        "Good evening. Let me add my welcome to this wonderful celebration.",
        "We are honored to have with us five former directors of the harbour board.",
        headline="Harbour Centennial Gala: Helen Okoye",
    )
    assert spoken(statements) == [
        ("Helen Okoye", "Good evening. Let me add my we"),
        ("Helen Okoye", "We are honored to have with us"),
    ]


def test_a_name_across_a_colon_over_a_report_is_no_speaker() -> None:
    statements = statements_of(
        "The harbour board met on Monday to discuss the new terminal.",
        "Engineers found cracks in two of its piers during an inspection in January.",
        headline="Harbour Centennial Gala: Helen Okoye",
    )
    assert statements == []


def test_an_interview_headline_with_a_name_across_a_colon_stays_an_interview() -> None:
    """"Astronaut Candidate Interview: Joseph Acaba": the introduction about the guest is no one's words."""
    statements = statements_of(
        "Helen Okoye is the harbour master of Port Ellen and has run it for ten years.",
        "Q: What is your job like in winter?",
        "A: I run the harbour, and in winter we mostly repair the piers.",
        headline="Harbour Master Interview: Helen Okoye",
    )
    assert not any(s.text.startswith("Helen Okoye is") for s in statements)
    assert any(s.speaker == "Helen Okoye" and s.text.startswith("I run the harbour") for s in statements)


def test_a_page_in_the_first_person_is_its_bylined_authors_words() -> None:
    """A speech or op-ed published under "By Chairman Ann Hersh" and no "Remarks" in its header."""
    statements = statements_of(
        "By Chairman Helen Okoye",
        "Thank you for inviting me. When I joined the board, I promised to speak plainly about safety.",
        "We investigate every major accident in the harbour. Last year we issued 120 recommendations.",
        headline="Safety at the Crossroads",
    )
    assert [s.speaker for s in statements] == ["Helen Okoye", "Helen Okoye"]


def test_a_bylined_report_stays_narration() -> None:
    statements = statements_of(
        "By Lisa Schlein",
        "The council approved the flood wall on Monday after a long debate.",
        "“We are relieved,” said resident Tom Hale.",
        "Work on the wall will begin in May and take two years.",
        headline="Flood wall approved",
    )
    assert [(s.speaker, s.text) for s in statements] == [("Tom Hale", "We are relieved,")]


def test_an_officials_blog_post_is_its_bylined_authors_words_in_any_voice() -> None:
    """"Written by: X" under "Directors Blog": the author's own writing, though most of it never says "I"."""
    statements = statements_of(
        "HARBOUR Directors Blog - Thu, 09/15/2016 - 12:23",
        "Written by: Helen Okoye",
        "Today, ports across the nation have new statistics on freight.",
        "The survey is the largest of its kind and covers every harbour in the country.",
        headline="New Freight Data Released Today",
    )
    assert [s.speaker for s in statements] == ["Helen Okoye", "Helen Okoye"]
    report = statements_of(
        "Written by: Helen Okoye",
        "Today, ports across the nation have new statistics on freight.",
        "The survey is the largest of its kind and covers every harbour in the country.",
        headline="New Freight Data Released Today",
    )
    assert report == []  # a bylined report in the third person is narration


def test_a_speakers_name_before_a_long_occasion_heads_the_speech_and_its_standfirst_is_not_theirs() -> None:
    """"James Brokenshire – 2018 Speech at Royal Institute of British Architects Stirling Prize Award Ceremony":
    the name line is short, the occasion long; "Below is the text of the speech made by X" is the publisher's."""
    statements = statements_of(
        "Below is the text of the speech made by Helen Okoye, the Minister for Ports, on 10 October 2018.",
        "Thank you for inviting me to join you this evening.",
        "It is a real privilege to be here among so many of our harbour builders.",
        headline="Helen Okoye – 2018 Speech at Royal Institute of Harbour Engineers Annual Prize Award Ceremony",
    )
    assert spoken(statements) == [
        ("Helen Okoye", "Thank you for inviting me to j"),
        ("Helen Okoye", "It is a real privilege to be h"),
    ]


def test_an_unlabelled_briefing_is_spoken_by_who_introduces_themselves() -> None:
    """A recorded briefing with timestamps and no labels: "This is Ann Cole with ..." names its voice."""
    statements = statements_of(
        "0:12",
        "Good morning. This is Helen Okoye with the harbour office. We will start in a moment.",
        "1:49",
        "Thank you for joining us. This briefing is being recorded.",
        headline="Harbour Outlook Virtual Media Briefing",
    )
    assert spoken(statements) == [("Helen Okoye", "Good morning. This is Helen Ok"),
                                  ("Helen Okoye", "Thank you for joining us. This")]


def test_a_speech_naming_no_one_is_the_office_its_speaker_says_they_hold() -> None:
    """"Remarks to the Harbour Forum", then "my job as Port Commissioner": the role speaks the page."""
    statements = statements_of(
        "Thank you all. It is great to be with you this morning.",
        "I have been in my job as Port Commissioner for ten weeks. In that time I have visited every pier.",
        headline="Remarks to the Harbour Forum 2023 Leadership Summit",
    )
    assert [s.speaker for s in statements] == ["Port Commissioner", "Port Commissioner"]


def test_a_speech_page_takes_its_speaker_from_the_lead() -> None:
    statements = statements_of(
        "Culture Minister Rafael Ortiz has said he will protect local libraries in his first speech.",
        "I grew up in a town whose library was the warmest room in winter. I have never forgotten it.",
        "Every council will get a share of the new fund, and I want the money spent on opening hours.",
        headline="Culture Minister sets out his plans in first major speech",
    )
    assert [s.speaker for s in statements] == ["Rafael Ortiz"] * 3
    assert statements[1].text.startswith("I grew up") and statements[2].text.startswith("Every council")


def test_a_report_about_a_speech_stays_narration() -> None:
    statements = statements_of(
        "The mayor, Tom Reed, said in a speech on Monday that the bridge would reopen in June.",
        "The bridge has been closed since the floods of last winter.",
        "Engineers found cracks in two of its piers during an inspection in January.",
        headline="Mayor's speech promises bridge reopening",
    )
    assert [s.speaker for s in statements] == ["Tom Reed"]
    assert statements[0].kind == "reported"


def test_a_statement_from_someone_introduces_their_quoted_paragraphs() -> None:
    statements = statements_of(
        "The following is a statement from Coastguard Director Ian Marsh on the rescue off Skye:",
        "“Our crews worked through the night in terrible seas. Every one of the nine fishermen is safe.",
        "“I thank the volunteers of the lifeboat station for their courage.”",
    )
    assert [s.speaker for s in statements] == ["Ian Marsh", "Ian Marsh"]


def test_the_following_statement_introduces_the_paragraphs_after_it_whatever_its_last_mark() -> None:
    """"The following is a statement from X regarding ...." ends with a full stop in many agency releases; its
    paragraphs each open with a quote mark that nothing closes."""
    statements = statements_of(
        "The following is a statement from Harbour Board Chair Ann Lee regarding today's report from the panel.",
        "\"I want to thank the panel for its careful work over the past year.",
        "\"We will publish our response in the spring.",
    )
    assert [s.speaker for s in statements] == ["Ann Lee", "Ann Lee"]


def test_a_speech_header_names_its_speaker_in_many_styles() -> None:
    body = ("Good morning. I am glad to be back in Duluth, where my grandfather worked on the ore docks.",
            "We will rebuild the harbour with the grant I announce today.")
    headers = [
        ("Deputy Secretary Marcus Bell's Remarks at the Duluth Harbor Ceremony", ()),
        ("Harbor Grants Speech", ("As delivered by Deputy Secretary Marcus Bell, Duluth, Minnesota",)),
        ("Remarks at the Duluth Harbor Ceremony", ("Marcus Bell, Deputy Secretary of Transportation",
                                                   "Duluth, Minnesota")),
        ("Deputy Secretary of Transportation Marcus Bell", ("Remarks as Prepared for Delivery", "Duluth, Minnesota")),
    ]
    for headline, lines in headers:
        statements = statements_of(*lines, *body, headline=headline)
        assert [s.speaker for s in statements] == ["Marcus Bell", "Marcus Bell"], headline
    titled = statements_of("Remarks as Prepared for Delivery", *body,
                           headline="New Harbor Era: Secretary Bell Keynote Address at Harbor Week")
    assert [s.speaker for s in titled] == ["Bell", "Bell"]


def test_whoever_issued_the_following_statement_speaks_the_quoted_paragraph() -> None:
    statements = statements_of(
        "WASHINGTON -- Following Tuesday's launch of the rocket, John P. Holdren, Assistant to the President for "
        "Science and Technology, issued the following statement:",
        "\u201cCongratulations to the teams for this morning's successful launch of the rocket.\u201d",
    )
    assert spoken(statements) == [("John P. Holdren", "Congratulations to the teams f")]


def test_a_statement_attributed_to_someone_is_theirs() -> None:
    statements = statements_of(
        "Below is a statement that can be attributed to Tony Sayegh, Assistant Secretary for Public Affairs:",
        "\u201cThere has been widespread misreporting of the requirements under the law.\u201d",
    )
    assert spoken(statements) == [("Tony Sayegh", "There has been widespread misr")]


def test_someones_remarks_below_are_theirs() -> None:
    statements = statements_of(
        "Secretary Pete Buttigieg spoke with reporters about the grants.",
        "The full transcript of Secretary Buttigieg's remarks are below:",
        "Thanks very much. I want to thank everyone for joining.",
        "I just want to emphasize the context of these grants.",
    )
    assert spoken(statements) == [("Pete Buttigieg", "Thanks very much. I want to th"),
                                  ("Pete Buttigieg", "I just want to emphasize the c")]


def test_excerpts_from_someones_speech_are_theirs() -> None:
    """"Below are excerpts from X's speech as prepared for delivery:", then paragraphs opened and never closed."""
    statements = statements_of(
        "Agriculture Secretary Tom Vilsack today outlined his vision for the nation's forests.",
        "Below are excerpts from Secretary Vilsack's speech as prepared for delivery:",
        "\"A healthy America relies on the health of our forests. They supply clean water.",
        "\"I intend to take that responsibility very seriously.",
    )
    assert spoken(statements) == [("Tom Vilsack", "Agriculture Secretary Tom Vils"),
                                  ("Tom Vilsack", "A healthy America relies on th"),
                                  ("Tom Vilsack", "I intend to take that responsi")]


def test_a_role_label_is_the_person_the_remarks_headline_names() -> None:
    """"Remarks by President Okoye at ...": "THE PRESIDENT:" is President Okoye, one titled word of a name."""
    statements = statements_of(
        "Roosevelt Room",
        "THE PRESIDENT: Thank you all for being here. I had a lot of good discussions this morning.",
        headline="Remarks by President Okoye at Listening Session with Members of Congress",
    )
    assert spoken(statements) == [("Okoye", "Thank you all for being here. ")]


def test_a_message_headed_by_a_role_alone_is_that_roles_words() -> None:
    """"NASA Administrator’s Launch Day Message": nobody is named, so the role as written is the speaker."""
    statements = statements_of(
        "July 13, 2005",
        "This afternoon, the eyes of the world will be on our agency and our effort to launch the shuttle.",
        "I want to thank each and every member of the team for your hard work.",
        headline="NASA Administrator’s Launch Day Message",
    )
    assert [s.speaker for s in statements] == ["NASA Administrator", "NASA Administrator"]


def test_remarks_as_prepared_for_the_speaker() -> None:
    statements = statements_of(
        "January 14, 2009",
        "Remarks as Prepared for Secretary Bodman",
        "Thank you very much for being here. I am pleased to be before you for one last time.",
        headline="National Press Club",
    )
    assert spoken(statements) == [("Bodman", "Thank you very much for being ")]


def test_remarks_delivered_by_the_name_on_the_next_line_not_the_press_contact() -> None:
    statements = statements_of(
        "Contact: Erica Lane (202) 401-3026",
        "Remarks as prepared for delivery by",
        "U.S. Secretary of Education Richard W. Riley",
        "May 13, 2000",
        "Thank you for inviting me to be with you. I am delighted to visit this beautiful campus.",
        headline="Commencement Address",
    )
    assert spoken(statements) == [("Richard W. Riley", "Thank you for inviting me to b")]


def test_a_standfirst_statement_by_someone_gives_them_the_body() -> None:
    """"Statement by Ambassador X, ...": a standfirst under the headline names who speaks every paragraph after."""
    statements = statements_of(
        "The press release issued by the Foreign Office on 2 April 2025.",
        "Statement by Ambassador Clara Whitby, UK Permanent Representative to the UN, at the Security Council.",
        "We welcome this session on the protection of journalists.",
        "I pay tribute to those who report from the frontline.",
        headline="PRESS RELEASE : Journalists must be protected – UK statement at the UN Security Council",
    )
    assert spoken(statements) == [
        ("Clara Whitby", "We welcome this session on the"),
        ("Clara Whitby", "I pay tribute to those who rep"),
    ]


def test_remarks_to_an_audience_do_not_make_the_audience_the_speaker() -> None:
    """"Remarks to the ... Leadership Summit": the summit heard the speech; nobody here is named as giving it."""
    statements = statements_of(
        "Thank you, thank you. It is great to be with you all this morning.",
        "I have been in my job for about ten weeks now, and I have been to ten countries.",
        headline="Remarks to the Foreign Affairs Forum 2023 Leadership Summit",
    )
    assert [s.speaker for s in statements if s.speaker] == []


def test_a_broadcast_scripts_presenter_speaks_its_opening() -> None:
    """"Hello, and welcome to ... I'm Christopher Cruise in Washington. Today on the program, we report on ...":
    the presenter's greeting, introduction and first-person lines; the report after them stays narration."""
    statements = statements_of(
        "Hello, and welcome to Harbour Hour from Radio Sul!",
        "I'm Marta Reis in Lisbon.",
        "Today on the program, we report on a dispute over the name of a bridge.",
        "The bridge opened in 1966. Its name was changed in 1974.",
        headline="A Bridge With Two Names",
    )
    assert [(s.speaker, s.text[:20]) for s in statements] == [
        ("Marta Reis", "Hello, and welcome t"),
        ("Marta Reis", "I'm Marta Reis in Li"),
        ("Marta Reis", "Today on the program"),
    ]


def test_a_self_introduction_inside_a_quote_names_no_presenter() -> None:
    statements = statements_of(
        "The mayor opened the bridge on Monday.",
        "\"I'm Ann Lee, and I opened this bridge,\" she told the crowd.",
        "The bridge opened in 1966.",
    )
    assert [s.text[:20] for s in statements] == ["I'm Ann Lee, and I o"]
