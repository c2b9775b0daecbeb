#!/usr/bin/env bash
# Sets up .venv/ if needed, indexes the bundled corpus and serves the app on http://localhost:8501.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/factcheck index
exec .venv/bin/streamlit run ui/app.py --server.port "${PORT:-8501}" "$@"
