// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore
import RampartStorage

/// What a tenant's auditors read from its log: records, signed checkpoints, Merkle proofs and
/// the log's public keys. Everything comes from the caller's tenant log only.
package struct AuditQueries: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// A page of records matching `filter` (its `limit` is the page size), oldest first.
    package func records(_ filter: AuditQuery, in tenant: TenantID) async throws -> Page<StoredAuditRecord> {
        var oneMore = filter
        oneMore.limit += 1
        let query = oneMore
        let records = try await services.store.read { try await $0.auditRecords(tenant, query: query) }
        return Page(limit: filter.limit, of: records) { String($0.record.seq) }
    }

    package func latestCheckpoint(in tenant: TenantID) async throws -> SignedCheckpoint {
        guard let latest = try await services.store.read({ try await $0.latestAuditCheckpoint(tenant) }) else {
            throw RampartError.notFound("checkpoint")
        }
        return latest
    }

    /// Signs a checkpoint of the log as it is now.
    package func checkpoint(in tenant: TenantID) async throws -> SignedCheckpoint {
        guard let signed = try await services.auditLog.checkpoint(tenant) else { throw RampartError.notFound("audit record") }
        return signed
    }

    /// The proof that record `seq` is in the tree of `size` records (the latest checkpoint's
    /// size when not given), with that checkpoint when it is of that size.
    package func inclusionProof(
        seq: Int64, size: Int64?, in tenant: TenantID
    ) async throws -> (
        proof: InclusionProof, record: StoredAuditRecord, treeSize: Int64, checkpoint: SignedCheckpoint?
    ) {
        let checkpoint = try await services.store.read { try await $0.latestAuditCheckpoint(tenant) }
        guard let treeSize = size ?? checkpoint?.checkpoint.treeSize else {
            throw RampartError.validation("`size` is required until the log has a checkpoint", field: "size")
        }
        let (proof, record) = try await services.auditLog.inclusionProof(tenant, seq: seq, size: treeSize)
        return (proof, record, treeSize, checkpoint?.checkpoint.treeSize == treeSize ? checkpoint : nil)
    }

    package func consistencyProof(from: Int64, to: Int64, in tenant: TenantID) async throws -> ConsistencyProof {
        try await services.auditLog.consistencyProof(tenant, from: from, to: to)
    }

    package func publicKeys(in tenant: TenantID) async throws -> [AuditSigningKeyRecord] {
        try await services.auditLog.publicKeys(tenant)
    }
}
