#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Disaster-recovery drill: a running server with a tenant, a user and an API key is backed up
# online, stopped, its data directory destroyed, restored from the backup, started again, and
# checked over HTTP. Exits non-zero on any failure. Run by .ci/run after the tests.
#
#   scripts/dr-drill.sh            # builds the debug binary if needed
#   RAMPART_BIN=path/to/rampart scripts/dr-drill.sh
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

if [[ -z "${RAMPART_BIN:-}" ]]; then
    swift build --product rampart >/dev/null
    RAMPART_BIN="$(swift build --show-bin-path)/rampart"
fi
work=$(mktemp -d /tmp/rampart-dr-drill.XXXXXX)
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
server=""
# The master key is kept outside the data directory, as an operator keeps it (a secrets manager).
export RAMPART_MASTER_KEY; RAMPART_MASTER_KEY=$(head -c 32 /dev/urandom | base64)
export RAMPART_BOOTSTRAP_PASSWORD="dr-drill-bootstrap-$(head -c 6 /dev/urandom | base64 | tr -d '/+=')"
unset RAMPART_DATABASE_URL RAMPART_BACKUP_PASSPHRASE

stop_server() {
    if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server"
        wait "$server" 2>/dev/null || true
    fi
    server=""
}
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT
fail() {
    echo "dr-drill: FAILED: $*" >&2
    [[ -f "$work/server.log" ]] && tail -n 20 "$work/server.log" >&2
    exit 1
}

start_server() {
    "$RAMPART_BIN" serve --data-dir "$work/data" --port "$port" "$@" >>"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        if curl -fsS "$base/readyz" >/dev/null 2>&1; then return 0; fi
        kill -0 "$server" 2>/dev/null || fail "the server exited at start"
        sleep 0.2
    done
    fail "the server did not become ready"
}

# request METHOD PATH [TOKEN] [JSON] -> body on stdout; fails unless the status is 2xx.
request() {
    local method=$1 path=$2 token=${3:-} body=${4:-}
    local args=(-sS -o "$work/body" -w '%{http_code}' -X "$method" "$base$path")
    [[ -n "$token" ]] && args+=(-H "authorization: Bearer $token")
    [[ -n "$body" ]] && args+=(-H 'content-type: application/json' -d "$body")
    local status; status=$(curl "${args[@]}")
    [[ "$status" == 2* ]] || fail "$method $path answered $status: $(cat "$work/body")"
    cat "$work/body"
}
field() { jq -er "$1"; }

login() {  # login USERNAME PASSWORD [TENANT] -> token
    local body
    if [[ -n "${3:-}" ]]; then
        body=$(jq -nc --arg t "$3" --arg u "$1" --arg p "$2" '{tenant: $t, username: $u, password: $p}')
    else
        body=$(jq -nc --arg u "$1" --arg p "$2" '{username: $u, password: $p}')
    fi
    request POST /v1/auth/login "" "$body" | field .token
}

echo "dr-drill: starting a server in $work/data on port $port, with scheduled backups"
"$RAMPART_BIN" backup keygen --out "$work/backup.key" >/dev/null
start_server --backup-dir "$work/backups" --backup-key-file "$work/backup.key"
operator=$(login operator "$RAMPART_BOOTSTRAP_PASSWORD")
alice_password="first-admin-drill-passphrase-1"
bob_password="second-user-drill-passphrase-22"
tenant_id=$(request POST /v1/tenants "$operator" \
    "{\"slug\":\"acme\",\"displayName\":\"Acme Drill\",\"admin\":{\"username\":\"alice\",\"password\":\"$alice_password\"}}" | field .tenant.id)
alice=$(login alice "$alice_password" acme)
bob_id=$(request POST /v1/users "$alice" "{\"username\":\"bob\",\"password\":\"$bob_password\",\"roles\":[\"user\"]}" | field .id)
api_key=$(request POST /v1/api-keys "$alice" '{"name":"drill automation"}' | field .token)
request GET /v1/me "$api_key" | field .username >/dev/null

audited_before=$(request GET "/v1/audit/records?limit=1000" "$alice" | jq '.items | length')
(( audited_before > 0 )) || fail "no audit records before the backup"
request POST /v1/audit/checkpoints "$alice" | field .checkpoint >/dev/null

echo "dr-drill: waiting for the scheduled daily backup (the first one is 30 s after start)"
scheduled=""
for _ in $(seq 1 120); do
    scheduled=$(ls "$work/backups"/rampart-daily-*.rbk 2>/dev/null | head -n 1 || true)
    [[ -n "$scheduled" ]] && break
    sleep 0.5
done
[[ -n "$scheduled" ]] || fail "no scheduled backup appeared"
[[ $(request GET /v1/backups "$operator" | field '.lastSuccess.file') == "$(basename "$scheduled")" ]] || fail "/v1/backups does not report it"
"$RAMPART_BIN" backup verify "$scheduled" --key-file "$work/backup.key" --quiet | tee "$work/verify.out" | grep -q "is restorable" || fail "verify"
grep -q "audit logs verified" "$work/verify.out" || fail "verify did not check the audit logs"

echo "dr-drill: stopping the server and destroying its data directory"
stop_server
rm -rf "$work/data"
[[ ! -e "$work/data" ]] || fail "the data directory is still there"

echo "dr-drill: restoring"
"$RAMPART_BIN" restore "$scheduled" --data-dir "$work/data" --key-file "$work/backup.key" --quiet | tee "$work/restore.out"
grep -q "matches the backup's fingerprint" "$work/restore.out" || fail "the master key was not confirmed"
"$RAMPART_BIN" audit verify --data-dir "$work/data" --tenant acme | tee "$work/audit.out"
grep -q "^OK: .* [1-9][0-9]*/[1-9][0-9]* checkpoints verified" "$work/audit.out" || fail "the restored audit log does not verify"
"$RAMPART_BIN" audit verify --data-dir "$work/data" --tenant platform | grep -q "^OK: " || fail "the restored platform log does not verify"

echo "dr-drill: starting the restored server and checking the data over HTTP"
start_server
operator=$(login operator "$RAMPART_BOOTSTRAP_PASSWORD")
[[ $(request GET "/v1/tenants/$tenant_id" "$operator" | field .slug) == acme ]] || fail "tenant acme is missing"
alice=$(login alice "$alice_password" acme)
bob=$(login bob "$bob_password" acme)
[[ $(request GET /v1/me "$bob" | field .username) == bob ]] || fail "bob cannot use his session"
[[ $(request GET "/v1/users/$bob_id" "$alice" | field .username) == bob ]] || fail "bob is missing"
[[ $(request GET /v1/me "$api_key" | field .username) == alice ]] || fail "the API key does not authenticate"
audited_after=$(request GET "/v1/audit/records?limit=1000" "$alice" | jq '.items | length')
(( audited_after >= audited_before )) || fail "audit records were lost ($audited_before before, $audited_after after)"
stop_server

echo "dr-drill: passed in $(( $(date +%s) - started ))s"
