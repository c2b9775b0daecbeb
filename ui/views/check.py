"""Check-a-quote page: a verdict, what changed, who the source says said it, and a citation to copy."""

from __future__ import annotations

import streamlit as st

from pipeline.errors import FactcheckError
from pipeline.types import CheckResult
from ui import render
from ui.engine import get_checker
from ui.widgets import source_card

# (button label, quote, speaker): one altered quote, one misattributed.
EXAMPLES = (
    ("“…a complete withdrawal of troops” — Stoltenberg", "What we have to see is a complete withdrawal of troops",
     "Stoltenberg"),
    ("“…a substantial withdrawal of troops” — Boris Johnson",
     "What we have to see is a substantial withdrawal of troops", "Boris Johnson"),
)


def _use_example(quote: str, speaker: str) -> None:
    st.session_state["check_quote"] = quote
    st.session_state["check_speaker"] = speaker
    st.session_state["check_pending"] = True


def _label(text: str) -> None:
    st.html(f'<div class="fc-label">{render.esc(text)}</div>')


def show_result(result: CheckResult) -> None:
    """Badge + explanation, then the evidence when the sources have a match."""
    st.html(render.verdict_html(result.verdict, result.explanation, result.similarity if result.match else None))
    match = result.match
    if match is None:
        st.info("Nothing in the corpus matches this quote. Check the wording, or add the article under Sources.")
        return
    if result.differences:
        _label("What changed")
        st.html(render.diff_html(result.quote, result.differences, match.text))
        st.html(
            '<div class="fc-legend"><del style="color:#b42318">struck through</del>: in your quote, not in the '
            'source · <ins style="color:#146c2e;text-decoration:none">green</ins>: the source\'s words</div>'
        )
    _label("Who said it")
    if match.speaker:
        st.html(f"<div>The source gives these words to <strong>{render.esc(match.speaker)}</strong>.</div>")
    else:
        st.html("<div>The source gives these words to no one: they are the article's own narration.</div>")
    _label("Source")
    source_card(
        get_checker(),
        doc_id=match.doc_id,
        title=match.title,
        start=match.start,
        end=match.end,
        text=match.text,
        publisher=match.publisher,
        published=match.published,
        anchor="fc-check-match",
        speaker=match.speaker,
    )
    _label("Copy citation")
    st.code(
        render.citation_text(
            title=match.title, publisher=match.publisher, published=match.published, quote=match.text,
            speaker=match.speaker,
        ),
        language=None,
        wrap_lines=True,
    )


def render_page() -> None:
    checker = get_checker()
    st.title("Check a quote", anchor=False)
    st.caption("Paste a quote as it was published or shared; name the speaker if the quote names one.")
    with st.form("check_form", border=False):
        quote = st.text_area("Quote", key="check_quote", height=110, max_chars=2000,
                             placeholder="“What we have to see is a complete withdrawal of troops”")
        speaker_col, button_col = st.columns([4, 1], vertical_alignment="bottom")
        speaker = speaker_col.text_input("Said by (optional)", key="check_speaker", placeholder="e.g. Stoltenberg")
        submitted = button_col.form_submit_button("Check quote", type="primary", width="stretch")
    st.caption("Examples")
    with st.container(horizontal=True, gap="small"):
        for number, (label, example, who) in enumerate(EXAMPLES):
            st.button(label, on_click=_use_example, args=(example, who), width="content",
                      icon=":material/format_quote:", key=f"example-check-{number}")
    pending = st.session_state.pop("check_pending", False)
    if submitted or pending:
        try:
            with st.spinner("Comparing with the sources…"):
                st.session_state["check_result"] = checker.check(
                    st.session_state.get("check_quote", quote), st.session_state.get("check_speaker", speaker) or None
                )
        except FactcheckError as error:
            st.session_state.pop("check_result", None)
            st.error(render.sentence(str(error)))
    result = st.session_state.get("check_result")
    if isinstance(result, CheckResult):
        st.divider()
        show_result(result)


if __name__ == "__main__":
    render_page()
