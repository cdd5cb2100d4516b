// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// The store operations enforcement inside PostgreSQL needs, part of every ``StoreTransaction``.
package protocol EnforcementStoreTransaction: Sendable {
    func syncState(datasource: String, in tenant: TenantID) async throws -> DatasourceSyncState?
    func putSyncState(_ state: DatasourceSyncState) async throws
    func deleteSyncState(datasource: String, in tenant: TenantID) async throws
}
