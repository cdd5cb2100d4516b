// SPDX-License-Identifier: Apache-2.0

/// A user's request for time-limited access to a resource of a service, and where it stands.
///
/// `pending` until enough approvals (then `active`: a policy item for the requester exists whose
/// validity ends at `expiresAt`; or `approved` first when the request asked for a later start, the
/// policy already written with its validity starting at `startsAt`) or denials (`denied`); the requester may cancel it while pending
/// (`cancelled`); unanswered it becomes `timed-out`. Active access ends as `expired` or, ended
/// early by the requester or an administrator, `revoked`.
package struct TemporaryAccessRequest: Sendable, Equatable {
    package enum State: String, Sendable, Codable, CaseIterable {
        case pending, approved, active, expired, revoked, denied, cancelled
        case timedOut = "timed-out"
    }

    package var id: String
    package var tenantID: TenantID
    package var requester: String
    /// The requester's user id (`nil` for records from before ids were kept).
    package var requesterID: String?
    package var service: String
    package var resource: [String: String]
    package var accessTypes: [String]
    /// An unmask exception: the requester sees the masked column in clear (a `MASK_NONE` item that
    /// overrides the column's masks) instead of gaining access.
    package var unmask: Bool
    /// Break-glass: active at once without approval, flagged, to be reviewed within 24 hours.
    package var breakGlass: Bool
    package var reviewedBy: String?
    package var reviewedAt: Int64?
    /// Whether the overdue review has been raised as a security event.
    package var reviewOverdueRaised: Bool
    package var durationSeconds: Int
    package var justification: String
    package var state: State
    package var ruleID: String
    package var requiredApprovals: Int
    package var denialThreshold: Int
    package var approvals: Int
    package var denials: Int
    package var createdAt: Int64
    /// When an unanswered request times out (or, the first time under a rule with an escalation
    /// group, escalates).
    package var timesOutAt: Int64
    /// The rule's escalation group answers it too: it went unanswered past the first timeout.
    package var escalated: Bool
    /// When it left `pending` or `active`.
    package var decidedAt: Int64?
    package var startsAt: Int64?
    package var expiresAt: Int64?
    /// The policy granting the access while active.
    package var policyID: Int64?

    package init(
        id: String, tenantID: TenantID, requester: String, service: String, resource: [String: String], accessTypes: [String],
        unmask: Bool = false, breakGlass: Bool = false, reviewedBy: String? = nil, reviewedAt: Int64? = nil, reviewOverdueRaised: Bool = false,
        durationSeconds: Int, justification: String, state: State, ruleID: String, requiredApprovals: Int, denialThreshold: Int,
        approvals: Int = 0, denials: Int = 0, createdAt: Int64, timesOutAt: Int64, decidedAt: Int64? = nil, startsAt: Int64? = nil,
        expiresAt: Int64? = nil, policyID: Int64? = nil, escalated: Bool = false, requesterID: String? = nil
    ) {
        self.requesterID = requesterID
        self.id = id
        self.tenantID = tenantID
        self.requester = requester
        self.service = service
        self.resource = resource
        self.accessTypes = accessTypes
        self.unmask = unmask
        self.breakGlass = breakGlass
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
        self.reviewOverdueRaised = reviewOverdueRaised
        self.durationSeconds = durationSeconds
        self.justification = justification
        self.state = state
        self.ruleID = ruleID
        self.requiredApprovals = requiredApprovals
        self.denialThreshold = denialThreshold
        self.approvals = approvals
        self.denials = denials
        self.createdAt = createdAt
        self.timesOutAt = timesOutAt
        self.decidedAt = decidedAt
        self.startsAt = startsAt
        self.expiresAt = expiresAt
        self.policyID = policyID
        self.escalated = escalated
    }
}

/// One approver's answer to an access request; an approver answers a request once.
package struct ApprovalVote: Sendable, Equatable {
    package var tenantID: TenantID
    package var requestID: String
    package var approver: String
    /// The approver's user id: one vote per person, whatever their name when they vote.
    package var approverID: String?
    package var approve: Bool
    package var comment: String?
    package var at: Int64

    package init(
        tenantID: TenantID, requestID: String, approver: String, approverID: String? = nil, approve: Bool, comment: String?, at: Int64
    ) {
        self.approverID = approverID
        self.tenantID = tenantID
        self.requestID = requestID
        self.approver = approver
        self.approve = approve
        self.comment = comment
        self.at = at
    }
}
