// SPDX-License-Identifier: Apache-2.0

/// A service definition prepared for evaluation: resource hierarchies per policy type, matcher
/// options, implied grants (`RangerServiceDefHelper` + `ServiceDefUtil`).
final class CompiledServiceDef: Sendable {
    let def: ServiceDef
    /// Resource defs per policy type (mask / row-filter defs merged with the main ones).
    let resourceDefs: [Policy.PolicyType: [ResourceDef]]
    let matcherOptions: [Policy.PolicyType: [String: MatcherOptions]]
    /// Valid hierarchies per policy type, each a list of resource names from root to leaf.
    let hierarchies: [Policy.PolicyType: [[String]]]
    /// Service access type names (lower-cased), in definition order.
    let accessTypes: [String]
    /// Access type (lower-cased) → itself plus its one-level implied grants.
    let impliedGrants: [String: Set<String>]
    let enableDenyAndExceptions: Bool
    let conditionDefs: [String: PolicyConditionDef]
    /// Context enrichers the definition declares that Rampart does not run (all but the tag
    /// enricher), by class name: the attributes they would add are missing from requests.
    let unimplementedEnrichers: [String]
    /// All resource names of all policy types, numbered.
    let resourceNames: ResourceNames

    init(_ def: ServiceDef, forceDenyAndExceptions: Bool = false) {
        self.def = def
        var rdefs: [Policy.PolicyType: [ResourceDef]] = [:]
        let main = def.resources.sorted { $0.level < $1.level }
        rdefs[.access] = main
        rdefs[.audit] = main
        rdefs[.dataMask] = Self.merge(def.dataMaskDef?.resources ?? [], main)
        rdefs[.rowFilter] = Self.merge(def.rowFilterDef?.resources ?? [], main)
        self.resourceDefs = rdefs
        let types: [Policy.PolicyType] = [.access, .dataMask, .rowFilter]
        resourceNames = ResourceNames(types.flatMap { (rdefs[$0] ?? []).map(\.name) })
        var opts: [Policy.PolicyType: [String: MatcherOptions]] = [:]
        var hier: [Policy.PolicyType: [[String]]] = [:]
        for (type, defs) in rdefs {
            var m: [String: MatcherOptions] = [:]
            for d in defs { m[d.name] = MatcherOptions(resourceDef: d) }
            opts[type] = m
            hier[type] = Self.computeHierarchies(defs)
        }
        self.matcherOptions = opts
        self.hierarchies = hier

        accessTypes = def.accessTypes.map { $0.name.lowercased() }
        var implied: [String: Set<String>] = [:]
        for a in def.accessTypes {
            var s = Set(a.impliedGrants.map { $0.lowercased() })
            s.insert(a.name.lowercased())
            implied[a.name.lowercased()] = s
        }
        var markers = def.markerAccessTypes
        if markers.isEmpty { markers = Self.defaultMarkers(def.accessTypes) }
        for a in markers {
            var s = Set(a.impliedGrants.map { $0.lowercased() })
            s.insert(a.name.lowercased())
            implied[a.name.lowercased(), default: []].formUnion(s)
        }
        self.impliedGrants = implied
        let opt = def.options["enableDenyAndExceptionsInPolicies"]?.lowercased()
        enableDenyAndExceptions = forceDenyAndExceptions || def.name == "tag" || opt != "false"
        var conds: [String: PolicyConditionDef] = [:]
        for c in def.policyConditions { conds[c.name] = c }
        conditionDefs = conds
        unimplementedEnrichers = def.contextEnrichers.compactMap { $0.enricher?.split(separator: ".").last.map(String.init) }
            .filter { $0 != "RangerTagEnricher" }
    }

    /// Ranger merges each mask / row-filter resource def with the same-named main def; the
    /// specific one's matcher options win.
    private static func merge(_ specific: [ResourceDef], _ main: [ResourceDef]) -> [ResourceDef] {
        specific.map { s in
            guard var m = main.first(where: { $0.name == s.name }) else { return s }
            m.matcherOptions.merge(s.matcherOptions) { _, new in new }
            if let leaf = s.isValidLeaf { m.isValidLeaf = leaf }
            if let matcher = s.matcher { m.matcher = matcher }
            if let p = s.parent { m.parent = p }
            return m
        }.sorted { $0.level < $1.level }
    }

    /// Root-to-leaf paths of the parent forest; a node with `isValidLeaf == true` also ends one.
    static func computeHierarchies(_ defs: [ResourceDef]) -> [[String]] {
        let names = Set(defs.map(\.name))
        var children: [String: [String]] = [:]
        var roots: [String] = []
        for d in defs {
            if let p = d.parent, names.contains(p) {
                children[p, default: []].append(d.name)
            } else {
                roots.append(d.name)
            }
        }
        let byName = Dictionary(defs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [[String]] = []
        func walk(_ name: String, _ path: [String], _ depth: Int) {
            guard depth < 64 else { return }
            let p = path + [name]
            let kids = children[name] ?? []
            if kids.isEmpty || byName[name]?.isValidLeaf == true {
                out.append(p)
            }
            for k in kids { walk(k, p, depth + 1) }
        }
        for r in roots { walk(r, [], 0) }
        return out
    }

    private static func defaultMarkers(_ types: [AccessTypeDef]) -> [AccessTypeDef] {
        var byCategory: [String: [String]] = [:]
        for t in types {
            if let c = t.category?.uppercased() { byCategory[c, default: []].append(t.name) }
        }
        var out: [AccessTypeDef] = []
        for c in ["CREATE", "READ", "UPDATE", "DELETE", "MANAGE"] {
            out.append(AccessTypeDef(name: "_" + c, impliedGrants: byCategory[c] ?? []))
        }
        out.append(AccessTypeDef(name: "_ALL", impliedGrants: types.map(\.name)))
        return out
    }

    func hierarchies(_ type: Policy.PolicyType) -> [[String]] { hierarchies[type] ?? [] }

    func options(_ type: Policy.PolicyType, _ resource: String) -> MatcherOptions? { matcherOptions[type]?[resource] }
}
