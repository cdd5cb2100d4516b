// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `tenant_security_settings` (written by an upsert, see `putTenantSecuritySettings`).
enum TenantSecuritySettingsTable: StoredTable {
    static let name = "tenant_security_settings"
    static let tenantID = Column<TenantSecuritySettings, String>("tenant_id") { $0.tenantID.rawValue }
    static let mfaRequired = Column<TenantSecuritySettings, Int64>("mfa_required") { Int64($0.mfaRequired ? 1 : 0) }
    static let loginThrottle = Column<TenantSecuritySettings, String?>("login_throttle") { $0.loginThrottleJSON }
    static let changeApproval = Column<TenantSecuritySettings, Int64>("change_approval") { Int64($0.changeApproval ? 1 : 0) }
    static let accessRequestMaximum = Column<TenantSecuritySettings, Int64?>("access_request_maximum_seconds") {
        $0.accessRequestMaximumSeconds.map(Int64.init)
    }
    static let updatedAt = Column<TenantSecuritySettings, Int64>("updated_at") { $0.updatedAt }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(mfaRequired), AnyColumn(loginThrottle), AnyColumn(changeApproval), AnyColumn(accessRequestMaximum),
        AnyColumn(updatedAt),
    ]
    static let key = [AnyColumn(tenantID)]

    static func decode(_ row: any SQLRow) throws -> TenantSecuritySettings {
        TenantSecuritySettings(
            tenantID: TenantID(try row.decode(tenantID)), mfaRequired: try row.decode(mfaRequired) != 0,
            loginThrottleJSON: try row.decode(loginThrottle), changeApproval: try row.decode(changeApproval) != 0,
            accessRequestMaximumSeconds: try row.decode(accessRequestMaximum).map(count),
            updatedAt: try row.decode(updatedAt))
    }
}
