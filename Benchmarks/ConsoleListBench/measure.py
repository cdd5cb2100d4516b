#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Times the console's list pages and their API twins on a seeded server (scripts/console-bench.sh).

  measure.py setup   BASE OPERATOR_PASSWORD SLUG ADMIN_PASSWORD POLICIES   # tenant and policies over HTTP
  measure.py measure BASE SLUG ADMIN_PASSWORD PAGES REPEATS                 # the timings

For each list it walks the "next" links from page 1 to page PAGES (keyset cursors, as a person
paging would), then fetches page 1 and page PAGES again REPEATS times each, and prints rows per
page, bytes per page and p50/p95/max in milliseconds. One keep-alive connection, one request at a
time: the figures are the server's latency, not a load test.
"""

import http.client
import json
import os
import re
import statistics
import sys
import time
import urllib.parse

# Ranger's Hive service definition, as the cluster drill's load imports it.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "testing"))
from cluster_load import HIVE_DEF  # noqa: E402


class Client:
    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        self.cookies = {}

    def send(self, method, path, body=None, headers=None, form=False):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None and not isinstance(body, (bytes, str)):
            body = urllib.parse.urlencode(body) if form else json.dumps(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded" if form else "application/json"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        return response.status, data, response

    def json(self, method, path, body=None, token=None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        status, data, _ = self.send(method, path, body, headers)
        if status >= 300:
            raise SystemExit(f"measure: {method} {path}: {status} {data[:300]!r}")
        return json.loads(data) if data else {}


def policies_document(count):
    """A Hive-like service of `count` policies: databases, tables, columns, users and groups."""
    policies = []
    for index in range(count):
        database = f"db{index % 40}"
        table = f"t{index % 300}" if index % 5 else "*"
        policies.append({
            "id": index + 1, "name": f"policy {index:05d} {database}.{table}", "service": "warehouse", "isEnabled": True,
            "policyType": 0,
            "resources": {"database": {"values": [database]}, "table": {"values": [table]}, "column": {"values": [f"c{index % 12}", "id"]}},
            "policyItems": [{"users": [f"ana.okafor{index % 1000}"], "groups": [f"data-team-{index % 5000:05d}"],
                             "accesses": [{"type": "select", "isAllowed": True}]}],
        })
    return {
        "serviceDef": HIVE_DEF,
        "service": {"name": "warehouse"},
        "policies": policies,
    }


def setup(base, operator_password, slug, admin_password, policies):
    client = Client(base)
    operator = client.json("POST", "/v1/auth/login", {"username": "operator", "password": operator_password})["token"]
    client.json("POST", "/v1/tenants", {"slug": slug, "displayName": "Bench Corp",
                                        "admin": {"username": "admin", "password": admin_password}}, token=operator)
    admin = client.json("POST", "/v1/auth/login", {"tenant": slug, "username": "admin", "password": admin_password})["token"]
    # The tenant admin manages people; policies and the audit log are other roles' (least
    # privilege), so the one who pages through every list holds all three.
    client.json("POST", "/v1/users", {"username": "lead", "password": admin_password,
                                      "roles": ["tenant-admin", "security-admin", "auditor"]}, token=admin)
    lead = client.json("POST", "/v1/auth/login", {"tenant": slug, "username": "lead", "password": admin_password})["token"]
    start = time.monotonic()
    imported = client.json("POST", "/v1/policies/import", policies_document(policies), token=lead)
    print(f"setup: imported {imported['policies']} policies in {time.monotonic() - start:.1f} s")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def measure(base, slug, admin_password, pages, repeats):
    client = Client(base)
    _, page, _ = client.send("GET", f"/console/t/{slug}/sign-in")
    csrf = re.search(rb'name="csrf" value="([^"]+)"', page).group(1).decode()
    status, _, _ = client.send("POST", f"/console/t/{slug}/sign-in", {"csrf": csrf, "username": "lead", "password": admin_password},
                               form=True)
    if status != 303:
        raise SystemExit(f"measure: console sign-in answered {status}")
    token = client.json("POST", "/v1/auth/login", {"tenant": slug, "username": "lead", "password": admin_password})["token"]
    bearer = {"Authorization": f"Bearer {token}"}
    console_next = re.compile(rb'<a href="([^"]+)">(?:Next page|Older events)</a>')

    def console_page(path):
        status, data, _ = client.send("GET", path)
        if status != 200:
            raise SystemExit(f"measure: {path}: {status}")
        found = console_next.search(data)
        rows = data.count(b"<tr>") - 1
        return data, (found.group(1).decode().replace("&amp;", "&") if found else None), rows

    def api_page(path):
        status, data, _ = client.send("GET", path, headers=bearer)
        if status != 200:
            raise SystemExit(f"measure: {path}: {status} {data[:200]!r}")
        body = json.loads(data)
        cursor = body.get("nextCursor")
        base_path = re.sub(r"[?&]cursor=[^&]*", "", path)
        separator = "&" if "?" in base_path else "?"
        return data, (f"{base_path}{separator}cursor={urllib.parse.quote(cursor)}" if cursor else None), \
            len(body["items"])

    lists = [
        ("console users", f"/console/t/{slug}/users", console_page),
        ("console users search 'nora.'", f"/console/t/{slug}/users?search=nora.", console_page),
        # A prefix nobody has: the whole tenant is read to find no row (the worst search).
        ("console users search 'zq' (none)", f"/console/t/{slug}/users?search=zq", console_page),
        ("console groups", f"/console/t/{slug}/groups", console_page),
        ("console policies", f"/console/t/{slug}/policies?service=warehouse", console_page),
        ("console audit log", f"/console/t/{slug}/audit", console_page),
        ("console audit denied", f"/console/t/{slug}/audit?outcome=denied", console_page),
        ("api users", "/v1/users?limit=50", api_page),
        ("api groups", "/v1/groups?limit=50", api_page),
        ("api policies", "/v1/policies?service=warehouse&limit=50", api_page),
        ("api audit records", "/v1/audit/records?limit=50", api_page),
    ]
    print(f"{'list':34} {'rows':>5} {'KiB':>6} {'page 1 p50':>10} {'p95':>7} {'page ' + str(pages) + ' p50':>12} {'p95':>7} {'walk p95':>9}")
    worst = 0.0
    for label, first, fetch in lists:
        walk = []
        path, last, rows, size = first, first, 0, 0
        for number in range(1, pages + 1):
            if path is None:
                break
            start = time.perf_counter()
            data, following, count = fetch(path)
            walk.append((time.perf_counter() - start) * 1000)
            if number == 1:
                rows, size = count, len(data)
            last, path = path, following
        reached = len(walk)

        def timed(target):
            samples = []
            for _ in range(repeats):
                start = time.perf_counter()
                fetch(target)
                samples.append((time.perf_counter() - start) * 1000)
            return samples

        one, deep = timed(first), timed(last)
        worst = max(worst, percentile(one, 0.95), percentile(deep, 0.95), percentile(walk, 0.95))
        print(f"{label:34} {rows:5d} {size / 1024:6.1f} {statistics.median(one):10.1f} {percentile(one, 0.95):7.1f} "
              f"{statistics.median(deep):12.1f} {percentile(deep, 0.95):7.1f} {percentile(walk, 0.95):9.1f}"
              + ("" if reached == pages else f"  (only {reached} pages)"))
    print(f"worst p95 of any list page: {worst:.1f} ms (goal 300 ms)")


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        setup(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]))
    else:
        measure(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]))
