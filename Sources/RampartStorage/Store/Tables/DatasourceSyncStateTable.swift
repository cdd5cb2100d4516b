// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `datasource_sync_state` (written by an upsert, see `putSyncState`).
enum DatasourceSyncStateTable: StoredTable {
    static let name = "datasource_sync_state"
    static let tenantID = Column<DatasourceSyncState, String>("tenant_id") { $0.tenantID.rawValue }
    static let datasourceID = Column<DatasourceSyncState, String>("datasource_id") { $0.datasourceID }
    static let policyVersion = Column<DatasourceSyncState, Int64?>("policy_version") { $0.policyVersion }
    static let inputs = Column<DatasourceSyncState, String?>("inputs") { $0.inputs }
    static let lastRunAt = Column<DatasourceSyncState, Int64>("last_run_at") { $0.lastRunAt }
    static let outcome = Column<DatasourceSyncState, String>("outcome") { $0.outcome.rawValue }
    static let statements = Column<DatasourceSyncState, Int64>("statements") { Int64($0.statements) }
    static let findings = Column<DatasourceSyncState, Int64>("findings") { Int64($0.findings) }
    static let drift = Column<DatasourceSyncState, Int64>("drift") { Int64($0.drift) }
    static let error = Column<DatasourceSyncState, String?>("error") { $0.error }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(datasourceID), AnyColumn(policyVersion), AnyColumn(inputs), AnyColumn(lastRunAt), AnyColumn(outcome),
        AnyColumn(statements),
        AnyColumn(findings), AnyColumn(drift), AnyColumn(error),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(datasourceID)]

    static func decode(_ row: any SQLRow) throws -> DatasourceSyncState {
        return DatasourceSyncState(
            tenantID: TenantID(try row.decode(tenantID)), datasourceID: try row.decode(datasourceID), policyVersion: try row.decode(policyVersion),
            inputs: try row.decode(inputs),
            lastRunAt: try row.decode(lastRunAt), outcome: DatasourceSyncState.Outcome(rawValue: try row.decode(outcome)) ?? .failed,
            statements: count(try row.decode(statements)), findings: count(try row.decode(findings)), drift: count(try row.decode(drift)),
            error: try row.decode(error))
    }
}
