// SPDX-License-Identifier: Apache-2.0

import RampartSCIM
import Testing

/// The PATCH shapes Okta sends, as replayed by the kit's idp_compat.py.
@Suite struct PatchOktaTests {
    private func oktaUser() throws -> SCIMObject {
        try SCIMResourceType.user.attributesForCreate(
            json(
                #"""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "okta.user@example.org",
                 "name": {"givenName": "Test", "familyName": "User"},
                 "emails": [{"primary": true, "value": "okta.user@example.org", "type": "work"}],
                 "displayName": "Test User", "locale": "en-US", "externalId": "00u1234567890abcdefg",
                 "groups": [], "password": "1mz050nq", "active": true}
                """#))
    }

    @Test func deactivateAndReactivateWithPathlessReplace() throws {
        let user = try oktaUser()
        let off = try patch(.user, user, #"[{"op": "replace", "value": {"active": false}}]"#)
        #expect(off.value(forAttribute: "active") == false)
        #expect(off.value(forAttribute: "userName") == "okta.user@example.org")
        let on = try patch(.user, off, #"[{"op": "replace", "value": {"active": true}}]"#)
        #expect(on.value(forAttribute: "active") == true)
    }

    @Test func passwordSyncIsAcceptedAndNotStored() throws {
        let user = try oktaUser()
        #expect(user.value(forAttribute: "password") == nil)
        let after = try patch(.user, user, #"[{"op": "replace", "value": {"password": "Pw-new"}}]"#)
        #expect(after == user)
        let withPath = try patch(.user, user, #"[{"op": "replace", "path": "password", "value": "Pw-new"}]"#)
        #expect(withPath == user)
    }

    private func group() throws -> SCIMObject {
        try SCIMResourceType.group.attributesForCreate(
            json(#"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Okta Group", "members": []}"#))
    }

    @Test func groupPushCreatesWithoutMembers() throws {
        let g = try group()
        #expect(g.value(forAttribute: "members") == nil, "an empty array is unassigned")
        #expect(g.value(forAttribute: "displayName") == "Okta Group")
    }

    @Test func addMembersWithValueAndDisplay() throws {
        let g = try patch(.group, try group(), #"[{"op": "add", "path": "members", "value": [{"value": "u1", "display": "okta.user@example.org"}]}]"#)
        #expect(g.value(forAttribute: "members") == [["value": "u1", "display": "okta.user@example.org"]])
        // Adding the same member again does not duplicate it.
        let again = try patch(.group, g, #"[{"op": "add", "path": "members", "value": [{"value": "u1"}]}]"#)
        #expect(again.value(forAttribute: "members")?.arrayValue?.count == 1)
    }

    @Test func removeByFilterAndAddInOnePatch() throws {
        let g = try patch(.group, try group(), #"[{"op": "add", "path": "members", "value": [{"value": "u1"}]}]"#)
        let swapped = try patch(
            .group, g,
            #"""
            [{"op": "remove", "path": "members[value eq \"u1\"]"},
             {"op": "add", "path": "members", "value": [{"value": "u2", "display": "okta_page_a"}]}]
            """#)
        #expect(swapped.value(forAttribute: "members") == [["value": "u2", "display": "okta_page_a"]])
    }

    @Test func renameWithPathlessReplaceIgnoresReadOnlyId() throws {
        let g = try patch(.group, try group(), #"[{"op": "add", "path": "members", "value": [{"value": "u1"}]}]"#)
        let renamed = try patch(.group, g, #"[{"op": "replace", "value": {"id": "g-123", "displayName": "Okta Group renamed"}}]"#)
        #expect(renamed.value(forAttribute: "displayName") == "Okta Group renamed")
        #expect(renamed.value(forAttribute: "id") == nil)
        #expect(renamed.value(forAttribute: "members")?.arrayValue?.count == 1)
    }

    @Test func replaceMembersPushesTheFullList() throws {
        let g = try patch(.group, try group(), #"[{"op": "add", "path": "members", "value": [{"value": "u1"}, {"value": "u9"}]}]"#)
        let replaced = try patch(
            .group, g, #"[{"op": "replace", "path": "members", "value": [{"value": "u1", "display": "u1"}, {"value": "u2", "display": "u2"}]}]"#)
        #expect(replaced.value(forAttribute: "members") == [["value": "u1", "display": "u1"], ["value": "u2", "display": "u2"]])
    }

    @Test func putReplacesTheWholeProfileIgnoringReadOnly() throws {
        let user = try oktaUser()
        let replaced = try SCIMResourceType.user.attributesForReplace(
            json(
                #"""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "u1", "userName": "okta.user@example.org",
                 "name": {"givenName": "Another", "middleName": "Excited", "familyName": "User"},
                 "emails": [{"primary": true, "value": "okta.user@example.org", "type": "work", "display": "okta.user@example.org"}],
                 "active": true, "groups": [], "meta": {"resourceType": "User"}, "externalId": "00u1234567890abcdefg", "locale": "en-US"}
                """#), existing: user)
        #expect(replaced.value(forAttribute: "name") == ["givenName": "Another", "middleName": "Excited", "familyName": "User"])
        #expect(replaced.value(forAttribute: "displayName") == nil, "PUT replaces: what is omitted is cleared")
        #expect(replaced.value(forAttribute: "id") == nil)
        #expect(replaced.value(forAttribute: "meta") == nil)
        #expect(replaced.value(forAttribute: "groups") == nil)
    }

    @Test func groupPutReplacesMembers() throws {
        let g = try patch(.group, try group(), #"[{"op": "add", "path": "members", "value": [{"value": "u1"}, {"value": "u2"}]}]"#)
        let put = try SCIMResourceType.group.attributesForReplace(
            json(
                #"{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Okta Group", "members": [{"value": "u1", "display": "a"}]}"#
            ), existing: g)
        #expect(put.value(forAttribute: "members") == [["value": "u1", "display": "a"]])
    }
}
