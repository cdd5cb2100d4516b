#!/usr/bin/env bash
# The console's list pages at scale: a release `rampart serve` on a throwaway data directory,
# a tenant with 10,000 policies imported over HTTP, then (server stopped) 100,000 users in
# 50,000 groups and 1,000,000 audit records written into its SQLite file by ConsoleListBench,
# then the server again and Benchmarks/ConsoleListBench/measure.py timing page 1 and page 100 of
# every list, in the console and in the API.
#   scripts/console-bench.sh [users groups audit-records policies pages repeats]
#   RAMPART_BENCH_NO_BUILD=1 skips the release builds.
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-100000} groups=${2:-50000} audit=${3:-1000000} policies=${4:-10000} pages=${5:-100} repeats=${6:-40}

[ -n "${RAMPART_BENCH_NO_BUILD:-}" ] || swift build -c release --product rampart
[ -n "${RAMPART_BENCH_NO_BUILD:-}" ] || swift build -c release --product ConsoleListBench

data=$(mktemp -d /tmp/rampart-console-bench.XXXXXX)
port=${RAMPART_BENCH_PORT:-18481}
base="http://127.0.0.1:$port"
password="bench-root-pass-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
admin_password="bench-owner-pass-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
server=""
start_server() {
    RAMPART_BOOTSTRAP_PASSWORD="$password" .build/release/rampart serve --data-dir "$data" --port "$port" >>"$data/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 200); do
        curl -fs "$base/readyz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "console-bench: the server did not become ready" >&2
    return 1
}
stop_server() { [ -z "$server" ] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; }; }
finish() { status=$?; stop_server; [ "$status" = 0 ] || tail -20 "$data/server.log" >&2; rm -rf "$data"; }
trap finish EXIT

start_server
python3 Benchmarks/ConsoleListBench/measure.py setup "$base" "$password" bench "$admin_password" "$policies"
stop_server
.build/release/ConsoleListBench "$data/rampart.sqlite" bench "$users" "$groups" "$audit"
echo "console-bench: $users users in $groups groups (1-3 each), $policies policies, $audit audit records; SQLite $(du -sh "$data/rampart.sqlite" | cut -f1)"
start_server
python3 Benchmarks/ConsoleListBench/measure.py measure "$base" bench "$admin_password" "$pages" "$repeats"
