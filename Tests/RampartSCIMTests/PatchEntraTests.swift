// SPDX-License-Identifier: Apache-2.0

import RampartSCIM
import Testing

/// The PATCH shapes Microsoft Entra ID sends, default mode and the SCIM-compliant
/// aadOptscim062020 mode, as replayed by the kit's idp_compat.py.
@Suite struct PatchEntraTests {
    let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

    @Test func capitalisedReplaceOfUserName() throws {
        let u = try patch(.user, try entraUser(), #"[{"op": "Replace", "path": "userName", "value": "renamed@example.org"}]"#)
        #expect(u.value(forAttribute: "userName") == "renamed@example.org")
    }

    @Test func replaceWorkEmailAndFamilyNameInOnePatch() throws {
        let u = try patch(
            .user, try entraUser(),
            #"""
            [{"op": "Replace", "path": "emails[type eq \"work\"].value", "value": "updated@example.org"},
             {"op": "Replace", "path": "name.familyName", "value": "Updated"}]
            """#)
        #expect(u.value(forAttribute: "emails") == [["primary": true, "type": "work", "value": "updated@example.org"]])
        #expect(u.value(forAttribute: "name")?[attribute: "familyName"] == "Updated")
        #expect(u.value(forAttribute: "name")?[attribute: "givenName"] == "Joy")
    }

    @Test func addNickNameAndReplaceDepartmentByURNPath() throws {
        let u = try patch(
            .user, try entraUser(),
            #"""
            [{"op": "Add", "path": "nickName", "value": "Babs"},
             {"op": "Replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "value": "Risk"}]
            """#)
        #expect(u.value(forAttribute: "nickName") == "Babs")
        #expect(u.value(forAttribute: enterprise)?[attribute: "department"] == "Risk")
        #expect(u.value(forAttribute: enterprise)?[attribute: "employeeNumber"] == "701984")
    }

    @Test func addThroughUnmatchedFilterCreatesTheElement() throws {
        let u = try patch(.user, try entraUser(), #"[{"op": "Add", "path": "phoneNumbers[type eq \"mobile\"].value", "value": "+1 555 0199"}]"#)
        #expect(u.value(forAttribute: "phoneNumbers") == [["type": "work", "value": "+1 555 0100"], ["type": "mobile", "value": "+1 555 0199"]])
        // A second add through the now-matching filter updates it rather than adding another.
        let again = try patch(.user, u, #"[{"op": "Add", "path": "phoneNumbers[type eq \"mobile\"].value", "value": "+1 555 0200"}]"#)
        #expect(again.value(forAttribute: "phoneNumbers")?.arrayValue?.count == 2)
        #expect(again.value(forAttribute: "phoneNumbers")?.arrayValue?.last?[attribute: "value"] == "+1 555 0200")
    }

    @Test func pathlessReplaceWithAttributePathsAsKeys() throws {
        let u = try patch(
            .user, try entraUser(),
            #"""
            [{"op": "replace", "path": "emails[type eq \"work\"].value", "value": "flag@example.org"},
             {"op": "replace", "value": {"displayName": "Bjfe", "name.givenName": "Kkom", "name.familyName": "Unua",
                                         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "Aklq"}}]
            """#)
        #expect(u.value(forAttribute: "displayName") == "Bjfe")
        #expect(u.value(forAttribute: "name")?[attribute: "givenName"] == "Kkom")
        #expect(u.value(forAttribute: "name")?[attribute: "familyName"] == "Unua")
        #expect(u.value(forAttribute: "name")?[attribute: "formatted"] == "Joy Young")
        #expect(u.value(forAttribute: enterprise)?[attribute: "employeeNumber"] == "Aklq")
        #expect(u.value(forAttribute: "emails")?.arrayValue?.first?[attribute: "value"] == "flag@example.org")
    }

    @Test func managerAsBareIdString() throws {
        let u = try patch(
            .user, try entraUser(), #"[{"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "value": "m-1"}]"#)
        #expect(u.value(forAttribute: enterprise)?[attribute: "manager"] == ["value": "m-1"])
        let rendered = rendered(.user, u)
        #expect(rendered[enterprise]?[attribute: "manager"] == ["value": "m-1"])
        // A new manager replaces the old one's sub-attributes rather than mixing them.
        let withRef = try patch(
            .user, u,
            #"[{"op": "replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "value": {"value": "m-1", "$ref": "https://x/Users/m-1"}}]"#
        )
        let changed = try patch(
            .user, withRef, #"[{"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "value": "m-2"}]"#)
        #expect(changed.value(forAttribute: enterprise)?[attribute: "manager"] == ["value": "m-2"])
        let removed = try patch(.user, changed, #"[{"op": "Remove", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}]"#)
        #expect(removed.value(forAttribute: enterprise)?[attribute: "manager"] == nil)
    }

    @Test func activeAsStringFalse() throws {
        let off = try patch(.user, try entraUser(), #"[{"op": "Replace", "path": "active", "value": "False"}]"#)
        #expect(off.value(forAttribute: "active") == false)
        let on = try patch(.user, off, #"[{"op": "replace", "path": "active", "value": true}]"#)
        #expect(on.value(forAttribute: "active") == true)
        let alsoOn = try patch(.user, off, #"[{"op": "Replace", "path": "active", "value": "TRUE"}]"#)
        #expect(alsoOn.value(forAttribute: "active") == true)
        #expect(scimError { _ = try patch(.user, off, #"[{"op": "Replace", "path": "active", "value": "maybe"}]"#) }?.code == .invalidValue)
    }

    private func group() throws -> SCIMObject {
        try SCIMResourceType.group.attributesForCreate(
            json(
                #"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "externalId": "e-g", "displayName": "Entra Group", "meta": {"resourceType": "Group"}}"#
            ))
    }

    @Test func addTwoMembersWithNullRefs() throws {
        let g = try patch(
            .group, try group(), #"[{"op": "Add", "path": "members", "value": [{"$ref": null, "value": "u1"}, {"$ref": null, "value": "m1"}]}]"#)
        #expect(g.value(forAttribute: "members") == [["value": "u1"], ["value": "m1"]])
        let renamed = try patch(.group, g, #"[{"op": "Replace", "path": "displayName", "value": "Entra Group renamed"}]"#)
        #expect(renamed.value(forAttribute: "members")?.arrayValue?.count == 2)
    }

    @Test func removeMembersWithAValueList() throws {
        let g = try patch(.group, try group(), #"[{"op": "Add", "path": "members", "value": [{"value": "u1"}, {"value": "m1"}]}]"#)
        let after = try patch(.group, g, #"[{"op": "Remove", "path": "members", "value": [{"$ref": null, "value": "m1"}]}]"#)
        #expect(after.value(forAttribute: "members") == [["value": "u1"]])
        let empty = try patch(.group, after, #"[{"op": "Remove", "path": "members", "value": [{"value": "u1"}]}]"#)
        #expect(empty.value(forAttribute: "members") == nil)
    }

    @Test func removeMemberByFilter() throws {
        let g = try patch(.group, try group(), #"[{"op": "Add", "path": "members", "value": [{"value": "u1"}, {"value": "m1"}]}]"#)
        let after = try patch(.group, g, #"[{"op": "remove", "path": "members[value eq \"u1\"]"}]"#)
        #expect(after.value(forAttribute: "members") == [["value": "m1"]])
        // Removing a member that is not there is a no-op, not an error: IdPs retry.
        #expect(try patch(.group, after, #"[{"op": "remove", "path": "members[value eq \"zz\"]"}]"#) == after)
    }

    @Test func removeAllMembers() throws {
        let g = try patch(.group, try group(), #"[{"op": "Add", "path": "members", "value": [{"value": "u1"}]}]"#)
        #expect(try patch(.group, g, #"[{"op": "Remove", "path": "members"}]"#).value(forAttribute: "members") == nil)
    }

    @Test func emptyValuesClear() throws {
        let user = try entraUser()
        #expect(try patch(.user, user, #"[{"op": "Replace", "path": "title", "value": ""}]"#).value(forAttribute: "title") == nil)
        #expect(try patch(.user, user, #"[{"op": "Replace", "path": "title", "value": null}]"#).value(forAttribute: "title") == nil)
        #expect(try patch(.user, user, #"[{"op": "Replace", "path": "phoneNumbers", "value": []}]"#).value(forAttribute: "phoneNumbers") == nil)
        #expect(try patch(.user, user, #"[{"op": "Add", "path": "phoneNumbers", "value": []}]"#) == user)
        #expect(try patch(.user, user, #"[{"op": "Replace", "value": {}}]"#) == user)
        #expect(scimError { _ = try patch(.user, user, #"[{"op": "Replace", "path": "userName", "value": ""}]"#) }?.code == .invalidValue)
    }
}
