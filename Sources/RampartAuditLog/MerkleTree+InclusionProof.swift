// SPDX-License-Identifier: Apache-2.0

extension MerkleTree {
    /// `PATH(index, D[0:size])` of RFC 9162 §2.1.3.1: the sibling hashes from the leaf up to the
    /// root of the tree of `size` leaves, bottom first.
    ///
    /// - Throws: ``AuditLogError/Code/invalidProofRequest`` unless `0 <= index < size <= count`.
    package static func inclusionProof<Leaves: RandomAccessCollection<MerkleHash>>(
        index: Int64,
        size: Int64,
        leaves: Leaves
    ) throws -> [MerkleHash] {
        try checkSize(size, of: leaves)
        guard index >= 0, index < size else {
            throw AuditLogError(.invalidProofRequest, "leaf index \(index) is not in a tree of size \(size)")
        }
        // Walk down from the root; each level contributes the root of the half that does not
        // hold the leaf. The RFC's recursion emits those top-down appended last, so reverse.
        var path = [MerkleHash]()
        var lower: Int64 = 0
        var upper = size
        while upper - lower > 1 {
            let split = lower + splitPoint(upper - lower)
            if index < split {
                path.append(subtreeRoot(leaves, lower: split, upper: upper))
                upper = split
            } else {
                path.append(subtreeRoot(leaves, lower: lower, upper: split))
                lower = split
            }
        }
        path.reverse()
        return path
    }

    /// Verifies an inclusion proof per RFC 9162 §2.1.3.2.
    ///
    /// - Returns: true when `proof` shows that `leafHash` is leaf `index` of the tree of `size`
    ///   leaves whose head is `root`.
    package static func verifyInclusion(
        leafHash: MerkleHash,
        index: Int64,
        size: Int64,
        proof: [MerkleHash],
        root: MerkleHash
    ) -> Bool {
        guard let computed = rootFromInclusionProof(leafHash: leafHash, index: index, size: size, proof: proof) else {
            return false
        }
        return computed == root
    }

    /// The root that an inclusion proof leads to, or nil when the proof has the wrong shape for
    /// `index` and `size`.
    package static func rootFromInclusionProof(
        leafHash: MerkleHash,
        index: Int64,
        size: Int64,
        proof: [MerkleHash]
    ) -> MerkleHash? {
        guard index >= 0, index < size else { return nil }
        var fn = index
        var sn = size - 1
        var result = leafHash
        for sibling in proof {
            guard sn != 0 else { return nil }
            if fn & 1 == 1 || fn == sn {
                result = RFC9162.nodeHash(sibling, result)
                // A right-edge node with no right sibling is promoted unchanged: skip the
                // levels where it is a left child.
                while fn & 1 == 0, fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                result = RFC9162.nodeHash(result, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 ? result : nil
    }
}
