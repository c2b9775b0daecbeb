"""The app as a person meets it: ``streamlit run ui/app.py`` with the real model, driven in headless Chromium.

Screenshots of each page at 1280 px and 420 px land in ``test-output/screenshots/`` for a human look.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.pipeline.schema_org import schema_errors
from tests.web_server import STORY_HEADLINE, WebServer

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-output" / "screenshots"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
START_TIMEOUT_S = 90  # the server answers HTTP within seconds; the first index takes ~10 s more
PAGE_TIMEOUT_MS = 120_000  # first page load includes model load and indexing
STEP_TIMEOUT_MS = 60_000
WIDTHS = (1280, 420)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"streamlit did not answer within {START_TIMEOUT_S} s:\n{log.read_text(errors='replace')}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, web_server: WebServer) -> Iterator[str]:
    """A real app on a free port over a temp copy of the corpus and a temp cache (real model, no hashing).

    It may fetch links from private addresses: the local test web server (``web_server``) runs on 127.0.0.1.
    """
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed; the browser tests need Debian's chromium")
    work = tmp_path_factory.mktemp("e2e")
    shutil.copytree(ROOT / "corpus", work / "corpus")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env.update(FACTCHECK_CORPUS_DIR=str(work / "corpus"), FACTCHECK_CACHE_DIR=str(work / "cache"),
               FACTCHECK_ALLOW_PRIVATE_URLS="1")
    port = _free_port()
    log = work / "streamlit.log"
    command = [
        sys.executable, "-m", "streamlit", "run", "ui/app.py", "--server.port", str(port),
        "--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Browser]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, timeout=60_000)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(STEP_TIMEOUT_MS)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


def _open(page: Page, url: str, heading: str) -> None:
    page.goto(url, timeout=PAGE_TIMEOUT_MS)
    page.get_by_role("heading", name=heading).wait_for(timeout=PAGE_TIMEOUT_MS)
    _settle(page)


def _settle(page: Page) -> None:
    """Wait until Streamlit is not running the script (its status widget disappears), bounded."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=STEP_TIMEOUT_MS
    )
    page.wait_for_timeout(500)


def _screenshots(page: Page, name: str) -> None:
    """Full-height shots at both widths (Streamlit scrolls an inner box, so the viewport is made tall)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(400)
        height = page.evaluate(
            "() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], body')]"
            ".map(e => e.scrollHeight))"
        )
        page.set_viewport_size({"width": width, "height": min(max(int(height) + 40, 900), 12000)})
        page.wait_for_timeout(400)
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_ask_shows_highlighted_quote(page: Page, server: str) -> None:
    _open(page, server, "Ask the sources")
    box = page.get_by_label("Question")
    box.fill("What did Stoltenberg say?")
    box.press("Enter")
    mark = page.locator("mark", has_text="substantial withdrawal of troops").first
    mark.wait_for(state="visible")
    assert mark.is_visible()
    assert page.locator(".fc-answer").first.is_visible()
    _settle(page)
    _screenshots(page, "ask")


def test_ask_abstains_plainly(page: Page, server: str) -> None:
    _open(page, server, "Ask the sources")
    box = page.get_by_label("Question")
    box.fill("What is the capital of France?")
    box.press("Enter")
    page.get_by_text("The sources do not say.").wait_for(state="visible")
    page.get_by_role("heading", name="Closest evidence").wait_for(state="visible")
    _settle(page)
    _screenshots(page, "ask-abstain")


def test_ask_article_opens_at_the_span(page: Page, server: str) -> None:
    _open(page, server, "Ask the sources")
    page.get_by_role("button", name="What did Stoltenberg say?").click()
    page.locator("mark", has_text="substantial withdrawal of troops").first.wait_for(state="visible")
    _settle(page)
    page.get_by_text("Open the article").nth(1).click()
    target = page.locator("#fc-cite-2")
    target.wait_for(state="visible")
    assert "substantial withdrawal" in target.inner_text()
    page.wait_for_timeout(500)
    box = page.locator(".fc-article", has=target)
    assert box.evaluate("e => e.scrollTop") > 0, "the article box should open scrolled to the cited words"
    SHOTS.mkdir(parents=True, exist_ok=True)
    box.screenshot(path=str(SHOTS / "ask-article-1280.png"))


def test_check_altered_quote(page: Page, server: str) -> None:
    _open(page, f"{server}/check", "Check a quote")
    page.get_by_label("Quote").fill("What we have to see is a complete withdrawal of troops")
    page.get_by_label("Said by (optional)").fill("Stoltenberg")
    page.get_by_label("Where was it seen (URL, optional)").fill("https://social.example/post/1")
    page.get_by_role("button", name="Check quote").click()
    badge = page.locator(".fc-badge").first
    badge.wait_for(state="visible")
    assert badge.get_attribute("data-verdict") == "altered"
    assert "altered" in (badge.text_content() or "").lower()
    # Streamlit sends the page's elements one after another: the diff may arrive after the badge.
    page.locator(".fc-diff del", has_text="complete").first.wait_for(state="visible")
    page.locator(".fc-diff ins", has_text="substantial").first.wait_for(state="visible")
    _settle(page)
    _screenshots(page, "check")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download ClaimReview").click()
    download = download_info.value
    assert download.suggested_filename == "claimreview-what-we-have-to-see-is-a-complete.jsonld"
    review = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert schema_errors(review) == []
    assert review["reviewRating"]["alternateName"] == "Altered"
    assert review["itemReviewed"]["appearance"]["url"] == "https://social.example/post/1"
    assert "substantial withdrawal of troops" in review["citation"]["hasPart"]["text"]


def test_people_page(page: Page, server: str) -> None:
    _open(page, f"{server}/people", "People")
    page.locator(".fc-card").first.wait_for(state="visible")
    page.locator("[data-testid='stVegaLiteChart'], .vega-embed").first.wait_for(state="visible")
    _screenshots(page, "people")


def test_sources_page(page: Page, server: str) -> None:
    _open(page, f"{server}/sources", "Sources")
    page.locator("[data-testid='stDataFrame']").first.wait_for(state="visible")
    assert page.get_by_text("Add an article").first.is_visible()
    _screenshots(page, "sources")


def test_add_an_article_from_a_link(page: Page, server: str, web_server: WebServer) -> None:
    """Last on purpose: it adds an article to the app's corpus."""
    _open(page, f"{server}/sources", "Sources")
    page.get_by_text("1 article", exact=True).wait_for(state="visible")
    page.get_by_role("tab", name="From a link").click()
    page.get_by_label("Link to the article").fill(web_server.at("/story.html"))
    page.get_by_role("button", name="Add from link").click()
    page.get_by_text(f"Added “{STORY_HEADLINE}”").wait_for(state="visible", timeout=PAGE_TIMEOUT_MS)
    page.get_by_text("2 articles", exact=True).wait_for(state="visible")
    _settle(page)
    _screenshots(page, "sources-link")
    _open(page, server, "Ask the sources")
    box = page.get_by_label("Question")
    box.fill("What did Ada Quinn say?")
    box.press("Enter")
    page.locator("mark", has_text="We owe it to every fisherman").first.wait_for(state="visible")
    assert page.get_by_text(STORY_HEADLINE).first.is_visible()
