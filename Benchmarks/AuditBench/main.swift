// SPDX-License-Identifier: Apache-2.0

// Times the audit-log hot paths at one million records. Run in release:
//   swift run -c release AuditBench [records]

import Crypto
import Foundation
import RampartAuditLog

let count = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
let checkpointInterval = 10_000
let clock = ContinuousClock()

/// CPU time of this process: the machine is shared, so wall time alone overstates our cost.
func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func measure<T>(_ label: String, per items: Int? = nil, _ body: () throws -> T) rethrows -> T {
    let start = clock.now
    let cpuStart = cpuSeconds()
    let result = try body()
    let elapsed = clock.now - start
    let cpu = cpuSeconds() - cpuStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    var line = "\(label): \(String(format: "%.3f", seconds)) s wall, \(String(format: "%.3f", cpu)) s cpu"
    if let items, items > 0 {
        line += String(format: "  (%.2f µs/item cpu)", cpu * 1e6 / Double(items))
    }
    print(line)
    return result
}

/// A pool of realistic records; the benchmark varies `seq` so every leaf differs.
let pool: [AuditRecord] = (0..<1000).map { (index: Int) -> AuditRecord in
    let actorType: String = index % 9 == 0 ? "apiKey" : "user"
    let outcome: String = index % 5 == 0 ? "denied" : "allowed"
    let batchID: String? = index % 4 == 0 ? "batch-\(index / 4)" : nil
    let requestID: String = "req-" + UUID().uuidString
    let details: String = #"{"rowsReturned":"# + String(index) + #","masked":["ssn","email"]}"#
    var record = AuditRecord(
        seq: 0,
        time: 1_767_225_600_000_000 + Int64(index) * 1_000,
        tenantID: "tenant-3f2a9c",
        actorType: actorType,
        operation: "decision.evaluate",
        outcome: outcome
    )
    record.actorID = "user-\(index % 97)"
    record.sourceIP = "198.51.100.\(index % 250)"
    record.userAgent = "Mozilla/5.0 (X11; Linux x86_64) rampart-console/2.3"
    record.method = "POST"
    record.path = "/v1/tenants/tenant-3f2a9c/decisions"
    record.entityType = "dataset"
    record.entityID = "ds-\(index % 31)"
    record.status = 200
    record.requestID = requestID
    record.batchID = batchID
    record.service = "hive"
    record.resource = "database=sales/table=orders_\(index % 13)/column=amount"
    record.accessType = "select"
    record.policyID = "policy-\(index % 17)"
    record.policyVersion = Int64(index % 5 + 1)
    record.details = details
    return record
}

func record(_ seq: Int) -> AuditRecord {
    var record = pool[seq % pool.count]
    record.seq = Int64(seq)
    return record
}

print("AuditBench: \(count) records, checkpoint every \(checkpointInterval)")
let tenantID = pool[0].tenantID
let key = Curve25519.Signing.PrivateKey()

// 0. The parts: the canonical encoding alone, and SHA-256 node hashes alone.
measure("canonical encoding alone, \(count) records", per: count) {
    var total = 0
    for seq in 1...count {
        total &+= record(seq).canonicalBytes.count
    }
    print("  average canonical record \(total / count) bytes")
}
measure("node hashes alone, \(count)", per: count) {
    var hash = RFC9162.emptyRoot
    for _ in 0..<count {
        hash = RFC9162.nodeHash(hash, hash)
    }
    print("  \(hash.hex.prefix(8))")
}

// 1. Leaf hashes: canonical encoding + SHA-256.
let leaves: [MerkleHash] = measure("leaf hashes for \(count) records (encode + SHA-256)", per: count) {
    var leaves = [MerkleHash]()
    leaves.reserveCapacity(count)
    for seq in 1...count {
        leaves.append(record(seq).leafHash)
    }
    return leaves
}

// 2. Frontier appends.
let frontier: MerkleFrontier = measure("append \(count) leaf hashes to a frontier", per: count) {
    var frontier = MerkleFrontier()
    for leaf in leaves {
        frontier.append(leaf)
    }
    return frontier
}
print("  root \(frontier.root.hex), frontier \(frontier.serialized().count) bytes")

// Checkpoints (setup, not timed as verification).
var checkpoints = [SignedCheckpoint]()
do {
    var running = MerkleFrontier()
    try measure("build + sign \(count / checkpointInterval) checkpoints") {
        for (index, leaf) in leaves.enumerated() {
            running.append(leaf)
            if (index + 1) % checkpointInterval == 0 || index + 1 == count {
                let checkpoint = Checkpoint(tenantID: tenantID, treeSize: running.size, rootHash: running.root, timestamp: Int64(index))
                checkpoints.append(try checkpoint.sign(with: key))
            }
        }
    }
} catch {
    print("signing failed: \(error)")
}

// 3. Full verification: records with stored leaf hashes and all checkpoints.
let report = measure("verify \(count) records + \(checkpoints.count) checkpoints", per: count) {
    var verifier = AuditLogVerifier(tenantID: tenantID, trustedKeys: [key.publicKey])
    for checkpoint in checkpoints {
        verifier.add(checkpoint)
    }
    for seq in 1...count {
        verifier.add(record(seq), storedLeafHash: leaves[seq - 1])
    }
    return verifier.finish()
}
print("  ok=\(report.ok) records=\(report.recordsChecked) checkpointsVerified=\(report.checkpointsVerified) findings=\(report.findings.count)")

// 4. Tree algorithms at n = count.
let n = Int64(count)
_ = try measure("root of \(count) leaves (MerkleTree.root)") { try MerkleTree.root(of: leaves) }
let oldSize = n * 2 / 3 + 1
let consistency = try measure("consistency proof \(oldSize) → \(n)") {
    try MerkleTree.consistencyProof(from: oldSize, to: n, leaves: leaves)
}
var oldFrontier = MerkleFrontier()
leaves.prefix(Int(oldSize)).forEach { oldFrontier.append($0) }
let consistent = measure("verify that consistency proof (\(consistency.count) hashes)") {
    MerkleTree.verifyConsistency(from: oldSize, to: n, proof: consistency, oldRoot: oldFrontier.root, newRoot: frontier.root)
}
print("  verified=\(consistent)")
let probe = n / 8
let inclusion = try measure("inclusion proof for seq \(probe + 1) in \(n)") {
    try MerkleTree.inclusionProof(index: probe, size: n, leaves: leaves)
}
print("  verified=\(MerkleTree.verifyInclusion(leafHash: leaves[Int(probe)], index: probe, size: n, proof: inclusion, root: frontier.root))")

// 5. Export: write and verify JSON lines for the whole log (held in memory, ~0.7 GB).
let exportCount = count
do {
    let exportCheckpoints = checkpoints.filter { $0.treeSize <= Int64(exportCount) }
    let header = AuditExportHeader(tenantID: tenantID, fromSeq: 1, toSeq: Int64(exportCount), publicKey: key.publicKey, prefix: MerkleFrontier())
    let writer = AuditExportWriter(header: header, checkpoints: exportCheckpoints)
    let lines = try measure("write export of \(exportCount) records", per: exportCount) {
        var lines = try writer.headerLines()
        lines.reserveCapacity(exportCount + lines.count)
        for seq in 1...exportCount {
            lines.append(try writer.recordLine(record(seq), leafHash: leaves[seq - 1]))
        }
        return lines
    }
    print("  average line \(lines.reduce(0) { $0 + $1.utf8.count } / lines.count) bytes")
    measure("parse export lines alone, \(exportCount)", per: exportCount) {
        var parsed = 0
        for line in lines where (try? AuditExport.decode(line)) != nil {
            parsed += 1
        }
        print("  parsed \(parsed) lines")
    }
    let exportReport = measure("verify export of \(exportCount) records", per: exportCount) {
        AuditExport.verify(lines: lines, publicKey: key.publicKey)
    }
    print("  ok=\(exportReport.ok) verifiedThrough=\(exportReport.verifiedThroughSize)")
} catch {
    print("export failed: \(error)")
}
