"""HTML pages through trafilatura: the article and its metadata kept, furniture and scripts never text."""

from __future__ import annotations

import pytest

from pipeline.errors import NotAnArticleError
from pipeline.html_text import extract_html, web_url
from tests.web_server import STORY, STORY_AUTHOR, STORY_CANONICAL, STORY_DATE, STORY_HEADLINE, STORY_SITE

HOSTILE = """<html><head><title>Council minutes</title>
<script>document.write('INJECTED-HEAD')</script><style>p::after { content: 'INJECTED-STYLE' }</style></head>
<body><noscript>INJECTED-NOSCRIPT</noscript><template><p>INJECTED-TEMPLATE</p></template>
<iframe srcdoc="<p>INJECTED-IFRAME</p>"></iframe>
<article><h1>Council approves bridge budget</h1>
<p>The mayor said the bridge budget was approved<script>alert('INJECTED-INLINE')</script> on Monday after a long debate.
<img src=x onerror="alert('INJECTED-ATTR')"></p>
<svg><script>alert('INJECTED-SVG')</script><text>INJECTED-SVG-TEXT</text></svg>
<p>Residents welcomed the vote, calling the written rule &lt;script&gt;alert(1)&lt;/script&gt; long overdue.</p>
<!-- INJECTED-COMMENT --><form><input value="INJECTED-FORM"><button>INJECTED-BUTTON</button></form>
</article></body></html>"""


def test_a_news_page_gives_its_article_and_metadata() -> None:
    page = extract_html(STORY.decode(), url="http://127.0.0.1/story.html")
    assert page.title == STORY_HEADLINE
    assert (page.author, page.publisher, page.published, page.url) == (
        STORY_AUTHOR, STORY_SITE, STORY_DATE, STORY_CANONICAL,
    )
    paragraphs = [page.text[start:end] for start, end in page.blocks]
    assert paragraphs[0] == STORY_HEADLINE and page.text.startswith(STORY_HEADLINE + "\n\n")
    assert "“We owe it to every fisherman who came home by its light,” said Mayor Ada Quinn" in page.text
    assert page.hints[paragraphs.index("A long-delayed decision")] == "subheading"
    assert paragraphs[-1].startswith("Fishermen's associations welcomed the decision")
    for furniture in ("Subscribe today", "Advertisement", "Related stories", "Storm damage bill", "All rights reserved",
                      "Privacy policy", "tracking pixel", "dataLayer", "footer script", "font-family"):
        assert furniture not in page.text, furniture
    assert page.text == "\n\n".join(paragraphs)


def test_hostile_html_never_becomes_markup_or_script_text() -> None:
    page = extract_html(HOSTILE)
    assert page.title == "Council approves bridge budget"
    assert "approved on Monday after a long debate." in page.text
    assert "INJECTED" not in page.text
    assert "<img" not in page.text and "onerror" not in page.text
    # Text that only *looks* like markup is the article's words, kept as plain text (the app escapes it).
    assert "the written rule <script>alert(1)</script> long overdue" in page.text


def test_a_short_page_keeps_its_blocks_apart() -> None:
    page = extract_html(
        "<html><head><title>Ferry strike ends</title></head><body><h1>Ferry strike ends</h1>"
        "<p>The union said the ferry strike is over after a pay deal.</p><p>Sailings resume on Friday.</p>"
        "</body></html>"
    )
    assert page.text == (
        "Ferry strike ends\n\nThe union said the ferry strike is over after a pay deal.\n\nSailings resume on Friday."
    )


def test_the_title_is_the_headline_when_the_page_has_no_heading() -> None:
    page = extract_html(
        "<html><head><title>Harbour dues rise</title></head><body><div><p>The harbour board raised mooring dues by "
        "four per cent, its first rise in six years, and said the money would pay for dredging.</p></div></body></html>"
    )
    assert page.title == "Harbour dues rise"
    assert page.text.startswith("Harbour dues rise\n\nThe harbour board raised mooring dues")


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><footer>Terms</footer></body></html>",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><script>var article = 'not text';</script></body></html>",
    ],
)
def test_a_page_without_article_text_is_not_an_article(html: str) -> None:
    with pytest.raises(NotAnArticleError, match="no article text found"):
        extract_html(html, source="menu.html")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://gazette.example/a", "https://gazette.example/a"),
        ("javascript:alert(1)", None),
        ("//gazette.example/a", None),
        ("https://gazette.example/a b", None),
        ("", None),
    ],
)
def test_only_web_addresses_are_kept_as_urls(value: str, expected: str | None) -> None:
    assert web_url(value) == expected
