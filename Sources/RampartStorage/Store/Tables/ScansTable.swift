// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `discovery_scans`.
enum ScansTable: StoredTable {
    static let name = "discovery_scans"
    static let id = Column<ScanJob, String>("id") { $0.id }
    static let tenantID = Column<ScanJob, String>("tenant_id") { $0.tenantID.rawValue }
    static let datasourceID = Column<ScanJob, String>("datasource_id") { $0.datasourceID }
    static let status = Column<ScanJob, String>("status") { $0.status.rawValue }
    static let options = Column<ScanJob, String>("options") { SQLStoreTransaction.json($0.options) }
    static let tablesDone = Column<ScanJob, Int64>("tables_done") { Int64($0.progress.tablesDone) }
    static let tablesTotal = Column<ScanJob, Int64>("tables_total") { Int64($0.progress.tablesTotal) }
    static let rowsRead = Column<ScanJob, Int64>("rows_read") { $0.progress.rowsRead }
    static let bytesRead = Column<ScanJob, Int64>("bytes_read") { $0.progress.bytesRead }
    static let currentTable = Column<ScanJob, String?>("current_table") { $0.progress.currentTable }
    static let error = Column<ScanJob, String?>("error") { $0.error }
    static let cancelRequested = Column<ScanJob, Int64>("cancel_requested") { Int64($0.cancelRequested ? 1 : 0) }
    static let instance = Column<ScanJob, String?>("instance") { $0.instance }
    static let heartbeatAt = Column<ScanJob, Int64?>("heartbeat_at") { $0.heartbeatAt }
    static let createdAt = Column<ScanJob, Int64>("created_at") { $0.createdAt }
    static let startedAt = Column<ScanJob, Int64?>("started_at") { $0.startedAt }
    static let finishedAt = Column<ScanJob, Int64?>("finished_at") { $0.finishedAt }

    static let columns = [
        AnyColumn(id), AnyColumn(tenantID), AnyColumn(datasourceID), AnyColumn(status), AnyColumn(options), AnyColumn(tablesDone),
        AnyColumn(tablesTotal), AnyColumn(rowsRead), AnyColumn(bytesRead), AnyColumn(currentTable), AnyColumn(error),
        AnyColumn(cancelRequested), AnyColumn(instance), AnyColumn(heartbeatAt), AnyColumn(createdAt), AnyColumn(startedAt),
        AnyColumn(finishedAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> ScanJob {
        ScanJob(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), datasourceID: try row.decode(datasourceID),
            status: ScanJob.Status(rawValue: try row.decode(status)) ?? .failed,
            options: SQLStoreTransaction.fromJSON(ScanOptions.self, try row.decode(options)) ?? ScanOptions(),
            progress: ScanProgress(
                tablesDone: Int(try row.decode(tablesDone)), tablesTotal: Int(try row.decode(tablesTotal)), rowsRead: try row.decode(rowsRead),
                bytesRead: try row.decode(bytesRead), currentTable: try row.decode(currentTable)),
            error: try row.decode(error), cancelRequested: try row.decode(cancelRequested) != 0, instance: try row.decode(instance),
            heartbeatAt: try row.decode(heartbeatAt), createdAt: try row.decode(createdAt), startedAt: try row.decode(startedAt),
            finishedAt: try row.decode(finishedAt))
    }
}
