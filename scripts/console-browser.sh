#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# The console in a real browser: starts a server on a throwaway data directory, makes a tenant
# with an admin and a security admin who has an authenticator (through the API), and runs
# scripts/testing/console_browser_test.py (Playwright driving Debian's Chromium, axe-core on
# every screen). Run by .ci/run; needs /usr/bin/chromium and the pinned PyPI packages
# playwright and axe-playwright-python.
#
#   scripts/console-browser.sh [SCREENSHOT_DIR]     # builds the debug binary if needed
#   RAMPART_BIN=path/to/rampart scripts/console-browser.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${RAMPART_BIN:-}" ]]; then
    swift build --product rampart >/dev/null
    RAMPART_BIN="$(swift build --show-bin-path)/rampart"
fi
work=$(mktemp -d /tmp/rampart-console.XXXXXX)
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
export RAMPART_BOOTSTRAP_PASSWORD="console-bootstrap-$(head -c 6 /dev/urandom | base64 | tr -d '/+=')"
unset RAMPART_DATABASE_URL
# The SSO tests' identity provider on loopback, for the console's single sign-on. It stops when
# its stdin closes: a pipe this script holds open until it ends.
mkfifo "$work/idp.in"
python3 scripts/testing/oidc_test_provider.py --client-id console-client --client-secret console-secret \
    <"$work/idp.in" >"$work/idp.out" 2>&1 &
idp=$!
exec 3>"$work/idp.in"
# A directory of CSV exports the tenant may scan (under its own folder of the datasource root).
mkdir -p "$work/sources/acme/exports"
python3 - "$work/sources/acme/exports/customers.csv" <<'PY'
import sys
def luhn(body):
    total = 0
    for index, digit in enumerate(int(c) for c in reversed(body)):
        doubled = digit * 2 if index % 2 == 0 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return body + str((10 - total % 10) % 10)
with open(sys.argv[1], "w") as out:
    out.write("id,name,email,card\n")
    for i in range(60):
        out.write(f"{i},Customer {i},customer{i}@example.com,{luhn('453201511283' + f'{i:03d}')}\n")
PY
export CONSOLE_DATASOURCE_DIR="$work/sources/acme/exports"
"$RAMPART_BIN" serve --data-dir "$work/data" --port "$port" --sso-allow-http-loopback --outbound-allow 127.0.0.0/8 \
    --datasource-root "$work/sources" >"$work/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" "$idp" 2>/dev/null || true; wait "$server" "$idp" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "console-browser: FAILED: $*" >&2; tail -n 20 "$work/server.log" >&2; exit 1; }
for _ in $(seq 1 100); do curl -fsS "$base/readyz" >/dev/null 2>&1 && break; sleep 0.2; done

request() {  # request METHOD PATH [TOKEN] [JSON] -> body; fails unless 2xx
    local args=(-sS -o "$work/body" -w '%{http_code}' -X "$1" "$base$2")
    [[ -n "${3:-}" ]] && args+=(-H "authorization: Bearer $3")
    [[ -n "${4:-}" ]] && args+=(-H 'content-type: application/json' -d "$4")
    local status; status=$(curl "${args[@]}")
    [[ "$status" == 2* ]] || fail "$1 $2 answered $status: $(cat "$work/body")"
    cat "$work/body"
}
login() { request POST /v1/auth/login "" "$(jq -nc --arg t "${3:-}" --arg u "$1" --arg p "$2" '{username: $u, password: $p} + (if $t == "" then {} else {tenant: $t} end)')" | jq -er .token; }

admin_password="quiet-harbour-lantern-71"
dana_password="amber-orchard-rain-58"
operator=$(login operator "$RAMPART_BOOTSTRAP_PASSWORD")
request POST /v1/tenants "$operator" \
    "{\"slug\":\"acme\",\"displayName\":\"Acme Console\",\"admin\":{\"username\":\"admin\",\"password\":\"$admin_password\"}}" >/dev/null
admin=$(login admin "$admin_password" acme)
request POST /v1/users "$admin" "{\"username\":\"dana\",\"password\":\"$dana_password\",\"roles\":[\"security-admin\"]}" >/dev/null
dana=$(login dana "$dana_password" acme)
curl -fsS -o /dev/null -X POST "$base/v1/policies/import" -H "authorization: Bearer $dana" -H 'content-type: application/json' \
    --data-binary @scripts/testing/console-policies.json || fail "the policy import"
secret=$(request POST /v1/me/mfa/totp "$dana" | jq -er .secret)
code=$(python3 -c 'import sys, time; sys.path.insert(0, "scripts/testing"); import console_browser_test as t; print(t.totp(sys.argv[1], time.time()))' "$secret")
request POST /v1/me/mfa/totp/activate "$dana" "{\"code\":\"$code\"}" >/dev/null
request POST /v1/audit/checkpoints "$admin" >/dev/null
for _ in $(seq 1 100); do grep -q '^PORT ' "$work/idp.out" && break; sleep 0.1; done
idp_port=$(awk '/^PORT /{print $2}' "$work/idp.out")
[[ -n "$idp_port" ]] || fail "the identity provider did not start: $(cat "$work/idp.out")"
request POST /v1/sso/providers "$admin" "{\"name\":\"corp\",\"displayName\":\"Corp SSO\",\"issuer\":\"http://127.0.0.1:$idp_port\",
    \"clientId\":\"console-client\",\"clientSecret\":\"console-secret\",\"jitProvisioning\":true}" >/dev/null

python3 scripts/testing/console_browser_test.py "$base" acme "$admin_password" dana "$dana_password" "$secret" ${1:+"$1"} || fail "the browser journeys"
echo "console-browser: passed"
