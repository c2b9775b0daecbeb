"""The extractor end to end: a table of patterns, the seed article's acceptance checks, two fixtures, invariants."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.attribution import extract_statements
from pipeline.components.attribution import StatementExtractor
from pipeline.corpus import parse_article
from pipeline.settings import PROJECT_ROOT
from pipeline.speakers import SpeakerDirectory, same_person
from pipeline.types import Statement
from tests.pipeline.attribution.articles import FIXTURES, load, make_article, triples

SEED = PROJECT_ROOT / "corpus" / "nationalworld-russia-ukraine-nato.txt"
STRAIGHT = FIXTURES / "millbrook-bridge-straight-quotes.txt"
TRANSCRIPT = FIXTURES / "heatwave-interview-transcript.txt"
QUOTE_MARKS = "“”\"‘’"


def by(statements: list[Statement], speaker: str) -> list[str]:
    return [s.text for s in statements if s.speaker == speaker]


@pytest.fixture(scope="module")
def seed() -> list[Statement]:
    return extract_statements(load(SEED))


# --------------------------------------------------------------------------------- table of patterns

CASES: list[tuple[str, list[str], list[tuple[str | None, str, str]]]] = [
    (
        "a name after a lower-case descriptor ('U.S. forward X has ...') is the subject a later 'she' refers to",
        ["U.S. coach Greg Ryan says the team is ready for the match.",
         "U.S. forward Heather O'Reilly has played with some of England's players. She describes their tactics.",
         "\"Rachel Yankee has a very unique style of playing,\" she noted."],
        [("Greg Ryan", "reported", "the team is ready for the match"),
         ("Heather O'Reilly", "direct", "Rachel Yankee has a very unique style of playing,")],
    ),
    (
        "the subject inside someone's report is not the 'he' of their next quote",
        ["Agency spokesman Ron Redmond says the camps are full. He says High Commissioner Ruud Lubbers was made "
         "aware of the problems. \"We are doing what we can to help,\" he said."],
        [("Ron Redmond", "reported", "the camps are full"),
         ("Ron Redmond", "reported", "High Commissioner Ruud Lubbers was made aware of the problems"),
         ("Ron Redmond", "direct", "We are doing what we can to help,")],
    ),
    (
        "a person 'he' surely refers to is not a later 'she'",
        ["Coach Greg Ryan spoke after training.",
         "\u201cThe team is ready,\u201d he said.",
         "\u201cWe trained hard all week,\u201d she said."],
        [("Greg Ryan", "direct", "The team is ready,"),
         (None, "direct", "We trained hard all week,")],
    ),
    (
        "a quote pasted without each paragraph's opening mark runs on to its closing mark",
        ["Interior Secretary Mara Quill spoke of the new energy frontier.",
         "\u201cFirst, this Department is leading the way.",
         "Last week, we finalized the offshore wind rule.",
         "We will need new transmission corridors.\u201d",
         "The meeting ended at noon."],
        [("Mara Quill", "direct", "First, this Department is leading the way."),
         ("Mara Quill", "direct", "Last week, we finalized the offshore wind rule."),
         ("Mara Quill", "direct", "We will need new transmission corridors.")],
    ),
    (
        "a quote mark never closed is a stray mark: the narration after it is nobody's quote",
        ["Interior Secretary Mara Quill spoke of the new energy frontier.",
         "\u201cFirst, this Department is leading the way.",
         "The meeting ended at noon.",
         "Staff returned to their offices."],
        [("Mara Quill", "direct", "First, this Department is leading the way.")],
    ),
    (
        "said that",
        ["NATO Secretary General Jens Stoltenberg has said that any real signs of de-escalation are yet to be seen."],
        [("Jens Stoltenberg", "reported", "any real signs of de-escalation are yet to be seen")],
    ),
    (
        "has claimed",
        ["Mr Johnson has claimed that Russia has been giving mixed signals throughout the crisis."],
        [("Johnson", "reported", "Russia has been giving mixed signals throughout the crisis")],
    ),
    (
        "according to X, leading",
        ["According to Foreign Secretary Liz Truss, an invasion is highly likely within weeks."],
        [("Liz Truss", "reported", "an invasion is highly likely within weeks")],
    ),
    (
        "according to X, trailing",
        ["The project will cost £4.2 million, according to finance director Priya Shah."],
        [("Priya Shah", "reported", "The project will cost £4.2 million")],
    ),
    (
        "told Sky News that",
        ["Foreign Secretary Liz Truss told Sky News that an invasion was highly likely."],
        [("Liz Truss", "reported", "an invasion was highly likely")],
    ),
    (
        "told Sky News: quote",
        ["Foreign Secretary Liz Truss told Sky News: “This would not stop at Ukraine.”"],
        [("Liz Truss", "direct", "This would not stop at Ukraine.")],
    ),
    (
        "warned there is",
        ["President Joe Biden has warned there is a distinct possibility Russia may invade in February."],
        [("Joe Biden", "reported", "there is a distinct possibility Russia may invade in February")],
    ),
    (
        "called ... partial quote",
        ["Foreign Secretary Liz Truss called a Russian invasion “highly likely”."],
        [("Liz Truss", "direct", "highly likely")],
    ),
    (
        "stated that",
        ["Chancellor Olaf Scholz stated that Germany would stand by its allies."],
        [("Olaf Scholz", "reported", "Germany would stand by its allies")],
    ),
    (
        "indicated that",
        ["President Vladimir Putin indicated that Russia was open to further negotiations."],
        [("Vladimir Putin", "reported", "Russia was open to further negotiations")],
    ),
    (
        "suggested that",
        ["President Vladimir Putin suggested that talks could cover missiles as well."],
        [("Vladimir Putin", "reported", "talks could cover missiles as well")],
    ),
    (
        "insisted, a country as speaker",
        ["Russia has repeatedly insisted that it has no intention of invading Ukraine."],
        [("Russia", "reported", "it has no intention of invading Ukraine")],
    ),
    (
        "accused",
        ["President Vladimir Putin has accused NATO of arming Ukrainian forces in the conflict."],
        [("Vladimir Putin", "reported", "NATO of arming Ukrainian forces in the conflict")],
    ),
    (
        "participle adding that",
        ["President Vladimir Putin said troops were leaving, adding that talks with NATO could go on."],
        [
            ("Vladimir Putin", "reported", "troops were leaving"),
            ("Vladimir Putin", "reported", "talks with NATO could go on"),
        ],
    ),
    (
        "curly quote after said:",
        ["Mr Stoltenberg said: “What we have to see is a substantial withdrawal of troops.”"],
        [("Stoltenberg", "direct", "What we have to see is a substantial withdrawal of troops.")],
    ),
    (
        "straight quote, then speaker and verb",
        ['"We are ready for talks," Mr Stoltenberg said.'],
        [("Stoltenberg", "direct", "We are ready for talks,")],
    ),
    (
        "straight quote, then verb and speaker",
        ['"We are ready for talks," said Jens Stoltenberg.'],
        [("Jens Stoltenberg", "direct", "We are ready for talks,")],
    ),
    (
        "quote on both sides of the attribution",
        ["“We are ready,” he said, “but not at any price.”"],
        [(None, "direct", "We are ready,"), (None, "direct", "but not at any price.")],
    ),
    (
        "pronoun resolved to the previous subject",
        ["Prime Minister Boris Johnson chaired a meeting of Cobra.", "He said: “Sanctions are ready.”"],
        [("Boris Johnson", "direct", "Sanctions are ready.")],
    ),
    (
        "pronoun skips a name that is not a subject",
        ["President Vladimir Putin spoke beside Chancellor Olaf Scholz.", "He claimed that the talks had failed."],
        [("Vladimir Putin", "reported", "the talks had failed")],
    ),
    (
        "he/she switch by gender",
        ["Council leader Anna Kowalski met councillor Tom Reed.", "Mr Reed said the plan was rushed.",
         "She said that it was not."],
        [("Tom Reed", "reported", "the plan was rushed"), ("Anna Kowalski", "reported", "it was not")],
    ),
    (
        "role: the Prime Minister",
        ["Prime Minister Boris Johnson spoke to President Joe Biden on Monday.",
         "The Prime Minister said that sanctions were ready."],
        [("Boris Johnson", "reported", "sanctions were ready")],
    ),
    (
        "role: the Russian leader",
        ["Russian President Vladimir Putin met Chancellor Olaf Scholz in Moscow.",
         "The Russian leader said that troops were pulling back."],
        [("Vladimir Putin", "reported", "troops were pulling back")],
    ),
    (
        "role: the secretary",
        ["Foreign Secretary Liz Truss flew to Kyiv on Thursday.",
         "The secretary said that Britain would send more aid."],
        [("Liz Truss", "reported", "Britain would send more aid")],
    ),
    (
        "role: the official, an unnamed speaker",
        ["A senior State Department official said that talks had stalled.",
         "The official added that a new round was planned."],
        [
            ("senior State Department official", "reported", "talks had stalled"),
            ("senior State Department official", "reported", "a new round was planned"),
        ],
    ),
    (
        "a Foreign Office spokesman",
        ["A Foreign Office spokesman said: “We urge British nationals to leave now.”"],
        [("Foreign Office spokesman", "direct", "We urge British nationals to leave now.")],
    ),
    (
        "a Downing Street spokesperson",
        ["A Downing Street spokesperson said that the two leaders were keeping in close contact."],
        [("Downing Street spokesperson", "reported", "the two leaders were keeping in close contact")],
    ),
    (
        "joint statement: the two leaders",
        ["In a call between President Joe Biden and Prime Minister Boris Johnson, the two leaders agreed that "
         "“a crucial window for diplomacy remains open”."],
        [
            ("Joe Biden", "direct", "a crucial window for diplomacy remains open"),
            ("Boris Johnson", "direct", "a crucial window for diplomacy remains open"),
        ],
    ),
    (
        "joint statement: compound subject",
        ["Joe Biden and Boris Johnson said that sanctions would follow any invasion."],
        [
            ("Joe Biden", "reported", "sanctions would follow any invasion"),
            ("Boris Johnson", "reported", "sanctions would follow any invasion"),
        ],
    ),
    (
        "a reported clause holding a quote gives only the quote",
        ["Boris Johnson said that the field hospitals “only can be construed as preparation for an invasion”."],
        [("Boris Johnson", "direct", "only can be construed as preparation for an invasion")],
    ),
    (
        "a quote over two paragraphs, one statement each",
        ["Mr Stoltenberg said: “What we have to see is a withdrawal.", "“It’s too early to say.”"],
        [
            ("Stoltenberg", "direct", "What we have to see is a withdrawal."),
            ("Stoltenberg", "direct", "It’s too early to say."),
        ],
    ),
    (
        "quote after broken grammar: with X said:",
        ["The news was met with scepticism, with NATO Secretary General Jens Stoltenberg said: "
         "“We see no withdrawal.”"],
        [("Jens Stoltenberg", "direct", "We see no withdrawal.")],
    ),
    (
        "a heading that mentions speech gives nothing",
        ["What has President Putin said?", "President Putin said that troops were pulling back."],
        [("Putin", "reported", "troops were pulling back")],
    ),
    (
        "labelled transcript, surname and full name",
        ["STOLTENBERG: We will defend every inch of allied territory.", "Jens Stoltenberg: Nobody should doubt that."],
        [
            ("Jens Stoltenberg", "direct", "We will defend every inch of allied territory."),
            ("Jens Stoltenberg", "direct", "Nobody should doubt that."),
        ],
    ),
    (
        "scare quote in narration is skipped",
        ["The US embassy has been “temporarily relocated” to Lviv in western Ukraine."],
        [],
    ),
    (
        "a noun that looks like a verb is not speech",
        ["The websites of the defence ministry and state banks were targeted in a cyberattack."],
        [],
    ),
    (
        "a quote opened with a right mark by mistake is still a quote, and the next one goes on with its speaker",
        ["\u201dI think the market is very good,\u201d Jim Yates said. "
         "\u201cI hope to stay here for a long time.\u201d"],
        [("Jim Yates", "direct", "I think the market is very good,"),
         ("Jim Yates", "direct", "I hope to stay here for a long time.")],
    ),
    (
        "a name after a preposition is not the speaker",
        ["Mr Johnson said that comments from The Kremlin indicated “an avenue for diplomacy”."],
        [("Johnson", "direct", "an avenue for diplomacy")],
    ),
    (
        "a quote after a non-speech clause is not given to a later speaker",
        ["Putin wants the regions recognised as “people’s republics”, however Mr Stoltenberg said that this "
         "would be a “violation of international law”."],
        [("Stoltenberg", "direct", "violation of international law")],
    ),
    (
        "a name inside a who-clause is not the speaker",
        ["Councillor Ruth Adeyemi, who represents Castle Ward, told the committee that parking charges were "
         "“a tax on shoppers”."],
        [("Ruth Adeyemi", "direct", "a tax on shoppers")],
    ),
    (
        "age and a description between the speaker and said:, quote over three paragraphs",
        ["Graham Tully, 71, a retired baker from Stockport who has used the route for years, said: “The bus was "
         "my lifeline.", "“Without it I would not see my sister.", "“Nobody asked us.”"],
        [
            ("Graham Tully", "direct", "The bus was my lifeline."),
            ("Graham Tully", "direct", "Without it I would not see my sister."),
            ("Graham Tully", "direct", "Nobody asked us."),
        ],
    ),
    (
        "role in apposition without a determiner, then referred to by that role",
        ["Lena Fischer, chief executive of the lender Harbourside, told Reuters that profits had fallen.",
         "The chief executive said the bank would close 30 branches."],
        [
            ("Lena Fischer", "reported", "profits had fallen"),
            ("Lena Fischer", "reported", "the bank would close 30 branches"),
        ],
    ),
    (
        "chief executive as a title before the name",
        ["The ferry operator was sold in May. Chief executive Owen Pryce said that sailings would resume soon.",
         "The chief executive added that fares would not rise this year."],
        [
            ("Owen Pryce", "reported", "sailings would resume soon"),
            ("Owen Pryce", "reported", "fares would not rise this year"),
        ],
    ),
    (
        "role words before a title are not part of the name",
        ["Veteran MP Joanne Reddy said the maternity unit must stay open.",
         "The MP said she would raise it in Parliament."],
        [
            ("Joanne Reddy", "reported", "the maternity unit must stay open"),
            ("Joanne Reddy", "reported", "she would raise it in Parliament"),
        ],
    ),
    (
        "an organisation named with of/for",
        ["The Ministry of Housing said that 4,000 homes would be built by 2030."],
        [("Ministry of Housing", "reported", "4,000 homes would be built by 2030")],
    ),
    (
        "according to a spokeswoman for an organisation",
        ["According to a spokeswoman for the Royal Society of Chemistry, the results were “deeply worrying”."],
        [("Royal Society of Chemistry spokeswoman", "direct", "deeply worrying")],
    ),
    (
        "according to + adjective and noun names nobody",
        ["Rents rose by 9% last year, according to official data published on Friday."],
        [],
    ),
    (
        "a quote-only verb inside a reported clause does not cut it",
        ["Councillor Ruth Adeyemi wrote on Facebook that she had asked for a review of the fees."],
        [("Ruth Adeyemi", "reported", "she had asked for a review of the fees")],
    ),
    (
        "the firm -> the organisation introduced as a chain",
        ["Shares in the supermarket chain Fairmart fell 8% on Tuesday.",
         "The firm told the BBC that no stores would close this year."],
        [("Fairmart", "reported", "no stores would close this year")],
    ),
    (
        "the trust -> the earlier organisation whose name holds the noun",
        ["Northfield Housing Trust has bought 40 homes on the estate.",
         "The trust said in a statement that rents would be frozen until 2026."],
        [("Northfield Housing Trust", "reported", "rents would be frozen until 2026")],
    ),
    (
        "the club added after a quote",
        ["Hartley Rovers FC signed the striker from a rival on Friday.",
         "“He is a proven goalscorer who will fit in well,” the club added."],
        [("Hartley Rovers FC", "direct", "He is a proven goalscorer who will fit in well,")],
    ),
    (
        "a verb of a public act of speech makes its sentence a statement",
        ["Exports Minister Malcolm Offord has praised the UK’s exporters after new figures showed record sales.",
         "The American Pyrotechnics Association attributes the record sales to an upsurge in patriotism.",
         "Mayor Lisa Brown welcomed the decision and called on donors to increase contributions."],
        [("Malcolm Offord", "reported",
          "Exports Minister Malcolm Offord has praised the UK’s exporters after new figures showed record sales"),
         ("American Pyrotechnics Association", "reported",
          "The American Pyrotechnics Association attributes the record sales to an upsurge in patriotism"),
         ("Lisa Brown", "reported", "Mayor Lisa Brown welcomed the decision and called on donors to increase "
          "contributions")],
    ),
    (
        "a name beside the descriptor that heads a subject ('The singer Tom Hale fell ill') is who 'he' refers to",
        ["The singer Tom Hale fell ill on stage.", "He said “I can no longer sing.”"],
        [("Tom Hale", "direct", "I can no longer sing.")],
    ),
    (
        "an organisation named beside a common noun speaks, and 'they' right after it is that organisation",
        ["The venue, Metro Radio Arena, have announced that the singer had a sore throat. However, they also say "
         "that fans are unlikely to be refunded.",
         "The storm hit the coast on Monday. They said the roads were closed."],
        [("Metro Radio Arena", "reported", "the singer had a sore throat"),
         ("Metro Radio Arena", "reported", "fans are unlikely to be refunded"),
         (None, "reported", "the roads were closed")],
    ),
    (
        "a speech verb joined to an earlier verb shares its subject",
        ["The singer Tom Hale told the crowd that it was his last concert.",
         "He tried to sing the first line, but instead said “I can no longer sing. Thank you for 30 years.”"],
        [("Tom Hale", "reported", "it was his last concert"),
         ("Tom Hale", "direct", "I can no longer sing. Thank you for 30 years.")],
    ),
    (
        "an act of speech after a quote in the same paragraph is its own sentence; 'D.C. She' is no name",
        ["“We are ready,” Mayor Ann Cole told the council in Washington, D.C. She thanked the crews for their work."],
        [("Ann Cole", "direct", "We are ready,"), ("Ann Cole", "reported", "She thanked the crews for their work")],
    ),
    (
        "an act of speech ends where a speech verb opens the speaker's own words",
        ["Council leader Ann Cole praised the volunteers, saying: “They worked through the night.”"],
        [("Ann Cole", "reported", "Council leader Ann Cole praised the volunteers"),
         ("Ann Cole", "direct", "They worked through the night.")],
    ),
    (
        "an act of speech needs its actor as the main verb's active subject",
        ["The firefighters were praised by Mayor Lisa Brown for their speed.",
         "Thanks to the funding, the plan that Governor Jane Miller praised will go ahead.",
         "Climber Tom Hall set out to climb the mountain on Monday.",
         "Police questioned two men on Tuesday."],
        [],
    ),
    (
        "an attribution after a quote ending in '!' or '?' is the quote's, though the splitter cuts before it",
        ["“Stop!” The crowd ran to the gate and the police said nothing.",  # no attribution: a sentence of its own
         "“Come and see the harbour – ideas 12 and 57 are great!” Ann Cole remarked.",
         "“Who will pay for it?” Councillor Tom Hale asked."],
        [("Ann Cole", "direct", "Come and see the harbour – ideas 12 and 57 are great!"),
         ("Tom Hale", "direct", "Who will pay for it?")],
    ),
    (
        "a label naming no one glued to the story ('Contact: ...') closes no one's words: its quotes are read",
        ["Contact: Barb Hale, 360-565-3005 The park turns 99 on Tuesday. “We welcome everyone,” said "
         "Superintendent Ann Cole."],
        [("Ann Cole", "direct", "We welcome everyone,")],
    ),
    (
        "officers of the law named by their role speak like any other role",
        ["The prosecutor told the lawyer that he will open a trial against him.",
         "The coroner said the death was an accident."],
        [("prosecutor", "reported", "he will open a trial against him"),
         ("coroner", "reported", "the death was an accident")],
    ),
    (
        "the council with no organisation named earlier names nobody",
        ["The council said that the bridge would reopen in March."],
        [],
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_attribution_pattern(paragraphs: list[str], expected: list[tuple[str | None, str, str]]) -> None:
    assert triples(extract_statements(make_article(*paragraphs))) == expected


def test_mention_keeps_how_the_speaker_was_named() -> None:
    statements = extract_statements(make_article("Prime Minister Boris Johnson met his cabinet.", "He said: “Ready.”"))
    assert [(s.speaker, s.mention) for s in statements] == [("Boris Johnson", "He")]


def test_organisation_noun_with_two_candidates_is_uncertain() -> None:
    article = make_article("Medway Council joined Kent County Council in opposing the plan.",
                           "The council said that it would appeal against the ruling.")
    [statement] = extract_statements(article)
    assert (statement.speaker, statement.mention, statement.uncertain) == ("Kent County Council", "The council", True)


def test_pronoun_without_antecedent_is_uncertain() -> None:
    [statement] = extract_statements(make_article("He said: “We are ready for anything that comes next.”"))
    assert statement.speaker is None and statement.uncertain and statement.mention == "He"


def test_long_quote_without_speaker_is_kept_uncertain() -> None:
    [statement] = extract_statements(make_article('A sign at the site read: "Works start soon, please be patient."'))
    assert (statement.speaker, statement.uncertain) == (None, True)


def test_quote_paragraph_after_a_closed_quote_continues_the_speaker_uncertainly() -> None:
    statements = extract_statements(
        make_article("Mr Stoltenberg said: “We are watching closely.”", "“Nothing has changed on the ground.”")
    )
    assert [(s.speaker, s.uncertain) for s in statements] == [("Stoltenberg", False), ("Stoltenberg", True)]


def test_caption_that_reports_speech_is_kept_as_caption() -> None:
    article = make_article(
        "Joe Biden has warned there is a “distinct possibility” Russia may invade Ukraine (Photo: Getty Images)"
    )
    [statement] = extract_statements(article)
    assert (statement.speaker, statement.text, statement.is_caption) == ("Joe Biden", "distinct possibility", True)


def test_boilerplate_gives_nothing() -> None:
    article = make_article(
        "Mr Stoltenberg said that talks would continue next week.",
        "A message from the editor:",
        "Thank you for reading. The editor said: “Please subscribe to our newsletter today.”",
    )
    assert triples(extract_statements(article)) == [("Stoltenberg", "reported", "talks would continue next week")]


# --------------------------------------------------------------------------------- seed acceptance


def test_seed_stoltenberg_has_exactly_four_statements(seed: list[Statement]) -> None:
    assert [(s.kind, s.text) for s in seed if s.speaker == "Jens Stoltenberg"] == [
        ("reported", "any real signs of de-escalation in the region is yet to be seen"),
        ("direct", "What we have to see is a substantial withdrawal of troops, not only troops but equipment."),
        ("direct", "It’s too early to say whether we see anything on the ground, but we are following very closely "
                   "what they are doing."),
        ("direct", "violation of international law"),
    ]


def test_seed_stoltenberg_statements_sit_where_the_article_says(seed: list[Statement]) -> None:
    article = load(SEED)
    paragraphs = [article.text[article.paragraphs[s.paragraph].start :][:40] for s in seed
                  if s.speaker == "Jens Stoltenberg"]
    assert paragraphs[0].startswith("As of Tuesday 15 February")
    assert paragraphs[3].startswith("He also has attempted to recognise")


def test_seed_putin(seed: list[Statement]) -> None:
    putin = by(seed, "Vladimir Putin")
    assert "Unfortunately there was no constructive response to this proposal." in putin
    assert any(t.startswith("This is exactly why we have put forward the proposal") for t in putin)
    assert "as a package" in putin  # "The Russian leader has also suggested ..."
    assert "genocide" in putin  # "he claimed", with Olaf Scholz named in between


def test_seed_biden(seed: list[Statement]) -> None:
    biden = by(seed, "Joe Biden")
    assert (
        "[Russian troops withdrawing] would be good, but we have not yet verified that. We have not yet verified the "
        "Russian military units are returning to their home bases."
    ) in biden
    assert "Indeed, our analysts indicate that they remain very much in a threatening position." in biden


def test_seed_foreign_office_spokesman(seed: list[Statement]) -> None:
    assert by(seed, "Foreign Office spokesman") == [
        "The safety and security of British nationals is our top priority, which is why we have updated our travel "
        "advice.",
        "We urge British nationals in Ukraine to leave now via commercial means while they remain available.",
    ]


def test_seed_truss(seed: list[Statement]) -> None:
    truss = by(seed, "Liz Truss")
    assert truss[0] == "highly likely"
    assert truss[1].startswith("President Putin has actively questioned why other countries in eastern Europe")


def test_seed_johnson(seed: list[Statement]) -> None:
    johnson = by(seed, "Boris Johnson")
    assert "only can be construed as preparation for an invasion" in johnson
    assert any(t.startswith("We’ve got Russian field hospitals being constructed") for t in johnson)
    assert any(t.startswith("You’ve got more battalion tactical groups") for t in johnson)
    assert "mixed signals" in johnson
    assert "we are seeing a Russia openness to conversations" in johnson


def test_seed_joint_statement_belongs_to_both_leaders(seed: list[Statement]) -> None:
    window = [s for s in seed if s.text == "a crucial window for diplomacy remains open"]
    assert sorted(s.speaker or "" for s in window) == ["Boris Johnson", "Joe Biden"]
    assert len({(s.start, s.end) for s in window}) == 1


def test_seed_canonical_names_and_nothing_from_headings(seed: list[Statement]) -> None:
    article = load(SEED)
    speakers = {s.speaker for s in seed}
    assert {"Jens Stoltenberg", "Vladimir Putin", "Joe Biden", "Boris Johnson", "Liz Truss"} <= speakers
    assert not speakers & {"Stoltenberg", "Putin", "Biden", "Johnson", "Mr Johnson", "President Putin"}
    skipped = {p.index for p in article.paragraphs if p.role in {"headline", "subheading", "boilerplate"}}
    assert not [s for s in seed if s.paragraph in skipped]


def test_seed_caption_statement(seed: list[Statement]) -> None:
    [caption] = [s for s in seed if s.is_caption]
    assert (caption.speaker, caption.text) == ("Joe Biden", "distinct possibility")


def test_seed_scare_quotes_skipped(seed: list[Statement]) -> None:
    texts = {s.text for s in seed}
    assert "temporarily relocated" not in texts
    assert "people’s republics" not in texts


# --------------------------------------------------------------------------------- fixtures


def test_straight_quote_fixture() -> None:
    statements = extract_statements(load(STRAIGHT))
    assert triples(statements) == [
        ("Anna Kowalski", "direct", "transform the town centre for a generation"),
        ("Anna Kowalski", "direct", "We listened to every objection. This is the right decision for Millbrook."),
        ("Tom Reed", "direct", "The cost has doubled in two years and nobody can tell us why,"),
        ("Tom Reed", "direct", "Residents deserve a straight answer,"),
        ("Priya Shah", "reported", "The project will cost £4.2 million"),
        ("Anna Kowalski", "reported", "construction could begin in the spring"),
        ("Anna Kowalski", "reported", "the budget was under control"),
        ("Tom Reed", "reported", "the council of hiding the true figures"),
        ("Tom Reed", "direct", "We will keep asking questions until we get answers."),
        ("Tom Reed", "direct", "The people of Millbrook are paying for this, and they deserve better."),
        (None, "direct", "Works start soon, please be patient with us while we build."),
    ]
    assert [s.mention for s in statements if s.paragraph == 8] == ["She", "he"]
    assert statements[-1].uncertain


def test_transcript_fixture() -> None:
    statements = extract_statements(load(TRANSCRIPT))
    assert [(s.speaker, s.mention, s.text[:30]) for s in statements] == [
        ("Interviewer", "Q", "How bad was this summer compar"),
        ("Amara Okafor", "OKAFOR", "It was the hottest on record f"),
        ("Amara Okafor", "OKAFOR", "That matters because bodies ne"),  # no label: still the guest's
        ("Interviewer", "INTERVIEWER", "Are governments prepared?"),
        ("Amara Okafor", "Dr Amara Okafor", "Some are. Most heat plans were"),
        ("Interviewer", "Q", "What would you change first?"),
        ("Amara Okafor", "A", "I would start with hospitals a"),
    ]
    assert {s.kind for s in statements} == {"direct"}


@pytest.mark.parametrize("path", [SEED, STRAIGHT, TRANSCRIPT], ids=lambda p: p.name)
def test_every_statement_is_an_exact_clean_span(path: Path) -> None:
    article = load(path)
    statements = extract_statements(article)
    assert statements
    for s in statements:
        assert article.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        assert s.text[0] not in QUOTE_MARKS and s.text[-1] not in QUOTE_MARKS, s.text
        assert s.doc_id == article.doc_id and s.title == article.title
        assert article.paragraphs[s.paragraph].start <= s.start < s.end <= article.paragraphs[s.paragraph].end
    assert statements == sorted(statements, key=lambda s: (s.start, s.end))


def test_every_pattern_case_is_an_exact_clean_span() -> None:
    for _, paragraphs, _ in CASES:
        article = make_article(*paragraphs)
        for s in extract_statements(article):
            assert article.text[s.start : s.end] == s.text
            assert s.text[0] not in QUOTE_MARKS and s.text[-1] not in QUOTE_MARKS


# --------------------------------------------------------------------------------- speakers


def test_directory_resolves_names_from_the_seed(seed: list[Statement]) -> None:
    directory = SpeakerDirectory(seed)
    assert directory.resolve("Stoltenberg") == "Jens Stoltenberg"
    assert directory.resolve("Mr Johnson") == "Boris Johnson"
    assert directory.resolve("the Prime Minister") == "Boris Johnson"
    assert directory.resolve("Macron") is None


def test_same_person() -> None:
    assert same_person("Foreign Office", "Foreign Office spokesman")
    assert not same_person("Vladimir Putin", "Jens Stoltenberg")
    assert same_person("Joe Biden", "Biden")
    assert not same_person("Foreign Office", "Downing Street spokesperson")
    assert not same_person("Transport Secretary", "Department for Transport")  # a person's role, not the department
    assert same_person("Department for Transport", "Department for Transport")


def _statement(speaker: str, doc_id: str = "a.txt") -> Statement:
    return Statement(doc_id=doc_id, title="t", text="words", start=0, end=5, speaker=speaker, kind="direct")


@pytest.mark.parametrize("order", [("Biden", "Joe Biden"), ("Joe Biden", "Biden")])
def test_directory_merges_a_short_name_across_articles(order: tuple[str, str]) -> None:
    directory = SpeakerDirectory([_statement(order[0], "a.txt"), _statement(order[1], "b.txt")])
    assert dict(directory.counts) == {"Joe Biden": 2}
    assert directory.canonical("Biden") == "Joe Biden"
    assert directory.names_of("Joe Biden") == {"Joe Biden", "Biden"}
    assert directory.resolve("Biden") == "Joe Biden"
    assert directory.same_person("Joe Biden", "Biden")


def test_directory_keeps_an_ambiguous_short_name_apart() -> None:
    directory = SpeakerDirectory([_statement("Boris Johnson"), _statement("Dwayne Johnson"), _statement("Johnson")])
    assert directory.canonical("Johnson") == "Johnson"
    assert set(directory.counts) == {"Boris Johnson", "Dwayne Johnson", "Johnson"}


# --------------------------------------------------------------------------------- component


def test_component_runs_and_round_trips() -> None:
    extractor = StatementExtractor()
    articles = [load(STRAIGHT), load(TRANSCRIPT)]
    result = extractor.run(articles=articles)
    assert result["statements"] == extract_statements(articles[0]) + extract_statements(articles[1])
    data = extractor.to_dict()
    assert data["type"].endswith("StatementExtractor")
    assert isinstance(StatementExtractor.from_dict(data), StatementExtractor)


def test_seed_with_straight_quotes_gives_the_same_attributions(seed: list[Statement]) -> None:
    text = SEED.read_text(encoding="utf-8").replace("“", '"').replace("”", '"')
    straight = extract_statements(parse_article(SEED.name, text.encode("utf-8")))
    assert [(s.speaker, s.kind, s.text) for s in straight] == [(s.speaker, s.kind, s.text) for s in seed]
