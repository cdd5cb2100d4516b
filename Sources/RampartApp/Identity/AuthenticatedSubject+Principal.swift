// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

extension AuthenticatedSubject {
    /// The person behind a session principal. API keys are refused: two-factor login and
    /// sessions belong to a person's own sign-in, which a key must not be able to change.
    package static func of(_ principal: Principal, store: any Store) async throws -> AuthenticatedSubject {
        switch principal.kind {
        case .operator(let id):
            return .operator(id, username: principal.username)
        case .apiKey:
            throw RampartError(.forbidden, "this operation needs a signed-in session, not an API key")
        case .user(let userID, _):
            let found: (Tenant, User)? = try await store.read { tx in
                guard let tenant = try await tx.tenant(id: principal.tenantID), let user = try await tx.user(userID, in: principal.tenantID)
                else { return nil }
                return (tenant, user)
            }
            guard let (tenant, user) = found else { throw RampartError(.unauthenticated, "invalid or expired credentials") }
            return .user(tenant, user)
        }
    }
}
