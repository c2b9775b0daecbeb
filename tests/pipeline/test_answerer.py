"""The answerer's pure parts: the shortest self-contained span, and scoring with a model-free store."""

import pytest
from haystack import Document

from pipeline.components.answerer import ExtractiveAnswerer, shortest_answer
from pipeline.settings import Settings
from pipeline.stores import make_store


def passage_of(
    *sentences: str, title: str = "T", role: str = "body", dense: float = 0.5, joiner: str = " "
) -> Document:
    """A passage of ``sentences`` (header lines joined by blank lines) with its sentence spans and a dense score."""
    text = joiner.join(sentences)
    spans, at = [], 0
    for sentence in sentences:
        spans.append([at, at + len(sentence)])
        at += len(sentence) + len(joiner)
    return Document(id=f"a.txt:{title}:{len(text)}", content=text,
                    meta={"doc_id": "a.txt", "title": title, "start": 0, "end": len(text), "role": role,
                          "dense_score": dense, "sentences": spans})


def answerer_over(settings: Settings, *passages: Document, abstain_threshold: float = 0.3) -> ExtractiveAnswerer:
    """An answerer whose word rarity comes from a store of ``settings``' kind holding ``passages``."""
    store = make_store(settings, embedding_dimension=3)
    store.write_documents(list(passages))
    return ExtractiveAnswerer(term_statistics=store, abstain_threshold=abstain_threshold)


LONG = ("Around 125,000 Russian troops had been deployed near Ukraine’s eastern border in November 2021, with "
        "President Putin seeking assurances that the country would not join the NATO alliance.")


def answer(question: str, sentence: str = LONG, offset: int = 100) -> str:
    start, end = shortest_answer(question, sentence, offset)
    return sentence[start - offset : end - offset]


def test_a_long_sentence_is_cut_to_the_clause_that_answers() -> None:
    assert answer("How many Russian troops were deployed near the border?") == (
        "Around 125,000 Russian troops had been deployed near Ukraine’s eastern border in November 2021")


def test_the_clause_must_hold_every_matched_question_word() -> None:
    assert answer("What assurances did Putin seek about troops?") == LONG


def test_the_clause_must_hold_the_kind_of_thing_asked_for() -> None:
    sentence = ("The ministers met in Geneva for five hours of talks about the border crisis, while 3,000 extra "
                "soldiers were flown to the region by the alliance.")
    assert "3,000" in answer("How many soldiers were flown to the region during the talks in Geneva?", sentence)


def test_short_sentences_and_quotes_are_not_cut() -> None:
    short = "Russia have been backed by China, with President Xi Jinping joining in."
    assert answer("Who backed Russia?", short) == short
    quoted = ("He said: “We will stay, with or without support, however long it takes, and we will not leave "
              "until the work is done for the people of the region.”")
    assert answer("What did he say about staying?", quoted) == quoted


def test_abstains_without_evidence_and_answers_with_it(any_store_settings: Settings) -> None:
    passage = Document(
        id="a.txt:0:40", content="The embassy moved to Lviv in western Ukraine.",
        meta={"doc_id": "a.txt", "title": "T", "start": 0, "end": 45, "sentences": [[0, 45]], "role": "body",
              "dense_score": 0.8},
    )
    answerer = answerer_over(any_store_settings, passage, abstain_threshold=0.46)
    hit = answerer.run(question="Where did the embassy move?", documents=[passage])["result"]
    assert not hit.abstained and hit.answer == passage.content and hit.citations[0].start == 0
    miss = answerer.run(question="What did the French president say about tariffs?", documents=[])["result"]
    assert miss.abstained and miss.answer is None and miss.citations == []


def test_a_passage_found_by_keywords_alone_is_weighed_by_its_retrieved_embedding(any_store_settings: Settings) -> None:
    passage = Document(
        id="a.txt:0:45", content="The embassy moved to Lviv in western Ukraine.", embedding=[0.0, 1.0, 0.0],
        meta={"doc_id": "a.txt", "title": "T", "start": 0, "end": 45, "sentences": [[0, 45]], "role": "body"},
    )
    answerer = answerer_over(any_store_settings, passage)
    near = answerer.score_sentences("Where did the embassy move?", [passage], [0.0, 1.0, 0.0])[0]
    far = answerer.score_sentences("Where did the embassy move?", [passage], [1.0, 0.0, 0.0])[0]
    assert near.dense == 1.0 and far.dense == 0.0


def test_the_answerer_serialises_with_its_term_statistics() -> None:
    from pipeline.store import NumpyDocumentStore

    answerer = ExtractiveAnswerer(term_statistics=NumpyDocumentStore(), abstain_threshold=0.5, top_k=3)
    restored = ExtractiveAnswerer.from_dict(answerer.to_dict())
    assert isinstance(restored.term_statistics, NumpyDocumentStore) and restored.abstain_threshold == 0.5


def test_a_question_in_the_source_is_never_the_answer(any_store_settings: Settings) -> None:
    passage = passage_of("Q: How do you view the result of the referendum?",
                         "The result expresses the views of the British people.", dense=0.7)
    answerer = answerer_over(any_store_settings, passage)
    result = answerer.run(question="How do you view the result of the referendum?", documents=[passage])["result"]
    assert not result.abstained and result.answer == "The result expresses the views of the British people."


def test_a_clock_time_answers_a_when_question() -> None:
    from pipeline.components.answerer import _has_type

    assert _has_type("12:40 P.M. EDT", "date", set())
    assert _has_type("The subcommittee met at 10:00 a.m. in Room H-313.", "date", set())
    assert not _has_type("I am pleased to convene this hearing.", "date", set())


def test_of_sentences_tied_on_their_passage_the_one_that_says_it_leads(any_store_settings: Settings) -> None:
    # Each sentence covers under 80% of what the passage covers, so both are lifted to the same floor.
    passage = passage_of("Thank you for coming to the talks today.", "The coalition will plan the budget there.",
                         title="Briefing", dense=0.6)
    answerer = answerer_over(any_store_settings, passage)
    first, second = answerer.score_sentences("What will the coalition plan at the talks?", [passage], None)[:2]
    assert first.score == second.score
    assert first.text.startswith("The coalition will plan")


def test_a_header_line_is_found_through_the_other_header_lines(any_store_settings: Settings) -> None:
    from pipeline.components.splitter import ArticleSplitter
    from pipeline.corpus import parse_article

    text = ("Daily Press Briefing\n\nJohn Kirby\n\nWashington, DC\n\nJune 24, 2016\n\n1:43 p.m. EDT\n\n"
            "MR. KIRBY: Good afternoon, everybody. I have nothing to start with today.")
    header = ArticleSplitter().split(parse_article("kirby.txt", text.encode()))[0]
    answerer = answerer_over(any_store_settings, header)
    best = answerer.score_sentences("What time did Kirby's briefing begin?", [header], None)[0]
    assert best.text == "1:43 p.m. EDT"


def test_a_header_line_says_when_the_event_it_heads_took_place(any_store_settings: Settings) -> None:
    """"start speaking" is printed nowhere: the header's time line answers it at the default threshold."""
    from pipeline.components.splitter import ArticleSplitter
    from pipeline.corpus import parse_article

    text = ("Remarks by President Okoye at a Listening Session\n\nRoosevelt Room\n\n10:53 A.M. EST\n\n"
            "THE PRESIDENT: Thank you all for being here. I had a lot of good discussions this morning.")
    passages = ArticleSplitter().split(parse_article("remarks.txt", text.encode()))
    store = make_store(any_store_settings, embedding_dimension=3)
    store.write_documents(passages)
    header = passages[0]
    header.meta["dense_score"] = 0.4
    result = ExtractiveAnswerer(term_statistics=store).run(
        question="At what time did the President start speaking?", documents=[header])["result"]
    assert not result.abstained and result.answer == "10:53 A.M. EST"


def test_a_name_only_the_headline_holds_is_not_unknown(any_store_settings: Settings) -> None:
    # Passages never hold the headline, so word rarity alone would call "Solis" a name the corpus lacks.
    passage = passage_of("Washington, DC", "Thursday, January 14, 2010", title="Secretary of Labor Hilda L. Solis",
                         role="subheading", joiner="\n\n")
    answerer = answerer_over(any_store_settings, passage)
    named = answerer.score_sentences("On what date did Secretary Solis speak?", [passage], None)[0]
    unnamed = answerer.score_sentences("On what date did the secretary speak?", [passage], None)[0]
    unknown = answerer.score_sentences("On what date did Secretary Perez speak?", [passage], None)[0]
    assert named.text == "Thursday, January 14, 2010"
    assert named.score > unnamed.score > unknown.score


def test_a_proper_place_beats_an_organisation_for_where(any_store_settings: Settings) -> None:
    passage = passage_of("On the Visit of the First Lady — DOL", "Washington, DC", title="Remarks", role="subheading",
                         joiner="\n\n")
    answerer = answerer_over(any_store_settings, passage)
    best = answerer.score_sentences("In which city were the remarks given?", [passage], None)[0]
    assert best.text == "Washington, DC"


def test_a_news_dateline_heads_no_spoken_event(any_store_settings: Settings) -> None:
    """A story's date line does not say when the events it reports "take place"; a transcript's does."""
    store = make_store(any_store_settings, embedding_dimension=3)
    answerer = ExtractiveAnswerer(term_statistics=store)

    def header_score(title: str) -> float:
        passage = passage_of("Sunday, February 7, 2021", title=title, role="subheading", dense=0.4)
        return answerer.score_sentences("When will the first holiday take place?", [passage], None)[0].score

    assert header_score("Government announces a new public holiday") < header_score("Remarks on a new public holiday")


def test_a_header_line_naming_the_event_makes_the_headers_date_its_date(any_store_settings: Settings) -> None:
    """"National Press Club" over "Remarks as Prepared for Secretary Bodman": the remarks' date line says when they
    were given, though the headline names no spoken event."""
    store = make_store(any_store_settings, embedding_dimension=3)
    answerer = ExtractiveAnswerer(term_statistics=store)

    def date_score(*lines: str) -> float:
        passage = passage_of(*lines, title="National Press Club", role="subheading", dense=0.4, joiner="\n\n")
        candidates = answerer.score_sentences("When were they given?", [passage], None)
        return next(c.score for c in candidates if c.text == "January 14, 2009")

    assert date_score("January 14, 2009", "Remarks as Prepared for Secretary Bodman") > date_score(
        "January 14, 2009", "Notes Prepared for Secretary Bodman")



def test_a_question_put_to_someone_is_about_whoever_answers_it(any_store_settings: Settings) -> None:
    """An interviewer's "In your case, you earned two degrees in geology ...?" is about the guest, whose name the
    question's words never print."""
    from pipeline.statement_source import StatementList
    from pipeline.types import Statement

    asked = ("In your case, you earned two degrees in geology.", "What inspired you to teach?")
    question_turn = " ".join(asked)
    answer_turn = "My parents always stressed the importance of education."
    store = make_store(any_store_settings, embedding_dimension=3)
    passage = passage_of(*asked, answer_turn, dense=0.5)
    store.write_documents([passage])

    def said(text: str, speaker: str) -> Statement:
        start = (passage.content or "").index(text)
        return Statement(doc_id="a.txt", title="T", text=text, start=start, end=start + len(text), speaker=speaker,
                         kind="direct", paragraph=0)

    question = "In what subject did Acaba earn two degrees?"
    turns = StatementList([said(question_turn, "Interviewer"), said(answer_turn, "Joseph Acaba")])
    answerer = ExtractiveAnswerer(term_statistics=store, abstain_threshold=0.3)
    answerer.attach(statements=turns)
    best = answerer.score_sentences(question, [passage], None)[0]
    unattributed = ExtractiveAnswerer(term_statistics=store, abstain_threshold=0.3)
    alone = unattributed.score_sentences(question, [passage], None)[0]
    assert best.text == alone.text == "In your case, you earned two degrees in geology."
    assert best.own > alone.own  # "Acaba" is covered: the question was put to him


def test_a_publishing_notice_answers_nothing(any_store_settings: Settings) -> None:
    """"EMBARGOED UNTIL DELIVERY" shares "delivered" with the question but says only how the page was issued."""
    passage = passage_of("Office of the Press Secretary", "EMBARGOED UNTIL DELIVERY", "Elwood, Illinois",
                         title="Remarks by the President on Memorial Day", role="subheading", joiner="\n\n")
    answerer = answerer_over(any_store_settings, passage)
    candidates = answerer.score_sentences("Where were these Memorial Day remarks delivered?", [passage], None)
    assert [c.text for c in candidates] == ["Elwood, Illinois"]


def test_a_title_answers_what_post_someone_holds(any_store_settings: Settings) -> None:
    """"What post does X hold?": the sentence giving X's title answers, though it repeats no word of "post"."""
    passage = passage_of("Today we are very honored to be joined by U.S. Secretary of Energy Jane Holm.",
                         "Jane Holm spoke for twenty minutes about the winter.", dense=0.5)
    answerer = answerer_over(any_store_settings, passage)
    best = answerer.score_sentences("What post does Jane Holm hold in the U.S. government?", [passage], None)[0]
    assert best.text.startswith("Today we are very honored")
    assert best.score > best.untyped  # holding a title counts as holding what was asked for


def test_a_sentence_that_rises_to_the_top_is_judged_on_its_entities_too(
    any_store_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the leading sentences are parsed first; one that rises above them once they are judged must be parsed
    too, or a header line like "Involvement in Six-Party Talks" answers "Who gave the briefing?"."""
    from pipeline.components import answerer as answerer_module

    monkeypatch.setattr(answerer_module, "RETYPE_CANDIDATES", 1)
    passage = passage_of("The harbour meeting was chaired in the old town hall.", "Anne Holm opened the session.",
                         dense=0.5)
    answerer = answerer_over(any_store_settings, passage)
    candidates = answerer.score_sentences("Who chaired the harbour meeting?", [passage], None)
    assert candidates[0].evidence != "untyped"


def test_an_organisation_speaking_lends_its_name_not_its_description(any_store_settings: Settings) -> None:
    """"The U.N. refugee agency ... It says ...": the sentence is about what the U.N. says, not about "refugees"."""
    from pipeline.statement_source import StatementList
    from pipeline.types import Statement

    agency = "It says others have been attacked and beaten near the border."
    store = make_store(any_store_settings, embedding_dimension=3)
    passage = passage_of(agency, "The Aro camp was attacked on Monday.", dense=0.5)
    store.write_documents([passage])
    start = (passage.content or "").index(agency)

    def own_coverage(speaker: str) -> float:
        said = Statement(doc_id="a.txt", title="T", text=agency, start=start, end=start + len(agency),
                         speaker=speaker, kind="direct", paragraph=0)
        answerer = ExtractiveAnswerer(term_statistics=store, abstain_threshold=0.3)
        answerer.attach(statements=StatementList([said]))
        candidates = answerer.score_sentences("Which camp did the refugees say was attacked?", [passage], None)
        return next(c.own for c in candidates if c.text == agency)

    assert own_coverage("U.N. refugee agency") == own_coverage("U.N.")


def test_a_lone_passage_shows_no_lead(any_store_settings: Settings) -> None:
    """With no other passage retrieved (a one-article corpus), nothing shows the best sentence standing out, so its
    lead over the others counts as none, not as its whole score: a trap like this one is not answered on a lead."""
    passage = passage_of("The council will build a flood wall of 400 metres.", "Work starts in May.", dense=0.6)
    answerer = answerer_over(any_store_settings, passage)
    evidence = answerer.run(question="How much will the flood wall cost?", documents=[passage])["evidence"]
    assert evidence is not None and evidence.margin == 0.0


def test_a_reporters_premise_is_not_what_the_source_states(any_store_settings: Settings) -> None:
    """"QUESTION: The Times wrote that the plan was vetoed last year ...": the asker's premise ranks below the same
    words anywhere else, unless the question asks what the reporter said."""
    from pipeline.statement_source import StatementList
    from pipeline.types import Statement

    premise = "The Times wrote that the harbour plan was vetoed by the mayor last year."
    store = make_store(any_store_settings, embedding_dimension=3)
    passage = passage_of(premise, dense=0.5)
    store.write_documents([passage])
    answerer = ExtractiveAnswerer(term_statistics=store, abstain_threshold=0.3)
    answerer.attach(statements=StatementList([Statement(
        doc_id="a.txt", title="T", text=premise, start=0, end=len(premise), speaker="Interviewer", kind="direct",
        paragraph=0, mention="QUESTION")]))
    unattributed = ExtractiveAnswerer(term_statistics=store, abstain_threshold=0.3)

    def score(over: ExtractiveAnswerer, question: str) -> float:
        return over.score_sentences(question, [passage], None)[0].score

    asked = "Who vetoed the harbour plan?"
    assert score(answerer, asked) < score(unattributed, asked)
    about_the_reporter = "Who did the reporter say vetoed the harbour plan?"
    assert score(answerer, about_the_reporter) == score(unattributed, about_the_reporter)


def test_a_named_interviewers_turn_is_the_interviewers(any_store_settings: Settings) -> None:
    """"Which city did the interviewer say he could not pronounce?": a "Q" turn is the interviewer's words whether
    the article names him (Jan Mickelson) or not, so "interviewer" is covered by who says it."""
    from pipeline.statement_source import StatementList
    from pipeline.types import Statement

    turn = "I can't pronounce the name of the town where they run with the bulls."
    store = make_store(any_store_settings, embedding_dimension=3)
    passage = passage_of(turn, dense=0.5)
    store.write_documents([passage])

    def own(speaker: str) -> float:
        answerer = ExtractiveAnswerer(term_statistics=store, abstain_threshold=0.3)
        answerer.attach(statements=StatementList([Statement(
            doc_id="a.txt", title="T", text=turn, start=0, end=len(turn), speaker=speaker, kind="direct",
            paragraph=0, mention="Q")]))
        return answerer.score_sentences("Which town did the interviewer say he could not pronounce?", [passage],
                                        None)[0].own

    assert own("Jan Mickelson") == own("Interviewer")
