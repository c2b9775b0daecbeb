"""Sources page: the corpus as a table; add an article (upload, paste or link); remove one, after confirming."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from pipeline.article_file import human_size, shown_name
from pipeline.errors import FactcheckError
from pipeline.indexing import Progress
from pipeline.service import FactChecker
from pipeline.types import DocumentInfo
from ui import render
from ui.engine import get_checker


def add_upload(
    checker: FactChecker,
    name: str,
    data: bytes,
    *,
    publisher: str | None = None,
    published: str | None = None,
    on_progress: Progress | None = None,
) -> DocumentInfo:
    """Add an uploaded file; the service judges it by the same rules as every article file (the browser's
    checks can be bypassed). Raises a ``FactcheckError`` with a message for the person; on any error the corpus
    is unchanged.
    """
    return checker.add_document(
        shown_name(name), data, publisher=_blank_to_none(publisher), published=_blank_to_none(published),
        on_progress=on_progress,
    )


def _blank_to_none(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def documents_frame(documents: list[DocumentInfo]) -> pd.DataFrame:
    """The table people see: plain columns, newest first."""
    rows = [
        {
            "Headline": d.title,
            "Publisher": d.publisher or "",
            "Date": render.format_date(d.published),
            "Size": human_size(d.size_bytes),
            "Passages": d.passages,
            "Quotes": d.quotes,
            "File": d.doc_id,
            "_sort": d.published or "",
        }
        for d in documents
    ]
    frame = pd.DataFrame(rows, columns=["Headline", "Publisher", "Date", "Size", "Passages", "Quotes", "File", "_sort"])
    return frame.sort_values(["_sort", "Headline"], ascending=[False, True]).drop(columns="_sort")


def _progress_bar() -> tuple[Progress, Callable[[], None]]:
    bar = st.progress(0.0, text="Indexing…")

    def on_progress(done: int, total: int, doc_id: str) -> None:
        label = f"Indexing {doc_id or 'the corpus'} ({done}/{total})"
        bar.progress(min(1.0, done / total) if total else 0.0, text=label)

    def clear() -> None:
        bar.empty()

    return on_progress, clear


def _added(info: DocumentInfo) -> None:
    byline = " · ".join(p for p in (info.author, info.publisher, render.format_date(info.published)) if p)
    st.session_state["sources_flash"] = (
        f"Added “{info.title}”{f' ({byline})' if byline else ''}: {info.passages} passages, {info.quotes} quotes. "
        "It can be asked about now."
    )
    # A new key empties the uploader and the paste form.
    st.session_state["sources_form_generation"] = st.session_state.get("sources_form_generation", 0) + 1
    st.rerun()


def _with_progress(add: Callable[[Progress], DocumentInfo]) -> DocumentInfo | None:
    """Run one add with a progress bar; on a refusal show why (nothing was written) and return None."""
    on_progress, done = _progress_bar()
    try:
        info = add(on_progress)
    except FactcheckError as error:
        done()
        st.error(render.sentence(str(error)) + " Nothing was added.")
        return None
    done()
    return info


def _upload_tab(checker: FactChecker, generation: int) -> None:
    uploaded = st.file_uploader(
        "Article file (.txt, .md or .html, up to 5 MB)", type=["txt", "md", "html"], key=f"upload_{generation}",
        max_upload_size=5,
    )
    publisher_col, date_col = st.columns(2)
    publisher = publisher_col.text_input("Publisher (optional)", key=f"upload_publisher_{generation}")
    published = date_col.date_input("Date (optional)", value=None, key=f"upload_date_{generation}",
                                    min_value=date(1900, 1, 1))
    if st.button("Add file", type="primary", disabled=uploaded is None, key=f"upload_go_{generation}"):
        assert uploaded is not None
        info = _with_progress(lambda on_progress: add_upload(
            checker, uploaded.name, uploaded.getvalue(), publisher=publisher,
            published=published.isoformat() if published else None, on_progress=on_progress))
        if info is not None:
            _added(info)


def _paste_tab(checker: FactChecker, generation: int) -> None:
    with st.form(f"paste_form_{generation}", border=False):
        title = st.text_input("Headline", key="paste_title", max_chars=300)
        publisher_col, date_col = st.columns(2)
        publisher = publisher_col.text_input("Publisher (optional)", key="paste_publisher")
        published = date_col.date_input("Date (optional)", value=None, key="paste_date", min_value=date(1900, 1, 1))
        body = st.text_area("Article text", key="paste_body", height=220,
                            placeholder="Paste the article here. Leave a blank line between paragraphs.")
        submitted = st.form_submit_button("Add article", type="primary")
    if submitted:
        info = _with_progress(lambda on_progress: checker.add_text(
            title, body, publisher=_blank_to_none(publisher),
            published=published.isoformat() if published else None, on_progress=on_progress))
        if info is None:
            return
        for key in ("paste_title", "paste_publisher", "paste_date", "paste_body"):
            st.session_state.pop(key, None)
        _added(info)


def _link_tab(checker: FactChecker, generation: int) -> None:
    with st.form(f"link_form_{generation}", border=False):
        url = st.text_input("Link to the article", key=f"link_url_{generation}", max_chars=2000,
                            placeholder="https://www.example.com/news/story.html")
        st.caption("The page is fetched once; its article text, headline, author, site name and date are kept, "
                   "with the link to cite. Web pages and plain text only, up to 5 MB.")
        submitted = st.form_submit_button("Add from link", type="primary")
    if submitted:
        info = _with_progress(lambda on_progress: checker.add_url(url, on_progress=on_progress))
        if info is not None:
            _added(info)


def _remove_section(checker: FactChecker, documents: list[DocumentInfo]) -> None:
    titles = {d.doc_id: f"{d.title} ({d.doc_id})" for d in documents}
    doc_id = st.selectbox("Article", list(titles), format_func=titles.__getitem__, key="remove_choice",
                          index=None, placeholder="Choose an article to remove")
    pending = st.session_state.get("remove_pending")
    if pending not in titles:
        pending = None
        st.session_state.pop("remove_pending", None)
    if pending is None:
        if st.button("Remove…", disabled=doc_id is None, key="remove_ask"):
            st.session_state["remove_pending"] = doc_id
            st.rerun()
        return
    st.warning(f"Remove “{titles[pending]}” from the corpus? Its file is deleted and it can no longer be cited.")
    yes, no, _ = st.columns([1, 1, 4])
    if yes.button("Yes, remove it", type="primary", key="remove_yes"):
        st.session_state.pop("remove_pending", None)
        try:
            with st.spinner("Removing and re-indexing…"):
                checker.remove_document(pending)
        except FactcheckError as error:
            st.error(render.sentence(str(error)) + " Nothing was removed.")
            return
        st.session_state.pop("remove_choice", None)
        st.session_state["sources_flash"] = f"Removed “{titles[pending]}”."
        st.rerun()
    if no.button("Cancel", key="remove_no"):
        st.session_state.pop("remove_pending", None)
        st.rerun()


def render_page() -> None:
    checker = get_checker()
    st.title("Sources", anchor=False)
    st.caption("The articles every answer and check is drawn from.")
    flash = st.session_state.pop("sources_flash", None)
    if flash:
        st.success(flash)
    documents = checker.documents()
    st.dataframe(
        documents_frame(documents),
        hide_index=True,
        width="stretch",
        column_config={
            "Headline": st.column_config.TextColumn(width=520),
            "File": st.column_config.TextColumn(width="medium"),
            "Passages": st.column_config.NumberColumn(width="small"),
            "Quotes": st.column_config.NumberColumn(width="small"),
        },
    )
    st.caption(f"{len(documents)} article{'s' if len(documents) != 1 else ''}")

    st.subheader("Add an article", anchor=False)
    generation = st.session_state.get("sources_form_generation", 0)
    upload, paste, link = st.tabs(["Upload a file", "Paste text", "From a link"])
    with upload:
        _upload_tab(checker, generation)
    with paste:
        _paste_tab(checker, generation)
    with link:
        _link_tab(checker, generation)

    st.subheader("Remove an article", anchor=False)
    _remove_section(checker, documents)


if __name__ == "__main__":
    render_page()
