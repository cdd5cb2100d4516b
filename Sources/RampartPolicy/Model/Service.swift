// SPDX-License-Identifier: Apache-2.0

/// A Ranger service (repository) instance (`RangerService`).
public struct Service: Sendable, Hashable, Codable {
    public var id: Int64?
    public var name: String
    public var displayName: String?
    /// The service-definition name, e.g. `hive`.
    public var type: String?
    public var description: String?
    /// Name of the associated tag service, if any.
    public var tagService: String?
    /// Service configuration; Ranger reads `ranger.plugin.super.users`, audit excludes and audit filters here.
    public var configs: [String: String]
    public var isEnabled: Bool
    public var policyVersion: Int64?
    public var tagVersion: Int64?

    public init(
        id: Int64? = nil, name: String, displayName: String? = nil, type: String? = nil, description: String? = nil,
        tagService: String? = nil, configs: [String: String] = [:], isEnabled: Bool = true, policyVersion: Int64? = nil,
        tagVersion: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.type = type
        self.description = description
        self.tagService = tagService
        self.configs = configs
        self.isEnabled = isEnabled
        self.policyVersion = policyVersion
        self.tagVersion = tagVersion
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        id = c.int64("id")
        name = c.string("name") ?? ""
        displayName = c.string("displayName")
        type = c.string("type")
        description = c.string("description")
        tagService = c.string("tagService")
        configs = c.stringMap("configs")
        isEnabled = c.bool("isEnabled", default: true)
        policyVersion = c.int64("policyVersion")
        tagVersion = c.int64("tagVersion")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(id, "id")
        try c.put(name, "name")
        try c.putIfPresent(displayName, "displayName")
        try c.putIfPresent(type, "type")
        try c.putIfPresent(description, "description")
        try c.putIfPresent(tagService, "tagService")
        try c.put(configs, "configs")
        try c.put(isEnabled, "isEnabled")
        try c.putIfPresent(policyVersion, "policyVersion")
        try c.putIfPresent(tagVersion, "tagVersion")
    }
}

/// A security zone (`RangerSecurityZone`): resources of services that are governed only by the
/// zone's own policies.
public struct SecurityZone: Sendable, Hashable, Codable {
    /// The resources of one service that belong to the zone; each entry is one resource spec
    /// (resource name → values).
    public struct ZoneService: Sendable, Hashable, Codable {
        public var resources: [[String: [String]]]

        public init(resources: [[String: [String]]]) { self.resources = resources }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            resources = c.list([String: [String]].self, "resources")
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.put(resources, "resources")
        }
    }

    public var id: Int64?
    public var name: String
    public var description: String?
    public var services: [String: ZoneService]
    public var tagServices: [String]
    public var adminUsers: [String]
    public var adminUserGroups: [String]
    public var adminRoles: [String]
    public var auditUsers: [String]
    public var auditUserGroups: [String]
    public var auditRoles: [String]

    public init(
        id: Int64? = nil, name: String, description: String? = nil, services: [String: ZoneService] = [:],
        tagServices: [String] = [], adminUsers: [String] = [], adminUserGroups: [String] = [], adminRoles: [String] = [],
        auditUsers: [String] = [], auditUserGroups: [String] = [], auditRoles: [String] = []
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.services = services
        self.tagServices = tagServices
        self.adminUsers = adminUsers
        self.adminUserGroups = adminUserGroups
        self.adminRoles = adminRoles
        self.auditUsers = auditUsers
        self.auditUserGroups = auditUserGroups
        self.auditRoles = auditRoles
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        id = c.int64("id")
        name = c.string("name") ?? ""
        description = c.string("description")
        services = c.map(ZoneService.self, "services")
        tagServices = c.strings("tagServices")
        adminUsers = c.strings("adminUsers")
        adminUserGroups = c.strings("adminUserGroups")
        adminRoles = c.strings("adminRoles")
        auditUsers = c.strings("auditUsers")
        auditUserGroups = c.strings("auditUserGroups")
        auditRoles = c.strings("auditRoles")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(id, "id")
        try c.put(name, "name")
        try c.putIfPresent(description, "description")
        try c.put(services, "services")
        try c.put(tagServices, "tagServices")
        try c.put(adminUsers, "adminUsers")
        try c.put(adminUserGroups, "adminUserGroups")
        try c.put(adminRoles, "adminRoles")
        try c.put(auditUsers, "auditUsers")
        try c.put(auditUserGroups, "auditUserGroups")
        try c.put(auditRoles, "auditRoles")
    }
}

/// A role (`RangerRole`) whose members are users, groups and other roles.
public struct Role: Sendable, Hashable, Codable {
    /// A member of a role.
    public struct Member: Sendable, Hashable, Codable {
        public var name: String
        public var isAdmin: Bool

        public init(name: String, isAdmin: Bool = false) {
            self.name = name
            self.isAdmin = isAdmin
        }

        public init(from decoder: any Decoder) throws {
            if let s = try? decoder.singleValueContainer().decode(String.self) {
                self.init(name: s)
                return
            }
            let c = try decoder.container(keyedBy: AnyKey.self)
            self.init(name: c.string("name") ?? "", isAdmin: c.bool("isAdmin", default: false))
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.put(name, "name")
            try c.put(isAdmin, "isAdmin")
        }
    }

    public var id: Int64?
    public var name: String
    public var description: String?
    public var users: [Member]
    public var groups: [Member]
    public var roles: [Member]
    public var options: [String: JSONValue]

    public init(
        id: Int64? = nil, name: String, description: String? = nil, users: [Member] = [], groups: [Member] = [],
        roles: [Member] = [], options: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.users = users
        self.groups = groups
        self.roles = roles
        self.options = options
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        id = c.int64("id")
        name = c.string("name") ?? ""
        description = c.string("description")
        users = c.list(Member.self, "users")
        groups = c.list(Member.self, "groups")
        roles = c.list(Member.self, "roles")
        options = c.value("options")?.objectValue ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(id, "id")
        try c.put(name, "name")
        try c.putIfPresent(description, "description")
        try c.put(users, "users")
        try c.put(groups, "groups")
        try c.put(roles, "roles")
        try c.put(options, "options")
    }
}

/// Ranger's policy export (`RangerExportPolicyList`): `{"metaDataInfo": {...}, "policies": [...]}`.
public struct PolicyExport: Sendable, Hashable, Codable {
    public var metaDataInfo: [String: String]
    public var policies: [Policy]

    public init(metaDataInfo: [String: String] = [:], policies: [Policy]) {
        self.metaDataInfo = metaDataInfo
        self.policies = policies
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        metaDataInfo = c.stringMap("metaDataInfo")
        policies = c.list(Policy.self, "policies")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.put(metaDataInfo, "metaDataInfo")
        try c.put(policies, "policies")
    }
}
