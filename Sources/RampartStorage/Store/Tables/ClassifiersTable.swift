// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `discovery_classifiers`.
enum ClassifiersTable: StoredTable {
    static let name = "discovery_classifiers"
    static let id = Column<TenantClassifier, String>("id") { $0.id }
    static let tenantID = Column<TenantClassifier, String>("tenant_id") { $0.tenantID.rawValue }
    static let classifierName = Column<TenantClassifier, String>("name") { $0.name }
    static let definition = Column<TenantClassifier, String>("definition") { $0.definition }
    static let createdAt = Column<TenantClassifier, Int64>("created_at") { $0.createdAt }

    static let columns = [AnyColumn(id), AnyColumn(tenantID), AnyColumn(classifierName), AnyColumn(definition), AnyColumn(createdAt)]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> TenantClassifier {
        TenantClassifier(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), name: try row.decode(classifierName),
            definition: try row.decode(definition), createdAt: try row.decode(createdAt))
    }
}
