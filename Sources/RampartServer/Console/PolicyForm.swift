// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartPolicy

/// The policy editor's form, field by field: what a person edits of a Ranger policy (name,
/// state, resources, the item lists of its type, validity), read from a stored document, read
/// back from a post exactly as typed, and laid over the stored document to make the one the
/// API's use case validates and writes.
///
/// Everything the form does not show (zone, labels, options, policy-level conditions, extra
/// resource sets, item lists of other policy types) is kept from the stored document, so
/// editing in the form never drops what was written in JSON.
struct PolicyForm: Sendable {
    /// The item lists a policy of some type has, in Ranger's names.
    enum ListKind: String, CaseIterable, Sendable {
        case allow, deny, allowExceptions, denyExceptions, masks, rowFilters

        /// The Ranger document's key for the list.
        var documentKey: String {
            switch self {
            case .allow: "policyItems"
            case .deny: "denyPolicyItems"
            case .allowExceptions: "allowExceptions"
            case .denyExceptions: "denyExceptions"
            case .masks: "dataMaskPolicyItems"
            case .rowFilters: "rowFilterPolicyItems"
            }
        }

        /// The list's heading, plural.
        var title: String {
            switch self {
            case .allow: "Allow"
            case .deny: "Deny"
            case .allowExceptions: "Exceptions to allow"
            case .denyExceptions: "Exceptions to deny"
            case .masks: "Masks"
            case .rowFilters: "Row filters"
            }
        }

        /// One item of the list, as a legend names it ("Deny item 2").
        var itemTitle: String {
            switch self {
            case .allow: "Allow item"
            case .deny: "Deny item"
            case .allowExceptions: "Allow exception"
            case .denyExceptions: "Deny exception"
            case .masks: "Mask"
            case .rowFilters: "Row filter"
            }
        }
    }

    /// A resource's values as typed: comma-separated, with Ranger's two flags.
    struct ResourceField: Sendable, Equatable {
        var values = ""
        var excludes = false
        var recursive = false
    }

    /// One policy item as typed.
    struct Item: Sendable, Equatable {
        var users = ""
        var groups = ""
        var roles = ""
        /// Access types granted (or denied), by name lower-cased: Ranger compares them so.
        var accesses: Set<String> = []
        /// Access types typed as text, for a service definition that lists none (a tag service).
        var otherAccesses = ""
        var delegateAdmin = false
        /// Condition name → its values, comma-separated.
        var conditions: [String: String] = [:]
        var maskType = ""
        var maskExpression = ""
        /// A mask's `conditionExpr`: the mask applies only when it holds.
        var maskCondition = ""
        var filter = ""

        /// Nothing typed: the row is dropped rather than refused.
        var isBlank: Bool {
            [users, groups, roles, otherAccesses, maskType, maskExpression, maskCondition, filter].allSatisfy { PolicyForm.trimmed($0).isEmpty }
                && accesses.isEmpty && !delegateAdmin && conditions.values.allSatisfy { PolicyForm.trimmed($0).isEmpty }
        }
    }

    /// A validity window as typed (`yyyy/MM/dd HH:mm:ss`, an IANA time zone).
    struct Schedule: Sendable, Equatable {
        var start = ""
        var end = ""
        var zone = ""
    }

    /// At most this many items in one list and windows of validity: a form is typed by a person.
    static let maximumRows = 100

    var name = ""
    var description = ""
    var enabled = true
    var denyAllElse = false
    var overrides = false
    var policyType = Policy.PolicyType.access
    /// Resource name → its field.
    var resources: [String: ResourceField] = [:]
    var lists: [ListKind: [Item]] = [:]
    var schedules: [Schedule] = []
    /// `false` when a stored window repeats (`recurrences`): the form cannot show that, so it
    /// leaves the windows to the JSON editor rather than dropping the repetition.
    var schedulesEditable = true
    /// Why a stored policy cannot be edited in the form without changing what it means (a value
    /// the form would split or trim, a condition named twice in one item, more rows than the
    /// form reads), or `nil`. Such a policy is edited as JSON.
    var uneditable: String?

    init(policyType: Policy.PolicyType) { self.policyType = policyType }

    /// The form of a stored (or template) policy.
    init(_ policy: Policy) {
        name = policy.name
        description = policy.description ?? ""
        enabled = policy.isEnabled
        denyAllElse = policy.isDenyAllElse
        overrides = policy.policyPriority == Policy.priorityOverride
        policyType = policy.policyType
        for (resourceName, resource) in policy.resources {
            resources[resourceName] = ResourceField(
                values: Self.text(resource.values), excludes: resource.isExcludes, recursive: resource.isRecursive)
        }
        let stored: [ListKind: [PolicyItem]] = [
            .allow: policy.policyItems, .deny: policy.denyPolicyItems, .allowExceptions: policy.allowExceptions,
            .denyExceptions: policy.denyExceptions, .masks: policy.dataMaskPolicyItems, .rowFilters: policy.rowFilterPolicyItems,
        ]
        for (kind, items) in stored where !items.isEmpty {
            lists[kind] = items.map { item in
                Item(
                    users: Self.text(item.users), groups: Self.text(item.groups), roles: Self.text(item.roles),
                    accesses: Set(item.accesses.filter(\.isAllowed).map { $0.type.lowercased() }),
                    otherAccesses: Self.text(item.accesses.filter(\.isAllowed).map(\.type)), delegateAdmin: item.delegateAdmin,
                    conditions: Dictionary(item.conditions.map { ($0.type, Self.text($0.values)) }, uniquingKeysWith: { $1 }),
                    maskType: item.dataMaskInfo?.dataMaskType ?? "", maskExpression: item.dataMaskInfo?.valueExpr ?? "",
                    maskCondition: item.dataMaskInfo?.conditionExpr ?? "", filter: item.rowFilterInfo?.filterExpr ?? "")
            }
        }
        uneditable = Self.whyNotInTheForm(policy, lists: stored)
        schedules = policy.validitySchedules.map { Schedule(start: $0.startTime ?? "", end: $0.endTime ?? "", zone: $0.timeZone ?? "") }
        schedulesEditable = policy.validitySchedules.allSatisfy(\.recurrences.isEmpty)
    }

    /// The form as posted, read against the shape it was drawn from: fields are named by
    /// position in that shape (`resource.2.values`, `deny.0.access.3`), never by a name from the
    /// service definition, so no name needs escaping into a field name.
    init(posted fields: [String: String], shape: PolicyFormShape, schedulesEditable: Bool) {
        policyType = shape.policyType
        self.schedulesEditable = schedulesEditable
        name = fields["name"] ?? ""
        description = fields["description"] ?? ""
        enabled = fields["enabled"] != nil
        denyAllElse = fields["denyAllElse"] != nil
        overrides = fields["overrides"] != nil
        for (index, resource) in shape.resources.enumerated() {
            let field = ResourceField(
                values: fields["resource.\(index).values"] ?? "", excludes: fields["resource.\(index).excludes"] != nil,
                recursive: fields["resource.\(index).recursive"] != nil)
            if field != ResourceField() { resources[resource.name] = field }
        }
        for kind in shape.lists {
            var items: [Item] = []
            for row in 0..<Self.rowCount(fields, prefix: kind.rawValue) where fields["\(kind.rawValue).\(row).remove"] == nil {
                let key = "\(kind.rawValue).\(row)."
                var item = Item(
                    users: fields[key + "users"] ?? "", groups: fields[key + "groups"] ?? "", roles: fields[key + "roles"] ?? "",
                    otherAccesses: fields[key + "accesses"] ?? "", delegateAdmin: fields[key + "delegateAdmin"] != nil,
                    maskType: fields[key + "maskType"] ?? "", maskExpression: fields[key + "maskExpression"] ?? "",
                    maskCondition: fields[key + "maskCondition"] ?? "", filter: fields[key + "filter"] ?? "")
                for (index, access) in shape.accessTypes.enumerated() where fields[key + "access.\(index)"] != nil {
                    item.accesses.insert(access.name.lowercased())
                }
                for (index, condition) in shape.conditions.enumerated() {
                    if let values = fields[key + "condition.\(index)"], !Self.trimmed(values).isEmpty { item.conditions[condition.name] = values }
                }
                items.append(item)
            }
            lists[kind] = items
        }
        if schedulesEditable {
            schedules = (0..<Self.rowCount(fields, prefix: "schedule")).compactMap { row in
                guard fields["schedule.\(row).remove"] == nil else { return nil }
                return Schedule(
                    start: fields["schedule.\(row).start"] ?? "", end: fields["schedule.\(row).end"] ?? "",
                    zone: fields["schedule.\(row).zone"] ?? "")
            }
        }
    }

    /// One more empty row in list `name` (an item list's name, or `schedule`), as the page's
    /// Add buttons ask; nothing beyond ``maximumRows`` or for a list the form does not show.
    mutating func addRow(to name: String, shape: PolicyFormShape) {
        if name == "schedule" {
            if schedulesEditable && schedules.count < Self.maximumRows { schedules.append(Schedule()) }
        } else if let kind = ListKind(rawValue: name), shape.lists.contains(kind), lists[kind, default: []].count < Self.maximumRows {
            lists[kind, default: []].append(Item())
        }
    }

    /// How many rows of a list the post carries: the rows are numbered from 0 by the page, and
    /// each has a `.present` field, so a row whose every box is empty still counts.
    private static func rowCount(_ fields: [String: String], prefix: String) -> Int {
        var count = 0
        while count < maximumRows, fields["\(prefix).\(count).present"] != nil { count += 1 }
        return count
    }

    /// The document to write: `stored` (or a new policy's template) with every field the form
    /// shows replaced by what was typed. Blank rows are dropped; everything else goes to the
    /// validator as typed, so a refusal names the field as the API would.
    func document(over stored: [String: JSONValue], shape: PolicyFormShape) -> JSONValue {
        var document = stored
        document["name"] = .string(Self.trimmed(name))
        document["description"] = .string(description)
        document["isEnabled"] = .bool(enabled)
        document["policyPriority"] = .number(Double(overrides ? Policy.priorityOverride : Policy.priorityNormal))
        document["policyType"] = .number(Double(policyType.rawValue))
        if policyType == .access { document["isDenyAllElse"] = .bool(denyAllElse) }
        var resourceObject: [String: JSONValue] = [:]
        for resource in shape.resources {
            guard let field = resources[resource.name] else { continue }
            let values = Self.list(field.values)
            guard !values.isEmpty || field.excludes || field.recursive else { continue }
            resourceObject[resource.name] = .object([
                "values": .array(values.map(JSONValue.string)), "isExcludes": .bool(field.excludes), "isRecursive": .bool(field.recursive),
            ])
        }
        document["resources"] = .object(resourceObject)
        for kind in shape.lists {
            document[kind.documentKey] = .array((lists[kind] ?? []).filter { !$0.isBlank }.map { item(for: $0, kind: kind, shape: shape) })
        }
        if schedulesEditable {
            document["validitySchedules"] = .array(
                schedules.filter { !($0.start + $0.end + $0.zone).allSatisfy(\.isWhitespace) }.map { schedule in
                    var window: [String: JSONValue] = [:]
                    for (key, value) in [("startTime", schedule.start), ("endTime", schedule.end), ("timeZone", schedule.zone)]
                    where !Self.trimmed(value).isEmpty {
                        window[key] = .string(Self.trimmed(value))
                    }
                    window["recurrences"] = .array([])
                    return .object(window)
                })
        }
        return .object(document)
    }

    private func item(for item: Item, kind: ListKind, shape: PolicyFormShape) -> JSONValue {
        let defined = shape.accessTypes
        let accesses = defined.isEmpty ? Self.list(item.otherAccesses) : defined.map(\.name).filter { item.accesses.contains($0.lowercased()) }
        var object: [String: JSONValue] = [
            "users": .array(Self.list(item.users).map(JSONValue.string)), "groups": .array(Self.list(item.groups).map(JSONValue.string)),
            "roles": .array(Self.list(item.roles).map(JSONValue.string)),
            "accesses": .array(accesses.map { .object(["type": .string($0), "isAllowed": .bool(true)]) }),
            "delegateAdmin": .bool(item.delegateAdmin),
            "conditions": .array(
                shape.conditions.compactMap { condition in
                    let values = Self.list(item.conditions[condition.name] ?? "")
                    return values.isEmpty ? nil : .object(["type": .string(condition.name), "values": .array(values.map(JSONValue.string))])
                }),
        ]
        switch kind {
        case .masks:
            var mask: [String: JSONValue] = ["dataMaskType": .string(Self.trimmed(item.maskType))]
            if !Self.trimmed(item.maskExpression).isEmpty { mask["valueExpr"] = .string(Self.trimmed(item.maskExpression)) }
            if !Self.trimmed(item.maskCondition).isEmpty { mask["conditionExpr"] = .string(Self.trimmed(item.maskCondition)) }
            object["dataMaskInfo"] = .object(mask)
        case .rowFilters:
            object["rowFilterInfo"] = .object(["filterExpr": .string(Self.trimmed(item.filter))])
        default: break
        }
        return .object(object)
    }

    /// Values as typed, separated by commas or line breaks; trimmed, empty ones dropped.
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0.isNewline }).map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    /// Values as the form shows them, separated by commas.
    static func text(_ values: [String]) -> String { values.joined(separator: ", ") }

    /// Whether `values` read back through ``text(_:)`` and ``list(_:)`` unchanged.
    private static func survivesTheForm(_ values: [String]) -> Bool {
        values.allSatisfy { value in
            !value.isEmpty && trimmed(value) == value && !value.contains { $0 == "," || $0.isNewline }
        }
    }

    /// Why the form cannot show `policy` as it is, or `nil`.
    private static func whyNotInTheForm(_ policy: Policy, lists: [ListKind: [PolicyItem]]) -> String? {
        for (name, resource) in policy.resources.sorted(by: { $0.key < $1.key }) where !survivesTheForm(resource.values) {
            return "a value of resource \(name) is empty, holds a comma or a line break, or starts or ends with a space"
        }
        if policy.validitySchedules.count > maximumRows { return "it has more than \(maximumRows) validity windows" }
        for kind in ListKind.allCases {
            let items = lists[kind] ?? []
            if items.count > maximumRows { return "it has more than \(maximumRows) items in \(kind.title.lowercased())" }
            for (index, item) in items.enumerated() {
                let place = "\(kind.itemTitle.lowercased()) \(index + 1)"
                guard survivesTheForm(item.users + item.groups + item.roles + item.conditions.flatMap(\.values)) else {
                    return
                        "a user, group, role or condition value of \(place) is empty, holds a comma or a line break, or starts or ends with a space"
                }
                guard Set(item.conditions.map(\.type)).count == item.conditions.count else {
                    return "\(place) names one condition twice (each must pass)"
                }
            }
        }
        return nil
    }

    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// What the editor shows for a policy type of a service definition: its resources (in level
/// order), access types, conditions, mask types and item lists.
struct PolicyFormShape: Sendable {
    var policyType: Policy.PolicyType
    var resources: [ResourceDef]
    var accessTypes: [AccessTypeDef]
    var conditions: [PolicyConditionDef]
    var maskTypes: [DataMaskTypeDef]
    var lists: [PolicyForm.ListKind]
    /// The policy types the definition has (masking and row filters only with their definitions).
    var availableTypes: [Policy.PolicyType]

    init(definition: ServiceDef, policyType: Policy.PolicyType) {
        self.policyType = policyType
        let main = definition.resources.sorted { $0.level < $1.level }
        let specific: [ResourceDef]
        switch policyType {
        case .dataMask:
            specific = definition.dataMaskDef?.resources ?? []
            accessTypes = definition.dataMaskDef?.accessTypes ?? []
            lists = [.masks]
        case .rowFilter:
            specific = definition.rowFilterDef?.resources ?? []
            accessTypes = definition.rowFilterDef?.accessTypes ?? []
            lists = [.rowFilters]
        case .access, .audit:
            specific = []
            accessTypes = []
            let denies = definition.name == "tag" || definition.options["enableDenyAndExceptionsInPolicies"]?.lowercased() != "false"
            lists = denies ? [.allow, .deny, .allowExceptions, .denyExceptions] : [.allow]
        }
        // A mask's or row filter's resources are named by its own definition and described by
        // the main one (Ranger merges them the same way).
        resources =
            specific.isEmpty
            ? main
            : specific.map { own in main.first { $0.name == own.name } ?? own }.sorted { $0.level < $1.level }
        if accessTypes.isEmpty { accessTypes = definition.accessTypes }
        conditions = definition.policyConditions
        maskTypes = definition.dataMaskDef?.maskTypes ?? []
        availableTypes = Self.availableTypes(of: definition)
    }

    /// The policy types `definition` has: access, and masking and row filters only with their
    /// definitions.
    static func availableTypes(of definition: ServiceDef) -> [Policy.PolicyType] {
        [.access] + (definition.dataMaskDef?.resources.isEmpty == false ? [.dataMask] : [])
            + (definition.rowFilterDef?.resources.isEmpty == false ? [.rowFilter] : [])
    }
}
