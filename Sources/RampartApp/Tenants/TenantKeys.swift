// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// A tenant's data keys: their versions (never the keys themselves), rotation and re-encryption
/// of the tenant's secrets under the newest version. Old ciphertexts stay readable after a
/// rotation; re-encrypting them lets an old version be retired.
package struct TenantKeys: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// The tenant's data-key versions, oldest first.
    package func versions(of tenant: TenantID) async throws -> [Int] {
        try await services.store.read { try await $0.wrappedTenantKeys(tenant).map(\.version) }
    }

    /// Creates a new data-key version; with `rewrappingSecrets`, the tenant's secrets are
    /// re-encrypted under it in the same transaction. Returns the new version and how many
    /// secrets were re-encrypted.
    ///
    /// The token vault is not re-encrypted here (it may be large): ``reencryptVault(of:batch:progress:)``
    /// does it in batches afterwards.
    package func rotate(_ tenant: TenantID, rewrappingSecrets: Bool, audit: AuditContext?) async throws -> (version: Int, rewrapped: Int) {
        let now = services.clock.now()
        let keyring = services.keyring
        return try await services.store.recording(audit).write { tx in
            let version = try await keyring.rotate(tenant, in: tx, at: now)
            let rewrapped = rewrappingSecrets ? try await keyring.rewrapSecrets(tenant: tenant, in: tx, at: now) : 0
            return (version, rewrapped)
        }
    }

    /// Re-encrypts the tenant's secrets under its newest data key; returns how many.
    package func rewrapSecrets(of tenant: TenantID, audit: AuditContext?) async throws -> Int {
        let now = services.clock.now()
        let keyring = services.keyring
        return try await services.store.recording(audit).write { try await keyring.rewrapSecrets(tenant: tenant, in: $0, at: now) }
    }

    /// Re-encrypts the token vault of `tenant` under its newest data key, `batch` entries per
    /// transaction so protect and unprotect calls go on meanwhile (an entry is readable under
    /// either version throughout). `progress` hears (done, total) after each batch. Returns how
    /// many entries were re-encrypted.
    package func reencryptVault(
        of tenant: TenantID, batch: Int = 500, progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws -> Int {
        let keyring = services.keyring
        let store = services.store
        let current = try await store.read { try await keyring.currentKey(for: tenant, in: $0) }
        let total = try await store.read { try await $0.countVaultEntries(olderThanKeyVersion: current.version, in: tenant) }
        var done = 0
        progress(0, total)
        while true {
            let moved = try await store.write { tx -> Int in
                let entries = try await tx.vaultEntries(olderThanKeyVersion: current.version, in: tenant, limit: max(1, min(batch, 10_000)))
                for var entry in entries {
                    let purpose = VaultEntry.purpose(schemeID: entry.schemeID, token: entry.token)
                    let plain = try await keyring.decrypt(entry.ciphertext, tenant: tenant, purpose: purpose, in: tx)
                    entry.ciphertext = try Envelope.seal(plain, with: current, purpose: purpose)
                    entry.keyVersion = current.version
                    try await tx.replaceVaultEntry(entry)
                }
                return entries.count
            }
            if moved == 0 { break }
            done += moved
            progress(min(done, max(total, done)), max(total, done))
        }
        return done
    }

    /// Re-wraps every tenant's data keys under a new master key; returns how many.
    package func rewrapDataKeys(under master: MasterKey, audit: AuditContext?) async throws -> Int {
        let keyring = services.keyring
        return try await services.store.recording(audit).write { try await keyring.rewrapDataKeys(under: master, in: $0) }
    }
}
