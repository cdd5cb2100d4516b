// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartSCIM
import Testing

/// Create and replace bodies, rendering, and uniqueness.
@Suite struct ResourceTests {
    let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

    @Test func createIgnoresReadOnlyAndUnknownAndDropsPassword() throws {
        let a = try SCIMResourceType.user.attributesForCreate(
            json(
                #"""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "chosen-by-client", "meta": {"version": "W/\"9\""},
                 "userName": "a@x.org", "groups": [{"value": "g1"}], "password": "secret", "shoeSize": 44,
                 "urn:example:custom:2.0:User": {"x": 1}, "ACTIVE": "true"}
                """#))
        #expect(a == (try object(#"{"userName": "a@x.org", "active": true}"#)))
    }

    @Test func createCoercesAndCanonicalises() throws {
        let a = try SCIMResourceType.user.attributesForCreate(
            json(
                #"""
                {"USERNAME": "a@x.org", "Emails": {"Value": "a@x.org", "PRIMARY": "True", "bogus": 1},
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"Manager": "m1", "DEPARTMENT": "D", "unknown": 1},
                 "name.givenName": "Al", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:division": "Div"}
                """#))
        #expect(a.keys == ["userName", "emails", enterprise, "name"])
        #expect(a.value(forAttribute: "emails") == [["value": "a@x.org", "primary": true]])
        #expect(a.value(forAttribute: enterprise) == ["manager": ["value": "m1"], "department": "D", "division": "Div"])
        #expect(a.value(forAttribute: "name") == ["givenName": "Al"])
    }

    @Test func createRequiresUserNameAndGroupDisplayName() throws {
        for body in [#"{"displayName": "No Username"}"#, #"{"userName": ""}"#, #"{"userName": "  "}"#, #"{"userName": null}"#] {
            let error = scimError { _ = try SCIMResourceType.user.attributesForCreate(json(body)) }
            #expect(error?.code == .invalidValue, "\(body)")
            #expect(error?.status == 400)
        }
        #expect(scimError { _ = try SCIMResourceType.group.attributesForCreate(json(#"{"members": []}"#)) }?.code == .invalidValue)
    }

    @Test func createRejectsBadShapes() throws {
        #expect(scimError { _ = try SCIMResourceType.user.attributesForCreate(json("[]")) }?.code == .invalidSyntax)
        #expect(scimError { _ = try SCIMResourceType.user.attributesForCreate(json(#"{"schemas": "x", "userName": "a"}"#)) }?.code == .invalidSyntax)
        #expect(scimError { _ = try SCIMResourceType.user.attributesForCreate(json(#"{"userName": 42}"#)) }?.code == .invalidValue)
        #expect(
            scimError {
                _ = try SCIMResourceType.user.attributesForCreate(
                    json(#"{"userName": "a", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": "x"}"#))
            }?.code == .invalidValue)
    }

    @Test func multiplePrimariesKeepTheFirst() throws {
        let a = try SCIMResourceType.user.attributesForCreate(
            json(#"{"userName": "a", "emails": [{"value": "1", "primary": true}, {"value": "2", "primary": true}]}"#))
        #expect(a.value(forAttribute: "emails") == [["value": "1", "primary": true], ["value": "2", "primary": false]])
    }

    @Test func replaceKeepsImmutableValuesAndRefusesChanges() throws {
        let type = SCIMResourceType(
            name: "Device", endpoint: "/Devices", description: "",
            schema: SCIMSchema(
                id: "urn:x:Device", name: "Device", description: "",
                attributes: [
                    SCIMAttribute("serial", mutability: .immutable), SCIMAttribute("label"),
                ]))
        let existing = try type.attributesForCreate(json(#"{"serial": "S1", "label": "a"}"#))
        #expect(try type.attributesForReplace(json(#"{"label": "b"}"#), existing: existing) == object(#"{"label": "b", "serial": "S1"}"#))
        #expect(try type.attributesForReplace(json(#"{"serial": "S1"}"#), existing: existing) == object(#"{"serial": "S1"}"#))
        #expect(scimError { _ = try type.attributesForReplace(json(#"{"serial": "S2"}"#), existing: existing) }?.code == .mutability)
    }

    @Test func renderOrdersAttributesAndListsPresentExtensions() throws {
        let r = rendered(.user, try entraUser(), id: "u1", version: 3)
        #expect(
            r.keys == [
                "schemas", "id", "externalId", "userName", "name", "displayName", "title", "preferredLanguage", "active", "emails", "phoneNumbers",
                "addresses", enterprise, "meta",
            ])
        #expect(r["schemas"] == [.string("urn:ietf:params:scim:schemas:core:2.0:User"), .string(enterprise)])
        #expect(
            r["meta"] == [
                "resourceType": "User", "created": "2024-05-13T04:22:34.500Z", "lastModified": "2024-05-13T04:22:34.500Z",
                "location": "https://rampart.test/scim/v2/acme/Users/u1", "version": "W/\"3\"",
            ])
        let minimal = rendered(
            .user, try object(#"{"userName": "a", "password": "leaked?", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {}}"#))
        #expect(minimal["password"] == nil, "password is never returned, even if stored")
        #expect(minimal["schemas"] == ["urn:ietf:params:scim:schemas:core:2.0:User"])
        #expect(minimal[enterprise] == nil)
    }

    @Test func renderIncludesServerComputedGroups() throws {
        var a = try object(#"{"userName": "a"}"#)
        a["groups"] = [["value": "g1", "display": "Ops", "type": "direct"]]
        #expect(rendered(.user, a)["groups"]?.arrayValue?.count == 1)
    }

    @Test func uniquenessIgnoresCaseForUserName() throws {
        let alice = try object(#"{"userName": "Alice@Example.org"}"#)
        let keys = SCIMResourceType.user.uniqueKeys(of: alice)
        #expect(keys == [SCIMResourceType.UniqueKey(attribute: "userName", key: "alice@example.org")])
        let error = scimError { try SCIMResourceType.user.checkUniqueness(try object(#"{"userName": "ALICE@example.org"}"#), against: [alice]) }
        #expect(error?.code == .uniqueness)
        #expect(error?.status == 409)
        #expect(error?.scimType == "uniqueness")
        try SCIMResourceType.user.checkUniqueness(try object(#"{"userName": "bob"}"#), against: [alice])
        #expect(SCIMResourceType.group.uniqueKeys(of: try object(#"{"displayName": "G"}"#)).isEmpty)
    }
}
