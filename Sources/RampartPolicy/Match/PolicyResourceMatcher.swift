// SPDX-License-Identifier: Apache-2.0

/// Matches one resource set of a policy against a requested resource across the resource
/// hierarchy (`RangerDefaultPolicyResourceMatcher`).
///
/// Levels are addressed by the index of the service definition's ``ResourceNames`` and level sets
/// are bit masks: matching runs for every candidate policy of every decision.
final class PolicyResourceMatcher: Sendable {
    /// A root-to-leaf path of resource levels.
    struct Hierarchy: Sendable {
        let levels: [Int]
        let mask: UInt64
    }

    let names: ResourceNames
    let resources: [String: PolicyResource]
    /// Element matchers by resource index; `nil` where the policy has no value for the level.
    let matchers: [ResourceElementMatcher?]
    /// The levels the policy names (``ResourceNames/unknownBit`` for a name the definition lacks).
    let policyKeys: UInt64
    /// The policy's single valid hierarchy, if exactly one exists.
    let validHierarchy: Hierarchy?
    let typeHierarchies: [Hierarchy]
    /// `false` when the resources fit no hierarchy (Ranger's failed `init()`): never matches.
    let isValid: Bool
    let unsupportedFeatures: Set<String>

    init(serviceDef: CompiledServiceDef, policyType: Policy.PolicyType, resources: [String: PolicyResource]) {
        let names = serviceDef.resourceNames
        self.names = names
        self.resources = resources
        // A hierarchy through a level past the numbering's capacity cannot be addressed; such
        // definitions are refused by `PolicySnapshot`.
        let all = serviceDef.hierarchies(policyType).compactMap { h -> Hierarchy? in
            let levels = h.compactMap { names.index($0) }
            guard levels.count == h.count else { return nil }
            return Hierarchy(levels: levels, mask: names.mask(h))
        }
        self.typeHierarchies = all
        let keys = names.mask(resources.keys)
        self.policyKeys = keys
        var matchers = [ResourceElementMatcher?](repeating: nil, count: names.count)
        var valid: Hierarchy? = nil
        var ok = false
        if !resources.isEmpty {
            let candidates = all.filter { keys & ~$0.mask == 0 }
            let validOnes = candidates.filter { Self.hasNoGaps($0, keys) }
            if validOnes.count == 1 { valid = validOnes[0] }
            if !validOnes.isEmpty {
                ok = true
                for h in candidates {
                    for i in h.levels where matchers[i] == nil {
                        let name = names.names[i]
                        guard let r = resources[name] else { continue }
                        guard let opts = serviceDef.options(policyType, name) else {
                            ok = false
                            break
                        }
                        matchers[i] = ResourceElementMatcher(options: opts, resource: r)
                    }
                }
            }
        }
        self.isValid = ok
        self.matchers = ok ? matchers : [ResourceElementMatcher?](repeating: nil, count: names.count)
        self.validHierarchy = ok ? valid : nil
        self.unsupportedFeatures = matchers.reduce(into: Set<String>()) { $0.formUnion($1?.unsupportedFeatures ?? []) }
    }

    /// The element matcher of the level called `name`.
    func matcher(named name: String) -> ResourceElementMatcher? {
        names.index(name).flatMap { matchers[$0] }
    }

    var needsDynamicEval: Bool { matchers.contains { $0?.needsDynamicEval == true } }

    /// No level present after a missing one.
    static func hasNoGaps(_ hierarchy: Hierarchy, _ keys: UInt64) -> Bool {
        var skipped = false
        for i in hierarchy.levels {
            if keys & (1 << UInt64(i)) != 0 {
                if skipped { return false }
            } else {
                skipped = true
            }
        }
        return true
    }

    private func shortestHierarchy(containing keys: UInt64) -> Hierarchy? {
        guard isValid, keys != 0 else { return nil }
        let count = keys.nonzeroBitCount
        var ret: Hierarchy? = nil
        for h in typeHierarchies where keys & ~h.mask == 0 {
            if ret == nil || h.levels.count < ret!.levels.count {
                ret = h
                if h.levels.count == count { break }
            }
        }
        return ret
    }

    private func matchingHierarchy(_ keys: UInt64) -> Hierarchy? {
        if keys != 0 {
            var candidate: Hierarchy? = nil
            if let v = validHierarchy {
                if keys & ~v.mask == 0 { candidate = v }
            } else if keys & ~policyKeys == 0 {
                candidate = shortestHierarchy(containing: policyKeys)
            } else if policyKeys & ~keys == 0 {
                candidate = shortestHierarchy(containing: keys)
            }
            guard let c = candidate, Self.hasNoGaps(c, keys) else { return nil }
            return c
        }
        return validHierarchy ?? shortestHierarchy(containing: policyKeys)
    }

    func matchType(_ resource: PreparedResource, _ tokens: TokenContext) -> MatchType {
        assert(resource.names === names, "a resource prepared for another service definition")
        let requestCount = resource.count
        if resources.isEmpty && requestCount == 0 { return .selfMatch }
        guard let hierarchy = matchingHierarchy(resource.keys), !hierarchy.levels.isEmpty else { return .none }
        var lastNonAny = -1
        var matcherCount = 0
        for i in hierarchy.levels {
            guard let m = matchers[i] else { break }
            if !m.isMatchAny { lastNonAny = matcherCount }
            matcherCount += 1
        }
        var ret: MatchType = requestCount == 0 ? .selfMatch : .none
        for i in hierarchy.levels {
            let value = resource.values[i]
            if let m = matchers[i] {
                if value != nil || m.isMatchAny {
                    if m.isMatch(value, resource.scope(i), tokens) {
                        ret = .selfMatch
                    } else {
                        ret = .none
                        break
                    }
                }
            } else {
                if value != nil { ret = .ancestor }
                break
            }
        }
        if ret == .selfMatch && requestCount < resources.count {
            ret = requestCount > lastNonAny ? .selfAndAllDescendants : .descendant
        }
        return ret
    }

    /// Policy-vs-policy matching (`isMatch(RangerPolicy, scope)`): each of the other policy's
    /// levels must have some value that matches.
    func matches(policyResources other: [String: PolicyResource], scope: MatchScope, _ tokens: TokenContext) -> Bool {
        guard !other.isEmpty, isValid, let hierarchy = shortestHierarchy(containing: names.mask(other.keys)) else { return false }
        var ret = false
        var matchType: MatchType = .none
        var elements: [String: PreparedElement] = [:]
        var skipped = false
        for i in hierarchy.levels {
            let name = names.names[i]
            if let r = other[name], !r.values.isEmpty {
                ret = false
                matchType = .none
                if skipped { break }
                for v in r.values {
                    elements[name] = .single(PreparedValue(v))
                    matchType = self.matchType(PreparedResource(elements: elements, names: names), tokens)
                    if matchType != .none {
                        ret = true
                        break
                    }
                }
            } else {
                skipped = true
            }
            if !ret { break }
        }
        return ret && scope.accepts(matchType)
    }
}
