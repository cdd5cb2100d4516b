// SPDX-License-Identifier: Apache-2.0

/// The policies of one type for one zone (or the unzoned set), ordered and indexed
/// (`RangerPolicyRepository`).
final class PolicyRepository: Sendable {
    let type: Policy.PolicyType
    /// Policies in evaluation order; a policy's index here is its rank.
    let evaluators: [PolicyEvaluator]
    let tries: [String: ResourceTrie]

    init(type: Policy.PolicyType, evaluators unsorted: [PolicyEvaluator], serviceDef: CompiledServiceDef) {
        self.type = type
        let sorted = unsorted.sorted(by: PolicyRepository.evalOrderPrecedes)
        self.evaluators = sorted
        var tries: [String: ResourceTrie] = [:]
        if sorted.count > 8 {
            for def in serviceDef.resourceDefs[type] ?? [] {
                tries[def.name] = ResourceTrie(resourceName: def.name, options: serviceDef.options(type, def.name), evaluators: sorted)
            }
        }
        self.tries = tries
    }

    var isEmpty: Bool { evaluators.isEmpty }

    /// Ranger's `PolicyEvalOrderComparator`: priority desc, deny-capable first, eval order, name.
    static func evalOrderPrecedes(_ a: PolicyEvaluator, _ b: PolicyEvaluator) -> Bool {
        if a.priority != b.priority { return a.priority > b.priority }
        if a.hasDeny != b.hasDeny { return a.hasDeny }
        if a.evalOrder != b.evalOrder { return a.evalOrder < b.evalOrder }
        if a.name != b.name { return a.name < b.name }
        return a.id < b.id
    }

    /// Policies that may match `resource`, in evaluation order.
    func candidates(_ resource: PreparedResource) -> [PolicyEvaluator] {
        if tries.isEmpty || resource.keys.isEmpty { return evaluators }
        var acc: Bitset? = nil
        for (name, element) in resource.elements {
            guard let trie = tries[name] else { continue }
            // Scopes that widen element matching, and "all values" requests, cannot be narrowed.
            if resource.scope(name) != .selfScope { continue }
            var level = trie.always
            switch element {
            case .single(let v):
                if v.original.isEmpty || v.original == "*" { continue }
                trie.collect(v, into: &level)
            case .list(let vs):
                if vs.isEmpty { continue }
                for v in vs { trie.collect(v, into: &level) }
            }
            if acc == nil {
                acc = level
            } else {
                acc!.formIntersection(level)
            }
        }
        guard let acc else { return evaluators }
        var out: [PolicyEvaluator] = []
        acc.forEach { out.append(evaluators[$0]) }
        return out
    }
}
