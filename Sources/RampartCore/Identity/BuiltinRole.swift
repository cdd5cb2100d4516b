// SPDX-License-Identifier: Apache-2.0

/// The fixed set of roles a tenant's users can hold.
///
/// Each role grants a small set of ``Permission``s; everything not granted is denied. No role
/// implies another, so an auditor cannot change anything and a security admin cannot manage users.
package enum BuiltinRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// Manages the tenant's users, groups, API keys and settings.
    case tenantAdmin = "tenant-admin"
    /// Manages policies, keys and security settings; reads identities.
    case securityAdmin = "security-admin"
    /// Reads everything that is recorded, changes nothing.
    case auditor
    /// An ordinary member: reads their own profile, manages their own API keys.
    case user
    /// Applies or rejects the policy changes others make when the tenant requires four eyes
    /// (`changeApproval`); reads policies, changes nothing by itself.
    case changeApprover = "change-approver"

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    package var permissions: Set<Permission> {
        switch self {
        case .tenantAdmin:
            [
                .usersRead, .usersWrite, .groupsRead, .groupsWrite, .apiKeysManageAll, .apiKeysManageOwn, .auditRead, .selfRead,
                .securityRead, .securityManage, .settingsManage, .discoveryRead, .discoveryWrite, .syncWrite, .dataProtect, .accessRequest,
                .changesRead, .changesEmergency, .reportsRead,
            ]
        case .securityAdmin:
            [
                .usersRead, .groupsRead, .keysManage, .policiesRead, .policiesWrite, .decisionsRequest, .apiKeysManageOwn, .selfRead,
                .securityRead, .securityManage, .discoveryRead, .discoveryWrite, .syncWrite, .encryptionManage, .dataProtect, .accessRequest,
                .changesRead, .reportsRead,
            ]
        case .auditor:
            [
                .usersRead, .groupsRead, .auditRead, .policiesRead, .apiKeysManageOwn, .selfRead, .securityRead, .discoveryRead, .dataProtect,
                .accessRequest, .changesRead, .reportsRead,
            ]
        case .user:
            [.apiKeysManageOwn, .selfRead, .dataProtect, .accessRequest]
        case .changeApprover:
            [.policiesRead, .changesRead, .changesApprove, .apiKeysManageOwn, .selfRead, .dataProtect, .accessRequest]
        }
    }
}

/// What a principal may do inside its tenant. Routes name the permission they need.
package enum Permission: String, Sendable, Codable, CaseIterable {
    case usersRead = "users:read"
    case usersWrite = "users:write"
    case groupsRead = "groups:read"
    case groupsWrite = "groups:write"
    case apiKeysManageOwn = "api-keys:own"
    case apiKeysManageAll = "api-keys:all"
    case keysManage = "keys:manage"
    case policiesRead = "policies:read"
    case policiesWrite = "policies:write"
    case decisionsRequest = "decisions:request"
    case auditRead = "audit:read"
    case selfRead = "self:read"
    /// Read the tenant's security events.
    case securityRead = "security:read"
    /// Manage security alert rules.
    case securityManage = "security:manage"
    /// Change tenant-wide settings (two-factor requirement, login throttling).
    case settingsManage = "settings:manage"
    /// Read datasources (never their credentials), scans, results and discovery tags.
    case discoveryRead = "discovery:read"
    /// Manage datasources, run scans, and manage tagging rules and custom classifiers.
    case discoveryWrite = "discovery:write"
    /// Plan and apply enforcement of policies inside a PostgreSQL datasource.
    case syncWrite = "sync:write"
    /// Create and delete encryption schemes (reading them needs `policies:read`).
    case encryptionManage = "encryption:manage"
    /// Call `/v1/protect` and `/v1/unprotect`. Every role has it: the tenant's policies on the
    /// `rampart-encryption` service decide, per scheme, who may do what (default deny).
    case dataProtect = "data:protect"
    /// Ask for time-limited access, answer requests as a member of an approver group, end one's
    /// own access. Every role has it: approval rules say who answers what.
    case accessRequest = "access:request"
    /// Read the tenant's change requests (four-eyes policy changes).
    case changesRead = "changes:read"
    /// Apply or reject another person's change request, and review emergency changes.
    case changesApprove = "changes:approve"
    /// Apply a change request at once, without a second person, flagged for review afterwards.
    case changesEmergency = "changes:emergency"
    /// Read compliance reports: the data inventory and who accessed tagged data.
    case reportsRead = "reports:read"
}

extension Set where Element == BuiltinRole {
    package var permissions: Set<Permission> { reduce(into: []) { $0.formUnion($1.permissions) } }
}
