// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `discovery_datasources`.
enum DatasourcesTable: StoredTable {
    static let name = "discovery_datasources"
    static let id = Column<Datasource, String>("id") { $0.id }
    static let tenantID = Column<Datasource, String>("tenant_id") { $0.tenantID.rawValue }
    static let datasourceName = Column<Datasource, String>("name") { $0.name }
    static let kind = Column<Datasource, String>("kind") { $0.kind.rawValue }
    static let config = Column<Datasource, String>("config") { SQLStoreTransaction.json($0.config) }
    static let hasCredentials = Column<Datasource, Int64>("has_credentials") { Int64($0.hasCredentials ? 1 : 0) }
    static let createdAt = Column<Datasource, Int64>("created_at") { $0.createdAt }
    static let updatedAt = Column<Datasource, Int64>("updated_at") { $0.updatedAt }

    static let columns = [
        AnyColumn(id), AnyColumn(tenantID), AnyColumn(datasourceName), AnyColumn(kind), AnyColumn(config), AnyColumn(hasCredentials),
        AnyColumn(createdAt), AnyColumn(updatedAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]
    /// An update leaves a datasource's kind as it was created.
    static let fixed: Set<String> = [kind.name, createdAt.name]

    static func decode(_ row: any SQLRow) throws -> Datasource {
        let kindText = try row.decode(kind)
        return Datasource(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), name: try row.decode(datasourceName),
            kind: DatasourceKind(rawValue: kindText) ?? .sqlite,
            config: SQLStoreTransaction.fromJSON(DatasourceConfig.self, try row.decode(config)) ?? DatasourceConfig(),
            hasCredentials: try row.decode(hasCredentials) != 0, createdAt: try row.decode(createdAt), updatedAt: try row.decode(updatedAt))
    }
}
