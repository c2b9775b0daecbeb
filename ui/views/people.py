"""People page: who is quoted in the corpus, how often, and everything each of them said."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ui.engine import get_checker
from ui.widgets import source_card


def counts_frame(counts: dict[str, int]) -> pd.DataFrame:
    """Person / Statements rows, most quoted first (the order people scan a list in)."""
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))
    return pd.DataFrame(rows, columns=["Person", "Statements"])


def _chart(frame: pd.DataFrame) -> alt.Chart:
    """Horizontal bars: long names stay readable, unlike rotated labels on a column chart."""
    return (
        alt.Chart(frame)
        .mark_bar(color="#3b6ea5", cornerRadiusEnd=3)
        .encode(
            x=alt.X("Statements:Q", title="Statements", axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("Person:N", sort="-x", title=None, axis=alt.Axis(labelLimit=200, labelOverlap=False)),
            tooltip=["Person", "Statements"],
        )
    )


def chart_height(frame: pd.DataFrame) -> int:
    return max(160, 28 * len(frame) + 50)


def render_page() -> None:
    checker = get_checker()
    st.title("People", anchor=False)
    st.caption("Everyone the articles quote or report as saying something, and how often.")
    counts = checker.speaker_counts()
    if not counts:
        st.info("No one is quoted in the corpus yet. Add articles under Sources.")
        return
    frame = counts_frame(counts)
    listing, chart = st.columns([2, 3], gap="large")
    listing.dataframe(frame, hide_index=True, width="stretch", height=min(420, 38 + 35 * len(frame)))
    chart.altair_chart(_chart(frame), width="stretch", height=chart_height(frame))

    names = frame["Person"].tolist()
    person = st.columns([2, 3])[0].selectbox("Read what someone said", names, key="people_person")
    if not person:
        return
    statements = checker.quotes(person).quotes
    st.subheader(f"{person}: {len(statements)} statement{'s' if len(statements) != 1 else ''}", anchor=False)
    st.caption("In article order. “direct” is a quotation; “reported” is the article paraphrasing them.")
    for number, statement in enumerate(statements, start=1):
        source_card(
            checker,
            doc_id=statement.doc_id,
            title=statement.title,
            start=statement.start,
            end=statement.end,
            text=statement.text,
            publisher=None,
            published=None,
            anchor=f"fc-person-{number}",
            number=number,
            kind=statement.kind + (" · caption" if statement.is_caption else ""),
        )


if __name__ == "__main__":
    render_page()
