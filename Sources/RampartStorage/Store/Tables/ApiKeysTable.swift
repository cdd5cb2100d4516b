// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `api_keys`.
enum ApiKeysTable: StoredTable {
    static let name = "api_keys"
    static let id = Column<ApiKey, String>("id") { $0.id }
    static let tenantID = Column<ApiKey, String>("tenant_id") { $0.tenantID.rawValue }
    static let ownerID = Column<ApiKey, String>("owner_id") { $0.ownerID.rawValue }
    static let keyName = Column<ApiKey, String>("name") { $0.name }
    static let roles = Column<ApiKey, String>("roles") { $0.roles.storageText }
    static let secretHash = Column<ApiKey, String>("secret_hash") { $0.secretHash }
    static let createdAt = Column<ApiKey, Int64>("created_at") { $0.createdAt }
    static let expiresAt = Column<ApiKey, Int64?>("expires_at") { $0.expiresAt }
    static let lastUsedAt = Column<ApiKey, Int64?>("last_used_at") { $0.lastUsedAt }
    static let revokedAt = Column<ApiKey, Int64?>("revoked_at") { $0.revokedAt }
    static let decisionBurst = Column<ApiKey, Int64?>("decision_burst") { $0.decisionRateLimit.map { Int64($0.capacity) } }
    static let decisionsPerSecond = Column<ApiKey, Int64?>("decisions_per_second") {
        $0.decisionRateLimit.map { Int64($0.refillPerSecond) }
    }

    static let columns = [
        AnyColumn(id), AnyColumn(tenantID), AnyColumn(ownerID), AnyColumn(keyName), AnyColumn(roles), AnyColumn(secretHash), AnyColumn(createdAt),
        AnyColumn(expiresAt), AnyColumn(lastUsedAt), AnyColumn(revokedAt), AnyColumn(decisionBurst), AnyColumn(decisionsPerSecond),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> ApiKey {
        ApiKey(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), ownerID: UserID(try row.decode(ownerID)),
            name: try row.decode(keyName), roles: Set(storageText: try row.decode(roles)), secretHash: try row.decode(secretHash),
            createdAt: try row.decode(createdAt), expiresAt: try row.decode(expiresAt), lastUsedAt: try row.decode(lastUsedAt),
            revokedAt: try row.decode(revokedAt),
            decisionRateLimit: decisionRateLimit(try row.decode(decisionBurst), try row.decode(decisionsPerSecond)))
    }

    /// A stored limit is read back bounded (``ApiKey/decisionRateLimitRange``): a row written by
    /// hand or by an older version must not make a bucket that traps or never refills.
    static func decisionRateLimit(_ burst: Int64?, _ perSecond: Int64?) -> RateLimit? {
        guard let burst, let perSecond, ApiKey.decisionRateLimitRange.contains(burst), ApiKey.decisionRateLimitRange.contains(perSecond)
        else { return nil }
        return RateLimit(capacity: Int(burst), refillPerSecond: Double(perSecond))
    }
}
