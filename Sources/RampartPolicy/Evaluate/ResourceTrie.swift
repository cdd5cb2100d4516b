// SPDX-License-Identifier: Apache-2.0

/// A character trie over the policy values of one resource type, narrowing which policies can
/// match a requested value (the idea of Ranger's `RangerResourceTrie`). It returns a superset:
/// every returned policy is still matched properly afterwards.
///
/// The trie is stored flat, in arrays of plain integers, so that walking it touches no reference
/// counts, and breadth-first: a node's children are consecutive nodes, sorted by key, so a step
/// reads one or two nodes that are next to each other. The walk is on the path of every decision
/// and, with thousands of policies, its cost is cache misses.
final class ResourceTrie: Sendable {
    /// One node: its key, its children and its two policy lists, as ranges into `nodes` and `ranks`.
    struct Node: Sendable {
        /// The byte that leads here from the parent.
        var key: UInt8 = 0
        /// Children are `nodes[childStart..<childEnd]`.
        var childStart: Int32 = 0
        var childEnd: Int32 = 0
        /// Policies whose value is exactly this prefix (a range of `ranks`).
        var exactStart: Int32 = 0
        var exactEnd: Int32 = 0
        /// Policies whose value starts with this prefix and then has a wildcard (or is recursive).
        var wildcardStart: Int32 = 0
        var wildcardEnd: Int32 = 0
    }

    let ignoreCase: Bool
    /// Breadth-first; node 0 is the root.
    let nodes: [Node]
    /// The policy lists of all nodes, each ascending by rank.
    let ranks: [Int32]
    /// Policies that this level cannot narrow (no value here, match-any, excludes, tokens…).
    let always: Bitset
    let alwaysCount: Int
    let policyCount: Int

    /// Builds the trie for the resource numbered `level` (``ResourceNames``) over policies in rank order.
    init(level: Int, options: MatcherOptions?, evaluators: [PolicyEvaluator]) {
        let ignoreCase = options?.ignoreCase ?? true
        let wildCard = options?.wildCard ?? true
        self.ignoreCase = ignoreCase
        self.policyCount = evaluators.count
        var builder = Builder()
        var always = Bitset(count: evaluators.count)
        var alwaysCount = 0

        for (rank, ev) in evaluators.enumerated() {
            let r = Int32(rank)
            var narrowed = true
            var entries: [(key: [UInt8], isWildcard: Bool)] = []
            for m in ev.resourceMatchers {
                guard m.isValid, let em = m.matchers[level] else {
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
                alwaysCount += 1
                continue
            }
            for e in entries { builder.add(r, key: e.key, isWildcard: e.isWildcard) }
        }
        (nodes, ranks) = builder.flattened()
        self.always = always
        self.alwaysCount = alwaysCount
    }

    /// The lists a requested value reaches: the wildcard lists on its path and the exact list at its
    /// end. Appends their ranges of ``ranks`` to `lists` and returns how many ranks they hold.
    func reach(_ value: PreparedValue, into lists: inout [Range<Int32>]) -> Int {
        let key = ignoreCase ? value.lowered : value.original
        let nodes = self.nodes
        var total = 0
        var cur = 0
        func add(_ start: Int32, _ end: Int32) {
            guard start < end else { return }
            lists.append(start..<end)
            total += Int(end - start)
        }
        add(nodes[0].wildcardStart, nodes[0].wildcardEnd)
        for b in key.utf8 {
            let start = Int(nodes[cur].childStart)
            let end = Int(nodes[cur].childEnd)
            guard start < end else { return total }
            var next = -1
            // Where the children's keys form a run (digits, letters), the key's offset from the
            // first one finds the child at once.
            let offset = Int(b) &- Int(nodes[start].key)
            if offset >= 0 && offset < end - start && nodes[start + offset].key == b {
                next = start + offset
            } else {
                var i = start
                while i < end {
                    if nodes[i].key == b {
                        next = i
                        break
                    }
                    i += 1
                }
            }
            guard next >= 0 else { return total }
            cur = next
            add(nodes[cur].wildcardStart, nodes[cur].wildcardEnd)
        }
        add(nodes[cur].exactStart, nodes[cur].exactEnd)
        return total
    }

    /// The ranks admitted by `lists[range]` and ``always``, ascending, for the level that is
    /// enumerated.
    ///
    /// Runs once per decision. Without ``always``, one or two lists (a value's exact list and the
    /// wildcard list of its prefix, the usual case) are merged directly; otherwise the lists are
    /// set in a bitset of every policy, written and read through buffer pointers, since a bitset
    /// of 10,000 policies is 157 words and each checked insert cost more than the merge.
    func ranks(_ lists: [Range<Int32>], _ range: Range<Int>) -> [Int32] {
        if alwaysCount == 0 && range.count == 1 {
            // One list, already ascending.
            return Array(ranks[Int(lists[range.lowerBound].lowerBound)..<Int(lists[range.lowerBound].upperBound)])
        }
        var listed = 0
        for l in range { listed += lists[l].count }
        return ranks.withUnsafeBufferPointer { ranks in
            if alwaysCount == 0 && range.count == 2 {
                return Self.merged(lists[range.lowerBound], lists[range.lowerBound + 1], ranks, capacity: listed)
            }
            var words = alwaysCount == 0 ? [UInt64](repeating: 0, count: (policyCount + 63) / 64) : always.words
            var out: [Int32] = []
            out.reserveCapacity(listed + alwaysCount)
            words.withUnsafeMutableBufferPointer { words in
                for l in range {
                    for i in Int(lists[l].lowerBound)..<Int(lists[l].upperBound) {
                        let rank = Int(ranks[i])
                        words[rank >> 6] |= 1 << UInt64(rank & 63)
                    }
                }
                for wi in 0..<words.count where words[wi] != 0 {
                    var x = words[wi]
                    while x != 0 {
                        out.append(Int32(wi << 6 | x.trailingZeroBitCount))
                        x &= x &- 1
                    }
                }
            }
            return out
        }
    }

    /// Two ascending lists of ``ranks`` as one ascending list without repeats.
    private static func merged(_ a: Range<Int32>, _ b: Range<Int32>, _ ranks: UnsafeBufferPointer<Int32>, capacity: Int) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: capacity) { out, count in
            var i = Int(a.lowerBound)
            var j = Int(b.lowerBound)
            let iEnd = Int(a.upperBound)
            let jEnd = Int(b.upperBound)
            var n = 0
            while i < iEnd && j < jEnd {
                let x = ranks[i]
                let y = ranks[j]
                if x <= y {
                    out[n] = x
                    i += 1
                    if x == y { j += 1 }
                } else {
                    out[n] = y
                    j += 1
                }
                n += 1
            }
            while i < iEnd {
                out[n] = ranks[i]
                i += 1
                n += 1
            }
            while j < jEnd {
                out[n] = ranks[j]
                j += 1
                n += 1
            }
            count = n
        }
    }

    /// Up to this many listed ranks, ``filter(_:_:_:)`` merges them into one run.
    static let mergedFilterLimit = 64

    /// Keeps the ranks of `candidates` (ascending) that ``always`` or one of `lists[range]` admits.
    ///
    /// The lists are walked with the candidates, each from where it was left, so a level whose
    /// value many policies share (a common column name) is never expanded. Few listed ranks are
    /// merged into one run first; otherwise each list gallops over the ranks in between, and a
    /// candidate below every list's next rank costs one comparison.
    ///
    /// This loop runs for every candidate of every decision, so it reads through buffer pointers:
    /// every rank in `candidates` and `lists` was produced by this trie and is within bounds.
    func filter(_ candidates: inout [Int32], _ lists: [Range<Int32>], _ range: Range<Int>) {
        var listed = 0
        for l in range { listed += lists[l].count }
        let kept = ranks.withUnsafeBufferPointer { ranks in
            always.words.withUnsafeBufferPointer { always in
                candidates.withUnsafeMutableBufferPointer { candidates in
                    if listed <= Self.mergedFilterLimit {
                        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(listed, 1)) { run in
                            var n = 0
                            for l in range {
                                for i in Int(lists[l].lowerBound)..<Int(lists[l].upperBound) {
                                    run[n] = ranks[i]
                                    n += 1
                                }
                            }
                            // Insertion sort: the run is short and mostly ascending already.
                            for i in 1..<max(n, 1) {
                                let v = run[i]
                                var j = i
                                while j > 0 && run[j - 1] > v {
                                    run[j] = run[j - 1]
                                    j -= 1
                                }
                                run[j] = v
                            }
                            return Self.keepMerged(candidates, run: UnsafeBufferPointer(rebasing: run[0..<n]), always: always)
                        }
                    }
                    return withUnsafeTemporaryAllocation(of: Range<Int32>.self, capacity: range.count) { cursors in
                        for (i, l) in range.enumerated() { cursors[i] = lists[l] }
                        return Self.keepGalloping(candidates, cursors: cursors, ranks: ranks, always: always)
                    }
                }
            }
        }
        candidates.removeLast(candidates.count - kept)
    }

    /// ``filter(_:_:_:)`` against one ascending `run`: returns how many candidates were kept in front.
    private static func keepMerged(
        _ candidates: UnsafeMutableBufferPointer<Int32>, run: UnsafeBufferPointer<Int32>, always: UnsafeBufferPointer<UInt64>
    ) -> Int {
        var kept = 0
        var p = 0
        for c in 0..<candidates.count {
            let rank = candidates[c]
            while p < run.count && run[p] < rank { p += 1 }
            if (p < run.count && run[p] == rank) || Bitset.contains(Int(rank), in: always) {
                candidates[kept] = rank
                kept += 1
            }
        }
        return kept
    }

    /// ``filter(_:_:_:)`` against lists walked by galloping `cursors`: returns how many candidates were kept.
    private static func keepGalloping(
        _ candidates: UnsafeMutableBufferPointer<Int32>, cursors: UnsafeMutableBufferPointer<Range<Int32>>, ranks: UnsafeBufferPointer<Int32>,
        always: UnsafeBufferPointer<UInt64>
    ) -> Int {
        var next = Int32.max
        for c in cursors where !c.isEmpty { next = min(next, ranks[Int(c.lowerBound)]) }
        var kept = 0
        for c in 0..<candidates.count {
            let rank = candidates[c]
            var admitted = Bitset.contains(Int(rank), in: always)
            if !admitted && rank >= next {
                next = Int32.max
                for i in 0..<cursors.count {
                    let lo = advance(cursors[i], to: rank, ranks)
                    cursors[i] = lo..<cursors[i].upperBound
                    guard lo < cursors[i].upperBound else { continue }
                    let head = ranks[Int(lo)]
                    if head == rank { admitted = true }
                    next = min(next, head == rank ? head &+ 1 : head)
                }
            }
            if admitted {
                candidates[kept] = rank
                kept += 1
            }
        }
        return kept
    }

    /// The first index of `list` whose rank is not below `rank`: a gallop, then a binary search.
    private static func advance(_ list: Range<Int32>, to rank: Int32, _ ranks: UnsafeBufferPointer<Int32>) -> Int32 {
        var lo = Int(list.lowerBound)
        let hi = Int(list.upperBound)
        guard lo < hi, ranks[lo] < rank else { return Int32(lo) }
        var below = lo
        var step = 1
        while lo + step < hi && ranks[lo + step] < rank {
            below = lo + step
            step <<= 1
        }
        var upper = min(lo + step, hi)
        lo = below + 1
        while lo < upper {
            let mid = (lo + upper) >> 1
            if ranks[mid] < rank { lo = mid + 1 } else { upper = mid }
        }
        return Int32(lo)
    }

    /// A trie under construction, with a node per prefix and growable lists.
    private struct Builder {
        var children: [[(key: UInt8, node: Int32)]] = [[]]
        var exact: [[Int32]] = [[]]
        var wildcard: [[Int32]] = [[]]

        mutating func add(_ rank: Int32, key: [UInt8], isWildcard: Bool) {
            var cur = 0
            for b in key {
                if let edge = children[cur].first(where: { $0.key == b }) {
                    cur = Int(edge.node)
                } else {
                    children.append([])
                    exact.append([])
                    wildcard.append([])
                    let idx = children.count - 1
                    children[cur].append((b, Int32(idx)))
                    cur = idx
                }
            }
            // A policy with several values reaching one node is listed there once.
            if isWildcard {
                if wildcard[cur].last != rank { wildcard[cur].append(rank) }
            } else {
                if exact[cur].last != rank { exact[cur].append(rank) }
            }
        }

        /// The nodes in breadth-first order, children sorted by key, and their lists.
        func flattened() -> (nodes: [Node], ranks: [Int32]) {
            // order[i]: the builder node that becomes node i; a node's children get the next free
            // consecutive numbers when it is reached.
            var order: [Int] = [0]
            var keys: [UInt8] = [0]
            var childRanges: [Range<Int>] = []
            order.reserveCapacity(children.count)
            var i = 0
            while i < order.count {
                let sortedChildren = children[order[i]].sorted { $0.key < $1.key }
                childRanges.append(order.count..<(order.count + sortedChildren.count))
                for edge in sortedChildren {
                    order.append(Int(edge.node))
                    keys.append(edge.key)
                }
                i += 1
            }
            var nodes: [Node] = []
            nodes.reserveCapacity(order.count)
            var ranks: [Int32] = []
            for (i, b) in order.enumerated() {
                var n = Node()
                n.key = keys[i]
                n.childStart = Int32(childRanges[i].lowerBound)
                n.childEnd = Int32(childRanges[i].upperBound)
                n.exactStart = Int32(ranks.count)
                ranks.append(contentsOf: exact[b])
                n.exactEnd = Int32(ranks.count)
                n.wildcardStart = Int32(ranks.count)
                ranks.append(contentsOf: wildcard[b])
                n.wildcardEnd = Int32(ranks.count)
                nodes.append(n)
            }
            return (nodes, ranks)
        }
    }
}
