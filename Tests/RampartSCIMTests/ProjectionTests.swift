// SPDX-License-Identifier: Apache-2.0

import RampartSCIM
import Testing

@Suite struct ProjectionTests {
    let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

    private func user() throws -> SCIMObject { rendered(.user, try entraUser()) }

    private func project(
        attributes: String? = nil, excluded: String? = nil, _ resource: SCIMObject? = nil, type: SCIMResourceType = .user
    ) throws -> SCIMObject {
        try SCIMProjection(attributes: attributes, excludedAttributes: excluded).apply(to: try resource ?? user(), type: type)
    }

    @Test func defaultReturnsEverythingButNever() throws {
        let all = try project()
        #expect(all == (try user()))
    }

    @Test func attributesKeepsAlwaysAndRequested() throws {
        let p = try project(attributes: "userName,name.givenName")
        #expect(p.keys == ["schemas", "id", "userName", "name"])
        #expect(p["name"] == ["givenName": "Joy"])
        let ext = try project(attributes: "externalId")
        #expect(ext.keys == ["schemas", "id", "externalId"], "the key scim2-tester checks")
    }

    @Test func attributesOnMultiValuedSubAttributes() throws {
        let p = try project(attributes: "emails.value")
        #expect(p["emails"] == [["value": "joy@example.org"]])
    }

    @Test func attributesWithExtensions() throws {
        #expect(
            try project(attributes: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")[enterprise] == ["department": "Finance"])
        #expect(try project(attributes: enterprise)[enterprise] == ["employeeNumber": "701984", "department": "Finance"])
        #expect(try project(attributes: "department")[enterprise] == ["department": "Finance"])
        #expect(try project(attributes: "userName")[enterprise] == nil)
    }

    @Test func attributesNamesIgnoreCaseAndSpaces() throws {
        #expect(try project(attributes: " USERNAME , Meta.LastModified ").keys == ["schemas", "id", "userName", "meta"])
        #expect(try project(attributes: "meta.lastModified")["meta"] == ["lastModified": "2024-05-13T04:22:34.500Z"])
    }

    @Test func excludedAttributesRemoveAllButAlways() throws {
        let p = try project(excluded: "name,emails.primary,id,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")
        #expect(p["name"] == nil)
        #expect(p["id"] == "u1", "id is returned always")
        #expect(p["emails"] == [["type": "work", "value": "joy@example.org"]])
        #expect(p[enterprise] == ["employeeNumber": "701984"])
        #expect(try project(excluded: enterprise)[enterprise] == nil)
        #expect(try project(excluded: "meta")["meta"] == nil)
    }

    @Test func excludedMembersOnGroups() throws {
        let group = rendered(.group, try object(#"{"displayName": "G", "members": [{"value": "u1"}]}"#), id: "g1")
        let p = try project(excluded: "members", group, type: .group)
        #expect(p["members"] == nil)
        #expect(p["displayName"] == "G")
    }

    @Test func attributesWinOverExcluded() throws {
        #expect(try project(attributes: "userName", excluded: "userName")["userName"] == "joy@example.org")
    }

    @Test func unknownNamesAreIgnored() throws {
        #expect(try project(attributes: "bogus,1bad,a.b.c").keys == ["schemas", "id"])
        #expect(try project(excluded: "bogus") == (try user()))
    }

    @Test func neverAndRequestAttributes() throws {
        let type = SCIMResourceType(
            name: "Thing", endpoint: "/Things", description: "",
            schema: SCIMSchema(
                id: "urn:x:Thing", name: "Thing", description: "",
                attributes: [
                    SCIMAttribute("secret", returned: .never), SCIMAttribute("heavy", returned: .request), SCIMAttribute("plain"),
                ]))
        let thing = try object(#"{"schemas": ["urn:x:Thing"], "id": "t", "secret": "s", "heavy": "h", "plain": "p"}"#)
        #expect(SCIMProjection.none.apply(to: thing, type: type).keys == ["schemas", "id", "plain"])
        #expect(
            try SCIMProjection(attributes: "heavy,secret", excludedAttributes: nil).apply(to: thing, type: type).keys == ["schemas", "id", "heavy"])
        #expect(try SCIMProjection(attributes: nil, excludedAttributes: "plain").apply(to: thing, type: type).keys == ["schemas", "id"])
    }

    @Test func hugeListsAreRefused() {
        let huge = String(repeating: "a,", count: 40_000)
        #expect(scimError { _ = try SCIMProjection(attributes: huge, excludedAttributes: nil) }?.code == .invalidValue)
    }
}
