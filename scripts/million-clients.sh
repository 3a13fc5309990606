#!/usr/bin/env bash
# A million clients (issue 16): the standalone jar started on a store of 1,000 clients and on one of 1,000,000,
# alternately, ROUNDS times each; per start it prints the time to ready, the heap after a full GC, token throughput
# and p99 (wrk, one client, like token-bench.sh), and the p99 of the client list, its filters and search, and of an
# asOf read of a client with 10,000 events, each over HTTP with wrk on one connection.
#
#   scripts/million-clients.sh [ROUNDS=3] [TOKEN_SECONDS=15] [GET_SECONDS=5]
#
# The stores are built once (MillionClientsStore: synthetic events appended through Axon's storage engine, projected
# by the real projectors) under MILLION_DIR (default /tmp/keyledger-million) and kept for the next run: building the
# million takes a while and about 5 GB. Delete the folder when done. Needs wrk, curl, python3, jcmd (the JDK's).
# STORES="1000 1000000" chooses the stores; SKIP_PACKAGE=1 keeps the jars already built; KEYLEDGER_JAR and
# TOKEN_NODE_JAR run other builds (an A/B comparison).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/bench-clients.sh
source scripts/lib/bench-clients.sh
ROUNDS=${1:-3}
TOKEN_SECONDS=${2:-15}
GET_SECONDS=${3:-5}
MILLION_DIR=${MILLION_DIR:-/tmp/keyledger-million}
STORES=${STORES:-"1000 1000000"} # clients in each store, measured in this order every round
PORT=${PORT:-19631}
ADMIN_ID=bootstrap-admin
ADMIN_SECRET=test-bootstrap-secret-0123456789abcdefghijklmnop # the benchmark stores' (RunningKeyledger's)
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)
fi
export JAVA_HOME
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd

pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; true; }
trap cleanup EXIT

echo "# $(date -u +%FT%TZ) JDK: $("$JAVA" -version 2>&1 | head -1); nproc=$(nproc); stores under $MILLION_DIR"
for n in $STORES; do
  scripts/bench MillionClientsStore "$MILLION_DIR/store-$n" "$n" 10000 2>&1 | grep -E '^(already built|[0-9]+ (events|s:))' || true
done
[ -n "${SKIP_PACKAGE:-}" ] || mvn -q -B -DskipTests -pl standalone -am package >/dev/null
KEYLEDGER_JAR=${KEYLEDGER_JAR:-standalone/target/keyledger.jar}
TOKEN_NODE_JAR=${TOKEN_NODE_JAR:-$(ls token-endpoint/target/token-endpoint-*-service.jar | head -1)}

now_ms() { date +%s%3N; }
# CPU seconds a process has used: its start's cost, which other work on the machine does not inflate as it does the
# wall-clock time.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; }

measure() { # store-folder clients
  local store=$1 clients=$2 started ready ready_cpu first heap entries admin hot t line out
  started=$(now_ms)
  "$JAVA" ${JVM_OPTS:-} -jar "$KEYLEDGER_JAR" --server.port=$PORT --management.server.port=$((PORT + 100)) \
    --keyledger.data-dir="$store" --keyledger.bootstrap.client-id=$ADMIN_ID \
    --keyledger.bootstrap.client-secret=$ADMIN_SECRET --logging.level.root=WARN > "$store.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((PORT + 100))/actuator/health/readiness")" = 200 ]; do
    kill -0 $pid 2>/dev/null || { echo "the service ended; see $store.log" >&2; exit 1; }
    sleep 0.1
  done
  ready=$(( $(now_ms) - started )) ready_cpu=$(cpu_s $pid)
  admin=$(token_of "http://127.0.0.1:$PORT/oauth2/token" $ADMIN_ID $ADMIN_SECRET)
  first=$(( $(now_ms) - started ))
  "$JCMD" $pid GC.run >/dev/null
  heap=$("$JCMD" $pid GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  entries=$("$JCMD" $pid GC.class_histogram | awk '/authentication.ClientAuthEntry$/ {print $2}')
  echo "$clients clients: ready ${ready} ms, ${ready_cpu} s of CPU (first token ${first} ms), heap after full GC $((heap / 1024)) MiB" \
    "(ClientAuthEntry instances: ${entries:-?}); load:$(uptime | sed 's/.*load average://')"

  read -r bench_id bench_secret <<< "$(bench_client "http://127.0.0.1:$PORT" "$admin")"
  token_of "http://127.0.0.1:$PORT/oauth2/token" "$bench_id" "$bench_secret" >/dev/null
  pg=$(pgrep -f "postgres -D $store/postgres" | head -1 || true)
  out=$(SERVER_PID=$pid EXTRA_PIDS="$pg" WARMUP=10 RUNS=1 /work/shared/peers/bench.sh \
    "http://127.0.0.1:$PORT/oauth2/token" "$bench_id" "$bench_secret" "$TOKEN_SECONDS" 16 2>&1)
  echo "$clients clients: token c=16 $(grep '^MEDIAN' <<<"$out" | sed 's/^MEDIAN //')"

  hot=$(grep long-history-client= "$store/store.properties" | cut -d= -f2)
  t=$(python3 -c 'import datetime; print(datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))')
  for path in "/api/v1/clients?page=0&size=20" "/api/v1/clients?page=20&size=50" "/api/v1/clients?page=2000&size=200" \
    "/api/v1/clients?role=svc-ledger" "/api/v1/clients?status=DISABLED" "/api/v1/clients?q=0004711" \
    "/api/v1/clients?q=ledger-orders" "/api/v1/clients?q=LEDGER-ORDERS-JOB&status=ACTIVE" \
    "/api/v1/clients/$hot" "/api/v1/clients/$hot?asOf=$t"; do
    wrk -t1 -c1 -d1s -s scripts/lib/admin-get.lua "http://127.0.0.1:$PORT$path" -- "$admin" >/dev/null
    line=$(wrk -t1 -c1 -d"${GET_SECONDS}"s -s scripts/lib/admin-get.lua "http://127.0.0.1:$PORT$path" -- "$admin" \
      | grep -E '^(RESULT|FIRST_NON200)' | tr '\n' ' ')
    echo "$clients clients: GET ${path/$hot/<long-history>} $line"
  done
  token_node "$store" "$clients"
  kill $pid; wait $pid 2>/dev/null || true; pid=
}

# The token-endpoint module's own jar, as scripts/topology starts it (-Xmx512m), on the running standalone's
# PostgreSQL: its time to ready and its heap after a full GC, the client auth view being nearly all of it.
token_node() { # store-folder clients
  local store=$1 clients=$2 started ready ready_cpu heap pg_port node
  pg_port=$(ps -eo args | grep "postgres -D $store/postgres" | grep -v grep | grep -oE -- '-p [0-9]+' | head -1 | cut -d' ' -f2)
  started=$(now_ms)
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATASOURCE_PASSWORD="$(cat "$store/postgres-password")" KEYLEDGER_ISSUER="http://127.0.0.1:$PORT" \
    KEYLEDGER_KEY_ENCRYPTION_KEY="$(cat "$store/key-encryption-key")" KEYLEDGER_DATA_DIR="$store-token-node" \
    SERVER_PORT=$((PORT + 1)) MANAGEMENT_SERVER_PORT=$((PORT + 101)) \
    "$JAVA" -Xms128m -Xmx512m -jar "$TOKEN_NODE_JAR" --logging.level.root=WARN \
    > "$store-token-node.log" 2>&1 &
  node=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((PORT + 101))/actuator/health/readiness")" = 200 ]; do
    kill -0 $node 2>/dev/null || { echo "$clients clients: the token node ended; see $store-token-node.log"; return; }
    sleep 0.1
  done
  ready=$(( $(now_ms) - started )) ready_cpu=$(cpu_s $node)
  "$JCMD" $node GC.run >/dev/null
  heap=$("$JCMD" $node GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  echo "$clients clients: token-endpoint jar (-Xmx512m) ready ${ready} ms, ${ready_cpu} s of CPU, heap after full GC $((heap / 1024)) MiB;" \
    "load:$(uptime | sed 's/.*load average://')"
  kill $node; wait $node 2>/dev/null || true
}

for round in $(seq 1 "$ROUNDS"); do
  echo "# round $round"
  for n in $STORES; do measure "$MILLION_DIR/store-$n" "$n"; done
done
