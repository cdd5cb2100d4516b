#!/usr/bin/env bash
# Bulk protection through a running server, as customers run it: `rampart protect` and
# `rampart unprotect` stream a CSV of card numbers (formatted, last four kept as the FF1 tweak)
# through /v1/protect and /v1/unprotect on a release `rampart serve` with a throwaway data
# directory, and print rows, values and values/s for each direction beside the file size.
#   scripts/protect-bench.sh [ROWS] [BATCH]     (defaults: 200000 rows, 10000 values a request)
#   RAMPART_BENCH_NO_BUILD=1 skips the release build (binary already in .build/release).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
batch=${2:-10000}

[ -n "${RAMPART_BENCH_NO_BUILD:-}" ] || swift build -c release --product rampart
bin=.build/release/rampart
data=$(mktemp -d /tmp/rampart-protect-bench.XXXXXX)
port=${RAMPART_BENCH_PORT:-18490}
base="http://127.0.0.1:$port"
root="bench-root-pass-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
RAMPART_BOOTSTRAP_PASSWORD="$root" "$bin" serve --data-dir "$data" --port "$port" >"$data/server.log" 2>&1 &
server=$!
stop() { status=$?; kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; [ "$status" = 0 ] || tail -20 "$data/server.log" >&2; rm -rf "$data"; }
trap stop EXIT
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
post() { curl -fsS "$base$1" -H 'content-type: application/json' ${3:+-H "authorization: Bearer $3"} -d "$2"; }
operator=$(post /v1/auth/login "{\"username\":\"operator\",\"password\":\"$root\"}" | json token)
post /v1/tenants '{"slug":"acme","displayName":"Acme","admin":{"username":"alice","password":"bench-admin-pass-1"}}' "$operator" >/dev/null
alice=$(post /v1/auth/login '{"tenant":"acme","username":"alice","password":"bench-admin-pass-1"}' | json token)
post /v1/users '{"username":"kim","password":"bench-security-pass-1","roles":["security-admin"]}' "$alice" >/dev/null
kim=$(post /v1/auth/login '{"tenant":"acme","username":"kim","password":"bench-security-pass-1"}' | json token)
post /v1/encryption-schemes '{"name":"cards","algorithm":"ff1","keepLast":4,"tweak":"kept"}' "$kim" >/dev/null
post /v1/policies '{"service":"rampart-encryption","name":"kim","resources":{"scheme":{"values":["cards"]}},
  "policyItems":[{"users":["kim"],"accesses":[{"type":"protect","isAllowed":true},{"type":"unprotect","isAllowed":true}]}]}' "$kim" >/dev/null
key=$(post /v1/api-keys '{"name":"bench","roles":["security-admin"]}' "$kim" | json token)

python3 - "$rows" "$data/in.csv" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(2026)
with open(path, "w") as out:
    out.write("id,card,customer\n")
    for i in range(rows):
        d = "".join(rng.choice("0123456789") for _ in range(16))
        out.write(f"{i},{d[0:4]}-{d[4:8]}-{d[8:12]}-{d[12:16]},customer {i}\n")
PY
size=$(du -h "$data/in.csv" | cut -f1)
echo "protect-bench: $rows rows ($size), one card column, batches of $batch, FF1 digits keepLast 4 tweak kept, SQLite, one server"
for step in "protect in.csv out.csv" "unprotect out.csv back.csv"; do
    read -r verb from to <<<"$step"
    start=$(date +%s.%N)
    RAMPART_API_KEY="$key" "$bin" "$verb" --server "$base" --scheme cards --column card --batch "$batch" \
        --input "$data/$from" --output "$data/$to" --quiet
    end=$(date +%s.%N)
    python3 -c "import sys; r=int(sys.argv[1]); s=float(sys.argv[3])-float(sys.argv[2]); print(f'{sys.argv[4]:>9}: {r} values in {s:.2f} s = {r/s:,.0f} values/s')" "$rows" "$start" "$end" "$verb"
done
cmp -s "$data/in.csv" "$data/back.csv" && echo "protect-bench: back.csv is byte-identical to in.csv" || { echo "protect-bench: round trip differs" >&2; exit 1; }
