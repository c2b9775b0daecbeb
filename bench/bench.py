"""Benchmark: cold start, warm ask and check latency, incremental updates, indexing throughput, memory and
retrieval quality at 1, 100, 1,000 (and 10,000) articles.

The synthetic corpora are built from the seed article's sentences (bench/.corpora/, kept between runs
together with their index cache, since embedding thousands of articles takes hours on two shared cores).
Up to ``BASE_ARTICLES`` articles are embedded by the real model; larger corpora are *replicas*: the
``BASE_ARTICLES``-article corpus's synthetic articles copied under new doc ids, with their cached
embeddings and statements copied too (``replicated_corpus``), so the index has the real sizes without
hours of embedding. Every figure is measured on the index as built; ``index_passages_per_s`` by indexing the
corpus again into an empty cache, up to ``--index-rate-up-to`` articles (default ``BASE_ARTICLES``; a
replica's copies are indexed like any article, which at 1,000 articles takes about half an hour here).
Above ``--index-sample`` articles indexing is also projected from its two parts, measured apart
(``projected_indexing_rate``): the per-article work on a sample indexed from an empty cache, and the
assembly of the whole index (at 10,000 articles indexing from empty would take over three hours here).

Columns: cold ask from the command line alone (a fresh process: imports, model, snapshot, answer) beside
the import floor (``import torch, sentence_transformers, haystack`` in a fresh process) and through a
running service (``pipeline.engine_socket``); cold check from the command line alone (the quote index opened
from the snapshot, not built from every article); the same cold ask and check beyond their import floor,
both timed in one process (``bench/cold_probe.py``: two processes differ by more than that on a shared
host); warm ask and check p50/p95 in process; adding one 50-paragraph article (total, and beyond the
article's own indexing), removing it; resident memory of a warm service after all queries.

    .venv/bin/python bench/bench.py                         # 1, 100, 1000 articles
    .venv/bin/python bench/bench.py --sizes 1 100           # a quicker run
    .venv/bin/python bench/bench.py --sizes 10000 --stock   # also Haystack's InMemoryDocumentStore
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402,F401  (offline environment)
from pipeline.corpus import load_corpus, parse_article  # noqa: E402
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


QUOTES = [
    ("It's too early to say whether we see anything on the ground", "Jens Stoltenberg"),
    ("It's too early to say whether we see anything in the air", "Jens Stoltenberg"),
    ("We urge British nationals in Ukraine to leave now via commercial means", None),
    ("An invasion remains very much a possibility", "Joe Biden"),
    ("The safety and security of British nationals is our top priority", "Boris Johnson"),
    ("The moon is made of cheese", "Liz Truss"),
    ("Russia is pulling some of its soldiers back from the Ukrainian frontier", None),
]
COLD_QUESTION = "Where has the US embassy been temporarily relocated?"
COLD_RUNS = 3
# Corpora up to this size are embedded by the model; larger ones replicate this one's cached articles.
BASE_ARTICLES = 10
# Articles indexed from an empty cache to project the indexing of a larger corpus: ten copies of each base
# article, about 5,000 passages, three minutes here.
INDEX_SAMPLE = 100


def replicated_corpus(size: int, base: Path, settings: Settings) -> Path:
    """``size`` articles: the seed, then ``base``'s synthetic articles copied under new names, cache entries too.

    Each copy's cached passages, sentence vectors and statements are the original's with the doc_id
    rewritten, so the index is built from the per-article cache without embedding anything. The marker file
    holds the passage and statement keys: after a change to the attribution rules only the statements are
    copied again (from the base, which the caller has just indexed), not the vectors; after a change to the
    passage format everything is.
    """
    from pipeline.index_cache import IndexCache

    folder = WORK / f"replica-{size}"
    marker = folder / ".complete"
    cache = IndexCache(settings.cache_dir, settings.index_key())
    done = marker.read_text(encoding="utf-8").strip() if marker.exists() else None
    keys = f"{cache.passage_key}\n{cache.statement_key}"
    if done == keys:
        return folder
    statements_only = done is not None and done.split("\n")[0] == cache.passage_key
    folder.mkdir(parents=True, exist_ok=True)
    sources = load_corpus(base).articles
    seed = next(a for a in sources if not a.doc_id.startswith("synthetic-"))
    synthetic = [a for a in sources if a.doc_id.startswith("synthetic-")]
    (folder / seed.doc_id).write_text(seed.text, encoding="utf-8")
    for number in range(1, size):
        source = synthetic[(number - 1) % len(synthetic)]
        statements = cache.load_statements(source)
        cached = None if statements_only else cache.load_passages(source)
        if statements is None or (cached is None and not statements_only):
            raise SystemExit(f"bench.py: index {base} first (its cache entries are copied)")
        doc_id = f"synthetic-{number:05d}.txt"
        data = source.text.encode("utf-8")
        article = parse_article(doc_id, data)
        if cached is not None:
            (folder / doc_id).write_bytes(data)
            passages, embeddings, sentence_embeddings = cached
            passages = [
                replace(p, id=p.id.replace(source.doc_id, doc_id, 1), meta={**p.meta, "doc_id": doc_id})
                for p in passages
            ]
            cache.store_passages(article, passages, embeddings, sentence_embeddings)
        for statement in statements:
            statement.doc_id = doc_id
        cache.store_statements(article, statements)
    marker.write_text(keys, encoding="utf-8")
    return folder


def new_article(number: int) -> tuple[str, str]:
    """A fresh 50-paragraph article (title, body) for the add-one-article measurement."""
    seed_article = load_corpus(SEED).articles[0]
    sentences = [
        seed_article.text[s.start : s.end]
        for p in seed_article.paragraphs
        if p.role == "body"
        for s in split_sentences(seed_article.text, p.start, p.end)
    ]
    rng = random.Random(10_000 + number)
    paragraphs = [" ".join(rng.sample(sentences, rng.randint(1, 2))) for _ in range(PARAGRAPHS_PER_ARTICLE)]
    return f"Added briefing {number} {time.time_ns()}", "\n\n".join(paragraphs)


def _env(settings: Settings, corpus: Path, *, engine: bool) -> dict[str, str]:
    return {
        **os.environ,
        "FACTCHECK_CACHE_DIR": str(settings.cache_dir),
        "FACTCHECK_CORPUS_DIR": str(corpus),
        "FACTCHECK_USE_RUNNING_SERVICE": "1" if engine else "0",
        "PYTHONPATH": str(ROOT),
    }


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    return time.perf_counter() - started


def cold_ask(settings: Settings, corpus: Path, *, engine: bool) -> tuple[float, str]:
    """Median wall time of a fresh ``factcheck ask --json`` process, and its output."""
    command = [sys.executable, "-m", "pipeline.cli", "ask", COLD_QUESTION, "--json"]
    env = _env(settings, corpus, engine=engine)
    times = [_timed(command, env) for _ in range(COLD_RUNS)]
    out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT, env=env).stdout
    return round(statistics.median(times), 2), out


def cold_check(settings: Settings, corpus: Path) -> float:
    """Median wall time of a fresh ``factcheck check --json`` process (no running service)."""
    quote, speaker = QUOTES[0]
    command = [sys.executable, "-m", "pipeline.cli", "check", quote, "--speaker", str(speaker), "--json"]
    env = _env(settings, corpus, engine=False)
    return round(statistics.median(_timed(command, env) for _ in range(COLD_RUNS)), 2)


def above_floor(settings: Settings, corpus: Path, command: list[str]) -> float:
    """Median time of a cold command beyond its import floor, both timed in one fresh process
    (``bench/cold_probe.py``; no running service)."""
    probe = [sys.executable, str(ROOT / "bench" / "cold_probe.py"), *command]
    env = _env(settings, corpus, engine=False)
    runs = []
    for _ in range(COLD_RUNS):
        out = subprocess.run(probe, capture_output=True, text=True, check=True, cwd=ROOT, env=env)
        runs.append(json.loads(out.stderr.strip().splitlines()[-1])["above_floor_s"])
    return round(statistics.median(runs), 2)


def import_floor() -> float:
    """Median wall time of a fresh process that only imports torch, sentence-transformers and Haystack."""
    command = [sys.executable, "-c", "import torch, sentence_transformers, haystack"]
    return round(statistics.median(_timed(command, dict(os.environ)) for _ in range(COLD_RUNS)), 2)


def indexing_rate(settings: Settings) -> dict[str, float]:
    """Indexing the corpus from an empty cache, the model and parser already loaded: passages per second end to
    end (splitting, entities, embedding passages and sentences, attribution, assembling the index)."""
    seconds, passages = _index_from_empty(settings, None)
    return {"index_s": round(seconds, 2), "index_passages_per_s": round(passages / seconds, 1)}


def projected_indexing_rate(settings: Settings, sample: int) -> dict[str, float]:
    """Indexing a corpus too large to index from an empty cache within a run, projected from its parts.

    The first ``sample`` articles are indexed from an empty cache (the per-article work: splitting, entities,
    embedding, attribution), and the whole index is assembled from the per-article cache (the part that
    grows with the corpus: reading every article's share, concatenating, building the store). The
    projection is the sample's seconds per passage times every passage, plus the whole assembly; the
    assembly also reads the cache, which indexing from empty does not, so the projection errs slow.
    """
    from pipeline.indexing import Indexer

    sample_seconds, sample_passages = _index_from_empty(settings, sample)
    started = time.perf_counter()
    index = Indexer(settings).build(settings.corpus_dir)
    assembly = time.perf_counter() - started
    passages = index.store.count_documents()
    del index
    projected = sample_seconds / sample_passages * passages + assembly
    return {
        "index_sample_articles": sample, "index_sample_passages_per_s": round(sample_passages / sample_seconds, 1),
        "assemble_from_cache_s": round(assembly, 2), "index_projected_s": round(projected, 1),
        "index_projected_passages_per_s": round(passages / projected, 1),
    }


def index_rows(settings: Settings, size: int, index_rate_up_to: int, index_sample: int) -> dict[str, float]:
    """Indexing measured from an empty cache up to ``index_rate_up_to`` articles (a replica's copies are indexed
    like any article, only for longer), and projected from a sample above ``index_sample`` articles."""
    row: dict[str, float] = {}
    if size <= index_rate_up_to:
        row.update(indexing_rate(settings))
    if size > index_sample:
        row.update(projected_indexing_rate(settings, index_sample))
    return row


def _index_from_empty(settings: Settings, first: int | None) -> tuple[float, int]:
    """Seconds to index the corpus's first ``first`` articles (all if None) into an empty cache, and passages."""
    from pipeline.indexing import Indexer, assemble
    from pipeline.nlp import english

    load = load_corpus(settings.corpus_dir, max_bytes=settings.max_file_bytes)
    articles = load.articles if first is None else load.articles[:first]
    with tempfile.TemporaryDirectory() as empty:
        indexer = Indexer(settings.model_copy(update={"cache_dir": Path(empty)}))
        indexer.pipeline  # noqa: B018  (loads the model and the parser outside the timing)
        english()
        started = time.perf_counter()
        entries, _ = indexer.index_articles(articles)
        index = assemble(settings.corpus_dir, entries, load.warnings, settings=indexer.settings)
        seconds = time.perf_counter() - started
    return seconds, index.store.count_documents()


def service_rss(settings: Settings, corpus: Path) -> dict[str, float]:
    """Resident memory of a fresh service (snapshot opened) after every bench question and quote."""
    command = [sys.executable, str(Path(__file__).resolve()), "--rss-probe", str(corpus), str(settings.cache_dir)]
    out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def rss_probe(corpus: Path, cache_dir: Path) -> None:
    """(In the subprocess) warm a service, run every question and quote, print VmRSS and VmHWM in MB."""
    from pipeline.service import FactChecker

    service = FactChecker(Settings(corpus_dir=corpus, cache_dir=cache_dir, use_running_service=False))
    service.warm_up()
    for item in questions():
        service.ask(item["question"])
    for quote, speaker in QUOTES:
        service.check(quote, speaker)
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    print(json.dumps({key: round(int(status[key].split()[0]) / 1024, 1) for key in ("VmRSS", "VmHWM")}))


def latencies(call: Any, items: list[Any], rounds: int = 3) -> tuple[float, float, float]:
    """Wall-clock p50 and p95 in ms, and the p50 of the process's CPU time (less sensitive to other load)."""
    for item in items[:3]:
        call(item)  # warm caches
    times, cpu = [], []
    for _ in range(rounds):
        for item in items:
            started, started_cpu = time.perf_counter(), time.process_time()
            call(item)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    return round(statistics.median(times), 1), round(percentile(times, 95), 1), round(statistics.median(cpu), 1)


def add_one(service: Any) -> dict[str, float]:
    """Add a new article and remove it again: total times, and the add's cost beyond its own indexing."""
    indexer = service.indexer
    real = indexer.index_articles
    own: list[float] = []

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            own.append(time.perf_counter() - started)

    indexer.index_articles = timed
    try:
        title, body = new_article(len(service.index.articles))
        started = time.perf_counter()
        info = service.add_text(title, body)
        added = time.perf_counter() - started
    finally:
        indexer.index_articles = real
    service.ask(COLD_QUESTION)
    started = time.perf_counter()
    service.wait_for_snapshot()
    snapshot_after = time.perf_counter() - started
    started = time.perf_counter()
    service.remove_document(info.doc_id)
    removed = time.perf_counter() - started
    service.wait_for_snapshot()
    from pipeline.quote_index import QuoteIndex

    started = time.perf_counter()
    # A full build, for comparison: what every change cost before the quote index was updated incrementally.
    QuoteIndex(list(service.index.articles.values()))
    quote_index = time.perf_counter() - started
    return {
        "quote_index_build_s": round(quote_index, 2),
        "add_s": round(added, 3),
        "add_own_indexing_s": round(sum(own), 3),
        "add_beyond_own_s": round(added - sum(own), 3),
        "remove_s": round(removed, 3),
        "snapshot_write_after_add_s": round(snapshot_after, 2),
    }


def run_size(
    size: int, stock: bool, rss_only: bool = False, index_rate_up_to: int = BASE_ARTICLES, *,
    index_sample: int = INDEX_SAMPLE, index_only: bool = False,
) -> dict:
    from pipeline.engine_socket import EngineServer
    from pipeline.service import FactChecker
    from pipeline.store import NumpyDocumentStore

    cache_settings = Settings(corpus_dir=SEED, cache_dir=WORK / "cache", use_running_service=False)
    replica = size > BASE_ARTICLES
    if replica:
        base = synthetic_corpus(BASE_ARTICLES)
        FactChecker(cache_settings.model_copy(update={"corpus_dir": base})).warm_up(pipelines=())
        corpus = replicated_corpus(size, base, cache_settings)
    else:
        corpus = synthetic_corpus(size)
    settings = cache_settings.model_copy(update={"corpus_dir": corpus})
    if index_only:
        return {"articles": size, **index_rows(settings, size, index_rate_up_to, index_sample)}
    service = FactChecker(settings)
    started = time.perf_counter()
    index = service.refresh()  # from the per-article cache (or embedding), then the snapshot is written
    build_seconds = time.perf_counter() - started
    passages = index.store.count_documents()
    row: dict = {"articles": len(index.articles), "passages": passages, "sentences": len(index.sentences),
                 "replica": replica, "embedded_now": index.embedded_now}
    row["build_from_cache_s" if not index.embedded_now else "build_s"] = round(build_seconds, 2)
    row.update(index_rows(settings, size, index_rate_up_to, index_sample))
    if rss_only:
        del service, index
        row.update({f"rss_{k.lower()}_mb": v for k, v in service_rss(settings, corpus).items()})
        return row

    row["import_floor_s"] = import_floor()
    row["cold_ask_s"], alone = cold_ask(settings, corpus, engine=False)
    row["cold_check_s"] = cold_check(settings, corpus)
    row["cold_ask_above_floor_s"] = above_floor(settings, corpus, ["ask", COLD_QUESTION, "--json"])
    quote, speaker = QUOTES[0]
    check_command = ["check", quote, "--speaker", str(speaker), "--json"]
    row["cold_check_above_floor_s"] = above_floor(settings, corpus, check_command)
    server = EngineServer(service)
    server.start()
    try:
        row["cold_ask_via_service_s"], via = cold_ask(settings, corpus, engine=True)
    finally:
        server.stop()
    row["same_json_via_service"] = alone == via

    items = questions()
    texts = [q["question"] for q in items]
    row["ask_p50_ms"], row["ask_p95_ms"], row["ask_cpu_p50_ms"] = latencies(service.ask, texts)
    row["check_p50_ms"], row["check_p95_ms"], row["check_cpu_p50_ms"] = latencies(
        lambda q: service.check(*q), QUOTES, rounds=5
    )
    embedder = service._current().ask.get_component("embedder")
    row["embed_query_p50_ms"], _, _ = latencies(lambda t: embedder.run(text=t), texts, rounds=1)
    row.update(add_one(service))
    row.update({f"rss_{k.lower()}_mb": v for k, v in service_rss(settings, corpus).items()})

    index = service.index
    store = index.store
    assert isinstance(store, NumpyDocumentStore)  # the bench measures the in-process store
    embedder = service._current().ask.get_component("embedder")
    embeddings = [embedder.run(text=t)["embedding"].tolist() for t in texts]
    ours_dense = [store.embedding_retrieval(e, top_k=20) for e in embeddings]
    ours_bm25 = [store.bm25_retrieval(t, top_k=20) for t in texts]
    fusion = service._current().ask.get_component("fusion")
    fused = [fusion.run(documents=[d, b])["documents"] for d, b in zip(ours_dense, ours_bm25, strict=True)]
    row["recall5_dense"] = recall_at(ours_dense, items)
    row["recall5_bm25"] = recall_at(ours_bm25, items)
    row["recall5_hybrid"] = recall_at(fused, items)
    if stock:
        row.update(stock_store(index, texts, embeddings, items))
    return row


def stock_store(index: Any, texts: list[str], embeddings: list[list[float]], items: list[dict]) -> dict:
    """The same queries through Haystack's InMemoryDocumentStore retrievers, over the same passages."""
    from haystack.components.retrievers.in_memory import InMemoryBM25Retriever, InMemoryEmbeddingRetriever
    from haystack.document_stores.in_memory import InMemoryDocumentStore

    stock = InMemoryDocumentStore()
    stock.write_documents(index.store.filter_documents())
    dense, bm25 = InMemoryEmbeddingRetriever(stock, top_k=20), InMemoryBM25Retriever(stock, top_k=20)
    sample = list(zip(texts, embeddings, items, strict=True))[: 10 if len(stock.filter_documents()) > 10000 else None]
    dense_ms, bm25_ms, dense_docs, bm25_docs = [], [], [], []
    for text, embedding, _ in sample:
        started = time.perf_counter()
        dense_docs.append(dense.run(query_embedding=embedding)["documents"])
        dense_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        bm25_docs.append(bm25.run(query=text)["documents"])
        bm25_ms.append((time.perf_counter() - started) * 1000)
    sample_items = [item for _, _, item in sample]
    return {
        "stock_dense_ms": round(statistics.median(dense_ms), 1), "stock_bm25_ms": round(statistics.median(bm25_ms), 1),
        "stock_recall5_dense": recall_at(dense_docs, sample_items),
        "stock_recall5_bm25": recall_at(bm25_docs, sample_items), "stock_queries": len(sample),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100, 1000])
    parser.add_argument("--stock", action="store_true", help="also time Haystack's InMemoryDocumentStore")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--rss-only", action="store_true", help="only build the index and measure memory")
    parser.add_argument("--index-rate-up-to", type=int, default=BASE_ARTICLES, metavar="N",
                        help="measure indexing from an empty cache up to N articles (replicas too; 100 take 3 min)")
    parser.add_argument("--index-sample", type=int, default=INDEX_SAMPLE, metavar="N",
                        help="above N articles, also project indexing from N articles and the whole assembly")
    parser.add_argument("--index-only", action="store_true", help="only measure indexing")
    parser.add_argument("--rss-probe", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_probe:
        rss_probe(*args.rss_probe)
        return
    rows = []
    for size in args.sizes:
        print(f"benchmarking {size} articles...", file=sys.stderr, flush=True)
        rows.append(run_size(size, args.stock, args.rss_only, args.index_rate_up_to,
                             index_sample=args.index_sample, index_only=args.index_only))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    name = "bench-rss.json" if args.rss_only else "bench-index.json" if args.index_only else "bench.json"
    (results / name).write_text(json.dumps(rows, indent=2))
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
