// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `change_requests`.
enum ChangeRequestsTable: StoredTable {
    typealias Change = ChangeRequest
    static let name = "change_requests"
    static let tenantID = Column<Change, String>("tenant_id") { $0.tenantID.rawValue }
    static let id = Column<Change, String>("id") { $0.id }
    static let author = Column<Change, String>("author") { $0.author }
    static let subject = Column<Change, String>("subject") { $0.subject.rawValue }
    static let operation = Column<Change, String>("operation") { $0.operation.rawValue }
    static let objectID = Column<Change, String?>("object_id") { $0.objectID }
    static let baseVersion = Column<Change, Int64?>("base_version") { $0.baseVersion }
    static let before = Column<Change, String?>("before_document") { $0.before }
    static let after = Column<Change, String?>("after_document") { $0.after }
    static let comment = Column<Change, String?>("comment") { $0.comment }
    static let state = Column<Change, String>("state") { $0.state.rawValue }
    static let createdAt = Column<Change, Int64>("created_at") { $0.createdAt }
    static let decidedBy = Column<Change, String?>("decided_by") { $0.decidedBy }
    static let decidedAt = Column<Change, Int64?>("decided_at") { $0.decidedAt }
    static let decisionComment = Column<Change, String?>("decision_comment") { $0.decisionComment }
    static let emergency = Column<Change, Int64>("emergency") { $0.emergency ? 1 : 0 }
    static let reviewedBy = Column<Change, String?>("reviewed_by") { $0.reviewedBy }
    static let reviewedAt = Column<Change, Int64?>("reviewed_at") { $0.reviewedAt }
    static let reviewOverdueRaised = Column<Change, Int64>("review_overdue_raised") { $0.reviewOverdueRaised ? 1 : 0 }
    static let authorID = Column<Change, String?>("author_id") { $0.authorID }
    static let decidedByID = Column<Change, String?>("decided_by_id") { $0.decidedByID }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(id), AnyColumn(author), AnyColumn(subject), AnyColumn(operation), AnyColumn(objectID),
        AnyColumn(baseVersion), AnyColumn(before), AnyColumn(after), AnyColumn(comment), AnyColumn(state), AnyColumn(createdAt),
        AnyColumn(decidedBy), AnyColumn(decidedAt), AnyColumn(decisionComment), AnyColumn(emergency), AnyColumn(reviewedBy),
        AnyColumn(reviewedAt), AnyColumn(reviewOverdueRaised), AnyColumn(authorID), AnyColumn(decidedByID),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> Change {
        // A value this version does not know reads as a change that can no longer apply.
        Change(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), author: try row.decode(author),
            subject: Change.Subject(rawValue: try row.decode(subject)) ?? .policy,
            operation: Change.Operation(rawValue: try row.decode(operation)) ?? .create, objectID: try row.decode(objectID),
            baseVersion: try row.decode(baseVersion), before: try row.decode(before), after: try row.decode(after),
            comment: try row.decode(comment), state: Change.State(rawValue: try row.decode(state)) ?? .stale,
            createdAt: try row.decode(createdAt), decidedBy: try row.decode(decidedBy), decidedAt: try row.decode(decidedAt),
            decisionComment: try row.decode(decisionComment), emergency: try row.decode(emergency) != 0, reviewedBy: try row.decode(reviewedBy),
            reviewedAt: try row.decode(reviewedAt), reviewOverdueRaised: try row.decode(reviewOverdueRaised) != 0,
            authorID: try row.decode(authorID), decidedByID: try row.decode(decidedByID))
    }
}
