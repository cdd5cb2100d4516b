// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `encryption_schemes`.
enum EncryptionSchemesTable: StoredTable {
    static let name = "encryption_schemes"
    static let tenantID = Column<EncryptionScheme, String>("tenant_id") { $0.tenantID.rawValue }
    static let id = Column<EncryptionScheme, String>("id") { $0.id }
    static let schemeName = Column<EncryptionScheme, String>("name") { $0.name }
    static let algorithm = Column<EncryptionScheme, String>("algorithm") { $0.algorithm }
    static let definition = Column<EncryptionScheme, String>("definition") { $0.definition }
    static let description = Column<EncryptionScheme, String>("description") { $0.description }
    static let createdAt = Column<EncryptionScheme, Int64>("created_at") { $0.createdAt }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(id), AnyColumn(schemeName), AnyColumn(algorithm), AnyColumn(definition), AnyColumn(description),
        AnyColumn(createdAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> EncryptionScheme {
        EncryptionScheme(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), name: try row.decode(schemeName),
            algorithm: try row.decode(algorithm), definition: try row.decode(definition), description: try row.decode(description),
            createdAt: try row.decode(createdAt))
    }
}

/// `token_vault`.
enum TokenVaultTable: StoredTable {
    static let name = "token_vault"
    static let tenantID = Column<VaultEntry, String>("tenant_id") { $0.tenantID.rawValue }
    static let schemeID = Column<VaultEntry, String>("scheme_id") { $0.schemeID }
    static let token = Column<VaultEntry, String>("token") { $0.token }
    static let ciphertext = Column<VaultEntry, String>("ciphertext") { $0.ciphertext }
    static let keyVersion = Column<VaultEntry, Int64>("key_version") { Int64($0.keyVersion) }
    static let createdAt = Column<VaultEntry, Int64>("created_at") { $0.createdAt }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(schemeID), AnyColumn(token), AnyColumn(ciphertext), AnyColumn(keyVersion), AnyColumn(createdAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(schemeID), AnyColumn(token)]

    static func decode(_ row: any SQLRow) throws -> VaultEntry {
        VaultEntry(
            tenantID: TenantID(try row.decode(tenantID)), schemeID: try row.decode(schemeID), token: try row.decode(token),
            ciphertext: try row.decode(ciphertext), keyVersion: Int(clamping: try row.decode(keyVersion)), createdAt: try row.decode(createdAt))
    }
}
