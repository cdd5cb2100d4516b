// SPDX-License-Identifier: Apache-2.0

/// An inclusion proof as served by the API: leaf `leafIndex` (0-based, `seq - 1`) is in the
/// tree of `treeSize` leaves.
package struct InclusionProof: Sendable, Hashable, Codable {
    /// The 0-based leaf index (`seq - 1`).
    package var leafIndex: Int64
    /// The size of the tree the proof is against.
    package var treeSize: Int64
    /// `PATH(leafIndex, D[0:treeSize])`, bottom first.
    package var hashes: [MerkleHash]

    package init(leafIndex: Int64, treeSize: Int64, hashes: [MerkleHash]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.hashes = hashes
    }

    /// Builds the proof from the log's leaf hashes.
    ///
    /// - Throws: ``AuditLogError/Code/invalidProofRequest`` for an index or size out of range.
    package init<Leaves: RandomAccessCollection<MerkleHash>>(leafIndex: Int64, treeSize: Int64, leaves: Leaves) throws {
        self.init(
            leafIndex: leafIndex,
            treeSize: treeSize,
            hashes: try MerkleTree.inclusionProof(index: leafIndex, size: treeSize, leaves: leaves)
        )
    }

    /// True when the proof shows `leafHash` at ``leafIndex`` under `root`.
    package func verify(leafHash: MerkleHash, root: MerkleHash) -> Bool {
        MerkleTree.verifyInclusion(leafHash: leafHash, index: leafIndex, size: treeSize, proof: hashes, root: root)
    }
}
