"""The one ``FactChecker`` the app shares across sessions, loaded and warmed up once.

The cache is keyed on the settings (read from ``FACTCHECK_*`` each run), so a test that points the
app at another corpus or cache folder gets its own checker instead of a stale one.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field

import streamlit as st

from pipeline.errors import FactcheckError
from pipeline.service import FactChecker
from pipeline.settings import Settings


@dataclass
class _Engine:
    checker: FactChecker
    ready: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


@st.cache_resource(show_spinner=False)
def _engine(settings_json: str) -> _Engine:
    """Cheap: builds the checker; the heavy warm-up happens in ``get_checker`` with a progress bar."""
    return _Engine(FactChecker(Settings(**json.loads(settings_json))))


def settings_key() -> str:
    """The current settings as JSON: the cache key (``get_settings`` is memoised, so it is not used)."""
    return Settings().model_dump_json()


def get_checker() -> FactChecker:
    """The warmed-up checker; on the first run of the process, shows indexing progress while it loads.

    Stops the page with a plain error message when the corpus cannot be loaded.
    """
    engine = _engine(settings_key())
    if engine.ready:
        return engine.checker
    with engine.lock:
        if not engine.ready:
            bar = st.progress(0.0, text="Loading the model and indexing the corpus…")

            def on_progress(done: int, total: int, doc_id: str) -> None:
                label = f"Indexing {doc_id}" if doc_id else "Indexing the corpus"
                bar.progress(min(1.0, done / total) if total else 0.0, text=f"{label} ({done}/{total})")

            try:
                engine.checker.warm_up(on_progress=on_progress)
            except FactcheckError as error:
                bar.empty()
                st.error(f"The corpus could not be loaded: {error}")
                st.stop()
            bar.empty()
            _serve_command_line(engine.checker)
            engine.ready = True
    return engine.checker


def _serve_command_line(checker: FactChecker) -> None:
    """Let `factcheck ask/check` on the same corpus answer through this warm process, until it exits."""
    import atexit

    from pipeline.engine_socket import EngineServer

    server = EngineServer(checker)
    if server.start():
        atexit.register(server.stop)


def clear() -> None:
    """Forget the cached checker (tests; after the corpus folder changes behind the app's back)."""
    _engine.clear()
