"""Each page through ``streamlit.testing.v1.AppTest``, on a temp copy of the corpus with the fast hashing embedder."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipeline.errors import FactcheckError
from pipeline.service import FactChecker
from pipeline.settings import Settings
from tests.pipeline.schema_org import schema_errors
from tests.web_server import STORY_AUTHOR, STORY_HEADLINE, STORY_SITE, WebServer
from ui import engine
from ui.views import check, sources

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "ui" / "app.py")
TIMEOUT_S = 60
INJECTION_TITLE = "Council minutes <script>alert('pwned')</script>"
INJECTION_BODY = (
    "The mayor said the bridge budget was approved <img src=x onerror=\"alert('pwned')\"> on Monday.\n\n"
    "Residents welcomed the vote, calling it <script>document.title='pwned'</script> long overdue."
)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private corpus and index cache, set in the environment before any app run reads the settings."""
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    monkeypatch.setenv("FACTCHECK_CORPUS_DIR", str(folder))
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FACTCHECK_EMBEDDING_MODEL", "hashing")
    engine.clear()
    yield folder
    engine.clear()


def _run(at: AppTest) -> AppTest:
    at.run(timeout=TIMEOUT_S)
    assert not at.exception, [e.value for e in at.exception]
    assert not any("Something went wrong" in e.value for e in at.error), "a page raised; see the log"
    return at


@pytest.fixture
def app(corpus: Path) -> AppTest:
    return _run(AppTest.from_file(APP, default_timeout=TIMEOUT_S))


def _page(app: AppTest, name: str) -> AppTest:
    app.switch_page(f"views/{name}.py")
    return _run(app)


def _html(at: AppTest) -> str:
    return "\n".join(element.value for element in at.get("html"))


def _submit(at: AppTest, form: str, label: str) -> AppTest:
    at.button(key=f"FormSubmitter:{form}-{label}").click()
    return _run(at)


def _ask(app: AppTest, question: str) -> AppTest:
    app.text_input(key="ask_question").set_value(question)
    return _submit(app, "ask_form", "Ask")


def _check(app: AppTest, quote: str, speaker: str = "", appearance: str = "") -> str:
    _page(app, "check")
    app.text_area(key="check_quote").set_value(quote)
    app.text_input(key="check_speaker").set_value(speaker)
    app.text_input(key="check_appearance").set_value(appearance)
    _submit(app, "check_form", "Check quote")
    return _html(app)


def _button(app: AppTest, label: str) -> None:
    next(b for b in app.button if b.label == label).click()


def _answer(app: AppTest) -> str:
    """The answer box's text (the short answer's bold tags taken out)."""
    html = next(e.value for e in app.get("html") if 'class="fc-answer"' in e.value)
    return html.replace("<strong>", "").replace("</strong>", "")


def _rows(app: AppTest) -> int:
    return len(app.dataframe[0].value)


# -- Ask ---------------------------------------------------------------------------------------------------
def test_ask_shows_answer_and_citations(app: AppTest) -> None:
    html = _html(_ask(app, "What did Stoltenberg say?"))
    assert 'class="fc-answer"' in html and "Jens Stoltenberg" in html
    assert '<span class="fc-ref">[1]</span>' in html
    assert "<mark>What we have to see is a substantial withdrawal of troops" in html
    assert "NationalWorld · 15 Feb 2022" in html
    assert 'id="fc-cite-2"' in html  # the whole article, anchored at the cited words
    assert [e.label for e in app.expander].count("Open the article") >= 2


def test_example_button_asks(app: AppTest) -> None:
    _button(app, "Where has the US embassy been temporarily relocated?")
    assert "Lviv" in _answer(_run(app))
    assert app.text_input(key="ask_question").value == "Where has the US embassy been temporarily relocated?"


def test_ask_shows_the_short_answer_in_bold_with_its_sentence(app: AppTest) -> None:
    html = _html(_ask(app, "Where has the US embassy been temporarily relocated?"))
    assert '<div class="fc-short"><strong>Lviv</strong></div>' in html
    assert 'to <strong>Lviv</strong> in western Ukraine' in html  # the sentence, as context
    assert "<mark>The US embassy has also been" in html  # the sentence highlighted in its source


def test_ask_abstains_with_closest_evidence(app: AppTest) -> None:
    html = _html(_ask(app, "What is the capital of France?"))
    assert "The sources do not say." in html
    assert 'class="fc-answer"' not in html
    assert any(h.value == "Closest evidence" for h in app.subheader)
    assert any("Not an answer" in c.value for c in app.caption)
    assert "fc-card fc-closest" in html


def test_empty_question_is_a_plain_error(app: AppTest) -> None:
    _ask(app, "   ")
    assert [e.value for e in app.error] == ["The question is empty."]


# -- Check a quote ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("quote", "speaker", "verdict", "expected"),
    [
        ("What we have to see is a substantial withdrawal of troops", "Stoltenberg", "verbatim", "Jens Stoltenberg"),
        ("What we have to see is a complete withdrawal of troops", "Stoltenberg", "altered",
         "<del>complete</del><ins>substantial</ins>"),
        ("What we have to see is a substantial withdrawal of troops", "Boris Johnson", "misattributed",
         "not by Boris Johnson"),
        ("Putin said Russia wanted to avoid a war with Europe and was open to negotiating with NATO", "Putin",
         "paraphrase", "other words"),
        ("Bananas are yellow and tasty", "", "not_found", "No source has these words"),
    ],
)
def test_check_verdicts(app: AppTest, quote: str, speaker: str, verdict: str, expected: str) -> None:
    html = _check(app, quote, speaker)
    assert f'data-verdict="{verdict}"' in html
    assert expected in html
    if verdict == "not_found":
        assert not app.code and "Nothing in the corpus matches" in app.info[0].value
    else:
        assert "<mark" in html  # the source paragraph with the match highlighted
        citation = app.code[0].value
        assert "Why would Russia want to invade Ukraine?" in citation and "NationalWorld, 15 Feb 2022" in citation


def test_check_example_button(app: AppTest) -> None:
    _page(app, "check")
    _button(app, "“…a complete withdrawal of troops” — Stoltenberg")
    assert 'data-verdict="altered"' in _html(_run(app))


def test_check_offers_the_claimreview_download(app: AppTest) -> None:
    _page(app, "check")
    assert not app.get("download_button")  # nothing to download before a check
    _check(app, "What we have to see is a complete withdrawal of troops", "Stoltenberg", "https://social.example/post/1")
    button = app.get("download_button")[0]
    assert button.label == "Download ClaimReview"
    result = app.session_state["check_result"]
    assert app.session_state["check_result_appearance"] == "https://social.example/post/1"
    data, file_name = check.claimreview_download(result, "https://social.example/post/1", Settings())
    review = json.loads(data)
    assert file_name == "claimreview-what-we-have-to-see-is-a-complete.jsonld"
    assert schema_errors(review) == []
    assert review["reviewRating"]["alternateName"] == "Altered"
    assert review["itemReviewed"]["appearance"]["url"] == "https://social.example/post/1"


def test_check_with_a_bad_appearance_url_is_a_plain_error(app: AppTest) -> None:
    _check(app, "What we have to see is a complete withdrawal of troops", "Stoltenberg", "social.example/post/1")
    assert [e.value for e in app.error] == ["The appearance URL must be a web address starting with http:// or https://."]
    assert not app.get("download_button") and "check_result" not in app.session_state


# -- People -------------------------------------------------------------------------------------------------
def test_people_lists_speakers_and_their_statements(app: AppTest) -> None:
    _page(app, "people")
    people = app.dataframe[0].value
    assert list(people.columns) == ["Person", "Statements"]
    assert people.iloc[0]["Statements"] >= people.iloc[-1]["Statements"]
    counts = dict(zip(people["Person"], people["Statements"], strict=True))
    assert counts["Jens Stoltenberg"] == 4
    app.selectbox(key="people_person").set_value("Jens Stoltenberg")
    html = _html(_run(app))
    assert html.count('class="fc-card"') == 4
    assert "substantial withdrawal of troops" in html.split("<mark>")[2]
    assert any("Jens Stoltenberg: 4 statements" in h.value for h in app.subheader)


# -- Sources ------------------------------------------------------------------------------------------------
def _paste(app: AppTest, title: str, body: str, publisher: str = "") -> AppTest:
    _page(app, "sources")
    app.text_input(key="paste_title").set_value(title)
    app.text_input(key="paste_publisher").set_value(publisher)
    app.text_area(key="paste_body").set_value(body)
    return _submit(app, "paste_form_0", "Add article")


def test_sources_table(app: AppTest) -> None:
    _page(app, "sources")
    table = app.dataframe[0].value
    assert list(table.columns) == ["Headline", "Publisher", "Date", "Size", "Passages", "Quotes", "File"]
    assert table.iloc[0]["Publisher"] == "NationalWorld" and table.iloc[0]["Date"] == "15 Feb 2022"


def test_paste_add_then_remove(app: AppTest, corpus: Path) -> None:
    body = "The harbour master said the new pier will open in June.\n\n“We are ready,” she said."
    _paste(app, "Pier to open in June", body, publisher="Harbour Gazette")
    assert not app.error
    assert "Added “Pier to open in June”" in app.success[0].value
    assert _rows(app) == 2
    assert (corpus / "pier-to-open-in-june.txt").exists()

    _page(app, "ask")
    assert "pier will open in June" in _answer(_ask(app, "When will the new pier open?"))

    _page(app, "sources")
    app.selectbox(key="remove_choice").set_value("pier-to-open-in-june.txt")
    _run(app).button(key="remove_ask").click()
    _run(app)
    assert "Remove “Pier to open in June" in app.warning[0].value
    assert (corpus / "pier-to-open-in-june.txt").exists()  # nothing happens before the confirmation
    app.button(key="remove_yes").click()
    _run(app)
    assert "Removed" in app.success[0].value
    assert _rows(app) == 1
    assert not (corpus / "pier-to-open-in-june.txt").exists()


def test_remove_can_be_cancelled(app: AppTest, corpus: Path) -> None:
    _page(app, "sources")
    app.selectbox(key="remove_choice").set_value("nationalworld-russia-ukraine-nato.txt")
    _run(app).button(key="remove_ask").click()
    _run(app).button(key="remove_no").click()
    _run(app)
    assert not app.warning and _rows(app) == 1
    assert (corpus / "nationalworld-russia-ukraine-nato.txt").exists()


def test_paste_without_headline_is_a_plain_error(app: AppTest) -> None:
    _paste(app, "", "Some text.")
    assert app.error[0].value == "A pasted article needs a headline. Nothing was added."
    assert _rows(app) == 1


def test_html_injection_article_shows_as_text(app: AppTest) -> None:
    _paste(app, INJECTION_TITLE, INJECTION_BODY)
    assert not app.error
    assert INJECTION_TITLE in app.dataframe[0].value["Headline"].tolist()  # a table cell is text, not HTML
    _page(app, "ask")
    html = _html(_ask(app, "When was the bridge budget approved by the mayor?"))
    assert "bridge budget" in _answer(app)
    assert "<script" not in html and "<img" not in html
    assert "&lt;img src=x onerror=" in html or "&lt;script&gt;" in html


# -- From a link ------------------------------------------------------------------------------------------------
@pytest.fixture
def link_app(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app allowed to fetch from the local test server (it runs on 127.0.0.1), with a short read timeout."""
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE_URLS", "1")
    monkeypatch.setenv("FACTCHECK_FETCH_READ_TIMEOUT", "0.5")
    return _run(AppTest.from_file(APP, default_timeout=TIMEOUT_S))


def _add_link(app: AppTest, url: str) -> AppTest:
    _page(app, "sources")
    assert "From a link" in [tab.label for tab in app.tabs]
    app.text_input(key="link_url_0").set_value(url)
    return _submit(app, "link_form_0", "Add from link")


def test_link_tab_adds_the_article_with_its_metadata(link_app: AppTest, corpus: Path, web_server: WebServer) -> None:
    _add_link(link_app, web_server.at("/story.html"))
    assert not link_app.error
    flash = link_app.success[0].value
    assert f"Added “{STORY_HEADLINE}” ({STORY_AUTHOR} · {STORY_SITE} · 14 Mar 2024)" in flash
    table = link_app.dataframe[0].value
    row = table[table["File"] == "harbour-council-approves-lighthouse-rebuild.txt"].iloc[0]
    assert row["Headline"] == STORY_HEADLINE and row["Publisher"] == STORY_SITE and row["Date"] == "14 Mar 2024"
    assert (corpus / "harbour-council-approves-lighthouse-rebuild.txt").is_file()
    assert link_app.text_input(key="link_url_1").value == ""  # a fresh, empty form


def test_link_tab_failures_are_plain_errors_and_add_nothing(
    link_app: AppTest, corpus: Path, web_server: WebServer
) -> None:
    before = sorted(p.name for p in corpus.iterdir())
    _add_link(link_app, web_server.at("/missing"))
    assert link_app.error[0].value == (
        f"The page at {web_server.at('/missing')} was not found (HTTP 404). Nothing was added."
    )
    link_app.text_input(key="link_url_0").set_value(web_server.at("/image.png"))
    _submit(link_app, "link_form_0", "Add from link")
    assert "is not a web page or plain text (it is image/png)" in link_app.error[0].value
    assert _rows(link_app) == 1 and sorted(p.name for p in corpus.iterdir()) == before


def test_link_tab_refuses_a_private_address_by_default(app: AppTest, corpus: Path, web_server: WebServer) -> None:
    _add_link(app, web_server.at("/story.html"))
    assert app.error[0].value.startswith("Refused: 127.0.0.1 is a loopback address, not a public web site")
    assert _rows(app) == 1 and not (corpus / "harbour-council-approves-lighthouse-rebuild.txt").exists()


# -- Uploads (the handler AppTest cannot reach through the file uploader) --------------------------------------
@pytest.fixture
def checker(corpus: Path) -> FactChecker:
    checker = FactChecker(Settings())
    checker.warm_up()
    return checker


def _state(checker: FactChecker, corpus: Path) -> tuple[list[str], list[str]]:
    return sorted(p.name for p in corpus.iterdir()), sorted(d.doc_id for d in checker.documents())


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "looks like a binary file"),
        ("report.pdf", b"%PDF-1.7 some text", "report.pdf is not an article file: use a .txt, .md or .html file"),
        ("notes.txt", "caf\xe9 latin-1 text".encode("latin-1"), "not UTF-8 text"),
        ("empty.md", b"  \n\n ", "is empty"),
        ("huge.txt", b"a" * (5 * 1024 * 1024 + 1), "huge.txt is larger than the 5.0 MB limit"),
    ],
)
def test_bad_upload_is_refused_and_changes_nothing(
    checker: FactChecker, corpus: Path, name: str, data: bytes, message: str
) -> None:
    before = _state(checker, corpus)
    with pytest.raises(FactcheckError) as error:
        sources.add_upload(checker, name, data)
    assert message in str(error.value)
    assert "Traceback" not in str(error.value)
    assert _state(checker, corpus) == before


def test_good_upload_is_indexed_with_progress(checker: FactChecker, corpus: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    page = b"<html><head><title>Ferry strike ends</title></head><body><h1>Ferry strike ends</h1>" \
           b"<p>The union said the ferry strike is over after a pay deal.</p></body></html>"
    info = sources.add_upload(checker, "../ferry.html", page, publisher=" Port News ", published="2024-05-01",
                              on_progress=lambda *args: calls.append(args))
    assert info.doc_id == "ferry.html" and info.publisher == "Port News" and info.published == "2024-05-01"
    assert (corpus / "ferry.html").exists()
    assert calls and calls[-1][0] == calls[-1][1]
    with pytest.raises(FactcheckError, match="already in the corpus"):
        sources.add_upload(checker, "ferry.html", page)


def test_missing_corpus_is_a_plain_error(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CORPUS_DIR", str(corpus.parent / "no-such-folder"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    assert not at.exception
    assert at.error[0].value.startswith("The corpus could not be loaded: corpus folder not found")
