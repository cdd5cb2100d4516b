// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `user_groups`.
enum GroupsTable: StoredTable {
    static let name = "user_groups"
    static let id = Column<Group, String>("id") { $0.id.rawValue }
    static let tenantID = Column<Group, String>("tenant_id") { $0.tenantID.rawValue }
    static let groupName = Column<Group, String>("name") { $0.name }
    static let description = Column<Group, String?>("description") { $0.description }
    static let createdAt = Column<Group, Int64>("created_at") { $0.createdAt }
    static let updatedAt = Column<Group, Int64>("updated_at") { $0.updatedAt }

    static let columns = [
        AnyColumn(id), AnyColumn(tenantID), AnyColumn(groupName), AnyColumn(description), AnyColumn(createdAt), AnyColumn(updatedAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> Group {
        Group(
            id: GroupID(try row.decode(id)), tenantID: TenantID(try row.decode(tenantID)), name: try row.decode(groupName),
            description: try row.decode(description), createdAt: try row.decode(createdAt), updatedAt: try row.decode(updatedAt))
    }
}
