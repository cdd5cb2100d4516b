// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartAuditLog
import Testing

@Suite("AuditLogVerifier tamper detection")
struct AuditLogVerifierTests {
    /// 100 records, a checkpoint every 10.
    static func fixture() throws -> LogFixture {
        try LogFixture(count: 100, interval: 10)
    }

    @Test func untouchedLogVerifies() throws {
        let log = try Self.fixture()
        let report = log.verify(log.stored)
        #expect(report.ok, "\(report.findings)")
        #expect(report.recordsChecked == 100)
        #expect(report.lastSeq == 100)
        #expect(report.checkpointsChecked == 10)
        #expect(report.checkpointsVerified == 10)
        #expect(report.verifiedThroughSize == 100)
    }

    @Test func interleavedCheckpointsVerifyToo() throws {
        let log = try Self.fixture()
        let report = log.verify(log.stored, interleaved: true)
        #expect(report.ok, "\(report.findings)")
        #expect(report.checkpointsVerified == 10)
        var stored = log.stored
        stored.remove(at: 36)
        #expect(log.verify(stored, interleaved: true).findings(.rootMismatch).map(\.range) == [31...40])
    }

    @Test func checkpointsInAnyOrderAndRecordsWithoutStoredHashes() throws {
        let log = try Self.fixture()
        var verifier = AuditLogVerifier(tenantID: LogFixture.tenantID, trustedKeys: [log.key.publicKey])
        log.checkpoints.reversed().forEach { verifier.add($0) }
        log.records.forEach { verifier.add($0) }
        let report = verifier.finish()
        #expect(report.ok, "\(report.findings)")
        #expect(report.checkpointsVerified == 10)
    }

    @Test func changedFieldIsPinnedToItsSeq() throws {
        let log = try Self.fixture()
        var stored = log.stored
        stored[36].0.outcome = "allowed" == stored[36].0.outcome ? "denied" : "allowed"
        let report = log.verify(stored)
        #expect(!report.ok)
        #expect(report.findings(.recordChanged).map(\.seq) == [37])
        let mismatch = report.findings(.rootMismatch)
        #expect(mismatch.map(\.range) == [31...40])
        #expect(mismatch.first?.checkpointSize == 40)
        // The six later checkpoints disagree as a consequence; reported once.
        #expect(report.findings(.diverged).count == 1)
        #expect(report.verifiedThroughSize == 30)
    }

    @Test func changedFieldWithRecomputedLeafHashIsCaughtByTheRoot() throws {
        let log = try Self.fixture()
        var stored = log.stored
        stored[36].0.actorID = "intruder"
        stored[36].1 = stored[36].0.leafHash
        let report = log.verify(stored)
        #expect(report.findings(.recordChanged).isEmpty)
        #expect(report.findings(.rootMismatch).map(\.range) == [31...40])
    }

    @Test func deletedRecord() throws {
        let log = try Self.fixture()
        var stored = log.stored
        stored.remove(at: 36)
        let report = log.verify(stored)
        let missing = report.findings(.recordMissing)
        #expect(missing.map(\.range) == [37...37])
        #expect(report.findings(.rootMismatch).map(\.range) == [31...40])
        #expect(report.findings(.truncated).isEmpty)
    }

    @Test func deletedLastRecordBeforeCheckpointAtTheEnd() throws {
        // Deleting inside the final checkpoint's range leaves the log one short of it while
        // its seqs still reach it: a mismatch, not a truncation.
        let log = try Self.fixture()
        var stored = log.stored
        stored.remove(at: 94)
        let report = log.verify(stored)
        #expect(report.findings(.recordMissing).map(\.range) == [95...95])
        #expect(report.findings(.rootMismatch).map(\.range) == [91...100])
        #expect(report.findings(.truncated).isEmpty)
    }

    @Test func swappedRecords() throws {
        let log = try Self.fixture()
        var stored = log.stored
        stored.swapAt(36, 37)
        let report = log.verify(stored)
        #expect(report.findings(.recordOutOfOrder).map(\.seq) == [37])
        #expect(report.findings(.rootMismatch).map(\.range) == [31...40])
    }

    @Test func insertedRecord() throws {
        let log = try Self.fixture()
        var stored = log.stored
        let forged = makeRecord(seq: 38)
        stored.insert((forged, forged.leafHash), at: 37)
        let report = log.verify(stored)
        #expect(report.findings(.recordOutOfOrder).map(\.seq) == [38])
        #expect(report.findings(.rootMismatch).map(\.range) == [31...40])
    }

    @Test func insertedRecordWithRenumberedTail() throws {
        // The careful forger renumbers everything after the insert and recomputes every leaf
        // hash: seqs and hashes look fine, the signed roots do not.
        let log = try Self.fixture()
        var records = log.records
        records.insert(makeRecord(seq: 38), at: 37)
        for index in 38..<records.count {
            records[index].seq = Int64(index + 1)
        }
        let stored = records.map { ($0, Optional($0.leafHash)) }
        let report = log.verify(stored)
        #expect(report.findings(.recordOutOfOrder).isEmpty)
        #expect(report.findings(.recordMissing).isEmpty)
        #expect(report.findings(.rootMismatch).map(\.range) == [31...40])
    }

    @Test func truncatedTail() throws {
        let log = try Self.fixture()
        let stored = Array(log.stored.prefix(95))
        let report = log.verify(stored)
        let truncated = report.findings(.truncated)
        #expect(truncated.map(\.range) == [96...100])
        #expect(truncated.first?.checkpointSize == 100)
        #expect(report.findings(.rootMismatch).isEmpty)
        #expect(report.verifiedThroughSize == 90)
    }

    @Test func checkpointResignedWithAnUntrustedKey() throws {
        let log = try Self.fixture()
        var checkpoints = log.checkpoints
        let original = checkpoints[4]
        checkpoints[4] = try original.checkpoint.sign(with: signingKey(9))
        let report = log.verify(log.stored, checkpoints: checkpoints)
        let unknown = report.findings(.unknownKey)
        #expect(unknown.map(\.checkpointSize) == [50])
        #expect(report.findings.count == 1)
        #expect(report.checkpointsVerified == 9)
    }

    @Test func checkpointSignedByAnotherKeyUnderTheTrustedKeyID() throws {
        let log = try Self.fixture()
        var checkpoints = log.checkpoints
        var forged = try checkpoints[4].checkpoint.sign(with: signingKey(9))
        forged.keyID = log.key.publicKey.auditKeyID
        checkpoints[4] = forged
        let report = log.verify(log.stored, checkpoints: checkpoints)
        #expect(report.findings(.badSignature).map(\.checkpointSize) == [50])
    }

    @Test func rootForgedConsistentlyButNotResigned() throws {
        // The forger edits record 37, recomputes its leaf hash, and rewrites checkpoint 40's
        // root to match; without the private key the signature no longer verifies, and the
        // next honest checkpoint localises the change to (30, 50].
        let log = try Self.fixture()
        var stored = log.stored
        stored[36].0.outcome = "allowed" == stored[36].0.outcome ? "denied" : "allowed"
        stored[36].1 = stored[36].0.leafHash
        let forgedRoot = try MerkleTree.root(of: stored.map(\.0.leafHash), size: 40)
        var checkpoints = log.checkpoints
        checkpoints[3].checkpoint.rootHash = forgedRoot
        let report = log.verify(stored, checkpoints: checkpoints)
        #expect(report.findings(.badSignature).map(\.checkpointSize) == [40])
        #expect(report.findings(.rootMismatch).map(\.range) == [31...50])
        #expect(report.findings(.recordChanged).isEmpty)
    }

    @Test func rotatedKeysAreAllTrusted() throws {
        let log = try Self.fixture()
        var checkpoints = log.checkpoints
        for index in 5..<checkpoints.count {
            checkpoints[index] = try checkpoints[index].checkpoint.sign(with: signingKey(2))
        }
        let report = log.verify(log.stored, checkpoints: checkpoints, trustedKeys: [log.key.publicKey, signingKey(2).publicKey])
        #expect(report.ok, "\(report.findings)")
        #expect(report.checkpointsVerified == 10)
    }

    @Test func emptyLog() throws {
        let log = try LogFixture(count: 0, interval: 10)
        var report = log.verify([])
        #expect(report.ok)
        #expect(report.recordsChecked == 0)
        #expect(report.lastSeq == 0)
        #expect(report.checkpointsChecked == 0)

        let emptyCheckpoint = try log.checkpoint(size: 0, root: RFC9162.emptyRoot)
        report = log.verify([], checkpoints: [emptyCheckpoint])
        #expect(report.ok)
        #expect(report.checkpointsVerified == 1)

        // A log emptied behind a checkpoint's back.
        let full = try Self.fixture()
        report = full.verify([])
        #expect(report.findings(.truncated).map(\.range) == [1...100])
        #expect(!report.ok)
    }

    @Test func otherTenantsRecordsAndCheckpoints() throws {
        let log = try Self.fixture()
        var stored = log.stored
        let stranger = makeRecord(seq: 12, tenantID: "globex")
        stored[11] = (stranger, stranger.leafHash)
        var checkpoints = log.checkpoints
        checkpoints[0] = try Checkpoint(tenantID: "globex", treeSize: 10, rootHash: checkpoints[0].rootHash, timestamp: 1)
            .sign(with: log.key)
        let report = log.verify(stored, checkpoints: checkpoints)
        #expect(report.findings(.recordTenantMismatch).map(\.seq) == [12])
        #expect(report.findings(.checkpointTenantMismatch).map(\.checkpointSize) == [10])
        #expect(report.findings(.rootMismatch).map(\.range) == [1...20])
    }

    @Test func lateCheckpointIsReportedUnchecked() throws {
        let log = try Self.fixture()
        var verifier = AuditLogVerifier(tenantID: LogFixture.tenantID, trustedKeys: [log.key.publicKey])
        log.records.forEach { verifier.add($0) }
        verifier.add(log.checkpoints[0])
        verifier.add(log.checkpoints[9])
        let report = verifier.finish()
        #expect(report.findings(.checkpointOutOfOrder).map(\.checkpointSize) == [10])
        #expect(report.checkpointsVerified == 1)
        #expect(report.verifiedThroughSize == 100)
    }

    @Test func uncoveredTailOnlyWhenRequired() throws {
        let log = try LogFixture(count: 25, interval: 10)
        let checkpoints = Array(log.checkpoints.prefix(2))
        #expect(log.verify(log.stored, checkpoints: checkpoints).ok)
        let strict = log.verify(log.stored, checkpoints: checkpoints, options: .init(requireFullCoverage: true))
        #expect(strict.findings(.uncovered).map(\.range) == [21...25])
    }

    @Test func findingsAreCapped() throws {
        let log = try Self.fixture()
        let stored = log.stored.map { record, _ in (record, Optional(RFC9162.emptyRoot)) }
        let report = log.verify(stored, options: .init(maxFindings: 5))
        #expect(report.findings.count == 5)
        #expect(report.findingsOmitted > 90)
        #expect(!report.ok)
    }

    @Test func reportIsCodableWithStableKindCodes() throws {
        let log = try Self.fixture()
        var stored = log.stored
        stored.remove(at: 3)
        let report = log.verify(stored)
        let data = try JSONEncoder().encode(report)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"audit.record_missing\""))
        #expect(try JSONDecoder().decode(VerificationReport.self, from: data) == report)
        #expect(VerificationFinding.Kind.rootMismatch.description == "audit.root_mismatch")
    }
}
