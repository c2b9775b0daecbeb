"""Pure HTML builders for the Streamlit views: highlights, diffs, badges and citation text.

Every piece of article or user text goes through ``html.escape`` *before* any tag of ours is
added, so an article holding ``<script>`` or ``<img onerror=...>`` is shown as text and runs
nothing. Functions here take plain values (no Streamlit, no engine calls) so they can be unit-tested.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol


class ParagraphLike(Protocol):
    """What the renderers need of ``pipeline.types.Paragraph`` (read-only, so frozen spans fit too)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class DifferenceLike(Protocol):
    """What the renderers need of ``pipeline.types.Difference`` (read-only: its ``op`` is a narrower Literal)."""

    @property
    def op(self) -> str: ...

    @property
    def quote(self) -> str: ...

    @property
    def source(self) -> str: ...


@dataclass(frozen=True)
class VerdictStyle:
    label: str
    colour: str
    background: str
    help: str


VERDICTS: dict[str, VerdictStyle] = {
    "verbatim": VerdictStyle("verbatim", "#0f5132", "#d1e7dd", "The source has these exact words."),
    "altered": VerdictStyle("altered", "#7a4100", "#ffe5b4", "Nearly the source's words, with changes."),
    "paraphrase": VerdictStyle("paraphrase", "#084298", "#cfe2ff", "The same meaning in other words."),
    "misattributed": VerdictStyle("misattributed", "#842029", "#f8d7da", "The source gives the words to someone else."),
    "not_found": VerdictStyle("not found", "#41464b", "#e2e3e5", "No source has these words or this meaning."),
}

# Styles live in one place; ``ui/app.py`` injects them once per page.
CSS = """
<style>
[data-testid="stMainBlockContainer"]{padding-top:3.2rem;padding-bottom:3rem}
.fc-card{margin:0 0 .1rem}
.fc-card-head{line-height:1.35}
.fc-num{font-weight:700;color:#1f4e79;margin-right:.45rem}
.fc-label{font-weight:600;font-size:.95rem;margin:.2rem 0 .1rem;color:#1d2330}
.fc-headline{font-weight:600;font-size:1.02rem;line-height:1.35}
.fc-meta{color:#5c6370;font-size:.85rem;margin:.15rem 0 .5rem}
.fc-passage{font-family:Georgia,'Times New Roman',serif;font-size:1.02rem;line-height:1.6;
  border-left:3px solid #c9d3df;padding:.15rem 0 .15rem .8rem;overflow-wrap:anywhere}
.fc-passage mark,.fc-article mark{background:#fff1a8;color:inherit;padding:0 .1em;border-radius:.15em;
  box-shadow:0 0 0 1px #f0d264}
.fc-closest .fc-passage{border-left-color:#dcdfe4;color:#3d4450}
.fc-closest .fc-passage mark{background:#eceff3;box-shadow:0 0 0 1px #d5dae1}
.fc-article{max-height:26rem;overflow-y:auto;font-family:Georgia,'Times New Roman',serif;line-height:1.6;
  padding:.2rem .9rem .2rem .2rem;overflow-wrap:anywhere}
.fc-article p{margin:0 0 .8rem}
.fc-article p.fc-headline-p{font-weight:700;font-size:1.1rem}
.fc-article .fc-target{scroll-initial-target:nearest;scroll-margin-top:2rem}
.fc-answer{font-size:1.15rem;line-height:1.55;padding:.9rem 1.1rem;border-radius:.6rem;
  background:#eef4fb;border:1px solid #cfe0f3;overflow-wrap:anywhere}
.fc-short{font-size:1.45rem;margin-bottom:.3rem}
.fc-context{font-size:1rem;color:#3d4450}
.fc-ref{display:inline-block;font-size:.75rem;font-weight:700;color:#1f4e79;background:#d6e6f7;
  border-radius:.3rem;padding:0 .3rem;margin:0 .1rem;vertical-align:super;line-height:1.2}
.fc-abstain{font-size:1.1rem;padding:.9rem 1.1rem;border-radius:.6rem;background:#f4f4f5;border:1px solid #dcdce0}
.fc-badge{display:inline-block;font-weight:700;text-transform:uppercase;letter-spacing:.04em;font-size:.9rem;
  padding:.25rem .7rem;border-radius:999px}
.fc-verdict{display:flex;gap:.8rem;align-items:center;flex-wrap:wrap;margin:.3rem 0 .6rem}
.fc-diff{font-size:1.05rem;line-height:1.8;overflow-wrap:anywhere}
.fc-diff del{color:#b42318;background:#fde7e7;text-decoration:line-through;padding:0 .15em;border-radius:.15em}
.fc-diff ins{color:#146c2e;background:#dcf5e3;text-decoration:none;padding:0 .15em;border-radius:.15em}
.fc-kind{font-size:.75rem;color:#5c6370;border:1px solid #d0d4da;border-radius:.3rem;padding:0 .35rem}
.fc-legend{color:#5c6370;font-size:.82rem}
[class*="st-key-example-"] button *{white-space:normal!important;text-overflow:clip!important;
  overflow:visible!important}
[class*="st-key-example-"] button{text-align:left;height:auto}
</style>
"""

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_MARKER = re.compile(r"\[(\d{1,3})\]")


def esc(text: str | None) -> str:
    """Escape text for HTML (quotes too, so it is also safe inside attributes)."""
    return html.escape(text or "", quote=True)


def sentence(message: str) -> str:
    """An engine message as a sentence: first letter up, a full stop at the end."""
    message = message.strip()
    if not message:
        return message
    message = message[0].upper() + message[1:]
    return message if message[-1] in ".!?" else message + "."


def _text_html(text: str) -> str:
    """Escaped text with line breaks kept."""
    return esc(text).replace("\r\n", "\n").replace("\n", "<br>")


def marked_html(text: str, spans: Iterable[tuple[int, int]], *, base: int = 0, mark_id: str | None = None) -> str:
    """``text`` escaped, with ``<mark>`` around each span; spans index the text ``base`` characters earlier.

    ``base`` lets a caller pass one paragraph of an article and keep the article's offsets. Spans are
    clipped to the text; overlapping spans merge. The first mark gets ``id=mark_id`` so it can be linked.
    """
    length = len(text)
    clipped = sorted(
        (max(0, s - base), min(length, e - base)) for s, e in spans if min(length, e - base) > max(0, s - base)
    )
    merged: list[list[int]] = []
    for start, end in clipped:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    cursor = 0
    for i, (start, end) in enumerate(merged):
        out.append(_text_html(text[cursor:start]))
        ident = f' id="{esc(mark_id)}"' if mark_id and i == 0 else ""
        out.append(f"<mark{ident}>{_text_html(text[start:end])}</mark>")
        cursor = end
    out.append(_text_html(text[cursor:]))
    return "".join(out)


def paragraph_window(paragraphs: Sequence[ParagraphLike], start: int, end: int) -> tuple[int, int]:
    """The character range of the paragraph(s) holding ``[start, end)``: a quote may run over two."""
    touching = [p for p in paragraphs if p.start < max(end, start + 1) and start < p.end]
    if not touching:
        return start, end
    return min(touching[0].start, start), max(touching[-1].end, end)


def passage_html(text: str, paragraphs: Sequence[ParagraphLike], start: int, end: int) -> str:
    """The paragraph around ``[start, end)`` of an article's ``text``, with the span highlighted."""
    lo, hi = paragraph_window(paragraphs, start, end)
    return f'<div class="fc-passage">{marked_html(text[lo:hi], [(start, end)], base=lo)}</div>'


def article_html(
    text: str,
    paragraphs: Sequence[ParagraphLike],
    start: int,
    end: int,
    *,
    anchor: str,
    headline_indexes: Iterable[int] = (0,),
) -> str:
    """The whole article, one ``<p>`` per paragraph, the span marked (``id=anchor``) and scrolled to.

    The paragraph holding the span start gets ``scroll-initial-target`` so the scroll box opens on it
    without any JavaScript.
    """
    headlines = set(headline_indexes)
    parts: list[str] = []
    anchored = False
    blocks = list(paragraphs) or [_Span(0, len(text))]
    for i, paragraph in enumerate(blocks):
        touches = paragraph.start < max(end, start + 1) and start < paragraph.end
        classes = []
        if i in headlines:
            classes.append("fc-headline-p")
        if touches and not anchored:
            classes.append("fc-target")
        body = marked_html(
            text[paragraph.start : paragraph.end],
            [(start, end)] if touches else [],
            base=paragraph.start,
            mark_id=anchor if touches and not anchored else None,
        )
        anchored = anchored or touches
        attr = f' class="{" ".join(classes)}"' if classes else ""
        parts.append(f"<p{attr}>{body}</p>")
    return f'<div class="fc-article">{"".join(parts)}</div>'


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def format_date(published: str | None) -> str:
    """``2022-02-15`` → ``15 Feb 2022``; anything else is shown as given."""
    if not published:
        return ""
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return published
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def meta_line(publisher: str | None, published: str | None, *extra: str | None) -> str:
    """``NationalWorld · 15 Feb 2022 · …`` as escaped HTML; missing parts are left out."""
    parts = [publisher or "Unknown publisher", format_date(published) or "undated", *[e for e in extra if e]]
    return " · ".join(esc(p) for p in parts)


def source_card_html(
    *,
    number: int | None,
    title: str,
    publisher: str | None,
    published: str | None,
    passage: str,
    speaker: str | None = None,
    kind: str | None = None,
    closest: bool = False,
) -> str:
    """A citation card: number, headline, publisher and date, who spoke, and the highlighted passage.

    ``passage`` must already be HTML from ``passage_html``.
    """
    num = f'<span class="fc-num">[{number}]</span>' if number is not None else ""
    said = f"said by {speaker}" if speaker else None
    kind_html = f' <span class="fc-kind">{esc(kind)}</span>' if kind else ""
    css = "fc-card fc-closest" if closest else "fc-card"
    return (
        f'<div class="{css}"><div class="fc-card-head">{num}<span class="fc-headline">{esc(title)}</span></div>'
        f'<div class="fc-meta">{meta_line(publisher, published, said)}{kind_html}</div>{passage}</div>'
    )


def answer_html(answer: str, markers: Sequence[int] = (), short: tuple[int, int] | None = None) -> str:
    """The answer with its citation markers as chips; ``markers`` are appended when the text has none.

    ``short`` is the span of the short answer inside ``answer`` ("Lviv" in the sentence): it is shown in bold
    first, and in bold within the sentence, which then reads as its context.
    """
    if short is not None and 0 <= short[0] < short[1] <= len(answer):
        start, end = short
        phrase = esc(answer[start:end])
        context = f"{esc(answer[:start])}<strong>{phrase}</strong>{esc(answer[end:])}"
        chips = "".join(f'<span class="fc-ref">[{n}]</span>' for n in markers)
        return (f'<div class="fc-answer"><div class="fc-short"><strong>{phrase}</strong></div>'
                f'<div class="fc-context">{context} {chips}</div></div>')
    body = _MARKER.sub(lambda m: f'<span class="fc-ref">[{m.group(1)}]</span>', esc(answer))
    if markers and not _MARKER.search(answer):
        body += " " + "".join(f'<span class="fc-ref">[{n}]</span>' for n in markers)
    return f'<div class="fc-answer">{body}</div>'


def abstain_html() -> str:
    return '<div class="fc-abstain"><strong>The sources do not say.</strong> No article answers this question.</div>'


def badge_html(verdict: str) -> str:
    """A coloured pill naming the verdict (unknown verdicts fall back to grey)."""
    style = VERDICTS.get(verdict, VerdictStyle(verdict.replace("_", " "), "#41464b", "#e2e3e5", ""))
    return (
        f'<span class="fc-badge" data-verdict="{esc(verdict)}" title="{esc(style.help)}" '
        f'style="color:{style.colour};background:{style.background}">{esc(style.label)}</span>'
    )


def verdict_html(verdict: str, explanation: str, similarity: float | None = None) -> str:
    """Badge and one-line explanation side by side."""
    score = f' <span class="fc-legend">similarity {similarity:.2f}</span>' if similarity is not None else ""
    return f'<div class="fc-verdict">{badge_html(verdict)}<span>{esc(explanation)}</span>{score}</div>'


def _loose_pattern(words: str) -> re.Pattern[str] | None:
    """A case-insensitive pattern for ``words`` that tolerates punctuation and spacing between them."""
    tokens = re.findall(r"\w+", words)
    if not tokens:
        return None
    return re.compile(r"\b" + r"\W+".join(re.escape(t) for t in tokens) + r"\b", re.IGNORECASE)


def diff_html(quote: str, differences: Sequence[DifferenceLike], source: str = "") -> str:
    """The quote with the engine's word differences inline: quote-only words struck in red, the source's
    words in green. ``differences`` come in quote order; when one cannot be placed in the quote the
    changes are listed one per line instead (never a wrong inline picture).
    """
    if not differences:
        return f'<div class="fc-diff">{esc(quote)}</div>'
    out: list[str] = []
    cursor = 0
    source_cursor = 0
    for diff in differences:
        if diff.op in ("replace", "insert"):
            pattern = _loose_pattern(diff.quote)
            found = pattern.search(quote, cursor) if pattern else None
            if found is None:
                return _diff_list_html(differences)
            out.append(esc(quote[cursor : found.start()]))
            out.append(f"<del>{esc(found.group(0))}</del>")
            if diff.op == "replace":
                out.append(f"<ins>{esc(diff.source)}</ins>")
            cursor = found.end()
            src = _loose_pattern(diff.source)
            hit = src.search(source, source_cursor) if src and source else None
            source_cursor = hit.end() if hit else source_cursor
        else:  # delete: the quote leaves out source words; place them after the source word before them
            placed = _deletion_point(quote, cursor, source, source_cursor, diff.source)
            if placed is None:
                return _diff_list_html(differences)
            position, source_cursor = placed
            out.append(esc(quote[cursor:position]))
            gap = "" if position == 0 or quote[position - 1].isspace() else " "
            out.append(f"{gap}<ins>{esc(diff.source)}</ins>")
            cursor = position
    out.append(esc(quote[cursor:]))
    return f'<div class="fc-diff">{"".join(out)}</div>'


def _deletion_point(
    quote: str, cursor: int, source: str, source_cursor: int, missing: str
) -> tuple[int, int] | None:
    """Where in ``quote`` the left-out ``missing`` words belong (after the word the source has before
    them), and where the source search goes on from."""
    pattern = _loose_pattern(missing)
    hit = pattern.search(source, source_cursor) if pattern and source else None
    if hit is None:
        return None
    before = re.findall(r"\w+", source[: hit.start()])
    if not before:
        return (0, hit.end()) if cursor == 0 else None
    previous = re.compile(r"\b" + re.escape(before[-1]) + r"\b", re.IGNORECASE).search(quote, cursor)
    return (previous.end(), hit.end()) if previous else None


def _diff_list_html(differences: Sequence[DifferenceLike]) -> str:
    rows = []
    for diff in differences:
        if diff.op == "replace":
            rows.append(f"<del>{esc(diff.quote)}</del> → <ins>{esc(diff.source)}</ins>")
        elif diff.op == "insert":
            rows.append(f"<del>{esc(diff.quote)}</del> (not in the source)")
        else:
            rows.append(f"<ins>{esc(diff.source)}</ins> (left out of the quote)")
    return '<div class="fc-diff">' + "<br>".join(rows) + "</div>"


def citation_text(
    *, title: str, publisher: str | None, published: str | None, quote: str, speaker: str | None = None
) -> str:
    """Plain text to paste into a story or a note: headline, publisher, date and the exact words."""
    who = f"{speaker}: " if speaker else ""
    when = format_date(published) or "undated"
    return f"“{title}”, {publisher or 'unknown publisher'}, {when}.\n{who}“{' '.join(quote.split())}”"
