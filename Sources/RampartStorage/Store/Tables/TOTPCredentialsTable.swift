// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `mfa_totp` (written by an upsert, see `putTOTPCredential`).
enum TOTPCredentialsTable: StoredTable {
    static let name = "mfa_totp"
    static let tenantID = Column<TOTPCredential, String>("tenant_id") { $0.tenantID.rawValue }
    static let subjectID = Column<TOTPCredential, String>("subject_id") { $0.subjectID }
    static let subjectKind = Column<TOTPCredential, String>("subject_kind") { $0.subjectKind.rawValue }
    static let sealedSecret = Column<TOTPCredential, String>("sealed_secret") { $0.sealedSecret }
    static let status = Column<TOTPCredential, String>("status") { $0.status.rawValue }
    static let lastUsedStep = Column<TOTPCredential, Int64?>("last_used_step") { $0.lastUsedStep }
    static let createdAt = Column<TOTPCredential, Int64>("created_at") { $0.createdAt }
    static let activatedAt = Column<TOTPCredential, Int64?>("activated_at") { $0.activatedAt }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(subjectID), AnyColumn(subjectKind), AnyColumn(sealedSecret), AnyColumn(status), AnyColumn(lastUsedStep),
        AnyColumn(createdAt), AnyColumn(activatedAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(subjectID)]
    /// Enrolling again replaces the whole credential, its `created_at` too.
    static let fixed: Set<String> = []

    static func decode(_ row: any SQLRow) throws -> TOTPCredential {
        TOTPCredential(
            tenantID: TenantID(try row.decode(tenantID)),
            subjectKind: Session.SubjectKind(rawValue: try row.decode(subjectKind)) ?? .user, subjectID: try row.decode(subjectID),
            sealedSecret: try row.decode(sealedSecret),
            // An unknown status reads as pending: never treat a row we do not understand as active.
            status: TOTPCredential.Status(rawValue: try row.decode(status)) ?? .pending, lastUsedStep: try row.decode(lastUsedStep),
            createdAt: try row.decode(createdAt), activatedAt: try row.decode(activatedAt))
    }
}
