// SPDX-License-Identifier: Apache-2.0

/// Comparisons whose time depends on the lengths only, never on where the inputs first differ,
/// so a secret cannot be guessed byte by byte from response times.
package enum ConstantTime {
    package static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        // Contiguous inputs (arrays, native strings' UTF-8) are compared through one
        // non-generic loop: the generic walk over two iterators cost more than the SHA-256
        // before it on every API-key request.
        let contiguous = lhs.withContiguousStorageIfAvailable { left in
            rhs.withContiguousStorageIfAvailable { right in differ(left, right) == 0 }
        }
        if let contiguous, let answer = contiguous { return answer }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }

    /// Compares the UTF-8 of two strings (hex digests, tokens, states, nonces).
    package static func equals(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        lhs.makeContiguousUTF8()
        rhs.makeContiguousUTF8()
        return equals(lhs.utf8, rhs.utf8)
    }

    private static func differ(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var difference: UInt8 = 0
        for index in 0..<left.count { difference |= left[index] ^ right[index] }
        return difference
    }
}
