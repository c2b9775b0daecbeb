"""The speaker route cites reported speech with the words that say who reports it, direct quotes as their words."""

from __future__ import annotations

import pytest

from pipeline.attribution import extract_statements
from pipeline.components.router import SpeakerQuestion
from pipeline.components.speaker_statements import SpeakerStatementsAnswerer
from pipeline.statement_source import StatementList
from pipeline.types import Statement
from tests.pipeline.attribution.articles import make_article

CITATION_CASES: list[tuple[str, str, list[str]]] = [
    (
        "said that: the mention starts the citation, the full stop ends it",
        "Later that day, Harbour Master Tilda Brooks said that the pier would reopen on Friday.",
        ["Harbour Master Tilda Brooks said that the pier would reopen on Friday."],
    ),
    (
        "said X after the report: the citation runs to the mention",
        "The pier will reopen on Friday, said Tilda Brooks, the harbour master.",
        ["The pier will reopen on Friday, said Tilda Brooks"],
    ),
    (
        "said X ending the sentence: the citation runs to its full stop",
        "The pier will reopen on Friday, said Tilda Brooks.",
        ["The pier will reopen on Friday, said Tilda Brooks."],
    ),

    (
        "a quote ending a reported clause: cited from the mention to the end of the sentence, closing mark included",
        "Tilda Brooks said that the storm damage was \u201cworse than anyone expected\u201d.",
        ["Tilda Brooks said that the storm damage was \u201cworse than anyone expected\u201d."],
    ),
    (
        "a quoted fragment inside a reported clause: the whole report is cited",
        "Tilda Brooks says that \u201cchanges in the tide\u201d after the storm caused the damage.",
        ["Tilda Brooks says that \u201cchanges in the tide\u201d after the storm caused the damage."],
    ),
    (
        "a quote framed by 'described ... as': the whole sentence is cited",
        "Tilda Brooks described the storm damage at the pier as \u201cpainful.\u201d",
        ["Tilda Brooks described the storm damage at the pier as \u201cpainful.\u201d"],
    ),
    (
        "a quoted fragment ending a reported clause without 'that': the whole report",
        "Tilda Brooks said the lifeguards were \u201cindispensable.\u201d",
        ["Tilda Brooks said the lifeguards were \u201cindispensable.\u201d"],
    ),
    (
        "a name and its verb ending the report: the citation runs through the verb",
        "Water reached the pier by noon, Tilda Brooks noted.",
        ["Water reached the pier by noon, Tilda Brooks noted."],
    ),
    (
        "an act of speech is its whole sentence, full stop included",
        "Harbour Master Tilda Brooks called the new pier a triumph.",
        ["Harbour Master Tilda Brooks called the new pier a triumph."],
    ),
    (
        "a quote after 'said,': its own words, not the report",
        "Tilda Brooks said, \u201cThe pier is safe again.\u201d",
        ["The pier is safe again."],
    ),
    (
        "a plain direct quote: its own words",
        "\u201cThe pier is safe again,\u201d Tilda Brooks said.",
        ["The pier is safe again,"],
    ),
]


@pytest.mark.parametrize(("paragraph", "cited"), [c[1:] for c in CITATION_CASES], ids=[c[0] for c in CITATION_CASES])
def test_citation_of_a_statement(paragraph: str, cited: list[str]) -> None:
    article = make_article(paragraph)
    statements = extract_statements(article)
    answerer = SpeakerStatementsAnswerer()
    answerer.attach(statements=StatementList(statements), articles={article.doc_id: article})
    result = answerer.run(SpeakerQuestion(question="What did Tilda Brooks say?", name="Tilda Brooks"))["result"]
    assert [c.text for c in result.citations] == cited
    assert all(article.text[c.start : c.end] == c.text for c in result.citations)


def test_a_person_never_quoted_is_an_abstention() -> None:
    article = make_article("Tilda Brooks said that the pier would reopen on Friday.")
    statements = extract_statements(article)
    answerer = SpeakerStatementsAnswerer()
    answerer.attach(statements=StatementList(statements), articles={article.doc_id: article})
    result = answerer.run(SpeakerQuestion(question="What did Ada Lind say?", name="Ada Lind"))["result"]
    assert result.abstained and result.route == "speaker"


@pytest.mark.parametrize(("paragraph", "mention", "cited"), [
    ("Agency Spokesman Tilda Brooks says the pier will reopen on Friday.", "Spokesman Tilda Brooks",
     "Agency Spokesman Tilda Brooks says the pier will reopen on Friday."),
    ("Later, Spokesman Tilda Brooks says the pier will reopen on Friday.", "Spokesman Tilda Brooks",
     "Spokesman Tilda Brooks says the pier will reopen on Friday."),
    ("A local official says the pier will reopen on Friday.", "official",
     "A local official says the pier will reopen on Friday."),
    ("Officials met, and a local official says the pier will reopen on Friday.", "official",
     "official says the pier will reopen on Friday."),
], ids=["capitalised words before the mention open the subject", "a comma ends the subject's opening",
        "an article and its modifiers open the subject", "a lower-case word not after an article ends it"])
def test_a_reported_statement_is_cited_from_its_subjects_first_word(paragraph: str, mention: str, cited: str) -> None:
    """The mention found for a speaker may miss the first words of the subject it heads ("Agency" of "Agency
    Spokesman Ron Redmond says ..."); the citation starts where the subject does."""
    article = make_article(paragraph)
    text = "the pier will reopen on Friday"
    start = article.text.index(text)
    statement = Statement(doc_id=article.doc_id, title=article.title, text=text, start=start, end=start + len(text),
                          speaker="Tilda Brooks", kind="reported", paragraph=1, mention=mention)
    answerer = SpeakerStatementsAnswerer()
    answerer.attach(statements=StatementList([statement]), articles={article.doc_id: article})
    result = answerer.run(SpeakerQuestion(question="What did Tilda Brooks say?", name="Tilda Brooks"))["result"]
    assert [c.text for c in result.citations] == [cited]
