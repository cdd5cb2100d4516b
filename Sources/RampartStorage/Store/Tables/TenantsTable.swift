// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `tenants` (its `datasource_root` is read and written on its own).
enum TenantsTable: StoredTable {
    static let name = "tenants"
    static let id = Column<Tenant, String>("id") { $0.id.rawValue }
    static let slug = Column<Tenant, String>("slug") { $0.slug }
    static let displayName = Column<Tenant, String>("display_name") { $0.displayName }
    static let status = Column<Tenant, String>("status") { $0.status.rawValue }
    static let createdAt = Column<Tenant, Int64>("created_at") { $0.createdAt }
    static let updatedAt = Column<Tenant, Int64>("updated_at") { $0.updatedAt }

    static let columns = [AnyColumn(id), AnyColumn(slug), AnyColumn(displayName), AnyColumn(status), AnyColumn(createdAt), AnyColumn(updatedAt)]
    static let key = [AnyColumn(id)]
    /// Tenants are found by slug at login: it never changes.
    static let fixed: Set<String> = [slug.name, createdAt.name]

    static func decode(_ row: any SQLRow) throws -> Tenant {
        Tenant(
            id: TenantID(try row.decode(id)), slug: try row.decode(slug), displayName: try row.decode(displayName),
            status: Tenant.Status(rawValue: try row.decode(status)) ?? .suspended, createdAt: try row.decode(createdAt),
            updatedAt: try row.decode(updatedAt))
    }
}
