#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Load and checks for scripts/cluster-drill.sh (standard library only).

`setup` makes the tenants (through the load balancer) and writes their credentials to a state
file. `load` runs a mixed workload through the load balancer for --duration seconds: logins (one
in five wrong), user, group and policy writes and batch decisions, for every tenant, from several
threads. It records every write that was acknowledged with 2xx, and prints throughput and p50/p99
latency for the phases before, during and after the kill (times given by the drill). `check`
then proves what the issue asks: every acknowledged write exists, a policy written through one
server decides on the others within the refresh interval, and wrong passwords spread over all
servers are throttled at the same count as on one server.
"""

import argparse
import http.client
import json
import random
import statistics
import sys
import threading
import time
import urllib.parse

PASSWORD = "cluster-drill-user-passphrase-1"
ADMIN_PASSWORD = "quiet-harbor-lantern-passphrase-7"


class Client:
    """One keep-alive connection to a base URL; reconnects after a failure."""

    def __init__(self, base, timeout=10):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.timeout = timeout
        self.connection = None

    def send(self, method, path, token=None, body=None, headers=None):
        """Returns (status, parsed JSON or None); status 0 for a connection failure."""
        all_headers = {"content-type": "application/json"} if body is not None else {}
        if token:
            all_headers["authorization"] = "Bearer " + token
        all_headers.update(headers or {})
        data = json.dumps(body).encode() if body is not None else None
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.connection.request(method, path, body=data, headers=all_headers)
            response = self.connection.getresponse()
            raw = response.read()
            if response.getheader("connection", "").lower() == "close":
                self.close()
            try:
                return response.status, json.loads(raw) if raw else None
            except ValueError:
                return response.status, None
        except (OSError, http.client.HTTPException):
            self.close()
            return 0, None

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def must(reply, what):
    status, body = reply
    if not 200 <= status < 300:
        sys.exit(f"cluster-load: {what} answered {status}: {body}")
    return body


def login(client, username, password, tenant=None, address=None):
    body = {"username": username, "password": password}
    if tenant:
        body["tenant"] = tenant
    headers = {"x-forwarded-for": address} if address else None
    return client.send("POST", "/v1/auth/login", body=body, headers=headers)


def policy(service, name, users):
    return {"name": name, "service": service, "isEnabled": True, "policyType": 0,
            "resources": {"database": {"values": ["db_" + name]}, "table": {"values": ["*"]}, "column": {"values": ["*"]}},
            "policyItems": [{"users": users, "accesses": [{"type": "select", "isAllowed": True}]}]}


HIVE_DEF = {
    "name": "hive",
    "resources": [
        {"name": "database", "level": 10, "matcherOptions": {"wildCard": "true", "ignoreCase": "true"}},
        {"name": "table", "level": 20, "parent": "database", "matcherOptions": {"wildCard": "true", "ignoreCase": "true"}},
        {"name": "column", "level": 30, "parent": "table", "matcherOptions": {"wildCard": "true", "ignoreCase": "true"}},
    ],
    "accessTypes": [{"name": "select"}, {"name": "update"}],
}


def setup(args):
    client = Client(args.lb)
    operator = must(login(client, "operator", args.operator_password), "operator login")["token"]
    tenants = []
    for index in range(args.tenants):
        slug = f"drill-{index}"
        must(client.send("POST", "/v1/tenants", operator, {
            "slug": slug, "displayName": f"Drill {index}", "admin": {"username": "steward", "password": ADMIN_PASSWORD}}), "tenant")
        admin = must(login(client, "steward", ADMIN_PASSWORD, slug), "steward login")["token"]
        must(client.send("POST", "/v1/users", admin, {"username": "analyst", "password": PASSWORD,
                                                     "roles": ["tenant-admin", "security-admin", "user"]}),
             "analyst")
        must(client.send("POST", "/v1/users", admin, {"username": "bob", "password": PASSWORD, "roles": ["user"]}), "bob")
        analyst = must(login(client, "analyst", PASSWORD, slug), "analyst login")["token"]
        must(client.send("POST", "/v1/service-defs", analyst, HIVE_DEF), "service definition")
        service = f"{slug}-hive"
        must(client.send("POST", "/v1/services", analyst, {"name": service, "type": "hive"}), "service")
        must(client.send("POST", "/v1/policies", analyst, policy(service, "sales", ["bob"])), "policy")
        key = must(client.send("POST", "/v1/api-keys", analyst, {"name": "drill", "roles": ["tenant-admin", "security-admin"]}), "api key")
        tenants.append({"slug": slug, "service": service, "key": key["token"]})
    with open(args.state, "w") as handle:
        json.dump({"tenants": tenants}, handle)
    # Services made through one server reach the others' policy caches within the refresh.
    time.sleep(args.refresh + 1)
    print(f"cluster-load: {len(tenants)} tenants ready")


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples = []  # (start, seconds, kind, status)
        self.writes = []  # (tenant index, path to read back)

    def sample(self, start, seconds, kind, status):
        with self.lock:
            self.samples.append((start, seconds, kind, status))

    def wrote(self, tenant, path):
        with self.lock:
            self.writes.append((tenant, path))


def worker(args, state, recorder, stop, number):
    client = Client(args.lb)
    rng = random.Random(number)
    tenants = state["tenants"]
    address = f"198.51.100.{number + 1}"
    sequence = 0
    while not stop.is_set():
        sequence += 1
        index = rng.randrange(len(tenants))
        tenant = tenants[index]
        key = tenant["key"]
        roll = rng.random()
        started = time.monotonic()
        if roll < 0.25:
            wrong = rng.random() < 0.2
            kind = "login-wrong" if wrong else "login"
            # Wrong ones name accounts that do not exist, so no real account is throttled.
            user = f"nobody-{number}-{sequence}" if wrong else "bob"
            status, _ = login(client, user, "wrong-" + PASSWORD if wrong else PASSWORD, tenant["slug"], address)
        elif roll < 0.45:
            kind = "user-write"
            name = f"u-{number}-{sequence}"
            status, body = client.send("POST", "/v1/users", key, {"username": name, "password": PASSWORD, "roles": ["user"]})
            if 200 <= status < 300:
                recorder.wrote(index, f"/v1/users/{body['id']}")
        elif roll < 0.6:
            kind = "group-write"
            status, body = client.send("POST", "/v1/groups", key, {"name": f"g-{number}-{sequence}"})
            if 200 <= status < 300:
                recorder.wrote(index, f"/v1/groups/{body['id']}")
        elif roll < 0.7:
            kind = "policy-write"
            status, body = client.send("POST", "/v1/policies", key, policy(tenant["service"], f"p{number}x{sequence}", ["bob"]))
            if 200 <= status < 300:
                recorder.wrote(index, f"/v1/policies/{body['id']}")
        else:
            kind = "decisions"
            requests = [{"service": tenant["service"], "user": rng.choice(["bob", "analyst", "ghost"]), "accessType": "select",
                         "resource": {"database": rng.choice(["db_sales", "db_other"]), "table": "t", "column": "c"}}
                        for _ in range(50)]
            status, _ = client.send("POST", "/v1/authorize/batch", key, {"requests": requests})
        recorder.sample(started, time.monotonic() - started, kind, status)


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def load(args):
    with open(args.state) as handle:
        state = json.load(handle)
    recorder = Recorder()
    stop = threading.Event()
    origin = time.monotonic()
    threads = [threading.Thread(target=worker, args=(args, state, recorder, stop, n), daemon=True) for n in range(args.workers)]
    for thread in threads:
        thread.start()
    time.sleep(args.duration)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    phases = [("before", 0, args.kill_at), ("during", args.kill_at, args.restart_at), ("after", args.restart_at, args.duration)]
    print(f"cluster-load: {len(recorder.samples)} requests by {args.workers} workers over {args.duration} s, "
          f"{len(state['tenants'])} tenants; decisions are batches of 50; one login in five is wrong")
    print(f"  {'phase':<8}{'seconds':>8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'failed':>8}{'429':>6}")
    failures = []
    for name, start, end in phases:
        rows = [s for s in recorder.samples if start <= s[0] - origin < end]
        ok = [s for s in rows if s[3] != 0 and s[3] < 500]
        failed = [s for s in rows if s[3] == 0 or s[3] >= 500]
        failures.extend(failed)
        limited = sum(1 for s in rows if s[3] == 429)
        latencies = [s[1] * 1000 for s in ok]
        print(f"  {name:<8}{end - start:>8.0f}{len(rows) / max(1, end - start):>9.1f}{percentile(latencies, 0.5):>9.1f}"
              f"{percentile(latencies, 0.99):>9.1f}{len(failed):>8}{limited:>6}")
    by_kind = {}
    for sample in recorder.samples:
        by_kind.setdefault(sample[2], []).append(sample)
    print("  by kind: " + ", ".join(f"{kind} {len(rows)}" for kind, rows in sorted(by_kind.items())))
    unexpected = [s for s in recorder.samples if s[3] not in (0, 200, 201, 401, 429) and s[3] < 500]
    if unexpected:
        sys.exit(f"cluster-load: unexpected answers: {sorted(set((s[2], s[3], round(s[0] - origin, 1)) for s in unexpected))}")
    if failures:
        # When each failure was seen (a request in flight to the killed server fails at the kill).
        first = min(s[0] + s[1] for s in failures) - origin
        last = max(s[0] + s[1] for s in failures) - origin
        print(f"  failed requests: {len(failures)}, seen from {first:.1f} s to {last:.1f} s (kill at {args.kill_at} s)")
        if first < args.kill_at - 0.5 or last > args.kill_at + args.failover_budget:
            sys.exit(f"cluster-load: requests failed outside the failover window "
                     f"({args.kill_at} s to {args.kill_at + args.failover_budget} s)")
    else:
        print("  failed requests: none")
    with open(args.writes, "w") as handle:
        json.dump(recorder.writes, handle)
    print(f"  acknowledged writes: {len(recorder.writes)}")


def check(args):
    with open(args.state) as handle:
        state = json.load(handle)
    with open(args.writes) as handle:
        writes = json.load(handle)
    client = Client(args.lb)
    missing = []
    for tenant, path in writes:
        status, _ = client.send("GET", path, state["tenants"][tenant]["key"])
        if status != 200:
            missing.append((state["tenants"][tenant]["slug"], path, status))
    if missing:
        sys.exit(f"cluster-load: {len(missing)} acknowledged writes are missing: {missing[:5]}")
    print(f"cluster-load: all {len(writes)} acknowledged writes exist")

    # A policy written through one server decides on each of the others within the refresh interval.
    servers = [Client(url) for url in args.servers.split(",")]
    tenant = state["tenants"][0]
    question = {"service": tenant["service"], "user": "analyst", "accessType": "select",
                "resource": {"database": "db_propagation", "table": "t", "column": "c"}}
    for server in servers:
        status, answer = server.send("POST", "/v1/authorize", tenant["key"], question)
        if status != 200 or answer.get("allowed"):
            sys.exit(f"cluster-load: before the change the decision should deny: {status} {answer}")
    must(servers[0].send("POST", "/v1/policies", tenant["key"], policy(tenant["service"], "propagation", ["analyst"])), "policy")
    written = time.monotonic()
    for number, server in enumerate(servers[1:], start=2):
        while True:
            status, answer = server.send("POST", "/v1/authorize", tenant["key"], question)
            elapsed = time.monotonic() - written
            if status == 200 and answer.get("allowed"):
                print(f"cluster-load: the policy written through server 1 allows on server {number} after {elapsed:.2f} s")
                break
            if elapsed > args.refresh + 1.5:
                sys.exit(f"cluster-load: server {number} still denies {elapsed:.1f} s after the change (refresh {args.refresh} s)")
            time.sleep(0.05)

    # Wrong passwords: one account, through the load balancer (spread over every server), and
    # another account on one server alone; the first refusal comes at the same count.
    def refused_after(clients, username, address):
        for attempt in range(1, 40):
            status, _ = login(clients[attempt % len(clients)], username, "wrong-password-guess", tenant["slug"], address)
            if status == 429:
                return attempt - 1
            if status != 401:
                sys.exit(f"cluster-load: a wrong password answered {status}")
        return None

    admin = tenant["key"]
    for name in ("spread", "single"):
        must(client.send("POST", "/v1/users", admin, {"username": f"victim-{name}", "password": PASSWORD, "roles": ["user"]}), "victim")
    spread = refused_after([Client(args.lb)], "victim-spread", "192.0.2.10")
    single = refused_after([servers[0]], "victim-single", "192.0.2.11")
    print(f"cluster-load: wrong passwords answered 401 before the first 429: {spread} spread over "
          f"{len(servers)} servers, {single} on one server")
    if spread is None or spread != single:
        sys.exit("cluster-load: the cluster throttles at a different count than one server")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["setup", "load", "check"])
    parser.add_argument("--lb", required=True)
    parser.add_argument("--servers", default="")
    parser.add_argument("--state", required=True)
    parser.add_argument("--writes", default="")
    parser.add_argument("--operator-password", default="")
    parser.add_argument("--tenants", type=int, default=3)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--kill-at", type=float, default=20)
    parser.add_argument("--restart-at", type=float, default=40)
    parser.add_argument("--failover-budget", type=float, default=5)
    parser.add_argument("--refresh", type=float, default=2)
    args = parser.parse_args()
    {"setup": setup, "load": load, "check": check}[args.command](args)


if __name__ == "__main__":
    main()
