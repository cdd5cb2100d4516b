// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// A tenant's SCIM provisioning tokens: issued with a secret shown once (stored as its
/// SHA-256), listed, and revoked.
package struct SCIMTokens: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// A token just issued, with its secret and the slug of its tenant's SCIM endpoint.
    package struct Issued: Sendable {
        package var token: SCIMToken
        package var secret: Secret<String>
        package var tenantSlug: String?
    }

    /// Issues a token named `name` for `principal`'s tenant.
    package func issue(name: String, by principal: Principal, audit: AuditContext?) async throws -> Issued {
        let name = try Validation.name(name, field: "name")
        let secret = Secret(RandomToken.generate())
        let token = SCIMToken(
            id: SCIMToken.generateID(), tenantID: principal.tenantID, name: name, secretHash: RandomToken.digest(secret.exposedValue),
            createdBy: principal.userID, createdAt: services.clock.now(), lastUsedAt: nil, revokedAt: nil)
        audit?.setEntity("scim-tokens", token.id)
        let tenant = try await services.store.recording(audit).write { tx in
            try await tx.insertSCIMToken(token)
            return try await tx.tenant(id: principal.tenantID)
        }
        return Issued(token: token, secret: secret, tenantSlug: tenant?.slug)
    }

    /// One page of the tenant's tokens.
    package func list(in tenant: TenantID, page: PageRequest) async throws -> Page<SCIMToken> {
        try await services.store.read { try await $0.scimTokens(in: tenant, page: page) }
    }

    /// Revokes token `id`; another tenant's or an unknown token is "not found".
    package func revoke(_ id: String, in tenant: TenantID, audit: AuditContext?) async throws {
        guard id.hasPrefix("st_"), id.count <= 64 else { throw RampartError.notFound("SCIM token") }
        let now = services.clock.now()
        guard try await services.store.recording(audit).write({ try await $0.revokeSCIMToken(id: id, in: tenant, at: now) }) else {
            throw RampartError.notFound("SCIM token")
        }
    }
}
