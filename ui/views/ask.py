"""Ask page: a question in, a short cited answer out (or a plain "the sources do not say")."""

from __future__ import annotations

import streamlit as st

from pipeline.errors import FactcheckError
from pipeline.types import AskResult, Citation
from ui import render
from ui.engine import get_checker
from ui.widgets import source_card

EXAMPLES = (
    "What did Stoltenberg say?",
    "Where has the US embassy been temporarily relocated?",
    "How many Russian troops were deployed near the border?",
)


def _use_example(question: str) -> None:
    """Button callback: fill the box and ask on this run (callbacks run before the widgets exist)."""
    st.session_state["ask_question"] = question
    st.session_state["ask_pending"] = question


def answer_markers(result: AskResult) -> list[int]:
    """Which citations back the answer text: those holding the answer span, else the first one."""
    if not result.citations:
        return []
    if result.answer_doc_id is not None and result.answer_start is not None and result.answer_end is not None:
        hits = [
            i + 1
            for i, c in enumerate(result.citations)
            if c.doc_id == result.answer_doc_id and c.start < result.answer_end and result.answer_start < c.end
        ]
        if hits:
            return hits
    return [1]


def short_span(result: AskResult) -> tuple[int, int] | None:
    """Where the short answer sits inside the answer text, when there is one."""
    if result.short_answer_start is None or result.short_answer_end is None or result.answer_start is None:
        return None
    return result.short_answer_start - result.answer_start, result.short_answer_end - result.answer_start


def _show_citation(citation: Citation, number: int, *, closest: bool) -> None:
    source_card(
        get_checker(),
        doc_id=citation.doc_id,
        title=citation.title,
        start=citation.start,
        end=citation.end,
        text=citation.text,
        publisher=citation.publisher,
        published=citation.published,
        anchor=f"fc-{'near' if closest else 'cite'}-{number}",
        number=None if closest else number,
        speaker=citation.speaker,
        kind=_CITATION_KINDS.get(citation.role),
        closest=closest,
    )


# Citations that are not the story's body say what they are: a caption, or a header line (date, room, office).
_CITATION_KINDS = {"caption": "photo caption", "subheading": "header line"}


def show_result(result: AskResult) -> None:
    """The answer with markers and its citations; or the abstention and the closest evidence."""
    if result.abstained or not result.answer:
        st.html(render.abstain_html())
        if result.closest:
            st.subheader("Closest evidence", anchor=False)
            st.caption("Not an answer: the passages nearest to the question, for you to judge.")
            for number, citation in enumerate(result.closest, start=1):
                _show_citation(citation, number, closest=True)
        return
    st.html(render.answer_html(result.answer, answer_markers(result), short_span(result)))
    st.subheader("Sources", anchor=False)
    for number, citation in enumerate(result.citations, start=1):
        _show_citation(citation, number, closest=False)


def render_page() -> None:
    checker = get_checker()
    st.title("Ask the sources", anchor=False)
    st.caption("Answers are the articles' own words, each with its citation. Nothing is made up.")
    with st.form("ask_form", border=False):
        box, button = st.columns([5, 1], vertical_alignment="bottom")
        question = box.text_input(
            "Question", key="ask_question", placeholder="e.g. What did Stoltenberg say?", max_chars=1000
        )
        submitted = button.form_submit_button("Ask", type="primary", width="stretch")
    st.caption("Examples")
    with st.container(horizontal=True, gap="small"):
        for number, example in enumerate(EXAMPLES):
            st.button(example, on_click=_use_example, args=(example,), width="content", icon=":material/search:",
                      key=f"example-ask-{number}")
    pending = st.session_state.pop("ask_pending", None)
    if submitted or pending:
        asked = pending or question
        try:
            with st.spinner("Searching the sources…"):
                st.session_state["ask_result"] = checker.ask(asked)
        except FactcheckError as error:
            st.session_state.pop("ask_result", None)
            st.error(render.sentence(str(error)))
    result = st.session_state.get("ask_result")
    if isinstance(result, AskResult):
        st.divider()
        st.html(f'<div class="fc-meta">Question: <strong>{render.esc(result.question)}</strong></div>')
        show_result(result)


if __name__ == "__main__":
    render_page()
