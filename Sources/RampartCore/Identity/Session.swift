// SPDX-License-Identifier: Apache-2.0

/// A signed-in session, bound to one tenant (or to the platform scope for the operator).
///
/// Only the SHA-256 of the bearer token is stored; the token itself exists only in the login
/// response and in the client.
package struct Session: Sendable, Equatable {
    package enum SubjectKind: String, Sendable, Codable {
        case user
        case `operator`
    }

    package var id: SessionID
    package var tokenHash: String
    package var tenantID: TenantID
    package var subjectKind: SubjectKind
    package var subjectID: String
    package var createdAt: Int64
    package var lastSeenAt: Int64
    package var idleExpiresAt: Int64
    package var absoluteExpiresAt: Int64
    package var sourceIP: String?
    package var userAgent: String?
    /// The ``DeviceFingerprint`` (hex) of the device that signed in, when known.
    package var device: String?

    package init(
        id: SessionID, tokenHash: String, tenantID: TenantID, subjectKind: SubjectKind, subjectID: String,
        createdAt: Int64, lastSeenAt: Int64, idleExpiresAt: Int64, absoluteExpiresAt: Int64,
        sourceIP: String?, userAgent: String?, device: String? = nil
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.tenantID = tenantID
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.idleExpiresAt = idleExpiresAt
        self.absoluteExpiresAt = absoluteExpiresAt
        self.sourceIP = sourceIP
        self.userAgent = userAgent
        self.device = device
    }

    package func isValid(at now: Int64) -> Bool { now < idleExpiresAt && now < absoluteExpiresAt }
}

/// How long sessions live.
package struct SessionLifetime: Sendable {
    /// Milliseconds of inactivity after which a session ends.
    package var idle: Int64
    /// Milliseconds after login after which a session ends regardless of activity.
    package var absolute: Int64

    package init(idle: Int64 = 30 * 60 * 1000, absolute: Int64 = 12 * 60 * 60 * 1000) {
        self.idle = idle
        self.absolute = absolute
    }
}
