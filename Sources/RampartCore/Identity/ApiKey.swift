// SPDX-License-Identifier: Apache-2.0

/// A machine credential: a public key id plus a secret shown once.
///
/// The key acts for its owning user but only with the roles it was given, which must be a subset
/// of the owner's roles when it is created, so a key can narrow privilege but never widen it.
package struct ApiKey: Sendable, Equatable {
    package var id: String
    package var tenantID: TenantID
    package var ownerID: UserID
    package var name: String
    package var roles: Set<BuiltinRole>
    /// SHA-256 of the secret, hex.
    package var secretHash: String
    package var createdAt: Int64
    package var expiresAt: Int64?
    package var lastUsedAt: Int64?
    package var revokedAt: Int64?
    /// This key's own limit on decision requests, instead of the server's default for a key.
    package var decisionRateLimit: RateLimit?

    package init(
        id: String, tenantID: TenantID, ownerID: UserID, name: String, roles: Set<BuiltinRole>, secretHash: String,
        createdAt: Int64, expiresAt: Int64?, lastUsedAt: Int64?, revokedAt: Int64?, decisionRateLimit: RateLimit? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.ownerID = ownerID
        self.name = name
        self.roles = roles
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
        self.decisionRateLimit = decisionRateLimit
    }

    /// Key ids are `rk_` plus 20 random base64url characters: recognisable in logs and config, and
    /// never confused with session tokens, which contain no dot.
    /// The bounds of a key's decision limit, both its burst and its requests per second.
    package static let decisionRateLimitRange: ClosedRange<Int64> = 1...1_000_000

    package static func generateID() -> String { "rk_" + RandomToken.generate(byteCount: 15) }

    package func isUsable(at now: Int64) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }
}
