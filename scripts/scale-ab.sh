#!/usr/bin/env bash
# Issue 16's paths of two build trees side by side, runs alternating so both see the same host noise: the write path
# (scripts/lifecycle-ab.sh), replay, audit export, the Kafka publisher; and, given two jars, issue 17's tokens while
# operators write (scripts/token-under-writes.sh).
#
#   scripts/scale-ab.sh TREE_A TREE_B [ROUNDS=3]
#
# A tree is a checkout built with
#   mvn -q -B -pl standalone -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# (an older commit: `git archive <commit> | tar x -C DIR`, then copy this commit's AuditExportBenchmark,
# KafkaPublishBenchmark, ReplayBenchmark, LifecycleBenchmark, SyntheticEvents, Eventually and ProcessCpu test sources
# into it first). Environment: PHASES (default "lifecycle replay export kafka under"); UNDER_A_JAR (default TREE_A's
# jar) for the token phase, whose base may be another commit than the other phases'.
set -euo pipefail
if [ $# -lt 2 ]; then sed -n '2,/^set -e/p' "$0" | grep '^#'; exit 2; fi
declare -A tree=([A]=$(realpath "$1") [B]=$(realpath "$2"))
ROUNDS=${3:-3}
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
STORE=$(mktemp -d /tmp/keyledger-scale-ab.XXXXXX)
trap 'rm -rf "$STORE"' EXIT

bench() { # side class args...
  local side=$1 class=$2; shift 2
  (cd "${tree[$side]}" && "$JAVA" -cp "standalone/target/test-classes:standalone/target/classes:$(cat standalone/target/bench.classpath)" \
    dev.keyledger.standalone.BenchmarkLauncher "dev.keyledger.standalone.$class" "$@" 2>&1 |
    grep -E 'events/s|entries|lines/s|^ack|^operation|^\([a-d]\)' || true)
}
stamp() { echo "=== $(date -u +%T) load=$(cut -d' ' -f1-3 /proc/loadavg) $*"; }

for phase in ${PHASES:-lifecycle replay export kafka under}; do
  case $phase in
    lifecycle) stamp lifecycle; scripts/lifecycle-ab.sh "${tree[A]}" "${tree[B]}" "$ROUNDS" ;;
    replay | export | kafka)
      for round in $(seq 1 "$ROUNDS"); do
        for side in A B; do
          stamp "$phase $side round $round"
          case $phase in
            replay) bench "$side" ReplayBenchmark 50000 ;;
            # One store for both sides, filled by the first run: both export the same events.
            export) bench "$side" AuditExportBenchmark 200000 "$STORE/export" 3 ;;
            kafka) bench "$side" KafkaPublishBenchmark 500 20000 ;;
          esac
        done
      done ;;
    under)
      stamp under
      scripts/token-under-writes.sh "${UNDER_A_JAR:-${tree[A]}/standalone/target/keyledger.jar}" \
        "${tree[B]}/standalone/target/keyledger.jar" 15 "50 100 200" ;;
    *) echo "unknown phase: $phase" >&2; exit 2 ;;
  esac
done
stamp done
