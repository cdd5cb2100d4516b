// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `audit_signing_keys`.
enum AuditSigningKeysTable: StoredTable {
    static let name = "audit_signing_keys"
    static let tenantID = Column<AuditSigningKeyRecord, String>("tenant_id") { $0.tenantID.rawValue }
    static let keyID = Column<AuditSigningKeyRecord, String>("key_id") { $0.keyID }
    static let publicKey = Column<AuditSigningKeyRecord, String>("public_key") { $0.publicKey }
    static let wrappedPrivateKey = Column<AuditSigningKeyRecord, String>("wrapped_private_key") { $0.wrappedPrivateKey }
    static let createdAt = Column<AuditSigningKeyRecord, Int64>("created_at") { $0.createdAt }

    static let columns = [AnyColumn(tenantID), AnyColumn(keyID), AnyColumn(publicKey), AnyColumn(wrappedPrivateKey), AnyColumn(createdAt)]
    static let key = [AnyColumn(tenantID), AnyColumn(keyID)]

    static func decode(_ row: any SQLRow) throws -> AuditSigningKeyRecord {
        AuditSigningKeyRecord(
            tenantID: TenantID(rawValue: try row.decode(tenantID)), keyID: try row.decode(keyID), publicKey: try row.decode(publicKey),
            wrappedPrivateKey: try row.decode(wrappedPrivateKey), createdAt: try row.decode(createdAt))
    }
}
