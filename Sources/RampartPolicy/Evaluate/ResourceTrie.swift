// SPDX-License-Identifier: Apache-2.0

/// A character trie over the policy values of one resource type, narrowing which policies can
/// match a requested value (the idea of Ranger's `RangerResourceTrie`). It returns a superset:
/// every returned policy is still matched properly afterwards.
struct ResourceTrie: Sendable {
    struct Node: Sendable {
        var keys: [UInt8] = []
        var next: [Int32] = []
        /// Policies whose value is exactly this prefix.
        var exact: [Int32] = []
        /// Policies whose value starts with this prefix and then has a wildcard (or is recursive).
        var wildcard: [Int32] = []
    }

    let ignoreCase: Bool
    let nodes: [Node]
    /// Policies that this level cannot narrow (no value here, match-any, excludes, tokens…).
    let always: Bitset
    let policyCount: Int

    /// Builds the trie for `resourceName` over policies in rank order.
    init(resourceName: String, options: MatcherOptions?, evaluators: [PolicyEvaluator]) {
        let ignoreCase = options?.ignoreCase ?? true
        let wildCard = options?.wildCard ?? true
        self.ignoreCase = ignoreCase
        self.policyCount = evaluators.count
        var nodes = [Node()]
        var always = Bitset(count: evaluators.count)

        func node(for key: [UInt8]) -> Int {
            var cur = 0
            for b in key {
                if let i = nodes[cur].keys.firstIndex(of: b) {
                    cur = Int(nodes[cur].next[i])
                } else {
                    nodes.append(Node())
                    let idx = nodes.count - 1
                    nodes[cur].keys.append(b)
                    nodes[cur].next.append(Int32(idx))
                    cur = idx
                }
            }
            return cur
        }

        for (rank, ev) in evaluators.enumerated() {
            let r = Int32(rank)
            var narrowed = true
            var entries: [(key: [UInt8], isWildcard: Bool)] = []
            for m in ev.resourceMatchers {
                guard m.isValid, let em = m.matchers[resourceName] else {
                    narrowed = false
                    break
                }
                if em.isMatchAny || em.isExcludes || em.needsDynamicEval || em.options.kind == .url
                    || !em.unsupportedFeatures.isEmpty
                {
                    narrowed = false
                    break
                }
                for v in em.values {
                    let key = ignoreCase ? v.lowercased() : v
                    var bytes = Array(key.utf8)
                    var isWild = em.isRecursive
                    if wildCard, let cut = bytes.firstIndex(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }) {
                        bytes = Array(bytes[0..<cut])
                        isWild = true
                    }
                    if em.isRecursive, let sep = em.options.pathSeparator.asciiValue, bytes.last == sep {
                        bytes.removeLast()
                    }
                    entries.append((bytes, isWild))
                }
            }
            if !narrowed {
                always.insert(r)
                continue
            }
            for e in entries {
                let n = node(for: e.key)
                if e.isWildcard {
                    if nodes[n].wildcard.last != r { nodes[n].wildcard.append(r) }
                } else {
                    if nodes[n].exact.last != r { nodes[n].exact.append(r) }
                }
            }
        }
        self.nodes = nodes
        self.always = always
    }

    /// Adds the policies that may match `value` to `bits`.
    func collect(_ value: PreparedValue, into bits: inout Bitset) {
        let key = ignoreCase ? value.lowered : value.original
        var cur = 0
        for id in nodes[0].wildcard { bits.insert(id) }
        for b in key.utf8 {
            let n = nodes[cur]
            guard let i = n.keys.firstIndex(of: b) else { return }
            cur = Int(n.next[i])
            for id in nodes[cur].wildcard { bits.insert(id) }
        }
        for id in nodes[cur].exact { bits.insert(id) }
    }
}
