"""The query pipelines, wired from components over one ``CorpusIndex``.

ask:   router ─passages→ text embedder → dense retriever ─┐
              │          BM25 retriever ──────────────────┴→ fusion → extractive answerer → short answer
              └speaker→  speaker statements answerer
check: text embedder → sentence retriever (every sentence, embedded at indexing time) → quote checker
"""

from __future__ import annotations

from haystack import Pipeline

from pipeline.components.answerer import ExtractiveAnswerer
from pipeline.components.fusion import ReciprocalRankFusion
from pipeline.components.quote_checker import QuoteChecker
from pipeline.components.router import QuestionRouter
from pipeline.components.sentence_retriever import SentenceRetriever
from pipeline.components.short_answer import ShortAnswerExtractor
from pipeline.components.speaker_statements import SpeakerStatementsAnswerer
from pipeline.embedders import make_text_embedder
from pipeline.indexing import CorpusIndex
from pipeline.settings import Settings
from pipeline.stores import make_dense_retriever, make_keyword_retriever
from pipeline.types import AskResult, CheckResult

# Sentences of the whole corpus handed to the quote checker, closest in meaning first.
CHECK_SENTENCES = 40


def build_ask_pipeline(index: CorpusIndex, settings: Settings) -> Pipeline:
    """``settings.retrieval_mode`` "dense" or "bm25" keeps one retriever, for measuring each alone."""
    hybrid = settings.retrieval_mode == "hybrid"
    dense = settings.retrieval_mode == "dense"
    pipeline = Pipeline()
    pipeline.add_component("router", QuestionRouter())
    pipeline.add_component("fusion", ReciprocalRankFusion(k=settings.rrf_k, top_k=settings.retrieve_k))
    answerer = ExtractiveAnswerer(
        term_statistics=index.store, abstain_threshold=settings.abstain_threshold, top_k=settings.top_k
    )
    answerer.attach(statements=index)
    pipeline.add_component("answerer", answerer)
    pipeline.add_component("short_answer", ShortAnswerExtractor())
    pipeline.connect("answerer.result", "short_answer.result")
    pipeline.connect("router.passages", "short_answer.question")
    speaker_answerer = SpeakerStatementsAnswerer()
    speaker_answerer.attach(statements=index, articles=index.articles)
    pipeline.add_component("speaker_answerer", speaker_answerer)
    pipeline.connect("router.speaker", "speaker_answerer.speaker")
    pipeline.connect("router.passages", "answerer.question")
    pipeline.add_component("embedder", make_text_embedder(settings))
    pipeline.connect("router.passages", "embedder.text")
    pipeline.connect("embedder.embedding", "answerer.query_embedding")
    if hybrid or dense:
        pipeline.add_component("dense", make_dense_retriever(index.store, top_k=settings.retrieve_k))
        pipeline.connect("embedder.embedding", "dense.query_embedding")
        pipeline.connect("dense.documents", "fusion.documents")
    if hybrid or not dense:
        pipeline.add_component("bm25", make_keyword_retriever(index.store, top_k=settings.retrieve_k))
        pipeline.connect("router.passages", "bm25.query")
        # So passages only the keywords found carry their cosine to the question too (meta["dense_score"]).
        pipeline.connect("embedder.embedding", "bm25.query_embedding")
        pipeline.connect("bm25.documents", "fusion.documents")
    pipeline.connect("fusion.documents", "answerer.documents")
    return pipeline


def run_ask(pipeline: Pipeline, question: str, top_k: int | None = None) -> AskResult:
    data: dict = {"router": {"question": question}}
    if top_k:
        data["answerer"] = {"top_k": top_k}
    output = pipeline.run(data)
    for name in ("short_answer", "speaker_answerer"):
        if name in output:
            return output[name]["result"]
    return AskResult(question=question, answer=None, abstained=True)


def build_check_pipeline(index: CorpusIndex, settings: Settings) -> Pipeline:
    pipeline = Pipeline()
    pipeline.add_component("embedder", make_text_embedder(settings))
    sentences = SentenceRetriever(top_k=CHECK_SENTENCES)
    sentences.attach(sentences=index.sentences, articles=index.articles)
    pipeline.add_component("sentences", sentences)
    checker = QuoteChecker(
        altered_min_similarity=settings.altered_min_similarity,
        paraphrase_min_similarity=settings.paraphrase_min_similarity,
    )
    checker.attach(quote_index=index.quote_index, statements=index, articles=index.articles)
    pipeline.add_component("checker", checker)
    pipeline.connect("embedder.embedding", "sentences.query_embedding")
    pipeline.connect("sentences.documents", "checker.candidates")
    pipeline.connect("embedder.embedding", "checker.query_embedding")
    return pipeline


def run_check(pipeline: Pipeline, quote: str, speaker: str | None) -> CheckResult:
    output = pipeline.run({"embedder": {"text": quote}, "checker": {"quote": quote, "speaker": speaker}})
    return output["checker"]["result"]
