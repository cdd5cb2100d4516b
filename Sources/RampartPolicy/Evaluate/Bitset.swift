// SPDX-License-Identifier: Apache-2.0

/// A fixed-size set of small integers (policy ranks): the policies a trie level cannot narrow,
/// and the enumerated level of a request when it is not one ascending list.
struct Bitset: Sendable {
    var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    @inline(__always) mutating func insert(_ i: Int32) {
        words[Int(i) >> 6] |= 1 << UInt64(Int(i) & 63)
    }

    /// Whether `i` is set.
    @inline(__always) func contains(_ i: Int) -> Bool {
        words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    /// Whether `i` is set, in the words of a bitset opened as a buffer (the loops that test
    /// membership read through buffer pointers).
    @inline(__always) static func contains(_ i: Int, in words: UnsafeBufferPointer<UInt64>) -> Bool {
        words[i >> 6] & (1 << UInt64(i & 63)) != 0
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
