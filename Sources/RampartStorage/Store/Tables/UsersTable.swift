// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `users`.
enum UsersTable: StoredTable {
    static let name = "users"
    static let id = Column<User, String>("id") { $0.id.rawValue }
    static let tenantID = Column<User, String>("tenant_id") { $0.tenantID.rawValue }
    static let username = Column<User, String>("username") { $0.username }
    static let displayName = Column<User, String?>("display_name") { $0.displayName }
    static let email = Column<User, String?>("email") { $0.email }
    static let roles = Column<User, String>("roles") { $0.roles.storageText }
    static let status = Column<User, String>("status") { $0.status.rawValue }
    static let passwordHash = Column<User, String?>("password_hash") { $0.passwordHash }
    static let createdAt = Column<User, Int64>("created_at") { $0.createdAt }
    static let updatedAt = Column<User, Int64>("updated_at") { $0.updatedAt }

    static let columns = [
        AnyColumn(id), AnyColumn(tenantID), AnyColumn(username), AnyColumn(displayName), AnyColumn(email), AnyColumn(roles), AnyColumn(status),
        AnyColumn(passwordHash), AnyColumn(createdAt), AnyColumn(updatedAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> User {
        User(
            id: UserID(try row.decode(id)), tenantID: TenantID(try row.decode(tenantID)), username: try row.decode(username),
            displayName: try row.decode(displayName), email: try row.decode(email), roles: Set(storageText: try row.decode(roles)),
            status: User.Status(rawValue: try row.decode(status)) ?? .disabled, passwordHash: try row.decode(passwordHash),
            createdAt: try row.decode(createdAt), updatedAt: try row.decode(updatedAt))
    }
}
