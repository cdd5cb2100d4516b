// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOCore
import NIOHTTP1

// HTTP decision throughput against a running server (see scripts/http-bench.sh): sets up a
// tenant with 200 users in 50 groups, imports a synthetic Hive-like service (database/table/column,
// ~20% wildcard policies, as PolicyBench's easy profile), then keeps several connections busy,
// in turn, with /v1/authorize/batch requests, with single /v1/authorize requests under an API key,
// and with /healthz, and prints requests or decisions per second, latency percentiles, the allow
// rate, and single decisions as a share of /healthz.
//
//   swift run -c release HTTPDecisionBench --url http://127.0.0.1:8080 --password '…' \
//       [--policies 1000,10000] [--batch 1000] [--connections 4] [--seconds 10]

struct Options {
    var host = "127.0.0.1"
    var port = 8080
    var password = ProcessInfo.processInfo.environment["RAMPART_BOOTSTRAP_PASSWORD"] ?? ""
    var policyCounts = [1_000, 10_000]
    var batch = 1_000
    var connections = 4
    var seconds = 10.0

    init(_ arguments: [String]) throws {
        var index = 0
        func value() throws -> String {
            index += 1
            guard index < arguments.count else { throw BenchError("missing value for \(arguments[index - 1])") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--url":
                guard let url = URLComponents(string: try value()), let host = url.host, let port = url.port else {
                    throw BenchError("--url must look like http://127.0.0.1:8080")
                }
                self.host = host
                self.port = port
            case "--password": password = try value()
            case "--policies": policyCounts = try value().split(separator: ",").compactMap { Int($0) }
            case "--batch": batch = Int(try value()) ?? batch
            case "--connections": connections = Int(try value()) ?? connections
            case "--seconds": seconds = Double(try value()) ?? seconds
            default: throw BenchError("unknown argument \(arguments[index])")
            }
            index += 1
        }
        guard !password.isEmpty else { throw BenchError("give --password (or RAMPART_BOOTSTRAP_PASSWORD): the operator's password") }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

struct LCG {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

let users = (0..<200).map { "user\($0)" }
let groups = (0..<50).map { "group\($0)" }
let databases = 100
let accessTypes = ["select", "update", "create", "drop", "alter", "index", "lock", "read", "write"]

func json(_ object: Any) throws -> ByteBuffer {
    ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
}

func object(_ reply: HTTPConnection.Reply) throws -> [String: Any] {
    guard let value = try JSONSerialization.jsonObject(with: Data(reply.body.readableBytesView)) as? [String: Any] else {
        throw BenchError("response is not a JSON object")
    }
    return value
}

func expect(_ reply: HTTPConnection.Reply, _ status: Int, _ what: String) throws -> HTTPConnection.Reply {
    guard reply.status == status else {
        throw BenchError("\(what): HTTP \(reply.status): \(String(buffer: reply.body).prefix(300))")
    }
    return reply
}

/// The Ranger export of a synthetic service with `count` policies.
func export(service: String, count: Int, rng: inout LCG) -> [String: Any] {
    let resource: (String, String?) -> [String: Any] = { name, parent in
        var def: [String: Any] = ["name": name, "level": 10, "matcherOptions": ["wildCard": "true", "ignoreCase": "true"]]
        if let parent { def["parent"] = parent }
        return def
    }
    var policies: [[String: Any]] = []
    for i in 0..<count {
        var table = "tbl\(i)"
        var column = "col\(rng.int(20))"
        if rng.int(100) < 20 {
            switch rng.int(4) {
            case 0: table = "tbl\(i % 97)*"
            case 1: column = "*"
            case 2: table = "*"
            default: column = "col\(rng.int(5))*"
            }
        }
        var items: [[String: Any]] = []
        for _ in 0..<(1 + rng.int(2)) {
            items.append([
                "accesses": [["type": rng.int(2) == 0 ? "select" : "update", "isAllowed": true]],
                "users": (0..<3).map { _ in users[rng.int(users.count)] }, "groups": [groups[rng.int(groups.count)]],
            ])
        }
        var policy: [String: Any] = [
            "name": "p\(i)", "service": service, "isEnabled": true,
            "resources": [
                "database": ["values": ["db\(i % databases)"]], "table": ["values": [table]], "column": ["values": [column]],
            ],
            "policyItems": items,
        ]
        if rng.int(100) < 5 {
            policy["denyPolicyItems"] = [["accesses": [["type": "select", "isAllowed": true]], "users": [users[rng.int(users.count)]]]]
        }
        policies.append(policy)
    }
    return [
        "serviceDef": [
            "name": "hive",
            "resources": [resource("database", nil), resource("table", "database"), resource("column", "table")],
            "accessTypes": accessTypes.map { ["name": $0] } + [["name": "all", "impliedGrants": accessTypes]],
        ],
        "service": ["name": service, "type": "hive"],
        "policies": policies,
    ]
}

func batchBody(service: String, size: Int, policyCount: Int, rng: inout LCG) throws -> ByteBuffer {
    var requests: [[String: Any]] = []
    for _ in 0..<size {
        let t = rng.int(policyCount)
        requests.append([
            "service": service, "user": users[rng.int(users.count)], "accessType": rng.int(2) == 0 ? "select" : "update",
            "resource": ["database": "db\(t % databases)", "table": "tbl\(t)", "column": "col\(rng.int(20))"],
        ])
    }
    return try json(["requests": requests])
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func setUp(_ options: Options) async throws -> String {
    let c = try await HTTPConnection.connect(host: options.host, port: options.port)
    defer { Task { await c.close() } }
    let login = try object(
        expect(
            try await c.send(.POST, "/v1/auth/login", body: json(["username": "operator", "password": options.password])), 200,
            "operator login"))
    guard let operatorToken = login["token"] as? String else { throw BenchError("no operator token") }
    let slug = "bench-\(Int(Date().timeIntervalSince1970) % 1_000_000)"
    let adminPassword = "bench-owner-passphrase-\(slug)"
    _ = try expect(
        try await c.send(
            .POST, "/v1/tenants", token: operatorToken,
            body: json(["slug": slug, "displayName": "Bench", "admin": ["username": "admin", "password": adminPassword]])), 201, "tenant")
    let admin = try object(
        try await c.send(.POST, "/v1/auth/login", body: json(["tenant": slug, "username": "admin", "password": adminPassword])))
    guard let adminToken = admin["token"] as? String else { throw BenchError("no admin token") }
    var groupIDs: [String] = []
    for group in groups {
        let created = try object(expect(try await c.send(.POST, "/v1/groups", token: adminToken, body: json(["name": group])), 201, "group"))
        groupIDs.append(created["id"] as? String ?? "")
    }
    var rng = LCG(state: 7)
    for user in users {
        let created = try object(expect(try await c.send(.POST, "/v1/users", token: adminToken, body: json(["username": user])), 201, "user"))
        let id = created["id"] as? String ?? ""
        for _ in 0..<2 {
            _ = try await c.send(.PUT, "/v1/groups/\(groupIDs[rng.int(groupIDs.count)])/members/\(id)", token: adminToken)
        }
    }
    let securityPassword = "bench-guard-passphrase-\(slug)"
    _ = try expect(
        try await c.send(
            .POST, "/v1/users", token: adminToken,
            body: json(["username": "sec", "password": securityPassword, "roles": ["security-admin"]])), 201, "security admin")
    let security = try object(
        try await c.send(.POST, "/v1/auth/login", body: json(["tenant": slug, "username": "sec", "password": securityPassword])))
    guard let token = security["token"] as? String else { throw BenchError("no security-admin token") }
    return token
}

func run(policyCount: Int, token: String, options: Options) async throws {
    var rng = LCG(state: 42)
    let service = "bench_hive_\(policyCount)"
    let setup = try await HTTPConnection.connect(host: options.host, port: options.port)
    let importStart = Date()
    _ = try expect(
        try await setup.send(.POST, "/v1/policies/import", token: token, body: json(export(service: service, count: policyCount, rng: &rng))),
        200, "import")
    let importSeconds = Date().timeIntervalSince(importStart)
    let bodies = try (0..<16).map { _ in try batchBody(service: service, size: options.batch, policyCount: policyCount, rng: &rng) }
    let warm = try expect(try await setup.send(.POST, "/v1/authorize/batch", token: token, body: bodies[0]), 200, "warm-up batch")
    let decisions = try object(warm)["decisions"] as? [[String: Any]] ?? []
    let allowed = decisions.filter { $0["allowed"] as? Bool == true }.count
    await setup.close()

    let batches = try await load(options) { connection, index in
        let reply = try await connection.send(.POST, "/v1/authorize/batch", token: token, body: bodies[index % bodies.count])
        guard reply.status == 200 else { throw BenchError("batch: HTTP \(reply.status): \(String(buffer: reply.body).prefix(200))") }
    }
    print(
        String(
            format:
                "%6d policies (import %.1f s): batch: %d requests of %d in %.1f s over %d connections: %.0f decisions/s, p50 %.1f ms, p99 %.1f ms (%d/%d allowed in a sample batch)",
            policyCount, importSeconds, batches.latencies.count, options.batch, batches.elapsed, options.connections,
            Double(batches.latencies.count * options.batch) / batches.elapsed, percentile(batches.latencies, 0.50),
            percentile(batches.latencies, 0.99), allowed, decisions.count))

    // One decision per request with an API key, as an application asks per query, and /healthz
    // right after in the same way: the server's own ceiling on this machine at this moment.
    let keyConnection = try await HTTPConnection.connect(host: options.host, port: options.port)
    let key = try object(
        expect(try await keyConnection.send(.POST, "/v1/api-keys", token: token, body: json(["name": "bench-\(policyCount)"])), 201, "API key"))
    await keyConnection.close()
    guard let apiKey = key["token"] as? String else { throw BenchError("no API key token") }
    let singles = try (0..<256).map { _ in try singleBody(service: service, policyCount: policyCount, rng: &rng) }
    // Warm-up that also samples the allow rate.
    var singleAllowed = 0
    let sample = try await HTTPConnection.connect(host: options.host, port: options.port)
    for body in singles {
        let reply = try expect(try await sample.send(.POST, "/v1/authorize", token: apiKey, body: body), 200, "single decision")
        if try object(reply)["allowed"] as? Bool == true { singleAllowed += 1 }
    }
    await sample.close()
    let singleAnswers = singles.count
    let single = try await load(options) { connection, index in
        let reply = try await connection.send(.POST, "/v1/authorize", token: apiKey, body: singles[index % singles.count])
        guard reply.status == 200 else { throw BenchError("single: HTTP \(reply.status): \(String(buffer: reply.body).prefix(200))") }
    }
    let health = try await load(options) { connection, _ in
        let reply = try await connection.send(.GET, "/healthz")
        guard reply.status == 200 else { throw BenchError("healthz: HTTP \(reply.status)") }
    }
    let singleRate = Double(single.latencies.count) / single.elapsed
    let healthRate = Double(health.latencies.count) / health.elapsed
    print(
        String(
            format:
                "%6d policies: single decisions with an API key over %d connections: %.0f decisions/s, p50 %.2f ms, p99 %.2f ms (%d/%d allowed in a sample); /healthz: %.0f requests/s, p50 %.2f ms; single decisions at %.0f%% of /healthz",
            policyCount, options.connections, singleRate, percentile(single.latencies, 0.50), percentile(single.latencies, 0.99), singleAllowed,
            singleAnswers, healthRate, percentile(health.latencies, 0.50), 100 * singleRate / healthRate))
}

/// Keeps `options.connections` connections busy with `request` for `options.seconds`; the
/// latencies (ms, sorted) and the seconds it took.
func load(
    _ options: Options, _ request: @escaping @Sendable (HTTPConnection, Int) async throws -> Void
) async throws -> (latencies: [Double], elapsed: Double) {
    let deadline = Date().addingTimeInterval(options.seconds)
    let start = Date()
    let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
        for worker in 0..<options.connections {
            group.addTask {
                let connection = try await HTTPConnection.connect(host: options.host, port: options.port)
                var samples: [Double] = []
                var index = worker
                while Date() < deadline {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    try await request(connection, index)
                    samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
                    index += options.connections
                }
                await connection.close()
                return samples
            }
        }
        var all: [Double] = []
        for try await samples in group { all += samples }
        return all.sorted()
    }
    return (latencies, Date().timeIntervalSince(start))
}

func singleBody(service: String, policyCount: Int, rng: inout LCG) throws -> ByteBuffer {
    let t = rng.int(policyCount)
    return try json([
        "service": service, "user": users[rng.int(users.count)], "accessType": rng.int(2) == 0 ? "select" : "update",
        "resource": ["database": "db\(t % databases)", "table": "tbl\(t)", "column": "col\(rng.int(20))"],
    ])
}

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    let token = try await setUp(options)
    for count in options.policyCounts { try await run(policyCount: count, token: token, options: options) }
} catch {
    print("http-decision-bench: \(error)")
    exit(1)
}
