// SPDX-License-Identifier: Apache-2.0

/// Tree algorithms of RFC 9162 §2.1 over a list of leaf hashes: tree heads, proof generation
/// and proof verification.
///
/// Generation takes any random-access collection of leaf hashes, so a store can pass an array,
/// a memory-mapped table or a lazily mapped range (`(0..<n).lazy.map { … }`) without copying.
/// Each generator hashes every leaf it needs exactly once, through a ``MerkleFrontier`` per
/// sibling subtree: O(n) node hashes and O(log n) extra memory per proof, with no recursion.
///
/// Sizes and indices are `Int64`, like sequence numbers and checkpoint sizes; leaf `i`
/// (0-based) is the record with `seq == i + 1`.
package enum MerkleTree {
    /// `MTH(D[0:size])`: the root of the first `size` leaves (all of them when `size` is nil).
    ///
    /// - Throws: ``AuditLogError/Code/invalidProofRequest`` when `size` is negative or larger
    ///   than the collection.
    package static func root<Leaves: RandomAccessCollection<MerkleHash>>(
        of leaves: Leaves,
        size: Int64? = nil
    ) throws -> MerkleHash {
        let size = size ?? Int64(leaves.count)
        try checkSize(size, of: leaves)
        return subtreeRoot(leaves, lower: 0, upper: size)
    }

    /// `MTH(D[lower:upper])`, computed left to right through a frontier.
    static func subtreeRoot<Leaves: RandomAccessCollection<MerkleHash>>(
        _ leaves: Leaves,
        lower: Int64,
        upper: Int64
    ) -> MerkleHash {
        var frontier = MerkleFrontier()
        var index = leaves.index(leaves.startIndex, offsetBy: Int(lower))
        for _ in lower..<upper {
            frontier.append(leaves[index])
            leaves.formIndex(after: &index)
        }
        return frontier.root
    }

    static func checkSize<Leaves: RandomAccessCollection<MerkleHash>>(_ size: Int64, of leaves: Leaves) throws {
        guard size >= 0, size <= Int64(leaves.count) else {
            throw AuditLogError(
                .invalidProofRequest,
                "tree size \(size) is outside the \(leaves.count) leaves available"
            )
        }
    }

    /// The largest power of two strictly smaller than `n` (the RFC's split point `k`); `n > 1`.
    static func splitPoint(_ n: Int64) -> Int64 {
        Int64(1) << (63 - (n - 1).leadingZeroBitCount)
    }
}
