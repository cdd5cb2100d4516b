// SPDX-License-Identifier: Apache-2.0

/// Produces the lines of an export in the order the streaming verifier needs them.
///
/// Write ``headerLines()`` (the header, then the consistency proofs and checkpoints), then
/// ``recordLine(_:leafHash:)`` for every record of the range in seq order. Checkpoints before
/// the range, or after it without a consistency proof from its end, cannot be checked and are
/// left out. Records pass straight through, so
/// an export of any length is written in constant memory.
package struct AuditExportWriter: Sendable {
    private let header: AuditExportHeader
    private let checkpoints: [SignedCheckpoint]
    private let tailProofs: [ConsistencyProof]

    /// - Parameters:
    ///   - header: Describes the range; its prefix is the frontier before `fromSeq`.
    ///   - checkpoints: Signed checkpoints to include, any order; at least one at or after
    ///     `toSeq` (directly, or with a tail proof) makes every record provable.
    ///   - tailProofs: Consistency proofs from `toSeq` to checkpoints beyond the range.
    package init(header: AuditExportHeader, checkpoints: [SignedCheckpoint], tailProofs: [ConsistencyProof] = []) {
        self.header = header
        // A checkpoint past the range is only checkable through a proof from the range's end.
        let reachable = Set(tailProofs.filter { $0.fromSize == header.toSeq }.map(\.toSize))
        self.checkpoints =
            checkpoints
            .filter { ($0.treeSize >= header.prefix.size && $0.treeSize <= header.toSeq) || reachable.contains($0.treeSize) }
            .sorted { $0.treeSize < $1.treeSize }
        self.tailProofs = tailProofs.filter { $0.fromSize == header.toSeq }
    }

    /// The header line, the consistency proof lines, then the checkpoint lines.
    package func headerLines() throws -> [String] {
        var lines = [try AuditExport.encode(.header(header))]
        for proof in tailProofs {
            lines.append(try AuditExport.encode(.consistency(proof)))
        }
        for checkpoint in checkpoints {
            lines.append(try AuditExport.encode(.checkpoint(checkpoint)))
        }
        return lines
    }

    /// One record's line.
    ///
    /// - Parameter leafHash: The hash the store kept; the record's own hash when nil.
    package func recordLine(_ record: AuditRecord, leafHash: MerkleHash? = nil) throws -> String {
        try AuditExport.encode(.record(record, leafHash: leafHash ?? record.leafHash))
    }
}
