// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import RampartPolicy

/// The JavaScript subset Rampart evaluates for Ranger's `expression` conditions.
@Suite struct ConditionScriptTests {
    static let access = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    static func input(
        context: [String: String] = [:], groups: Set<String> = [], roles: Set<String> = [], tag: TagForEval? = nil,
        allTags: [TagForEval] = []
    ) -> ScriptInput {
        ScriptInput(context: context, accessTime: access, groups: groups, roles: roles, tag: tag, allTags: allTags)
    }

    static func holds(_ source: String, _ input: ScriptInput = input()) throws -> Bool {
        try #require(ConditionScript(source), "did not parse: \(source)").evaluate(input).holds
    }

    @Test func looseEqualityComparisonAndTruthinessAreJavaScripts() throws {
        for (source, expected) in [
            ("'1' == 1", true), ("'1' === 1", false), ("null == undefined", true), ("null === undefined", false),
            ("null == 0", false), ("'' == 0", true), ("'b' > 'a'", true), ("'10' < '9'", true), ("'10' < 9", false),
            ("'x' < 1 || 'x' >= 1", false), ("!!''", false), ("!!'0'", true), ("!0", true), ("-'2' < -1", true),
            ("true && 'yes' == 'yes'", true), ("(1 < 2) == true", true), ("1 != 1 || 2 !== 2", false),
        ] {
            #expect(try Self.holds(source) == expected, "\(source)")
        }
    }

    @Test func theLastExpressionDecidesElseCtxResult() throws {
        #expect(try Self.holds("ctx.result = true;"))
        #expect(try Self.holds("if (1 > 2) ctx.result = true;") == false)
        #expect(try Self.holds("if (1 < 2) { ctx.result = true; } else { ctx.result = false; }"))
        #expect(try Self.holds("ctx.result = true; 'not a boolean'"))
        #expect(try Self.holds("ctx.result = true; false") == false)
        #expect(try Self.holds("var a = 1; var b = '1'; a == b"))
        #expect(try Self.holds("var a = 1; a = 2; a == 2"))
    }

    @Test func hostNamesReadTheRequestAndTheTag() throws {
        let tag = TagForEval(type: "PII", attributes: ["level": "high", "score": "1", "expiry": "2026/06/15", "start": "2026-01-01T00:00:00.000Z"])
        let input = Self.input(
            context: ["COUNTRY": "NL"], groups: ["analysts"], roles: ["fin-admin"], tag: tag, allTags: [tag, TagForEval(type: "PCI")])
        for (source, expected) in [
            ("var c = ctx.getRequestContextAttribute('COUNTRY'); ctx.result = !!c;", true),
            ("ctx.getRequestContextAttribute('MISSING') == null", true),
            ("TAG.level == 'high'", true), ("tag.level == 'low'", false), ("TAG.nothing == undefined", true),
            ("if ( tagAttr.get('score') < 2 ) ctx.result = true;", true), ("tagAttr.get('none') == null", true),
            ("ctx.isAccessedBefore('expiry')", true), ("ctx.isAccessedAfter('expiry')", false),
            ("ctx.isAccessedAfter('start')", true), ("ctx.isAccessedBefore('start')", false),
            // A missing or unreadable date: accessed after it, never before.
            ("ctx.isAccessedAfter('level')", true), ("ctx.isAccessedBefore('nothing')", false),
            ("IS_IN_ROLE('fin-admin') && IS_IN_GROUP('analysts')", true), ("IS_IN_ROLE('hr-admin')", false),
            ("HAS_TAG('PCI') && !HAS_TAG('PHI')", true),
        ] {
            #expect(try Self.holds(source, input) == expected, "\(source)")
        }
        #expect(try #require(ConditionScript("ctx.getRequestContextAttribute('MISSING')")).evaluate(input).readMissingContext)
        #expect(try #require(ConditionScript("ctx.getRequestContextAttribute('COUNTRY')")).evaluate(input).readMissingContext == false)
    }

    @Test func whatJavaScriptWouldThrowOnFails() throws {
        // Unknown names, properties of null, assigning anything but ctx.result or a var.
        for source in ["unknown == 1", "var x = null; x.y", "ctx.other = true", "ctx.result = true; nobody()", "'a'()"] {
            #expect(try Self.holds(source) == false, "\(source)")
        }
    }

    @Test func scriptsOutsideTheSubsetDoNotParse() {
        for source in [
            "while (true) {}", "for (;;) {}", "function f() { return true; }", "new Date()", "this.x", "a => a", "x[0]", "1 + 2",
            "'unterminated", "ctx.result = ;", "if (true", "{", "#", String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100),
            "true " + String(repeating: "&& true ", count: 600),
        ] {
            #expect(ConditionScript(source) == nil, "\(source.prefix(40))")
        }
    }

    /// A script template's condition value `no` asks for the script not to hold.
    @Test func aScriptTemplateConditionAndItsInversion() throws {
        var def = TestData.hiveDef
        def.policyConditions = [
            PolicyConditionDef(
                name: "expired", evaluator: "org.apache.ranger.plugin.conditionevaluator.RangerScriptTemplateConditionEvaluator",
                evaluatorOptions: ["scriptTemplate": "ctx.getRequestContextAttribute('EXPIRED') == 'yes';"])
        ]
        func policy(_ value: String) -> Policy {
            Policy(
                id: 1, resources: TestData.res("db"),
                policyItems: [
                    PolicyItem(
                        accesses: [PolicyItemAccess(type: "select")], users: ["ann"],
                        conditions: [PolicyItemCondition(type: "expired", values: [value])])
                ])
        }
        let service = Service(name: "dev_hive", type: "hive")
        let whenExpired = try PolicySnapshot(serviceDef: def, service: service, policies: [policy("yes")])
        let whenNotExpired = try PolicySnapshot(serviceDef: def, service: service, policies: [policy("no")])
        for (expired, allowedIfYes) in [("yes", true), ("no", false)] {
            let request = AccessRequest(
                resource: AccessResource(["database": "db"]), accessType: "select", user: "ann", context: ["EXPIRED": expired])
            #expect(whenExpired.evaluate(request).isAllowed == allowedIfYes)
            #expect(whenNotExpired.evaluate(request).isAllowed == !allowedIfYes)
            #expect(whenExpired.evaluate(request).unsupportedFeatures.isEmpty)
        }
    }
}
