"""A warm engine for the command line: a running app or ``factcheck serve`` answers ``ask``/``check`` on a socket.

The socket's path is derived from the corpus folder and every setting (``socket_path``), so a
command-line call finds the service for its own corpus and settings without configuration, and never
one built with other settings. The service creates the socket when it starts and removes it when it
stops; a socket left behind by a killed process refuses connections and is ignored (and replaced by
the next service). Without a service the command line works alone, as before.

Protocol: one JSON object a line each way. Request ``{"op": "ask", "question": ..., "top_k": ...}`` or
``{"op": "check", "quote": ..., "speaker": ...}``; reply ``{"ok": true, "json": <contract object>,
"text": <the command line's text output>, "warnings": [...]}`` or ``{"ok": false, "error": message}``.
The JSON comes from ``pipeline.contract`` on the same result objects, so it is identical either way.

This module is imported by the command line before anything heavy: standard library only at the top.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import socket
import socketserver
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.service import FactChecker
    from pipeline.settings import Settings

logger = logging.getLogger(__name__)

# Unix socket paths are limited to 107 bytes; longer cache paths fall back to a per-user temp folder.
MAX_SOCKET_PATH = 100
# A client gives up connecting quickly (a stale socket fails at once); an answer may take a while under load.
CONNECT_SECONDS = 0.5
REPLY_SECONDS = 300.0
MAX_LINE_BYTES = 1024 * 1024


def socket_path(settings: Settings, corpus_dir: Path) -> Path:
    """Where the engine for this corpus and these settings listens."""
    described = settings.model_dump(mode="json", exclude={"use_running_service"})
    described["corpus_dir"] = str(Path(corpus_dir).resolve())
    described["cache_dir"] = str(Path(settings.cache_dir).resolve())
    key = hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()[:24]
    path = Path(settings.cache_dir).resolve() / "engines" / f"{key}.sock"
    if len(str(path)) <= MAX_SOCKET_PATH:
        return path
    return Path(tempfile.gettempdir()) / f"factcheck-{os.getuid()}" / f"{key}.sock"


# -- the client (the command line) ---------------------------------------------------------------------------
class EngineClient:
    """A connection to a running engine; ``connect`` returns None when there is none."""

    def __init__(self, connection: socket.socket) -> None:
        self._connection = connection
        self._reader = connection.makefile("rb")

    @classmethod
    def connect(cls, settings: Settings, corpus_dir: Path) -> EngineClient | None:
        path = socket_path(settings, corpus_dir)
        if not path.exists():
            return None
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(CONNECT_SECONDS)
        try:
            connection.connect(str(path))
        except OSError:  # stale socket file, or no permission: work alone
            connection.close()
            return None
        connection.settimeout(REPLY_SECONDS)
        return cls(connection)

    def request(self, payload: dict[str, Any]) -> dict[str, Any]:
        """One request and its reply; raises ``ConnectionError`` if the engine goes away mid-way."""
        try:
            self._connection.sendall(json.dumps(payload, ensure_ascii=False).encode() + b"\n")
            line = self._reader.readline(MAX_LINE_BYTES)
        except OSError as error:
            raise ConnectionError(str(error)) from None
        if not line:
            raise ConnectionError("the running service closed the connection")
        reply: dict[str, Any] = json.loads(line)
        return reply

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.close()
            self._connection.close()


# -- the server (the app, the HTTP API) ----------------------------------------------------------------------
class EngineServer:
    """Serves one ``FactChecker`` on its socket from a background thread until ``stop``."""

    def __init__(self, service: FactChecker) -> None:
        self.service = service
        self.path = socket_path(service.settings, service.corpus_dir)
        self._server: socketserver.ThreadingUnixStreamServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        """Listen, unless another live engine already serves this corpus; False when not serving."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self.path.exists():
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            probe.settimeout(CONNECT_SECONDS)
            try:
                probe.connect(str(self.path))
                logger.info("another engine already serves %s", self.service.corpus_dir)
                return False
            except OSError:
                self.path.unlink(missing_ok=True)  # stale: its process is gone
            finally:
                probe.close()
        service = self.service
        handler = type("_Handler", (_Handler,), {"service": service})
        old_umask = os.umask(0o177)  # the socket is for this user only
        try:
            self._server = socketserver.ThreadingUnixStreamServer(str(self.path), handler)
        finally:
            os.umask(old_umask)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="factcheck-engine", daemon=True)
        self._thread.start()
        return True

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self._server = None
        with contextlib.suppress(OSError):
            self.path.unlink()


class _Handler(socketserver.StreamRequestHandler):
    service: FactChecker

    def handle(self) -> None:
        for line in _lines(self.rfile):
            reply = answer(self.service, line)
            self.wfile.write(json.dumps(reply, ensure_ascii=False).encode() + b"\n")
            self.wfile.flush()


def _lines(stream: Any) -> Iterator[bytes]:
    while True:
        line = stream.readline(MAX_LINE_BYTES)
        if not line:
            return
        yield line


def answer(service: FactChecker, line: bytes) -> dict[str, Any]:
    """One request line → one reply; the engine's errors become ``{"ok": false, "error": ...}``."""
    from pipeline import contract
    from pipeline.cli import answer_text, check_text
    from pipeline.errors import FactcheckError

    warnings: list[str] = []
    try:
        warnings = [f"skipped {w.path}: {w.message}" for w in service.index.warnings]
        request = json.loads(line)
        op = request.get("op")
        if op == "ask":
            top_k = request.get("top_k")
            asked = service.ask(str(request.get("question") or ""), top_k=int(top_k) if top_k else None)
            return {"ok": True, "json": contract.ask_json(asked), "text": answer_text(asked), "warnings": warnings}
        if op == "check":
            speaker = request.get("speaker")
            checked = service.check(str(request.get("quote") or ""), str(speaker) if speaker is not None else None)
            return {"ok": True, "json": contract.check_json(checked), "text": check_text(checked),
                    "warnings": warnings}
        return {"ok": False, "error": f"unknown request {op!r}"}
    except FactcheckError as error:
        return {"ok": False, "error": str(error), "warnings": warnings}
    except (ValueError, TypeError, AttributeError) as error:
        return {"ok": False, "error": f"bad request: {error}"}
    except Exception:  # a bug: the client falls back to working alone
        logger.exception("engine request failed")
        return {"ok": False, "internal": True, "error": "internal error"}
