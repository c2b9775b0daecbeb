"""Benchmark: cold start, warm query latency, indexing throughput and retrieval quality at 1, 100 and 1,000 articles.

The synthetic corpora are built from the seed article's sentences (bench/.corpora/, kept between runs
together with their index cache, since embedding 1,000 articles takes minutes on two cores). The same
queries also go through Haystack's stock ``InMemoryDocumentStore`` BM25 and embedding retrievers, over
the same passages and embeddings, so the two stores are compared on speed and on recall.

    .venv/bin/python bench/bench.py                 # 1, 100, 1000 articles
    .venv/bin/python bench/bench.py --sizes 1 100   # a quicker run
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402,F401  (offline environment)
from pipeline.corpus import load_corpus  # noqa: E402
from pipeline.evaluation import fold, read_jsonl  # noqa: E402
from pipeline.sentences import split_sentences  # noqa: E402
from pipeline.settings import Settings  # noqa: E402

WORK = ROOT / "bench" / ".corpora"
SEED = ROOT / "corpus"
QUESTION_SETS = [ROOT / "tests" / "eval" / "seed" / "qa.jsonl", ROOT.parent / "shared" / "eval" / "dev" / "qa.jsonl"]
PARAGRAPHS_PER_ARTICLE = 50


def synthetic_corpus(size: int) -> Path:
    """``size`` articles: the seed itself, then articles of the seed's sentences reshuffled."""
    folder = WORK / f"corpus-{size}"
    marker = folder / ".complete"
    if marker.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    seed_article = load_corpus(SEED).articles[0]
    (folder / seed_article.doc_id).write_text(seed_article.text, encoding="utf-8")
    sentences = [
        seed_article.text[s.start : s.end]
        for p in seed_article.paragraphs
        if p.role == "body"
        for s in split_sentences(seed_article.text, p.start, p.end)
    ]
    rng = random.Random(size)
    for number in range(1, size):
        paragraphs = [" ".join(rng.sample(sentences, rng.randint(1, 2))) for _ in range(PARAGRAPHS_PER_ARTICLE)]
        title = f"Synthetic briefing {number}: " + " ".join(rng.sample(sentences, 1)[0].split()[:8])
        (folder / f"synthetic-{number:04d}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
    marker.touch()
    return folder


def questions() -> list[dict]:
    items = [q for path in QUESTION_SETS for q in read_jsonl(path) if q.get("answerable", True)]
    return items


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def recall_at(docs_per_question: list[list], items: list[dict], k: int = 5) -> float:
    hits = 0
    for docs, item in zip(docs_per_question, items, strict=True):
        texts = [fold(d.content or "") for d in docs[:k]]
        hits += any(fold(a) in t for a in item["answers"] for t in texts)
    return round(hits / len(items), 3)


def cold_start(settings: Settings, corpus: Path) -> float:
    code = (
        "import time;t=time.perf_counter();import pipeline;from pipeline.service import FactChecker;"
        "from pipeline.settings import Settings;"
        f"s=FactChecker(Settings(corpus_dir={str(corpus)!r}, cache_dir={str(settings.cache_dir)!r}));"
        "s.ask('Where has the US embassy been temporarily relocated?');print(time.perf_counter()-t)"
    )
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    wall = time.perf_counter() - started
    return round(wall, 2) if out.stdout.strip() else float("nan")


def run_size(size: int) -> dict:
    from haystack.components.retrievers.in_memory import InMemoryBM25Retriever, InMemoryEmbeddingRetriever
    from haystack.document_stores.in_memory import InMemoryDocumentStore

    from pipeline.service import FactChecker

    corpus = synthetic_corpus(size)
    settings = Settings(corpus_dir=corpus, cache_dir=WORK / "cache")
    service = FactChecker(settings)
    started = time.perf_counter()
    index = service.warm_up()
    build_seconds = time.perf_counter() - started
    passages = index.store.count_documents()
    row: dict = {"articles": len(index.articles), "passages": passages, "embedded_now": index.embedded_now}
    if index.embedded_now:
        row["index_passages_per_s"] = round(passages / build_seconds, 1)
    row["index_load_s"] = round(build_seconds, 2)

    items = questions()
    texts = [q["question"] for q in items]
    for text in texts[:3]:
        service.ask(text)  # warm caches
    latencies = []
    for _ in range(3):
        for text in texts:
            t = time.perf_counter()
            service.ask(text)
            latencies.append((time.perf_counter() - t) * 1000)
    row["ask_p50_ms"] = round(statistics.median(latencies), 1)
    row["ask_p95_ms"] = round(percentile(latencies, 95), 1)

    embedder = service._current().ask.get_component("embedder")
    embed_ms = []
    for text in texts:
        t = time.perf_counter()
        embedder.run(text=text)
        embed_ms.append((time.perf_counter() - t) * 1000)
    row["embed_query_p50_ms"] = round(statistics.median(embed_ms), 1)
    embeddings = [embedder.run(text=t)["embedding"].tolist() for t in texts]
    ours_dense, ours_bm25, ours_dense_ms, ours_bm25_ms = [], [], [], []
    for text, embedding in zip(texts, embeddings, strict=True):
        t = time.perf_counter()
        ours_dense.append(index.store.embedding_retrieval(embedding, top_k=20))
        ours_dense_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        ours_bm25.append(index.store.bm25_retrieval(text, top_k=20))
        ours_bm25_ms.append((time.perf_counter() - t) * 1000)
    fusion = service._current().ask.get_component("fusion")
    fused = [fusion.run(documents=[d, b])["documents"] for d, b in zip(ours_dense, ours_bm25, strict=True)]
    row["ours_dense_ms"] = round(statistics.median(ours_dense_ms), 2)
    row["ours_bm25_ms"] = round(statistics.median(ours_bm25_ms), 2)
    row["recall5_dense"] = recall_at(ours_dense, items)
    row["recall5_bm25"] = recall_at(ours_bm25, items)
    row["recall5_hybrid"] = recall_at(fused, items)

    stock = InMemoryDocumentStore()
    stock.write_documents(index.store.filter_documents())
    stock_dense, stock_bm25 = InMemoryEmbeddingRetriever(stock, top_k=20), InMemoryBM25Retriever(stock, top_k=20)
    sample = list(zip(texts, embeddings, items, strict=True))[: 10 if passages > 10000 else len(texts)]
    stock_dense_ms, stock_bm25_ms, stock_dense_docs, stock_bm25_docs = [], [], [], []
    for text, embedding, _ in sample:
        t = time.perf_counter()
        stock_dense_docs.append(stock_dense.run(query_embedding=embedding)["documents"])
        stock_dense_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        stock_bm25_docs.append(stock_bm25.run(query=text)["documents"])
        stock_bm25_ms.append((time.perf_counter() - t) * 1000)
    row["stock_dense_ms"] = round(statistics.median(stock_dense_ms), 1)
    row["stock_bm25_ms"] = round(statistics.median(stock_bm25_ms), 1)
    sample_items = [item for _, _, item in sample]
    row["stock_recall5_dense"] = recall_at(stock_dense_docs, sample_items)
    row["stock_recall5_bm25"] = recall_at(stock_bm25_docs, sample_items)
    row["stock_queries"] = len(sample)
    row["cold_start_s"] = cold_start(settings, corpus)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100, 1000])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        print(f"benchmarking {size} articles...", file=sys.stderr, flush=True)
        rows.append(run_size(size))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "bench.json").write_text(json.dumps(rows, indent=2))
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    columns = list(dict.fromkeys(k for row in rows for k in row))
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(str(row.get(c, "")) for c in columns) + " |")


if __name__ == "__main__":
    main()
