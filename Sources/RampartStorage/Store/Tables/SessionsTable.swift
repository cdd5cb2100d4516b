// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `sessions`.
enum SessionsTable: StoredTable {
    static let name = "sessions"
    static let id = Column<Session, String>("id") { $0.id.rawValue }
    static let tokenHash = Column<Session, String>("token_hash") { $0.tokenHash }
    static let tenantID = Column<Session, String>("tenant_id") { $0.tenantID.rawValue }
    static let subjectKind = Column<Session, String>("subject_kind") { $0.subjectKind.rawValue }
    static let subjectID = Column<Session, String>("subject_id") { $0.subjectID }
    static let createdAt = Column<Session, Int64>("created_at") { $0.createdAt }
    static let lastSeenAt = Column<Session, Int64>("last_seen_at") { $0.lastSeenAt }
    static let idleExpiresAt = Column<Session, Int64>("idle_expires_at") { $0.idleExpiresAt }
    static let absoluteExpiresAt = Column<Session, Int64>("absolute_expires_at") { $0.absoluteExpiresAt }
    static let sourceIP = Column<Session, String?>("source_ip") { $0.sourceIP }
    static let userAgent = Column<Session, String?>("user_agent") { $0.userAgent }
    static let device = Column<Session, String?>("device") { $0.device }

    static let columns = [
        AnyColumn(id), AnyColumn(tokenHash), AnyColumn(tenantID), AnyColumn(subjectKind), AnyColumn(subjectID), AnyColumn(createdAt),
        AnyColumn(lastSeenAt), AnyColumn(idleExpiresAt), AnyColumn(absoluteExpiresAt), AnyColumn(sourceIP), AnyColumn(userAgent), AnyColumn(device),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> Session {
        Session(
            id: SessionID(try row.decode(id)), tokenHash: try row.decode(tokenHash), tenantID: TenantID(try row.decode(tenantID)),
            subjectKind: Session.SubjectKind(rawValue: try row.decode(subjectKind)) ?? .user, subjectID: try row.decode(subjectID),
            createdAt: try row.decode(createdAt), lastSeenAt: try row.decode(lastSeenAt), idleExpiresAt: try row.decode(idleExpiresAt),
            absoluteExpiresAt: try row.decode(absoluteExpiresAt), sourceIP: try row.decode(sourceIP), userAgent: try row.decode(userAgent),
            device: try row.decode(device))
    }
}
