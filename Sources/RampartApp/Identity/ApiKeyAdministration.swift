// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// API keys: machine credentials owned by a tenant user. Everyone manages their own; holders of
/// `api-keys:manage-all` see and revoke all of the tenant's. The secret is shown once and stored
/// as a digest.
package struct ApiKeyAdministration: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// Mints a key for the caller with `roles` (default: the caller's); a key cannot hold a
    /// permission its creator does not have.
    package func create(
        name: String, roles: [String]?, expiresInDays: Int?, decisionRateLimit: (burst: Int64, requestsPerSecond: Int64)? = nil,
        by principal: Principal, audit: AuditContext?
    ) async throws -> (key: ApiKey, secret: Secret<String>) {
        guard let owner = principal.userID else { throw RampartError(.forbidden, "only tenant users own API keys") }
        let name = try Validation.name(name, field: "name")
        let roles = try UserAdministration.roles(roles) ?? principal.roles
        // Compared by permissions, so a tenant-admin may mint a key with the narrower `user` role.
        guard roles.permissions.isSubset(of: principal.roles.permissions) else {
            // Who asks decides, not the body's shape: an authorization refusal.
            throw RampartError(.forbidden, "an API key cannot hold a permission its creator does not have", field: "roles")
        }
        guard !roles.isEmpty else { throw RampartError.validation("an API key needs at least one role", field: "roles") }
        if let days = expiresInDays, !(1...3650).contains(days) { throw RampartError.validation("must be from 1 to 3650", field: "expiresInDays") }
        let decisionLimit = try decisionRateLimit.map { limit -> RateLimit in
            let range = ApiKey.decisionRateLimitRange
            guard range.contains(limit.burst) else {
                throw RampartError.validation("must be from 1 to \(range.upperBound)", field: "decisionRateLimit.burst")
            }
            guard range.contains(limit.requestsPerSecond) else {
                throw RampartError.validation("must be from 1 to \(range.upperBound)", field: "decisionRateLimit.requestsPerSecond")
            }
            return RateLimit(capacity: Int(limit.burst), refillPerSecond: Double(limit.requestsPerSecond))
        }
        let secret = Secret(RandomToken.generate())
        let now = services.clock.now()
        let key = ApiKey(
            id: ApiKey.generateID(), tenantID: principal.tenantID, ownerID: owner, name: name, roles: roles,
            secretHash: RandomToken.digest(secret.exposedValue), createdAt: now, expiresAt: expiresInDays.map { now + Int64($0) * 86_400_000 },
            lastUsedAt: nil, revokedAt: nil, decisionRateLimit: decisionLimit)
        try await services.store.recording(audit).write { try await $0.insertApiKey(key) }
        return (key, secret)
    }

    /// The keys the caller may see.
    package func list(by principal: Principal, page: PageRequest) async throws -> Page<ApiKey> {
        let owner = principal.has(.apiKeysManageAll) ? nil : principal.userID
        return try await services.store.read { try await $0.apiKeys(in: principal.tenantID, owner: owner, page: page) }
    }

    /// The key `id` if the caller may see it; otherwise 404 (not 403), so key ids of other users
    /// are not confirmed to exist.
    package func get(_ id: String, by principal: Principal) async throws -> ApiKey {
        guard id.hasPrefix("rk_"), id.count <= 64 else { throw RampartError.notFound("API key") }
        guard let key = try await services.store.read({ try await $0.apiKey(id: id, in: principal.tenantID) }),
            principal.has(.apiKeysManageAll) || key.ownerID == principal.userID
        else { throw RampartError.notFound("API key") }
        return key
    }

    /// Revokes the key; a revoked key stays listed, with when it was revoked.
    package func revoke(_ id: String, by principal: Principal, audit: AuditContext?) async throws {
        let key = try await get(id, by: principal)
        let now = services.clock.now()
        _ = try await services.store.recording(audit).write { try await $0.revokeApiKey(id: key.id, in: principal.tenantID, at: now) }
    }
}
