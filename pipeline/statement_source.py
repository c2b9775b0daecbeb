"""Who says what, as the query components read it: one article's statements, all of them, and the speakers.

The components ask for each only when they need it: an answer reads the statements of the few articles
its sentences come from, and only a speaker question or a claimed speaker needs every statement and the
speaker directory built from them. An index opened from a snapshot reads statements article by article,
so a cold ask that names no speaker never loads them all. ``CorpusIndex`` is the source the engine
hands over; ``StatementList`` holds statements already in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Protocol

from pipeline.speakers import SpeakerDirectory
from pipeline.types import Statement


class StatementSource(Protocol):
    """What the answerer, the speaker answerer and the quote checker read of the attribution index."""

    @property
    def statements(self) -> Sequence[Statement]: ...

    @property
    def speakers(self) -> SpeakerDirectory: ...

    def statements_in(self, doc_id: str) -> Sequence[Statement]: ...


class StatementList:
    """A ``StatementSource`` over statements in memory."""

    def __init__(self, statements: Iterable[Statement] = ()) -> None:
        self.statements: list[Statement] = list(statements)
        self._by_doc: dict[str, list[Statement]] = {}
        for statement in self.statements:
            self._by_doc.setdefault(statement.doc_id, []).append(statement)

    @cached_property
    def speakers(self) -> SpeakerDirectory:
        return SpeakerDirectory(self.statements)

    def statements_in(self, doc_id: str) -> Sequence[Statement]:
        return self._by_doc.get(doc_id, [])
