#!/usr/bin/env bash
# HTTP batch-decision benchmark: builds release binaries, starts `rampart serve` on a throwaway
# data directory, runs HTTPDecisionBench against it, and stops the server.
#   scripts/http-bench.sh [HTTPDecisionBench arguments, e.g. --policies 1000,10000 --connections 4 --seconds 10]
#   RAMPART_BENCH_NO_BUILD=1 skips the release builds (binaries already in .build/release).
#   RAMPART_BENCH_SERVE_ARGS="--audit-durability process" passes flags to `rampart serve`.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -n "${RAMPART_BENCH_NO_BUILD:-}" ] || swift build -c release --product rampart
[ -n "${RAMPART_BENCH_NO_BUILD:-}" ] || swift build -c release --product HTTPDecisionBench

data=$(mktemp -d /tmp/rampart-bench.XXXXXX)
port=${RAMPART_BENCH_PORT:-18480}
password="bench-root-pass-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
# shellcheck disable=SC2086 # the flags are words on purpose
RAMPART_BOOTSTRAP_PASSWORD="$password" .build/release/rampart serve --data-dir "$data" --port "$port" ${RAMPART_BENCH_SERVE_ARGS:-} >"$data/server.log" 2>&1 &
server=$!
stop() { status=$?; kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; [ "$status" = 0 ] || tail -20 "$data/server.log" >&2; rm -rf "$data"; }
trap stop EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
.build/release/HTTPDecisionBench --url "http://127.0.0.1:$port" --password "$password" "$@"
