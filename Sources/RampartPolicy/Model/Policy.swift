// SPDX-License-Identifier: Apache-2.0

/// A Ranger resource policy (`RangerPolicy`): access (type 0), data-mask (1) or row-filter (2).
public struct Policy: Sendable, Hashable, Codable {
    /// Policy types as Ranger numbers them.
    public enum PolicyType: Int, Sendable, Hashable, Codable {
        case access = 0
        case dataMask = 1
        case rowFilter = 2
        case audit = 3
    }

    public static let priorityNormal = 0
    public static let priorityOverride = 1

    public var id: Int64?
    public var guid: String?
    public var isEnabled: Bool
    public var version: Int64?
    public var service: String?
    public var serviceType: String?
    public var name: String
    public var policyType: PolicyType
    public var policyPriority: Int
    public var description: String?
    public var isAuditEnabled: Bool
    public var isDenyAllElse: Bool
    /// `nil` or empty means unzoned.
    public var zoneName: String?
    public var policyLabels: [String]
    public var options: [String: JSONValue]
    public var resources: [String: PolicyResource]
    /// Extra resource sets; the policy applies if any set (or ``resources``) matches.
    public var additionalResources: [[String: PolicyResource]]
    /// Policy-level conditions; all must pass.
    public var conditions: [PolicyItemCondition]
    public var validitySchedules: [ValiditySchedule]
    public var policyItems: [PolicyItem]
    public var denyPolicyItems: [PolicyItem]
    public var allowExceptions: [PolicyItem]
    public var denyExceptions: [PolicyItem]
    public var dataMaskPolicyItems: [PolicyItem]
    public var rowFilterPolicyItems: [PolicyItem]

    public init(
        id: Int64? = nil, name: String = "", policyType: PolicyType = .access, policyPriority: Int = 0,
        isEnabled: Bool = true, isAuditEnabled: Bool = true, isDenyAllElse: Bool = false, zoneName: String? = nil,
        resources: [String: PolicyResource] = [:], additionalResources: [[String: PolicyResource]] = [],
        conditions: [PolicyItemCondition] = [], validitySchedules: [ValiditySchedule] = [],
        policyItems: [PolicyItem] = [], denyPolicyItems: [PolicyItem] = [], allowExceptions: [PolicyItem] = [],
        denyExceptions: [PolicyItem] = [], dataMaskPolicyItems: [PolicyItem] = [], rowFilterPolicyItems: [PolicyItem] = [],
        version: Int64? = nil, service: String? = nil, serviceType: String? = nil, guid: String? = nil,
        description: String? = nil, policyLabels: [String] = [], options: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.guid = guid
        self.isEnabled = isEnabled
        self.version = version
        self.service = service
        self.serviceType = serviceType
        self.name = name
        self.policyType = policyType
        self.policyPriority = policyPriority
        self.description = description
        self.isAuditEnabled = isAuditEnabled
        self.isDenyAllElse = isDenyAllElse
        self.zoneName = zoneName
        self.policyLabels = policyLabels
        self.options = options
        self.resources = resources
        self.additionalResources = additionalResources
        self.conditions = conditions
        self.validitySchedules = validitySchedules
        self.policyItems = policyItems
        self.denyPolicyItems = denyPolicyItems
        self.allowExceptions = allowExceptions
        self.denyExceptions = denyExceptions
        self.dataMaskPolicyItems = dataMaskPolicyItems
        self.rowFilterPolicyItems = rowFilterPolicyItems
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        id = c.int64("id")
        guid = c.string("guid")
        isEnabled = c.bool("isEnabled", default: true)
        version = c.int64("version")
        service = c.string("service")
        serviceType = c.string("serviceType")
        name = c.string("name") ?? ""
        policyType = PolicyType(rawValue: c.int("policyType") ?? 0) ?? .access
        policyPriority = c.int("policyPriority") ?? 0
        description = c.string("description")
        isAuditEnabled = c.bool("isAuditEnabled", default: true)
        isDenyAllElse = c.bool("isDenyAllElse", default: false)
        zoneName = c.string("zoneName")
        policyLabels = c.strings("policyLabels")
        options = c.value("options")?.objectValue ?? [:]
        resources = c.map(PolicyResource.self, "resources")
        additionalResources = c.list([String: PolicyResource].self, "additionalResources")
        conditions = c.list(PolicyItemCondition.self, "conditions")
        validitySchedules = c.list(ValiditySchedule.self, "validitySchedules")
        policyItems = c.list(PolicyItem.self, "policyItems")
        denyPolicyItems = c.list(PolicyItem.self, "denyPolicyItems")
        allowExceptions = c.list(PolicyItem.self, "allowExceptions")
        denyExceptions = c.list(PolicyItem.self, "denyExceptions")
        dataMaskPolicyItems = c.list(PolicyItem.self, "dataMaskPolicyItems")
        rowFilterPolicyItems = c.list(PolicyItem.self, "rowFilterPolicyItems")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(id, "id")
        try c.putIfPresent(guid, "guid")
        try c.put(isEnabled, "isEnabled")
        try c.putIfPresent(version, "version")
        try c.putIfPresent(service, "service")
        try c.putIfPresent(serviceType, "serviceType")
        try c.put(name, "name")
        try c.put(policyType.rawValue, "policyType")
        try c.put(policyPriority, "policyPriority")
        try c.putIfPresent(description, "description")
        try c.put(isAuditEnabled, "isAuditEnabled")
        try c.put(isDenyAllElse, "isDenyAllElse")
        try c.putIfPresent(zoneName, "zoneName")
        try c.put(policyLabels, "policyLabels")
        try c.put(options, "options")
        try c.put(resources, "resources")
        if !additionalResources.isEmpty { try c.put(additionalResources, "additionalResources") }
        try c.put(conditions, "conditions")
        try c.put(validitySchedules, "validitySchedules")
        try c.put(policyItems, "policyItems")
        try c.put(denyPolicyItems, "denyPolicyItems")
        try c.put(allowExceptions, "allowExceptions")
        try c.put(denyExceptions, "denyExceptions")
        try c.put(dataMaskPolicyItems, "dataMaskPolicyItems")
        try c.put(rowFilterPolicyItems, "rowFilterPolicyItems")
    }
}

/// The values of one resource type in a policy (`RangerPolicyResource`).
public struct PolicyResource: Sendable, Hashable, Codable {
    public var values: [String]
    public var isExcludes: Bool
    public var isRecursive: Bool

    public init(values: [String], isExcludes: Bool = false, isRecursive: Bool = false) {
        self.values = values
        self.isExcludes = isExcludes
        self.isRecursive = isRecursive
    }

    public init(from decoder: any Decoder) throws {
        // Zone specs and some tools write a bare list of values.
        if let list = try? decoder.singleValueContainer().decode([String].self) {
            self.init(values: list)
            return
        }
        let c = try decoder.container(keyedBy: AnyKey.self)
        self.init(values: c.strings("values"), isExcludes: c.bool("isExcludes", default: false), isRecursive: c.bool("isRecursive", default: false))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.put(values, "values")
        try c.put(isExcludes, "isExcludes")
        try c.put(isRecursive, "isRecursive")
    }
}

/// One access grant in a policy item (`RangerPolicyItemAccess`).
public struct PolicyItemAccess: Sendable, Hashable, Codable {
    public var type: String
    public var isAllowed: Bool

    public init(type: String, isAllowed: Bool = true) {
        self.type = type
        self.isAllowed = isAllowed
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        type = c.string("type") ?? ""
        isAllowed = c.bool("isAllowed", default: true)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.put(type, "type")
        try c.put(isAllowed, "isAllowed")
    }
}

/// A condition on a policy or policy item (`RangerPolicyItemCondition`); `type` names a
/// ``PolicyConditionDef``.
public struct PolicyItemCondition: Sendable, Hashable, Codable {
    public var type: String
    public var values: [String]

    public init(type: String, values: [String]) {
        self.type = type
        self.values = values
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        type = c.string("type") ?? ""
        values = c.strings("values")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.put(type, "type")
        try c.put(values, "values")
    }
}

/// How a data-mask item masks (`RangerPolicyItemDataMaskInfo`).
public struct DataMaskInfo: Sendable, Hashable, Codable {
    /// The mask type name verbatim (e.g. `MASK`, `MASK_SHOW_LAST_4`, `CUSTOM`).
    public var dataMaskType: String?
    public var conditionExpr: String?
    public var valueExpr: String?

    public init(dataMaskType: String?, conditionExpr: String? = nil, valueExpr: String? = nil) {
        self.dataMaskType = dataMaskType
        self.conditionExpr = conditionExpr
        self.valueExpr = valueExpr
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        dataMaskType = c.string("dataMaskType")
        conditionExpr = c.string("conditionExpr")
        valueExpr = c.string("valueExpr")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(dataMaskType, "dataMaskType")
        try c.putIfPresent(conditionExpr, "conditionExpr")
        try c.putIfPresent(valueExpr, "valueExpr")
    }
}

/// The row filter of a row-filter item (`RangerPolicyItemRowFilterInfo`).
public struct RowFilterInfo: Sendable, Hashable, Codable {
    public var filterExpr: String?

    public init(filterExpr: String?) { self.filterExpr = filterExpr }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        filterExpr = c.string("filterExpr")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(filterExpr, "filterExpr")
    }
}

/// A policy item (`RangerPolicyItem`, and its data-mask / row-filter subclasses).
public struct PolicyItem: Sendable, Hashable, Codable {
    public var accesses: [PolicyItemAccess]
    public var users: [String]
    public var groups: [String]
    public var roles: [String]
    public var conditions: [PolicyItemCondition]
    public var delegateAdmin: Bool
    public var dataMaskInfo: DataMaskInfo?
    public var rowFilterInfo: RowFilterInfo?

    public init(
        accesses: [PolicyItemAccess] = [], users: [String] = [], groups: [String] = [], roles: [String] = [],
        conditions: [PolicyItemCondition] = [], delegateAdmin: Bool = false, dataMaskInfo: DataMaskInfo? = nil,
        rowFilterInfo: RowFilterInfo? = nil
    ) {
        self.accesses = accesses
        self.users = users
        self.groups = groups
        self.roles = roles
        self.conditions = conditions
        self.delegateAdmin = delegateAdmin
        self.dataMaskInfo = dataMaskInfo
        self.rowFilterInfo = rowFilterInfo
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        accesses = c.list(PolicyItemAccess.self, "accesses")
        users = c.strings("users")
        groups = c.strings("groups")
        roles = c.strings("roles")
        conditions = c.list(PolicyItemCondition.self, "conditions")
        delegateAdmin = c.bool("delegateAdmin", default: false)
        dataMaskInfo = c.decode(DataMaskInfo.self, "dataMaskInfo")
        rowFilterInfo = c.decode(RowFilterInfo.self, "rowFilterInfo")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.put(accesses, "accesses")
        try c.put(users, "users")
        try c.put(groups, "groups")
        try c.put(roles, "roles")
        try c.put(conditions, "conditions")
        try c.put(delegateAdmin, "delegateAdmin")
        try c.putIfPresent(dataMaskInfo, "dataMaskInfo")
        try c.putIfPresent(rowFilterInfo, "rowFilterInfo")
    }
}

/// A validity schedule (`RangerValiditySchedule`). Evaluation is a later milestone; the engine
/// reports policies that carry schedules as needing the `validity-schedules` feature.
public struct ValiditySchedule: Sendable, Hashable, Codable {
    public var startTime: String?
    public var endTime: String?
    public var timeZone: String?
    public var recurrences: [JSONValue]

    public init(startTime: String? = nil, endTime: String? = nil, timeZone: String? = nil, recurrences: [JSONValue] = []) {
        self.startTime = startTime
        self.endTime = endTime
        self.timeZone = timeZone
        self.recurrences = recurrences
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        startTime = c.string("startTime")
        endTime = c.string("endTime")
        timeZone = c.string("timeZone")
        recurrences = c.value("recurrences")?.arrayValue ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(startTime, "startTime")
        try c.putIfPresent(endTime, "endTime")
        try c.putIfPresent(timeZone, "timeZone")
        try c.put(recurrences, "recurrences")
    }
}
