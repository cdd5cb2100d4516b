// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartSCIM
import Testing

/// RFC 7644 §3.5.2 semantics, the shapes scim2-tester sends (whole attributes, complex values,
/// bare extension URNs), and the errors.
@Suite struct PatchTests {
    let enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"

    private func minimalUser() throws -> SCIMObject {
        try SCIMResourceType.user.attributesForCreate(json(#"{"userName": "min@example.org"}"#))
    }

    @Test func parsesTheMessage() throws {
        let request = try SCIMPatchRequest.parse(
            json(
                #"""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Add", "path": "nickName", "value": "x"}, {"OP": "REMOVE", "PATH": "title"},
                                {"op": "replace", "path": null, "value": {"a": 1}}]}
                """#))
        #expect(request.operations.map(\.op) == [.add, .remove, .replace])
        #expect(request.operations[0].path?.attribute.attribute == "nickName")
        #expect(request.operations[1].path?.attribute.attribute == "title")
        #expect(request.operations[2].path == nil)
    }

    @Test(arguments: [
        #"[]"#, #"{"Operations": []}"#,
        #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}"#,
        #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": []}"#,
        #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "Operations": [{"op": "add", "value": {}}]}"#,
        #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "merge", "value": {}}]}"#,
        #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"value": {}}]}"#,
        #"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": ["add"]}"#,
    ])
    func rejectsMalformedMessages(_ body: String) throws {
        #expect(scimError { _ = try SCIMPatchRequest.parse(json(body)) }?.code == .invalidSyntax)
    }

    @Test func limitsOperationCount() throws {
        let ops = Array(repeating: #"{"op": "remove", "path": "title"}"#, count: 3).joined(separator: ",")
        let body = try json(#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [\#(ops)]}"#)
        #expect(scimError { _ = try SCIMPatchRequest.parse(body, limits: SCIMLimits(maxPatchOperations: 2)) }?.code == .payloadTooLarge)
    }

    @Test func parsesPaths() throws {
        let p = try SCIMPatchPath.parse(#"emails[type eq "work" and value ew "]"].display"#)
        #expect(p.attribute.attribute == "emails")
        #expect(p.subAttribute == "display")
        #expect(p.valueFilter != nil)
        let urn = try SCIMPatchPath.parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")
        #expect(urn.attribute.schemaURN == enterprise)
        #expect(urn.attribute.subAttribute == "value")
        for bad in [
            "", "emails[type eq \"x\"", "emails]", "emails[type eq \"x\"]value", "a.b.c", "emails[type eq]", "emails.value[type eq \"x\"]", "9lives",
        ] {
            let code = scimError { _ = try SCIMPatchPath.parse(bad) }?.code
            #expect(code == .invalidPath || code == .invalidFilter, "\(bad)")
        }
    }

    @Test func addSetsSimpleComplexAndMultiValuedAttributes() throws {
        var u = try patch(.user, try minimalUser(), #"[{"op": "add", "path": "title", "value": "Boss"}]"#)
        #expect(u.value(forAttribute: "title") == "Boss")
        u = try patch(.user, u, #"[{"op": "add", "path": "name", "value": {"givenName": "A", "familyName": "B"}}]"#)
        u = try patch(.user, u, #"[{"op": "add", "path": "name", "value": {"middleName": "M"}}]"#)
        #expect(u.value(forAttribute: "name") == ["givenName": "A", "familyName": "B", "middleName": "M"])
        u = try patch(.user, u, #"[{"op": "add", "path": "emails", "value": [{"value": "a@x.org", "type": "work", "primary": true}]}]"#)
        u = try patch(.user, u, #"[{"op": "add", "path": "emails", "value": [{"value": "b@x.org", "type": "home", "primary": true}]}]"#)
        #expect(
            u.value(forAttribute: "emails") == [
                ["value": "a@x.org", "type": "work", "primary": false],
                ["value": "b@x.org", "type": "home", "primary": true],
            ], "the new primary demotes the old one")
        // The same value (ignoring case, emails are not caseExact) is merged, not duplicated.
        u = try patch(.user, u, #"[{"op": "add", "path": "emails", "value": {"value": "A@X.ORG", "type": "work", "display": "A"}}]"#)
        #expect(u.value(forAttribute: "emails")?.arrayValue?.count == 2)
        #expect(u.value(forAttribute: "emails")?.arrayValue?.first?[attribute: "display"] == "A")
    }

    @Test func addToAnExistingSingleValueReplacesIt() throws {
        let u = try patch(.user, try entraUser(), #"[{"op": "add", "path": "title", "value": "CTO"}]"#)
        #expect(u.value(forAttribute: "title") == "CTO")
    }

    @Test func replaceSemantics() throws {
        let user = try entraUser()
        // A complex attribute: given sub-attributes replace, the others stay (RFC 7644 §3.5.2.3).
        let named = try patch(.user, user, #"[{"op": "replace", "path": "name", "value": {"givenName": "J"}}]"#)
        #expect(named.value(forAttribute: "name") == ["formatted": "Joy Young", "familyName": "Young", "givenName": "J"])
        // A multi-valued attribute without a filter: the whole set is replaced.
        let phones = try patch(.user, user, #"[{"op": "replace", "path": "phoneNumbers", "value": [{"value": "1", "type": "fax"}]}]"#)
        #expect(phones.value(forAttribute: "phoneNumbers") == [["value": "1", "type": "fax"]])
        // A filter without sub-attribute: matching elements are replaced, keeping the filter's terms.
        let work = try patch(
            .user, user, #"[{"op": "replace", "path": "addresses[type eq \"work\"]", "value": {"locality": "Paris", "country": "FR"}}]"#)
        #expect(work.value(forAttribute: "addresses") == [["type": "work", "locality": "Paris", "country": "FR"]])
        // Replacing an attribute that does not exist adds it.
        #expect(try patch(.user, user, #"[{"op": "replace", "path": "nickName", "value": "JJ"}]"#).value(forAttribute: "nickName") == "JJ")
    }

    @Test func subAttributeWithoutFilterAppliesToEveryElement() throws {
        let user = try entraUser()
        let u = try patch(.user, user, #"[{"op": "replace", "path": "emails.display", "value": "Mail"}]"#)
        #expect(u.value(forAttribute: "emails")?.arrayValue?.allSatisfy { $0[attribute: "display"] == "Mail" } == true)
        let none = try patch(.user, try minimalUser(), #"[{"op": "add", "path": "emails.value", "value": "new@x.org"}]"#)
        #expect(none.value(forAttribute: "emails") == [["value": "new@x.org"]])
        let removed = try patch(.user, user, #"[{"op": "remove", "path": "name.formatted"}]"#)
        #expect(removed.value(forAttribute: "name") == ["familyName": "Young", "givenName": "Joy"])
    }

    @Test func removeSemantics() throws {
        let user = try entraUser()
        #expect(try patch(.user, user, #"[{"op": "remove", "path": "title"}]"#).value(forAttribute: "title") == nil)
        #expect(try patch(.user, user, #"[{"op": "remove", "path": "emails[type eq \"work\"]"}]"#).value(forAttribute: "emails") == nil)
        let noType = try patch(.user, user, #"[{"op": "remove", "path": "addresses[type eq \"work\"].postalCode"}]"#)
        #expect(noType.value(forAttribute: "addresses")?.arrayValue?.first?[attribute: "postalCode"] == nil)
        #expect(noType.value(forAttribute: "addresses")?.arrayValue?.first?[attribute: "locality"] == "Redmond")
        #expect(try patch(.user, user, #"[{"op": "remove", "path": "nickName"}]"#) == user, "removing an unset attribute is a no-op")
        #expect(scimError { _ = try patch(.user, user, #"[{"op": "remove"}]"#) }?.code == .noTarget)
    }

    @Test func wholeExtensionByBareURN() throws {
        let user = try minimalUser()
        let added = try patch(
            .user, user,
            #"""
            [{"op": "add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
              "value": {"employeeNumber": "1", "manager": {"value": "m", "$ref": "https://x/Users/m", "displayName": "ignored"}}}]
            """#)
        #expect(added.value(forAttribute: enterprise) == ["employeeNumber": "1", "manager": ["value": "m", "$ref": "https://x/Users/m"]])
        let replaced = try patch(
            .user, added, #"[{"op": "replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "value": {"division": "D"}}]"#)
        #expect(replaced.value(forAttribute: enterprise)?[attribute: "division"] == "D")
        let removed = try patch(.user, replaced, #"[{"op": "remove", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"}]"#)
        #expect(removed.value(forAttribute: enterprise) == nil)
        let r = rendered(.user, removed)
        #expect(r["schemas"] == ["urn:ietf:params:scim:schemas:core:2.0:User"])
        // Path-less, the extension URN is a key of the value object.
        let pathless = try patch(
            .user, user, #"[{"op": "add", "value": {"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"costCenter": "42"}}}]"#)
        #expect(pathless.value(forAttribute: enterprise) == ["costCenter": "42"])
    }

    @Test func pathsAndNamesIgnoreCase() throws {
        let u = try patch(
            .user, try entraUser(),
            #"[{"op": "replace", "path": "NAME.GIVENNAME", "value": "Jo"}, {"op": "replace", "path": "Emails[Type eq \"WORK\"].Value", "value": "w@x.org"}]"#
        )
        #expect(u.value(forAttribute: "name")?[attribute: "givenName"] == "Jo")
        #expect(u.value(forAttribute: "emails")?.arrayValue?.first?[attribute: "value"] == "w@x.org")
        #expect(u.value(forAttribute: "name")?.objectValue?.keys.contains("givenName") == true, "stored under the canonical name")
    }

    @Test func externalIdIsWritable() throws {
        #expect(
            try patch(.user, try minimalUser(), #"[{"op": "add", "path": "externalId", "value": "ext-9"}]"#).value(forAttribute: "externalId")
                == "ext-9")
    }

    @Test func unknownAttributesAreInvalidPaths() throws {
        let user = try minimalUser()
        for path in [
            "favouriteColour", "name.nickname", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:shoeSize",
            "urn:example:custom:1.0:User:x", "emails[type eq \"work\"].colour",
        ] {
            #expect(
                scimError {
                    _ = try patch(.user, user, #"[{"op": "add", "path": "\#(path.replacingOccurrences(of: "\"", with: "\\\""))", "value": "x"}]"#)
                }?.code == .invalidPath, "\(path)")
        }
        // Path-less, unknown keys are skipped rather than refused.
        #expect(try patch(.user, user, #"[{"op": "replace", "value": {"favouriteColour": "blue"}}]"#) == user)
    }

    @Test func readOnlyTargetsAreMutabilityErrors() throws {
        let user = try minimalUser()
        for path in ["id", "meta", "meta.created", "groups", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName"] {
            #expect(
                scimError { _ = try patch(.user, user, #"[{"op": "replace", "path": "\#(path)", "value": "x"}]"#) }?.code == .mutability, "\(path)")
        }
        #expect(scimError { _ = try patch(.user, user, #"[{"op": "remove", "path": "groups"}]"#) }?.code == .mutability)
    }

    @Test func immutableSubAttributesCannotChange() throws {
        let g = try SCIMResourceType.group.attributesForCreate(json(#"{"displayName": "G", "members": [{"value": "u1", "type": "User"}]}"#))
        #expect(
            scimError { _ = try patch(.group, g, #"[{"op": "replace", "path": "members[value eq \"u1\"].value", "value": "u2"}]"#) }?.code
                == .mutability)
        // Setting an immutable value that is unset is allowed; writing the same value is a no-op.
        #expect(
            try patch(.group, g, #"[{"op": "add", "path": "members[value eq \"u1\"].$ref", "value": "https://x/Users/u1"}]"#).value(
                forAttribute: "members")?.arrayValue?.first?[attribute: "$ref"] == "https://x/Users/u1")
        #expect(try patch(.group, g, #"[{"op": "replace", "path": "members[value eq \"u1\"].type", "value": "User"}]"#) == g)
        // The readWrite `display` can change.
        #expect(
            try patch(.group, g, #"[{"op": "replace", "path": "members[value eq \"u1\"].display", "value": "Al"}]"#).value(forAttribute: "members")?
                .arrayValue?.first?[attribute: "display"] == "Al")
    }

    @Test func typeErrorsAreInvalidValue() throws {
        let user = try minimalUser()
        for (path, value) in [("title", "42"), ("active", "\"yes\""), ("name", "[1]"), ("emails", "[[1]]"), ("displayName", "{\"a\": 1}")] {
            #expect(
                scimError { _ = try patch(.user, user, #"[{"op": "add", "path": "\#(path)", "value": \#(value)}]"#) }?.code == .invalidValue,
                "\(path) = \(value)")
        }
        #expect(scimError { _ = try patch(.user, user, #"[{"op": "add", "path": "title"}]"#) }?.code == .invalidValue, "add without a value")
        #expect(scimError { _ = try patch(.user, user, #"[{"op": "add", "value": "x"}]"#) }?.code == .invalidValue, "path-less add needs an object")
    }

    @Test func filtersOnNonMultiValuedAttributesAreInvalidPaths() throws {
        #expect(
            scimError { _ = try patch(.user, try minimalUser(), #"[{"op": "add", "path": "name[givenName eq \"x\"].familyName", "value": "y"}]"#) }?
                .code == .invalidPath)
    }

    @Test func unmatchedFilterThatCannotCreateIsNoTarget() throws {
        let user = try entraUser()
        #expect(
            scimError { _ = try patch(.user, user, #"[{"op": "replace", "path": "emails[value co \"nothing\"].type", "value": "home"}]"#) }?.code
                == .noTarget)
        #expect(
            scimError {
                _ = try patch(.user, user, #"[{"op": "add", "path": "emails[type eq \"x\" or type eq \"y\"]", "value": {"value": "a@b.c"}}]"#)
            }?.code == .noTarget)
    }

    @Test func requiredAttributesStayRequired() throws {
        #expect(scimError { _ = try patch(.user, try minimalUser(), #"[{"op": "remove", "path": "userName"}]"#) }?.code == .invalidValue)
        let g = try SCIMResourceType.group.attributesForCreate(json(#"{"displayName": "G"}"#))
        #expect(scimError { _ = try patch(.group, g, #"[{"op": "remove", "path": "displayName"}]"#) }?.code == .invalidValue)
    }

    @Test func patchIsAtomic() throws {
        let user = try minimalUser()
        let error = scimError {
            _ = try patch(.user, user, #"[{"op": "add", "path": "title", "value": "x"}, {"op": "add", "path": "bogus", "value": 1}]"#)
        }
        #expect(error?.code == .invalidPath)
        #expect(error?.detail.hasPrefix("operation 2:") == true)
    }

    @Test func primaryIsUniqueAfterSubAttributeWrites() throws {
        var u = try patch(
            .user, try minimalUser(), #"[{"op": "add", "path": "emails", "value": [{"value": "a@x", "primary": true}, {"value": "b@x"}]}]"#)
        u = try patch(.user, u, #"[{"op": "replace", "path": "emails[value eq \"b@x\"].primary", "value": true}]"#)
        #expect(u.value(forAttribute: "emails") == [["value": "a@x", "primary": false], ["value": "b@x", "primary": true]])
    }

    @Test func scim2TesterShapesForEveryWritableAttribute() throws {
        // scim2-tester PATCHes each attribute /Schemas advertises with a random value, then
        // reads it back; every add and replace must read back exactly, every remove must clear.
        let values: [String: String] = [
            "externalId": #""e""#,
            "name": #"{"formatted": "f", "familyName": "a", "givenName": "b", "middleName": "c", "honorificPrefix": "d", "honorificSuffix": "e"}"#,
            "displayName": #""d""#, "nickName": #""n""#, "profileUrl": #""https://p.test""#, "title": #""t""#, "userType": #""u""#,
            "preferredLanguage": #""fr""#, "locale": #""fr-FR""#, "timezone": #""Europe/Paris""#, "active": "false",
            "emails": #"[{"value": "a@b.com", "display": "x", "type": "work", "primary": true}]"#,
            "phoneNumbers": #"[{"value": "0123456789", "display": "x", "type": "mobile", "primary": true}]"#,
            "ims": #"[{"value": "im", "display": "x", "type": "xmpp", "primary": true}]"#,
            "photos": #"[{"value": "https://ph.test", "display": "x", "type": "photo", "primary": true}]"#,
            "addresses":
                #"[{"formatted": "f", "streetAddress": "s", "locality": "l", "region": "r", "postalCode": "p", "country": "c", "type": "home", "primary": true}]"#,
            "entitlements": #"[{"value": "v", "display": "x", "type": "t", "primary": true}]"#,
            "roles": #"[{"value": "v", "display": "x", "type": "t", "primary": true}]"#,
            "x509Certificates": #"[{"value": "AAEC", "display": "x", "type": "t", "primary": true}]"#,
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                #"{"employeeNumber": "1", "costCenter": "2", "organization": "3", "division": "4", "department": "5", "manager": {"value": "m", "$ref": "https://x/Users/m"}}"#,
        ]
        for (path, value) in values {
            for op in ["add", "replace"] {
                let after = try patch(.user, try minimalUser(), #"[{"op": "\#(op)", "path": "\#(path)", "value": \#(value)}]"#)
                let r = rendered(.user, after)
                #expect(r[path] == (try json(value)), "\(op) \(path)")
                let removed = try patch(.user, after, #"[{"op": "remove", "path": "\#(path)"}]"#)
                #expect(rendered(.user, removed)[path] == nil, "remove \(path)")
            }
        }
    }
}
