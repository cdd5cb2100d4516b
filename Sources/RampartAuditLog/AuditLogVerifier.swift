// SPDX-License-Identifier: Apache-2.0

import Crypto

/// Streams a tenant's audit log, in stored order, and checks it against signed checkpoints.
///
/// Feed checkpoints with ``add(_:)-(SignedCheckpoint)`` and records with
/// ``add(_:storedLeafHash:)``, then call ``finish()``. Feed the checkpoints first (a few per
/// million records): each waits until the tree reaches its size, counted in records fed, so
/// an inserted record shifts the tree and is caught by the next root. A checkpoint fed after
/// the tree has passed its size cannot be checked and is reported. Memory is the frontier
/// (O(log n)), the waiting checkpoints and the findings; records are never kept.
///
/// What is found, and how it is localised:
/// - `seq` gap ⇒ ``VerificationFinding/Kind/recordMissing`` with the missing seqs;
///   repeat or decrease ⇒ ``VerificationFinding/Kind/recordOutOfOrder`` with the seq;
/// - stored leaf hash ≠ hash of the content ⇒ ``VerificationFinding/Kind/recordChanged``;
/// - a validly signed checkpoint whose root differs from the recomputed tree ⇒
///   ``VerificationFinding/Kind/rootMismatch`` for `(last verified size, size]`, which catches
///   edits whose leaf hashes were recomputed too;
/// - bad signature, unknown key, other tenant ⇒ the checkpoint is reported and not used;
/// - a checkpoint beyond the last record ⇒ ``VerificationFinding/Kind/truncated``, unless a
///   consistency proof (``add(_:)-(ConsistencyProof)``) links the records to it.
package struct AuditLogVerifier: Sendable {
    /// Tuning for a verification run.
    package struct Options: Sendable {
        /// Findings kept in the report; further ones are only counted, so a log that is wrong
        /// everywhere cannot exhaust memory.
        package var maxFindings: Int
        /// Report records after the last verified checkpoint as
        /// ``VerificationFinding/Kind/uncovered``. Exports need this; a live log normally has an
        /// unsigned tail since its last checkpoint.
        package var requireFullCoverage: Bool

        package init(maxFindings: Int = 1000, requireFullCoverage: Bool = false) {
            self.maxFindings = maxFindings
            self.requireFullCoverage = requireFullCoverage
        }
    }

    private let tenantID: String
    private let trustedKeys: [String: Curve25519.Signing.PublicKey]
    private let options: Options
    private let prefixSize: Int64
    private var frontier: MerkleFrontier
    private var lastSeq: Int64
    private var recordsChecked: Int64 = 0
    /// Validly signed checkpoints of this tenant beyond the current size, ascending.
    private var waiting: [SignedCheckpoint] = []
    private var tailProofs: [ConsistencyProof] = []
    private var checkpointsChecked = 0
    private var checkpointsVerified = 0
    private var verifiedThroughSize: Int64 = 0
    /// Set after a root mismatch: every later root differs too until one matches again, so
    /// later mismatches are counted rather than reported one by one.
    private var diverged = false
    private var laterMismatches = 0
    private var findings: [VerificationFinding] = []
    private var findingsOmitted = 0

    /// Creates a verifier for one tenant.
    ///
    /// - Parameters:
    ///   - tenantID: The tenant whose log this is; records and checkpoints of others are findings.
    ///   - trustedKeys: The checkpoint-signing keys to accept (older keys after a rotation too).
    ///   - prefix: The frontier of the records before the first one fed, for a log that does not
    ///     start at seq 1 (an export). The first record fed must then have `seq == prefix.size + 1`.
    ///   - options: Limits and coverage policy.
    package init(
        tenantID: String,
        trustedKeys: [Curve25519.Signing.PublicKey],
        prefix: MerkleFrontier = MerkleFrontier(),
        options: Options = Options()
    ) {
        self.tenantID = tenantID
        var keys = [String: Curve25519.Signing.PublicKey]()
        for key in trustedKeys {
            keys[key.auditKeyID] = key
        }
        self.trustedKeys = keys
        self.options = options
        self.prefixSize = prefix.size
        self.frontier = prefix
        self.lastSeq = prefix.size
    }

    /// Checks the next record in stored order.
    ///
    /// - Parameters:
    ///   - record: The record as stored.
    ///   - storedLeafHash: The leaf hash the store kept for it, if any; compared with the hash
    ///     of the content to pin an edit to its exact seq.
    package mutating func add(_ record: AuditRecord, storedLeafHash: MerkleHash? = nil) {
        recordsChecked += 1
        if record.tenantID != tenantID {
            report(.recordTenantMismatch, seq: record.seq, message: "record of tenant `\(record.tenantID)` in the log of `\(tenantID)`")
        }
        if record.seq > lastSeq {
            // lastSeq < record.seq <= Int64.max, so lastSeq + 1 cannot overflow.
            let expected = lastSeq + 1
            if record.seq != expected {
                report(
                    .recordMissing,
                    range: expected...(record.seq - 1),
                    message: "expected seq \(expected), found \(record.seq): records deleted or missing"
                )
            }
            lastSeq = record.seq
        } else {
            report(
                .recordOutOfOrder,
                seq: record.seq,
                message: "seq \(record.seq) after seq \(lastSeq): record inserted, duplicated or reordered"
            )
        }
        let leafHash = record.leafHash
        if let storedLeafHash, storedLeafHash != leafHash {
            report(.recordChanged, seq: record.seq, message: "content does not match its stored leaf hash: record changed")
        }
        frontier.append(leafHash)
        while let first = waiting.first, first.treeSize == frontier.size {
            waiting.removeFirst()
            compareRoot(first)
        }
    }

    /// Checks a signed checkpoint: now if the tree is at its size, else when it gets there.
    package mutating func add(_ checkpoint: SignedCheckpoint) {
        checkpointsChecked += 1
        let size = checkpoint.treeSize
        guard checkpoint.tenantID == tenantID else {
            report(
                .checkpointTenantMismatch,
                checkpointSize: size,
                message: "checkpoint of tenant `\(checkpoint.tenantID)` in the log of `\(tenantID)`"
            )
            return
        }
        guard let key = trustedKeys[checkpoint.keyID] else {
            report(.unknownKey, checkpointSize: size, message: "checkpoint signed by untrusted key `\(checkpoint.keyID)`")
            return
        }
        guard checkpoint.verify(publicKey: key) else {
            report(.badSignature, checkpointSize: size, message: "checkpoint signature does not verify with key `\(checkpoint.keyID)`")
            return
        }
        if size < frontier.size {
            report(
                .checkpointOutOfOrder,
                checkpointSize: size,
                message: "checkpoint of size \(size) arrived after \(frontier.size) records; it was not checked"
            )
        } else if size == frontier.size {
            compareRoot(checkpoint)
        } else {
            let position = waiting.firstIndex { $0.treeSize > size } ?? waiting.endIndex
            waiting.insert(checkpoint, at: position)
        }
    }

    /// Offers a consistency proof from the size reached at the end of the records to a later
    /// checkpoint's size, so a range that stops before that checkpoint can still be proven.
    package mutating func add(_ proof: ConsistencyProof) {
        tailProofs.append(proof)
    }

    /// Settles checkpoints still waiting and returns the report. Does not change the verifier.
    package func finish() -> VerificationReport {
        var state = self
        state.settleTail()
        return VerificationReport(
            tenantID: tenantID,
            recordsChecked: state.recordsChecked,
            lastSeq: state.lastSeq,
            checkpointsChecked: state.checkpointsChecked,
            checkpointsVerified: state.checkpointsVerified,
            verifiedThroughSize: state.verifiedThroughSize,
            findings: state.findings,
            findingsOmitted: state.findingsOmitted
        )
    }

    private mutating func settleTail() {
        let size = frontier.size
        var truncatedBy = [SignedCheckpoint]()
        for checkpoint in waiting {
            let target = checkpoint.treeSize
            if target <= lastSeq {
                // The seqs reached the checkpoint's size but the records did not: some were
                // deleted (the gap finding says which).
                mismatch(
                    checkpoint,
                    message: "checkpoint signs \(target) records but only \(size) are present up to seq \(lastSeq)"
                )
            } else if let proof = tailProofs.first(where: { $0.fromSize == size && $0.toSize == target }) {
                if proof.verify(fromRoot: frontier.root, toRoot: checkpoint.rootHash) {
                    matched(upTo: size)
                } else if diverged {
                    laterMismatches += 1
                } else {
                    diverged = true
                    report(
                        .consistencyFailed,
                        range: suspectRange(through: size),
                        checkpointSize: target,
                        message: "consistency proof from size \(size) to checkpoint \(target) does not verify"
                    )
                }
            } else {
                truncatedBy.append(checkpoint)
            }
        }
        waiting.removeAll()
        // Every checkpoint past the end says the same thing; the largest says the most.
        if let largest = truncatedBy.last {
            let target = largest.treeSize
            let others = truncatedBy.count > 1 ? " (and \(truncatedBy.count - 1) smaller checkpoint(s) past the end)" : ""
            report(
                .truncated,
                range: (lastSeq + 1)...target,
                checkpointSize: target,
                message: "checkpoint signs \(target) records but the log ends at seq \(lastSeq): tail removed\(others)"
            )
        }
        if laterMismatches > 0 {
            report(
                .diverged,
                message: "\(laterMismatches) later checkpoint(s) also disagree; after the first mismatch they cannot localise further changes"
            )
        }
        let coveredFloor = max(verifiedThroughSize, prefixSize)
        if options.requireFullCoverage, coveredFloor < size {
            report(
                .uncovered,
                range: (coveredFloor + 1)...size,
                message: "no valid checkpoint covers these records"
            )
        }
    }

    private mutating func compareRoot(_ checkpoint: SignedCheckpoint) {
        if frontier.root == checkpoint.rootHash {
            matched(upTo: checkpoint.treeSize)
        } else {
            mismatch(checkpoint, message: "recomputed root differs from the signed root of size \(checkpoint.treeSize)")
        }
    }

    private mutating func matched(upTo size: Int64) {
        checkpointsVerified += 1
        verifiedThroughSize = max(verifiedThroughSize, size)
        diverged = false
    }

    private mutating func mismatch(_ checkpoint: SignedCheckpoint, message: String) {
        guard !diverged else {
            laterMismatches += 1
            return
        }
        diverged = true
        report(.rootMismatch, range: suspectRange(through: checkpoint.treeSize), checkpointSize: checkpoint.treeSize, message: message)
    }

    /// `(last verified size, size]`, not reaching before the prefix of an export (whose own
    /// hashes are then also suspect).
    private func suspectRange(through size: Int64) -> ClosedRange<Int64>? {
        let floor = max(verifiedThroughSize, prefixSize)
        return floor < size ? (floor + 1)...size : nil
    }

    private mutating func report(
        _ kind: VerificationFinding.Kind,
        seq: Int64? = nil,
        range: ClosedRange<Int64>? = nil,
        checkpointSize: Int64? = nil,
        message: String
    ) {
        guard findings.count < options.maxFindings else {
            findingsOmitted += 1
            return
        }
        findings.append(VerificationFinding(kind, seq: seq, range: range, checkpointSize: checkpointSize, message: message))
    }
}
