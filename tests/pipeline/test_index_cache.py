"""The statement cache key follows the code of the whole attribution package, not one file."""

from __future__ import annotations

from pathlib import Path

from pipeline.index_cache import PACKAGE, statement_code_files


def test_every_module_of_the_attribution_package_keys_the_statement_cache() -> None:
    modules = {str(path.relative_to(PACKAGE)) for path in (PACKAGE / "attribution").glob("*.py")}
    assert {"attribution/labels.py", "attribution/parse.py", "attribution/vocabulary.py"} <= modules
    assert modules <= set(statement_code_files())
    assert "nlp.py" in statement_code_files()
    assert all((PACKAGE / Path(name)).is_file() for name in statement_code_files())
