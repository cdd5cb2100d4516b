// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// Signed-in sessions: a person's own, and for tenant-admins a user's. Ending a session is
/// immediate: the next request with its token is refused.
package struct SessionAdministration: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// The live sessions of `subjectID`.
    package func sessions(of subjectID: String, in tenant: TenantID) async throws -> [Session] {
        let now = services.clock.now()
        return try await services.store.read { try await $0.sessions(subjectID: subjectID, in: tenant) }.filter { $0.isValid(at: now) }
    }

    /// Ends every session of `subjectID`, or all but `kept`; returns how many ended.
    package func revokeAll(of subjectID: String, except kept: SessionID?, in tenant: TenantID, audit: AuditContext?) async throws -> Int {
        try await services.store.recording(audit).write { tx -> Int in
            if let kept { return try await tx.deleteSessions(subjectID: subjectID, in: tenant, except: kept) }
            return try await tx.deleteSessions(subjectID: subjectID, in: tenant)
        }
    }

    /// Ends one session of `subjectID`; another subject's session is "not found".
    package func revoke(_ id: SessionID, of subjectID: String, in tenant: TenantID, audit: AuditContext?) async throws {
        let deleted = try await services.store.recording(audit).write { tx -> Bool in
            guard try await tx.sessions(subjectID: subjectID, in: tenant).contains(where: { $0.id == id }) else { return false }
            return try await tx.deleteSession(id, in: tenant)
        }
        guard deleted else { throw RampartError.notFound("session") }
    }

    /// The live sessions of the user `id`.
    package func sessions(ofUser id: UserID, in tenant: TenantID) async throws -> [Session] {
        let now = services.clock.now()
        return try await services.store.read { tx in
            guard try await tx.user(id, in: tenant) != nil else { throw RampartError.notFound("user") }
            return try await tx.sessions(subjectID: id.rawValue, in: tenant)
        }.filter { $0.isValid(at: now) }
    }

    /// Ends every session of the user `id`; returns how many ended.
    package func revokeAll(ofUser id: UserID, in tenant: TenantID, audit: AuditContext?) async throws -> Int {
        try await services.store.recording(audit).write { tx -> Int in
            guard try await tx.user(id, in: tenant) != nil else { throw RampartError.notFound("user") }
            return try await tx.deleteSessions(subjectID: id.rawValue, in: tenant)
        }
    }
}
