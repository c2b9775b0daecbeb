"""Quote index segments: merged from other segments' tokens exactly as if tokenized again."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pipeline.corpus import load_corpus
from pipeline.quote_index import EXCLUDED_ROLES
from pipeline.quote_segments import ARRAY_NAMES, Segment
from pipeline.types import Article, Paragraph
from tests.conftest import CORPUS, FIXTURES

ARRAYS = ("word_ids", "starts", "ends", "tok_para", "para_doc", "para_index", "para_first", "para_last", "doc_paras")


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = load_corpus(CORPUS).articles + load_corpus(FIXTURES / "articles").articles
    text = "Share this\n\nSubscribe now"
    boilerplate_only = Article(doc_id="empty.txt", title="", text=text, paragraphs=[
        Paragraph(0, 0, 10, role="boilerplate"), Paragraph(1, 12, len(text), role="boilerplate")])
    return [*found, boilerplate_only]


def postings(segment: Segment) -> dict[str, tuple[list[int], list[int]]]:
    """Each word's stream positions and paragraphs, by its normal form (ids may be numbered differently)."""
    return {
        word: (segment.postings(i).tolist(), segment.paragraphs_with(i).tolist())
        for i, word in enumerate(segment.words)
    }


def same_segment(a: Segment, b: Segment) -> None:
    assert [x.doc_id for x in a.articles] == [x.doc_id for x in b.articles]
    assert a.doc_ids == b.doc_ids
    assert list(a.norms) == list(b.norms)
    assert bytes(a.editorial) == bytes(b.editorial)
    for name in ARRAYS:
        if name != "word_ids":
            assert list(getattr(a, name)) == list(getattr(b, name)), name
    assert [a.words[i] for i in a.word_ids] == [b.words[i] for i in b.word_ids]
    assert postings(a) == postings(b)


def test_a_merge_equals_tokenizing_the_same_articles(articles: list[Article]) -> None:
    first = Segment.of_articles(articles[:2], EXCLUDED_ROLES)
    second = Segment.of_articles(articles[2:], EXCLUDED_ROLES)
    # Interleaved, one article left out, in a new order: as if these articles had been tokenized in that order.
    parts = [(second, 0), (first, 1), (second, 1), (first, 0)]
    merged = Segment.merged(parts)
    same_segment(merged, Segment.of_articles([s.articles[d] for s, d in parts], EXCLUDED_ROLES))
    assert set(merged.words) == set(merged.norms)  # words only in the left-out article are dropped


def test_a_merge_of_nothing_is_an_empty_segment() -> None:
    empty = Segment.merged([])
    assert empty.articles == [] and empty.paragraph_count == 0
    same_segment(empty, Segment.of_articles([], EXCLUDED_ROLES))


def test_an_article_without_citable_words_keeps_its_place(articles: list[Article]) -> None:
    segment = Segment.of_articles(articles, EXCLUDED_ROLES)
    last = len(articles) - 1
    assert segment.doc_tokens(last) == (0, 0)
    assert segment.doc_paras[last] == segment.doc_paras[last + 1]
    same_segment(Segment.merged([(segment, last), (segment, 0)]),
                 Segment.of_articles([articles[last], articles[0]], EXCLUDED_ROLES))


def reopened(segment: Segment, folder: Path) -> Segment:
    """``segment`` saved as ``.npy`` files and opened memory-mapped, as the index snapshot does."""
    for name, values in segment.arrays().items():
        np.save(folder / f"{name}.npy", values)
    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in ARRAY_NAMES}
    return Segment.of_arrays(arrays, list(segment.words), list(segment.articles), list(segment.doc_ids))


def test_a_segment_opened_from_its_arrays_is_the_same_segment(articles: list[Article], tmp_path: Path) -> None:
    segment = Segment.of_articles(articles, EXCLUDED_ROLES)
    opened = reopened(segment, tmp_path)
    assert isinstance(opened.word_ids, np.memmap) and opened.word_ids.dtype == np.int32  # narrowed where it fits
    same_segment(opened, segment)
    assert opened.norms[3:9] == segment.norms[3:9] and opened.norms[5] == segment.norms[5]
    assert opened.number_of(articles[1].doc_id) == 1
    # Merged with a freshly tokenized segment: as if all were tokenized again.
    fresh = Segment.of_articles(articles[:1], EXCLUDED_ROLES)
    parts = [(opened, 2), (fresh, 0), (opened, 1)]
    same_segment(Segment.merged(parts), Segment.of_articles([s.articles[d] for s, d in parts], EXCLUDED_ROLES))
