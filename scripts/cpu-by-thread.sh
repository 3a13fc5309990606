#!/usr/bin/env bash
# Where an admin command's CPU goes, thread by thread (issue 17): starts the standalone jar on a fresh data folder,
# warms it up with the open-loop admin writers (scripts/lib/AdminWriters.java: register -> rotate -> change-details),
# then runs them at RATE commands/s for SECONDS and prints the CPU per command of each group of the JVM's threads
# (numbers stripped from their names, from /proc/PID/task) and of PostgreSQL (postmaster and backends, the ones gone
# included). With RATE 0 it measures the idle service for SECONDS instead, per second.
#
#   scripts/cpu-by-thread.sh JAR [RATE=200] [SECONDS=30] [WARMUP=150]
#
# Environment: PORT (the service's, 27401), JAVA_HOME. The JIT keeps compiling for minutes: with less than about two
# minutes of warm-up the compiler threads take a sixth of the JVM's share.
set -euo pipefail
if [ $# -lt 1 ]; then sed -n '2,/^set -e/p' "$0" | grep '^#'; exit 2; fi
JAR=$(realpath "$1") RATE=${2:-200} SECONDS_MEASURED=${3:-30} WARMUP=${4:-150}
cd "$(dirname "$0")/.."
# shellcheck source=lib/bench-clients.sh
source scripts/lib/bench-clients.sh
# shellcheck source=lib/process-cpu.sh
source scripts/lib/process-cpu.sh
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PORT=${PORT:-27401}
url="http://127.0.0.1:$PORT" hz=$(getconf CLK_TCK)
WORK=$(mktemp -d /tmp/keyledger-cpu-by-thread.XXXXXX)
server=
cleanup() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$WORK/writers" scripts/lib/AdminWriters.java
admin_secret=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 43)
"$JAVA" -jar "$JAR" --server.port="$PORT" --management.server.port=0 --keyledger.data-dir="$WORK/data" \
  --keyledger.bootstrap.client-id=bench-admin --keyledger.bootstrap.client-secret="$admin_secret" \
  --logging.level.root=WARN > "$WORK/server.log" 2>&1 &
server=$!
admin=$(token_of "$url/oauth2/token" bench-admin "$admin_secret")
writers() { "$JAVA" -XX:TieredStopAtLevel=1 -cp "$WORK/writers" AdminWriters "$url" "$admin" "$1" "$2"; }
postmaster=$(head -1 "$(find "$WORK/data" -name postmaster.pid | head -1)")

threads() { # one line per thread: its id, its name, its user + system ticks
  local t
  for t in /proc/"$server"/task/*; do
    printf '%s\t%s\t%s\n' "${t##*/}" "$(cat "$t/comm")" "$(process_ticks "$server/task/${t##*/}")"
  done 2>/dev/null
}

[ "$RATE" -eq 0 ] || writers "$RATE" "$WARMUP" > /dev/null
[ "$RATE" -ne 0 ] || sleep "$WARMUP"
threads > "$WORK/before"
pg0=$(postgres_ticks "$postmaster")
if [ "$RATE" -eq 0 ]; then
  sleep "$SECONDS_MEASURED"
  per=$SECONDS_MEASURED unit="ms/s"
else
  line=$(writers "$RATE" "$SECONDS_MEASURED")
  echo "$line"
  per=$(sed -E 's/.*sent=([0-9]+).*/\1/' <<< "$line") unit="ms/command"
fi
pg1=$(postgres_ticks "$postmaster")
threads > "$WORK/after"

echo "# $(date -u +%FT%TZ) $JAR rate=$RATE seconds=$SECONDS_MEASURED warmup=$WARMUP JDK: $("$JAVA" -version 2>&1 | head -1)"
awk -F'\t' -v hz="$hz" -v per="$per" -v unit="$unit" -v pg=$(( pg1 - pg0 )) '
  FNR == NR { before[$1] = $3; next }
  {
    name = $2; sub(/[-#]?[0-9]+$/, "", name)
    spent = $3 - ($1 in before ? before[$1] : 0)
    if (spent > 0) { group[name] += spent; total += spent }
  }
  END {
    printf "JVM %.3f %s, PostgreSQL %.3f %s\n", total * 1000 / hz / per, unit, pg * 1000 / hz / per, unit
    for (g in group) printf "%8.3f %s %5.1f %%  %s\n", group[g] * 1000 / hz / per, unit, 100 * group[g] / total, g
  }' "$WORK/before" "$WORK/after" | { read -r head; echo "$head"; sort -rn; }
