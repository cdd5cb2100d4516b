// SPDX-License-Identifier: Apache-2.0

/// A Ranger service definition (`RangerServiceDef`): the resource hierarchy, access types, mask
/// types, row-filter definition, condition evaluators and context enrichers of one kind of service.
public struct ServiceDef: Sendable, Hashable, Codable {
    public var id: Int64?
    public var name: String
    public var displayName: String?
    public var label: String?
    public var description: String?
    public var resources: [ResourceDef]
    public var accessTypes: [AccessTypeDef]
    public var policyConditions: [PolicyConditionDef]
    public var contextEnrichers: [ContextEnricherDef]
    public var dataMaskDef: DataMaskDef?
    public var rowFilterDef: RowFilterDef?
    public var markerAccessTypes: [AccessTypeDef]
    public var options: [String: String]

    public init(
        id: Int64? = nil, name: String, displayName: String? = nil, label: String? = nil, description: String? = nil,
        resources: [ResourceDef], accessTypes: [AccessTypeDef], policyConditions: [PolicyConditionDef] = [],
        contextEnrichers: [ContextEnricherDef] = [], dataMaskDef: DataMaskDef? = nil, rowFilterDef: RowFilterDef? = nil,
        markerAccessTypes: [AccessTypeDef] = [], options: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.label = label
        self.description = description
        self.resources = resources
        self.accessTypes = accessTypes
        self.policyConditions = policyConditions
        self.contextEnrichers = contextEnrichers
        self.dataMaskDef = dataMaskDef
        self.rowFilterDef = rowFilterDef
        self.markerAccessTypes = markerAccessTypes
        self.options = options
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        id = c.int64("id")
        name = c.string("name") ?? ""
        displayName = c.string("displayName")
        label = c.string("label")
        description = c.string("description")
        resources = c.list(ResourceDef.self, "resources")
        accessTypes = c.list(AccessTypeDef.self, "accessTypes")
        policyConditions = c.list(PolicyConditionDef.self, "policyConditions")
        contextEnrichers = c.list(ContextEnricherDef.self, "contextEnrichers")
        dataMaskDef = c.decode(DataMaskDef.self, "dataMaskDef")
        rowFilterDef = c.decode(RowFilterDef.self, "rowFilterDef")
        markerAccessTypes = c.list(AccessTypeDef.self, "markerAccessTypes")
        options = c.stringMap("options")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(id, "id")
        try c.put(name, "name")
        try c.putIfPresent(displayName, "displayName")
        try c.putIfPresent(label, "label")
        try c.putIfPresent(description, "description")
        try c.put(resources, "resources")
        try c.put(accessTypes, "accessTypes")
        try c.put(policyConditions, "policyConditions")
        try c.put(contextEnrichers, "contextEnrichers")
        try c.putIfPresent(dataMaskDef, "dataMaskDef")
        try c.putIfPresent(rowFilterDef, "rowFilterDef")
        if !markerAccessTypes.isEmpty { try c.put(markerAccessTypes, "markerAccessTypes") }
        try c.put(options, "options")
    }
}

/// One resource type of a service definition (`RangerResourceDef`), e.g. Hive `table`.
public struct ResourceDef: Sendable, Hashable, Codable {
    public var itemId: Int64?
    public var name: String
    public var type: String?
    public var level: Int
    public var parent: String?
    public var mandatory: Bool
    public var recursiveSupported: Bool
    public var excludesSupported: Bool
    /// `nil` means "not stated": a resource with no children is then a valid leaf.
    public var isValidLeaf: Bool?
    /// Java class name of the matcher; only the simple name matters here.
    public var matcher: String?
    public var matcherOptions: [String: String]
    public var label: String?
    public var description: String?
    public var accessTypeRestrictions: [String]

    public init(
        itemId: Int64? = nil, name: String, type: String? = nil, level: Int = 1, parent: String? = nil,
        mandatory: Bool = false, recursiveSupported: Bool = false, excludesSupported: Bool = false,
        isValidLeaf: Bool? = nil, matcher: String? = nil, matcherOptions: [String: String] = [:],
        label: String? = nil, description: String? = nil, accessTypeRestrictions: [String] = []
    ) {
        self.itemId = itemId
        self.name = name
        self.type = type
        self.level = level
        self.parent = parent
        self.mandatory = mandatory
        self.recursiveSupported = recursiveSupported
        self.excludesSupported = excludesSupported
        self.isValidLeaf = isValidLeaf
        self.matcher = matcher
        self.matcherOptions = matcherOptions
        self.label = label
        self.description = description
        self.accessTypeRestrictions = accessTypeRestrictions
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        itemId = c.int64("itemId")
        name = c.string("name") ?? ""
        type = c.string("type")
        level = c.int("level") ?? 1
        parent = c.string("parent").flatMap { $0.isEmpty ? nil : $0 }
        mandatory = c.bool("mandatory", default: false)
        recursiveSupported = c.bool("recursiveSupported", default: false)
        excludesSupported = c.bool("excludesSupported", default: false)
        isValidLeaf = c.bool("isValidLeaf")
        matcher = c.string("matcher")
        matcherOptions = c.stringMap("matcherOptions")
        label = c.string("label")
        description = c.string("description")
        accessTypeRestrictions = c.strings("accessTypeRestrictions")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(itemId, "itemId")
        try c.put(name, "name")
        try c.putIfPresent(type, "type")
        try c.put(level, "level")
        try c.putIfPresent(parent, "parent")
        try c.put(mandatory, "mandatory")
        try c.put(recursiveSupported, "recursiveSupported")
        try c.put(excludesSupported, "excludesSupported")
        try c.putIfPresent(isValidLeaf, "isValidLeaf")
        try c.putIfPresent(matcher, "matcher")
        try c.put(matcherOptions, "matcherOptions")
        try c.putIfPresent(label, "label")
        try c.putIfPresent(description, "description")
        if !accessTypeRestrictions.isEmpty { try c.put(accessTypeRestrictions, "accessTypeRestrictions") }
    }
}

/// An access type (`RangerAccessTypeDef`) with the access types it implies.
public struct AccessTypeDef: Sendable, Hashable, Codable {
    public var itemId: Int64?
    public var name: String
    public var label: String?
    public var impliedGrants: [String]
    public var category: String?

    public init(itemId: Int64? = nil, name: String, label: String? = nil, impliedGrants: [String] = [], category: String? = nil) {
        self.itemId = itemId
        self.name = name
        self.label = label
        self.impliedGrants = impliedGrants
        self.category = category
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        itemId = c.int64("itemId")
        name = c.string("name") ?? ""
        label = c.string("label")
        impliedGrants = c.strings("impliedGrants")
        category = c.string("category")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(itemId, "itemId")
        try c.put(name, "name")
        try c.putIfPresent(label, "label")
        try c.put(impliedGrants, "impliedGrants")
        try c.putIfPresent(category, "category")
    }
}

/// A policy-condition definition (`RangerPolicyConditionDef`).
public struct PolicyConditionDef: Sendable, Hashable, Codable {
    public var itemId: Int64?
    public var name: String
    /// Java class name of the evaluator; Rampart dispatches on its simple name.
    public var evaluator: String?
    public var evaluatorOptions: [String: String]
    public var label: String?
    public var description: String?

    public init(
        itemId: Int64? = nil, name: String, evaluator: String?, evaluatorOptions: [String: String] = [:], label: String? = nil,
        description: String? = nil
    ) {
        self.itemId = itemId
        self.name = name
        self.evaluator = evaluator
        self.evaluatorOptions = evaluatorOptions
        self.label = label
        self.description = description
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        itemId = c.int64("itemId")
        name = c.string("name") ?? ""
        evaluator = c.string("evaluator")
        evaluatorOptions = c.stringMap("evaluatorOptions")
        label = c.string("label")
        description = c.string("description")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(itemId, "itemId")
        try c.put(name, "name")
        try c.putIfPresent(evaluator, "evaluator")
        try c.put(evaluatorOptions, "evaluatorOptions")
        try c.putIfPresent(label, "label")
        try c.putIfPresent(description, "description")
    }
}

/// A context-enricher definition (`RangerContextEnricherDef`).
public struct ContextEnricherDef: Sendable, Hashable, Codable {
    public var itemId: Int64?
    public var name: String
    public var enricher: String?
    public var enricherOptions: [String: String]

    public init(itemId: Int64? = nil, name: String, enricher: String?, enricherOptions: [String: String] = [:]) {
        self.itemId = itemId
        self.name = name
        self.enricher = enricher
        self.enricherOptions = enricherOptions
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        itemId = c.int64("itemId")
        name = c.string("name") ?? ""
        enricher = c.string("enricher")
        enricherOptions = c.stringMap("enricherOptions")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(itemId, "itemId")
        try c.put(name, "name")
        try c.putIfPresent(enricher, "enricher")
        try c.put(enricherOptions, "enricherOptions")
    }
}

/// A data-mask type (`RangerDataMaskTypeDef`), e.g. `MASK_SHOW_LAST_4` with its SQL transformer.
public struct DataMaskTypeDef: Sendable, Hashable, Codable {
    public var itemId: Int64?
    public var name: String
    public var label: String?
    public var description: String?
    public var transformer: String?
    public var dataMaskOptions: [String: String]

    public init(
        itemId: Int64? = nil, name: String, label: String? = nil, description: String? = nil, transformer: String? = nil,
        dataMaskOptions: [String: String] = [:]
    ) {
        self.itemId = itemId
        self.name = name
        self.label = label
        self.description = description
        self.transformer = transformer
        self.dataMaskOptions = dataMaskOptions
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        itemId = c.int64("itemId")
        name = c.string("name") ?? ""
        label = c.string("label")
        description = c.string("description")
        transformer = c.string("transformer")
        dataMaskOptions = c.stringMap("dataMaskOptions")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.putIfPresent(itemId, "itemId")
        try c.put(name, "name")
        try c.putIfPresent(label, "label")
        try c.putIfPresent(description, "description")
        try c.putIfPresent(transformer, "transformer")
        try c.put(dataMaskOptions, "dataMaskOptions")
    }
}

/// The data-mask part of a service definition (`RangerDataMaskDef`).
public struct DataMaskDef: Sendable, Hashable, Codable {
    public var maskTypes: [DataMaskTypeDef]
    public var accessTypes: [AccessTypeDef]
    /// Resource defs valid for mask policies; merged with the same-named main resource def.
    public var resources: [ResourceDef]

    public init(maskTypes: [DataMaskTypeDef] = [], accessTypes: [AccessTypeDef] = [], resources: [ResourceDef] = []) {
        self.maskTypes = maskTypes
        self.accessTypes = accessTypes
        self.resources = resources
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        maskTypes = c.list(DataMaskTypeDef.self, "maskTypes")
        accessTypes = c.list(AccessTypeDef.self, "accessTypes")
        resources = c.list(ResourceDef.self, "resources")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.put(maskTypes, "maskTypes")
        try c.put(accessTypes, "accessTypes")
        try c.put(resources, "resources")
    }
}

/// The row-filter part of a service definition (`RangerRowFilterDef`).
public struct RowFilterDef: Sendable, Hashable, Codable {
    public var accessTypes: [AccessTypeDef]
    public var resources: [ResourceDef]

    public init(accessTypes: [AccessTypeDef] = [], resources: [ResourceDef] = []) {
        self.accessTypes = accessTypes
        self.resources = resources
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        accessTypes = c.list(AccessTypeDef.self, "accessTypes")
        resources = c.list(ResourceDef.self, "resources")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        try c.put(accessTypes, "accessTypes")
        try c.put(resources, "resources")
    }
}
