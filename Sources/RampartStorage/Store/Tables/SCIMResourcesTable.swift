// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `scim_resources` (written by an upsert, see `putSCIMDocument`).
enum SCIMResourcesTable: StoredTable {
    static let name = "scim_resources"
    static let tenantID = Column<SCIMDocument, String>("tenant_id") { $0.tenantID.rawValue }
    static let kind = Column<SCIMDocument, String>("resource_type") { $0.kind.rawValue }
    static let resourceID = Column<SCIMDocument, String>("resource_id") { $0.resourceID }
    static let externalID = Column<SCIMDocument, String?>("external_id") { $0.externalID }
    static let attributes = Column<SCIMDocument, String>("attributes") { $0.attributes }
    static let version = Column<SCIMDocument, Int64>("version") { $0.version }
    static let createdAt = Column<SCIMDocument, Int64>("created_at") { $0.createdAt }
    static let updatedAt = Column<SCIMDocument, Int64>("updated_at") { $0.updatedAt }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(kind), AnyColumn(resourceID), AnyColumn(externalID), AnyColumn(attributes), AnyColumn(version),
        AnyColumn(createdAt), AnyColumn(updatedAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(kind), AnyColumn(resourceID)]

    static func decode(_ row: any SQLRow) throws -> SCIMDocument {
        SCIMDocument(
            tenantID: TenantID(try row.decode(tenantID)), kind: SCIMDocument.Kind(rawValue: try row.decode(kind)) ?? .user,
            resourceID: try row.decode(resourceID), externalID: try row.decode(externalID), attributes: try row.decode(attributes),
            version: try row.decode(version), createdAt: try row.decode(createdAt), updatedAt: try row.decode(updatedAt))
    }
}
