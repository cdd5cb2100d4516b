// SPDX-License-Identifier: Apache-2.0

/// A change to a tenant's policy objects or tagging rules held for a second person's review
/// (four eyes), made when the tenant's `changeApproval` setting is on.
///
/// It keeps the exact change: the submitted document (`after`) and, for a replacement or a
/// deletion, the object as it stood when the change was made (`before`, at `baseVersion`). It is
/// applied at that version or not at all: if the object moved on meanwhile the change is `stale`.
package struct ChangeRequest: Sendable, Equatable {
    package enum State: String, Sendable, CaseIterable {
        case pending
        case applied
        case rejected
        case cancelled
        /// The object changed (or the name was taken) after the change was made; it can no longer apply.
        case stale
    }

    package enum Operation: String, Sendable, CaseIterable {
        case create
        case replace
        case delete
    }

    /// What a change is to: one of the five Ranger objects, or a tagging rule.
    package enum Subject: String, Sendable, CaseIterable {
        case serviceDef = "service-def"
        case service
        case policy
        case role
        case zone
        case taggingRule = "tagging-rule"
        /// Who approves access requests: a rule deciding approvals is itself approved.
        case approvalRule = "approval-rule"
    }

    package var id: String
    package var tenantID: TenantID
    package var author: String
    /// The author's user id (`nil` for records from before ids were kept).
    package var authorID: String?
    package var subject: Subject
    package var operation: Operation
    /// The object changed: a Ranger object's numeric id or a tagging rule's id; for a creation,
    /// the new object's id once applied.
    package var objectID: String?
    /// The object's version when the change was made (replacement and deletion).
    package var baseVersion: Int64?
    /// The object as it stood when the change was made (replacement and deletion).
    package var before: String?
    /// The submitted document (creation and replacement).
    package var after: String?
    /// Why the author makes the change.
    package var comment: String?
    package var state: State
    package var createdAt: Int64
    package var decidedBy: String?
    package var decidedByID: String?
    package var decidedAt: Int64?
    package var decisionComment: String?
    /// Applied without a second person by a tenant-admin, and so to be reviewed afterwards.
    package var emergency: Bool
    package var reviewedBy: String?
    package var reviewedAt: Int64?
    /// The overdue-review event has been raised (once).
    package var reviewOverdueRaised: Bool

    package init(
        id: String, tenantID: TenantID, author: String, subject: Subject, operation: Operation, objectID: String?, baseVersion: Int64?,
        before: String?, after: String?, comment: String?, state: State = .pending, createdAt: Int64, decidedBy: String? = nil,
        decidedAt: Int64? = nil, decisionComment: String? = nil, emergency: Bool = false, reviewedBy: String? = nil, reviewedAt: Int64? = nil,
        reviewOverdueRaised: Bool = false, authorID: String? = nil, decidedByID: String? = nil
    ) {
        self.authorID = authorID
        self.decidedByID = decidedByID
        self.id = id
        self.tenantID = tenantID
        self.author = author
        self.subject = subject
        self.operation = operation
        self.objectID = objectID
        self.baseVersion = baseVersion
        self.before = before
        self.after = after
        self.comment = comment
        self.state = state
        self.createdAt = createdAt
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.decisionComment = decisionComment
        self.emergency = emergency
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
        self.reviewOverdueRaised = reviewOverdueRaised
    }
}
