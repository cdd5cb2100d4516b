// SPDX-License-Identifier: Apache-2.0

/// A tenant's SCIM provisioning credential: the bearer token an identity provider (Okta, Entra ID)
/// sends to `/scim/v2/{tenant}`.
///
/// Like an ``ApiKey`` it is a public id plus a secret shown once; only the secret's SHA-256 is
/// stored. It belongs to no user: it acts for the tenant's identity provider, may only touch the
/// SCIM resources of its own tenant, and grants nothing under `/v1`.
package struct SCIMToken: Sendable, Equatable {
    package var id: String
    package var tenantID: TenantID
    package var name: String
    /// SHA-256 of the secret, hex.
    package var secretHash: String
    /// The tenant-admin who created it, for the record.
    package var createdBy: UserID?
    package var createdAt: Int64
    package var lastUsedAt: Int64?
    package var revokedAt: Int64?

    package init(
        id: String, tenantID: TenantID, name: String, secretHash: String, createdBy: UserID?, createdAt: Int64,
        lastUsedAt: Int64?, revokedAt: Int64?
    ) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.secretHash = secretHash
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }

    /// Token ids are `st_` plus 20 random base64url characters, so a SCIM token is never
    /// mistaken for an API key (`rk_…`) in logs or configuration.
    package static func generateID() -> String { "st_" + RandomToken.generate(byteCount: 15) }

    package var isUsable: Bool { revokedAt == nil }
}
