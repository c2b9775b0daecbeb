"""Load test of the HTTP API on loopback: N concurrent clients mixing /ask and /check for a fixed time.

    python bench/load.py                       # starts `factcheck serve` on a free loopback port itself
    python bench/load.py --url http://127.0.0.1:8000 --clients 8 --seconds 30 --json

Bounded by construction: loopback only (any other host is refused), at most 64 clients, at most
600 seconds and ``--max-requests`` requests in all; it stops by itself and stops the server it started.
Reports throughput (req/s), p50/p99 latency and the error count, per kind and in all. Half-way
through, one article is added (``POST /documents``) while the clients keep asking, and removed again
after the run: its time and status are reported as ``add`` (``--no-add`` skips it). A server this
script starts serves a temporary copy of the corpus, so the add never touches the real folder.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import httpx

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MAX_CLIENTS = 64
MAX_SECONDS = 600.0
STARTUP_SECONDS = 600.0
REQUEST_TIMEOUT = 60.0

# Questions and quotes on the bundled corpus (answerable, speaker, unanswerable; verbatim, altered, false).
QUESTIONS = [
    "How many Russian troops were deployed near the border?",
    "Where has the US embassy been temporarily relocated?",
    "What did Jens Stoltenberg say?",
    "What did Boris Johnson say about the field hospitals?",
    "Who announced that troops would be withdrawn from the border?",
    "What is the population of Canberra?",
]
QUOTES: list[dict[str, str | None]] = [
    {"quote": "It's too early to say whether we see anything on the ground", "speaker": "Jens Stoltenberg"},
    {"quote": "It's too early to say whether we see anything in the air", "speaker": "Jens Stoltenberg"},
    {"quote": "We urge British nationals in Ukraine to leave now via commercial means", "speaker": None},
    {"quote": "An invasion remains very much a possibility", "speaker": "Joe Biden"},
    {"quote": "The safety and security of British nationals is our top priority", "speaker": "Boris Johnson"},
    {"quote": "The moon is made of cheese", "speaker": "Liz Truss"},
]


@dataclass
class Sample:
    kind: str
    seconds: float
    ok: bool


@dataclass
class Run:
    samples: list[Sample] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    error_examples: list[str] = field(default_factory=list)

    def add(self, sample: Sample, error: str | None = None) -> None:
        with self.lock:
            self.samples.append(sample)
            if error and len(self.error_examples) < 5:
                self.error_examples.append(error)


# -- the server -------------------------------------------------------------------------------------------------
def require_loopback(url: str) -> str:
    """Only ever load a server on this machine: the host must be a loopback name or address."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise SystemExit(f"load.py: not an http URL: {url}")
    if host != "localhost":
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise SystemExit(f"load.py: refusing a non-loopback host {host!r} (use 127.0.0.1, ::1 or localhost)")
    return url.rstrip("/")


class Server:
    """`factcheck serve` on 127.0.0.1 with a free port; the URL comes from its ready line."""

    def __init__(self, corpus: Path | None) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="factcheck-load-"))
        served = self.workdir / "corpus"
        shutil.copytree(corpus or PROJECT_ROOT / "corpus", served)
        command = [sys.executable, "-m", "pipeline.cli", "serve", "--host", "127.0.0.1", "--port", "0",
                   "--corpus", str(served)]
        self.log: IO[str] = tempfile.NamedTemporaryFile("w+", prefix="factcheck-serve-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=self.log, text=True, env=dict(os.environ)
        )
        self.url = self._wait_ready()
        # Keep draining stdout so the server can never block on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()

    def _wait_ready(self) -> str:
        assert self.process.stdout is not None
        found: list[str] = []

        def read() -> None:
            assert self.process.stdout is not None
            for line in self.process.stdout:
                if "ready on " in line:
                    found.append(line.split("ready on ", 1)[1].split()[0])
                    return

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(STARTUP_SECONDS)
        if not found:
            self.stop()
            raise SystemExit(f"load.py: the server did not become ready; its log: {self.log.name}")
        return require_loopback(found[0])

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for _ in self.process.stdout:
            pass

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
        self.log.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


# -- the load ---------------------------------------------------------------------------------------------------
def request(http: httpx.Client, number: int) -> tuple[str, httpx.Response]:
    """The ``number``-th request of a client: asks and checks alternate, cycling through the fixed lists."""
    if number % 2 == 0:
        return "ask", http.post("/ask", json={"question": QUESTIONS[(number // 2) % len(QUESTIONS)]})
    return "check", http.post("/check", json=QUOTES[(number // 2) % len(QUOTES)])


def client_loop(url: str, offset: int, deadline: float, budget: threading.Semaphore, run: Run) -> None:
    with httpx.Client(base_url=url, timeout=REQUEST_TIMEOUT, trust_env=False) as http:
        number = offset
        while time.monotonic() < deadline and budget.acquire(blocking=False):
            kind = "ask" if number % 2 == 0 else "check"
            started = time.perf_counter()
            error: str | None = None
            try:
                kind, response = request(http, number)
                if response.status_code != 200:
                    error = f"{kind}: HTTP {response.status_code} {response.text[:200]}"
            except httpx.HTTPError as exc:
                error = f"{kind}: {type(exc).__name__}: {exc}"
            run.add(Sample(kind, time.perf_counter() - started, error is None), error)
            number += 1


ADDED_TITLE = "Harbour lighthouse reopens after repairs"
ADDED_TEXT = (
    "The lighthouse at Elwyn reopened on Monday after two years of repairs, the harbour trust said.\n\n"
    "“We are delighted the light is shining again,” said Mair Evans, who chairs the trust.\n\n"
    "The repairs cost £2.4 million. Visitors can climb the tower from April."
)


def add_mid_run(url: str, delay: float, report: dict[str, Any]) -> None:
    """After ``delay`` seconds, add one article while the clients keep going; record its time and status."""
    time.sleep(delay)
    with httpx.Client(base_url=url, timeout=REQUEST_TIMEOUT * 5, trust_env=False) as http:
        started = time.perf_counter()
        try:
            response = http.post("/documents", json={"title": ADDED_TITLE, "text": ADDED_TEXT})
            report["status"] = response.status_code
            report["doc_id"] = response.json().get("doc_id") if response.status_code == 201 else None
            if response.status_code != 201:
                report["error"] = response.text[:200]
        except httpx.HTTPError as exc:
            report["error"] = f"{type(exc).__name__}: {exc}"
        report["seconds"] = round(time.perf_counter() - started, 3)


def remove_added(url: str, report: dict[str, Any]) -> None:
    if report.get("doc_id"):
        with httpx.Client(base_url=url, timeout=REQUEST_TIMEOUT * 5, trust_env=False) as http:
            started = time.perf_counter()
            response = http.delete(f"/documents/{report['doc_id']}")
            report["remove_status"] = response.status_code
            report["remove_seconds"] = round(time.perf_counter() - started, 3)


def load(
    url: str, clients: int, seconds: float, max_requests: int, added: dict[str, Any] | None = None
) -> tuple[Run, float]:
    with httpx.Client(base_url=url, timeout=REQUEST_TIMEOUT, trust_env=False) as http:
        for number in range(2):  # warm-up, not counted: first-call costs are not throughput
            request(http, number)
    run = Run()
    budget = threading.Semaphore(max_requests)
    started = time.monotonic()
    deadline = started + seconds
    threads = [
        threading.Thread(target=client_loop, args=(url, n, deadline, budget, run), daemon=True) for n in range(clients)
    ]
    if added is not None:
        threads.append(threading.Thread(target=add_mid_run, args=(url, seconds / 2, added), daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + REQUEST_TIMEOUT * 5 + 5)
    elapsed = time.monotonic() - started
    if added is not None:
        remove_added(url, added)
    return run, elapsed


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def summarise(
    run: Run, elapsed: float, clients: int, seconds: float, url: str, added: dict[str, Any] | None = None
) -> dict[str, Any]:
    def row(samples: list[Sample]) -> dict[str, Any]:
        latencies = [s.seconds for s in samples]
        return {
            "requests": len(samples),
            "errors": sum(not s.ok for s in samples),
            "req_per_s": round(len(samples) / elapsed, 2) if elapsed else 0.0,
            "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
            "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        }

    with run.lock:
        samples = list(run.samples)
    return {
        "url": url,
        "clients": clients,
        "seconds": seconds,
        "elapsed_s": round(elapsed, 2),
        "all": row(samples),
        "ask": row([s for s in samples if s.kind == "ask"]),
        "check": row([s for s in samples if s.kind == "check"]),
        "error_examples": list(run.error_examples),
        "add": added,
    }


def table(report: dict[str, Any]) -> str:
    lines = [
        f"{report['clients']} clients for {report['seconds']:g} s ({report['elapsed_s']} s elapsed) on {report['url']}",
        f"{'':6} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}",
    ]
    for kind in ("ask", "check", "all"):
        r = report[kind]
        lines.append(
            f"{kind:6} {r['requests']:>9} {r['errors']:>7} {r['req_per_s']:>8.2f}"
            f" {r['p50_ms']:>8.1f} {r['p99_ms']:>8.1f}"
        )
    added = report.get("add")
    if added:
        lines.append(f"added one article mid-run: HTTP {added.get('status')} in {added.get('seconds')} s"
                     f"{'; ' + added['error'] if added.get('error') else ''}")
    lines.extend(f"error: {example}" for example in report["error_examples"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--url", help="a running server on loopback, e.g. http://127.0.0.1:8000 (default: start one)")
    parser.add_argument("--corpus", type=Path, help="corpus folder for the server this script starts")
    parser.add_argument("--clients", type=int, default=8, help=f"concurrent clients (1..{MAX_CLIENTS}, default 8)")
    parser.add_argument(
        "--seconds", type=float, default=30.0, help=f"how long to load (max {MAX_SECONDS:g}, default 30)"
    )
    parser.add_argument("--max-requests", type=int, default=100_000, help="stop after this many requests in all")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--no-add", action="store_true", help="do not add (and then remove) an article mid-run")
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= MAX_CLIENTS:
        parser.error(f"--clients must be 1..{MAX_CLIENTS}")
    if not 0 < args.seconds <= MAX_SECONDS:
        parser.error(f"--seconds must be in (0, {MAX_SECONDS:g}]")
    if args.max_requests < 1:
        parser.error("--max-requests must be at least 1")
    if args.url and args.corpus:
        parser.error("--corpus is for the server this script starts; not with --url")

    server: Server | None = None
    if args.url:
        url = require_loopback(args.url)
    else:
        server = Server(args.corpus)
        url = server.url
    added: dict[str, Any] | None = None if args.no_add else {}
    try:
        run, elapsed = load(url, args.clients, args.seconds, args.max_requests, added)
    finally:
        if server is not None:
            server.stop()
    report = summarise(run, elapsed, args.clients, args.seconds, url, added)
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 1 if report["all"]["errors"] or (added is not None and added.get("status") != 201) else 0


if __name__ == "__main__":
    sys.exit(main())
