// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// The store operations of encryption schemes and the token vault, part of every ``StoreTransaction``.
package protocol EncryptionStoreTransaction: Sendable {
    func insertEncryptionScheme(_ scheme: EncryptionScheme) async throws
    func encryptionSchemes(in tenant: TenantID) async throws -> [EncryptionScheme]
    func encryptionScheme(named name: String, in tenant: TenantID) async throws -> EncryptionScheme?
    /// Deletes the scheme and its vault entries; `false` when there was no such scheme.
    func deleteEncryptionScheme(id: String, in tenant: TenantID) async throws -> Bool

    /// Adds entries whose token is not in the vault yet (a token already there keeps its entry:
    /// the same value gives the same token).
    func insertVaultEntries(_ entries: [VaultEntry]) async throws
    /// The entries of these tokens that exist, by token.
    func vaultEntries(scheme: String, tokens: [String], in tenant: TenantID) async throws -> [String: VaultEntry]
    /// Up to `limit` entries sealed with a data-key version older than `version` (never newer: two
    /// rotations at once must not move entries back and forth).
    func vaultEntries(olderThanKeyVersion version: Int, in tenant: TenantID, limit: Int) async throws -> [VaultEntry]
    func replaceVaultEntry(_ entry: VaultEntry) async throws
    func countVaultEntries(olderThanKeyVersion version: Int, in tenant: TenantID) async throws -> Int
}
