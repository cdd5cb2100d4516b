// SPDX-License-Identifier: Apache-2.0

/// Shape checks for the smaller Ranger objects: services, roles and security zones.
///
/// What they refer to (a service type, nested roles, the services of a zone) lives in the store,
/// so those references are checked by the caller; these checks name the field of every error.
public enum RangerObjectValidator {
    /// A service (`RangerService`); `type` is required.
    public static func service(_ json: JSONValue) throws(PolicyError) -> Service {
        let root = JSONField(json)
        _ = try root.requireObject()
        _ = try root["name"].requireName()
        _ = try root["type"].requireName()
        for key in ["displayName", "description", "tagService"] { _ = try root[key].string(maximumLength: 255) }
        _ = try root["isEnabled"].bool()
        for (_, value) in try root["configs"].members() {
            guard try value.string() != nil else { throw value.error("must be a string") }
        }
        return try decode(Service.self, json)
    }

    /// A role (`RangerRole`): members are user, group and role names (strings or `{"name": ...}`).
    public static func role(_ json: JSONValue) throws(PolicyError) -> Role {
        let root = JSONField(json)
        _ = try root.requireObject()
        let name = try root["name"].requireName()
        _ = try root["description"].string()
        _ = try root["options"].object()
        _ = try root["users"].memberNames()
        _ = try root["groups"].memberNames()
        for (member, field) in try root["roles"].memberNames() where member == name {
            throw field.error("a role cannot be a member of itself")
        }
        return try decode(Role.self, json)
    }

    /// The fields of a role's nested roles, for the caller's existence check.
    public static func nestedRoleFields(_ json: JSONValue) throws(PolicyError) -> [(name: String, field: String)] {
        try JSONField(json)["roles"].memberNames().map { ($0.name, $0.field.path) }
    }

    /// A security zone (`RangerSecurityZone`); `services` maps service names to
    /// `{"resources": [{resource: [values]}]}`.
    public static func zone(_ json: JSONValue) throws(PolicyError) -> SecurityZone {
        let root = JSONField(json)
        _ = try root.requireObject()
        _ = try root["name"].requireName()
        _ = try root["description"].string()
        for key in ["tagServices", "adminUsers", "adminUserGroups", "adminRoles", "auditUsers", "auditUserGroups", "auditRoles"] {
            _ = try root[key].strings()
        }
        let services = try root["services"].members()
        let tagServices = try root["tagServices"].strings()
        if services.isEmpty && tagServices.isEmpty {
            throw root["services"].error("a zone needs at least one service or tag service")
        }
        for (_, service) in services {
            _ = try service.requireObject()
            let specs = try service["resources"].array()
            guard !specs.isEmpty else { throw service["resources"].error("needs at least one resource set") }
            for spec in specs {
                for (_, values) in try spec.members() where (try values.strings()).isEmpty {
                    throw values.error("needs at least one value")
                }
            }
        }
        return try decode(SecurityZone.self, json)
    }

    /// Fields of a zone's per-service resource sets, for checking them against each service's
    /// definition with ``PolicyValidator/validateZoneResources(_:field:)``.
    public static func zoneResourceSets(_ json: JSONValue) -> [(service: String, resources: JSONValue, field: String)] {
        var out: [(String, JSONValue, String)] = []
        let services = JSONField(json)["services"]
        for name in (services.value?.objectValue ?? [:]).keys.sorted() {
            let list = services[name]["resources"]
            for (index, spec) in (list.value?.arrayValue ?? []).enumerated() {
                out.append((name, spec, "\(list.path)[\(index)]"))
            }
        }
        return out
    }

    /// The tags of a tag service (`ServiceTags`): tags by id, tagged resources, and which tags
    /// each resource carries.
    /// The largest tag or resource id a tag service may use: 2^53, the largest integer JSON
    /// numbers carry exactly. It leaves room for the ids discovery adds after the highest one.
    public static let maximumTagObjectID: Int64 = 1 << 53

    public static func serviceTags(_ json: JSONValue) throws(PolicyError) -> ServiceTags {
        let root = JSONField(json)
        _ = try root.requireObject()
        _ = try root["serviceName"].string(maximumLength: 255)
        // Required (possibly empty) so that a document of some other kind is not taken for "no tags".
        _ = try root["tags"].requireObject()
        var tagIDs: Set<String> = []
        for (id, tag) in try root["tags"].members() {
            guard let number = Int64(id), (0...maximumTagObjectID).contains(number) else {
                throw tag.error("tag ids must be integers from 0 to \(maximumTagObjectID)")
            }
            _ = try tag.requireObject()
            _ = try tag["type"].requireName()
            for (_, value) in try tag["attributes"].members() where try value.string() == nil {
                throw value.error("must be a string")
            }
            try PolicyValidator.validateSchedules(tag["validityPeriods"])
            tagIDs.insert(id)
        }
        var resourceIDs: Set<String> = []
        for resource in try root["serviceResources"].array() {
            _ = try resource.requireObject()
            guard let id = try resource["id"].integer() else { throw resource["id"].error("is required") }
            guard (0...maximumTagObjectID).contains(id) else { throw resource["id"].error("must be from 0 to \(maximumTagObjectID)") }
            resourceIDs.insert(String(id))
            _ = try resource["serviceName"].string(maximumLength: 255)
            let elements = try resource["resourceElements"].members()
            guard !elements.isEmpty else { throw resource["resourceElements"].error("needs at least one resource") }
            for (_, element) in elements {
                _ = try element.requireObject()
                guard !(try element["values"].strings()).isEmpty else { throw element["values"].error("needs at least one value") }
            }
        }
        for (resource, ids) in try root["resourceToTagIds"].members() {
            guard resourceIDs.contains(resource) else { throw ids.error("unknown service resource `\(resource)`") }
            for id in try ids.array() {
                guard let tag = try id.integer(), tagIDs.contains(String(tag)) else { throw id.error("unknown tag id") }
            }
        }
        return try decode(ServiceTags.self, json)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: JSONValue) throws(PolicyError) -> T {
        do {
            return try PolicyLoader.reencode(T.self, json)
        } catch {
            throw PolicyError(code: .invalidModel, message: error.message)
        }
    }
}
