// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import RampartPolicy

/// The validators, without a server: each error names the field it is about.
@Suite struct ValidatorTests {
    static func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    static func field(_ body: () throws(PolicyError) -> Void) -> String? {
        do {
            try body()
            return "no error"
        } catch {
            return error.field
        }
    }

    @Test(arguments: [
        (#"{"name": "p", "resources": {"database": {"values": ["x"]}}}"#, "no error"),
        (
            #"{"name": "p", "resources": {"database": {"values": ["x"]}, "table": {"values": ["t"]}}, "policyItems": [{"users": ["u"], "accesses": [{"type": "all"}]}]}"#,
            "no error"
        ),
        (#"{"resources": {"database": {"values": ["x"]}}}"#, "name"),
        (#"{"name": "p", "resources": {"column": {"values": ["x"]}}}"#, "resources"),
        (#"{"name": "p", "resources": {"database": {"values": "x"}}}"#, "resources.database.values"),
        (#"{"name": "p", "policyPriority": 5, "resources": {"database": {"values": ["x"]}}}"#, "policyPriority"),
        (
            #"{"name": "p", "resources": {"database": {"values": ["x"]}}, "policyItems": [{"users": ["u"], "accesses": [{"type": "drop"}]}]}"#,
            "policyItems[0].accesses[0].type"
        ),
        (
            #"{"name": "p", "resources": {"database": {"values": ["x"]}}, "policyItems": [{"users": [3], "accesses": [{"type": "select"}]}]}"#,
            "policyItems[0].users[0]"
        ),
        (#"{"name": "p", "resources": {"database": {"values": ["x"]}}, "conditions": [{"type": "nope", "values": []}]}"#, "conditions[0].type"),
        (
            #"{"name": "p", "policyType": 2, "resources": {"database": {"values": ["x"]}, "table": {"values": ["t"]}}, "rowFilterPolicyItems": [{"users": ["u"], "accesses": [{"type": "select"}]}]}"#,
            "rowFilterPolicyItems[0].rowFilterInfo"
        ),
    ])
    func policyErrorsNameTheField(_ text: String, _ expected: String) throws {
        let value = try Self.json(text)
        let validator = PolicyValidator(serviceDef: TestData.hiveDef)
        #expect(Self.field { () throws(PolicyError) in _ = try validator.validate(value) } == expected)
    }

    @Test func serviceDefinitionsAndObjects() throws {
        let noAccess = try Self.json(#"{"name": "x", "resources": [{"name": "a"}], "accessTypes": []}"#)
        #expect(Self.field { () throws(PolicyError) in _ = try ServiceDefValidator.validate(noAccess) } == "accessTypes")
        let implied = try Self.json(#"{"name": "x", "resources": [{"name": "a"}], "accessTypes": [{"name": "r", "impliedGrants": ["w"]}]}"#)
        #expect(Self.field { () throws(PolicyError) in _ = try ServiceDefValidator.validate(implied) } == "accessTypes[0].impliedGrants")
        let selfRole = try Self.json(#"{"name": "r", "roles": [{"name": "r"}]}"#)
        #expect(Self.field { () throws(PolicyError) in _ = try RangerObjectValidator.role(selfRole) } == "roles[0].name")
        let emptyZone = try Self.json(#"{"name": "z"}"#)
        #expect(Self.field { () throws(PolicyError) in _ = try RangerObjectValidator.zone(emptyZone) } == "services")
        let service = try Self.json(#"{"name": "s", "type": "hive", "configs": {"k": 1}}"#)
        #expect(Self.field { () throws(PolicyError) in _ = try RangerObjectValidator.service(service) } == "configs.k")
    }
}
