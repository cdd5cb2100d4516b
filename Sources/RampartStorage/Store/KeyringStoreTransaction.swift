// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore

/// The tenants' data keys and envelope-encrypted secrets.
package protocol KeyringStoreTransaction: Sendable {
    // MARK: Keyring
    func wrappedTenantKeys(_ tenant: TenantID) async throws -> [(version: Int, wrapped: String)]
    func allWrappedTenantKeys() async throws -> [(tenant: TenantID, version: Int, wrapped: String)]
    func insertWrappedTenantKey(_ tenant: TenantID, version: Int, wrapped: String, at: Int64) async throws
    func replaceWrappedTenantKey(_ tenant: TenantID, version: Int, wrapped: String) async throws

    // MARK: Tenant secrets (envelope-encrypted values)
    func putSecret(_ name: String, ciphertext: String, in tenant: TenantID, at: Int64) async throws
    func secret(_ name: String, in tenant: TenantID) async throws -> String?
    func secrets(in tenant: TenantID) async throws -> [(name: String, ciphertext: String)]
}
