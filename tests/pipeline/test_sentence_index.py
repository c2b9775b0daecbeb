"""The sentence index's search: a bfloat16 first pass that never changes the exact search's answer."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from pipeline.sentence_index import COARSE_ERROR, SentenceIndex, bfloat16_bits

DIM = 384
ROWS = 20_000


def unit_rows(rng: np.random.Generator, count: int) -> np.ndarray:
    rows = rng.standard_normal((count, DIM)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def index_of(rows: np.ndarray) -> SentenceIndex:
    spans = [(i * 10, i * 10 + 9) for i in range(len(rows))]
    return SentenceIndex.of_article("a.txt", spans, rows)


def exact_search(rows: np.ndarray, query: np.ndarray, top_k: int) -> list[tuple[int, float]]:
    """The plain full scan: every row in float32, closest first, ties in row order."""
    scores = rows @ (query / np.linalg.norm(query)).astype(np.float32)
    order = np.lexsort((np.arange(len(scores)), -scores))[:top_k]
    return [(int(row), float(scores[row])) for row in order]


@pytest.fixture(scope="module")
def corpus() -> tuple[np.ndarray, SentenceIndex]:
    rng = np.random.default_rng(7)
    rows = unit_rows(rng, ROWS)
    # near-paraphrases: clusters of rows close to a few "quotes"
    for centre in range(5):
        noise = 0.3 * unit_rows(rng, 30)
        rows[centre * 100 : centre * 100 + 30] = rows[centre * 1000] + noise
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return rows, index_of(rows)


def test_bfloat16_bits_round_as_torch_does() -> None:
    values = np.array([[1.0, -2.5, 3.14159265, 1e-8, 0.0, -0.333333, 65504.0, 1.00390625]], dtype=np.float32)
    expected = torch.from_numpy(values).to(torch.bfloat16).view(torch.int16).numpy().view(np.uint16)
    assert np.array_equal(bfloat16_bits(values), expected)


def test_the_coarse_scores_stay_within_the_stated_error(corpus: tuple[np.ndarray, SentenceIndex]) -> None:
    rows, index = corpus
    query = rows[1000] + 0.2 * unit_rows(np.random.default_rng(1), 1)[0]
    unit = (query / np.linalg.norm(query)).astype(np.float32)
    coarse = torch.mv(index._coarse_rows, torch.from_numpy(unit).to(torch.bfloat16)).float().numpy()
    assert np.abs(coarse - rows @ unit).max() < COARSE_ERROR


@pytest.mark.parametrize("top_k", [1, 10, 40])
def test_the_coarse_first_search_gives_the_exact_rows_and_cosines(
    corpus: tuple[np.ndarray, SentenceIndex], top_k: int
) -> None:
    rows, index = corpus
    rng = np.random.default_rng(top_k)
    for centre in range(5):
        query = rows[centre * 1000] + 0.1 * unit_rows(rng, 1)[0]
        unit = (query / np.linalg.norm(query)).astype(np.float32)
        shortlisted = index._search_coarse_first(unit, top_k)
        assert shortlisted is not None  # decided by the shortlist, not by the fallback
        found = index.search(query, top_k)
        assert found == shortlisted
        assert found == exact_search(index.embeddings, query, top_k)


def test_copies_of_a_sentence_grow_the_shortlist_and_the_first_copies_are_found() -> None:
    rng = np.random.default_rng(3)
    rows = unit_rows(rng, 2 * ROWS)
    rows[5_000:5_400] = rows[0]  # one sentence in 401 articles: more ties than the first shortlist holds
    index = index_of(rows)
    assert index._search_coarse_first(rows[0], 40) is not None
    found = index.search(rows[0], 40)
    assert [row for row, _ in found] == [0, *range(5_000, 5_039)]
    assert found == exact_search(index.embeddings, rows[0], 40)


def test_more_ties_than_a_shortlist_may_hold_are_left_to_the_exact_scan() -> None:
    rng = np.random.default_rng(4)
    rows = unit_rows(rng, ROWS)
    rows[5_000:9_000] = rows[0]
    index = index_of(rows)
    assert index._search_coarse_first(rows[0], 40) is None
    assert index.search(rows[0], 40) == exact_search(index.embeddings, rows[0], 40)
