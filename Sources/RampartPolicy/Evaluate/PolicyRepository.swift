// SPDX-License-Identifier: Apache-2.0

/// The policies of one type for one zone (or the unzoned set), ordered and indexed
/// (`RangerPolicyRepository`).
final class PolicyRepository: Sendable {
    let type: Policy.PolicyType
    /// Policies in evaluation order; a policy's index here is its rank.
    let evaluators: [PolicyEvaluator]
    /// One trie per resource level of the policy type, when there are enough policies to index.
    let tries: [(level: Int, trie: ResourceTrie)]
    /// The policies by the principals they name (``PrincipalIndex``).
    let principals: PrincipalIndex
    /// By rank: whether the policy needs an unsupported feature just to match its resources.
    let hasMatchFeatures: [Bool]
    /// Whether any policy does: passing one over must still report its features, so candidates
    /// are only narrowed to the request's principals (``candidateRanks(_:prefix:for:)``)
    /// when none does.
    let anyHasMatchFeatures: Bool

    init(type: Policy.PolicyType, evaluators unsorted: [PolicyEvaluator], serviceDef: CompiledServiceDef) {
        self.type = type
        let sorted = unsorted.sorted(by: PolicyRepository.evalOrderPrecedes)
        self.evaluators = sorted
        var tries: [(level: Int, trie: ResourceTrie)] = []
        if sorted.count > 8 {
            for def in serviceDef.resourceDefs[type] ?? [] {
                guard let level = serviceDef.resourceNames.index(def.name), !tries.contains(where: { $0.level == level }) else { continue }
                tries.append((level, ResourceTrie(level: level, options: serviceDef.options(type, def.name), evaluators: sorted)))
            }
        }
        self.tries = tries
        principals = PrincipalIndex(sorted)
        hasMatchFeatures = sorted.map { !$0.matchFeatures.isEmpty }
        anyHasMatchFeatures = hasMatchFeatures.contains(true)
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
    ///
    /// Like Ranger's `getLikelyMatchPolicyEvaluators`, the level that admits the fewest policies
    /// is enumerated and the others only filter it: a level whose value many policies share
    /// (a common column name) is never expanded.
    func candidates(_ resource: PreparedResource) -> [PolicyEvaluator] {
        guard let ranks = candidateRanks(resource) else { return evaluators }
        return ranks.map { evaluators[Int($0)] }
    }

    /// The ranks of ``candidates(_:)`` in evaluation order, or `nil` for every policy.
    func candidateRanks(_ resource: PreparedResource) -> [Int32]? {
        narrowedRanks(resource, prefix: .max, for: nil)?.ranks
    }

    /// ``candidateRanks(_:)`` for a request that will pass over the policies naming none of its
    /// principals once auditing is decided (``PrincipalIndex``).
    ///
    /// The first `prefix` ranks of the enumerated level are kept whatever they name: they are
    /// there to decide auditing. Later ones are kept only when `applicable` holds them, before
    /// the other levels filter them, so the many candidates that name other people cost one bit
    /// test each instead of a walk through every level. The request's set is built only then,
    /// and only when it holds fewer ranks than the rank tests the other levels would cost.
    ///
    /// - Returns: the ranks; the highest rank kept whatever it names (`nil` when nothing was
    ///   left out), past which the caller must fall back to ``candidateRanks(_:)`` if auditing
    ///   is still undecided; and the request's set when it was built. `nil` for every policy.
    func candidateRanks(_ resource: PreparedResource, prefix: Int, for ctx: RequestContext) -> NarrowedCandidates? {
        narrowedRanks(resource, prefix: max(prefix, 1), for: ctx)
    }

    /// What ``candidateRanks(_:prefix:for:)`` found.
    struct NarrowedCandidates {
        var ranks: [Int32]
        var narrowedAfter: Int32?
        var applicable: Bitset?
    }

    /// Both of them: candidates past the first `prefix` narrowed to those that may apply to the
    /// principals of `ctx`, when there is one.
    private func narrowedRanks(_ resource: PreparedResource, prefix: Int, for ctx: RequestContext?) -> NarrowedCandidates? {
        if tries.isEmpty || resource.isEmpty { return nil }
        var lists: [Range<Int32>] = []
        lists.reserveCapacity(32)
        var levels: [Level] = []
        levels.reserveCapacity(tries.count)
        for level in tries {
            guard let element = resource.values[level.level] else { continue }
            // Scopes that widen element matching, and "all values" requests, cannot be narrowed.
            if resource.scope(level.level) != .selfScope { continue }
            let start = lists.count
            var size = level.trie.alwaysCount
            switch element {
            case .single(let v):
                if v.original.isEmpty || v.original == "*" { continue }
                size += level.trie.reach(v, into: &lists)
            case .list(let vs):
                if vs.isEmpty { continue }
                for v in vs { size += level.trie.reach(v, into: &lists) }
            }
            levels.append(Level(trie: level.trie, lists: start..<lists.count, size: size))
        }
        guard !levels.isEmpty else { return nil }
        levels.sort { $0.size < $1.size }
        var ranks = levels[0].trie.ranks(lists, levels[0].lists)
        // Levels that list few policies filter in one merged pass (``ResourceTrie/filter(_:_:_:)``)
        // and are taken first: they often leave too few candidates to be worth narrowing.
        var listingMany = 0
        for level in levels.dropFirst() {
            if level.listsMany {
                listingMany += 1
            } else if !ranks.isEmpty {
                level.trie.filter(&ranks, lists, level.lists)
            }
        }
        var narrowedAfter: Int32?
        var applicable: Bitset?
        if ranks.count > prefix, let ctx, let bits = principals.applicable(to: ctx, atMost: ranks.count * max(listingMany, 1)) {
            applicable = bits
            narrowedAfter = ranks[prefix - 1]
            var kept = prefix
            bits.words.withUnsafeBufferPointer { applicable in
                for index in prefix..<ranks.count where Bitset.contains(Int(ranks[index]), in: applicable) {
                    ranks[kept] = ranks[index]
                    kept += 1
                }
            }
            ranks.removeLast(ranks.count - kept)
        }
        for level in levels.dropFirst() where level.listsMany && !ranks.isEmpty {
            level.trie.filter(&ranks, lists, level.lists)
        }
        return NarrowedCandidates(ranks: ranks, narrowedAfter: narrowedAfter, applicable: applicable)
    }

    /// One narrowing level of a request: its trie, the lists the value reached, and an upper bound
    /// of the policies they admit.
    private struct Level {
        var trie: ResourceTrie
        var lists: Range<Int>
        var size: Int

        /// Whether its lists are too long to be merged into one run when it filters.
        var listsMany: Bool { size - trie.alwaysCount > ResourceTrie.mergedFilterLimit }
    }
}
