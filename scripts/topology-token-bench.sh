#!/usr/bin/env bash
# Token throughput of the distributed topology: POST /oauth2/token through the proxy with both token-endpoint nodes,
# then with one (the other stopped), and straight at one node without the proxy, all in one run with wrk.
#
#   scripts/topology-token-bench.sh [DURATION_S=20] [CONNECTIONS="16 64"]
#
# Starts the topology (scripts/topology up) when it is not running and leaves it as it found it. Needs wrk and the
# peers' wrk harness (PEERS_DIR, default ../shared/peers). On 2 cores the nodes, nginx, PostgreSQL, Kafka and wrk
# share the machine: the figures show what a second node costs or gains here, not on a machine per node.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/bench-clients.sh
source scripts/lib/bench-clients.sh
DURATION=${1:-20}
CONNECTIONS=${2:-"16 64"}
PEERS_DIR=${PEERS_DIR:-$(pwd)/../shared/peers}
run=${KEYLEDGER_TOPOLOGY_DIR:-target/topology}

started_here=false
if ! scripts/topology status | grep -q '^proxy running'; then
  scripts/topology up
  started_here=true
fi
trap '$started_here && scripts/topology down' EXIT
# shellcheck disable=SC1091
source "$run/topology.env"
token_node_1=${KEYLEDGER_TOKEN_URLS%%,*}

admin=$(token_of "$KEYLEDGER_URL/oauth2/token" "$KEYLEDGER_ADMIN_ID" "$KEYLEDGER_ADMIN_SECRET")
read -r id secret <<< "$(bench_client "$KEYLEDGER_URL" "$admin")"
for url in ${KEYLEDGER_TOKEN_URLS//,/ }; do token_of "$url/oauth2/token" "$id" "$secret" > /dev/null; done

node_java=$(readlink -f "/proc/$(cat "$run/pids/token-1")/exe")
echo "# $(date -u +%FT%TZ) token nodes on $("$node_java" -version 2>&1 | head -1); nproc=$(nproc)"
wrk -t1 -c16 -d"${INITIAL_WARMUP:-30}"s -s "$PEERS_DIR/token.lua" "$KEYLEDGER_URL/oauth2/token" -- "$id" "$secret" "read write" > /dev/null

measure() { # label url connections
  local line
  line=$(SERVER_PID=$$ WARMUP=3 RUNS=1 "$PEERS_DIR/bench.sh" "$2/oauth2/token" "$id" "$secret" "$DURATION" "$3" 2>&1 \
    | grep '^MEDIAN' | sed 's/^MEDIAN //')
  echo "$line" | awk -v label="$1" -v c="$3" '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%-28s c=%-3s tokens/s=%7.0f p50_ms=%6.2f p99_ms=%6.2f non200=%s\n", label, c, v["rps"], v["p50_ms"], v["p99_ms"], v["non200_total"] }'
}

for c in $CONNECTIONS; do
  measure "proxy, 2 token nodes" "$KEYLEDGER_URL" "$c"
done
scripts/topology stop token-2
trap 'scripts/topology start token-2 > /dev/null; $started_here && scripts/topology down' EXIT
for c in $CONNECTIONS; do
  measure "proxy, 1 token node" "$KEYLEDGER_URL" "$c"
  measure "1 token node, no proxy" "$token_node_1" "$c"
done
