#!/usr/bin/env bash
# Tokens/s by client credential, side by side in one run against one standalone Keyledger (embedded PostgreSQL):
# a client secret (client_secret_basic), a private_key_jwt assertion (ES256, each with its own jti, pre-minted),
# and a workload's own token from a federated issuer (RS256, a static JWK Set file, presented again and again).
# The three are interleaved per connection count, with wrk.
#
#   scripts/token-bench-credentials.sh [DURATION_S=15] [CONNECTIONS="16"]
#
# Needs wrk, python3 with cryptography, and the peers folder for token.lua (PEERS_DIR, default ../shared/peers).
# Ports: KL_PORT (default 19111). Prints one RESULT line per credential and connection count, then a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=lib/bench-clients.sh
source scripts/lib/bench-clients.sh
DURATION=${1:-15}
CONNECTIONS=${2:-"16"}
PEERS_DIR=${PEERS_DIR:-$ROOT/../shared/peers}
KL_PORT=${KL_PORT:-19111}
WORK=$(mktemp -d /tmp/keyledger-credential-bench.XXXXXX)
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
export JAVA_HOME
BASE="http://127.0.0.1:$KL_PORT"
ISSUER="https://bench-issuer.keyledger.test"
SUBJECT="system:serviceaccount:bench:worker"
AUDIENCE="https://keyledger.bench"
MINT="python3 scripts/lib/mint-assertions.py"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "# $(date -u +%FT%TZ) JDK: $("$JAVA" -version 2>&1 | head -1); nproc=$(nproc); work dir $WORK"
mvn -q -B -DskipTests package -pl standalone -am >/dev/null
$MINT keys "$WORK"

secret=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 43)
"$JAVA" -jar standalone/target/keyledger.jar --server.port=$KL_PORT --management.server.port=0 \
  --keyledger.data-dir="$WORK/keyledger-data" \
  --keyledger.bootstrap.client-id=bench-admin --keyledger.bootstrap.client-secret="$secret" \
  --keyledger.federation.issuers="$ISSUER=file:$WORK/issuer-jwks.json" \
  --logging.level.root=WARN > "$WORK/keyledger.log" 2>&1 &
pids+=($!)

admin=$(token_of "$BASE/oauth2/token" bench-admin "$secret")
read -r kl_id kl_secret <<< "$(bench_client "$BASE" "$admin")"
api() { curl -s -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -X POST "$BASE$1" -d "$2"; }
api "/api/v1/clients/$kl_id/keys" "{\"jwk\": $(cat "$WORK/client-jwk.json")}" > /dev/null
api "/api/v1/clients/$kl_id/federated-credentials" \
  "{\"issuer\": \"$ISSUER\", \"subject\": \"$SUBJECT\", \"audiences\": [\"$AUDIENCE\"]}" > /dev/null
token_of "$BASE/oauth2/token" "$kl_id" "$kl_secret" >/dev/null
$MINT workload "$WORK" "$ISSUER" "$SUBJECT" "$AUDIENCE" "$kl_id" 3600 > "$WORK/workload.body"
for _ in $(seq 1 40); do
  curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-binary @"$WORK/workload.body" "$BASE/oauth2/token" | grep -q 200 && break
  sleep 0.25
done
# The assertion's audience is the issuer the server names itself (its default: http://localhost:PORT).
AUD_PKJWT=$(curl -s "$BASE/.well-known/oauth-authorization-server" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["token_endpoint"])')

run() { # credential connections seconds -> RESULT line
  local pool
  case $1 in
    secret) wrk -t1 -c"$2" -d"$3"s -s "$PEERS_DIR/token.lua" "$BASE/oauth2/token" -- "$kl_id" "$kl_secret" "read write" ;;
    private_key_jwt)
      # Minted just before the run (they live 5 minutes), more than the run can send.
      pool=$(( 4000 * $3 + 1000 ))
      $MINT private-key-jwt "$WORK" "$kl_id" "$AUD_PKJWT" "$pool" 280 > "$WORK/assertions.body"
      wrk -t1 -c"$2" -d"$3"s -s scripts/lib/token-bodies.lua "$BASE/oauth2/token" -- "$WORK/assertions.body" ;;
    federated) wrk -t1 -c"$2" -d"$3"s -s scripts/lib/token-bodies.lua "$BASE/oauth2/token" -- "$WORK/workload.body" ;;
  esac | grep '^RESULT\|^FIRST_NON2XX'
}

# Warm-up: the JIT competes with the server for a while on 2 cores.
for credential in secret private_key_jwt federated; do run $credential 16 "${INITIAL_WARMUP:-20}" > /dev/null; done

summary=()
for c in $CONNECTIONS; do
  for credential in secret private_key_jwt federated; do
    line=$(run $credential "$c" "$DURATION")
    echo "$credential c=$c $line"
    summary+=("$credential c=$c $(head -1 <<<"$line" | sed 's/^RESULT //')")
  done
done

echo
echo "# summary (JDK $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2), nproc=$(nproc))"
printf '%s\n' "${summary[@]}" | awk '
  { s = $1; c = $2; for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    rps[s, c] = v["rps"]; cs[c] = 1
    printf "%-16s %-5s tokens/s=%8.0f p50_ms=%6.2f p99_ms=%6.2f non200=%s\n", s, c, v["rps"], v["p50_ms"], v["p99_ms"], v["non200"] }
  END { for (c in cs) if (rps["secret", c] > 0) printf "ratio %-5s private_key_jwt/secret = %.2f, federated/secret = %.2f\n",
          c, rps["private_key_jwt", c] / rps["secret", c], rps["federated", c] / rps["secret", c] }'
