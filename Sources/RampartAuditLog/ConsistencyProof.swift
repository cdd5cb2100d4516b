// SPDX-License-Identifier: Apache-2.0

/// A consistency proof as served by the API and carried in exports: the tree of `fromSize`
/// leaves is a prefix of the tree of `toSize` leaves.
package struct ConsistencyProof: Sendable, Hashable, Codable {
    /// The older, smaller tree size.
    package var fromSize: Int64
    /// The newer, larger tree size.
    package var toSize: Int64
    /// `PROOF(fromSize, D[0:toSize])`.
    package var hashes: [MerkleHash]

    package init(fromSize: Int64, toSize: Int64, hashes: [MerkleHash]) {
        self.fromSize = fromSize
        self.toSize = toSize
        self.hashes = hashes
    }

    /// Builds the proof from the log's leaf hashes.
    ///
    /// - Throws: ``AuditLogError/Code/invalidProofRequest`` for sizes out of range.
    package init<Leaves: RandomAccessCollection<MerkleHash>>(fromSize: Int64, toSize: Int64, leaves: Leaves) throws {
        self.init(
            fromSize: fromSize,
            toSize: toSize,
            hashes: try MerkleTree.consistencyProof(from: fromSize, to: toSize, leaves: leaves)
        )
    }

    /// True when the proof links `fromRoot` (size ``fromSize``) to `toRoot` (size ``toSize``).
    package func verify(fromRoot: MerkleHash, toRoot: MerkleHash) -> Bool {
        MerkleTree.verifyConsistency(from: fromSize, to: toSize, proof: hashes, oldRoot: fromRoot, newRoot: toRoot)
    }
}
