// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Checks a Ranger policy against its service definition before it is stored, the way Ranger's
/// admin server does (`RangerPolicyValidator`), and names the offending field in every error.
///
/// ```swift
/// let validator = PolicyValidator(serviceDef: hive)
/// do {
///     let policy = try validator.validate(json)
/// } catch {
///     print(error.field ?? "", error.message)   // "resources.databse", "unknown resource `databse` for service type `hive`"
/// }
/// ```
public struct PolicyValidator: Sendable {
    public let serviceDef: ServiceDef
    let compiled: CompiledServiceDef

    /// The policy-item lists and the policy types that may carry them.
    static let itemLists: [(name: String, types: Set<Policy.PolicyType>, isDenyOrException: Bool)] = [
        ("policyItems", [.access], false), ("denyPolicyItems", [.access], true), ("allowExceptions", [.access], true),
        ("denyExceptions", [.access], true), ("dataMaskPolicyItems", [.dataMask], false), ("rowFilterPolicyItems", [.rowFilter], false),
    ]

    public init(serviceDef: ServiceDef) {
        self.serviceDef = serviceDef
        self.compiled = CompiledServiceDef(serviceDef)
    }

    /// Validates one policy document and returns it as a model value.
    ///
    /// - Parameters:
    ///   - json: the policy object as submitted.
    ///   - zones: the security zones that cover the policy's service, which `zoneName` may name;
    ///     `nil` skips that check.
    public func validate(_ json: JSONValue, zones: Set<String>? = nil) throws(PolicyError) -> Policy {
        let root = JSONField(json)
        _ = try root.requireObject()
        _ = try root["name"].requireName()
        _ = try root["service"].string(maximumLength: 255)
        _ = try root["description"].string()
        _ = try root["guid"].string(maximumLength: 255)
        for flag in ["isEnabled", "isAuditEnabled", "isDenyAllElse"] { _ = try root[flag].bool() }
        _ = try root["policyLabels"].strings()
        _ = try root["options"].object()
        try Self.validateSchedules(root["validitySchedules"])
        let type = try policyType(root["policyType"])
        if let priority = try root["policyPriority"].integer(), priority != 0, priority != 1 {
            throw root["policyPriority"].error("must be 0 (normal) or 1 (override)")
        }
        if try root["isDenyAllElse"].bool() == true, type != .access {
            throw root["isDenyAllElse"].error("only access policies (policyType 0) can deny all else")
        }
        if let zone = try root["zoneName"].string(maximumLength: 255), !zone.isEmpty, let zones, !zones.contains(zone) {
            throw root["zoneName"].error("security zone `\(zone)` does not exist or does not cover this service", code: .invalidPolicy)
        }
        try validateResources(root["resources"], type: type, required: true)
        for set in try root["additionalResources"].array() { try validateResources(set, type: type, required: true) }
        try validateConditions(root["conditions"])
        let denyAllowed = compiled.enableDenyAndExceptions
        for list in Self.itemLists {
            let items = try root[list.name].array()
            if items.isEmpty { continue }
            guard list.types.contains(type) else {
                throw root[list.name].error("not allowed in a policy of policyType \(type.rawValue)", code: .invalidPolicy)
            }
            if list.isDenyOrException && !denyAllowed {
                throw root[list.name].error(
                    "service type `\(serviceDef.name)` does not enable deny and exceptions in policies", code: .invalidPolicy)
            }
            for item in items { try validateItem(item, type: type) }
        }
        do {
            return try PolicyLoader.reencode(Policy.self, json)
        } catch {
            throw PolicyError(code: .invalidModel, message: error.message)
        }
    }

    func policyType(_ field: JSONField) throws(PolicyError) -> Policy.PolicyType {
        guard let raw = try field.integer() else { return .access }
        guard let type = Policy.PolicyType(rawValue: Int(raw)), type != .audit else {
            throw field.error("must be 0 (access), 1 (data mask) or 2 (row filter)")
        }
        switch type {
        case .dataMask where serviceDef.dataMaskDef?.resources.isEmpty ?? true:
            throw field.error("service type `\(serviceDef.name)` has no data-mask definition", code: .invalidPolicy)
        case .rowFilter where serviceDef.rowFilterDef?.resources.isEmpty ?? true:
            throw field.error("service type `\(serviceDef.name)` has no row-filter definition", code: .invalidPolicy)
        default: return type
        }
    }

    /// Resource names must be defined for the policy type and form one root-to-leaf path of the
    /// service's resource hierarchy (e.g. `database`, `database/table`, `database/table/column`).
    func validateResources(_ field: JSONField, type: Policy.PolicyType, required: Bool) throws(PolicyError) {
        let members = try field.members()
        if members.isEmpty {
            if required { throw field.error(field.isPresent ? "needs at least one resource" : "is required") }
            return
        }
        let defined = Set((compiled.resourceDefs[type] ?? []).map(\.name))
        for (name, resource) in members {
            guard defined.contains(name) else {
                throw resource.error("unknown resource `\(name)` for service type `\(serviceDef.name)`", code: .invalidPolicy)
            }
            let values: [String]
            if case .array = resource.value {
                values = try resource.strings()
            } else {
                _ = try resource.requireObject()
                values = try resource["values"].strings()
                _ = try resource["isExcludes"].bool()
                _ = try resource["isRecursive"].bool()
            }
            guard !values.isEmpty else { throw resource["values"].error("needs at least one value") }
        }
        try checkHierarchy(Set(members.map(\.key)), type: type, field: field)
    }

    func checkHierarchy(_ names: Set<String>, type: Policy.PolicyType, field: JSONField) throws(PolicyError) {
        let fits = compiled.hierarchies(type).contains { path in
            path.count >= names.count && Set(path.prefix(names.count)) == names
        }
        guard fits else {
            let known = compiled.hierarchies(type).map { $0.joined(separator: "/") }.joined(separator: ", ")
            throw field.error(
                "resources `\(names.sorted().joined(separator: ", "))` are not a path of the resource hierarchy of `\(serviceDef.name)` (\(known))",
                code: .invalidPolicy)
        }
    }

    func validateConditions(_ field: JSONField) throws(PolicyError) {
        for condition in try field.array() {
            _ = try condition.requireObject()
            let name = try condition["type"].requireName()
            guard compiled.conditionDefs[name] != nil else {
                throw condition["type"].error("unknown condition `\(name)` for service type `\(serviceDef.name)`", code: .invalidPolicy)
            }
            _ = try condition["values"].strings()
        }
    }

    func validateItem(_ item: JSONField, type: Policy.PolicyType) throws(PolicyError) {
        _ = try item.requireObject()
        let users = try item["users"].strings()
        let groups = try item["groups"].strings()
        let roles = try item["roles"].strings()
        let delegateAdmin = try item["delegateAdmin"].bool() ?? false
        guard !(users.isEmpty && groups.isEmpty && roles.isEmpty) else {
            throw item.error("needs at least one of `users`, `groups` or `roles`", code: .invalidPolicy)
        }
        let accesses = try item["accesses"].array()
        if accesses.isEmpty && !delegateAdmin { throw item["accesses"].error("needs at least one access") }
        let allowed = accessTypes(for: type)
        for access in accesses {
            _ = try access.requireObject()
            let name = try access["type"].requireName()
            _ = try access["isAllowed"].bool()
            guard allowed.contains(name.lowercased()) else {
                throw access["type"].error("unknown access type `\(name)` for service type `\(serviceDef.name)`", code: .invalidPolicy)
            }
        }
        try validateConditions(item["conditions"])
        switch type {
        case .dataMask:
            let info = item["dataMaskInfo"]
            _ = try info.requireObject()
            let maskType = try info["dataMaskType"].requireName()
            let known = Set((serviceDef.dataMaskDef?.maskTypes ?? []).map(\.name))
            guard known.contains(maskType) else {
                throw info["dataMaskType"].error("unknown mask type `\(maskType)` for service type `\(serviceDef.name)`", code: .invalidPolicy)
            }
            _ = try info["conditionExpr"].string()
            _ = try info["valueExpr"].string()
        case .rowFilter:
            let info = item["rowFilterInfo"]
            _ = try info.requireObject()
            _ = try info["filterExpr"].requireName(maximumLength: 4096)
        default:
            if item["dataMaskInfo"].isPresent { throw item["dataMaskInfo"].error("only data-mask items carry a mask") }
            if item["rowFilterInfo"].isPresent { throw item["rowFilterInfo"].error("only row-filter items carry a filter") }
        }
    }

    /// Access types a policy item of `type` may grant, lower-cased.
    func accessTypes(for type: Policy.PolicyType) -> Set<String> {
        let specific: [AccessTypeDef]
        switch type {
        case .dataMask: specific = serviceDef.dataMaskDef?.accessTypes ?? []
        case .rowFilter: specific = serviceDef.rowFilterDef?.accessTypes ?? []
        default: specific = []
        }
        return Set((specific.isEmpty ? serviceDef.accessTypes : specific).map { $0.name.lowercased() })
    }

    /// Checks the resources of one service in a security zone (`{"database": ["sales"], ...}`).
    public func validateZoneResources(_ json: JSONValue, field path: String) throws(PolicyError) {
        try validateResources(JSONField(json, path: path), type: .access, required: true)
    }
}
