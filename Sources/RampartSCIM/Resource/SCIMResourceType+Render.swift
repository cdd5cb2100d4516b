// SPDX-License-Identifier: Apache-2.0

extension SCIMResourceType {
    /// Renders stored attributes as the resource's JSON: `schemas` (the core schema plus each
    /// extension that has values), `id`, `externalId`, the attributes in schema order, the
    /// extension objects, and `meta`.
    ///
    /// Attributes returned `never` (`password`) are left out whatever is stored. Read-only
    /// attributes the server computes, such as a User's `groups`, are rendered when present in
    /// `attributes`, so the server adds them there before calling.
    package func render(attributes: SCIMObject, id: String, meta: SCIMMeta) -> SCIMObject {
        var out = SCIMObject()
        var schemas: [SCIMValue] = [.string(schema.id)]
        for ext in extensions {
            if let v = attributes.value(forAttribute: ext.schema.id), !v.isUnassigned { schemas.append(.string(ext.schema.id)) }
        }
        out["schemas"] = .array(schemas)
        out["id"] = .string(id)
        if let externalId = attributes.value(forAttribute: "externalId"), !externalId.isUnassigned {
            out["externalId"] = externalId
        }
        for attribute in schema.attributes where attribute.returned != .never {
            if let v = attributes.value(forAttribute: attribute.name), !v.isUnassigned { out[attribute.name] = v }
        }
        for ext in extensions {
            guard let stored = attributes.value(forAttribute: ext.schema.id)?.objectValue else { continue }
            var extOut = SCIMObject()
            for attribute in ext.schema.attributes where attribute.returned != .never {
                if let v = stored.value(forAttribute: attribute.name), !v.isUnassigned { extOut[attribute.name] = v }
            }
            if !extOut.isEmpty { out[ext.schema.id] = .object(extOut) }
        }
        out["meta"] = [
            "resourceType": .string(name),
            "created": .string(SCIMDateTime.format(meta.created)),
            "lastModified": .string(SCIMDateTime.format(meta.lastModified)),
            "location": .string(meta.location),
            "version": .string(meta.etag),
        ]
        return out
    }
}
