"""Streamlit pieces shared by the pages: a source card with its paragraph, and the whole article."""

from __future__ import annotations

import streamlit as st

from pipeline.errors import FactcheckError
from pipeline.service import FactChecker
from pipeline.types import Article
from ui import render


def load_article(checker: FactChecker, doc_id: str) -> Article | None:
    """The article, or None when it has been removed since the result was computed."""
    try:
        return checker.article(doc_id)
    except FactcheckError:
        return None


def source_card(
    checker: FactChecker,
    *,
    doc_id: str,
    title: str,
    start: int,
    end: int,
    text: str,
    publisher: str | None,
    published: str | None,
    anchor: str,
    number: int | None = None,
    speaker: str | None = None,
    kind: str | None = None,
    closest: bool = False,
) -> None:
    """Headline, publisher, date and the cited words highlighted in their paragraph, plus an expander
    with the whole article opened at the span. Paragraphs are looked up in the article itself, so the
    card does not depend on how a result encodes its paragraph."""
    article = load_article(checker, doc_id)
    if article is None:
        passage = f'<div class="fc-passage"><mark>{render.esc(text)}</mark></div>'
    else:
        passage = render.passage_html(article.text, article.paragraphs, start, end)
    box = st.container(border=True)
    box.html(
        render.source_card_html(
            number=number,
            title=title or (article.title if article else doc_id),
            publisher=publisher if publisher is not None else (article.publisher if article else None),
            published=published if published is not None else (article.published if article else None),
            passage=passage,
            speaker=speaker,
            kind=kind,
            closest=closest,
        )
    )
    if article is not None:
        with box.expander("Open the article", icon=":material/article:"):
            headlines = [p.index for p in article.paragraphs if p.role == "headline"] or [0]
            st.html(render.article_html(article.text, article.paragraphs, start, end, anchor=anchor,
                                        headline_indexes=headlines))
            st.caption(f"File: {doc_id} · characters {start:,}–{end:,}")
