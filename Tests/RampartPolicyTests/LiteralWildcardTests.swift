// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartPolicy

/// With `wildCard=false` a matcher takes `*` and `?` in policy values as ordinary characters:
/// default and path matchers, with `ignoreCase` and a path delimiter of their own.
@Suite struct LiteralWildcardTests {
    static func snapshot(_ matcher: String, _ options: [String: String], _ value: String, recursive: Bool = false) throws -> PolicySnapshot {
        let def = ServiceDef(
            name: "literal",
            resources: [ResourceDef(name: "path", level: 1, recursiveSupported: true, matcher: matcher, matcherOptions: options)],
            accessTypes: [AccessTypeDef(name: "read")])
        let policy = Policy(
            id: 1, resources: ["path": PolicyResource(values: [value], isRecursive: recursive)],
            policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "read")], users: ["ann"])])
        // Enough others for the repository to index values in its tries, which must read `*` and
        // `?` literally too.
        let others = (2...12).map { id in
            Policy(
                id: Int64(id), resources: ["path": PolicyResource(values: ["other\(id)"])],
                policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "read")], users: ["bob"])])
        }
        return try PolicySnapshot(serviceDef: def, service: Service(name: "literal", type: "literal"), policies: [policy] + others)
    }

    static func allows(_ snapshot: PolicySnapshot, _ path: String) -> Bool {
        snapshot.evaluate(AccessRequest(resource: AccessResource(["path": path]), accessType: "read", user: "ann")).isAllowed
    }

    static let defaultMatcher = "org.apache.ranger.plugin.resourcematcher.RangerDefaultResourceMatcher"
    static let pathMatcher = "org.apache.ranger.plugin.resourcematcher.RangerPathResourceMatcher"

    @Test func theDefaultMatcherTakesStarsAndQuestionMarksLiterally() throws {
        let literal = try Self.snapshot(Self.defaultMatcher, ["wildCard": "false", "ignoreCase": "true"], "sales*")
        #expect(Self.allows(literal, "sales*"))
        #expect(Self.allows(literal, "SALES*"))
        #expect(!Self.allows(literal, "sales1"))
        #expect(!Self.allows(literal, "sales"))
        let question = try Self.snapshot(Self.defaultMatcher, ["wildCard": "false"], "db?")
        #expect(Self.allows(question, "db?"))
        #expect(!Self.allows(question, "db1"))
        // With wildcards on, the same values are patterns.
        let pattern = try Self.snapshot(Self.defaultMatcher, ["wildCard": "true"], "sales*")
        #expect(Self.allows(pattern, "sales1"))
    }

    @Test func pathMatchersTooWithTheirDelimiterAndCase() throws {
        let options = ["wildCard": "false", "ignoreCase": "true", "pathSeparatorChar": ":"]
        let literal = try Self.snapshot(Self.pathMatcher, options, ":data:*")
        #expect(Self.allows(literal, ":data:*"))
        #expect(Self.allows(literal, ":DATA:*"))
        #expect(!Self.allows(literal, ":data:x"))
        let recursive = try Self.snapshot(Self.pathMatcher, options, ":data:*", recursive: true)
        #expect(Self.allows(recursive, ":data:*"))
        #expect(Self.allows(recursive, ":DATA:*:reports"))
        #expect(!Self.allows(recursive, ":data:x"))
        #expect(!Self.allows(recursive, ":data:xy:reports"))
        let plainRecursive = try Self.snapshot(Self.pathMatcher, options, ":data", recursive: true)
        #expect(Self.allows(plainRecursive, ":Data:anything"))
        #expect(!Self.allows(plainRecursive, ":database"))
    }
}
