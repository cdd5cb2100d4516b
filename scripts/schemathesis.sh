#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Checks that /openapi.json describes what the server does: schemathesis (pinned, PyPI) runs every
# check against a running server with a tenant-admin API key, a bounded number of examples per
# operation and deterministic generation, and must report 0 failures. Run by .ci/run after the tests.
#
# The server and schemathesis run in a network namespace of their own with only loopback: the
# fuzzer creates datasources, webhooks and identity providers with made-up hosts, and the server
# must not connect anywhere but this machine while it follows them.
#
#   scripts/schemathesis.sh                       # builds the debug binary if needed
#   RAMPART_BIN=path/to/rampart SCHEMATHESIS_EXAMPLES=25 scripts/schemathesis.sh
#   SCHEMATHESIS_SPEC=Sources/RampartServer/Resources/openapi.json scripts/schemathesis.sh   # a document not yet built in
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
version=4.32.5
examples=${SCHEMATHESIS_EXAMPLES:-12}
# CI runs the deterministic generation (the same cases every run); a seed explores other cases.
if [[ -n "${SCHEMATHESIS_SEED:-}" ]]; then generation=(--seed "$SCHEMATHESIS_SEED"); else generation=(--generation-deterministic); fi

venv=.venv-schemathesis
if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$version"; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi
if [[ -z "${RAMPART_BIN:-}" ]]; then
    swift build --product rampart >/dev/null
    RAMPART_BIN="$(swift build --show-bin-path)/rampart"
fi
export RAMPART_BIN
if [[ "${RAMPART_SCHEMATHESIS_NETNS:-}" != inside ]]; then
    # Everything below runs again inside a new network namespace (root, or unprivileged user
    # namespaces, is needed; CI runs as root).
    export RAMPART_SCHEMATHESIS_NETNS=inside
    exec unshare --net bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
work=$(mktemp -d /tmp/rampart-schemathesis.XXXXXX)
port=$((20000 + RANDOM % 12000))
base="http://127.0.0.1:$port"
export RAMPART_MASTER_KEY; RAMPART_MASTER_KEY=$(head -c 32 /dev/urandom | base64)
export RAMPART_BOOTSTRAP_PASSWORD="schemathesis-bootstrap-$(head -c 6 /dev/urandom | base64 | tr -d '/+=')"
unset RAMPART_DATABASE_URL
server=""
cleanup() {
    if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server"; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "schemathesis: FAILED: $*" >&2
    [[ -f "$work/server.log" ]] && tail -n 20 "$work/server.log" >&2
    exit 1
}

"$RAMPART_BIN" serve --data-dir "$work/data" --port "$port" --log-level warning >>"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
    curl -fsS "$base/readyz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || fail "the server exited at start"
    sleep 0.2
done

json() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
post() { curl -fsS "$base$1" -H 'content-type: application/json' ${3:+-H "authorization: Bearer $3"} -d "$2"; }
operator=$(post /v1/auth/login "{\"username\":\"operator\",\"password\":\"$RAMPART_BOOTSTRAP_PASSWORD\"}" | json token)
admin_password="schemathesis-admin-$(head -c 6 /dev/urandom | base64 | tr -d '/+=')"
post /v1/tenants "{\"slug\":\"acme\",\"displayName\":\"Acme\",\"admin\":{\"username\":\"alice\",\"password\":\"$admin_password\"}}" "$operator" >/dev/null
session=$(post /v1/auth/login "{\"tenant\":\"acme\",\"username\":\"alice\",\"password\":\"$admin_password\"}" | json token)
# An API key, not a session: the run calls logout and "end all my sessions" like any other route.
key=$(post /v1/api-keys '{"name":"schemathesis","roles":["tenant-admin"]}' "$session" | json token)

echo "schemathesis $version: $examples examples per operation, ${generation[*]}, against $base"
set +e
spec="$base/openapi.json"
[[ -n "${SCHEMATHESIS_SPEC:-}" ]] && spec="$(realpath "$SCHEMATHESIS_SPEC")"
(cd "$work" && "$OLDPWD/$venv/bin/schemathesis" --config-file "$OLDPWD/scripts/schemathesis.toml" run "$spec" ${SCHEMATHESIS_SPEC:+--url "$base"} \
    --max-examples "$examples" "${generation[@]}" --workers 2 \
    --header "Authorization: Bearer $key" --request-timeout 30 --no-color \
    --suppress-health-check all --warnings off \
    --report junit --report-junit-path "$work/junit.xml" ${SCHEMATHESIS_ARGS:-} 2>&1) | tee "$work/run.log"
status=${PIPESTATUS[0]}
set -e
curl -fsS "$base/healthz" >/dev/null || fail "the server no longer answers /healthz"
[[ "$status" == 0 ]] || fail "schemathesis reported failures (exit $status)"
echo "schemathesis: passed in $(( $(date +%s) - started ))s"
