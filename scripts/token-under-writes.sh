#!/usr/bin/env bash
# Token issuance while operators write (issue 17): wrk against POST /oauth2/token with no writes, then while open-loop
# admin writers (scripts/lib/AdminWriters.java: register -> rotate -> change-details, one command every 1/RATE s by
# the clock) run at each rate; and the writes alone at each rate, for the CPU one command costs the server and its
# PostgreSQL. With two jars (A/B) both are started side by side and every phase alternates between them, so both see
# the same host noise. Each server has one writers process for the whole run, warmed up with it, as an operator's
# batch job is a long-running process: its CPU shares the cores with wrk and the server, and every writes line
# states it (writer_cpu_ms_per_cmd).
#
#   scripts/token-under-writes.sh A.jar [B.jar] [SECONDS=15] [RATES="50 100 200"] [CONNECTIONS=16]
#
# A rate written cN (for example "c4 100 200") runs N closed-loop writers instead, each sending its next command as
# soon as the previous one is answered, as issue 17 measured the build before it: the writes then go as fast as the
# server lets them, and the CPU per command is the server's at that rate.
#
# Environment: A_OPTS, B_OPTS (JVM options), WARMUP (seconds of tokens and writes per server first, default 120: the
# JIT keeps compiling the write path for minutes), PEERS_DIR (wrk's token.lua and bench.sh), BASE_PORT
# (A listens on it + 1, B on it + 2; default 27100).
# Lines, per rate: ALONE (writes alone: cpu_ms_per_cmd of the server and of PostgreSQL, postmaster and backends),
# QUIET (tokens alone), UNDER (tokens while writers run at RATE, with its share of the QUIET figure just before it,
# then the writers' own line). The per-command CPU includes the idle JVM's own background work over the run (IDLE
# line: ms of CPU per second with nothing to do).
set -euo pipefail
if [ $# -lt 1 ]; then sed -n '2,/^set -e/p' "$0" | grep '^#'; exit 2; fi
jars=(A) ; declare -A jar=([A]=$(realpath "$1"))
if [ $# -ge 2 ] && [ -f "$2" ]; then jar[B]=$(realpath "$2"); jars+=(B); shift; fi
shift
cd "$(dirname "$0")/.."
# shellcheck source=lib/bench-clients.sh
source scripts/lib/bench-clients.sh
# shellcheck source=lib/process-cpu.sh
source scripts/lib/process-cpu.sh
DURATION=${1:-15} RATES=${2:-"50 100 200"} CONNECTIONS=${3:-16}
PEERS_DIR=${PEERS_DIR:-$(pwd)/../shared/peers}
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d /tmp/keyledger-token-under-writes.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$WORK/writers" scripts/lib/AdminWriters.java
base_port=${BASE_PORT:-27100} hz=$(getconf CLK_TCK)
declare -A pid pg url id secret admin writer phases writes quiet_rps port=([A]=$((base_port + 1)) [B]=$((base_port + 2)))
declare -A opts=([A]="${A_OPTS:-}" [B]="${B_OPTS:-}")

start() { # A|B
  local admin_secret
  url[$1]="http://127.0.0.1:${port[$1]}"
  admin_secret=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 43)
  # shellcheck disable=SC2086 # the options are a list of words
  "$JAVA" ${opts[$1]} -jar "${jar[$1]}" --server.port="${port[$1]}" --management.server.port=0 \
    --keyledger.data-dir="$WORK/$1" --keyledger.bootstrap.client-id=bench-admin \
    --keyledger.bootstrap.client-secret="$admin_secret" --logging.level.root=WARN > "$WORK/$1.log" 2>&1 &
  pids+=($!); pid[$1]=$!
  admin[$1]=$(token_of "${url[$1]}/oauth2/token" bench-admin "$admin_secret")
  read -r "id[$1]" "secret[$1]" <<< "$(bench_client "${url[$1]}" "${admin[$1]}")"
  pg[$1]=$(head -1 "$(find "$WORK/$1" -name postmaster.pid | head -1)")
  start_writers "$1"
}

start_writers() { # A|B: the writers' process, fed a phase per line through one pipe, answering through another
  local to from
  mkfifo "$WORK/$1.phases" "$WORK/$1.writes"
  "$JAVA" -cp "$WORK/writers" AdminWriters "${url[$1]}" "${admin[$1]}" < "$WORK/$1.phases" > "$WORK/$1.writes" &
  pids+=($!); writer[$1]=$!
  exec {to}> "$WORK/$1.phases" {from}< "$WORK/$1.writes"
  phases[$1]=$to writes[$1]=$from
}

# CPU ticks of the server JVM; of PostgreSQL: the postmaster, its live backends and the ones already gone.
server_ticks() { process_ticks "${pid[$1]}"; }
pg_ticks() { postgres_ticks "${pg[$1]}"; }
all_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
busy() { # ticks0 nanos0 -> % of all cores busy since then, everyone's work included
  awk -v t=$(( $(all_ticks) - $1 )) -v e=$(( $(date +%s%N) - $2 )) -v hz="$hz" -v n="$(nproc)" \
    'BEGIN { printf "%.0f", t * 100 / (e / 1e9 * hz * n) }'
}
ms() { awk -v t="$1" -v hz="$hz" -v n="$2" 'BEGIN { printf "%.3f", (n > 0) ? t * 1000 / hz / n : 0 }'; }

tokens() { # A|B seconds -> wrk's RESULT line
  wrk -t1 -c"$CONNECTIONS" -d"$2"s --timeout 10s -s "$PEERS_DIR/token.lua" "${url[$1]}/oauth2/token" \
    -- "${id[$1]}" "${secret[$1]}" "read write" | grep '^RESULT' | sed 's/^RESULT //'
}
writers() { # A|B rate seconds -> the writers' WRITES line, with the writers' own CPU per command
  local w0 line
  w0=$(process_ticks "${writer[$1]}")
  echo "$2 $3" >&"${phases[$1]}"
  read -r line <&"${writes[$1]}"
  line=${line#WRITES }
  echo "$line writer_cpu_ms_per_cmd=$(ms $(( $(process_ticks "${writer[$1]}") - w0 )) "$(sent "$line")")"
}
requests() { sed -E 's/.*requests=([0-9]+).*/\1/' <<< "$1"; }
rps() { sed -E 's/.*rps=([0-9.]+).*/\1/' <<< "$1"; }
sent() { sed -E 's/.*sent=([0-9]+).*/\1/' <<< "$1"; }

quiet() { # A|B
  local s0 p0 a0 e0 line
  s0=$(server_ticks "$1") p0=$(pg_ticks "$1") a0=$(all_ticks) e0=$(date +%s%N)
  line=$(tokens "$1" "$DURATION")
  quiet_rps[$1]=$(rps "$line")
  echo "QUIET $1 $line srv_cpu_ms_per_token=$(ms $(( $(server_ticks "$1") - s0 )) "$(requests "$line")")" \
    "pg_cpu_ms_per_token=$(ms $(( $(pg_ticks "$1") - p0 )) "$(requests "$line")")" \
    "machine_busy_pct=$(busy "$a0" "$e0")"
}
under() { # A|B rate
  local w line
  writers "$1" "$2" $((DURATION + 2)) > "$WORK/under.$1" &
  w=$!
  sleep 1
  line=$(tokens "$1" "$DURATION")
  wait "$w"
  echo "UNDER $1 rate=$2 $line share_of_quiet_pct=$(awk -v u="$(rps "$line")" -v q="${quiet_rps[$1]}" \
    'BEGIN { printf "%.0f", 100 * u / q }')"
  echo "  writes $1 rate=$2 $(cat "$WORK/under.$1")"
}
alone() { # A|B rate
  local s0 p0 a0 e0 line n
  s0=$(server_ticks "$1") p0=$(pg_ticks "$1") a0=$(all_ticks) e0=$(date +%s%N)
  line=$(writers "$1" "$2" "$DURATION")
  n=$(sent "$line")
  echo "ALONE $1 rate=$2 $line srv_cpu_ms_per_cmd=$(ms $(( $(server_ticks "$1") - s0 )) "$n")" \
    "pg_cpu_ms_per_cmd=$(ms $(( $(pg_ticks "$1") - p0 )) "$n")" \
    "machine_busy_pct=$(busy "$a0" "$e0")"
}

echo "# $(date -u +%FT%TZ) JDK: $("$JAVA" -version 2>&1 | head -1); nproc=$(nproc); load:$(uptime | sed 's/.*load average://')"
for s in "${jars[@]}"; do echo "# $s=${jar[$s]} ${opts[$s]}"; done
for s in "${jars[@]}"; do start "$s"; done
for s in "${jars[@]}"; do # the JIT warms both paths: tokens and writes together, as measured later
  writers "$s" 50 "${WARMUP:-120}" > /dev/null &
  w=$!
  tokens "$s" "${WARMUP:-120}" > /dev/null
  wait "$w"
done
for s in "${jars[@]}"; do
  s0=$(server_ticks "$s") p0=$(pg_ticks "$s"); sleep 5
  echo "IDLE $s srv_cpu_ms_per_s=$(ms $(( $(server_ticks "$s") - s0 )) 5) pg_cpu_ms_per_s=$(ms $(( $(pg_ticks "$s") - p0 )) 5)"
done
for rate in $RATES; do
  for s in "${jars[@]}"; do alone "$s" "$rate"; done
  for s in "${jars[@]}"; do quiet "$s"; done
  for s in "${jars[@]}"; do under "$s" "$rate"; done
done
echo "# load after:$(uptime | sed 's/.*load average://')"
