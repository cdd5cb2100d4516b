// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOCore
import NIOHTTP1

// HTTP batch-decision throughput against a running server (see scripts/http-bench.sh):
// sets up a tenant with 200 users in 50 groups, imports a synthetic Hive-like service
// (database/table/column, ~20% wildcard policies, as PolicyBench), then keeps several
// connections busy with /v1/authorize/batch requests and prints decisions/s and request
// latency percentiles.
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
                    let reply = try await connection.send(.POST, "/v1/authorize/batch", token: token, body: bodies[index % bodies.count])
                    let t1 = DispatchTime.now().uptimeNanoseconds
                    guard reply.status == 200 else { throw BenchError("batch: HTTP \(reply.status): \(String(buffer: reply.body).prefix(200))") }
                    samples.append(Double(t1 - t0) / 1e6)
                    index += 1
                }
                await connection.close()
                return samples
            }
        }
        var all: [Double] = []
        for try await samples in group { all += samples }
        return all.sorted()
    }
    let elapsed = Date().timeIntervalSince(start)
    let rate = Double(latencies.count * options.batch) / elapsed
    print(
        String(
            format:
                "%6d policies (import %.1f s): %d requests of %d in %.1f s over %d connections: %.0f decisions/s, p50 %.1f ms, p99 %.1f ms (%d/%d allowed in a sample batch)",
            policyCount, importSeconds, latencies.count, options.batch, elapsed, options.connections, rate, percentile(latencies, 0.50),
            percentile(latencies, 0.99), allowed, decisions.count))
}

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    let token = try await setUp(options)
    for count in options.policyCounts { try await run(policyCount: count, token: token, options: options) }
} catch {
    print("http-decision-bench: \(error)")
    exit(1)
}
