// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `mfa_challenges`.
enum MFAChallengesTable: StoredTable {
    static let name = "mfa_challenges"
    static let id = Column<MFAChallenge, String>("id") { $0.id }
    static let tokenHash = Column<MFAChallenge, String>("token_hash") { $0.tokenHash }
    static let tenantID = Column<MFAChallenge, String>("tenant_id") { $0.tenantID.rawValue }
    static let subjectKind = Column<MFAChallenge, String>("subject_kind") { $0.subjectKind.rawValue }
    static let subjectID = Column<MFAChallenge, String>("subject_id") { $0.subjectID }
    static let purpose = Column<MFAChallenge, String>("purpose") { $0.purpose.rawValue }
    static let failures = Column<MFAChallenge, Int64>("failures") { Int64($0.failures) }
    static let createdAt = Column<MFAChallenge, Int64>("created_at") { $0.createdAt }
    static let expiresAt = Column<MFAChallenge, Int64>("expires_at") { $0.expiresAt }

    static let columns = [
        AnyColumn(id), AnyColumn(tokenHash), AnyColumn(tenantID), AnyColumn(subjectKind), AnyColumn(subjectID), AnyColumn(purpose),
        AnyColumn(failures), AnyColumn(createdAt), AnyColumn(expiresAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    /// A challenge of a purpose or subject kind this build does not know is no challenge: nil.
    static func decodeIfKnown(_ row: any SQLRow) throws -> MFAChallenge? {
        guard let knownPurpose = MFAChallenge.Purpose(rawValue: try row.decode(purpose)),
            let knownKind = Session.SubjectKind(rawValue: try row.decode(subjectKind))
        else { return nil }
        return MFAChallenge(
            id: try row.decode(id), tokenHash: try row.decode(tokenHash), tenantID: TenantID(try row.decode(tenantID)), subjectKind: knownKind,
            subjectID: try row.decode(subjectID), purpose: knownPurpose, failures: Int(try row.decode(failures)),
            createdAt: try row.decode(createdAt), expiresAt: try row.decode(expiresAt))
    }

    /// ``decodeIfKnown(_:)``, for which an unknown purpose or subject kind is an error.
    static func decode(_ row: any SQLRow) throws -> MFAChallenge {
        guard let challenge = try decodeIfKnown(row) else { throw RampartError(.storage, "a stored MFA challenge is of an unknown kind") }
        return challenge
    }
}
