// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartCore

/// API shapes. They are separate from the domain types so that storage details (hashes, internal
/// flags) can never leak into a response by adding a field to a model.
package struct TenantResponse: Codable, Sendable {
    package var id: String
    package var slug: String
    package var displayName: String
    package var status: String
    package var createdAt: String
    package var updatedAt: String

    package init(_ tenant: Tenant) {
        id = tenant.id.rawValue
        slug = tenant.slug
        displayName = tenant.displayName
        status = tenant.status.rawValue
        createdAt = Timestamp.rfc3339(milliseconds: tenant.createdAt)
        updatedAt = Timestamp.rfc3339(milliseconds: tenant.updatedAt)
    }
}

package struct UserResponse: Codable, Sendable {
    package var id: String
    package var tenantId: String
    package var username: String
    package var displayName: String?
    package var email: String?
    package var roles: [String]
    package var status: String
    package var hasPassword: Bool
    package var createdAt: String
    package var updatedAt: String

    package init(_ user: User) {
        id = user.id.rawValue
        tenantId = user.tenantID.rawValue
        username = user.username
        displayName = user.displayName
        email = user.email
        roles = user.roles.map(\.rawValue).sorted()
        status = user.status.rawValue
        hasPassword = user.passwordHash != nil
        createdAt = Timestamp.rfc3339(milliseconds: user.createdAt)
        updatedAt = Timestamp.rfc3339(milliseconds: user.updatedAt)
    }
}

package struct GroupResponse: Codable, Sendable {
    package var id: String
    package var tenantId: String
    package var name: String
    package var description: String?
    package var createdAt: String
    package var updatedAt: String

    package init(_ group: Group) {
        id = group.id.rawValue
        tenantId = group.tenantID.rawValue
        name = group.name
        description = group.description
        createdAt = Timestamp.rfc3339(milliseconds: group.createdAt)
        updatedAt = Timestamp.rfc3339(milliseconds: group.updatedAt)
    }
}

package struct ApiKeyResponse: Codable, Sendable {
    package var id: String
    package var name: String
    package var ownerId: String
    package var roles: [String]
    package var createdAt: String
    package var expiresAt: String?
    package var lastUsedAt: String?
    package var revokedAt: String?
    /// The key's own limit on decision requests; absent: the server's default for a key.
    package var decisionRateLimit: DecisionRateLimitBody?
    /// Present only in the creation response: the secret and the ready-to-use bearer value.
    package var secret: String?
    package var token: String?

    package init(_ key: ApiKey, secret: Secret<String>? = nil) {
        id = key.id
        name = key.name
        ownerId = key.ownerID.rawValue
        roles = key.roles.map(\.rawValue).sorted()
        createdAt = Timestamp.rfc3339(milliseconds: key.createdAt)
        expiresAt = key.expiresAt.map(Timestamp.rfc3339(milliseconds:))
        lastUsedAt = key.lastUsedAt.map(Timestamp.rfc3339(milliseconds:))
        revokedAt = key.revokedAt.map(Timestamp.rfc3339(milliseconds:))
        decisionRateLimit = key.decisionRateLimit.map(DecisionRateLimitBody.init)
        self.secret = secret?.exposedValue
        self.token = secret.map { "\(key.id).\($0.exposedValue)" }
    }
}

package struct PageResponse<Item: Codable & Sendable>: Codable, Sendable {
    package var items: [Item]
    package var nextCursor: String?

    package init<T>(_ page: Page<T>, _ transform: (T) -> Item) {
        items = page.items.map(transform)
        nextCursor = page.nextCursor
    }
}

package struct RoleResponse: Codable, Sendable {
    package var name: String
    package var permissions: [String]
}

package struct LoginResponse: Codable, Sendable {
    package var token: String
    package var tokenType: String
    package var expiresAt: String
    package var idleTimeoutSeconds: Int64
    package var sessionId: String
    package var tenant: TenantResponse?
    package var user: UserResponse?
    package var `operator`: String?
    /// New recovery codes, shown once: only when the login itself enrolled two-factor login.
    package var recoveryCodes: [String]? = nil

    /// The answer of a completed sign-in (password, second factor or SSO): the session's token,
    /// shown this once, and when the session ends.
    package init(
        token: Secret<String>, session: Session, idleTimeoutSeconds: Int64, tenant: TenantResponse?, user: UserResponse?, operator: String?
    ) {
        self.token = token.exposedValue
        tokenType = "Bearer"
        expiresAt = Timestamp.rfc3339(milliseconds: session.absoluteExpiresAt)
        self.idleTimeoutSeconds = idleTimeoutSeconds
        sessionId = session.id.rawValue
        self.tenant = tenant
        self.user = user
        self.operator = `operator`
    }
}

package struct MeResponse: Codable, Sendable {
    package var kind: String
    package var actor: String
    package var username: String
    package var tenant: TenantResponse?
    package var user: UserResponse?
    package var roles: [String]
    package var permissions: [String]
    package var groups: [GroupResponse]
}
