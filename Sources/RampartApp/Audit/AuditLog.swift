// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartAuditLog
import RampartCore
import RampartStorage
import Synchronization

/// The server's side of the audit log: checkpoint signing keys, signed checkpoints and proofs.
///
/// Appending lives in ``AuditWriter`` and ``AuditedStore``; this type reads what they wrote.
package final class AuditLog: Sendable {
    private let store: any Store
    private let keyring: Keyring
    private let clock: any RampartClock
    private let keys = Mutex<[TenantID: SigningKey]>([:])

    package struct SigningKey: Sendable {
        package var keyID: String
        package var privateKey: Curve25519.Signing.PrivateKey
    }

    package init(store: any Store, keyring: Keyring, clock: any RampartClock) {
        self.store = store
        self.keyring = keyring
        self.clock = clock
    }

    /// The tenant's signing keys, oldest first, creating the first one when there is none.
    package func publicKeys(_ tenant: TenantID) async throws -> [AuditSigningKeyRecord] {
        _ = try await store.write { tx in try await self.signingKey(tenant, in: tx) }
        return try await store.read { tx in try await tx.auditSigningKeys(tenant) }
    }

    /// Signs a checkpoint of `tenant`'s log at its current size, unless the newest checkpoint is
    /// already at that size. Returns the newest checkpoint, or nil for an empty log.
    @discardableResult
    package func checkpoint(_ tenant: TenantID) async throws -> SignedCheckpoint? {
        let now = clock.nowMicroseconds()
        return try await store.write { tx in
            guard let head = try await tx.auditHead(tenant), head.size > 0 else { return nil }
            if let latest = try await tx.latestAuditCheckpoint(tenant), latest.treeSize >= head.size { return latest }
            let key = try await self.signingKey(tenant, in: tx)
            let checkpoint = Checkpoint(tenantID: tenant.rawValue, treeSize: head.size, rootHash: head.root, timestamp: now)
            let signed = try checkpoint.sign(with: key.privateKey)
            try await tx.insertAuditCheckpoint(signed)
            return signed
        }
    }

    /// Checkpoints every log that grew since its newest checkpoint. Returns how many were signed.
    package func checkpointAll() async throws -> Int {
        let logs = try await store.read { try await $0.auditTenants() }
        var signed = 0
        for log in logs where log.size > log.checkpointed {
            if try await checkpoint(log.tenant) != nil { signed += 1 }
        }
        return signed
    }

    package func inclusionProof(_ tenant: TenantID, seq: Int64, size: Int64) async throws -> (InclusionProof, StoredAuditRecord) {
        try await store.read { tx in
            let head = try await tx.auditHead(tenant)
            guard let head, size >= 1, size <= head.size, seq >= 1, seq <= size else {
                // Well-formed numbers that name no record or tree of this log: there is no such proof.
                throw RampartError(.notFound, "no such proof: `seq` must be from 1 to `size`, and `size` at most the log size \(head?.size ?? 0)")
            }
            guard let record = try await tx.auditRecords(tenant, fromSeq: seq, limit: 1).first, record.record.seq == seq else {
                throw RampartError.notFound("audit record")
            }
            let leaves = try await tx.auditLeafHashes(tenant, upTo: size)
            return (try InclusionProof(leafIndex: seq - 1, treeSize: size, leaves: leaves), record)
        }
    }

    package func consistencyProof(_ tenant: TenantID, from: Int64, to: Int64) async throws -> ConsistencyProof {
        try await store.read { tx in
            let head = try await tx.auditHead(tenant)
            guard let head, from >= 1, from <= to, to <= head.size else {
                throw RampartError(.notFound, "no such proof: `from` and `to` must satisfy 1 ≤ from ≤ to ≤ log size \(head?.size ?? 0)")
            }
            let leaves = try await tx.auditLeafHashes(tenant, upTo: to)
            return try ConsistencyProof(fromSize: from, toSize: to, leaves: leaves)
        }
    }

    private func signingKey(_ tenant: TenantID, in tx: any StoreTransaction) async throws -> SigningKey {
        if let cached = keys.withLock({ $0[tenant] }) { return cached }
        let key: SigningKey
        if let stored = try await tx.auditSigningKeys(tenant).last {
            let raw = try keyring.unwrapSigningKey(stored.wrappedPrivateKey, tenant: tenant, keyID: stored.keyID)
            key = SigningKey(keyID: stored.keyID, privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: raw.exposedValue))
        } else {
            let privateKey = Curve25519.Signing.PrivateKey()
            let publicKey = privateKey.publicKey.rawRepresentation
            let keyID = privateKey.publicKey.auditKeyID
            try await tx.insertAuditSigningKey(
                AuditSigningKeyRecord(
                    tenantID: tenant, keyID: keyID, publicKey: publicKey.base64EncodedString(),
                    wrappedPrivateKey: try keyring.wrapSigningKey(
                        Secret(Array(privateKey.rawRepresentation)), tenant: tenant, keyID: keyID),
                    createdAt: clock.now()))
            key = SigningKey(keyID: keyID, privateKey: privateKey)
        }
        keys.withLock { $0[tenant] = key }
        return key
    }
}
