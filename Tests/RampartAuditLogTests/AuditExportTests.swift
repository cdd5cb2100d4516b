// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartAuditLog
import Testing

@Suite("AuditExport write, read and verify")
struct AuditExportTests {
    /// The fixture log (100 records, a checkpoint every 10) exported as seqs `from...to`, with a
    /// consistency proof from `to` to the last checkpoint when it lies beyond.
    static func export(_ log: LogFixture, from: Int64 = 41, to: Int64 = 95) throws -> [String] {
        var prefix = MerkleFrontier()
        log.leafHashes.prefix(Int(from - 1)).forEach { prefix.append($0) }
        let header = AuditExportHeader(
            tenantID: LogFixture.tenantID,
            fromSeq: from,
            toSeq: to,
            publicKey: log.key.publicKey,
            prefix: prefix
        )
        var proofs = [ConsistencyProof]()
        if let last = log.checkpoints.last, last.treeSize > to {
            proofs.append(try ConsistencyProof(fromSize: to, toSize: last.treeSize, leaves: log.leafHashes))
        }
        let writer = AuditExportWriter(header: header, checkpoints: log.checkpoints, tailProofs: proofs)
        var lines = try writer.headerLines()
        for index in Int(from - 1)..<Int(to) {
            lines.append(try writer.recordLine(log.records[index], leafHash: log.leafHashes[index]))
        }
        return lines
    }

    static func index(ofSeq seq: Int64, in lines: [String]) -> Int? {
        lines.firstIndex { line in
            if case .record(let record, _)? = try? AuditExport.decode(line) { return record.seq == seq }
            return false
        }
    }

    /// Re-encodes the record line of `seq` after `change`, as a text editor would leave it.
    static func edit(_ lines: inout [String], seq: Int64, recomputeLeafHash: Bool = false, _ change: (inout AuditRecord) -> Void) throws {
        guard let position = index(ofSeq: seq, in: lines),
            case .record(var record, let leafHash) = try AuditExport.decode(lines[position])
        else {
            Issue.record("no record line for seq \(seq)")
            return
        }
        change(&record)
        lines[position] = try AuditExport.encode(.record(record, leafHash: recomputeLeafHash ? record.leafHash : leafHash))
    }

    static func verify(_ lines: [String], _ log: LogFixture) -> VerificationReport {
        AuditExport.verify(lines: lines, publicKey: log.key.publicKey)
    }

    @Test func roundTripVerifies() throws {
        let log = try LogFixture(count: 100, interval: 10)
        let lines = try Self.export(log)
        #expect(lines.count == 1 + 1 + 7 + 55)
        for line in lines {
            #expect(!line.contains("\n"))
            #expect(try AuditExport.encode(AuditExport.decode(line)) == line)
        }
        #expect(lines[0].contains(#""type":"header""#))
        #expect(lines.last?.contains(#""type":"record""#) == true)
        #expect(lines.last?.contains(#""leafHash":""#) == true)
        let report = Self.verify(lines, log)
        #expect(report.ok, "\(report.findings)")
        #expect(report.tenantID == LogFixture.tenantID)
        #expect(report.recordsChecked == 55)
        #expect(report.lastSeq == 95)
        #expect(report.checkpointsVerified == 7)
        #expect(report.verifiedThroughSize == 95)
    }

    @Test func wholeLogExportVerifies() throws {
        let log = try LogFixture(count: 100, interval: 10)
        let lines = try Self.export(log, from: 1, to: 100)
        let report = Self.verify(lines, log)
        #expect(report.ok, "\(report.findings)")
        #expect(report.verifiedThroughSize == 100)
        // Blank lines (a trailing newline, say) are ignored.
        #expect(Self.verify(lines + [""], log).ok)
    }

    @Test func emptyRangeExportVerifies() throws {
        let log = try LogFixture(count: 100, interval: 10)
        let report = Self.verify(try Self.export(log, from: 51, to: 50), log)
        #expect(report.ok, "\(report.findings)")
        #expect(report.recordsChecked == 0)
    }

    @Test func changedRecord() throws {
        let log = try LogFixture(count: 100, interval: 10)
        var lines = try Self.export(log)
        try Self.edit(&lines, seq: 57) { $0.resource = "db=hr/table=salaries" }
        let report = Self.verify(lines, log)
        #expect(report.findings(.recordChanged).map(\.seq) == [57])
        #expect(report.findings(.rootMismatch).map(\.range) == [51...60])
    }

    @Test func changedRecordWithRecomputedLeafHash() throws {
        let log = try LogFixture(count: 100, interval: 10)
        var lines = try Self.export(log)
        try Self.edit(&lines, seq: 57, recomputeLeafHash: true) { $0.outcome = "allowed" }
        let report = Self.verify(lines, log)
        #expect(report.findings(.recordChanged).isEmpty)
        #expect(report.findings(.rootMismatch).map(\.range) == [51...60])
    }

    @Test func deletedRecord() throws {
        let log = try LogFixture(count: 100, interval: 10)
        var lines = try Self.export(log)
        lines.remove(at: try #require(Self.index(ofSeq: 57, in: lines)))
        let report = Self.verify(lines, log)
        #expect(report.findings(.recordMissing).map(\.range) == [57...57])
        #expect(report.findings(.rootMismatch).map(\.range) == [51...60])
    }

    @Test func deletedFirstRecordOfTheRange() throws {
        let log = try LogFixture(count: 100, interval: 10)
        var lines = try Self.export(log)
        lines.remove(at: try #require(Self.index(ofSeq: 41, in: lines)))
        let report = Self.verify(lines, log)
        #expect(report.findings(.recordMissing).map(\.range) == [41...41])
    }

    @Test func swappedRecords() throws {
        let log = try LogFixture(count: 100, interval: 10)
        var lines = try Self.export(log)
        let first = try #require(Self.index(ofSeq: 57, in: lines))
        lines.swapAt(first, first + 1)
        let report = Self.verify(lines, log)
        #expect(report.findings(.recordOutOfOrder).map(\.seq) == [57])
        #expect(report.findings(.rootMismatch).map(\.range) == [51...60])
    }

    @Test func insertedRecord() throws {
        let log = try LogFixture(count: 100, interval: 10)
        var lines = try Self.export(log)
        let position = try #require(Self.index(ofSeq: 57, in: lines))
        let forged = makeRecord(seq: 58)
        lines.insert(try AuditExport.encode(.record(forged, leafHash: forged.leafHash)), at: position + 1)
        let report = Self.verify(lines, log)
        #expect(report.findings(.recordOutOfOrder).map(\.seq) == [58])
        #expect(report.findings(.rootMismatch).map(\.range) == [51...60])
    }

    @Test func truncatedTail() throws {
        let log = try LogFixture(count: 100, interval: 10)
        let lines = Array(try Self.export(log).dropLast(5))
        let report = Self.verify(lines, log)
        let truncated = report.findings(.truncated)
        #expect(truncated.contains { $0.range == 91...95 && $0.checkpointSize == nil })
        #expect(truncated.contains { $0.checkpointSize == 100 })
        #expect(report.verifiedThroughSize == 90)
    }

    @Test func checkpointResignedWithWrongKey() throws {
        let log = try LogFixture(count: 100, interval: 10)
        var lines = try Self.export(log)
        let position = try #require(lines.firstIndex { $0.contains(#""treeSize":60"#) })
        guard case .checkpoint(let original) = try AuditExport.decode(lines[position]) else {
            Issue.record("not a checkpoint line")
            return
        }
        lines[position] = try AuditExport.encode(.checkpoint(try original.checkpoint.sign(with: signingKey(7))))
        let report = Self.verify(lines, log)
        #expect(report.findings(.unknownKey).map(\.checkpointSize) == [60])
        #expect(report.findings.count == 1)
    }

    @Test func forgedCheckpointRootWithoutSignature() throws {
        let log = try LogFixture(count: 100, interval: 10)
        var lines = try Self.export(log)
        try Self.edit(&lines, seq: 57, recomputeLeafHash: true) { $0.operation = "policy.delete" }
        let position = try #require(lines.firstIndex { $0.contains(#""treeSize":60"#) })
        guard case .checkpoint(var checkpoint) = try AuditExport.decode(lines[position]) else {
            Issue.record("not a checkpoint line")
            return
        }
        var leaves = Array(log.leafHashes.prefix(60))
        if case .record(let record, _)? = try? AuditExport.decode(lines[try #require(Self.index(ofSeq: 57, in: lines))]) {
            leaves[56] = record.leafHash
        }
        checkpoint.checkpoint.rootHash = try MerkleTree.root(of: leaves)
        lines[position] = try AuditExport.encode(.checkpoint(checkpoint))
        let report = Self.verify(lines, log)
        #expect(report.findings(.badSignature).map(\.checkpointSize) == [60])
        #expect(report.findings(.rootMismatch).map(\.range) == [51...70])
    }

    @Test func untrustedPublicKey() throws {
        let log = try LogFixture(count: 100, interval: 10)
        let report = AuditExport.verify(lines: try Self.export(log), publicKey: signingKey(5).publicKey)
        #expect(report.findings(.unknownKey).count == 7)
        #expect(report.findings(.uncovered).map(\.range) == [41...95])
        #expect(report.verifiedThroughSize == 0)
    }

    @Test func forgedPrefix() throws {
        let log = try LogFixture(count: 100, interval: 10)
        var lines = try Self.export(log)
        guard case .header(var header) = try AuditExport.decode(lines[0]) else {
            Issue.record("not a header")
            return
        }
        var forged = MerkleFrontier()
        syntheticLeaves(40).forEach { forged.append($0) }
        header.prefix = forged
        lines[0] = try AuditExport.encode(.header(header))
        let report = Self.verify(lines, log)
        #expect(report.findings(.rootMismatch).map(\.checkpointSize) == [40])
        #expect(!report.ok)
    }

    @Test func forgedConsistencyProof() throws {
        let log = try LogFixture(count: 100, interval: 10)
        var lines = try Self.export(log)
        guard case .consistency(var proof) = try AuditExport.decode(lines[1]) else {
            Issue.record("not a consistency line")
            return
        }
        proof.hashes[0] = flipped(proof.hashes[0], bit: 1)
        lines[1] = try AuditExport.encode(.consistency(proof))
        let report = Self.verify(lines, log)
        #expect(report.findings(.consistencyFailed).map(\.checkpointSize) == [100])
        #expect(report.findings(.uncovered).map(\.range) == [91...95])
    }

    @Test func malformedLine() throws {
        let log = try LogFixture(count: 100, interval: 10)
        var lines = try Self.export(log)
        let position = try #require(Self.index(ofSeq: 57, in: lines))
        lines[position] = String(lines[position].dropLast(3))
        lines.insert(#"{"type":"gossip"}"#, at: 3)
        let report = Self.verify(lines, log)
        #expect(report.findings(.malformedLine).compactMap(\.line) == [4, position + 2])
        #expect(report.findings(.recordMissing).map(\.range) == [57...57])
    }

    @Test func missingOrChangedHeader() throws {
        let log = try LogFixture(count: 100, interval: 10)
        let lines = try Self.export(log)
        let headless = Self.verify(Array(lines.dropFirst()), log)
        #expect(!headless.ok)
        #expect(headless.findings(.malformedLine).contains { $0.message == "no header line" })

        var shifted = lines
        guard case .header(var header) = try AuditExport.decode(lines[0]) else {
            Issue.record("not a header")
            return
        }
        header.fromSeq = 42
        shifted[0] = try AuditExport.encode(.header(header))
        #expect(Self.verify(shifted, log).findings(.rangeMismatch).count == 1)

        header.fromSeq = 41
        header.version = 2
        shifted[0] = try AuditExport.encode(.header(header))
        #expect(Self.verify(shifted, log).findings(.malformedLine).count == 1)
    }

    @Test func extraRecordsBeyondTheHeaderRange() throws {
        let log = try LogFixture(count: 100, interval: 10)
        var lines = try Self.export(log)
        lines.append(try AuditExport.encode(.record(log.records[95], leafHash: log.leafHashes[95])))
        let report = Self.verify(lines, log)
        #expect(report.findings(.rangeMismatch).count == 1)
    }
}
