#!/usr/bin/env bash
# What one admin command costs PostgreSQL, statement by statement (issue 17, docs/DECISIONS.md 128): starts the
# standalone jar on a PostgreSQL that has pg_stat_statements loaded, warms it up with the open-loop admin writers
# (scripts/lib/AdminWriters.java: register -> rotate -> change-details), resets the statistics, runs the writers at
# RATE commands/s for SECONDS, and prints each statement's calls per command and the total, then the statements by
# PostgreSQL's time per command (execution and, with pg_stat_statements.track_planning on, planning; "plans" 0 for
# many calls means a kept generic plan, docs/DECISIONS.md 140) and the transactions committed per command.
#
#   scripts/statements-per-command.sh JAR [RATE=100] [SECONDS=30] [WARMUP=60]
#
# The embedded PostgreSQL has no pg_stat_statements, so this needs a server of its own, for example Debian's:
#   apt-get install -y postgresql && echo "shared_preload_libraries = 'pg_stat_statements'" \
#     > /etc/postgresql/15/main/conf.d/pss.conf && pg_ctlcluster 15 main start
#   su postgres -c "psql -c \"ALTER USER postgres PASSWORD 'pw'\" -c 'CREATE EXTENSION pg_stat_statements'"
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD (pw), PORT (the service's, 27301).
# The database keyledger_statements is dropped and created again on every run.
# EMBEDDED=1 measures the standalone's own embedded PostgreSQL instead (its binaries ship pg_stat_statements): the jar
# is started once to create its data folder, the library is added with ALTER SYSTEM, and the jar is started again.
set -euo pipefail
if [ $# -lt 1 ]; then sed -n '2,/^set -e/p' "$0" | grep '^#'; exit 2; fi
JAR=$(realpath "$1") RATE=${2:-100} SECONDS_=${3:-30} WARMUP=${4:-60}
cd "$(dirname "$0")/.."
# shellcheck source=lib/bench-clients.sh
source scripts/lib/bench-clients.sh
PORT=${PORT:-27301}
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d /tmp/keyledger-statements.XXXXXX)
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$WORK/writers" scripts/lib/AdminWriters.java
admin_secret=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 43)
database=()
if [ "${EMBEDDED:-0}" = 1 ]; then
  DB=postgres
else
  export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-pw}
  DB=keyledger_statements
  psql -d postgres -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  database=(--spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER"
            --spring.datasource.password="$PGPASSWORD")
fi
start_server() {
  "$JAVA" -jar "$JAR" --server.port="$PORT" --management.server.port=0 --keyledger.data-dir="$WORK/data" \
    "${database[@]}" --keyledger.bootstrap.client-id=bench-admin --keyledger.bootstrap.client-secret="$admin_secret" \
    --logging.level.root=WARN >> "$WORK/server.log" 2>&1 &
  server=$!
}
start_server
trap 'kill $server 2>/dev/null || true' EXIT
url="http://127.0.0.1:$PORT"
admin=$(token_of "$url/oauth2/token" bench-admin "$admin_secret")
if [ "${EMBEDDED:-0}" = 1 ]; then
  embedded_port() { grep -o '"-p" "[0-9]*"' "$WORK/data/postgres/postmaster.opts" | grep -o '[0-9][0-9]*'; }
  export PGHOST=127.0.0.1 PGUSER=postgres PGPASSWORD=$(cat "$WORK/data/postgres-password") PGPORT=$(embedded_port)
  psql -d postgres -qc "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" \
    -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on"
  kill "$server"; wait "$server" || true
  start_server
  admin=$(token_of "$url/oauth2/token" bench-admin "$admin_secret")
  PGPORT=$(embedded_port)
  psql -d postgres -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
fi
writers() { "$JAVA" -cp "$WORK/writers" AdminWriters "$url" "$admin" "$RATE" "$1"; }

echo "# $(date -u +%FT%TZ) $JAR rate=$RATE seconds=$SECONDS_ warmup=$WARMUP"
writers "$WARMUP" > /dev/null
psql -d postgres -Atc "SELECT pg_stat_statements_reset()" > /dev/null
psql -d "$DB" -Atc "SELECT pg_stat_reset()" > /dev/null
line=$(writers "$SECONDS_")
echo "$line"
commands=$(sed -E 's/.*ok=([0-9]+).*/\1/' <<< "$line")
psql -d postgres -v commands="$commands" -v db="$DB" <<'SQL'
SELECT round(calls / :commands::numeric, 2) AS per_command, calls,
       left(regexp_replace(query, '\s+', ' ', 'g'), 100) AS statement
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = :'db')
ORDER BY calls DESC LIMIT 30;
SELECT round(sum(calls) / :commands::numeric, 1) AS statements_per_command
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = :'db');
SELECT round(((total_exec_time + total_plan_time) * 1000 / :commands)::numeric, 1) AS us_per_command,
       round(calls / :commands::numeric, 2) AS per_command, plans,
       left(regexp_replace(query, '\s+', ' ', 'g'), 90) AS statement
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = :'db')
ORDER BY total_exec_time + total_plan_time DESC LIMIT 15;
SELECT round((sum(total_exec_time + total_plan_time) * 1000 / :commands)::numeric, 1) AS statements_us_per_command
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = :'db');
SELECT round(xact_commit / :commands::numeric, 2) AS commits_per_command
FROM pg_stat_database WHERE datname = :'db';
SQL
