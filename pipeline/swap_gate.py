"""Queries and index swaps take turns: many queries at once, or one swap alone.

An index over the numpy store is immutable, so swapping it in is one assignment. A database store is
shared by the old index and the new one and changes in place; a query that read the table both before
and after the change (dense, then keyword retrieval) would mix two corpora. So a swap waits for the
queries under way to finish, holds new ones back while it writes its change and swaps, and lets them go.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class SwapGate:
    """A readers-writer lock that prefers the writer: a swap waits only for queries already under way."""

    def __init__(self) -> None:
        self._turn = threading.Condition()
        self._queries = 0
        self._swapping = False

    @contextmanager
    def query(self) -> Iterator[None]:
        with self._turn:
            self._turn.wait_for(lambda: not self._swapping)
            self._queries += 1
        try:
            yield
        finally:
            with self._turn:
                self._queries -= 1
                self._turn.notify_all()

    @contextmanager
    def swap(self) -> Iterator[None]:
        """Alone; swaps are already one at a time (the service's write lock)."""
        with self._turn:
            self._swapping = True
            self._turn.wait_for(lambda: self._queries == 0)
        try:
            yield
        finally:
            with self._turn:
                self._swapping = False
                self._turn.notify_all()
