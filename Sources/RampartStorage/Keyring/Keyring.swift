// SPDX-License-Identifier: Apache-2.0

import RampartCore
import Synchronization

/// Envelope encryption for tenant data: per-tenant, versioned data keys wrapped by the master key.
///
/// Rotation adds a version; it never deletes one, so every ciphertext ever written stays readable.
/// ``rewrapSecrets(tenant:)`` moves stored secrets onto the newest version, after which the older
/// versions are merely unused.
package final class Keyring: Sendable {
    private let master: MasterKey
    private let cache = Mutex<[CacheKey: DataKey]>([:])

    private struct CacheKey: Hashable {
        let tenant: TenantID
        let version: Int
    }

    package static let fingerprintSetting = "keyring.master_key_fingerprint"

    package init(master: MasterKey) { self.master = master }

    package var masterFingerprint: String { master.fingerprint }

    /// Records the master key's fingerprint on first use and refuses a different key later, so a
    /// server started with the wrong key says so at once instead of failing on some later read.
    package func checkMasterKey(_ tx: any StoreTransaction) async throws {
        if let stored = try await tx.setting(Self.fingerprintSetting) {
            guard stored == master.fingerprint else {
                throw RampartError(
                    .keyring,
                    "the master key does not match this database (fingerprint \(master.fingerprint), expected \(stored)); "
                        + "set RAMPART_MASTER_KEY or the key file to the key this database was created with")
            }
        } else {
            try await tx.setSetting(Self.fingerprintSetting, value: master.fingerprint)
        }
    }

    /// Creates version 1 of a new tenant's data key, in the caller's transaction.
    package func createFirstKey(for tenant: TenantID, in tx: any StoreTransaction, at now: Int64) async throws {
        let key = DataKey.generate(tenantID: tenant, version: 1)
        try await tx.insertWrappedTenantKey(tenant, version: 1, wrapped: try key.wrapped(by: master), at: now)
        remember(key)
    }

    /// Adds a new key version for `tenant`; new encryptions use it from now on. Returns the version.
    @discardableResult
    package func rotate(_ tenant: TenantID, in tx: any StoreTransaction, at now: Int64) async throws -> Int {
        let versions = try await tx.wrappedTenantKeys(tenant).map(\.version)
        let next = (versions.max() ?? 0) + 1
        let key = DataKey.generate(tenantID: tenant, version: next)
        try await tx.insertWrappedTenantKey(tenant, version: next, wrapped: try key.wrapped(by: master), at: now)
        remember(key)
        return next
    }

    /// The newest key of `tenant`.
    package func currentKey(for tenant: TenantID, in tx: any StoreTransaction) async throws -> DataKey {
        let wrapped = try await tx.wrappedTenantKeys(tenant)
        guard let newest = wrapped.max(by: { $0.version < $1.version }) else {
            throw RampartError(.keyring, "tenant \(tenant) has no data key")
        }
        return try unwrap(tenant: tenant, version: newest.version, wrapped: newest.wrapped)
    }

    /// A specific key version of `tenant`.
    package func key(for tenant: TenantID, version: Int, in tx: any StoreTransaction) async throws -> DataKey {
        if let cached = cache.withLock({ $0[CacheKey(tenant: tenant, version: version)] }) { return cached }
        guard let wrapped = try await tx.wrappedTenantKeys(tenant).first(where: { $0.version == version }) else {
            throw RampartError(.keyring, "tenant \(tenant) has no data key version \(version)")
        }
        return try unwrap(tenant: tenant, version: version, wrapped: wrapped.wrapped)
    }

    package func encrypt(_ plaintext: Secret<[UInt8]>, tenant: TenantID, purpose: String, in tx: any StoreTransaction) async throws -> String {
        try Envelope.seal(plaintext, with: try await currentKey(for: tenant, in: tx), purpose: purpose)
    }

    package func decrypt(_ envelope: String, tenant: TenantID, purpose: String, in tx: any StoreTransaction) async throws -> Secret<[UInt8]> {
        guard let version = Envelope.keyVersion(of: envelope) else {
            throw RampartError(.keyring, "encrypted value is malformed")
        }
        return try Envelope.open(envelope, with: try await key(for: tenant, version: version, in: tx), purpose: purpose)
    }

    /// Stores `plaintext` as the tenant secret `name`, encrypted with the current key.
    package func putSecret(_ name: String, _ plaintext: Secret<[UInt8]>, tenant: TenantID, in tx: any StoreTransaction, at now: Int64) async throws {
        let envelope = try await encrypt(plaintext, tenant: tenant, purpose: "secret:\(name)", in: tx)
        try await tx.putSecret(name, ciphertext: envelope, in: tenant, at: now)
    }

    package func secret(_ name: String, tenant: TenantID, in tx: any StoreTransaction) async throws -> Secret<[UInt8]>? {
        guard let envelope = try await tx.secret(name, in: tenant) else { return nil }
        return try await decrypt(envelope, tenant: tenant, purpose: "secret:\(name)", in: tx)
    }

    /// Re-encrypts every stored secret of `tenant` that is not on the newest key version.
    /// Returns how many were rewritten.
    package func rewrapSecrets(tenant: TenantID, in tx: any StoreTransaction, at now: Int64) async throws -> Int {
        let current = try await currentKey(for: tenant, in: tx)
        var rewritten = 0
        for (name, envelope) in try await tx.secrets(in: tenant) where Envelope.keyVersion(of: envelope) != current.version {
            let plaintext = try await decrypt(envelope, tenant: tenant, purpose: "secret:\(name)", in: tx)
            try await tx.putSecret(
                name, ciphertext: try Envelope.seal(plaintext, with: current, purpose: "secret:\(name)"), in: tenant, at: now)
            rewritten += 1
        }
        return rewritten
    }

    /// Re-wraps every tenant data key under `newMaster` and records its fingerprint. After the
    /// transaction commits, the server must be restarted with the new master key.
    package func rewrapDataKeys(under newMaster: MasterKey, in tx: any StoreTransaction) async throws -> Int {
        let all = try await tx.allWrappedTenantKeys()
        for entry in all {
            let key = try DataKey.unwrap(entry.wrapped, tenantID: entry.tenant, version: entry.version, master: master)
            try await tx.replaceWrappedTenantKey(entry.tenant, version: entry.version, wrapped: try key.wrapped(by: newMaster))
        }
        let signingKeys = try await tx.allAuditSigningKeys()
        for entry in signingKeys {
            let context = Self.signingKeyContext(tenant: entry.tenantID, keyID: entry.keyID)
            let raw = try master.open(entry.wrappedPrivateKey, context: context)
            try await tx.replaceAuditSigningKeyWrapping(
                entry.tenantID, keyID: entry.keyID, wrappedPrivateKey: try newMaster.seal(raw, context: context))
        }
        // The operator's TOTP secrets are sealed under the master key too (the platform has no data key).
        let authenticators = try await tx.platformTOTPCredentials()
        for var credential in authenticators {
            let context = Self.platformTOTPContext(subjectID: credential.subjectID)
            let raw = try master.open(credential.sealedSecret, context: context)
            credential.sealedSecret = try newMaster.seal(raw, context: context)
            try await tx.putTOTPCredential(credential)
        }
        try await tx.setSetting(Self.fingerprintSetting, value: newMaster.fingerprint)
        return all.count + signingKeys.count + authenticators.count
    }

    /// Wraps an audit checkpoint signing key under the master key, bound to its tenant and key id.
    package func wrapSigningKey(_ raw: Secret<[UInt8]>, tenant: TenantID, keyID: String) throws -> String {
        try master.seal(raw, context: Self.signingKeyContext(tenant: tenant, keyID: keyID))
    }

    package func unwrapSigningKey(_ wrapped: String, tenant: TenantID, keyID: String) throws -> Secret<[UInt8]> {
        try master.open(wrapped, context: Self.signingKeyContext(tenant: tenant, keyID: keyID))
    }

    /// Seals a TOTP secret of `subjectID` in `tenant`: under the tenant's data key, or under the
    /// master key for the platform operator, whose scope has no data key.
    package func sealTOTPSecret(
        _ raw: Secret<[UInt8]>, subjectID: String, tenant: TenantID, in tx: any StoreTransaction
    ) async throws
        -> String
    {
        if tenant == .platform { return try master.seal(raw, context: Self.platformTOTPContext(subjectID: subjectID)) }
        return try await encrypt(raw, tenant: tenant, purpose: Self.totpPurpose(subjectID: subjectID), in: tx)
    }

    package func openTOTPSecret(
        _ sealed: String, subjectID: String, tenant: TenantID, in tx: any StoreTransaction
    ) async throws
        -> Secret<[UInt8]>
    {
        if tenant == .platform { return try master.open(sealed, context: Self.platformTOTPContext(subjectID: subjectID)) }
        return try await decrypt(sealed, tenant: tenant, purpose: Self.totpPurpose(subjectID: subjectID), in: tx)
    }

    private static func totpPurpose(subjectID: String) -> String { "mfa-totp:\(subjectID)" }

    private static func platformTOTPContext(subjectID: String) -> String { "rampart-mfa-totp-v1|platform|\(subjectID)" }

    private static func signingKeyContext(tenant: TenantID, keyID: String) -> String {
        "rampart-audit-signing-key-v1|\(tenant.rawValue)|\(keyID)"
    }

    private func unwrap(tenant: TenantID, version: Int, wrapped: String) throws -> DataKey {
        if let cached = cache.withLock({ $0[CacheKey(tenant: tenant, version: version)] }) { return cached }
        let key = try DataKey.unwrap(wrapped, tenantID: tenant, version: version, master: master)
        remember(key)
        return key
    }

    private func remember(_ key: DataKey) {
        cache.withLock { $0[CacheKey(tenant: key.tenantID, version: key.version)] = key }
    }
}
