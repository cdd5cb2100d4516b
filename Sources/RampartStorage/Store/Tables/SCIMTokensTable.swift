// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `scim_tokens`.
enum SCIMTokensTable: StoredTable {
    static let name = "scim_tokens"
    static let id = Column<SCIMToken, String>("id") { $0.id }
    static let tenantID = Column<SCIMToken, String>("tenant_id") { $0.tenantID.rawValue }
    static let tokenName = Column<SCIMToken, String>("name") { $0.name }
    static let secretHash = Column<SCIMToken, String>("secret_hash") { $0.secretHash }
    static let createdBy = Column<SCIMToken, String?>("created_by") { $0.createdBy?.rawValue }
    static let createdAt = Column<SCIMToken, Int64>("created_at") { $0.createdAt }
    static let lastUsedAt = Column<SCIMToken, Int64?>("last_used_at") { $0.lastUsedAt }
    static let revokedAt = Column<SCIMToken, Int64?>("revoked_at") { $0.revokedAt }

    static let columns = [
        AnyColumn(id), AnyColumn(tenantID), AnyColumn(tokenName), AnyColumn(secretHash), AnyColumn(createdBy), AnyColumn(createdAt),
        AnyColumn(lastUsedAt), AnyColumn(revokedAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> SCIMToken {
        SCIMToken(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), name: try row.decode(tokenName),
            secretHash: try row.decode(secretHash), createdBy: try row.decode(createdBy).map(UserID.init(rawValue:)),
            createdAt: try row.decode(createdAt), lastUsedAt: try row.decode(lastUsedAt), revokedAt: try row.decode(revokedAt))
    }
}
