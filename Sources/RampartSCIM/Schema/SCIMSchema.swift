// SPDX-License-Identifier: Apache-2.0

/// A SCIM schema: a URN and the attributes it defines (RFC 7643 §7).
package struct SCIMSchema: Sendable, Hashable {
    /// The schema URN, such as `urn:ietf:params:scim:schemas:core:2.0:User`.
    package var id: String
    /// A short name, such as `User`.
    package var name: String
    /// A human-readable description.
    package var description: String
    /// The top-level attributes.
    package var attributes: [SCIMAttribute]

    /// Creates a schema.
    package init(id: String, name: String, description: String, attributes: [SCIMAttribute]) {
        self.id = id
        self.name = name
        self.description = description
        self.attributes = attributes
    }

    /// The top-level attribute named `name`, ignoring case.
    package func attribute(_ name: String) -> SCIMAttribute? {
        attributes.first { scimNamesEqual($0.name, name) }
    }

    /// The schema as `/Schemas/{id}` returns it; `baseURL` is the SCIM base URL, used for
    /// `meta.location`.
    package func rendered(baseURL: String) -> SCIMValue {
        var o = SCIMObject()
        o["schemas"] = .array([.string(SCIMURN.schema)])
        o["id"] = .string(id)
        o["name"] = .string(name)
        o["description"] = .string(description)
        o["attributes"] = .array(attributes.map(\.rendered))
        o["meta"] = [
            "resourceType": "Schema",
            "location": .string(SCIMDiscovery.join(baseURL, "Schemas", id)),
        ]
        return .object(o)
    }
}
