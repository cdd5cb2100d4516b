// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartPolicy

// In-process decisions of `PolicySnapshot`: per-decision p50/p99 and decisions per second, beside
// what makes the workload hard (the median number of policies whose resources match a request,
// and the allow rate), for two profiles: `hive` (HiveProfile, the realistic one) and `easy`
// (EasyProfile, the first one).

struct LCG {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

func percentile(_ sorted: [UInt64], _ p: Double) -> UInt64 {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func measure(profile: String, policyCount: Int, serviceDef: ServiceDef, policies: [Policy], requests: [AccessRequest]) throws {
    let buildStart = DispatchTime.now().uptimeNanoseconds
    let snapshot = try PolicySnapshot(serviceDef: serviceDef, service: Service(name: "bench_hive", type: "hive"), policies: policies)
    let buildNs = DispatchTime.now().uptimeNanoseconds - buildStart
    var matches = requests.prefix(2000).map { snapshot.resourceMatchingPolicyCount($0) }
    matches.sort()
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
            format:
                "%@ %6d policies: build %.1f ms, p50 %.2f µs, p99 %.2f µs, %.0f decisions/s | matching policies per request: median %d, p90 %d | allowed %.1f%% (%d/%d) | median of %d rounds, p50 %.2f–%.2f µs",
            profile, policyCount, Double(buildNs) / 1e6, median.p50, median.p99, median.perSecond, matches[matches.count / 2],
            matches[matches.count * 9 / 10], 100 * Double(allowed) / Double(requests.count), allowed, requests.count, rounds,
            byP50.first?.p50 ?? 0, byP50.last?.p50 ?? 0))
}

/// `PolicyBench [--rounds N] [--policies 1000,10000] [--profile hive|easy|all]`
func option(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

let rounds = option("--rounds").flatMap(Int.init) ?? 5
let policyCounts = option("--policies").map { $0.split(separator: ",").compactMap { Int($0) } } ?? [1_000, 10_000]
let profiles = option("--profile").map { $0 == "all" ? ["hive", "easy"] : [$0] } ?? ["hive", "easy"]
guard rounds > 0, !policyCounts.isEmpty, policyCounts.allSatisfy({ $0 > 0 }), profiles.allSatisfy({ ["hive", "easy"].contains($0) }) else {
    print("policy-bench: usage: PolicyBench [--rounds N] [--policies 1000,10000] [--profile hive|easy|all]")
    exit(2)
}
do {
    for profile in profiles {
        for count in policyCounts {
            var rng = LCG(state: 42)
            if profile == "hive" {
                let workload = HiveProfile(policyCount: count, rng: &rng)
                try measure(
                    profile: profile, policyCount: count, serviceDef: HiveProfile.serviceDef, policies: workload.policies,
                    requests: workload.requests(20_000, rng: &rng))
            } else {
                let workload = EasyProfile(policyCount: count, rng: &rng)
                try measure(
                    profile: profile, policyCount: count, serviceDef: EasyProfile.serviceDef, policies: workload.policies,
                    requests: workload.requests(20_000, rng: &rng))
            }
        }
    }
} catch {
    print("policy-bench: \(error)")
    exit(1)
}
