"""Entry point: ``.venv/bin/streamlit run ui/app.py`` from the repository root.

Sets up the page, the shared styles and the four pages; each page lives in ``ui/views/``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

# Streamlit puts ui/ on sys.path, not the repo root that holds the ``pipeline`` and ``ui`` packages.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from pipeline.errors import FactcheckError  # noqa: E402
from ui.render import CSS, sentence  # noqa: E402

UNEXPECTED = "Something went wrong on this page. The details are in the server log; please try again."
logger = logging.getLogger("factcheck.ui")

st.set_page_config(page_title="Factcheck — news sources", page_icon=":material/fact_check:", layout="wide")
st.html(CSS)

VIEWS = Path(__file__).resolve().parent / "views"
page = st.navigation(
    [
        st.Page(VIEWS / "ask.py", title="Ask", icon=":material/question_answer:", default=True),
        st.Page(VIEWS / "check.py", title="Check a quote", icon=":material/format_quote:"),
        st.Page(VIEWS / "people.py", title="People", icon=":material/groups:"),
        st.Page(VIEWS / "sources.py", title="Sources", icon=":material/library_books:"),
    ],
    position="top",
)
try:
    page.run()
except FactcheckError as error:  # every page catches these itself; this is the safety net
    st.error(sentence(str(error)))
except Exception:  # a bug: log the traceback for us, show a person a plain sentence
    logger.exception("page %r failed", page.title)
    st.error(UNEXPECTED)
