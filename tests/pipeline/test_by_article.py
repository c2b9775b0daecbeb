"""``ByArticle``: a value per article in corpus order, changes over a (lazily read) base."""

from collections.abc import Iterator, Mapping

import pytest

from pipeline.indexing import ByArticle


class CountingBase(Mapping[str, str]):
    """A base like a snapshot's: one lookup per article unless everything is read in one go."""

    def __init__(self, values: dict[str, str]) -> None:
        self._values = values
        self.lookups = 0
        self.bulk_reads = 0

    def __getitem__(self, doc_id: str) -> str:
        self.lookups += 1
        return self._values[doc_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def values(self) -> list[str]:  # type: ignore[override]
        self.bulk_reads += 1
        return list(self._values.values())


BASE = {"a.txt": "A", "c.txt": "C", "e.txt": "E"}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([], {"a.txt": "A", "c.txt": "C", "e.txt": "E"}),
        ([("b.txt", "B")], {"a.txt": "A", "b.txt": "B", "c.txt": "C", "e.txt": "E"}),  # added in corpus order
        ([("c.txt", "C2")], {"a.txt": "A", "c.txt": "C2", "e.txt": "E"}),  # changed
        ([("c.txt", None)], {"a.txt": "A", "e.txt": "E"}),  # removed
        ([("c.txt", None), ("c.txt", "C3")], {"a.txt": "A", "c.txt": "C3", "e.txt": "E"}),  # removed, re-added
        ([("f.txt", "F"), ("a.txt", None)], {"c.txt": "C", "e.txt": "E", "f.txt": "F"}),
    ],
)
def test_changes_over_the_base(changes: list[tuple[str, str | None]], expected: dict[str, str]) -> None:
    values = ByArticle.of(BASE)
    for doc_id, value in changes:
        values = values.with_change(doc_id, value)
    assert dict(values) == expected and list(values) == list(expected)
    assert values.values() == list(expected.values())
    assert ByArticle.of(BASE) == BASE  # the original is untouched


def test_every_value_is_read_from_a_lazy_base_in_one_go() -> None:
    base = CountingBase(BASE)
    values = ByArticle(base, tuple(base)).with_change("b.txt", "B")
    assert values.values() == ["A", "B", "C", "E"]
    assert (base.bulk_reads, base.lookups) == (1, 0)
