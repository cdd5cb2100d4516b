// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// Someone whose password (or session) has been checked: a tenant user or the platform operator.
/// Two-factor login and sessions work the same for both; this names what they need.
package enum AuthenticatedSubject: Sendable {
    case user(Tenant, User)
    case `operator`(OperatorID, username: String)

    package var tenantID: TenantID {
        switch self {
        case .user(let tenant, _): tenant.id
        case .operator: .platform
        }
    }

    package var kind: Session.SubjectKind {
        switch self {
        case .user: .user
        case .operator: .operator
        }
    }

    package var id: String {
        switch self {
        case .user(_, let user): user.id.rawValue
        case .operator(let id, _): id.rawValue
        }
    }

    package var username: String {
        switch self {
        case .user(_, let user): user.username
        case .operator(_, let username): username
        }
    }

    /// The audit log's actor type.
    package var actorType: String { kind == .operator ? "operator" : "user" }

    /// The account name shown in authenticator apps: `alice@acme`, or the operator's username.
    package var accountLabel: String {
        switch self {
        case .user(let tenant, let user): "\(user.username)@\(tenant.slug)"
        case .operator(_, let username): username
        }
    }

    /// The throttle's view of this account (the same key the password step counts under).
    package func loginAttempt(ip: String?) -> LoginAttempt {
        switch self {
        case .user(let tenant, let user): LoginAttempt(tenant: tenant.id, tenantSlug: tenant.slug, username: user.username, ip: ip)
        case .operator(_, let username): LoginAttempt(tenant: nil, tenantSlug: nil, username: username, ip: ip)
        }
    }

    /// Binds the request's audit record (`audit`) to this subject.
    package func bindAudit(_ audit: AuditContext?) {
        let tenant = tenantID
        let type = actorType
        let actor = id
        audit?.update {
            $0.tenant = tenant
            $0.actorType = type
            $0.actorID = actor
        }
    }
}
