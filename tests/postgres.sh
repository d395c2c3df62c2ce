#!/usr/bin/env bash
# Start a throwaway PostgreSQL on loopback for the test suite and print its SQLAlchemy URL.
# Installs Debian's postgresql when it is missing (run as root, as `make test` is).
# QUIZAPP_TEST_DB names the database (default quizapp_test), so two checkouts can test at once.
set -euo pipefail
db=${QUIZAPP_TEST_DB:-quizapp_test}
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
fi
ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_lsclusters -h | grep -q "^$ver main " || pg_createcluster "$ver" main >&2
pg_ctlcluster "$ver" main status >/dev/null 2>&1 || pg_ctlcluster "$ver" main start >&2
port=$(pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" {print $3}')
as_postgres() { su postgres -c "$1" >&2; }
as_postgres "psql -p $port -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'quizapp'\" | grep -q 1 \
  || psql -p $port -qc \"CREATE ROLE quizapp LOGIN PASSWORD 'quizapp'\""
as_postgres "psql -p $port -qc 'DROP DATABASE IF EXISTS $db'"
as_postgres "createdb -p $port -O quizapp $db"
echo "postgresql+psycopg://quizapp:quizapp@127.0.0.1:$port/$db"
