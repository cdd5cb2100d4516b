// SPDX-License-Identifier: Apache-2.0

extension MerkleTree {
    /// `PROOF(oldSize, D[0:newSize])` of RFC 9162 §2.1.4.1: the hashes that show the tree of
    /// `oldSize` leaves is a prefix of the tree of `newSize` leaves.
    ///
    /// The proof is empty when `oldSize` is 0 or equal to `newSize`.
    ///
    /// - Throws: ``AuditLogError/Code/invalidProofRequest`` unless
    ///   `0 <= oldSize <= newSize <= count`.
    package static func consistencyProof<Leaves: RandomAccessCollection<MerkleHash>>(
        from oldSize: Int64,
        to newSize: Int64,
        leaves: Leaves
    ) throws -> [MerkleHash] {
        try checkSize(newSize, of: leaves)
        guard oldSize >= 0, oldSize <= newSize else {
            throw AuditLogError(.invalidProofRequest, "cannot prove size \(oldSize) consistent with size \(newSize)")
        }
        guard oldSize > 0, oldSize < newSize else { return [] }
        // SUBPROOF(m, D[lower:upper], b) unrolled: each step appends the root of the half not
        // descended into; the recursion emits those after its own, so reverse at the end.
        var proof = [MerkleHash]()
        var lower: Int64 = 0
        var upper = newSize
        var m = oldSize
        var isWholeOldTree = true
        while true {
            let n = upper - lower
            if m == n {
                // The old tree's root is already known to the verifier only when this subtree
                // is the whole old tree.
                if !isWholeOldTree {
                    proof.append(subtreeRoot(leaves, lower: lower, upper: upper))
                }
                break
            }
            let k = splitPoint(n)
            if m <= k {
                proof.append(subtreeRoot(leaves, lower: lower + k, upper: upper))
                upper = lower + k
            } else {
                proof.append(subtreeRoot(leaves, lower: lower, upper: lower + k))
                lower += k
                m -= k
                isWholeOldTree = false
            }
        }
        proof.reverse()
        return proof
    }

    /// Verifies a consistency proof per RFC 9162 §2.1.4.2.
    ///
    /// Sizes 0 → n are consistent with an empty proof when `oldRoot` is the empty-tree hash;
    /// equal sizes need an empty proof and equal roots.
    package static func verifyConsistency(
        from oldSize: Int64,
        to newSize: Int64,
        proof: [MerkleHash],
        oldRoot: MerkleHash,
        newRoot: MerkleHash
    ) -> Bool {
        guard oldSize >= 0, oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty && oldRoot == RFC9162.emptyRoot }
        guard !proof.isEmpty else { return false }

        var path = proof[...]
        // A power-of-two old tree is a complete left subtree; its root is the proof's implicit
        // first element.
        let seed: MerkleHash
        if oldSize & (oldSize - 1) == 0 {
            seed = oldRoot
        } else {
            seed = path.removeFirst()
        }
        var fn = oldSize - 1
        var sn = newSize - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var oldResult = seed
        var newResult = seed
        for node in path {
            guard sn != 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                oldResult = RFC9162.nodeHash(node, oldResult)
                newResult = RFC9162.nodeHash(node, newResult)
                while fn & 1 == 0, fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                newResult = RFC9162.nodeHash(newResult, node)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && oldResult == oldRoot && newResult == newRoot
    }
}
