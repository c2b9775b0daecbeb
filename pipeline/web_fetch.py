"""Fetching one web page for the corpus, safely: the server fetches on its users' behalf.

Every hop (the link and each redirect, at most ``fetch_max_redirects``) is resolved here and each address
it resolves to is checked: loopback, private, link-local, multicast, reserved and unspecified addresses are
refused unless ``allow_private_urls`` is on. The connection then goes to the very address that was checked
(the URL's host is replaced by that IP; the ``Host`` header and the TLS server name keep the real host name,
so certificates are still verified against it), so a DNS answer that changes between the check and the
connection (DNS rebinding) cannot steer the request elsewhere. Redirects are followed by hand for the same
reason. The body is streamed and cut at ``max_file_bytes``; only HTML and plain text are accepted. Every
failure is a ``LinkError`` with one line for a person; nothing is written anywhere.
"""

from __future__ import annotations

import codecs
import ipaddress
import re
import socket
import threading
import time
from dataclasses import dataclass

import httpx

from pipeline.article_file import human_size
from pipeline.errors import (
    LinkBlockedError,
    LinkError,
    LinkFetchError,
    LinkTooLargeError,
    NotAWebPageError,
)
from pipeline.settings import Settings

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
MAX_URL_CHARS = 2000
# How far into an HTML page a <meta charset> is looked for (the HTML standard says the first 1024 bytes).
CHARSET_SNIFF_BYTES = 2048
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass
class FetchedPage:
    """What a link gave: the final address (after redirects), the kind of content, and its text."""

    url: str
    media_type: str
    text: str

    @property
    def is_html(self) -> bool:
        return self.media_type in HTML_TYPES


def fetch_page(url: str, settings: Settings) -> FetchedPage:
    """The page at ``url`` as text; raises a ``LinkError`` subclass with a plain message on any failure."""
    current = parse_link(url)
    deadline = time.monotonic() + settings.fetch_total_timeout
    timeout = httpx.Timeout(
        connect=settings.fetch_connect_timeout, read=settings.fetch_read_timeout,
        write=settings.fetch_read_timeout, pool=settings.fetch_connect_timeout,
    )
    # No environment proxies (the request must go to the checked address) and no kept-alive connections
    # (a connection opened for one host name must not serve another that shares its address).
    with httpx.Client(
        timeout=timeout, follow_redirects=False, trust_env=False, limits=httpx.Limits(max_keepalive_connections=0),
    ) as client:
        for hop in range(settings.fetch_max_redirects + 1):
            if time.monotonic() > deadline:
                raise LinkFetchError(f"the link {_shown(current)} took longer than {settings.fetch_total_timeout:g} s")
            host = current.host
            address = checked_address(host, current.port or _default_port(current), settings)
            request = client.build_request(
                "GET",
                current.copy_with(host=str(address)),
                headers={
                    "Host": _host_header(current),
                    "User-Agent": settings.fetch_user_agent,
                    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
                    "Accept-Encoding": "identity",  # what is counted against the size limit is what arrives
                },
                extensions={"sni_hostname": host} if current.scheme == "https" else {},
            )
            try:
                response = client.send(request, stream=True)
            except httpx.HTTPError as error:
                raise _network_error(error, current, settings) from None
            try:
                if response.status_code in REDIRECT_STATUSES:
                    location = response.headers.get("location", "").strip()
                    if not location:
                        raise LinkFetchError(f"the link {_shown(current)} redirects without saying where to")
                    if hop == settings.fetch_max_redirects:
                        most = settings.fetch_max_redirects
                        raise LinkFetchError(f"the link {_shown(parse_link(url))} redirects more than {most} times")
                    current = parse_link(str(current.join(location)))
                    continue
                return _read(response, current, settings, deadline)
            except httpx.HTTPError as error:
                raise _network_error(error, current, settings) from None
            finally:
                response.close()
    raise LinkFetchError(f"the link {_shown(parse_link(url))} redirects too many times")  # pragma: no cover


def parse_link(url: str) -> httpx.URL:
    """An http(s) URL with a host; anything else is refused with a message that says what a link must be."""
    url = (url or "").strip()
    if not url:
        raise LinkError("the link is empty")
    if len(url) > MAX_URL_CHARS:
        raise LinkError(f"the link is longer than {MAX_URL_CHARS} characters")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError):
        raise LinkError(f"not a valid link: {url[:200]}") from None
    if parsed.scheme not in ("http", "https"):
        hint = "" if parsed.scheme else " (does it need https:// in front?)"
        raise LinkError(f"only http:// and https:// links can be added, not {url[:200]}{hint}")
    if not parsed.host:
        raise LinkError(f"the link {url[:200]} has no host name")
    return parsed


def checked_address(host: str, port: int, settings: Settings) -> IpAddress:
    """The address to connect to: every address ``host`` resolves to must be allowed, and the first is used."""
    addresses = resolve(host, port, settings.fetch_connect_timeout)
    if not settings.allow_private_urls:
        for address in addresses:
            problem = address_problem(address)
            if problem:
                shown = host if host == str(address) else f"{host} ({address})"
                raise LinkBlockedError(
                    f"refused: {shown} is a {problem} address, not a public web site "
                    "(set FACTCHECK_ALLOW_PRIVATE_URLS=1 to allow such links)"
                )
    return addresses[0]


def address_problem(address: IpAddress) -> str | None:
    """Why the server must not connect to ``address`` (``"private"``, ``"loopback"``...), or None if public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    for problem, flag in (
        ("loopback", address.is_loopback),
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
    ):
        if flag:
            return problem
    if not address.is_global:  # e.g. carrier-grade NAT (100.64.0.0/10): not reachable from the internet either
        return "non-public"
    return None


def resolve(host: str, port: int, timeout: float) -> list[IpAddress]:
    """Every address of ``host`` (DNS has no timeout of its own, so the lookup runs with one)."""
    found: list[tuple[object, ...]] = []
    failed: list[BaseException] = []

    def lookup() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except (OSError, UnicodeError) as error:
            failed.append(error)

    worker = threading.Thread(target=lookup, name=f"resolve {host}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise LinkFetchError(f"could not find the server {host}: the DNS lookup took longer than {timeout:g} s")
    if failed:
        raise LinkFetchError(f"could not find the server {host} (DNS lookup failed: check the link)")
    addresses: list[IpAddress] = []
    for info in found:
        sockaddr = info[4]
        assert isinstance(sockaddr, tuple)
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise LinkFetchError(f"could not find the server {host} (no address)")
    return addresses


def _read(response: httpx.Response, url: httpx.URL, settings: Settings, deadline: float) -> FetchedPage:
    """Status, type and size checks, then the body, streamed and cut at the limit."""
    shown = _shown(url)
    if response.status_code == 404 or response.status_code == 410:
        raise LinkFetchError(f"the page at {shown} was not found (HTTP {response.status_code})")
    status = response.status_code
    if status >= 400 or status < 200:
        raise LinkFetchError(f"the page at {shown} could not be fetched: the server answered HTTP {status}")
    if response.status_code != 200:
        raise LinkFetchError(f"the server at {shown} sent no page (HTTP {response.status_code})")
    content_type = response.headers.get("content-type", "")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type not in HTML_TYPES + TEXT_TYPES:
        what = f"it is {media_type}" if media_type else "the server did not say what it is"
        raise NotAWebPageError(f"the link {shown} is not a web page or plain text ({what})")
    limit = settings.max_file_bytes
    too_large = f"the page at {shown} is larger than the {human_size(limit)} limit"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise LinkTooLargeError(too_large)
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > limit:
            raise LinkTooLargeError(too_large)
        if time.monotonic() > deadline:
            raise LinkFetchError(f"the page at {shown} took longer than {settings.fetch_total_timeout:g} s to arrive")
    text = _decode(bytes(body), response.charset_encoding, html=media_type in HTML_TYPES)
    return FetchedPage(url=str(url), media_type=media_type, text=text)


def _decode(body: bytes, declared: str | None, *, html: bool) -> str:
    """The charset the server declared, else the page's <meta charset>, else UTF-8, else Windows-1252."""
    candidates = [declared]
    if html:
        sniffed = _META_CHARSET.search(body[:CHARSET_SNIFF_BYTES])
        candidates.append(sniffed.group(1).decode("ascii", "replace") if sniffed else None)
    for name in candidates:
        if not name:
            continue
        try:
            codecs.lookup(name)
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def _network_error(error: httpx.HTTPError, url: httpx.URL, settings: Settings) -> LinkError:
    shown = _shown(url)
    if isinstance(error, httpx.TimeoutException):
        connecting = isinstance(error, httpx.ConnectTimeout)
        limit = settings.fetch_connect_timeout if connecting else settings.fetch_read_timeout
        return LinkFetchError(f"the server at {shown} did not answer within {limit:g} s")
    if isinstance(error, httpx.ConnectError):
        reason = str(error).lower()
        if "refused" in reason:
            return LinkFetchError(f"the server at {shown} refused the connection (is the address right?)")
        if "certificate" in reason or "ssl" in reason:
            return LinkFetchError(f"the security certificate of {shown} could not be verified")
        return LinkFetchError(f"the server at {shown} could not be reached")
    return LinkFetchError(f"the page at {shown} could not be fetched ({type(error).__name__})")


def _default_port(url: httpx.URL) -> int:
    return 443 if url.scheme == "https" else 80


def _host_header(url: httpx.URL) -> str:
    host = url.host if ":" not in url.host else f"[{url.host}]"
    return host if url.port is None else f"{host}:{url.port}"


def _shown(url: httpx.URL) -> str:
    """The link as a person wrote it, without any password and cut to a readable length."""
    shown = str(url.copy_with(username=None, password=None)) if url.userinfo else str(url)
    return shown if len(shown) <= 120 else shown[:117] + "…"
