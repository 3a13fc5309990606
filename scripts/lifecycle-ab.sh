#!/usr/bin/env bash
# LifecycleBenchmark of two build trees (or one tree with two sets of JVM options) side by side, runs alternating,
# so that both see the same host noise: the way to tell whether a change costs the write path anything.
#
#   scripts/lifecycle-ab.sh TREE_A TREE_B [ROUNDS=3] [WORKERS=8] [LIFECYCLES=200] [WARMUP_SECONDS=120]
#
# Each run warms its service up with the same workers first (the JIT compiles the write path for minutes; a run that
# starts cold measures the compiler and slow code, four times the steady state's CPU per command).
#
# A tree is a checkout whose standalone test classes and target/bench.classpath are built:
#   mvn -q -B -o -pl standalone -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# (an older commit: `git archive <commit> | tar x -C DIR`, copy this commit's LifecycleBenchmark.java and
# ProcessCpu.java into it, then the same command). Environment: A_OPTS, B_OPTS (JVM options of each side, for example
# -Dbench.append-digest=off or -Dkeyledger.audit.checkpoint-interval=PT1S). Prints one line per run: rate, p50/p99 of
# all commands, and the CPU per command of the JVM and of PostgreSQL.
set -euo pipefail
if [ $# -lt 2 ]; then sed -n '2,/^set -e/p' "$0" | grep '^#'; exit 2; fi
A_TREE=$(realpath "$1") B_TREE=$(realpath "$2")
ROUNDS=${3:-3} WORKERS=${4:-8} LIFECYCLES=${5:-200} WARMUP_SECONDS=${6:-120}
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
declare -A tree=([A]=$A_TREE [B]=$B_TREE) opts=([A]=${A_OPTS:-} [B]=${B_OPTS:-})
echo "# $(date -u +%FT%TZ) JDK: $("$JAVA" -version 2>&1 | head -1); A=$A_TREE ${A_OPTS:-}; B=$B_TREE ${B_OPTS:-}"
for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    cd "${tree[$side]}"
    # shellcheck disable=SC2086 # the options are a list of words
    out=$("$JAVA" ${opts[$side]} -cp "standalone/target/test-classes:standalone/target/classes:$(cat standalone/target/bench.classpath)" \
      dev.keyledger.standalone.BenchmarkLauncher dev.keyledger.standalone.LifecycleBenchmark "$WORKERS" "$LIFECYCLES" \
      "$WARMUP_SECONDS" 2>&1)
    rate=$(grep -oP '[0-9]+(?= commands/s)' <<< "$out")
    all=$(grep -P '^ALL\s' <<< "$out" | awk '{print "p50_ms=" $3 " p99_ms=" $5}')
    cpu=$(grep -oP 'JVM \(service and client\) \K[0-9.]+ ms, PostgreSQL [0-9.]+' <<< "$out" | awk '{print "jvm_cpu_ms_per_command=" $1 " pg_cpu_ms_per_command=" $4}')
    echo "$side round=$round commands_per_s=$rate $all $cpu load=$(cut -d' ' -f1 /proc/loadavg)"
  done
done
