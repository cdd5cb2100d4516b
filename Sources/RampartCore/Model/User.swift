// SPDX-License-Identifier: Apache-2.0

/// A person (or SCIM-provisioned identity) in one tenant.
package struct User: Sendable, Equatable {
    package enum Status: String, Sendable, Codable, CaseIterable {
        case active
        case disabled
    }

    package var id: UserID
    package var tenantID: TenantID
    package var username: String
    package var displayName: String?
    package var email: String?
    package var roles: Set<BuiltinRole>
    package var status: Status
    /// The encoded scrypt hash; `nil` for users who can only sign in through SSO.
    package var passwordHash: String?
    package var createdAt: Int64
    package var updatedAt: Int64

    package init(
        id: UserID, tenantID: TenantID, username: String, displayName: String?, email: String?,
        roles: Set<BuiltinRole>, status: Status, passwordHash: String?, createdAt: Int64, updatedAt: Int64
    ) {
        self.id = id
        self.tenantID = tenantID
        self.username = username
        self.displayName = displayName
        self.email = email
        self.roles = roles
        self.status = status
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
