// SPDX-License-Identifier: Apache-2.0

/// Reading the body of a create (POST) or replace (PUT) into the attributes to store.
///
/// The stored form is the resource without `schemas`, `id` and `meta`: core attributes at the
/// top level under their canonical names, extension attributes in an object under the
/// extension URN. ``SCIMResourceType/render(attributes:id:meta:)`` turns it back into JSON.
extension SCIMResourceType {
    /// Reads a POST body into stored attributes.
    ///
    /// Read-only attributes (`id`, `meta`, `groups`) are ignored, as RFC 7643 §2.2 requires;
    /// unknown attributes and extensions are dropped; write-only attributes (`password`) are
    /// accepted and discarded, since Rampart never stores SCIM passwords. Values are coerced
    /// (see ``SCIMValueCoercion``).
    ///
    /// - Throws: ``SCIMError`` `invalidSyntax` when the body is not an object, `invalidValue`
    ///   for a wrongly typed value or a missing required attribute (`userName`, Group
    ///   `displayName`).
    package func attributesForCreate(_ body: SCIMValue) throws(SCIMError) -> SCIMObject {
        let attributes = try readBody(body)
        try checkRequired(attributes)
        return attributes
    }

    /// Reads a PUT body into the stored attributes that replace `existing` (RFC 7644 §3.5.1).
    ///
    /// Everything writable is replaced: what the body omits becomes unassigned. An immutable
    /// attribute that already has a value must be sent unchanged (or omitted, which keeps it).
    ///
    /// - Throws: as ``attributesForCreate(_:)``, plus `mutability` when an immutable value changes.
    package func attributesForReplace(_ body: SCIMValue, existing: SCIMObject) throws(SCIMError) -> SCIMObject {
        var attributes = try readBody(body)
        for attribute in schema.attributes where attribute.mutability == .immutable {
            guard let old = existing.value(forAttribute: attribute.name), !old.isUnassigned else { continue }
            if let new = attributes.value(forAttribute: attribute.name) {
                guard new == old else {
                    throw SCIMError(.mutability, "\(SCIMError.quote(attribute.name)) is immutable and already set")
                }
            } else {
                attributes.setValue(old, forAttribute: attribute.name)
            }
        }
        try checkRequired(attributes)
        return attributes
    }

    /// Checks that every required attribute has a value.
    ///
    /// - Throws: ``SCIMError`` `invalidValue` naming the first missing attribute.
    package func checkRequired(_ attributes: SCIMObject) throws(SCIMError) {
        for attribute in schema.attributes where attribute.required && attribute.mutability != .readOnly {
            let value = attributes.value(forAttribute: attribute.name)
            let missing: Bool
            switch value {
            case nil: missing = true
            case .string(let s)?: missing = s.trimmingSpaces.isEmpty
            case let v?: missing = v.isUnassigned
            }
            if missing { throw SCIMError(.invalidValue, "\(SCIMError.quote(attribute.name)) is required") }
        }
        for ext in extensions where ext.required {
            if attributes.value(forAttribute: ext.schema.id)?.isUnassigned ?? true {
                throw SCIMError(.invalidValue, "the extension \(SCIMError.quote(ext.schema.id)) is required")
            }
        }
    }

    private func readBody(_ body: SCIMValue) throws(SCIMError) -> SCIMObject {
        guard case .object(let input) = body else {
            throw SCIMError(.invalidSyntax, "the body must be a JSON object, not a \(body.typeName)")
        }
        if let schemas = input.value(forAttribute: "schemas") {
            guard case .array(let list) = schemas, list.allSatisfy({ $0.stringValue != nil }) else {
                throw SCIMError(.invalidSyntax, "`schemas` must be an array of URIs")
            }
        }
        var out = SCIMObject()
        for member in input where !scimNamesEqual(member.key, "schemas") {
            if let ext = extensionSchema(member.key) {
                guard case .object(let extInput) = member.value else {
                    if member.value.isNull { continue }
                    throw SCIMError(.invalidValue, "the extension \(SCIMError.quote(ext.id)) must be an object")
                }
                var extOut = out.value(forAttribute: ext.id)?.objectValue ?? SCIMObject()
                for extMember in extInput {
                    guard let attribute = ext.attribute(extMember.key) else { continue }
                    try store(extMember.value, attribute, into: &extOut, path: ext.id + ":" + attribute.name)
                }
                if !extOut.isEmpty { out.setValue(.object(extOut), forAttribute: ext.id) }
                continue
            }
            // Top-level keys may also be full paths (`urn:…:User:department`, `name.givenName`).
            guard let path = SCIMAttributePath.parse(member.key), case .attribute(let r)? = resolve(path) else { continue }
            if let sub = r.subAttribute {
                guard !r.attribute.multiValued, sub.mutability != .readOnly, r.attribute.mutability != .readOnly,
                    let v = try SCIMValueCoercion.coerceSingle(member.value, to: sub, path: r.canonicalPath)
                else { continue }
                var container = r.extensionURN.flatMap { out.value(forAttribute: $0)?.objectValue } ?? (r.extensionURN == nil ? out : SCIMObject())
                var parent = container.value(forAttribute: r.attribute.name)?.objectValue ?? SCIMObject()
                parent.setValue(v, forAttribute: sub.name)
                container.setValue(.object(parent), forAttribute: r.attribute.name)
                if let urn = r.extensionURN { out.setValue(.object(container), forAttribute: urn) } else { out = container }
                continue
            }
            if let urn = r.extensionURN {
                var extOut = out.value(forAttribute: urn)?.objectValue ?? SCIMObject()
                try store(member.value, r.attribute, into: &extOut, path: r.canonicalPath)
                if !extOut.isEmpty { out.setValue(.object(extOut), forAttribute: urn) }
            } else {
                try store(member.value, r.attribute, into: &out, path: r.canonicalPath)
            }
        }
        return out
    }

    private func store(_ value: SCIMValue, _ attribute: SCIMAttribute, into object: inout SCIMObject, path: String) throws(SCIMError) {
        // Read-only values in requests are ignored (RFC 7643 §2.2); write-only ones are not kept.
        guard attribute.mutability != .readOnly, attribute.mutability != .writeOnly else { return }
        if let v = try SCIMValueCoercion.coerce(value, to: attribute, path: path) {
            object.setValue(v, forAttribute: attribute.name)
        } else {
            object.removeValue(forAttribute: attribute.name)
        }
    }
}
