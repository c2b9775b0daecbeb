"""A local web server for the link tests: a realistic news page and every way a link can go wrong.

It listens on 127.0.0.1 on a free port, in a thread, and records each request's path and ``Host`` header.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

STORY = (Path(__file__).parent / "fixtures" / "web" / "story.html").read_bytes()
STORY_HEADLINE = "Harbour council approves lighthouse rebuild"
STORY_AUTHOR = "Mara Lindqvist"
STORY_SITE = "The Elwyn Gazette"
STORY_DATE = "2024-03-14"
STORY_CANONICAL = "https://gazette.example/news/2024/03/14/lighthouse-rebuild"
PLAIN = "Ferry strike ends after pay deal\n\nThe union said the ferry strike is over after a pay deal.\n"
NOT_AN_ARTICLE = (
    b"<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    b"<form><input name='user'><button>Sign in</button></form><footer>Terms</footer></body></html>"
)
SLOW_S = 3.0  # far above the short read timeout the tests set
SIX_MB = 6 * 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


@dataclass
class WebServer:
    url: str
    port: int
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, Host header)

    def at(self, path: str) -> str:
        return f"{self.url}{path}"


class _Handler(BaseHTTPRequestHandler):
    server_version = "TestNews/1.0"
    record: list[tuple[str, str]]

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return

    def do_GET(self) -> None:  # routes below
        self.record.append((self.path, self.headers.get("Host", "")))
        parts = urlsplit(self.path)
        route, query = parts.path, parse_qs(parts.query)
        try:
            if route == "/story.html":
                self._send(200, "text/html; charset=utf-8", STORY)
            elif route == "/plain.txt":
                self._send(200, "text/plain; charset=utf-8", PLAIN.encode())
            elif route == "/latin1.html":
                page = "<html><head><meta charset='iso-8859-1'><title>Caf\xe9</title></head><body><article>" \
                       "<h1>Caf\xe9 owners welcome new rules</h1><p>The owners of the caf\xe9 said the rules " \
                       "were fair and long overdue, and that trade had already picked up.</p></article></body></html>"
                self._send(200, "text/html", page.encode("latin-1"))
            elif route == "/sign-in":
                self._send(200, "text/html", NOT_AN_ARTICLE)
            elif route == "/missing":
                self._send(404, "text/html", b"<html><body><h1>Not found</h1></body></html>")
            elif route == "/broken":
                self._send(500, "text/html", b"<html><body>Server error</body></html>")
            elif route == "/slow":
                time.sleep(SLOW_S)
                self._send(200, "text/html", STORY)
            elif route == "/huge":  # no Content-Length: cut while streaming
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
                sent = 0
                while sent < SIX_MB:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            elif route == "/huge-declared":
                self._send(200, "text/html", b"<p>" + b"a" * SIX_MB + b"</p>")
            elif route == "/image.png":
                self._send(200, "image/png", PNG)
            elif route.startswith("/redirect/"):
                left = int(route.rsplit("/", 1)[1])
                self._redirect(f"/redirect/{left - 1}" if left > 1 else "/story.html")
            elif route == "/to":
                self._redirect(query["url"][0])
            else:
                self._send(404, "text/plain", b"no such page")
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up (timeouts, size limit): expected

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


@contextmanager
def serving(host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> Iterator[WebServer]:
    """The server (HTTPS with ``tls``), running in a daemon thread until the block ends."""
    record: list[tuple[str, str]] = []
    handler = type("Handler", (_Handler,), {"record": record})
    server = ThreadingHTTPServer((host, 0), handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    server.daemon_threads = True
    server.block_on_close = False
    thread = threading.Thread(target=server.serve_forever, name="test web server", daemon=True)
    thread.start()
    port = int(server.server_address[1])
    try:
        yield WebServer(url=f"{'https' if tls else 'http'}://{host}:{port}", port=port, requests=record)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
