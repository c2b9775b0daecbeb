"""The two store backends side by side: the numpy store and PostgreSQL with pgvector, at 50k and 500k passages.

Store-only figures on synthetic passages (no model): each passage is 40 pseudo-words drawn from a Zipf
vocabulary with a random unit vector of 384 dimensions (the all-MiniLM-L6-v2 size). The labelled queries
are made from one passage each: a noisy copy of its vector (cosine about 0.32 with it, against about
0.25 for the best of 500,000 random others) and four of its words (two of its rarer ones, two common
ones), so "recall@5" is whether that passage is among the first five after the retrievers the ask
pipeline uses and reciprocal rank fusion. Queries go through the same retriever components as
``pipeline/query.py`` (from ``pipeline.stores``), one at a time.

    bash scripts/pgvector.sh start        # prints the URL
    FACTCHECK_STORE_URL=postgresql://postgres@127.0.0.1:54329/factcheck \\
        .venv/bin/python bench/stores.py --sizes 50000 500000 [--hnsw] [--json]
    bash scripts/pgvector.sh stop
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from haystack import Document  # noqa: E402

import pipeline  # noqa: E402,F401  (offline environment)
from pipeline.components.fusion import ReciprocalRankFusion  # noqa: E402
from pipeline.settings import Settings  # noqa: E402
from pipeline.stores import make_dense_retriever, make_keyword_retriever, make_store  # noqa: E402

DIMENSION = 384
WORDS_PER_PASSAGE = 40
VOCABULARY = 30_000
ZIPF = 1.1
NOISE = 3.0  # norm of the noise added to a passage's unit vector: cosine 1/sqrt(1 + 9) = 0.32
RETRIEVE_K = 20  # as Settings.retrieve_k
RECALL_AT = 5


def vocabulary(rng: random.Random) -> list[str]:
    """Pronounceable letters-only pseudo-words, so both stores' tokenisers see one word each."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def corpus(size: int, seed: int = 7) -> tuple[list[Document], np.ndarray, list[list[int]], list[str]]:
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = 1.0 / np.arange(1, VOCABULARY + 1) ** ZIPF
    draws = np.random.default_rng(seed).choice(VOCABULARY, size=(size, WORDS_PER_PASSAGE), p=weights / weights.sum())
    vectors = np.random.default_rng(seed + 1).standard_normal((size, DIMENSION)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    documents = []
    for i in range(size):
        document = Document(id=f"p{i:07d}", content=" ".join(words[w] for w in draws[i]),
                            meta={"doc_id": f"a{i // 50:06d}.txt", "start": 0})
        # A row of one matrix, set after construction (Document turns arrays into lists of Python floats,
        # 6 GB at 500,000 passages); both stores read it as an array.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Haystack warns about mutating a Document; nothing else holds it yet
            document.embedding = vectors[i]
        documents.append(document)
    return documents, vectors, draws.tolist(), words


def queries(
    count: int, vectors: np.ndarray, draws: list[list[int]], words: list[str], seed: int = 11
) -> list[tuple[int, np.ndarray, str]]:
    rng = np.random.default_rng(seed)
    out = []
    for target in rng.choice(len(draws), size=count, replace=False):
        noisy = vectors[target] + NOISE * rng.standard_normal(DIMENSION).astype(np.float32) / np.sqrt(DIMENSION)
        rare = sorted(set(draws[target]), reverse=True)[:2]  # high index = rare under Zipf
        common = [int(w) for w in rng.choice(50, size=2)]
        out.append((int(target), noisy / np.linalg.norm(noisy), " ".join(words[w] for w in rare + common)))
    return out


def percentiles(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {"p50_ms": round(1000 * statistics.median(ordered), 2),
            "p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 2)}


def measure(store: Any, asked: list[tuple[int, np.ndarray, str]]) -> dict[str, Any]:
    dense = make_dense_retriever(store, top_k=RETRIEVE_K)
    keyword = make_keyword_retriever(store, top_k=RETRIEVE_K, return_embedding=True)
    fusion = ReciprocalRankFusion(k=60, top_k=RETRIEVE_K)
    dense_times, keyword_times, hits, dense_hits, keyword_hits = [], [], 0, 0, 0
    for _ in range(3):  # warm caches and connections
        dense.run(query_embedding=asked[0][1])
        keyword.run(query=asked[0][2])
    for target, vector, text in asked:
        started = time.perf_counter()
        by_vector = dense.run(query_embedding=vector)["documents"]
        dense_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        by_words = keyword.run(query=text)["documents"]
        keyword_times.append(time.perf_counter() - started)
        fused = fusion.run(documents=[by_vector, by_words])["documents"]
        wanted = f"p{target:07d}"
        hits += wanted in [d.id for d in fused[:RECALL_AT]]
        dense_hits += wanted in [d.id for d in by_vector[:RECALL_AT]]
        keyword_hits += wanted in [d.id for d in by_words[:RECALL_AT]]
    return {
        "dense": percentiles(dense_times),
        "keyword": percentiles(keyword_times),
        f"dense_recall@{RECALL_AT}": round(dense_hits / len(asked), 3),
        f"keyword_recall@{RECALL_AT}": round(keyword_hits / len(asked), 3),
        f"hybrid_recall@{RECALL_AT}": round(hits / len(asked), 3),
    }


def run_size(size: int, query_count: int, url: str | None, hnsw: bool) -> dict[str, Any]:
    print(f"[{size:,} passages] generating", file=sys.stderr, flush=True)
    documents, vectors, draws, words = corpus(size)
    asked = queries(query_count, vectors, draws, words)
    report: dict[str, Any] = {"passages": size, "queries": query_count}

    settings = Settings(embedding_model="hashing")
    started = time.perf_counter()
    numpy_store = make_store(settings, embedding_dimension=DIMENSION)
    numpy_store.replace_all(documents)
    report["numpy"] = {"write_s": round(time.perf_counter() - started, 1), **measure(numpy_store, asked)}
    print(f"[{size:,}] numpy {report['numpy']}", file=sys.stderr, flush=True)
    del numpy_store

    if url:
        table = f"bench_{size}"
        pg_settings = settings.model_copy(update={"store": "pgvector", "store_url": url, "store_table": table})
        store = make_store(pg_settings, embedding_dimension=DIMENSION)
        store.delete_table()  # type: ignore[attr-defined]
        store = make_store(pg_settings, embedding_dimension=DIMENSION)
        started = time.perf_counter()
        store.replace_all(documents)
        written = time.perf_counter() - started
        store._sql("VACUUM ANALYZE {schema}.{table}")  # type: ignore[attr-defined]
        report["pgvector_exact"] = {"write_s": round(written, 1), **measure(store, asked)}
        print(f"[{size:,}] pgvector exact {report['pgvector_exact']}", file=sys.stderr, flush=True)
        if hnsw:
            started = time.perf_counter()
            indexed = make_store(pg_settings.model_copy(update={"store_search": "hnsw"}),
                                 embedding_dimension=DIMENSION)
            built = time.perf_counter() - started
            report["pgvector_hnsw"] = {"index_build_s": round(built, 1), **measure(indexed, asked)}
            print(f"[{size:,}] pgvector hnsw {report['pgvector_hnsw']}", file=sys.stderr, flush=True)
        store.delete_table()  # type: ignore[attr-defined]
    return report


def main() -> None:
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")  # as the service does (pipeline/service.py)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 500_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--url", default=None, help="PostgreSQL URL (default: $FACTCHECK_STORE_URL; none: numpy only)")
    parser.add_argument("--hnsw", action="store_true", help="also build pgvector's HNSW index and query through it")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    url = args.url or Settings().store_url
    reports = [run_size(size, args.queries, url, args.hnsw) for size in args.sizes]
    if args.json:
        print(json.dumps(reports, indent=2))
        return
    print("| passages | store | write s | dense p50 / p95 ms | keyword p50 / p95 ms "
          "| recall@5 dense / keyword / hybrid |")
    print("|---|---|---|---|---|---|")
    for report in reports:
        for name in ("numpy", "pgvector_exact", "pgvector_hnsw"):
            row = report.get(name)
            if row is None:
                continue
            write = row.get("write_s", row.get("index_build_s"))
            print(f"| {report['passages']:,} | {name} | {write} | {row['dense']['p50_ms']} / {row['dense']['p95_ms']} "
                  f"| {row['keyword']['p50_ms']} / {row['keyword']['p95_ms']} | {row['dense_recall@5']} / "
                  f"{row['keyword_recall@5']} / {row['hybrid_recall@5']} |")


if __name__ == "__main__":
    main()
