// SPDX-License-Identifier: Apache-2.0

/// One account's stored authenticator: the sealed TOTP secret and its replay guard.
///
/// The secret is never held here in clear: ``sealedSecret`` is an envelope under the tenant's data
/// key (or, for the platform operator, which has no tenant key, sealed under the master key).
package struct TOTPCredential: Sendable, Equatable {
    /// Enrolment is two steps: the secret is stored `pending` when shown, and becomes `active`
    /// only once the user has proved their authenticator produces matching codes.
    package enum Status: String, Sendable, Codable {
        case pending
        case active
    }

    package var tenantID: TenantID
    package var subjectKind: Session.SubjectKind
    /// The user's or operator's id.
    package var subjectID: String
    package var sealedSecret: String
    package var status: Status
    /// The last accepted time step (see ``TOTPReplayGuard``), persisted so a code is single-use
    /// across restarts and across servers sharing the database.
    package var lastUsedStep: Int64?
    package var createdAt: Int64
    package var activatedAt: Int64?

    package init(
        tenantID: TenantID, subjectKind: Session.SubjectKind, subjectID: String, sealedSecret: String, status: Status,
        lastUsedStep: Int64?, createdAt: Int64, activatedAt: Int64?
    ) {
        self.tenantID = tenantID
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.sealedSecret = sealedSecret
        self.status = status
        self.lastUsedStep = lastUsedStep
        self.createdAt = createdAt
        self.activatedAt = activatedAt
    }

    package var replayGuard: TOTPReplayGuard { TOTPReplayGuard(lastUsedStep: lastUsedStep) }
}
