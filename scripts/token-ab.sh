#!/usr/bin/env bash
# Two Keyledger builds (or one build with two sets of JVM options) side by side, token runs alternating between them,
# so that both see the same host noise: the way to tell whether a change to the token path helps.
#
#   scripts/token-ab.sh A.jar B.jar [ROUNDS=4] [SECONDS=15] [CONNECTIONS=16]
#
# Environment: A_OPTS, B_OPTS (JVM options of each), WARMUP (seconds of wrk per server first, default 40), PEERS_DIR,
# AB_BASE_PORT (A listens on it + 1, B on it + 2; default 19200). Management ports are random: they are not measured.
# Prints one line per run, A and B in turn (the peers' bench.sh RESULT fields). Copy the jar of a build before
# building the other: target/keyledger.jar is overwritten by every build.
set -euo pipefail
if [ $# -lt 2 ]; then sed -n '2,/^set -e/p' "$0" | grep '^#'; exit 2; fi
A_JAR=$(realpath "$1") B_JAR=$(realpath "$2")
cd "$(dirname "$0")/.."
# shellcheck source=lib/bench-clients.sh
source scripts/lib/bench-clients.sh
ROUNDS=${3:-4} DURATION=${4:-15} CONNECTIONS=${5:-16}
PEERS_DIR=${PEERS_DIR:-$(pwd)/../shared/peers}
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d /tmp/keyledger-token-ab.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

base_port=${AB_BASE_PORT:-19200}
declare -A pid id secret port=([A]=$((base_port + 1)) [B]=$((base_port + 2)))
start() { # A|B jar options
  local admin_secret admin url="http://127.0.0.1:${port[$1]}"
  admin_secret=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 43)
  # shellcheck disable=SC2086 # the options are a list of words
  "$JAVA" $3 -jar "$2" --server.port="${port[$1]}" --management.server.port=0 --keyledger.data-dir="$WORK/$1" \
    --keyledger.bootstrap.client-id=bench-admin --keyledger.bootstrap.client-secret="$admin_secret" \
    --logging.level.root=WARN > "$WORK/$1.log" 2>&1 &
  pids+=($!); pid[$1]=$!
  admin=$(token_of "$url/oauth2/token" bench-admin "$admin_secret")
  read -r "id[$1]" "secret[$1]" <<< "$(bench_client "$url" "$admin")"
}

echo "# $(date -u +%FT%TZ) JDK: $("$JAVA" -version 2>&1 | head -1); A=$A_JAR ${A_OPTS:-}; B=$B_JAR ${B_OPTS:-}"
start A "$A_JAR" "${A_OPTS:-}"
start B "$B_JAR" "${B_OPTS:-}"
for s in A B; do
  wrk -t1 -c"$CONNECTIONS" -d"${WARMUP:-40}"s -s "$PEERS_DIR/token.lua" "http://127.0.0.1:${port[$s]}/oauth2/token" \
    -- "${id[$s]}" "${secret[$s]}" "read write" >/dev/null
done
for _ in $(seq 1 "$ROUNDS"); do
  for s in A B; do
    SERVER_PID=${pid[$s]} WARMUP=3 RUNS=1 "$PEERS_DIR/bench.sh" "http://127.0.0.1:${port[$s]}/oauth2/token" \
      "${id[$s]}" "${secret[$s]}" "$DURATION" "$CONNECTIONS" 2>&1 | grep '^RUN' | sed "s/^RUN 1/$s/"
  done
done
