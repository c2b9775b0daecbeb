"""The HTTP API: the CLI's JSON objects (``pipeline.contract``) over FastAPI, served by uvicorn.

The engine is synchronous, so every engine call runs in the threadpool (plain ``def`` endpoints, or
``run_in_threadpool``): queries keep being answered while an upload re-indexes. Every rejection is a
4xx with ``{"error": "..."}``; anything unexpected is a 500 ``{"error": "internal error"}`` whose
traceback goes to the server log, never into the response.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pipeline import claimreview, contract
from pipeline.errors import FactcheckError, InputError, InputTooLongError, UnsupportedFileError
from pipeline.service import FactChecker
from pipeline.settings import Settings
from pipeline.types import DocumentInfo

logger = logging.getLogger(__name__)

# A question or a quote is a few KB even fully \u-escaped; anything bigger is refused before it is read.
SMALL_BODY_BYTES = 64 * 1024
# Room for the multipart boundaries, part headers and the publisher/published fields around a file.
UPLOAD_OVERHEAD_BYTES = 64 * 1024
MAX_META_CHARS = 200
INTERNAL_ERROR = "internal error"


# -- request and response bodies (they also document the API at /docs) -----------------------------------
class AskRequest(BaseModel):
    question: str = Field(description="the question; at most 1,000 characters")
    top_k: int | None = Field(default=None, ge=1, le=50, description="how many citations at most")


class CheckRequest(BaseModel):
    quote: str = Field(description="the quote to check; at most 2,000 characters")
    speaker: str | None = Field(default=None, description="who the quote is said to be by")


class ClaimReviewRequest(CheckRequest):
    appearance: str | None = Field(default=None, description="where the quote was seen: an http(s) URL")
    review_url: str | None = Field(
        default=None, description="the page that will publish this fact-check (the ClaimReview's url)"
    )


class PastedArticle(BaseModel):
    title: str = Field(description="the headline; it also names the file")
    text: str = Field(description="the article's text")
    publisher: str | None = None
    published: str | None = Field(default=None, description="publication date, e.g. 2022-02-15")


class LinkedArticle(BaseModel):
    url: str = Field(description="an http(s) link to the article; the server fetches it (public addresses only)")


class ErrorBody(BaseModel):
    error: str


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 403, 404, 409, 413, 415, 422, 500)
}

_UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": ".txt, .md or .html, ≤ 5 MB"},
                        "publisher": {"type": "string"},
                        "published": {"type": "string"},
                    },
                }
            },
            "application/json": {
                "schema": {"oneOf": [PastedArticle.model_json_schema(), LinkedArticle.model_json_schema()]}
            },
        },
    }
}


class JsonLdResponse(JSONResponse):
    """JSON served as JSON-LD, the media type schema.org consumers look for."""

    media_type = claimreview.MEDIA_TYPE


_CLAIMREVIEW_RESPONSE: dict[str, Any] = {"description": "a schema.org ClaimReview (JSON-LD)"}


# -- the app --------------------------------------------------------------------------------------------------
def create_app(service: FactChecker) -> FastAPI:
    """The API over ``service``; building it does no heavy work (``serve`` warms the service up first)."""
    app = FastAPI(
        title="factcheck",
        version="0.1.0",
        description="Cited answers and quote checks over news articles. Errors are `{\"error\": \"...\"}`.",
    )
    app.state.service = service
    upload_limit = service.settings.max_file_bytes
    app.add_middleware(_InternalErrors)
    app.add_middleware(
        _BodyLimit,
        limit_for=lambda method, path: (
            upload_limit + UPLOAD_OVERHEAD_BYTES if method == "POST" and path == "/documents" else SMALL_BODY_BYTES
        ),
    )
    app.add_exception_handler(FactcheckError, _factcheck_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)

    @app.post("/ask", responses=_ERRORS, summary="Answer a question from the sources, with citations")
    def ask(body: AskRequest) -> dict[str, Any]:
        return contract.ask_json(service.ask(body.question, top_k=body.top_k))

    @app.post("/check", responses=_ERRORS, summary="Check a quote (and its speaker) against the sources")
    def check(body: CheckRequest) -> dict[str, Any]:
        return contract.check_json(service.check(body.quote, body.speaker))

    @app.post(
        "/check/claimreview", responses={**_ERRORS, 200: _CLAIMREVIEW_RESPONSE}, response_class=JsonLdResponse,
        summary="Check a quote and return the verdict as schema.org ClaimReview JSON-LD",
    )
    def check_claimreview(body: ClaimReviewRequest) -> JsonLdResponse:
        review = contract.claimreview_json(
            service.check(body.quote, body.speaker), settings=service.settings,
            appearance=body.appearance, review_url=body.review_url,
        )
        return JsonLdResponse(review)

    @app.get("/quotes", responses=_ERRORS, summary="Who said what: every statement, or one speaker's")
    def quotes(speaker: str | None = Query(default=None, max_length=MAX_META_CHARS)) -> dict[str, Any]:
        return contract.quotes_json(service.quotes(speaker))

    @app.get("/documents", responses=_ERRORS, summary="The articles of the corpus")
    def documents() -> dict[str, Any]:
        return {"documents": [contract.document_json(d) for d in service.documents()]}

    @app.post(
        "/documents", status_code=201, responses=_ERRORS, openapi_extra=_UPLOAD_BODY,
        summary="Add an article: a multipart upload (field `file`), JSON {title, text}, or JSON {url}",
    )
    async def add_document(request: Request) -> JSONResponse:
        media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type == "multipart/form-data":
            info = await _add_upload(service, request)
        elif media_type == "application/json" or media_type.endswith("+json"):
            body = await request.body()
            if _is_link(body):
                info = await _add_link(service, body)
            else:
                info = await _add_pasted(service, body)
        else:
            raise UnsupportedFileError(
                "send the article as multipart/form-data (field 'file'), as JSON {\"title\": ..., \"text\": ...}"
                " or as JSON {\"url\": ...}"
            )
        return JSONResponse(contract.document_json(info), status_code=201)

    @app.delete("/documents/{doc_id:path}", responses=_ERRORS, summary="Remove an article by its doc_id")
    def remove_document(doc_id: str) -> dict[str, Any]:
        service.remove_document(doc_id)
        return {"doc_id": doc_id, "deleted": True}

    @app.get("/health", responses=_ERRORS, summary="Liveness, with the size of the index")
    def health() -> dict[str, Any]:
        index = service.index
        return {"status": "ok", "documents": len(index.articles), "passages": index.store.count_documents()}

    return app


async def _add_upload(service: FactChecker, request: Request) -> DocumentInfo:
    """A multipart upload; the body size is capped by ``_BodyLimit``, the file judged by the service's one rule set."""
    limit = service.settings.max_file_bytes
    form = await request.form(max_files=1, max_fields=4)
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InputError("upload the article as a file in the form field 'file'")
        data = await upload.read(limit + 1)  # one byte over is enough to be refused as too large
        publisher = _meta_field(form.get("publisher"), "publisher")
        published = _meta_field(form.get("published"), "published")
        filename = upload.filename or ""
    finally:
        await form.close()
    return await run_in_threadpool(
        service.add_document, filename, data, publisher=publisher, published=published
    )


def _is_link(body: bytes) -> bool:
    """A JSON object with a ``url`` key asks for a link; anything else is read as a pasted article."""
    try:
        parsed = json.loads(body)
    except ValueError:
        return False
    return isinstance(parsed, dict) and "url" in parsed


async def _add_link(service: FactChecker, body: bytes) -> DocumentInfo:
    """An article from a link: fetched and extracted by the service, in the threadpool."""
    try:
        link = LinkedArticle.model_validate_json(body)
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False)) from None
    return await run_in_threadpool(service.add_url, link.url)


async def _add_pasted(service: FactChecker, body: bytes) -> DocumentInfo:
    """A pasted article as JSON; a malformed body is a 422 like any other validation error."""
    try:
        article = PastedArticle.model_validate_json(body)
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False)) from None
    return await run_in_threadpool(
        service.add_text,
        article.title,
        article.text,
        publisher=_meta_field(article.publisher, "publisher"),
        published=_meta_field(article.published, "published"),
    )


def _meta_field(value: object, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{name} must be text")
    value = " ".join(value.split())
    if len(value) > MAX_META_CHARS:
        raise InputTooLongError(f"{name} is longer than {MAX_META_CHARS} characters")
    return value or None


# -- errors ---------------------------------------------------------------------------------------------------
def _error(status_code: int, message: str) -> JSONResponse:
    return JSONResponse(contract.error_json(message), status_code=status_code)


async def _factcheck_error(request: Request, error: Exception) -> JSONResponse:
    """The engine's own errors carry their status and a message meant for people."""
    status = getattr(error, "status_code", 500)
    if status >= 500:
        logger.error("%s on %s %s: %s", type(error).__name__, request.method, request.url.path, error)
    return _error(status, str(error))


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    """FastAPI's 422, reshaped into one readable ``{"error"}`` line."""
    assert isinstance(error, RequestValidationError)
    return _error(422, _validation_message(error.errors()))


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    """Starlette's own errors (unknown route, wrong method, body too large) in the same shape."""
    assert isinstance(error, HTTPException)
    return JSONResponse(
        contract.error_json(str(error.detail)), status_code=error.status_code, headers=getattr(error, "headers", None)
    )


def _validation_message(errors: Any) -> str:
    parts: list[str] = []
    for item in errors:
        if item.get("type") == "json_invalid":
            detail = (item.get("ctx") or {}).get("error", "")
            return f"the request body is not valid JSON{f' ({detail})' if detail else ''}"
        where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("body", "query", "path"))
        message = str(item.get("msg", "invalid value"))
        parts.append(f"{where}: {message}" if where else message)
    return "invalid request: " + "; ".join(parts) if parts else "invalid request"


class _BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=f"the request body is larger than {_size(limit)}")


class _BodyLimit:
    """Refuse an oversized body early: by its Content-Length, and again by the bytes actually received."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str, str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("method", ""), scope.get("path", ""))
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _error(413, str(_BodyTooLarge(limit).detail))(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLarge(limit)  # an HTTPException: the route's handlers turn it into a 413
            return message

        await self.app(scope, limited_receive, send)


class _InternalErrors:
    """A bug becomes a bare 500 ``{"error": "internal error"}``; its traceback goes to the log only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            logger.exception("internal error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await _error(500, INTERNAL_ERROR)(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _size(limit: int) -> str:
    return f"{limit / (1024 * 1024):.0f} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


# -- serving --------------------------------------------------------------------------------------------------
def serve(settings: Settings, *, host: str, port: int) -> None:
    """Warm the service up (model and index) before the socket opens, then serve until interrupted."""
    import uvicorn

    service = FactChecker(settings)
    print(f"factcheck: loading the model and indexing {service.corpus_dir} ...", file=sys.stderr, flush=True)
    index = service.warm_up()
    for warning in index.warnings:
        print(f"factcheck: warning: skipped {warning.path}: {warning.message}", file=sys.stderr)
    summary = f"{len(index.articles)} articles, {index.store.count_documents()} passages"

    from pipeline.engine_socket import EngineServer

    engine = EngineServer(service)  # `factcheck ask/check` on this corpus answer through this process

    class _Server(uvicorn.Server):
        async def startup(self, sockets: Any = None) -> None:
            await super().startup(sockets=sockets)
            if self.started:
                bound_host, bound_port = self.servers[0].sockets[0].getsockname()[:2]
                shown = f"[{bound_host}]" if ":" in bound_host else bound_host
                print(f"factcheck: ready on http://{shown}:{bound_port} ({summary}; API docs at /docs)", flush=True)

        async def shutdown(self, sockets: Any = None) -> None:
            # Here, not only after run(): uvicorn re-raises a captured SIGTERM once serving ends.
            engine.stop()
            await super().shutdown(sockets=sockets)

    engine.start()
    try:
        _Server(uvicorn.Config(create_app(service), host=host, port=port, log_level="warning")).run()
    finally:
        engine.stop()
