"""The ``factcheck`` command: index, ask, check, quotes, eval, add, serve (contract: ../shared/eval/README.md).

Errors print one line on stderr and exit 1; nothing a user can cause prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pipeline  # noqa: F401  (sets the offline environment before any model code loads)
from pipeline.errors import EmptyInputError, FactcheckError, InputError
from pipeline.settings import Settings, get_settings

EXIT_ERROR = 1
EXIT_INTERNAL = 3
CHECK_FORMATS = ("text", "json", "claimreview")


class CheckItem(NamedTuple):
    """One quote to check, and (for a ClaimReview) where it was seen and where the review will be."""

    quote: str
    speaker: str | None
    appearance: str | None = None
    review_url: str | None = None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description="Cited answers and quote checks over news articles.")
    commands = parser.add_subparsers(dest="command", required=True)

    def with_corpus(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument("--corpus", type=Path, default=None, help="folder of articles (default: the bundled corpus/)")
        return sub

    with_corpus(commands.add_parser("index", help="build or refresh the cached index of the corpus"))

    ask = with_corpus(commands.add_parser("ask", help="answer a question from the sources"))
    ask.add_argument("question", nargs="?", help="the question")
    ask.add_argument("--questions", type=Path, help="a file with one question a line (output: JSON Lines)")
    ask.add_argument("--top-k", type=int, default=None, help="how many citations at most")
    ask.add_argument("--json", action="store_true", help="print the JSON object")

    check = with_corpus(commands.add_parser("check", help="check a quote against the sources"))
    check.add_argument("quote", nargs="?", help="the quote")
    check.add_argument("--speaker", default=None, help="who the quote is said to be by")
    check.add_argument("--quotes", type=Path, help='JSON Lines: {"quote": "...", "speaker": "..." or null}')
    check.add_argument("--json", action="store_true", help="print the JSON object")
    check.add_argument(
        "--format", choices=CHECK_FORMATS, default=None,
        help="text (the default), json (as --json), or claimreview: schema.org ClaimReview JSON-LD",
    )
    check.add_argument("--appearance", metavar="URL", default=None,
                       help="where the quote was seen (ClaimReview only; a line of --quotes may give its own)")
    check.add_argument("--review-url", metavar="URL", default=None,
                       help="the page that will publish this fact-check (ClaimReview only)")

    quotes = with_corpus(commands.add_parser("quotes", help="list who said what"))
    quotes.add_argument("--speaker", default=None, help="only this speaker")
    quotes.add_argument("--json", action="store_true", help="print the JSON object")

    evaluate = with_corpus(commands.add_parser("eval", help="score an evaluation set"))
    evaluate.add_argument("set_dir", type=Path, help="folder with qa.jsonl, speakers.jsonl, quotes.jsonl")

    add = with_corpus(commands.add_parser("add", help="add an article (a web page or a file) and index it"))
    add.add_argument("source", metavar="URL_OR_FILE", help="an http(s) link to an article, or a .txt/.md/.html file")
    add.add_argument("--json", action="store_true", help="print the JSON object")

    serve = with_corpus(commands.add_parser("serve", help="serve the HTTP API"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="%(message)s")
    try:
        return _dispatch(args)
    except FactcheckError as error:
        print(f"factcheck: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        print(f"factcheck: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_INTERNAL


def _settings(args: argparse.Namespace) -> Settings:
    settings = get_settings()
    if args.corpus is not None:
        settings = settings.model_copy(update={"corpus_dir": args.corpus})
    return settings


def _service(args: argparse.Namespace, *, progress: bool = False, pipelines: tuple[str, ...] = ()) -> Any:
    """The engine with only what the command needs: `quotes` and `index` load no model, `ask` no quote index."""
    from pipeline.service import FactChecker

    service = FactChecker(_settings(args))
    service.warm_up(on_progress=_ProgressBar() if progress else None, pipelines=pipelines)
    for warning in service.index.warnings:
        print(f"factcheck: warning: skipped {warning.path}: {warning.message}", file=sys.stderr)
    return service


def _through_engine(args: argparse.Namespace, requests: list[dict[str, Any]], *, lines: bool) -> int | None:
    """Answer through a running app or ``factcheck serve`` on the same corpus and settings (see
    ``pipeline.engine_socket``); None when there is none, or it fails before printing anything."""
    settings = _settings(args)
    if not settings.use_running_service:
        return None
    from pipeline.engine_socket import EngineClient

    client = EngineClient.connect(settings, settings.corpus_dir)
    if client is None:
        return None
    printed = False
    try:
        for request in requests:
            try:
                reply = client.request(request)
            except (ConnectionError, ValueError) as error:
                if not printed:
                    return None
                raise FactcheckError(f"the running service stopped answering: {error}") from None
            if reply.get("internal") and not printed:
                return None
            if not printed:
                for warning in reply.get("warnings", []):
                    print(f"factcheck: warning: {warning}", file=sys.stderr)
            if not reply.get("ok"):
                raise FactcheckError(str(reply.get("error")))
            if lines:
                _print_json(reply["json"])
            else:
                print(_pretty(reply["json"]) if args.json else reply["text"])
            printed = True
        return 0
    finally:
        client.close()


class _ProgressBar:
    """Indexing progress on stderr with rate and time left (tqdm), shown only while articles are embedded."""

    def __init__(self) -> None:
        self._bar: Any = None

    def __call__(self, done: int, total: int, doc_id: str) -> None:
        if self._bar is None:
            if done >= total:
                return  # everything came from the cache
            from tqdm import tqdm  # type: ignore[import-untyped]

            self._bar = tqdm(total=total, initial=done, unit="article", file=sys.stderr, desc="indexing",
                             dynamic_ncols=True)
        self._bar.update(done - self._bar.n)
        if done >= total:
            self._bar.close()


def _dispatch(args: argparse.Namespace) -> int:
    from pipeline import contract

    if args.command == "serve":
        from pipeline.api import serve

        serve(_settings(args), host=args.host, port=args.port)
        return 0
    if args.command == "ask":
        questions = _questions(args)
        requests = [{"op": "ask", "question": q, "top_k": args.top_k} for q in questions]
        done = _through_engine(args, requests, lines=args.questions is not None)
        if done is not None:
            return done
        service = _service(args, pipelines=("ask",))
        if args.questions is not None:
            for question in questions:
                _print_json(contract.ask_json(service.ask(question, top_k=args.top_k)))
            return 0
        result = service.ask(questions[0], top_k=args.top_k)
        print(_pretty(contract.ask_json(result)) if args.json else answer_text(result))
        return 0
    if args.command == "check":
        output = _check_format(args)
        items = _quotes(args, claimreview=output == "claimreview")
        if output != "claimreview":
            args.json = output == "json"
            requests = [{"op": "check", "quote": item.quote, "speaker": item.speaker} for item in items]
            done = _through_engine(args, requests, lines=args.quotes is not None)
            if done is not None:
                return done
        service = _service(args, pipelines=("check",))

        def exported(item: CheckItem) -> dict[str, Any]:
            result = service.check(item.quote, item.speaker)
            if output == "claimreview":
                return contract.claimreview_json(
                    result, settings=service.settings, appearance=item.appearance, review_url=item.review_url
                )
            return contract.check_json(result)

        if args.quotes is not None:
            for item in items:
                _print_json(exported(item))
            return 0
        if output == "text":
            print(check_text(service.check(items[0].quote, items[0].speaker)))
        else:
            print(_pretty(exported(items[0])))
        return 0
    if args.command == "quotes":
        result = _service(args).quotes(args.speaker)
        print(_pretty(contract.quotes_json(result)) if args.json else _quotes_text(result))
        return 0
    if args.command == "index":
        service = _service(args, progress=True)
        index = service.index
        print(
            f"indexed {len(index.articles)} articles: {index.store.count_documents()} passages, "
            f"{len(index.statements)} statements ({index.embedded_now} embedded now, "
            f"{len(index.articles) - index.embedded_now} from cache)"
        )
        return 0
    if args.command == "add":
        info = _add(_service(args), args.source)
        print(_pretty(contract.document_json(info)) if args.json else _added_text(info))
        return 0
    if args.command == "eval":
        from pipeline.evaluation import evaluate, format_report

        if args.corpus is None and (args.set_dir / "corpus").is_dir():
            args.corpus = args.set_dir / "corpus"  # a set with its own articles runs on them
        print(format_report(evaluate(_service(args, pipelines=("ask", "check")), args.set_dir)))
        return 0
    raise InputError(f"unknown command {args.command}")  # pragma: no cover - argparse rejects it first


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _add(service: Any, source: str) -> Any:
    """A link (anything with a scheme, checked by the service) or a file path."""
    if _SCHEME.match(source) and not Path(source).exists():
        return service.add_url(source)
    path = Path(source)
    if not path.exists():
        raise InputError(f"no such file: {source} (a link must start with http:// or https://)")
    return service.add_file(path)


def _added_text(info: Any) -> str:
    by = ", ".join(part for part in (info.author, info.publisher, info.published) if part)
    lines = [f"Added “{info.title}” as {info.doc_id}: {info.passages} passages, {info.quotes} quotes."]
    if by:
        lines.append(f"  {by}")
    if info.url:
        lines.append(f"  from {info.url}")
    return "\n".join(lines)


def _questions(args: argparse.Namespace) -> list[str]:
    if args.questions is not None:
        lines = _read_lines(args.questions)
        questions = [line.strip() for line in lines if line.strip()]
        if not questions:
            raise EmptyInputError(f"{args.questions}: no questions in the file")
        return questions
    if args.question is None:
        raise EmptyInputError("give a question, or --questions FILE")
    return [args.question]


def _check_format(args: argparse.Namespace) -> str:
    if args.json and args.format not in (None, "json"):
        raise InputError(f"--json and --format {args.format} disagree: give one of them")
    output: str = args.format or ("json" if args.json else "text")
    if output != "claimreview" and (args.appearance or args.review_url):
        raise InputError("--appearance and --review-url go with --format claimreview")
    return output


def _quotes(args: argparse.Namespace, *, claimreview: bool = False) -> list[CheckItem]:
    """The quotes to check; for a ClaimReview every URL is checked here, before the model loads."""
    if args.quotes is None:
        if args.quote is None:
            raise EmptyInputError("give a quote, or --quotes FILE")
        items = [CheckItem(args.quote, args.speaker, args.appearance, args.review_url)]
    else:
        items = []
        for number, line in enumerate(_read_lines(args.quotes), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                appearance = _optional_text(item, "appearance", args.appearance)
                review_url = _optional_text(item, "review_url", args.review_url)
                items.append(CheckItem(str(item["quote"]), item.get("speaker"), appearance, review_url))
            except (ValueError, KeyError, TypeError, AttributeError):
                raise InputError(
                    f"{args.quotes} line {number}: expected {{\"quote\": ..., \"speaker\": ...}}"
                ) from None
        if not items:
            raise EmptyInputError(f"{args.quotes}: no quotes in the file")
    if claimreview:
        from pipeline.claimreview import web_url

        for number, item in enumerate(items, start=1):
            where = f"{args.quotes} quote {number}: " if args.quotes is not None else ""
            try:
                web_url(item.appearance, "the appearance URL")
                web_url(item.review_url, "the review URL")
            except InputError as error:
                raise type(error)(f"{where}{error}") from None
    return items


def _optional_text(item: dict[str, Any], key: str, default: str | None) -> str | None:
    value = item.get(key, default)
    if value is not None and not isinstance(value, str):
        raise TypeError(key)
    return value


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_bytes().decode("utf-8").splitlines()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None


def _pretty(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _print_json(data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False), flush=True)


def answer_text(result: Any) -> str:
    lines = []
    if result.abstained:
        lines.append("The sources do not say.")
        if result.closest:
            lines.append("Closest evidence (not an answer):")
            lines.extend(_citation_line(i, c) for i, c in enumerate(result.closest[:3], start=1))
        return "\n".join(lines)
    if result.short_answer:
        lines.append(f"Answer: {result.short_answer}")
        lines.append(f"  in: {result.answer}")
    else:
        lines.append(f"Answer: {result.answer}")
    lines.extend(_citation_line(i, c) for i, c in enumerate(result.citations, start=1))
    return "\n".join(lines)


def _citation_line(number: int, citation: Any) -> str:
    who = f" — {citation.speaker}" if citation.speaker else ""
    where = f"{citation.title} ({citation.doc_id}, chars {citation.start}–{citation.end})"
    return f"  [{number}] “{citation.text}”{who}\n      {where}"


def check_text(result: Any) -> str:
    lines = [f"Verdict: {result.verdict.replace('_', ' ')} (similarity {result.similarity:.2f})"]
    if result.explanation:
        lines.append(result.explanation)
    if result.match:
        who = result.match.speaker or "no named speaker"
        lines.append(f"Source ({who}): “{result.match.text}”")
        lines.append(f"  {result.match.title} ({result.match.doc_id}, chars {result.match.start}–{result.match.end})")
    for diff in result.differences:
        lines.append(f"  {diff.op}: quote “{diff.quote}” / source “{diff.source}”")
    return "\n".join(lines)


def _quotes_text(result: Any) -> str:
    if not result.quotes:
        return f"No statements by {result.speaker} in the sources." if result.speaker else "No statements found."
    return "\n".join(
        f"{s.speaker or 'unknown'} ({s.kind}): “{s.text}”  [{s.doc_id} {s.start}–{s.end}]" for s in result.quotes
    )


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
