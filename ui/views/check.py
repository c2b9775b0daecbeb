"""Check-a-quote page: a verdict, what changed, who the source says said it, a citation to copy, and the
verdict as a ClaimReview file to publish."""

from __future__ import annotations

import json

import streamlit as st

from pipeline import claimreview, contract
from pipeline.errors import FactcheckError
from pipeline.settings import Settings
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


def claimreview_download(result: CheckResult, appearance: str | None, settings: Settings) -> tuple[str, str]:
    """The ClaimReview JSON-LD of ``result`` and its file name (the engine builds it; this only serialises)."""
    review = contract.claimreview_json(result, settings=settings, appearance=appearance)
    return json.dumps(review, ensure_ascii=False, indent=2) + "\n", claimreview.filename(result.quote)


def show_download(result: CheckResult, appearance: str | None) -> None:
    try:
        data, file_name = claimreview_download(result, appearance, get_checker().settings)
    except FactcheckError as error:
        st.error(render.sentence(str(error)))
        return
    st.download_button(
        "Download ClaimReview", data=data, file_name=file_name, mime=claimreview.MEDIA_TYPE, on_click="ignore",
        icon=":material/download:", key="check_claimreview",
        help="The verdict as schema.org ClaimReview (JSON-LD), the markup fact-checks are published with",
    )


def render_page() -> None:
    checker = get_checker()
    st.title("Check a quote", anchor=False)
    st.caption("Paste a quote as it was published or shared; name the speaker if the quote names one.")
    with st.form("check_form", border=False):
        quote = st.text_area("Quote", key="check_quote", height=110, max_chars=2000,
                             placeholder="“What we have to see is a complete withdrawal of troops”")
        speaker_col, seen_col, button_col = st.columns([2, 2, 1], vertical_alignment="bottom")
        speaker = speaker_col.text_input("Said by (optional)", key="check_speaker", placeholder="e.g. Stoltenberg")
        seen = seen_col.text_input("Where was it seen (URL, optional)", key="check_appearance",
                                   placeholder="https://…", max_chars=claimreview.MAX_URL_CHARS)
        submitted = button_col.form_submit_button("Check quote", type="primary", width="stretch")
    st.caption("Examples")
    with st.container(horizontal=True, gap="small"):
        for number, (label, example, who) in enumerate(EXAMPLES):
            st.button(label, on_click=_use_example, args=(example, who), width="content",
                      icon=":material/format_quote:", key=f"example-check-{number}")
    pending = st.session_state.pop("check_pending", False)
    if submitted or pending:
        try:
            # Checked first, so a mistyped address is reported before the slower check runs.
            appearance = claimreview.web_url(st.session_state.get("check_appearance", seen), "the appearance URL")
            with st.spinner("Comparing with the sources…"):
                st.session_state["check_result"] = checker.check(
                    st.session_state.get("check_quote", quote), st.session_state.get("check_speaker", speaker) or None
                )
            st.session_state["check_result_appearance"] = appearance
        except FactcheckError as error:
            st.session_state.pop("check_result", None)
            st.error(render.sentence(str(error)))
    result = st.session_state.get("check_result")
    if isinstance(result, CheckResult):
        st.divider()
        show_result(result)
        show_download(result, st.session_state.get("check_result_appearance"))


if __name__ == "__main__":
    render_page()
