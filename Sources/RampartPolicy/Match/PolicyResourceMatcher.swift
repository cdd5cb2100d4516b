// SPDX-License-Identifier: Apache-2.0

/// Matches one resource set of a policy against a requested resource across the resource
/// hierarchy (`RangerDefaultPolicyResourceMatcher`).
struct PolicyResourceMatcher: Sendable {
    let resources: [String: PolicyResource]
    let matchers: [String: ResourceElementMatcher]
    /// The policy's single valid hierarchy, if exactly one exists.
    let validHierarchy: [String]?
    let typeHierarchies: [[String]]
    /// `false` when the resources fit no hierarchy (Ranger's failed `init()`): never matches.
    let isValid: Bool
    let unsupportedFeatures: Set<String>

    init(serviceDef: CompiledServiceDef, policyType: Policy.PolicyType, resources: [String: PolicyResource]) {
        self.resources = resources
        let all = serviceDef.hierarchies(policyType)
        self.typeHierarchies = all
        let keys = Set(resources.keys)
        var matchers: [String: ResourceElementMatcher] = [:]
        var valid: [String]? = nil
        var ok = false
        if !resources.isEmpty {
            let candidates = all.filter { h in keys.allSatisfy { h.contains($0) } }
            let validOnes = candidates.filter { Self.hasNoGaps($0, keys) }
            if validOnes.count == 1 { valid = validOnes[0] }
            if !validOnes.isEmpty {
                ok = true
                for h in candidates {
                    for name in h where matchers[name] == nil {
                        guard let r = resources[name] else { continue }
                        guard let opts = serviceDef.options(policyType, name) else {
                            ok = false
                            break
                        }
                        matchers[name] = ResourceElementMatcher(options: opts, resource: r)
                    }
                }
            }
        }
        self.isValid = ok
        self.matchers = ok ? matchers : [:]
        self.validHierarchy = ok ? valid : nil
        self.unsupportedFeatures = matchers.values.reduce(into: Set<String>()) { $0.formUnion($1.unsupportedFeatures) }
    }

    var needsDynamicEval: Bool { matchers.values.contains { $0.needsDynamicEval } }

    /// No level present after a missing one.
    static func hasNoGaps(_ hierarchy: [String], _ keys: Set<String>) -> Bool {
        var skipped = false
        for name in hierarchy {
            if keys.contains(name) {
                if skipped { return false }
            } else {
                skipped = true
            }
        }
        return true
    }

    private func shortestHierarchy(containing keys: Set<String>) -> [String]? {
        guard isValid, !keys.isEmpty else { return nil }
        var ret: [String]? = nil
        for h in typeHierarchies where keys.allSatisfy({ h.contains($0) }) {
            if ret == nil || h.count < ret!.count {
                ret = h
                if h.count == keys.count { break }
            }
        }
        return ret
    }

    private func matchingHierarchy(_ keys: Set<String>) -> [String]? {
        let policyKeys = Set(resources.keys)
        if !keys.isEmpty {
            var candidate: [String]? = nil
            if let v = validHierarchy {
                if keys.allSatisfy({ v.contains($0) }) { candidate = v }
            } else if policyKeys.isSuperset(of: keys) {
                candidate = shortestHierarchy(containing: policyKeys)
            } else if keys.isSuperset(of: policyKeys) {
                candidate = shortestHierarchy(containing: keys)
            }
            guard let c = candidate, Self.hasNoGaps(c, keys) else { return nil }
            return c
        }
        return validHierarchy ?? shortestHierarchy(containing: policyKeys)
    }

    func matchType(_ resource: PreparedResource, _ tokens: TokenContext) -> MatchType {
        let requestCount = resource.keys.count
        if resources.isEmpty && requestCount == 0 { return .selfMatch }
        guard let hierarchy = matchingHierarchy(resource.keys), !hierarchy.isEmpty else { return .none }
        var lastNonAny = -1
        var matcherCount = 0
        for name in hierarchy {
            guard let m = matchers[name] else { break }
            if !m.isMatchAny { lastNonAny = matcherCount }
            matcherCount += 1
        }
        var ret: MatchType = requestCount == 0 ? .selfMatch : .none
        for name in hierarchy {
            let value = resource.elements[name]
            if let m = matchers[name] {
                if value != nil || m.isMatchAny {
                    if m.isMatch(value, resource.scope(name), tokens) {
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
        guard !other.isEmpty, isValid, let hierarchy = shortestHierarchy(containing: Set(other.keys)) else { return false }
        var ret = false
        var matchType: MatchType = .none
        var elements: [String: PreparedElement] = [:]
        var skipped = false
        for name in hierarchy {
            if let r = other[name], !r.values.isEmpty {
                ret = false
                matchType = .none
                if skipped { break }
                for v in r.values {
                    elements[name] = .single(PreparedValue(v))
                    matchType = self.matchType(PreparedResource(elements: elements), tokens)
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
