// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore

/// Tenants, operators and server settings: the platform scope.
package protocol TenantStoreTransaction: Sendable {
    // MARK: Tenants (platform scope)
    func insertTenant(_ tenant: Tenant) async throws
    func tenant(id: TenantID) async throws -> Tenant?
    func tenant(slug: String) async throws -> Tenant?
    func tenants(page: PageRequest) async throws -> Page<Tenant>
    func updateTenant(_ tenant: Tenant) async throws
    /// The directory the operator mapped the tenant's file datasources to, if any.
    func tenantDatasourceRoot(_ tenant: TenantID) async throws -> String?
    /// Maps (or, with `nil`, unmaps) the tenant's file datasources to a directory.
    func setTenantDatasourceRoot(_ root: String?, for tenant: TenantID) async throws

    // MARK: Operators (platform scope)
    func operatorCount() async throws -> Int
    func insertOperator(id: OperatorID, username: String, passwordHash: String, at: Int64) async throws
    func operatorCredentials(username: String) async throws -> (id: OperatorID, passwordHash: String)?
    func operatorUsername(id: OperatorID) async throws -> String?

    // MARK: Server settings
    func setting(_ name: String) async throws -> String?
    func setSetting(_ name: String, value: String) async throws
}
