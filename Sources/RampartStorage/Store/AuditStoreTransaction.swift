// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore

/// The tenants' audit logs, checkpoints and export cursors.
package protocol AuditStoreTransaction: Sendable {
    // MARK: Audit log (tenant-scoped; the platform's own log lives under `TenantID.platform`)
    /// Appends `records` to `tenant`'s log in this transaction, assigning gapless sequence numbers
    /// and extending the Merkle tree; returns them as stored.
    func appendAudit(_ records: [AuditRecord], in tenant: TenantID, at now: Int64) async throws -> [StoredAuditRecord]
    /// The tree head of `tenant`'s log, or nil when it has no records.
    func auditHead(_ tenant: TenantID) async throws -> MerkleFrontier?
    func auditRecords(_ tenant: TenantID, query: AuditQuery) async throws -> [StoredAuditRecord]
    /// Records in stored order from `fromSeq`, for verification and export.
    func auditRecords(_ tenant: TenantID, fromSeq: Int64, limit: Int) async throws -> [StoredAuditRecord]
    func auditLeafHashes(_ tenant: TenantID, upTo size: Int64) async throws -> [MerkleHash]
    func insertAuditCheckpoint(_ checkpoint: SignedCheckpoint) async throws
    func auditCheckpoints(_ tenant: TenantID) async throws -> [SignedCheckpoint]
    func latestAuditCheckpoint(_ tenant: TenantID) async throws -> SignedCheckpoint?
    /// Every log with its size and the size of its newest checkpoint.
    func auditTenants() async throws -> [(tenant: TenantID, size: Int64, checkpointed: Int64)]
    func insertAuditSigningKey(_ key: AuditSigningKeyRecord) async throws
    func auditSigningKeys(_ tenant: TenantID) async throws -> [AuditSigningKeyRecord]
    func allAuditSigningKeys() async throws -> [AuditSigningKeyRecord]
    func replaceAuditSigningKeyWrapping(_ tenant: TenantID, keyID: String, wrappedPrivateKey: String) async throws
    func auditExportCursor(sink: String, tenant: TenantID) async throws -> Int64
    func setAuditExportCursor(sink: String, tenant: TenantID, seq: Int64, at now: Int64) async throws
}
