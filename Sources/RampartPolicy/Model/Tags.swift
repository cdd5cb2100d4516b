// SPDX-License-Identifier: Apache-2.0

/// A tag instance (`RangerTag`), e.g. `PII` with attributes.
public struct Tag: Sendable, Hashable, Codable {
    public var id: Int64?
    public var type: String
    public var attributes: [String: String]
    /// When the tag applies (validity schedules, as a policy's); empty: always.
    public var validityPeriods: [ValiditySchedule]

    public init(id: Int64? = nil, type: String, attributes: [String: String] = [:], validityPeriods: [ValiditySchedule] = []) {
        self.id = id
        self.type = type
        self.attributes = attributes
        self.validityPeriods = validityPeriods
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        id = c.int64("id")
        type = c.string("type") ?? ""
        attributes = c.stringMap("attributes")
        validityPeriods = c.list(ValiditySchedule.self, "validityPeriods")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(id, "id")
        try c.put(type, "type")
        try c.put(attributes, "attributes")
        if !validityPeriods.isEmpty { try c.put(validityPeriods, "validityPeriods") }
    }
}

/// A tagged resource of a service (`RangerServiceResource`).
public struct ServiceResource: Sendable, Hashable, Codable {
    public var id: Int64?
    public var serviceName: String?
    public var resourceElements: [String: PolicyResource]
    public var ownerUser: String?

    public init(id: Int64? = nil, serviceName: String? = nil, resourceElements: [String: PolicyResource], ownerUser: String? = nil) {
        self.id = id
        self.serviceName = serviceName
        self.resourceElements = resourceElements
        self.ownerUser = ownerUser
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        id = c.int64("id")
        serviceName = c.string("serviceName")
        resourceElements = c.map(PolicyResource.self, "resourceElements")
        ownerUser = c.string("ownerUser")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(id, "id")
        try c.putIfPresent(serviceName, "serviceName")
        try c.put(resourceElements, "resourceElements")
        try c.putIfPresent(ownerUser, "ownerUser")
    }
}

/// The tags of one service as plugins download them (`ServiceTags`).
public struct ServiceTags: Sendable, Hashable, Codable {
    public var serviceName: String?
    public var tagVersion: Int64?
    /// Tags by id (JSON object keys are the ids as strings).
    public var tags: [String: Tag]
    public var serviceResources: [ServiceResource]
    /// Resource id (as string) → tag ids.
    public var resourceToTagIds: [String: [Int64]]

    public init(
        serviceName: String? = nil, tagVersion: Int64? = nil, tags: [String: Tag] = [:], serviceResources: [ServiceResource] = [],
        resourceToTagIds: [String: [Int64]] = [:]
    ) {
        self.serviceName = serviceName
        self.tagVersion = tagVersion
        self.tags = tags
        self.serviceResources = serviceResources
        self.resourceToTagIds = resourceToTagIds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        serviceName = c.string("serviceName")
        tagVersion = c.int64("tagVersion")
        tags = c.map(Tag.self, "tags")
        serviceResources = c.list(ServiceResource.self, "serviceResources")
        var r2t: [String: [Int64]] = [:]
        for (k, v) in c.value("resourceToTagIds")?.objectValue ?? [:] {
            r2t[k] = (v.arrayValue ?? []).compactMap(\.int64Value)
        }
        resourceToTagIds = r2t
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(serviceName, "serviceName")
        try c.putIfPresent(tagVersion, "tagVersion")
        try c.put(tags, "tags")
        try c.put(serviceResources, "serviceResources")
        try c.put(resourceToTagIds, "resourceToTagIds")
    }
}

/// A tag attached to a request, with how its tagged resource relates to the requested one
/// (`RangerTagForEval`).
public struct TagForEval: Sendable, Hashable, Codable {
    public var type: String
    public var attributes: [String: String]
    public var matchType: MatchType

    public init(type: String, attributes: [String: String] = [:], matchType: MatchType = .selfMatch) {
        self.type = type
        self.attributes = attributes
        self.matchType = matchType
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        type = c.string("type") ?? ""
        attributes = c.stringMap("attributes")
        matchType = c.string("matchType").flatMap(MatchType.init(rangerName:)) ?? .selfMatch
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.put(type, "type")
        try c.put(attributes, "attributes")
        try c.put(matchType.rangerName, "matchType")
    }
}
