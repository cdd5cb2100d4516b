// SPDX-License-Identifier: Apache-2.0

/// Checks a Ranger service definition before it is stored: unique resource and access-type
/// names, parents and implied grants that exist, and mask and row-filter parts that only name
/// resources and access types of the main definition.
public enum ServiceDefValidator {
    /// Validates one service-definition document and returns it as a model value.
    public static func validate(_ json: JSONValue) throws(PolicyError) -> ServiceDef {
        let root = JSONField(json)
        _ = try root.requireObject()
        _ = try root["name"].requireName()
        for key in ["displayName", "label", "description"] { _ = try root[key].string() }
        _ = try root["options"].object()
        let resources = try root["resources"].array()
        guard !resources.isEmpty else { throw root["resources"].error("needs at least one resource") }
        var resourceNames: Set<String> = []
        for resource in resources {
            _ = try resource.requireObject()
            let name = try resource["name"].requireName()
            guard resourceNames.insert(name).inserted else { throw resource["name"].error("duplicate resource `\(name)`") }
            _ = try resource["level"].integer()
            _ = try resource["matcherOptions"].object()
            for flag in ["mandatory", "recursiveSupported", "excludesSupported", "isValidLeaf"] { _ = try resource[flag].bool() }
        }
        for resource in resources {
            if let parent = try resource["parent"].string(), !parent.isEmpty {
                guard resourceNames.contains(parent), parent != (try resource["name"].string()) else {
                    throw resource["parent"].error("unknown parent resource `\(parent)`")
                }
            }
        }
        let accessTypes = try root["accessTypes"].array()
        guard !accessTypes.isEmpty else { throw root["accessTypes"].error("needs at least one access type") }
        var accessNames: Set<String> = []
        for access in accessTypes {
            _ = try access.requireObject()
            let name = try access["name"].requireName()
            guard accessNames.insert(name).inserted else { throw access["name"].error("duplicate access type `\(name)`") }
        }
        for access in accessTypes {
            for (index, implied) in try access["impliedGrants"].strings().enumerated() where !accessNames.contains(implied) {
                throw access["impliedGrants"].error("unknown access type `\(implied)` at index \(index)")
            }
        }
        var conditionNames: Set<String> = []
        for condition in try root["policyConditions"].array() {
            _ = try condition.requireObject()
            let name = try condition["name"].requireName()
            guard conditionNames.insert(name).inserted else { throw condition["name"].error("duplicate condition `\(name)`") }
        }
        for part in ["dataMaskDef", "rowFilterDef"] {
            let def = root[part]
            guard def.isPresent else { continue }
            _ = try def.requireObject()
            for resource in try def["resources"].array() {
                let name = try resource["name"].requireName()
                guard resourceNames.contains(name) else { throw resource["name"].error("unknown resource `\(name)`") }
            }
            for access in try def["accessTypes"].array() {
                let name = try access["name"].requireName()
                guard accessNames.contains(name) else { throw access["name"].error("unknown access type `\(name)`") }
            }
            var maskNames: Set<String> = []
            for mask in try def["maskTypes"].array() {
                let name = try mask["name"].requireName()
                guard maskNames.insert(name).inserted else { throw mask["name"].error("duplicate mask type `\(name)`") }
            }
        }
        do {
            return try PolicyLoader.reencode(ServiceDef.self, json)
        } catch {
            throw PolicyError(code: .invalidModel, message: error.message)
        }
    }
}
