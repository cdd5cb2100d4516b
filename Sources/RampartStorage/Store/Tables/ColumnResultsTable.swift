// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `discovery_column_results`.
enum ColumnResultsTable: StoredTable {
    static let name = "discovery_column_results"
    static let tenantID = Column<ScanColumnResult, String>("tenant_id") { $0.tenantID.rawValue }
    static let scanID = Column<ScanColumnResult, String>("scan_id") { $0.scanID }
    static let tableName = Column<ScanColumnResult, String>("table_name") { $0.table }
    static let columnName = Column<ScanColumnResult, String>("column_name") { $0.column }
    static let classes = Column<ScanColumnResult, String>("classes") { SQLStoreTransaction.json($0.classes) }
    static let confidence = Column<ScanColumnResult, String>("confidence") { SQLStoreTransaction.json($0.confidence) }
    static let prevalence = Column<ScanColumnResult, String>("prevalence") { SQLStoreTransaction.json($0.prevalence) }
    static let rowsScanned = Column<ScanColumnResult, Int64>("rows_scanned") { $0.rowsScanned }
    static let sealedSamples = Column<ScanColumnResult, String?>("sealed_samples") { $0.sealedSamples }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(scanID), AnyColumn(tableName), AnyColumn(columnName), AnyColumn(classes), AnyColumn(confidence),
        AnyColumn(prevalence), AnyColumn(rowsScanned), AnyColumn(sealedSamples),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(scanID), AnyColumn(tableName), AnyColumn(columnName)]

    static func decode(_ row: any SQLRow) throws -> ScanColumnResult {
        ScanColumnResult(
            scanID: try row.decode(scanID), tenantID: TenantID(try row.decode(tenantID)), table: try row.decode(tableName),
            column: try row.decode(columnName), classes: SQLStoreTransaction.fromJSON([String].self, try row.decode(classes)) ?? [],
            confidence: SQLStoreTransaction.fromJSON([String: Double].self, try row.decode(confidence)) ?? [:],
            prevalence: SQLStoreTransaction.fromJSON([String: Double].self, try row.decode(prevalence)) ?? [:],
            rowsScanned: try row.decode(rowsScanned), sealedSamples: try row.decode(sealedSamples))
    }
}
