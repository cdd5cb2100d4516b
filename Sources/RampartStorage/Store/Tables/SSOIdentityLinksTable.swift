// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `sso_identity_links`.
enum SSOIdentityLinksTable: StoredTable {
    static let name = "sso_identity_links"
    static let tenantID = Column<SSOIdentityLink, String>("tenant_id") { $0.tenantID.rawValue }
    static let providerID = Column<SSOIdentityLink, String>("provider_id") { $0.providerID }
    static let issuer = Column<SSOIdentityLink, String>("issuer") { $0.issuer }
    static let subject = Column<SSOIdentityLink, String>("subject") { $0.subject }
    static let userID = Column<SSOIdentityLink, String>("user_id") { $0.userID.rawValue }
    static let createdAt = Column<SSOIdentityLink, Int64>("created_at") { $0.createdAt }
    static let lastLoginAt = Column<SSOIdentityLink, Int64>("last_login_at") { $0.lastLoginAt }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(providerID), AnyColumn(issuer), AnyColumn(subject), AnyColumn(userID), AnyColumn(createdAt),
        AnyColumn(lastLoginAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(issuer), AnyColumn(subject)]

    static func decode(_ row: any SQLRow) throws -> SSOIdentityLink {
        SSOIdentityLink(
            tenantID: TenantID(try row.decode(tenantID)), providerID: try row.decode(providerID), issuer: try row.decode(issuer),
            subject: try row.decode(subject), userID: UserID(try row.decode(userID)), createdAt: try row.decode(createdAt),
            lastLoginAt: try row.decode(lastLoginAt))
    }
}
