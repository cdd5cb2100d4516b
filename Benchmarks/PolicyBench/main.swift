// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartPolicy

// Micro-benchmark: a synthetic Hive-like service (database/table/column), 200 users, 50 groups,
// ~20% wildcard policies; prints per-decision p50/p99 and decisions per second.

struct LCG {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

let hive = ServiceDef(
    name: "hive",
    resources: [
        ResourceDef(
            name: "database", level: 1, matcher: "org.apache.ranger.plugin.resourcematcher.RangerDefaultResourceMatcher",
            matcherOptions: ["wildCard": "true", "ignoreCase": "true"]),
        ResourceDef(
            name: "table", level: 2, parent: "database", matcher: "org.apache.ranger.plugin.resourcematcher.RangerDefaultResourceMatcher",
            matcherOptions: ["wildCard": "true", "ignoreCase": "true"]),
        ResourceDef(
            name: "column", level: 3, parent: "table", matcher: "org.apache.ranger.plugin.resourcematcher.RangerDefaultResourceMatcher",
            matcherOptions: ["wildCard": "true", "ignoreCase": "true"]),
    ],
    accessTypes: ["select", "update", "create", "drop", "alter", "index", "lock", "read", "write"].map { AccessTypeDef(name: $0) }
        + [AccessTypeDef(name: "all", impliedGrants: ["select", "update", "create", "drop", "alter", "index", "lock", "read", "write"])]
)

let users = (0..<200).map { "user\($0)" }
let groups = (0..<50).map { "group\($0)" }
let databases = 100

func makePolicies(_ n: Int, _ rng: inout LCG) -> [Policy] {
    var out: [Policy] = []
    out.reserveCapacity(n)
    for i in 0..<n {
        let wildcard = rng.int(100) < 20
        let db = "db\(i % databases)"
        var table = "tbl\(i)"
        var column = "col\(rng.int(20))"
        if wildcard {
            switch rng.int(4) {
            case 0: table = "tbl\(i % 97)*"
            case 1: column = "*"
            case 2: table = "*"
            default: column = "col\(rng.int(5))*"
            }
        }
        var items: [PolicyItem] = []
        for _ in 0..<(1 + rng.int(2)) {
            items.append(
                PolicyItem(
                    accesses: [PolicyItemAccess(type: rng.int(2) == 0 ? "select" : "update")],
                    users: (0..<3).map { _ in users[rng.int(users.count)] }, groups: [groups[rng.int(groups.count)]]))
        }
        let deny: [PolicyItem] =
            rng.int(100) < 5 ? [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: [users[rng.int(users.count)]])] : []
        out.append(
            Policy(
                id: Int64(i + 1), name: "p\(i)",
                resources: [
                    "database": PolicyResource(values: [db]), "table": PolicyResource(values: [table]), "column": PolicyResource(values: [column]),
                ],
                policyItems: items, denyPolicyItems: deny))
    }
    return out
}

func percentile(_ sorted: [UInt64], _ p: Double) -> UInt64 {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func run(policyCount: Int) throws {
    var rng = LCG(state: 42)
    let policies = makePolicies(policyCount, &rng)
    let buildStart = DispatchTime.now().uptimeNanoseconds
    let snapshot = try PolicySnapshot(serviceDef: hive, service: Service(name: "bench_hive", type: "hive"), policies: policies)
    let buildNs = DispatchTime.now().uptimeNanoseconds - buildStart
    let requests: [AccessRequest] = (0..<20_000).map { _ in
        let t = rng.int(policyCount)
        return AccessRequest(
            resource: AccessResource(["database": "db\(t % databases)", "table": "tbl\(t)", "column": "col\(rng.int(20))"]),
            accessType: rng.int(2) == 0 ? "select" : "update", user: users[rng.int(users.count)],
            userGroups: [groups[rng.int(groups.count)], groups[rng.int(groups.count)]])
    }
    // Warm up.
    var allowed = 0
    for r in requests.prefix(2000) where snapshot.evaluate(r).isAllowed { allowed += 1 }
    // Each round times every request; the host's speed drifts, so the median round is reported
    // beside the fastest and slowest.
    var roundFigures: [(p50: Double, p99: Double, perSecond: Double)] = []
    var samples: [UInt64] = []
    samples.reserveCapacity(requests.count)
    for _ in 0..<rounds {
        samples.removeAll(keepingCapacity: true)
        allowed = 0
        let total0 = DispatchTime.now().uptimeNanoseconds
        for r in requests {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let res = snapshot.evaluate(r)
            let t1 = DispatchTime.now().uptimeNanoseconds
            if res.isAllowed { allowed += 1 }
            samples.append(t1 - t0)
        }
        let totalNs = DispatchTime.now().uptimeNanoseconds - total0
        samples.sort()
        roundFigures.append(
            (Double(percentile(samples, 0.50)) / 1000, Double(percentile(samples, 0.99)) / 1000, Double(requests.count) / (Double(totalNs) / 1e9)))
    }
    let byP50 = roundFigures.sorted { $0.p50 < $1.p50 }
    let median = byP50[byP50.count / 2]
    print(
        String(
            format: "%6d policies: build %.1f ms, p50 %.2f µs, p99 %.2f µs, %.0f decisions/s (%d/%d allowed; median of %d rounds, p50 %.2f–%.2f µs)",
            policyCount, Double(buildNs) / 1e6, median.p50, median.p99, median.perSecond, allowed, requests.count, rounds,
            byP50.first?.p50 ?? 0, byP50.last?.p50 ?? 0))
}

/// `PolicyBench [--rounds N] [--policies 1000,10000]`
func option(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

let rounds = option("--rounds").flatMap(Int.init) ?? 5
let policyCounts = option("--policies").map { $0.split(separator: ",").compactMap { Int($0) } } ?? [1_000, 10_000]
guard rounds > 0, !policyCounts.isEmpty, policyCounts.allSatisfy({ $0 > 0 }) else {
    print("policy-bench: usage: PolicyBench [--rounds N] [--policies 1000,10000]")
    exit(2)
}
do {
    for count in policyCounts { try run(policyCount: count) }
} catch {
    print("policy-bench: \(error)")
    exit(1)
}
