// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartPolicy
import Testing

@testable import RampartServer

/// The policy form drawn for a stored policy and posted back untouched writes the same policy:
/// opening a policy in the form and pressing Save changes nothing it says.
@Suite struct PolicyFormTests {
    static let definition = """
        {"name": "hive",
         "options": {"enableDenyAndExceptionsInPolicies": "true"},
         "resources": [
           {"name": "database", "level": 10, "excludesSupported": true, "label": "Hive Database"},
           {"name": "table", "level": 20, "parent": "database", "excludesSupported": true},
           {"name": "column", "level": 30, "parent": "table", "excludesSupported": true},
           {"name": "url", "level": 10, "recursiveSupported": true}],
         "accessTypes": [{"name": "select"}, {"name": "update"}, {"name": "drop"}],
         "policyConditions": [{"name": "ip-range", "evaluator": "RangerIpMatcher"}, {"name": "accessed-together", "evaluator": "x"}],
         "dataMaskDef": {"maskTypes": [{"name": "MASK_SHOW_LAST_4"}, {"name": "CUSTOM"}], "accessTypes": [{"name": "select"}],
           "resources": [{"name": "database", "level": 10}, {"name": "table", "level": 20, "parent": "database"},
                         {"name": "column", "level": 30, "parent": "table"}]},
         "rowFilterDef": {"accessTypes": [{"name": "select"}],
           "resources": [{"name": "database", "level": 10}, {"name": "table", "level": 20, "parent": "database"}]}}
        """

    static let policies = [
        """
        {"service": "h", "name": "everything but hr", "policyType": 0, "policyPriority": 1, "isDenyAllElse": true,
         "description": "what analysts read", "zoneName": "finance", "policyLabels": ["q1"], "options": {"k": "v"},
         "resources": {"database": {"values": ["hr", "payroll*"], "isExcludes": true}, "table": {"values": ["*"]}, "column": {"values": ["*"]}},
         "conditions": [{"type": "ip-range", "values": ["10.0.0.0/8"]}],
         "policyItems": [{"users": ["dana", "erin"], "groups": ["analysts"], "roles": ["auditor"],
                          "accesses": [{"type": "SELECT", "isAllowed": true}, {"type": "update", "isAllowed": true}],
                          "conditions": [{"type": "accessed-together", "values": ["a.b", "c.d"]}, {"type": "ip-range", "values": ["10.1.0.0/16"]}],
                          "delegateAdmin": true}],
         "denyPolicyItems": [{"groups": ["contractors"], "accesses": [{"type": "drop", "isAllowed": true}]}],
         "allowExceptions": [{"users": ["mallory"], "accesses": [{"type": "select", "isAllowed": true}]}],
         "denyExceptions": [{"roles": ["dba"], "accesses": [{"type": "drop", "isAllowed": true}]}],
         "validitySchedules": [{"startTime": "2026/01/01 00:00:00", "endTime": "2027/01/01 00:00:00", "timeZone": "Europe/Berlin"}]}
        """,
        """
        {"service": "h", "name": "urls", "policyType": 0, "resources": {"url": {"values": ["s3://bucket/a"], "isRecursive": true, "isExcludes": true}},
         "policyItems": [{"users": ["dana"], "accesses": [{"type": "select"}]}],
         "validitySchedules": [{"endTime": "2027/01/01 00:00:00", "recurrences": [{"schedule": {"minute": "0"}, "interval": {"hours": 1}}]}]}
        """,
        """
        {"service": "h", "name": "mask", "policyType": 1, "isEnabled": false,
         "resources": {"database": {"values": ["finance"]}, "table": {"values": ["accounts"]}, "column": {"values": ["iban"]}},
         "dataMaskPolicyItems": [
           {"groups": ["analysts"], "accesses": [{"type": "select", "isAllowed": true}], "dataMaskInfo": {"dataMaskType": "MASK_SHOW_LAST_4", "conditionExpr": "{col} is not null"}},
           {"users": ["<script>"], "accesses": [{"type": "select", "isAllowed": true}],
            "dataMaskInfo": {"dataMaskType": "CUSTOM", "valueExpr": "concat('x', \\"{col}\\") & 'y'"}}]}
        """,
        """
        {"service": "h", "name": "rows", "policyType": 2,
         "resources": {"database": {"values": ["sales"]}, "table": {"values": ["orders"]}},
         "rowFilterPolicyItems": [{"groups": ["emea"], "accesses": [{"type": "select", "isAllowed": true}],
                                   "rowFilterInfo": {"filterExpr": "region = 'EMEA' and note <> \\"x\\""}}]}
        """,
    ]

    /// Policies the form cannot show without changing them, and why.
    static let uneditable: [(String, String)] = [
        (#"{"name": "u", "resources": {"url": {"values": ["s3://bucket/a,b"]}}, "policyItems": []}"#, "resource url"),
        (#"{"name": "u", "resources": {"database": {"values": ["sales "]}}, "policyItems": []}"#, "resource database"),
        (#"{"name": "u", "resources": {"database": {"values": [""]}}, "policyItems": []}"#, "resource database"),
        (
            #"{"name": "u", "resources": {"database": {"values": ["a"]}}, "denyPolicyItems": [{"groups": ["cn=x,ou=y"], "accesses": [{"type": "select"}]}]}"#,
            "deny item 1"
        ),
        (
            #"{"name": "u", "resources": {"database": {"values": ["a"]}}, "policyItems": [{"users": ["a"], "accesses": [{"type": "select"}], "conditions": [{"type": "ip-range", "values": ["10.1.*"]}, {"type": "ip-range", "values": ["10.*"]}]}]}"#,
            "names one condition twice"
        ),
    ]

    @Test func aPolicyTheFormWouldChangeIsLeftToTheJSONEditor() throws {
        for (text, reason) in Self.uneditable {
            let policy = try JSONDecoder().decode(Policy.self, from: Data(text.utf8))
            let why = PolicyForm(policy).uneditable
            #expect(why?.contains(reason) == true, "\(text): \(why ?? "editable")")
        }
        let many = PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["a"])
        var long = Policy(name: "long", resources: ["database": PolicyResource(values: ["a"])])
        long.denyPolicyItems = Array(repeating: many, count: PolicyForm.maximumRows + 1)
        #expect(PolicyForm(long).uneditable?.contains("more than 100 items") == true)
        for text in Self.policies {
            #expect(PolicyForm(try JSONDecoder().decode(Policy.self, from: Data(text.utf8))).uneditable == nil)
        }
    }

    @Test(arguments: policies)
    func aPolicySavedUntouchedFromTheFormIsUnchanged(_ text: String) throws {
        let definition = try JSONDecoder().decode(ServiceDef.self, from: Data(Self.definition.utf8))
        let stored = try JSONDecoder().decode(Policy.self, from: Data(text.utf8))
        let document = try #require(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)).objectValue)
        let shape = PolicyFormShape(definition: definition, policyType: stored.policyType)
        let page = ConsolePages.policyForm(
            ConsolePages.Viewer(tenantSlug: "acme", tenantName: "Acme", username: "dana", formToken: "t", permissions: []), service: "h",
            policy: nil, form: PolicyForm(stored), shape: shape, version: "1", definitionVersion: 1
        ).text

        let posted = PolicyForm(posted: try Self.fields(of: page), shape: shape, schedulesEditable: PolicyForm(stored).schedulesEditable)
        let written = try JSONDecoder().decode(Policy.self, from: JSONEncoder().encode(posted.document(over: document, shape: shape)))
        #expect(Self.normalized(written) == Self.normalized(stored))
    }

    /// A tag service's policies: the resource is the tag, the accesses are the components' own.
    @Test func aTagPolicySavedUntouchedFromTheFormIsUnchanged() throws {
        let definition = try JSONDecoder().decode(
            ServiceDef.self,
            from: Data(
                #"{"name": "tag", "resources": [{"name": "tag", "level": 1}], "accessTypes": [{"name": "hive:select"}, {"name": "hive:update"}]}"#
                    .utf8))
        let text = #"""
            {"service": "tags", "name": "pii is for the privacy team", "resources": {"tag": {"values": ["PII", "PCI"]}},
             "policyItems": [{"groups": ["privacy"], "accesses": [{"type": "hive:select", "isAllowed": true}]}],
             "denyPolicyItems": [{"groups": ["public"], "accesses": [{"type": "hive:select", "isAllowed": true}, {"type": "hive:update", "isAllowed": true}]}],
             "denyExceptions": [{"groups": ["privacy"], "accesses": [{"type": "hive:select", "isAllowed": true}]}]}
            """#
        let stored = try JSONDecoder().decode(Policy.self, from: Data(text.utf8))
        let document = try #require(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)).objectValue)
        let shape = PolicyFormShape(definition: definition, policyType: .access)
        #expect(shape.lists == [.allow, .deny, .allowExceptions, .denyExceptions], "a tag service has deny and exceptions")
        let page = ConsolePages.policyForm(
            ConsolePages.Viewer(tenantSlug: "acme", tenantName: "Acme", username: "dana", formToken: "t", permissions: []), service: "tags",
            policy: nil, form: PolicyForm(stored), shape: shape, version: "1", definitionVersion: 1
        ).text
        #expect(page.contains("> hive:select</label>"))
        let posted = PolicyForm(posted: try Self.fields(of: page), shape: shape, schedulesEditable: true)
        let written = try JSONDecoder().decode(Policy.self, from: JSONEncoder().encode(posted.document(over: document, shape: shape)))
        #expect(Self.normalized(written) == Self.normalized(stored))
    }

    /// What a browser posts for a page's form: text and hidden inputs, ticked boxes, text areas
    /// and selected options, their character references decoded.
    static func fields(of page: String) throws -> [String: String] {
        var fields: [String: String] = [:]
        for match in page.matches(of: try Regex(#"<input type="(?:text|hidden)"[^>]*? name="([^"]+)" value="([^"]*)""#)) {
            fields[String(try #require(match.output[1].substring))] = unescape(String(try #require(match.output[2].substring)))
        }
        for match in page.matches(of: try Regex(#"<input type="checkbox" name="([^"]+)" checked>"#)) {
            fields[String(try #require(match.output[1].substring))] = "on"
        }
        for match in page.matches(of: try Regex(#"<textarea[^>]* name="([^"]+)"[^>]*>([^<]*)</textarea>"#)) {
            fields[String(try #require(match.output[1].substring))] = unescape(String(try #require(match.output[2].substring)))
        }
        for match in page.matches(of: try Regex(#"<select[^>]* name="([^"]+)">(.*?)</select>"#)) {
            let options = String(try #require(match.output[2].substring))
            let selected = options.firstMatch(of: try Regex(#"<option value="([^"]*)" selected>"#))
            fields[String(try #require(match.output[1].substring))] = unescape(String(selected?.output[1].substring ?? ""))
        }
        return fields
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A policy as it decides: no description is an empty one, a condition list in any order,
    /// access types as Ranger compares them (lower-cased).
    static func normalized(_ policy: Policy) -> Policy {
        var policy = policy
        policy.description = policy.description ?? ""
        func item(_ item: PolicyItem) -> PolicyItem {
            var item = item
            item.conditions.sort { $0.type < $1.type }
            item.accesses = item.accesses.map { PolicyItemAccess(type: $0.type.lowercased(), isAllowed: $0.isAllowed) }
            return item
        }
        policy.policyItems = policy.policyItems.map(item)
        policy.denyPolicyItems = policy.denyPolicyItems.map(item)
        policy.allowExceptions = policy.allowExceptions.map(item)
        policy.denyExceptions = policy.denyExceptions.map(item)
        policy.dataMaskPolicyItems = policy.dataMaskPolicyItems.map(item)
        policy.rowFilterPolicyItems = policy.rowFilterPolicyItems.map(item)
        return policy
    }
}
