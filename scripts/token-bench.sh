#!/usr/bin/env bash
# Side-by-side token benchmark: POST /oauth2/token (client_credentials, client_secret_basic) with wrk against
# Keyledger (standalone, embedded PostgreSQL) and the Spring Authorization Server peer in its fastest
# configuration (noop secrets, in-memory store), both on the same JDK, in one run, interleaved per connection count.
#
#   scripts/token-bench.sh [DURATION_S=15] [CONNECTIONS="1 4 16 64"]
#
# Needs wrk (apt-get install wrk), python3, and the peers folder (PEERS_DIR, default ../shared/peers).
# Prints one line per server and connection count from the peers' bench.sh (tokens/s, p50/p90/p99 ms, server CPU
# per token), then a summary with the throughput ratio, and the bare ES256 signing cost for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=lib/bench-clients.sh
source scripts/lib/bench-clients.sh
DURATION=${1:-15}
CONNECTIONS=${2:-"1 4 16 64"}
PEERS_DIR=${PEERS_DIR:-$ROOT/../shared/peers}
KL_PORT=${KL_PORT:-19101}
SAS_PORT=${SAS_PORT:-19102}
WORK=$(mktemp -d /tmp/keyledger-token-bench.XXXXXX)
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
export JAVA_HOME

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "# $(date -u +%FT%TZ) JDK: $("$JAVA" -version 2>&1 | head -1); nproc=$(nproc); work dir $WORK"
mvn -q -B -DskipTests package >/dev/null
cp -r "$PEERS_DIR/spring-authz-server" "$WORK/sas"
(cd "$WORK/sas" && mvn -q -B -DskipTests package >/dev/null)

secret=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 43)
"$JAVA" -jar standalone/target/keyledger.jar --server.port=$KL_PORT --keyledger.data-dir="$WORK/keyledger-data" \
  --keyledger.bootstrap.client-id=bench-admin --keyledger.bootstrap.client-secret="$secret" \
  --logging.level.root=WARN > "$WORK/keyledger.log" 2>&1 &
pids+=($!); kl_pid=$!
"$JAVA" -jar "$WORK/sas/target/spring-authz-server-peer.jar" --server.port=$SAS_PORT --spring.profiles.active=noop \
  > "$WORK/sas.log" 2>&1 &
pids+=($!); sas_pid=$!

admin=$(token_of "http://127.0.0.1:$KL_PORT/oauth2/token" bench-admin "$secret")
read -r kl_id kl_secret <<< "$(bench_client "http://127.0.0.1:$KL_PORT" "$admin")"
token_of "http://127.0.0.1:$KL_PORT/oauth2/token" "$kl_id" "$kl_secret" >/dev/null
token_of "http://127.0.0.1:$SAS_PORT/oauth2/token" bench-client bench-secret >/dev/null
pg_pid=$(pgrep -f "postgres -D $WORK/keyledger-data/postgres" | head -1 || true)

# Both JVMs get the same long warm-up first (on 2 cores the JIT competes with the server for a while).
for target in "http://127.0.0.1:$KL_PORT/oauth2/token $kl_id $kl_secret" "http://127.0.0.1:$SAS_PORT/oauth2/token bench-client bench-secret"; do
  set -- $target
  wrk -t1 -c16 -d"${INITIAL_WARMUP:-45}"s -s "$PEERS_DIR/token.lua" "$1" -- "$2" "$3" "read write" >/dev/null
done

summary=()
for c in $CONNECTIONS; do
  for server in keyledger sas-noop; do
    if [ $server = keyledger ]; then
      out=$(SERVER_PID=$kl_pid EXTRA_PIDS="$pg_pid" WARMUP=5 RUNS=1 "$PEERS_DIR/bench.sh" \
        "http://127.0.0.1:$KL_PORT/oauth2/token" "$kl_id" "$kl_secret" "$DURATION" "$c" 2>&1)
    else
      out=$(SERVER_PID=$sas_pid JWKS_URL="http://127.0.0.1:$SAS_PORT/oauth2/jwks" WARMUP=5 RUNS=1 "$PEERS_DIR/bench.sh" \
        "http://127.0.0.1:$SAS_PORT/oauth2/token" bench-client bench-secret "$DURATION" "$c" 2>&1)
    fi
    line=$(grep '^MEDIAN' <<<"$out" | sed 's/^MEDIAN //')
    echo "$server c=$c $line"
    summary+=("$server c=$c $line")
  done
done

echo
echo "# summary (JDK $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2))"
printf '%s\n' "${summary[@]}" | awk '
  { s = $1; c = $2; for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    rps[s, c] = v["rps"]; printf "%-10s %-5s tokens/s=%8.0f p50_ms=%6.2f p99_ms=%6.2f cpu_ms/token=%s (+db %s) non200=%s\n",
      s, c, v["rps"], v["p50_ms"], v["p99_ms"], v["srv_cpu_ms_per_req"], v["extra_cpu_ms_per_req"], v["non200_total"]; cs[c] = 1 }
  END { for (c in cs) if (rps["sas-noop", c] > 0) printf "ratio %-5s keyledger/sas-noop = %.1fx\n", c, rps["keyledger", c] / rps["sas-noop", c] }'
cleanup; pids=()
echo
scripts/bench SigningCostBenchmark ES256 10 2>/dev/null | tail -1
