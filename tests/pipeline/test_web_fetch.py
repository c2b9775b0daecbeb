"""Fetching a link against a local web server: every failure is one clear ``LinkError``, every hop is checked.

No internet: the server runs on 127.0.0.1, so these tests allow private addresses (``allow_private_urls``)
except where the refusal itself is what is tested.
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from pipeline import web_fetch
from pipeline.errors import (
    LinkBlockedError,
    LinkError,
    LinkFetchError,
    LinkTooLargeError,
    NotAWebPageError,
)
from pipeline.settings import Settings
from pipeline.web_fetch import address_problem, fetch_page
from tests.web_server import PLAIN, STORY, WebServer, serving


@pytest.fixture
def settings(link_settings: Settings) -> Settings:
    return link_settings


def test_a_page_is_fetched_with_its_final_address(settings: Settings, web_server: WebServer) -> None:
    page = fetch_page(web_server.at("/story.html"), settings)
    assert page.is_html and page.text == STORY.decode()
    assert page.url == web_server.at("/story.html")
    plain = fetch_page(web_server.at("/plain.txt"), settings)
    assert plain.media_type == "text/plain" and plain.text == PLAIN


def test_the_request_goes_to_the_checked_address_with_the_real_host_name(
    settings: Settings, web_server: WebServer
) -> None:
    """The connection is made to the IP that was checked; the Host header still names the site."""
    before = len(web_server.requests)
    fetch_page(f"http://localhost:{web_server.port}/story.html", settings)
    assert web_server.requests[before:] == [("/story.html", f"localhost:{web_server.port}")]


def test_the_declared_charset_or_meta_charset_decodes_the_page(settings: Settings, web_server: WebServer) -> None:
    assert "Café owners welcome new rules" in fetch_page(web_server.at("/latin1.html"), settings).text


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/missing", LinkFetchError, "was not found (HTTP 404)"),
        ("/broken", LinkFetchError, "the server answered HTTP 500"),
        ("/slow", LinkFetchError, "did not answer within 0.5 s"),
        ("/huge", LinkTooLargeError, "is larger than the 5.0 MB limit"),
        ("/huge-declared", LinkTooLargeError, "is larger than the 5.0 MB limit"),
        ("/image.png", NotAWebPageError, "is not a web page or plain text (it is image/png)"),
        ("/redirect/6", LinkFetchError, "redirects more than 5 times"),
        ("/to?url=ftp://files.example/story.txt", LinkError, "only http:// and https:// links can be added"),
        ("/to?url=file:///etc/passwd", LinkError, "only http:// and https:// links can be added"),
    ],
)
def test_each_failure_is_one_clear_message(
    settings: Settings, web_server: WebServer, path: str, error: type, message: str
) -> None:
    with pytest.raises(error) as raised:
        fetch_page(web_server.at(path), settings)
    text = str(raised.value)
    assert message in text and "\n" not in text and "Traceback" not in text
    assert 400 <= raised.value.status_code < 500


def test_five_redirects_are_followed(settings: Settings, web_server: WebServer) -> None:
    assert fetch_page(web_server.at("/redirect/5"), settings).url == web_server.at("/story.html")


def test_a_refused_connection_is_a_clear_message(settings: Settings) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(LinkFetchError, match="refused the connection"):
        fetch_page(f"http://127.0.0.1:{port}/story.html", settings)


def test_a_dns_failure_is_a_clear_message(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The resolver is replaced (no network in tests); what is tested is the message for its failure."""

    def no_such_host(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(web_fetch.socket, "getaddrinfo", no_such_host)
    with pytest.raises(LinkFetchError, match=r"could not find the server no-such-host\.invalid"):
        fetch_page("http://no-such-host.invalid/story.html", settings)


@pytest.mark.parametrize(
    "url",
    ["", "www.example.com/story", "javascript:alert(1)", "ftp://example.com/a.txt", "http:///nohost", "x" * 3000],
)
def test_bad_links_are_refused_before_any_connection(settings: Settings, url: str) -> None:
    with pytest.raises(LinkError) as raised:
        fetch_page(url, settings)
    assert raised.value.status_code == 400


def test_without_the_setting_loopback_is_refused(web_server: WebServer) -> None:
    before = len(web_server.requests)
    with pytest.raises(LinkBlockedError) as raised:
        fetch_page(web_server.at("/story.html"), Settings())
    assert str(raised.value) == (
        "refused: 127.0.0.1 is a loopback address, not a public web site "
        "(set FACTCHECK_ALLOW_PRIVATE_URLS=1 to allow such links)"
    )
    assert raised.value.status_code == 403
    assert web_server.requests[before:] == []  # refused before connecting


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.0.0.8", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("240.0.0.1", "private"),
        ("100.64.0.1", "non-public"),
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_classes(address: str, problem: str | None) -> None:
    assert address_problem(ipaddress.ip_address(address)) == problem


@pytest.fixture
def second_server() -> Iterator[WebServer]:
    """Another loopback address, so that a redirect can lead from an 'allowed' host to a refused one."""
    with serving("127.0.0.2") as server:
        yield server


@pytest.fixture
def loopback_one_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend 127.0.0.1 is a public site (as a real news site would be); every other address keeps its class."""
    real = web_fetch.address_problem
    monkeypatch.setattr(
        web_fetch, "address_problem", lambda address: None if str(address) == "127.0.0.1" else real(address)
    )


@pytest.mark.usefixtures("loopback_one_is_public")
def test_a_redirect_to_a_private_address_is_refused(web_server: WebServer, second_server: WebServer) -> None:
    target = second_server.at("/story.html")
    with pytest.raises(LinkBlockedError, match=r"refused: 127\.0\.0\.2 is a loopback address"):
        fetch_page(web_server.at(f"/to?url={target}"), Settings(fetch_read_timeout=2.0))
    assert second_server.requests == []  # never contacted
    with pytest.raises(LinkBlockedError, match=r"169\.254\.169\.254 is a link-local address"):
        fetch_page(web_server.at("/to?url=http://169.254.169.254/latest/meta-data/"), Settings())


def test_a_redirect_to_a_private_address_is_followed_when_allowed(
    settings: Settings, web_server: WebServer, second_server: WebServer
) -> None:
    target = second_server.at("/story.html")
    page = fetch_page(web_server.at(f"/to?url={target}"), settings)
    assert page.url == target and page.text == STORY.decode()
    assert second_server.requests == [("/story.html", second_server.url.removeprefix("http://"))]


def test_a_host_that_resolves_to_any_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A name with one public and one private address is refused: every resolved address is checked."""
    infos = [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", 80)),
    ]
    monkeypatch.setattr(web_fetch.socket, "getaddrinfo", lambda *args, **kwargs: infos)
    with pytest.raises(LinkBlockedError, match=r"news\.example \(10\.0\.0\.5\) is a private address"):
        fetch_page("http://news.example/story.html", Settings())


@pytest.mark.usefixtures("loopback_one_is_public")
def test_dns_rebinding_cannot_steer_the_connection(web_server: WebServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The name is resolved once per hop and the connection goes to that checked address: a second answer
    (a rebinding DNS server switching to a private address) is never used."""
    answers = iter(["127.0.0.1", "10.9.9.9", "10.9.9.9"])
    calls: list[str] = []
    real_getaddrinfo = socket.getaddrinfo

    def rebinding(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        try:
            ipaddress.ip_address(host)
            return real_getaddrinfo(host, port, *args, **kwargs)  # an address literal needs no DNS
        except ValueError:
            calls.append(host)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(web_fetch.socket, "getaddrinfo", rebinding)
    before = len(web_server.requests)
    page = fetch_page(f"http://news.example:{web_server.port}/story.html", Settings(fetch_read_timeout=2.0))
    assert page.text == STORY.decode() and calls == ["news.example"]
    assert web_server.requests[before:] == [("/story.html", f"news.example:{web_server.port}")]


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a test certificate")
def test_https_goes_to_the_checked_address_and_verifies_the_host_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over TLS the request goes to the IP, while the server name (SNI) and the certificate check use the host."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
        check=True, capture_output=True, timeout=60,
    )
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    names: list[str | None] = []
    server_context.sni_callback = lambda sock, name, context: names.append(name)  # type: ignore[assignment]
    trusted = ssl.create_default_context(cafile=str(cert))

    class TrustingClient(httpx.Client):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(verify=trusted, **kwargs)

    monkeypatch.setattr(web_fetch.httpx, "Client", TrustingClient)
    settings = Settings(allow_private_urls=True, fetch_read_timeout=2.0)
    with serving(tls=server_context) as server:
        page = fetch_page(f"https://localhost:{server.port}/story.html", settings)
        assert page.text == STORY.decode()
        assert names == ["localhost"] and server.requests == [("/story.html", f"localhost:{server.port}")]
        with pytest.raises(LinkFetchError, match="security certificate"):
            fetch_page(f"https://127.0.0.1:{server.port}/story.html", settings)  # the certificate names localhost
