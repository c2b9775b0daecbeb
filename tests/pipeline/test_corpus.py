"""Reading articles: formats, metadata, exact offsets, and every kind of bad file."""

from pathlib import Path

import pytest

from pipeline.components.splitter import ArticleSplitter
from pipeline.corpus import load_corpus, parse_article
from pipeline.errors import CorpusNotFoundError, EmptyInputError, InputTooLongError, UnsupportedFileError
from tests.conftest import CORPUS, FIXTURES, SEED_ID

MARKDOWN = b"""# Talks resume in Geneva

Diplomats met on *Monday*.

## What was agreed?

Both sides said: "We will meet again."
"""

HTML = b"""<html><head><title>Page title</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2022-03-01">
<script>alert('x')</script><style>p{}</style></head>
<body><nav>Home | World</nav><article><h1>Ceasefire talks stall</h1>
<p>Negotiators left <b>Geneva</b> without a deal.</p><h2>What next?</h2>
<figure><figcaption>Delegates arrive (Photo: Reuters)</figcaption></figure>
<p>The minister said talks would resume.<img src=x onerror="alert(1)"></p></article>
<footer>Copyright Example News</footer></body></html>"""


def all_articles() -> list:
    articles = load_corpus(CORPUS).articles
    fixtures = FIXTURES / "articles"
    if fixtures.is_dir():
        articles += load_corpus(fixtures).articles
    articles.append(parse_article("talks.md", MARKDOWN))
    articles.append(parse_article("talks.html", HTML))
    return articles


def test_seed_article_has_headline_and_metadata() -> None:
    article = next(a for a in load_corpus(CORPUS).articles if a.doc_id == SEED_ID)
    assert article.title.startswith("Why would Russia want to invade Ukraine?")
    assert article.publisher == "NationalWorld"
    assert article.published == "2022-02-15"
    file_text = (CORPUS / SEED_ID).read_bytes().decode("utf-8")
    assert article.text == file_text


def test_metadata_file_gives_the_articles_own_url(tmp_path: Path) -> None:
    """The address an export cites comes from the metadata beside the article; without one there is none."""
    (tmp_path / "talks.txt").write_text("Talks resume\n\nDiplomats met on Monday.\n", encoding="utf-8")
    (tmp_path / "talks.txt.meta.json").write_text('{"url": "https://example.org/talks"}', encoding="utf-8")
    (tmp_path / "other.txt").write_text("Other news\n\nNothing happened.\n", encoding="utf-8")
    by_id = {a.doc_id: a for a in load_corpus(tmp_path).articles}
    assert by_id["talks.txt"].url == "https://example.org/talks"
    assert by_id["other.txt"].url is None


def test_every_passage_and_sentence_offset_is_exact() -> None:
    splitter = ArticleSplitter()
    checked = 0
    for article in all_articles():
        for passage in splitter.split(article):
            meta = passage.meta
            assert article.text[meta["start"] : meta["end"]] == passage.content
            assert meta["doc_id"] == article.doc_id
            for start, end in meta["sentences"]:
                assert meta["start"] <= start < end <= meta["end"]
            checked += 1
        for paragraph in article.paragraphs:
            body = article.text[paragraph.start : paragraph.end]
            assert body == body.strip() and body
    assert checked > 50


def test_long_paragraphs_are_cut_into_windows_of_whole_sentences() -> None:
    sentence = "The delegation met the minister for several hours of talks. "
    article = parse_article("long.txt", ("Headline\n\n" + sentence * 40).encode())
    passages = ArticleSplitter(max_words=30).split(article)
    assert len(passages) > 5
    assert all(p.content.endswith("talks.") for p in passages)
    assert all(len(p.content.split()) <= 30 for p in passages)


def test_header_lines_above_the_story_are_one_passage_but_its_subheadings_are_not_passages() -> None:
    text = ("Daily Press Briefing by the Press Secretary\n\nJames S. Brady Press Briefing Room\n\n12:40 P.M. EDT\n\n"
            "MR. EARNEST: Good afternoon, everybody. I have one announcement to make at the top.\n\n"
            "On trade\n\nThe President will keep making the case for the agreement to members of Congress.")
    article = parse_article("briefing.txt", text.encode())
    passages = ArticleSplitter().split(article)
    contents = [p.content for p in passages]
    header = passages[0]
    assert header.content == "James S. Brady Press Briefing Room\n\n12:40 P.M. EDT"
    assert header.meta["role"] == "subheading"
    assert [header.content[s - header.meta["start"] : e - header.meta["start"]] for s, e in header.meta["sentences"]] \
        == ["James S. Brady Press Briefing Room", "12:40 P.M. EDT"]
    assert "Daily Press Briefing by the Press Secretary" not in contents and "On trade" not in contents
    assert [p.meta["role"] for p in passages[1:]] == ["body", "body"]


def test_markdown_headings_lose_their_marks() -> None:
    article = parse_article("talks.md", MARKDOWN)
    assert article.title == "Talks resume in Geneva"
    subheading = next(p for p in article.paragraphs if p.role == "subheading")
    assert article.text[subheading.start : subheading.end] == "What was agreed?"


def test_html_main_text_drops_scripts_and_page_furniture() -> None:
    article = parse_article("talks.html", HTML)
    assert article.title == "Ceasefire talks stall"
    assert article.publisher == "Example News" and article.published == "2022-03-01"
    assert "alert" not in article.text and "Home | World" not in article.text and "Copyright" not in article.text
    roles = {article.text[p.start : p.end]: p.role for p in article.paragraphs}
    assert roles["What next?"] == "subheading"
    assert roles["Negotiators left Geneva without a deal."] == "body"
    assert roles["The minister said talks would resume."] == "body"
    # trafilatura treats figures (picture and caption) as page furniture: the caption is left out.
    assert "Delegates arrive" not in article.text


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("empty.txt", b"", EmptyInputError),
        ("blank.txt", b"  \n\n \n", EmptyInputError),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", UnsupportedFileError),
        ("latin1.txt", "Café crème".encode("latin-1"), UnsupportedFileError),
        ("report.pdf", b"%PDF-1.4", UnsupportedFileError),
        ("huge.txt", b"word " * 300_000, InputTooLongError),
    ],
)
def test_bad_files_raise_one_clear_error(name: str, data: bytes, error: type) -> None:
    with pytest.raises(error) as raised:
        parse_article(name, data, max_bytes=1024 * 1024)
    assert name in str(raised.value)


def test_bad_files_in_a_corpus_are_skipped_with_a_warning_naming_them(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Good headline\n\nA body paragraph.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x01binary")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    load = load_corpus(tmp_path)
    assert [a.doc_id for a in load.articles] == ["good.txt"]
    assert sorted(w.path for w in load.warnings) == ["bad.txt", "empty.md", "notes.docx"]


def test_missing_corpus_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusNotFoundError):
        load_corpus(tmp_path / "nowhere")


def test_crlf_and_bom_keep_exact_offsets() -> None:
    data = "\ufeffHeadline here\r\n\r\nFirst paragraph.\r\nStill first.\r\n\r\nSecond one.\r\n".encode()
    article = parse_article("windows.txt", data)
    assert article.title == "Headline here"
    bodies = [article.text[p.start : p.end] for p in article.paragraphs]
    assert bodies == ["Headline here", "First paragraph.\r\nStill first.", "Second one."]
