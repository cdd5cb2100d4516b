// SPDX-License-Identifier: Apache-2.0

/// A fixed-size set of small integers (policy ranks), for intersecting per-level candidates.
struct Bitset: Sendable, Hashable {
    var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    init(count: Int, all: Bool) {
        words = [UInt64](repeating: all ? ~0 : 0, count: (count + 63) / 64)
        if all, count % 64 != 0, !words.isEmpty {
            words[words.count - 1] = (1 << UInt64(count % 64)) - 1
        }
    }

    @inline(__always) mutating func insert(_ i: Int32) {
        words[Int(i) >> 6] |= 1 << UInt64(Int(i) & 63)
    }

    @inline(__always) func contains(_ i: Int) -> Bool {
        words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    mutating func formIntersection(_ other: Bitset) {
        for i in words.indices { words[i] &= other.words[i] }
    }

    mutating func formUnion(_ other: Bitset) {
        for i in words.indices { words[i] |= other.words[i] }
    }

    /// Set members in increasing order.
    func forEach(_ body: (Int) -> Void) {
        for (wi, w) in words.enumerated() where w != 0 {
            var x = w
            while x != 0 {
                let b = x.trailingZeroBitCount
                body(wi << 6 | b)
                x &= x - 1
            }
        }
    }
}
