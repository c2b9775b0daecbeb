"""The cache keys follow the code: the statement key the whole attribution package, the passage key the
modules that cut articles into passages and sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.index_cache as index_cache
from pipeline.index_cache import PACKAGE, PASSAGE_CODE, IndexCache, statement_code_files


def test_every_module_of_the_attribution_package_keys_the_statement_cache() -> None:
    modules = {str(path.relative_to(PACKAGE)) for path in (PACKAGE / "attribution").glob("*.py")}
    assert {"attribution/labels.py", "attribution/parse.py", "attribution/vocabulary.py"} <= modules
    assert modules <= set(statement_code_files())
    assert "nlp.py" in statement_code_files()
    assert all((PACKAGE / Path(name)).is_file() for name in statement_code_files())


def test_the_passage_key_follows_the_splitting_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit to the sentence splitter must not serve passages cut by the old one (it once did: a cached
    experiment under the same format number came back)."""
    assert {"sentences.py", "components/splitter.py", "roles.py"} <= set(PASSAGE_CODE)
    assert all((PACKAGE / name).is_file() for name in PASSAGE_CODE)
    before = IndexCache(tmp_path, "model").passage_key
    real_version = index_cache.code_version
    monkeypatch.setattr(index_cache, "code_version",
                        lambda files: real_version(files) + ("-edited" if "sentences.py" in files else ""))
    assert IndexCache(tmp_path, "model").passage_key != before
