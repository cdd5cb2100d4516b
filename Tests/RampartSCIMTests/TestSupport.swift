// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartSCIM
import Testing

/// Parses JSON test fixtures; a typo in a fixture fails the test rather than crashing it.
func json(_ text: String) throws -> SCIMValue {
    try SCIMJSON.parse(text)
}

/// Parses a JSON object fixture.
func object(_ text: String) throws -> SCIMObject {
    let value = try json(text)
    return try #require(value.objectValue, "fixture is not an object: \(text)")
}

/// Runs `body` and returns the SCIMError it throws, recording an issue if it does not throw one.
func scimError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> SCIMError? {
    do {
        try body()
        Issue.record("expected a SCIMError, nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as SCIMError {
        return error
    } catch {
        Issue.record("expected a SCIMError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A user as stored after creation from the Entra default-mapping body.
func entraUser() throws -> SCIMObject {
    try SCIMResourceType.user.attributesForCreate(
        json(
            #"""
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId": "entra1234", "userName": "joy@example.org", "active": true, "displayName": "Joy Young",
             "title": "Engineer", "preferredLanguage": "en-US",
             "emails": [{"primary": true, "type": "work", "value": "joy@example.org"}],
             "meta": {"resourceType": "User"},
             "name": {"formatted": "Joy Young", "familyName": "Young", "givenName": "Joy"},
             "addresses": [{"type": "work", "formatted": "1 Main St", "streetAddress": "1 Main St", "locality": "Redmond",
                            "region": "WA", "postalCode": "98052", "country": "US"}],
             "phoneNumbers": [{"type": "work", "value": "+1 555 0100"}],
             "roles": [],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "701984", "department": "Finance"}}
            """#))
}

/// A fixed point in time for metadata.
let fixedDate = Date(timeIntervalSince1970: 1_715_574_154.5)

/// Renders stored attributes as a resource with fixed metadata.
func rendered(_ type: SCIMResourceType, _ attributes: SCIMObject, id: String = "u1", version: Int = 1) -> SCIMObject {
    type.render(
        attributes: attributes, id: id,
        meta: SCIMMeta(
            created: fixedDate, lastModified: fixedDate, location: "https://rampart.test/scim/v2/acme\(type.endpoint)/\(id)", version: version))
}

/// Applies a PatchOp given as its `Operations` array.
func patch(_ type: SCIMResourceType, _ attributes: SCIMObject, _ operations: String) throws -> SCIMObject {
    try type.patch(attributes, with: json(#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": \#(operations)}"#))
}
