// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `discovery_tags` (written by an upsert, see `putTagAssignment`).
enum TagsTable: StoredTable {
    static let name = "discovery_tags"
    static let tenantID = Column<TagAssignment, String>("tenant_id") { $0.tenantID.rawValue }
    static let datasourceID = Column<TagAssignment, String>("datasource_id") { $0.datasourceID }
    static let databaseName = Column<TagAssignment, String>("database_name") { $0.database }
    static let tableName = Column<TagAssignment, String>("table_name") { $0.table }
    static let columnName = Column<TagAssignment, String>("column_name") { $0.column }
    static let tag = Column<TagAssignment, String>("tag") { $0.tag }
    static let dataClass = Column<TagAssignment, String>("data_class") { $0.dataClass }
    static let confidence = Column<TagAssignment, Double>("confidence") { $0.confidence }
    static let scanID = Column<TagAssignment, String>("scan_id") { $0.scanID }
    static let assignedAt = Column<TagAssignment, Int64>("assigned_at") { $0.assignedAt }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(datasourceID), AnyColumn(databaseName), AnyColumn(tableName), AnyColumn(columnName), AnyColumn(tag),
        AnyColumn(dataClass), AnyColumn(confidence), AnyColumn(scanID), AnyColumn(assignedAt),
    ]
    static let key = [
        AnyColumn(tenantID), AnyColumn(datasourceID), AnyColumn(databaseName), AnyColumn(tableName), AnyColumn(columnName), AnyColumn(tag),
    ]
    /// A tag assigned again keeps the time it was first assigned.
    static let fixed: Set<String> = [assignedAt.name]

    static func decode(_ row: any SQLRow) throws -> TagAssignment {
        TagAssignment(
            tenantID: TenantID(try row.decode(tenantID)), datasourceID: try row.decode(datasourceID), database: try row.decode(databaseName),
            table: try row.decode(tableName), column: try row.decode(columnName), tag: try row.decode(tag),
            dataClass: try row.decode(dataClass), confidence: try row.decode(confidence), scanID: try row.decode(scanID),
            assignedAt: try row.decode(assignedAt))
    }
}
