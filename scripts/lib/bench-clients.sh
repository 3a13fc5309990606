# Clients for the token benchmarks (scripts/token-bench.sh, token-ab.sh, topology-token-bench.sh); sourced, not run.

token_of() { # token-url id secret -> an access token, asked again while the server starts or its views catch up
  local t
  for _ in $(seq 1 240); do
    t=$(curl -s -u "$2:$3" -d grant_type=client_credentials "$1" \
      | python3 -c 'import sys,json; print(json.load(sys.stdin).get("access_token",""))' 2>/dev/null || true)
    [ -n "$t" ] && { echo "$t"; return; }
    sleep 0.25
  done
  echo "no token from $1" >&2; exit 1
}

bench_client() { # base-url admin-token -> "id secret" of a new client with role bench (read, write), 300 s tokens
  local reg
  curl -s -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -X POST "$1/api/v1/roles" \
    -d '{"name":"bench","permissions":["read","write"]}' > /dev/null
  reg=$(curl -s -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -X POST "$1/api/v1/clients" \
    -d '{"name":"bench-client","roles":["bench"],"accessTokenTtlSeconds":300}')
  python3 -c 'import sys,json; r = json.loads(sys.argv[1]); print(r["clientId"], r["clientSecret"])' "$reg"
}
