// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartSCIM
import RampartStorage

/// Who is calling a SCIM endpoint: a tenant's identity provider, by one of its SCIM tokens.
package struct SCIMCaller: Sendable {
    package var tenant: Tenant
    package var tokenID: String
}

/// Checks the SCIM bearer token of a request against the tenant named in its URL.
///
/// The token is looked up only inside that tenant, so tenant B's token is simply unknown at
/// tenant A's endpoint: a wrong tenant, an unknown or revoked token and a wrong secret all give
/// the same 401. The request's audit record is bound to the tenant as soon as the slug resolves
/// (a refused call is a security event of that tenant) and to the actor `scim:<token id>` once the
/// token checks out. The token itself is never logged or recorded.
package struct SCIMAuthenticator: Sendable {
    package let store: any Store
    package let clock: any RampartClock

    package init(store: any Store, clock: any RampartClock) {
        self.store = store
        self.clock = clock
    }

    /// Last-used times are written at most this often per token, as for API keys.
    package static let touchInterval: Int64 = 60_000

    package func authenticate(slug: String?, authorization: String?, audit: AuditContext?) async throws -> SCIMCaller {
        let refused = SCIMError(.unauthorized, "a valid SCIM bearer token for this tenant is required")
        guard let slug, (try? Validation.slug(slug)) != nil else { throw refused }
        guard let tenant = try await store.read({ try await $0.tenant(slug: slug) }) else { throw refused }
        audit?.update { $0.tenant = tenant.id }
        guard let (id, secret) = Self.credentials(authorization) else { throw refused }
        let hash = RandomToken.digest(secret.exposedValue)
        guard let token = try await store.read({ try await $0.scimToken(id: id, in: tenant.id) }),
            ConstantTime.equals(token.secretHash, hash), token.isUsable
        else {
            audit?.event("scim.token.refused")
            throw refused
        }
        audit?.update {
            $0.actorType = "scim"
            $0.actorID = token.id
        }
        guard tenant.status == .active else { throw SCIMError(.forbidden, "tenant `\(tenant.slug)` is suspended") }
        let now = clock.now()
        if now.subtractingSaturating(token.lastUsedAt ?? 0) >= Self.touchInterval {
            // Bookkeeping, not the request's change: written outside its audit record.
            try await audit.unrecorded {
                try await store.recording(audit).write { try await $0.touchSCIMToken(id: token.id, in: tenant.id, at: now) }
            }
        }
        return SCIMCaller(tenant: tenant, tokenID: token.id)
    }

    /// `Bearer st_….<secret>` split into the token id and secret.
    package static func credentials(_ header: String?) -> (String, Secret<String>)? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let value = String(parts[1]).trimmingWhitespace()
        guard value.count <= 256, let dot = value.firstIndex(of: "."), value.hasPrefix("st_") else { return nil }
        return (String(value[..<dot]), Secret(String(value[value.index(after: dot)...])))
    }
}
