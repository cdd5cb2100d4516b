// SPDX-License-Identifier: Apache-2.0

/// The discovery documents of RFC 7644 §4: `/ServiceProviderConfig`, `/ResourceTypes` and
/// `/Schemas`, describing exactly what the engine supports and stores.
///
/// `baseURL` is the tenant's SCIM base URL, such as `https://host/scim/v2/acme`; it only
/// feeds `meta.location`.
package enum SCIMDiscovery {
    /// `/ServiceProviderConfig` (RFC 7643 §5): PATCH, filter (up to `limits.maxResults`), sort
    /// and ETags supported; bulk and changePassword not; bearer-token authentication.
    package static func serviceProviderConfig(baseURL: String, limits: SCIMLimits = .default) -> SCIMValue {
        var o = SCIMObject()
        o["schemas"] = .array([.string(SCIMURN.serviceProviderConfig)])
        o["patch"] = ["supported": true]
        o["bulk"] = ["supported": false, "maxOperations": 0, "maxPayloadSize": 0]
        o["filter"] = ["supported": true, "maxResults": .integer(limits.maxResults)]
        o["changePassword"] = ["supported": false]
        o["sort"] = ["supported": true]
        o["etag"] = ["supported": true]
        o["authenticationSchemes"] = [
            [
                "type": "oauthbearertoken",
                "name": "OAuth Bearer Token",
                "description": "Authentication with a bearer token issued by Rampart for this tenant.",
                "specUri": "https://www.rfc-editor.org/rfc/rfc6750",
                "primary": true,
            ]
        ]
        o["meta"] = [
            "resourceType": "ServiceProviderConfig",
            "location": .string(join(baseURL, "ServiceProviderConfig")),
        ]
        return .object(o)
    }

    /// One resource type as `/ResourceTypes/{id}` returns it (RFC 7643 §6).
    package static func render(_ type: SCIMResourceType, baseURL: String) -> SCIMValue {
        var o = SCIMObject()
        o["schemas"] = .array([.string(SCIMURN.resourceType)])
        o["id"] = .string(type.name)
        o["name"] = .string(type.name)
        o["endpoint"] = .string(type.endpoint)
        o["description"] = .string(type.description)
        o["schema"] = .string(type.schema.id)
        if !type.extensions.isEmpty {
            o["schemaExtensions"] = .array(type.extensions.map { ["schema": .string($0.schema.id), "required": .bool($0.required)] })
        }
        o["meta"] = ["resourceType": "ResourceType", "location": .string(join(baseURL, "ResourceTypes", type.name))]
        return .object(o)
    }

    /// `/ResourceTypes`: a ListResponse of every resource type.
    package static func resourceTypes(baseURL: String, types: [SCIMResourceType] = SCIMResourceType.all) -> SCIMValue {
        SCIMListResponse(totalResults: types.count, startIndex: 1, resources: types.map { render($0, baseURL: baseURL) }).rendered
    }

    /// `/ResourceTypes/{id}`.
    ///
    /// - Throws: ``SCIMError`` `notFound` for an unknown id.
    package static func resourceType(id: String, baseURL: String, types: [SCIMResourceType] = SCIMResourceType.all) throws(SCIMError) -> SCIMValue {
        guard let type = types.first(where: { scimNamesEqual($0.name, id) }) else {
            throw SCIMError(.notFound, "no resource type \(SCIMError.quote(id))")
        }
        return render(type, baseURL: baseURL)
    }

    /// Every schema the resource types use, core schemas first, without duplicates.
    package static func allSchemas(_ types: [SCIMResourceType] = SCIMResourceType.all) -> [SCIMSchema] {
        var seen: [SCIMSchema] = []
        for schema in types.map(\.schema) + types.flatMap({ $0.extensions.map(\.schema) }) where !seen.contains(where: { $0.id == schema.id }) {
            seen.append(schema)
        }
        return seen
    }

    /// `/Schemas`: a ListResponse of every schema (RFC 7643 §7).
    package static func schemas(baseURL: String, types: [SCIMResourceType] = SCIMResourceType.all) -> SCIMValue {
        let all = allSchemas(types)
        return SCIMListResponse(totalResults: all.count, startIndex: 1, resources: all.map { $0.rendered(baseURL: baseURL) }).rendered
    }

    /// `/Schemas/{id}`, the id being the schema URN (compared ignoring case).
    ///
    /// - Throws: ``SCIMError`` `notFound` for an unknown URN.
    package static func schema(id: String, baseURL: String, types: [SCIMResourceType] = SCIMResourceType.all) throws(SCIMError) -> SCIMValue {
        guard let schema = allSchemas(types).first(where: { scimNamesEqual($0.id, id) }) else {
            throw SCIMError(.notFound, "no schema \(SCIMError.quote(id))")
        }
        return schema.rendered(baseURL: baseURL)
    }

    /// Joins a base URL and path segments with single slashes.
    package static func join(_ base: String, _ segments: String...) -> String {
        var out = base
        while out.hasSuffix("/") { out.removeLast() }
        for segment in segments {
            var s = Substring(segment)
            while s.hasPrefix("/") { s = s.dropFirst() }
            out += "/" + s
        }
        return out
    }
}
