#!/usr/bin/env bash
# Sets up .venv/ if needed (and Debian's chromium for the browser test), then runs ruff, mypy and every test:
# fast unit tests, tests with the real model (-m model), the browser test (-m browser) and the tests on
# PostgreSQL with pgvector (-m pgvector), whose server this script starts first and always stops after.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
.venv/bin/ruff check pipeline ui tests bench
.venv/bin/mypy pipeline ui bench
# A server that was already running (someone's own) is left running; one started here is stopped on exit.
if ! bash scripts/pgvector.sh status >/dev/null 2>&1; then
  trap 'bash scripts/pgvector.sh stop' EXIT
fi
FACTCHECK_TEST_PG_URL=$(bash scripts/pgvector.sh start)
export FACTCHECK_TEST_PG_URL
.venv/bin/python -m pytest -q "$@"
