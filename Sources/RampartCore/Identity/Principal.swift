// SPDX-License-Identifier: Apache-2.0

/// Who is making a request, after authentication.
package struct Principal: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// The platform operator: manages tenants, belongs to none.
        case `operator`(OperatorID)
        /// A user signed in with a session.
        case user(UserID, session: SessionID)
        /// A user's API key, acting with the key's roles.
        case apiKey(keyID: String, owner: UserID)
    }

    package var kind: Kind
    package var tenantID: TenantID
    package var roles: Set<BuiltinRole>
    package var username: String
    /// The session the request came with, when it came with one (not for API keys).
    package var sessionID: SessionID?
    /// The API key's own limit on decision requests, when it has one.
    package var decisionRateLimit: RateLimit?

    package init(
        kind: Kind, tenantID: TenantID, roles: Set<BuiltinRole>, username: String, sessionID: SessionID? = nil,
        decisionRateLimit: RateLimit? = nil
    ) {
        self.kind = kind
        self.tenantID = tenantID
        self.roles = roles
        self.username = username
        self.sessionID = sessionID
        self.decisionRateLimit = decisionRateLimit
    }

    package var isOperator: Bool {
        if case .operator = kind { return true }
        return false
    }

    /// The user this principal acts as, if any.
    package var userID: UserID? {
        switch kind {
        case .operator: nil
        case .user(let id, _): id
        case .apiKey(_, let owner): owner
        }
    }

    package func has(_ permission: Permission) -> Bool {
        !isOperator && roles.permissions.contains(permission)
    }

    /// A stable actor string for logs and audit: `user:<id>`, `api-key:<id>`, `operator:<id>`.
    package var actor: String {
        switch kind {
        case .operator(let id): "operator:\(id)"
        case .user(let id, _): "user:\(id)"
        case .apiKey(let keyID, _): "api-key:\(keyID)"
        }
    }
}
