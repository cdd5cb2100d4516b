// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Decoding of Ranger JSON documents (strict JSON; the fields themselves are read tolerantly).
public enum PolicyLoader {
    /// Decodes any model type from strict JSON.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(PolicyError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw PolicyError(code: .invalidJSON, message: "cannot decode `\(T.self)`: \(error)")
        }
    }

    /// Decodes a service definition.
    public static func serviceDef(from data: Data) throws(PolicyError) -> ServiceDef {
        try decode(ServiceDef.self, from: data)
    }

    /// Decodes policies from a Ranger export (`{"policies": [...]}`), a `ServicePolicies`
    /// download, or a bare JSON list of policies.
    public static func policies(from data: Data) throws(PolicyError) -> [Policy] {
        if let list = try? JSONDecoder().decode([Policy].self, from: data) { return list }
        return try decode(PolicyExport.self, from: data).policies
    }

    /// Decodes roles from a role export (`{"roles": [...]}`), `RangerRoles` (`{"rangerRoles": [...]}`)
    /// or a bare list.
    public static func roles(from data: Data) throws(PolicyError) -> [Role] {
        if let list = try? JSONDecoder().decode([Role].self, from: data) { return list }
        let v = try decode(JSONValue.self, from: data)
        let items = v["roles"] ?? v["rangerRoles"] ?? .array([])
        return try reencode([Role].self, items)
    }

    /// Decodes service tags (`ServiceTags`).
    public static func serviceTags(from data: Data) throws(PolicyError) -> ServiceTags {
        try decode(ServiceTags.self, from: data)
    }

    /// Converts an already-parsed JSON value into a model type.
    public static func reencode<T: Decodable>(_ type: T.Type, _ value: JSONValue) throws(PolicyError) -> T {
        do {
            let data = try JSONEncoder().encode(value)
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw PolicyError(code: .invalidModel, message: "cannot decode `\(T.self)`: \(error)")
        }
    }
}
