"""The pure HTML helpers: article text is always escaped, marks land on the right characters, diffs read right."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from pipeline.article_file import human_size
from ui import render

SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'


@dataclass
class Para:
    start: int
    end: int


@dataclass
class Diff:
    op: str
    quote: str
    source: str


def _paragraphs(text: str) -> list[Para]:
    out, start = [], 0
    for block in text.split("\n\n"):
        out.append(Para(start, start + len(block)))
        start += len(block) + 2
    return out


@pytest.mark.parametrize("payload", [SCRIPT, IMG])
def test_marked_html_escapes_markup_inside_and_outside_the_mark(payload: str) -> None:
    text = f"Before {payload} middle {payload} after"
    second = text.rindex(payload)
    html = render.marked_html(text, [(second, second + len(payload))])
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html or "&lt;img" in html
    assert html.count("<mark>") == 1
    assert html.split("<mark>")[1].split("</mark>")[0] == render.esc(payload)


def test_passage_and_article_escape_injection() -> None:
    text = f"Headline {IMG}\n\nBody says {SCRIPT} here.\n\nEnd."
    paragraphs = _paragraphs(text)
    start = text.index("<script>")
    end = start + len(SCRIPT)
    for html in (
        render.passage_html(text, paragraphs, start, end),
        render.article_html(text, paragraphs, start, end, anchor="a1"),
        render.source_card_html(number=1, title=f"Title {SCRIPT}", publisher=IMG, published=None, passage=""),
        render.answer_html(f"{SCRIPT} [1]"),
        render.diff_html(f"say {SCRIPT}", [Diff("replace", "say", IMG)]),
        render.verdict_html("altered", IMG),
    ):
        assert "<script" not in html
        assert "<img" not in html


def test_highlight_offsets_with_base() -> None:
    text = "Alpha beta.\n\nGamma delta epsilon.\n\nZeta."
    paragraphs = _paragraphs(text)
    start = text.index("delta")
    html = render.passage_html(text, paragraphs, start, start + len("delta"))
    assert html == '<div class="fc-passage">Gamma <mark>delta</mark> epsilon.</div>'


def test_highlight_spans_clip_merge_and_keep_line_breaks() -> None:
    assert render.marked_html("abcdef", [(-5, 2), (1, 3)]) == "<mark>abc</mark>def"
    assert render.marked_html("abcdef", [(10, 20)]) == "abcdef"
    assert render.marked_html("ab\ncd", [(1, 4)]) == "a<mark>b<br>c</mark>d"
    assert render.marked_html("cd", [(10, 11)], base=10, mark_id="m") == '<mark id="m">c</mark>d'


def test_paragraph_window_covers_a_quote_running_over_two_paragraphs() -> None:
    text = "One two.\n\n“Three four.\n\n“Five six.”\n\nSeven."
    paragraphs = _paragraphs(text)
    start, end = text.index("Three"), text.index("six") + 3
    assert render.paragraph_window(paragraphs, start, end) == (paragraphs[1].start, paragraphs[2].end)
    html = render.passage_html(text, paragraphs, start, end)
    assert "One two" not in html and "Seven" not in html
    assert "<mark>Three four.<br><br>“Five six</mark>" in html


def test_article_html_anchors_and_targets_the_span_paragraph() -> None:
    text = "Headline\n\nFirst body.\n\nThe quote is here.\n\nLast."
    paragraphs = _paragraphs(text)
    start = text.index("quote")
    html = render.article_html(text, paragraphs, start, start + 5, anchor="fc-x")
    assert '<p class="fc-headline-p">Headline</p>' in html
    assert '<p class="fc-target">The <mark id="fc-x">quote</mark> is here.</p>' in html
    assert html.count("<mark") == 1 and html.count("fc-target") == 1


def test_diff_inline_replace_insert_delete() -> None:
    quote = "What we have to see is a complete withdrawal of troops"
    source = "What we have to see is a substantial withdrawal of troops"
    html = render.diff_html(quote, [Diff("replace", "complete", "substantial")], source)
    assert "is a <del>complete</del><ins>substantial</ins> withdrawal" in html

    inserted = render.diff_html(
        "we must really see a withdrawal", [Diff("insert", "really", "")], "we must see a withdrawal"
    )
    assert "must <del>really</del> see" in inserted

    deleted = render.diff_html(
        "see a withdrawal of troops", [Diff("delete", "", "substantial")], "see a substantial withdrawal of troops"
    )
    assert "see a <ins>substantial</ins> withdrawal" in deleted


def test_diff_falls_back_to_a_list_when_it_cannot_place_a_change() -> None:
    html = render.diff_html("nothing alike", [Diff("replace", "absent words", "other")], "source")
    assert "<del>absent words</del> → <ins>other</ins>" in html


def test_diff_without_differences_is_the_quote() -> None:
    assert render.diff_html("a < b", []) == '<div class="fc-diff">a &lt; b</div>'


@pytest.mark.parametrize("verdict", ["verbatim", "altered", "paraphrase", "misattributed", "not_found"])
def test_badges_have_distinct_colours_and_labels(verdict: str) -> None:
    html = render.badge_html(verdict)
    assert f'data-verdict="{verdict}"' in html
    assert render.VERDICTS[verdict].label in html
    colours = {(v.colour, v.background) for v in render.VERDICTS.values()}
    assert len(colours) == len(render.VERDICTS)


def test_answer_markers_are_added_only_when_missing() -> None:
    assert render.answer_html("Lviv", [1]).count("fc-ref") == 1
    assert render.answer_html("X: [1] a [2] b", [1]).count("fc-ref") == 2


def test_citation_text_and_small_formatters() -> None:
    text = render.citation_text(
        title="Headline", publisher="NationalWorld", published="2022-02-15", quote="We  must\nsee", speaker="Jens"
    )
    assert text == "“Headline”, NationalWorld, 15 Feb 2022.\nJens: “We must see”"
    assert render.format_date("yesterday") == "yesterday"
    assert render.format_date(None) == ""
    assert human_size(9812) == "9.6 KB"
    assert render.sentence("the question is empty") == "The question is empty."


def test_answer_html_puts_the_short_answer_first_in_bold_and_escapes_it() -> None:
    answer = "The <b>council</b> met in <Lviv> on Monday."
    start = answer.index("<Lviv>")
    html = render.answer_html(answer, [1], (start, start + len("<Lviv>")))
    assert html.startswith('<div class="fc-answer"><div class="fc-short"><strong>&lt;Lviv&gt;</strong></div>')
    assert "met in <strong>&lt;Lviv&gt;</strong> on Monday." in html and "&lt;b&gt;council" in html
    assert '<span class="fc-ref">[1]</span>' in html
    assert render.answer_html(answer, [1], (5, 999)) == render.answer_html(answer, [1])  # a bad span is ignored
