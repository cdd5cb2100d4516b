// SPDX-License-Identifier: Apache-2.0

/// A resource type: an endpoint, its core schema and its schema extensions (RFC 7643 §6).
///
/// It is also where attribute names are resolved, so every part of the engine agrees on what
/// `name.givenName` or an extension URN path refers to.
package struct SCIMResourceType: Sendable, Hashable {
    /// A schema extension of a resource type.
    package struct Extension: Sendable, Hashable {
        /// The extension schema.
        package var schema: SCIMSchema
        /// Whether resources must carry the extension.
        package var required: Bool

        /// Creates an extension entry.
        package init(schema: SCIMSchema, required: Bool) {
            self.schema = schema
            self.required = required
        }
    }

    /// The resource type id and name, such as `User`.
    package var name: String
    /// The endpoint relative to the base URL, such as `/Users`.
    package var endpoint: String
    /// A human-readable description.
    package var description: String
    /// The core schema.
    package var schema: SCIMSchema
    /// The schema extensions.
    package var extensions: [Extension]

    /// Creates a resource type.
    package init(name: String, endpoint: String, description: String, schema: SCIMSchema, extensions: [Extension] = []) {
        self.name = name
        self.endpoint = endpoint
        self.description = description
        self.schema = schema
        self.extensions = extensions
    }

    /// Users, with the Enterprise User extension (RFC 7643 §4.1, §4.3).
    package static let user = SCIMResourceType(
        name: "User", endpoint: "/Users", description: "User Account", schema: SCIMCoreSchemas.user,
        extensions: [Extension(schema: SCIMCoreSchemas.enterpriseUser, required: false)])

    /// Groups (RFC 7643 §4.2).
    package static let group = SCIMResourceType(
        name: "Group", endpoint: "/Groups", description: "Group", schema: SCIMCoreSchemas.group)

    /// The resource types Rampart serves, in `/ResourceTypes` order.
    package static let all: [SCIMResourceType] = [.user, .group]

    /// The resource type named `name` (ignoring case), such as `User`.
    package static func named(_ name: String) -> SCIMResourceType? {
        all.first { scimNamesEqual($0.name, name) }
    }

    /// The extension whose URN is `urn`, ignoring case.
    package func extensionSchema(_ urn: String) -> SCIMSchema? {
        extensions.first { scimNamesEqual($0.schema.id, urn) }?.schema
    }

    /// What an attribute path names.
    package enum Target: Sendable, Hashable {
        /// A whole schema extension, stored under its URN.
        case extensionRoot(SCIMSchema)
        /// An attribute, possibly a sub-attribute.
        case attribute(SCIMResolvedAttribute)
    }

    /// Finds what `path` names, or `nil` when it names nothing this resource type defines.
    ///
    /// Unqualified names are looked up in the core schema, then the common attributes, then
    /// the extensions, so `department` finds the enterprise attribute as clients expect.
    package func resolve(_ path: SCIMAttributePath) -> Target? {
        if let ext = extensionSchema(path.text) { return .extensionRoot(ext) }
        if let urn = path.schemaURN {
            if scimNamesEqual(urn, schema.id) {
                if let a = schema.attribute(path.attribute)
                    ?? SCIMCoreSchemas.commonAttributes.first(where: { scimNamesEqual($0.name, path.attribute) })
                {
                    return resolved(a, in: nil, path)
                }
                return nil
            }
            guard let ext = extensionSchema(urn), let a = ext.attribute(path.attribute) else { return nil }
            return resolved(a, in: ext, path)
        }
        if let a = schema.attribute(path.attribute) { return resolved(a, in: nil, path) }
        if let a = SCIMCoreSchemas.commonAttributes.first(where: { scimNamesEqual($0.name, path.attribute) }) {
            return resolved(a, in: nil, path)
        }
        for ext in extensions {
            if let a = ext.schema.attribute(path.attribute) { return resolved(a, in: ext.schema, path) }
        }
        return nil
    }

    private func resolved(_ attribute: SCIMAttribute, in ext: SCIMSchema?, _ path: SCIMAttributePath) -> Target? {
        var sub: SCIMAttribute?
        if let name = path.subAttribute {
            guard attribute.type == .complex, let s = attribute.subAttribute(name) else { return nil }
            sub = s
        }
        return .attribute(SCIMResolvedAttribute(extensionURN: ext?.id, attribute: attribute, subAttribute: sub))
    }

    /// Resolves a plain attribute name (no URN, no sub-attribute) under an optional extension.
    package func attribute(named name: String, extensionURN: String?) -> SCIMAttribute? {
        if let extensionURN { return extensionSchema(extensionURN)?.attribute(name) }
        return schema.attribute(name) ?? SCIMCoreSchemas.commonAttributes.first { scimNamesEqual($0.name, name) }
    }
}

/// An attribute a path resolved to, with where it is stored.
package struct SCIMResolvedAttribute: Sendable, Hashable {
    /// The URN of the extension that holds the attribute; `nil` for core and common attributes.
    package var extensionURN: String?
    /// The top-level attribute.
    package var attribute: SCIMAttribute
    /// The sub-attribute, when the path names one.
    package var subAttribute: SCIMAttribute?

    /// The definition of the innermost attribute named.
    package var leaf: SCIMAttribute { subAttribute ?? attribute }

    /// The canonical path, such as `name.givenName` or `urn:…:User:manager.value`.
    package var canonicalPath: String {
        var t = extensionURN.map { $0 + ":" } ?? ""
        t += attribute.name
        if let subAttribute { t += "." + subAttribute.name }
        return t
    }
}
