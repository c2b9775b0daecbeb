"""The JSON contract of ``../shared/eval/README.md``, produced here and nowhere else.

Fields may be added, never renamed or dropped: other programs read them.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from pipeline.claimreview import claim_review
from pipeline.settings import Settings, get_settings
from pipeline.types import AskResult, CheckResult, Citation, DocumentInfo, QuotesResult, Statement


def citation_json(citation: Citation) -> dict[str, Any]:
    return {
        "doc_id": citation.doc_id,
        "title": citation.title,
        "text": citation.text,
        "start": citation.start,
        "end": citation.end,
        "score": citation.score,
        "speaker": citation.speaker,
        "role": citation.role,
        "publisher": citation.publisher,
        "published": citation.published,
        "paragraph_start": citation.paragraph_start,
        "paragraph_end": citation.paragraph_end,
    }


def ask_json(result: AskResult) -> dict[str, Any]:
    return {
        "question": result.question,
        "answer": result.answer,
        "abstained": result.abstained,
        "short_answer": result.short_answer,
        "short_answer_start": result.short_answer_start,
        "short_answer_end": result.short_answer_end,
        "citations": [citation_json(c) for c in result.citations],
        "route": result.route,
        "confidence": round(result.confidence, 4),
        "answer_doc_id": result.answer_doc_id,
        "answer_start": result.answer_start,
        "answer_end": result.answer_end,
        "closest": [citation_json(c) for c in result.closest],
    }


def check_json(result: CheckResult) -> dict[str, Any]:
    return {
        "quote": result.quote,
        "speaker": result.speaker,
        "verdict": result.verdict,
        "similarity": round(result.similarity, 4),
        "match": asdict(result.match) if result.match else None,
        "differences": [asdict(d) for d in result.differences],
        "explanation": result.explanation,
    }


def claimreview_json(
    result: CheckResult,
    *,
    settings: Settings | None = None,
    appearance: str | None = None,
    review_url: str | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """The check as schema.org ``ClaimReview`` JSON-LD (mapping in ``pipeline.claimreview``), authored by
    the organisation in the settings; ``appearance`` is where the quote was seen, ``review_url`` the
    page that will publish the review."""
    settings = settings or get_settings()
    return claim_review(
        result,
        organization_name=settings.organization_name,
        organization_url=settings.organization_url,
        appearance=appearance,
        review_url=review_url,
        today=today,
    )


def statement_json(statement: Statement) -> dict[str, Any]:
    return {
        "doc_id": statement.doc_id,
        "title": statement.title,
        "text": statement.text,
        "start": statement.start,
        "end": statement.end,
        "speaker": statement.speaker,
        "kind": statement.kind,
        "mention": statement.mention,
        "is_caption": statement.is_caption,
        "uncertain": statement.uncertain,
    }


def quotes_json(result: QuotesResult) -> dict[str, Any]:
    return {"speaker": result.speaker, "quotes": [statement_json(s) for s in result.quotes]}


def document_json(info: DocumentInfo) -> dict[str, Any]:
    """An article of the corpus; also what ``add`` prints (``site_name`` is the publisher, by its web name)."""
    return {**asdict(info), "site_name": info.publisher}


def error_json(message: str) -> dict[str, Any]:
    return {"error": message}
