"""The spans a quote is compared with for paraphrase: sentences, neighbouring pairs, quoted words."""

from haystack import Document

from pipeline.components.sentence_candidates import SentenceCandidates

TEXT = ("Head\n\nLeroy Cain said that he believed “the team is in great shape and we're ready to move forward”. "
        "It was late. “Staff are doing everything they can,” she said.")


def _passage() -> Document:
    start = TEXT.index("Leroy")
    first_end = TEXT.index(" It was")
    second_end = TEXT.index(" “Staff")
    spans = [[start, first_end], [first_end + 1, second_end], [second_end + 1, len(TEXT)]]
    return Document(id="a.txt:p", content=TEXT[start:],
                    meta={"doc_id": "a.txt", "start": start, "end": len(TEXT), "sentences": spans})


def test_sentences_pairs_and_quoted_words_with_exact_offsets() -> None:
    documents = SentenceCandidates().run(documents=[_passage()])["documents"]
    texts = [d.content for d in documents]
    assert texts[:3] == [TEXT[s:e] for s, e in _passage().meta["sentences"]]
    assert "the team is in great shape and we're ready to move forward" in texts  # without the frame around it
    assert "Staff are doing everything they can," in texts
    assert any(t.startswith("Leroy Cain said") and t.endswith("It was late.") for t in texts)  # two sentences
    for document in documents:
        assert TEXT[document.meta["start"] : document.meta["end"]] == document.content
    assert len({d.id for d in documents}) == len(documents)


def test_short_quoted_phrases_are_not_candidates() -> None:
    passage = Document(id="b.txt:p", content="It had a ‘No Tipping’ sign and a “keep out” note.",
                       meta={"doc_id": "b.txt", "start": 0, "end": 49, "sentences": [[0, 49]]})
    assert [d.content for d in SentenceCandidates().run(documents=[passage])["documents"]] == [passage.content]
