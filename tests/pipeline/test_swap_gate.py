"""A swap waits for the queries under way and holds new ones back until it is done."""

import threading
import time

from pipeline.swap_gate import SwapGate


def test_a_swap_waits_for_queries_under_way_and_holds_new_ones_back() -> None:
    gate = SwapGate()
    events: list[str] = []
    in_query, release = threading.Event(), threading.Event()

    def long_query() -> None:
        with gate.query():
            in_query.set()
            release.wait(timeout=10)
            events.append("query done")

    def swap() -> None:
        with gate.swap():
            events.append("swapped")

    def late_query() -> None:
        with gate.query():
            events.append("late query")

    first = threading.Thread(target=long_query)
    first.start()
    assert in_query.wait(timeout=10)
    swapping = threading.Thread(target=swap)
    swapping.start()
    time.sleep(0.1)  # the swap is waiting for the first query
    late = threading.Thread(target=late_query)
    late.start()
    time.sleep(0.1)
    assert events == []
    release.set()
    for thread in (first, swapping, late):
        thread.join(timeout=10)
    assert events == ["query done", "swapped", "late query"]


def test_queries_run_side_by_side() -> None:
    gate = SwapGate()
    both_in = threading.Barrier(2, timeout=10)

    def query() -> None:
        with gate.query():
            both_in.wait()  # breaks (and raises) unless the two queries are inside at once

    threads = [threading.Thread(target=query) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert not both_in.broken
