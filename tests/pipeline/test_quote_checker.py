"""QuoteChecker verdicts: verbatim, altered, paraphrase, misattributed, not_found.

Unit cases run on a small hand-made article with hand-made Statements and hand-made unit vectors as
embeddings (no model). Seed cases use hand-made Statements over the seed article; the cases marked
``attribution`` use ``pipeline.attribution.extract_statements`` and are skipped while it is missing.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from haystack import Document, Pipeline

from pipeline.components.quote_checker import QuoteChecker, describe_differences
from pipeline.corpus import load_corpus, parse_article
from pipeline.quote_index import QuoteIndex
from pipeline.statement_source import StatementList
from pipeline.types import Article, CheckResult, Difference, Statement

ALTERED_MIN = 0.7
PARAPHRASE_MIN = 0.70
SEED_DOC = "nationalworld-russia-ukraine-nato.txt"
CORPUS = Path(__file__).resolve().parents[2] / "corpus"

ARTICLE_TEXT = """Nato says Russian troops are still at the border

Nato Secretary General Jens Stoltenberg said: “What we have to see is a substantial withdrawal of troops. \
We have not seen any de-escalation on the ground.”

Vladimir Putin said: “Unfortunately there was no constructive response to this proposal.”

Officials say the talks will resume in Geneva next week after a pause of several months.

Boris Johnson said that the field hospitals “only can be construed as preparation for an invasion”.

Speaking to reporters in Brussels on Tuesday evening after the long summit, the minister called the plan “reckless”.

Who will pay for the field hospitals near the border?
"""


def make_statement(article: Article, text: str, speaker: str | None, mention: str | None = None) -> Statement:
    start = article.text.index(text)
    paragraph = article.paragraph_at(start)
    return Statement(
        doc_id=article.doc_id,
        title=article.title,
        text=text,
        start=start,
        end=start + len(text),
        speaker=speaker,
        kind="direct",
        paragraph=paragraph.index if paragraph else 0,
        mention=mention,
    )


def make_checker(
    articles: list[Article], statements: list[Statement], *, altered_min: float = ALTERED_MIN
) -> QuoteChecker:
    checker = QuoteChecker(altered_min_similarity=altered_min, paraphrase_min_similarity=PARAPHRASE_MIN)
    checker.attach(
        quote_index=QuoteIndex(articles),
        statements=StatementList(statements),
        articles={a.doc_id: a for a in articles},
    )
    return checker


@pytest.fixture(scope="module")
def article() -> Article:
    article = parse_article("nato.txt", ARTICLE_TEXT.encode("utf-8"))
    article.publisher, article.published = "Example News", "2022-02-15"
    return article


@pytest.fixture(scope="module")
def statements(article: Article) -> list[Statement]:
    return [
        make_statement(
            article,
            "What we have to see is a substantial withdrawal of troops. We have not seen any de-escalation on the "
            "ground.",
            "Jens Stoltenberg",
            "Nato Secretary General Jens Stoltenberg",
        ),
        make_statement(
            article, "Unfortunately there was no constructive response to this proposal.", "Vladimir Putin", "Putin"
        ),
        make_statement(article, "reckless", "Liz Truss", "the minister"),
    ]


@pytest.fixture(scope="module")
def checker(article: Article, statements: list[Statement]) -> QuoteChecker:
    return make_checker([article], statements)


def check(checker: QuoteChecker, quote: str, speaker: str | None = None, **kwargs: object) -> CheckResult:
    result = checker.run(quote=quote, speaker=speaker, **kwargs)["result"]
    if result.match is not None:
        article = checker._articles[result.match.doc_id]
        assert article.text[result.match.start : result.match.end] == result.match.text
    return result


def sentence_doc(article: Article, text: str, angle_cos: float) -> Document:
    """A candidate sentence whose unit vector has cosine ``angle_cos`` with the quote vector (1, 0, 0)."""
    start = article.text.index(text)
    return Document(
        content=text,
        meta={"doc_id": article.doc_id, "start": start, "end": start + len(text)},
        embedding=[angle_cos, math.sqrt(1.0 - angle_cos**2), 0.0],
    )


QUOTE_VECTOR = [1.0, 0.0, 0.0]
PUTIN_SENTENCE = "Vladimir Putin said: “Unfortunately there was no constructive response to this proposal.”"
NARRATION_SENTENCE = "Officials say the talks will resume in Geneva next week after a pause of several months."


# ----------------------------------------------------------------------------------- verbatim
def test_verbatim_with_the_right_speaker(checker: QuoteChecker, article: Article) -> None:
    result = check(checker, "What we have to see is a substantial withdrawal of troops.", "Stoltenberg")
    assert result.verdict == "verbatim"
    assert result.similarity == 1.0
    assert result.differences == []
    assert result.match is not None
    assert result.match.speaker == "Jens Stoltenberg"
    assert result.match.text == "What we have to see is a substantial withdrawal of troops."
    assert result.match.title == article.title
    assert (result.match.publisher, result.match.published) == ("Example News", "2022-02-15")
    paragraph = article.paragraphs[1]
    assert (result.match.paragraph_start, result.match.paragraph_end) == (paragraph.start, paragraph.end)
    assert result.explanation == "The source has these words, said by Jens Stoltenberg."


def test_verbatim_without_a_claimed_speaker_names_the_source_speaker(checker: QuoteChecker) -> None:
    result = check(checker, "we have not seen any de-escalation")
    assert result.verdict == "verbatim"
    assert result.speaker is None
    assert result.match is not None and result.match.speaker == "Jens Stoltenberg"


def test_partial_quote_with_other_styles_is_verbatim(checker: QuoteChecker) -> None:
    quote = '"a SUBSTANTIAL withdrawal of troops... We have not seen any de escalation"'
    result = check(checker, quote, "Jens Stoltenberg")
    assert result.verdict == "verbatim"


def test_narration_without_a_claimed_speaker_is_verbatim_with_no_speaker(checker: QuoteChecker) -> None:
    result = check(checker, "the talks will resume in Geneva next week")
    assert result.verdict == "verbatim"
    assert result.match is not None and result.match.speaker is None
    assert "narration" in result.explanation


# ------------------------------------------------------------------------------------ altered
@pytest.mark.parametrize(
    ("quote", "difference"),
    [
        ("We have seen any de-escalation on the ground", Difference(op="delete", quote="", source="not")),
        (
            "Unfortunately there was not no constructive response to this proposal",
            Difference(op="insert", quote="not", source=""),
        ),
        (
            "What we have to see is a complete withdrawal of troops",
            Difference(op="replace", quote="complete", source="substantial"),
        ),
        ("We have never seen any de-escalation on the ground", Difference(op="replace", quote="never", source="not")),
    ],
)
def test_a_changed_word_is_altered_never_verbatim(
    checker: QuoteChecker, quote: str, difference: Difference
) -> None:
    for speaker in (None, "Jens Stoltenberg", "Putin"):
        result = check(checker, quote, speaker)
        assert result.verdict != "verbatim"
    expected_speaker = "Vladimir Putin" if "proposal" in quote else "Jens Stoltenberg"
    result = check(checker, quote, expected_speaker)
    assert result.verdict == "altered"
    assert result.differences == [difference]
    assert 0.7 <= result.similarity < 1.0


def test_altered_explanation_names_the_swap(checker: QuoteChecker) -> None:
    result = check(checker, "What we have to see is a complete withdrawal of troops", "Stoltenberg")
    assert result.explanation == "One word differs: “complete” where the source says “substantial”."
    assert result.match is not None and result.match.text == "What we have to see is a substantial withdrawal of troops"


def test_altered_threshold_is_respected(article: Article, statements: list[Statement]) -> None:
    strict = make_checker([article], statements, altered_min=0.95)
    assert check(strict, "What we have to see is a complete withdrawal of troops").verdict == "not_found"


def test_few_shared_words_are_not_an_alteration(checker: QuoteChecker) -> None:
    assert check(checker, "we want troops").verdict == "not_found"


# ------------------------------------------------------------------------------ misattributed
def test_someone_elses_words_are_misattributed(checker: QuoteChecker) -> None:
    result = check(checker, "What we have to see is a substantial withdrawal of troops", "Vladimir Putin")
    assert result.verdict == "misattributed"
    assert result.speaker == "Vladimir Putin"
    assert result.match is not None and result.match.speaker == "Jens Stoltenberg"
    assert result.similarity == 1.0
    assert result.explanation == "The source has these words, but said by Jens Stoltenberg, not by Vladimir Putin."


def test_altered_words_of_someone_else_are_misattributed_with_differences(checker: QuoteChecker) -> None:
    result = check(checker, "What we have to see is a complete withdrawal of troops", "Boris Johnson")
    assert result.verdict == "misattributed"
    assert result.differences == [Difference(op="replace", quote="complete", source="substantial")]
    assert result.match is not None and result.match.speaker == "Jens Stoltenberg"


def test_narration_is_misattributed_to_a_claimed_speaker(checker: QuoteChecker) -> None:
    result = check(checker, "the talks will resume in Geneva next week", "Vladimir Putin")
    assert result.verdict == "misattributed"
    assert result.match is not None and result.match.speaker is None
    assert "narration" in result.explanation


def test_reported_speech_in_narration_counts_for_the_named_speaker(checker: QuoteChecker) -> None:
    quote = "only can be construed as preparation for an invasion"
    assert check(checker, quote, "Boris Johnson").verdict == "verbatim"
    assert check(checker, quote, "Johnson").verdict == "verbatim"
    assert check(checker, quote, "Vladimir Putin").verdict == "misattributed"


# --------------------------------------------------------------------------------- paraphrase
def test_paraphrase_by_embedding_and_shared_content_word(checker: QuoteChecker, article: Article) -> None:
    candidates = [sentence_doc(article, PUTIN_SENTENCE, 0.8), sentence_doc(article, NARRATION_SENTENCE, 0.3)]
    result = check(
        checker,
        "Sadly, nobody answered our proposal in a helpful way.",
        "Putin",
        candidates=candidates,
        query_embedding=QUOTE_VECTOR,
    )
    assert result.verdict == "paraphrase"
    assert result.similarity == pytest.approx(0.8, abs=1e-3)
    assert result.differences == []
    assert result.match is not None
    assert result.match.speaker == "Vladimir Putin"
    # The sentence clipped to the statement: the speaker's words, without "Vladimir Putin said:".
    assert result.match.text == "Unfortunately there was no constructive response to this proposal."


def test_topic_only_closeness_is_not_a_paraphrase(checker: QuoteChecker, article: Article) -> None:
    candidates = [sentence_doc(article, PUTIN_SENTENCE, 0.76)]
    result = check(checker, "Sadly nobody answered us at all.", candidates=candidates, query_embedding=QUOTE_VECTOR)
    assert result.verdict == "not_found"
    assert result.match is None and result.differences == []


def test_very_close_meaning_needs_no_shared_word(checker: QuoteChecker, article: Article) -> None:
    candidates = [sentence_doc(article, PUTIN_SENTENCE, 0.9)]
    result = check(checker, "Sadly nobody answered us at all.", candidates=candidates, query_embedding=QUOTE_VECTOR)
    assert result.verdict == "paraphrase"


OTHER_SENTENCES = [
    "Nato says Russian troops are still at the border",
    "We have not seen any de-escalation on the ground.",
    NARRATION_SENTENCE,
    "Who will pay for the field hospitals near the border?",
    "Boris Johnson said that the field hospitals “only can be construed as preparation for an invasion”.",
]


@pytest.mark.parametrize(("others_cos", "verdict"), [(0.35, "paraphrase"), (0.5, "not_found")])
def test_a_sentence_that_stands_out_from_the_rest_is_paraphrased_below_the_threshold(
    checker: QuoteChecker, article: Article, others_cos: float, verdict: str
) -> None:
    """Reworded words are far closer to their source sentence than to the article's others on the subject; a
    made-up quote on the subject is about as close to several: below the threshold, only the first is a paraphrase."""
    candidates = [sentence_doc(article, PUTIN_SENTENCE, 0.6)]
    candidates += [sentence_doc(article, text, others_cos) for text in OTHER_SENTENCES]
    quote = "Sadly, nobody answered our proposal in a helpful way."
    result = check(checker, quote, "Putin", candidates=candidates, query_embedding=QUOTE_VECTOR)
    assert result.verdict == verdict


def test_standing_out_is_no_evidence_that_someone_else_said_it(checker: QuoteChecker, article: Article) -> None:
    """Below the threshold, a sentence that stands out is a paraphrase of the claimed speaker's words, or of words
    no one was claimed for; to say the quote is someone else's takes a close match."""
    candidates = [sentence_doc(article, PUTIN_SENTENCE, 0.6)]
    candidates += [sentence_doc(article, text, 0.35) for text in OTHER_SENTENCES]
    quote = "Sadly, nobody answered our proposal in a helpful way."
    assert check(checker, quote, None, candidates=candidates, query_embedding=QUOTE_VECTOR).verdict == "paraphrase"
    result = check(checker, quote, "Jens Stoltenberg", candidates=candidates, query_embedding=QUOTE_VECTOR)
    assert result.verdict == "not_found"


def test_standing_out_needs_a_floor_of_closeness(checker: QuoteChecker, article: Article) -> None:
    candidates = [sentence_doc(article, PUTIN_SENTENCE, 0.5)]
    candidates += [sentence_doc(article, text, 0.1) for text in OTHER_SENTENCES]
    quote = "Sadly, nobody answered our proposal in a helpful way."
    assert check(checker, quote, "Putin", candidates=candidates, query_embedding=QUOTE_VECTOR).verdict == "not_found"


def test_below_threshold_is_not_found(checker: QuoteChecker, article: Article) -> None:
    candidates = [sentence_doc(article, PUTIN_SENTENCE, 0.68)]
    result = check(checker, "Our proposal got no useful answer.", candidates=candidates, query_embedding=QUOTE_VECTOR)
    assert result.verdict == "not_found"


def test_a_figure_the_source_lacks_is_no_paraphrase(checker: QuoteChecker, article: Article) -> None:
    """Close in meaning but with a number of its own: another claim, not the source in other words."""
    candidates = [sentence_doc(article, NARRATION_SENTENCE, 0.85)]
    rewritten = "Negotiators in Geneva are to meet again in seven days after a long break."
    assert check(checker, rewritten, candidates=candidates, query_embedding=QUOTE_VECTOR).verdict == "paraphrase"
    added = "Negotiators in Geneva are to meet again in seven days after a break of 14 months."
    assert check(checker, added, candidates=candidates, query_embedding=QUOTE_VECTOR).verdict == "not_found"


def test_a_question_in_the_source_is_no_paraphrase_of_a_statement(checker: QuoteChecker, article: Article) -> None:
    """An interviewer's question shares a statement's topic, never its claim."""
    candidates = [sentence_doc(article, "Who will pay for the field hospitals near the border?", 0.85)]
    statement = "Moscow is paying for the clinics at the frontier."
    assert check(checker, statement, candidates=candidates, query_embedding=QUOTE_VECTOR).verdict == "not_found"
    question = "Which country is paying for the clinics at the frontier?"
    assert check(checker, question, candidates=candidates, query_embedding=QUOTE_VECTOR).verdict == "paraphrase"


def test_paraphrase_of_someone_elses_words_is_misattributed(checker: QuoteChecker, article: Article) -> None:
    candidates = [sentence_doc(article, PUTIN_SENTENCE, 0.8)]
    quote = "Sadly, nobody answered our proposal in a helpful way."
    result = check(checker, quote, "Jens Stoltenberg", candidates=candidates, query_embedding=QUOTE_VECTOR)
    assert result.verdict == "misattributed"
    assert result.match is not None and result.match.speaker == "Vladimir Putin"
    assert "Vladimir Putin" in result.explanation and "Jens Stoltenberg" in result.explanation


def test_paraphrase_of_narration_needs_a_closer_match(checker: QuoteChecker, article: Article) -> None:
    quote = "The talks in Geneva restart in a week."
    close = [sentence_doc(article, NARRATION_SENTENCE, 0.74)]
    closer = [sentence_doc(article, NARRATION_SENTENCE, 0.8)]
    assert check(checker, quote, candidates=close, query_embedding=QUOTE_VECTOR).verdict == "not_found"
    result = check(checker, quote, candidates=closer, query_embedding=QUOTE_VECTOR)
    assert result.verdict == "paraphrase"
    assert result.match is not None and result.match.speaker is None


def test_a_quoted_fragment_does_not_make_a_sentence_someones_words(checker: QuoteChecker, article: Article) -> None:
    sentence = (
        "Speaking to reporters in Brussels on Tuesday evening after the long summit, the minister called the plan "
        "“reckless”."
    )
    quote = "The minister told reporters in Brussels the plan was reckless."
    close = [sentence_doc(article, sentence, 0.72)]
    assert check(checker, quote, candidates=close, query_embedding=QUOTE_VECTOR).verdict == "not_found"
    closer = [sentence_doc(article, sentence, 0.8)]
    result = check(checker, quote, candidates=closer, query_embedding=QUOTE_VECTOR)
    assert result.verdict == "paraphrase"
    assert result.match is not None and result.match.text == sentence  # not clipped to “reckless”
    assert result.match.speaker == "Liz Truss"


def test_words_beat_meaning(checker: QuoteChecker, article: Article) -> None:
    candidates = [sentence_doc(article, PUTIN_SENTENCE, 0.99)]
    result = check(
        checker,
        "What we have to see is a complete withdrawal of troops",
        candidates=candidates,
        query_embedding=QUOTE_VECTOR,
    )
    assert result.verdict == "altered"


# ---------------------------------------------------------------------------------- not found
def test_not_found(checker: QuoteChecker) -> None:
    result = check(checker, "Russia has no interest in Ukraine whatsoever.", "Vladimir Putin")
    assert result.verdict == "not_found"
    assert result.match is None
    assert result.differences == []
    assert result.explanation


# ---------------------------------------------------------------------------------- component
def test_serialisation_round_trip() -> None:
    checker = QuoteChecker(altered_min_similarity=0.65, paraphrase_min_similarity=0.75)
    data = checker.to_dict()
    assert data["init_parameters"] == {"altered_min_similarity": 0.65, "paraphrase_min_similarity": 0.75}
    again = QuoteChecker.from_dict(data)
    assert (again.altered_min_similarity, again.paraphrase_min_similarity) == (0.65, 0.75)


def test_run_before_attach_fails_clearly() -> None:
    checker = QuoteChecker(altered_min_similarity=ALTERED_MIN, paraphrase_min_similarity=PARAPHRASE_MIN)
    with pytest.raises(RuntimeError, match="attach"):
        checker.run(quote="anything")


def test_runs_inside_a_haystack_pipeline(checker: QuoteChecker) -> None:
    pipeline = Pipeline()
    pipeline.add_component("checker", checker)
    output = pipeline.run({"checker": {"quote": "a substantial withdrawal of troops", "speaker": "Stoltenberg"}})
    assert output["checker"]["result"].verdict == "verbatim"


def test_describe_differences() -> None:
    dropped = describe_differences([Difference("delete", "", "not")])
    assert dropped == "The quote leaves out “not”, which the source has."
    assert describe_differences([Difference("insert", "never", "")]).startswith("The quote adds “never”")
    assert describe_differences([Difference("replace", "in", "on"), Difference("replace", "air", "ground")]) == (
        "2 words differ: “in” where the source says “on”; “air” where the source says “ground”."
    )


# ------------------------------------------------------------------------------- seed article
@pytest.fixture(scope="module")
def seed() -> Article:
    return next(a for a in load_corpus(CORPUS).articles if a.doc_id == SEED_DOC)


@pytest.fixture(scope="module")
def seed_checker(seed: Article) -> QuoteChecker:
    """Hand-made statements over the seed, so these cases do not depend on attribution."""
    statements = [
        make_statement(
            seed,
            "What we have to see is a substantial withdrawal of troops, not only troops but equipment.",
            "Jens Stoltenberg",
            "NATO Secretary General Jens Stoltenberg",
        ),
        make_statement(
            seed,
            "It’s too early to say whether we see anything on the ground, but we are following very closely what "
            "they are doing.",
            "Jens Stoltenberg",
        ),
        make_statement(
            seed,
            "[Russian troops withdrawing] would be good, but we have not yet verified that. We have not yet verified "
            "the Russian military units are returning to their home bases.",
            "Joe Biden",
            "President Biden",
        ),
        make_statement(
            seed,
            "The safety and security of British nationals is our top priority, which is why we have updated our "
            "travel advice.",
            "Foreign Office",
            "A Foreign Office spokesman",
        ),
    ]
    return make_checker([seed], statements)


SEED_CASES = [
    (
        "The safety and security of British nationals is our top priority, which is why we have updated our travel "
        "advice.",
        "Foreign Office",
        "verbatim",
    ),
    ("[Russian troops withdrawing] would be good, but we have not yet verified that.", "Joe Biden", "verbatim"),
    ("Russian troops withdrawing would be good, but we have not yet verified that.", "Biden", "verbatim"),
    ("It's too early to say whether we see anything in the air", "Jens Stoltenberg", "altered"),
    ("It's too early to say whether we see anything on the ground", "Vladimir Putin", "misattributed"),
    ("Russia has no interest in Ukraine whatsoever.", "Vladimir Putin", "not_found"),
    ("What we have to see is a complete withdrawal of troops", "Jens Stoltenberg", "altered"),
    ("What we have to see is a complete withdrawal of troops", None, "altered"),
    ("would be good, but we have verified that", "Joe Biden", "altered"),
]


@pytest.mark.parametrize(("quote", "speaker", "verdict"), SEED_CASES)
def test_seed_cases_with_hand_made_statements(
    seed_checker: QuoteChecker, quote: str, speaker: str | None, verdict: str
) -> None:
    assert check(seed_checker, quote, speaker).verdict == verdict


def test_seed_complete_for_substantial(seed_checker: QuoteChecker, seed: Article) -> None:
    result = check(seed_checker, "What we have to see is a complete withdrawal of troops", "Stoltenberg")
    source = "What we have to see is a substantial withdrawal of troops"
    assert result.verdict == "altered"
    assert result.differences == [Difference(op="replace", quote="complete", source="substantial")]
    assert result.match is not None
    assert (result.match.start, result.match.end) == (seed.text.index(source), seed.text.index(source) + len(source))
    assert result.match.speaker == "Jens Stoltenberg"


# ------------------------------------------------------------------ seed article, real attribution
@pytest.fixture(scope="module")
def attributed_checker(seed: Article) -> QuoteChecker:
    attribution = pytest.importorskip("pipeline.attribution")
    return make_checker([seed], attribution.extract_statements(seed))


@pytest.mark.parametrize(("quote", "speaker", "verdict"), SEED_CASES)
def test_seed_cases_with_attribution(
    attributed_checker: QuoteChecker, quote: str, speaker: str | None, verdict: str
) -> None:
    assert check(attributed_checker, quote, speaker).verdict == verdict


def test_negation_parity() -> None:
    from pipeline.components.quote_checker import negated

    assert negated("We have not yet verified that.")
    assert negated("There is no sign of withdrawal.")
    assert negated("We don’t see it")
    assert not negated("We have verified that.")
    assert not negated("It is not true that nobody came.")  # two negations cancel
    assert not negated("It is a question of whether or not Iran is willing.")  # negates nothing


@pytest.mark.parametrize(
    ("quote", "source", "reversed_"),
    [
        ("We have verified that the troops left.", "We have not yet verified that the troops left.", True),
        ("He didn't resign.", "He resigned on Monday.", True),
        # the negation governs words the other text puts otherwise: the same claim in other words
        ("Reconciling the factions will be hard.", "Reconciliation between the factions would not be easy.", False),
        ("Farmers were ready, though supplies were hard to get.",
         "We were prepared, but fertilizers were not readily available.", False),
        ("Sadly, nobody answered our proposal.", "There was no constructive response to this proposal.", False),
    ],
)
def test_a_negation_reverses_only_what_both_texts_say(quote: str, source: str, reversed_: bool) -> None:
    from pipeline.components.quote_checker import reverses

    assert reverses(quote, source) is reversed_


def test_a_quote_inside_a_transcript_turn_belongs_to_the_quoted_person() -> None:
    text = ("Pentagon briefing\n\nMR. HALE: General Ames said, “The bridge will be repaired by Friday.” "
            "We agree with him.\n")
    article = parse_article("turn.txt", text.encode("utf-8"))
    turn = make_statement(article, "General Ames said, “The bridge will be repaired by Friday.” We agree with him.",
                          "John Hale")
    quoted = make_statement(article, "The bridge will be repaired by Friday.", "Ames")
    checker = make_checker([article], [turn, quoted])
    result = check(checker, "The bridge will be repaired by Friday.", "John Hale")
    assert result.verdict == "misattributed" and result.match is not None and result.match.speaker == "Ames"
    assert check(checker, "The bridge will be repaired by Friday.", "Ames").verdict == "verbatim"
