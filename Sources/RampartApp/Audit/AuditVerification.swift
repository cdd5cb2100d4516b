// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartAuditLog
import RampartCore
import RampartStorage

/// Verification and export of a tenant's stored audit log, shared by `rampart audit` and tests.
package enum AuditVerification {
    /// Records read per transaction while streaming; memory stays flat for any log size.
    package static let pageSize = 10_000

    /// Recomputes `tenant`'s tree from the stored records and checks every checkpoint.
    ///
    /// - Parameter trustedKeys: the keys checkpoints must be signed with. `nil` trusts the public
    ///   keys stored beside the log, which catches every edit that does not also forge
    ///   signatures; pass a key obtained out of band (`GET /v1/audit/public-key`, kept elsewhere)
    ///   to catch an attacker who replaced the stored key too.
    package static func verify(
        store: any Store, tenant: TenantID, trustedKeys: [Curve25519.Signing.PublicKey]? = nil
    ) async throws -> VerificationReport {
        let (checkpoints, storedKeys, head) = try await store.read { tx in
            (try await tx.auditCheckpoints(tenant), try await tx.auditSigningKeys(tenant), try await tx.auditHead(tenant))
        }
        let keys = try trustedKeys ?? storedKeys.map { try publicKey($0.publicKey) }
        var verifier = AuditLogVerifier(tenantID: tenant.rawValue, trustedKeys: keys)
        for checkpoint in checkpoints { verifier.add(checkpoint) }
        var next: Int64 = 1
        var lastSeq: Int64 = 0
        while true {
            let from = next
            let page = try await store.read { tx in try await tx.auditRecords(tenant, fromSeq: from, limit: pageSize) }
            for stored in page {
                verifier.add(stored.record, storedLeafHash: stored.leafHash)
                lastSeq = max(lastSeq, stored.record.seq)
            }
            guard page.count == pageSize, let last = page.last else { break }
            next = last.record.seq + 1
        }
        var report = verifier.finish()
        // The head row counts what was appended; fewer stored records means the tail was cut
        // after the newest checkpoint, where no signature covers it yet.
        if let head, head.size > lastSeq {
            report.ok = false
            report.findings.append(
                VerificationFinding(
                    .truncated, range: (lastSeq + 1)...head.size,
                    message: "the log head counts \(head.size) records but the last stored record is \(lastSeq)"))
        }
        return report
    }

    /// Writes `tenant`'s records `from...to` (seqs) as an export: JSON lines with the header,
    /// the checkpoints that cover the range, a consistency proof to the next checkpoint when the
    /// range ends between checkpoints, and the records.
    package static func export(
        store: any Store, tenant: TenantID, from: Int64, to requestedTo: Int64?, write: (String) throws -> Void
    ) async throws -> (records: Int64, to: Int64) {
        let (head, checkpoints, keys) = try await store.read { tx in
            (try await tx.auditHead(tenant), try await tx.auditCheckpoints(tenant), try await tx.auditSigningKeys(tenant))
        }
        guard let head, head.size > 0 else { throw RampartError.notFound("audit record") }
        let to = min(requestedTo ?? head.size, head.size)
        guard from >= 1, from <= to else {
            throw RampartError.validation("the range must satisfy 1 ≤ from ≤ to ≤ \(head.size)", field: "from")
        }
        guard let newestKey = keys.last else { throw RampartError(.keyring, "the log has no signing key yet; sign a checkpoint first") }
        let prefixLeaves = from > 1 ? try await store.read { tx in try await tx.auditLeafHashes(tenant, upTo: from - 1) } : []
        var prefix = MerkleFrontier()
        for leaf in prefixLeaves { prefix.append(leaf) }
        var tailProofs: [ConsistencyProof] = []
        if !checkpoints.contains(where: { $0.treeSize == to }), let next = checkpoints.first(where: { $0.treeSize > to }) {
            let leaves = try await store.read { tx in try await tx.auditLeafHashes(tenant, upTo: next.treeSize) }
            tailProofs.append(try ConsistencyProof(fromSize: to, toSize: next.treeSize, leaves: leaves))
        }
        let header = AuditExportHeader(
            tenantID: tenant.rawValue, fromSeq: from, toSeq: to, publicKey: try publicKey(newestKey.publicKey), prefix: prefix)
        let writer = AuditExportWriter(header: header, checkpoints: checkpoints, tailProofs: tailProofs)
        for line in try writer.headerLines() { try write(line) }
        var next = from
        var written: Int64 = 0
        while next <= to {
            let start = next
            let page = try await store.read { tx in try await tx.auditRecords(tenant, fromSeq: start, limit: pageSize) }
            for stored in page where stored.record.seq <= to {
                try write(try writer.recordLine(stored.record, leafHash: stored.leafHash))
                written += 1
            }
            guard let last = page.last, page.count == pageSize else { break }
            next = last.record.seq + 1
        }
        return (written, to)
    }

    package static func publicKey(_ base64: String) throws -> Curve25519.Signing.PublicKey {
        guard let raw = Data(base64Encoded: base64.trimmingWhitespace()),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else { throw RampartError(.validationFailed, "a public key must be a base64 Ed25519 key (32 bytes)") }
        return key
    }
}
