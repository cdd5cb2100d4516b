// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import RampartPolicy

/// The index may return more policies than match, never fewer, and always in evaluation order.
@Suite struct ResourceTrieTests {
    /// A small deterministic generator, so a failure names a reproducible case.
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        /// Draws from the first `vocabulary` words only, when set: fewer words, longer lists.
        var vocabulary: Int? = nil
        mutating func pick(_ values: [String]) -> String { values[next(min(vocabulary ?? values.count, values.count))] }
    }

    /// Short words that are often prefixes of one another, in two cases.
    static let words =
        ["a", "ab", "abc", "Abc", "b", "ba", "bab", "c", "ca", "cab", "x"]
        + (0..<30).map { "w\($0)" } + (0..<10).map { "W\($0)x" }

    static func policyValue(_ g: inout Generator) -> String {
        switch g.next(20) {
        case 0: return "*"
        case 1: return g.pick(words) + "*"
        case 2: return g.pick(words) + "?"
        case 3: return "*" + g.pick(words)
        case 4: return g.pick(words) + "*" + g.pick(words)
        default: return g.pick(words)
        }
    }

    static func requestValue(_ g: inout Generator) -> String {
        switch g.next(12) {
        case 0: return "*"
        case 1: return ""
        default: return g.pick(words) + (g.next(3) == 0 ? g.pick(words) : "")
        }
    }

    static func hive(ignoreCase: Bool) -> ServiceDef {
        let options = ["wildCard": "true", "ignoreCase": ignoreCase ? "true" : "false"]
        return ServiceDef(
            name: "hive",
            resources: [
                ResourceDef(name: "database", level: 1, excludesSupported: true, matcher: TestData.matcher, matcherOptions: options),
                ResourceDef(name: "table", level: 2, parent: "database", excludesSupported: true, matcher: TestData.matcher, matcherOptions: options),
                ResourceDef(name: "column", level: 3, parent: "table", excludesSupported: true, matcher: TestData.matcher, matcherOptions: options),
            ],
            accessTypes: [AccessTypeDef(name: "select")])
    }

    static func randomResources(_ g: inout Generator) -> [String: PolicyResource] {
        var out: [String: PolicyResource] = [:]
        let depth = g.next(5) == 0 ? 1 + g.next(2) : 3
        for name in ["database", "table", "column"].prefix(depth) {
            let values = (0...g.next(2)).map { _ in policyValue(&g) }
            out[name] = PolicyResource(values: values, isExcludes: g.next(12) == 0)
        }
        return out
    }

    /// A small vocabulary gives lists of more than 64 policies, which are walked differently.
    @Test(arguments: [(true, nil), (false, nil), (true, 6)] as [(Bool, Int?)])
    func candidatesAreASupersetOfMatchesInRankOrder(ignoreCase: Bool, vocabulary: Int?) throws {
        var g = Generator(state: ignoreCase ? 7 : 11, vocabulary: vocabulary)
        let compiled = CompiledServiceDef(Self.hive(ignoreCase: ignoreCase))
        let evaluators = (0..<400).map { i in
            var policy = Policy(id: Int64(i), name: "p\(i)", resources: Self.randomResources(&g))
            if g.next(10) == 0 { policy.additionalResources = [Self.randomResources(&g)] }
            return PolicyEvaluator(policy: policy, serviceDef: compiled, scheduleZone: TimeZone(identifier: "UTC") ?? .current)
        }
        let repository = PolicyRepository(type: .access, evaluators: evaluators, serviceDef: compiled)
        #expect(!repository.tries.isEmpty)
        let rank = Dictionary(uniqueKeysWithValues: repository.evaluators.enumerated().map { ($0.element.id, $0.offset) })
        var narrowed = 0
        for _ in 0..<1500 {
            var elements: [String: ResourceValue] = [:]
            for name in ["database", "table", "column"].prefix(1 + g.next(3)) {
                elements[name] = g.next(6) == 0 ? .list([Self.requestValue(&g), Self.requestValue(&g)]) : .single(Self.requestValue(&g))
            }
            var scopes: [String: ElementMatchingScope] = [:]
            if g.next(10) == 0 { scopes["table"] = .selfOrPrefix }
            let prepared = PreparedResource(AccessResource(elements: elements), scopes: scopes, names: compiled.resourceNames)
            let tokens = TokenContext([:])
            let candidates = repository.candidates(prepared)
            let ranks = candidates.map { rank[$0.id] ?? -1 }
            #expect(ranks == ranks.sorted() && Set(ranks).count == ranks.count, "candidates out of order for \(elements)")
            let offered = Set(candidates.map(\.id))
            for ev in repository.evaluators where ev.resourceMatchers.contains(where: { $0.matchType(prepared, tokens) != .none }) {
                #expect(offered.contains(ev.id), "policy \(ev.id) matches \(elements) but was not offered")
            }
            if candidates.count < repository.evaluators.count / 4 { narrowed += 1 }
        }
        // The index must actually narrow most requests, or this test proves nothing about it.
        #expect(narrowed > (vocabulary == nil ? 600 : 100))
    }

    /// Resource levels are numbered into a 64-bit mask; a definition with more is refused, not
    /// matched wrongly.
    @Test func serviceDefinitionsWithTooManyResourcesAreRefused() throws {
        func def(_ count: Int) -> ServiceDef {
            ServiceDef(
                name: "wide", resources: (0..<count).map { ResourceDef(name: "r\($0)", level: 1, matcher: TestData.matcher) },
                accessTypes: [AccessTypeDef(name: "read")])
        }
        let policy = Policy(
            id: 1, name: "p", resources: ["r62": PolicyResource(values: ["x"])],
            policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "read")], users: ["u"])])
        let fits = try PolicySnapshot(serviceDef: def(ResourceNames.capacity), service: Service(name: "wide"), policies: [policy])
        #expect(fits.evaluate(AccessRequest(resource: AccessResource(["r62": "x"]), accessType: "read", user: "u")).isAllowed)
        #expect(!fits.evaluate(AccessRequest(resource: AccessResource(["r62": "y"]), accessType: "read", user: "u")).isAllowed)
        #expect(throws: PolicyError.self) {
            try PolicySnapshot(serviceDef: def(ResourceNames.capacity + 1), service: Service(name: "wide"), policies: [policy])
        }
    }
}
