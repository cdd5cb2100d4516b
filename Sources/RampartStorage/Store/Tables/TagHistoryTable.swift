// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `discovery_tag_history`.
enum TagHistoryTable: StoredTable {
    static let name = "discovery_tag_history"
    static let id = Column<TagHistoryEntry, String>("id") { $0.id }
    static let tenantID = Column<TagHistoryEntry, String>("tenant_id") { $0.tenantID.rawValue }
    static let datasourceID = Column<TagHistoryEntry, String>("datasource_id") { $0.datasourceID }
    static let databaseName = Column<TagHistoryEntry, String>("database_name") { $0.database }
    static let tableName = Column<TagHistoryEntry, String>("table_name") { $0.table }
    static let columnName = Column<TagHistoryEntry, String>("column_name") { $0.column }
    static let tag = Column<TagHistoryEntry, String>("tag") { $0.tag }
    static let action = Column<TagHistoryEntry, String>("action") { $0.action.rawValue }
    static let scanID = Column<TagHistoryEntry, String>("scan_id") { $0.scanID }
    static let at = Column<TagHistoryEntry, Int64>("at") { $0.at }
    static let actor = Column<TagHistoryEntry, String?>("actor") { $0.actor }

    static let columns = [
        AnyColumn(id), AnyColumn(tenantID), AnyColumn(datasourceID), AnyColumn(databaseName), AnyColumn(tableName), AnyColumn(columnName),
        AnyColumn(tag), AnyColumn(action), AnyColumn(scanID), AnyColumn(at), AnyColumn(actor),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> TagHistoryEntry {
        TagHistoryEntry(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), datasourceID: try row.decode(datasourceID),
            database: try row.decode(databaseName), table: try row.decode(tableName), column: try row.decode(columnName),
            tag: try row.decode(tag), action: TagHistoryEntry.Action(rawValue: try row.decode(action)) ?? .removed,
            scanID: try row.decode(scanID), at: try row.decode(at), actor: try row.decode(actor))
    }
}
