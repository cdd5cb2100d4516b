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

    /// Re-wraps every tenant's data keys under a new master key; returns how many.
    package func rewrapDataKeys(under master: MasterKey, audit: AuditContext?) async throws -> Int {
        let keyring = services.keyring
        return try await services.store.recording(audit).write { try await keyring.rewrapDataKeys(under: master, in: $0) }
    }
}
