from pipeline.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_splits_on_full_stops_and_keeps_offsets() -> None:
    text = "  Russia massed troops. NATO said it would respond!  Was it true? "
    assert texts(text) == ["Russia massed troops.", "NATO said it would respond!", "Was it true?"]


def test_titles_and_initials_do_not_end_sentences() -> None:
    text = "Mr Johnson met Dr Smith in the U.S. capital. J. K. Rowling was not there. So said M.N. Selvi, a resident."
    assert texts(text) == ["Mr Johnson met Dr Smith in the U.S. capital.", "J. K. Rowling was not there.",
                           "So said M.N. Selvi, a resident."]


def test_military_ranks_do_not_end_sentences() -> None:
    text = "Air Force Maj. Jane Doe and Navy Lt. Cmdr. John Roe spoke. Spc. Ann Lee and Pfc. Tom Ray did not."
    assert texts(text) == ["Air Force Maj. Jane Doe and Navy Lt. Cmdr. John Roe spoke.",
                           "Spc. Ann Lee and Pfc. Tom Ray did not."]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "He said: “We are ready.” Then he left."
    assert texts(text) == ["He said: “We are ready.”", "Then he left."]


def test_numbers_with_decimal_points_are_not_boundaries() -> None:
    assert texts("Growth was 1.5 per cent in 2021. It fell.") == ["Growth was 1.5 per cent in 2021.", "It fell."]


def test_lower_case_after_full_stop_is_not_a_boundary() -> None:
    assert texts("The troops, approx. three battalions, moved.") == ["The troops, approx. three battalions, moved."]


def test_every_span_of_the_seed_is_trimmed_and_exact(seed_article) -> None:
    text = seed_article.text
    for paragraph in seed_article.paragraphs:
        spans = split_sentences(text, paragraph.start, paragraph.end)
        assert spans, paragraph
        assert spans[0].start == paragraph.start and spans[-1].end == paragraph.end
        for span in spans:
            assert text[span.start : span.end] == text[span.start : span.end].strip()
