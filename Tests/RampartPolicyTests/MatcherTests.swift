// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartPolicy

@Suite struct MatcherTests {
    let defaultDef = ResourceDef(name: "table", matcher: "org.apache.ranger.plugin.resourcematcher.RangerDefaultResourceMatcher")
    let pathDef = ResourceDef(name: "path", matcher: "org.apache.ranger.plugin.resourcematcher.RangerPathResourceMatcher")

    @Test func wildcardsAndCase() {
        let m = ResourceValueMatcher(resourceDef: defaultDef, policyResource: PolicyResource(values: ["tbl_*", "a?c"]))
        #expect(m.isMatch("TBL_x"))
        #expect(m.isMatch("abc"))
        #expect(!m.isMatch("abbc"))
        #expect(!m.isMatch("other"))
    }

    @Test func caseSensitiveWhenConfigured() {
        var def = defaultDef
        def.matcherOptions = ["ignoreCase": "false"]
        let m = ResourceValueMatcher(resourceDef: def, policyResource: PolicyResource(values: ["Sales"]))
        #expect(m.isMatch("Sales"))
        #expect(!m.isMatch("sales"))
    }

    @Test func excludesInvertExceptForAllValues() {
        let m = ResourceValueMatcher(resourceDef: defaultDef, policyResource: PolicyResource(values: ["secret"], isExcludes: true))
        #expect(m.isMatch("public"))
        #expect(!m.isMatch("secret"))
        // "All values" requested and the policy is not match-any: excludes do not flip.
        #expect(!m.isMatch("*"))
    }

    @Test func recursivePaths() {
        let m = ResourceValueMatcher(resourceDef: pathDef, policyResource: PolicyResource(values: ["/data"], isRecursive: true))
        #expect(m.isMatch("/data"))
        // As in Ranger, a trailing separator becomes `/data/*`, which does not cover `/data` itself.
        let slash = ResourceValueMatcher(resourceDef: pathDef, policyResource: PolicyResource(values: ["/data/"], isRecursive: true))
        #expect(!slash.isMatch("/data"))
        #expect(slash.isMatch("/data/"))
        #expect(m.isMatch("/data/a/b"))
        #expect(!m.isMatch("/database"))
        let nonRecursive = ResourceValueMatcher(resourceDef: pathDef, policyResource: PolicyResource(values: ["/data"]))
        #expect(!nonRecursive.isMatch("/data/a"))
    }

    @Test func userToken() {
        let m = ResourceValueMatcher(resourceDef: pathDef, policyResource: PolicyResource(values: ["/home/{USER}"], isRecursive: true))
        #expect(m.isMatch("/home/alice/x", tokens: ["token:USER": "alice"]))
        #expect(!m.isMatch("/home/bob/x", tokens: ["token:USER": "alice"]))
    }

    @Test func childScopeForPaths() {
        let m = ResourceValueMatcher(resourceDef: pathDef, policyResource: PolicyResource(values: ["/tmp/a/b"]))
        #expect(m.isMatch("/tmp/a", scope: .selfOrChild))
        #expect(!m.isMatch("/tmp", scope: .selfOrChild))
    }

    @Test func prefixScope() {
        #expect(Wildcard.prefixMatch("ab", "abc*"))
        #expect(Wildcard.prefixMatch("", "x"))
        #expect(!Wildcard.prefixMatch("b", "abc"))
    }

    @Test func hierarchyMatchTypes() {
        let hive = TestData.hiveDef
        let m = PolicyResourceMatch(
            serviceDef: hive, resources: ["database": PolicyResource(values: ["db1"]), "table": PolicyResource(values: ["t1"])])
        #expect(m.matchType(AccessResource(["database": "db1", "table": "t1"])) == .selfMatch)
        #expect(m.matchType(AccessResource(["database": "db1"])) == .descendant)
        #expect(m.matchType(AccessResource(["database": "db1", "table": "t1", "column": "c"])) == .ancestor)
        #expect(m.matchType(AccessResource(["database": "db2"])) == .none)
        let all = PolicyResourceMatch(
            serviceDef: hive,
            resources: ["database": PolicyResource(values: ["db1"]), "table": PolicyResource(values: ["*"]), "column": PolicyResource(values: ["*"])])
        #expect(all.matchType(AccessResource(["database": "db1"])) == .selfAndAllDescendants)
    }

    @Test func lenientJSON() throws {
        let v = try LenientJSON.parse("{'a': [1, 'x',], # comment\n \"b\": true}")
        #expect(v["a"]?.arrayValue?.count == 2)
        #expect(v["b"]?.boolValue == true)
    }
}
