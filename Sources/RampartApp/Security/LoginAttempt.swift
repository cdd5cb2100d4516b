// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// Where a login attempt is counted by the throttle: the tenant's throttle (the platform's for
/// the operator and for unknown tenants), the account as typed, and the client address.
package struct LoginAttempt: Sendable, Equatable {
    package var tenant: TenantID
    package var account: String
    package var ip: String

    /// - Parameters:
    ///   - tenant: the tenant the account belongs to, or `nil` for the operator and for a tenant
    ///     slug that does not exist (counted on the platform throttle under `slug/username`, so
    ///     guessing tenant names is throttled like guessing passwords).
    package init(tenant: TenantID?, tenantSlug: String?, username: String, ip: String?) {
        self.tenant = tenant ?? .platform
        let name = String(username.prefix(256))
        if tenant == nil, let tenantSlug, !tenantSlug.isEmpty {
            self.account = "\(tenantSlug.prefix(64))/\(name)"
        } else {
            self.account = name
        }
        self.ip = ip ?? "unknown"
    }
}
