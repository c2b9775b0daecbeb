"""The spaCy layer: exact offsets into the article, subjects of speech verbs, PERSON entities."""

from __future__ import annotations

from pipeline.attribution.parse import parse_articles
from pipeline.nlp import english
from tests.pipeline.attribution.articles import make_article


def test_the_pipeline_loads_once() -> None:
    assert english() is english()
    assert {"parser", "ner"} <= set(english().pipe_names)


def test_speech_verbs_and_subjects_have_offsets_into_the_article() -> None:
    article = make_article(
        "The trains will run late all week, said Nadia Osei, the operator's director.",
        "Caroline Jessop told the committee that the budget was spent.",
    )
    parse = parse_articles([article])[0]
    spans = {article.text[v.start : v.end]: article.text[v.subject_start : v.subject_end] for v in parse.verbs.values()}
    assert spans == {"said": "Nadia Osei", "told": "Caroline Jessop"}
    said = next(v for v in parse.verbs.values() if article.text[v.start : v.end] == "said")
    assert said.subject_after
    assert said.clause is not None
    assert article.text[said.clause[0] : said.clause[1]] == "The trains will run late all week"
    persons = {article.text[s:e] for s, e in parse.persons}
    assert "Caroline Jessop" in persons


def test_articles_parse_in_one_batch_and_keep_their_own_offsets() -> None:
    first = make_article("Ana Ruiz said that the pool would reopen.")
    second = make_article("A short note.", "Ben Ola said that the shop had closed.")
    parses = parse_articles([first, second])
    assert [len(p.verbs) for p in parses] == [1, 1]
    verb = next(iter(parses[1].verbs.values()))
    assert second.text[verb.subject_start : verb.subject_end] == "Ben Ola"


def test_a_name_in_apposition_right_before_the_verb_heads_its_subject() -> None:
    """The parser may hang the name on the role's last noun ("... for Syrian Refugees, Panos Moumtzis, says") and
    tag the role as an organisation; the subject still runs from the role to the name, and the name heads it."""
    article = make_article(
        "UNHCR’s Regional Coordinator for Syrian Refugees, Panos Moumtzis, says most of the refugees flee at night.",
        "The minister for the coast says the pier will reopen.",
    )
    parse = parse_articles([article])[0]
    subjects = [(article.text[v.subject_start : v.subject_end], article.text[v.subject_head :].split()[0])
                for v in parse.verbs.values()]
    assert subjects == [
        ("Regional Coordinator for Syrian Refugees, Panos Moumtzis", "Moumtzis,"),
        ("The minister for the coast", "minister"),
    ]
