#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Runs the SCIM 2.0 conformance kit against a real Rampart: builds `rampart`, serves it on a
# temporary data directory and a free loopback port, creates two tenants with a SCIM token each
# through the admin API, then runs scim_check.py (--strict) and idp_compat.py (with the second
# tenant, for its isolation checks). Exits 1 when either reports a failure.
#
# usage: bash scripts/scim-kit.sh
#   SCIM_KIT   the kit folder (default ../shared/scim)
#   SCIM_VENV  the kit's Python environment (default .venv-scim, built by the kit's setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
kit=${SCIM_KIT:-../shared/scim}
venv=${SCIM_VENV:-.venv-scim}
if [ ! -f "$kit/scim_check.py" ] || [ ! -f "$kit/idp_compat.py" ]; then
    echo "scim-kit: no SCIM kit at $kit (set SCIM_KIT)" >&2
    exit 1
fi
SCIM_VENV=$venv bash "$kit/setup.sh"

swift build --product rampart
bin="$(swift build --show-bin-path)/rampart"

work=$(mktemp -d /tmp/rampart-scim-kit.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
RAMPART_BOOTSTRAP_PASSWORD=$password RAMPART_MASTER_KEY= "$bin" serve --data-dir "$work/data" --port "$port" \
    >"$work/server.log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    if python3 -c "import urllib.request, sys; urllib.request.urlopen('$base/healthz', timeout=1)" 2>/dev/null; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then
        echo "scim-kit: rampart serve exited:" >&2
        cat "$work/server.log" >&2
        exit 1
    fi
    sleep 0.2
done

# Two tenants, each with a SCIM token, through the same API an administrator uses. Prints
# "URL TOKEN URL TOKEN".
read -r url token other_url other_token < <(python3 - "$base" "$password" <<'PY'
import json, secrets, sys, urllib.request
base, password = sys.argv[1], sys.argv[2]
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with opener.open(request, timeout=10) as response:
        return json.loads(response.read())

operator = call("POST", "/v1/auth/login", {"username": "operator", "password": password})["token"]
out = []
for slug in ("scim-kit", "scim-kit-other"):
    admin_password = secrets.token_urlsafe(18)
    call("POST", "/v1/tenants", {"slug": slug, "displayName": slug, "admin": {"username": "admin", "password": admin_password}}, operator)
    admin = call("POST", "/v1/auth/login", {"tenant": slug, "username": "admin", "password": admin_password})["token"]
    created = call("POST", "/v1/scim/tokens", {"name": "conformance kit"}, admin)
    out += [created["scimBaseUrl"], created["token"]]
print(" ".join(out))
PY
)

status=0
echo "scim-kit: scim_check.py --strict against $url"
"$venv/bin/python" "$kit/scim_check.py" --url "$url" --token "$token" --strict >"$work/scim_check.out" 2>&1 || status=1
grep -Ev '^(SUCCESS|COMPLIANT|ACCEPTABLE|SKIPPED) ' "$work/scim_check.out" || true
echo "scim-kit: idp_compat.py against $url (second tenant $other_url)"
python3 "$kit/idp_compat.py" --url "$url" --token "$token" --other-url "$other_url" --other-token "$other_token" \
    >"$work/idp_compat.out" 2>&1 || status=1
grep -v '^PASS ' "$work/idp_compat.out" || true
if [ "$status" -ne 0 ]; then
    echo "scim-kit: FAILED; server log tail:" >&2
    tail -n 40 "$work/server.log" >&2
fi
exit "$status"
