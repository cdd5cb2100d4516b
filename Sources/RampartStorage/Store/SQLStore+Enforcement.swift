// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    func syncState(datasource: String, in tenant: TenantID) async throws -> DatasourceSyncState? {
        try await sql.raw(
            "SELECT * FROM datasource_sync_state WHERE tenant_id = \(bind: tenant.rawValue) AND datasource_id = \(bind: datasource)"
        ).first().map(DatasourceSyncStateTable.decode)
    }

    func putSyncState(_ state: DatasourceSyncState) async throws {
        try await sql.raw(
            "DELETE FROM datasource_sync_state WHERE tenant_id = \(bind: state.tenantID.rawValue) AND datasource_id = \(bind: state.datasourceID)"
        )
        .run()
        try await sql.raw(DatasourceSyncStateTable.insert(state)).run()
    }

    func deleteSyncState(datasource: String, in tenant: TenantID) async throws {
        try await sql.raw("DELETE FROM datasource_sync_state WHERE tenant_id = \(bind: tenant.rawValue) AND datasource_id = \(bind: datasource)")
            .run()
    }
}
