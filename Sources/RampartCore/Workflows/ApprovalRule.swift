// SPDX-License-Identifier: Apache-2.0

/// Who approves access requests to a service (or to the part of it `resource` narrows to), and
/// on what terms: `requiredApprovals` of the `approverGroup`'s members, denied at
/// `denialThreshold` denials, at most `maximumDurationSeconds` of access, timed out after
/// `timeoutSeconds` pending, a justification matching `justificationPattern` when set.
package struct ApprovalRule: Sendable, Equatable {
    package var id: String
    package var tenantID: TenantID
    package var service: String
    /// Resource names to value patterns (`*` and `?` wildcards); empty: the whole service.
    package var resource: [String: String]
    package var approverGroup: String
    package var requiredApprovals: Int
    package var denialThreshold: Int
    package var maximumDurationSeconds: Int
    package var timeoutSeconds: Int
    package var justificationPattern: String?
    /// The longest break-glass access the rule allows (active at once, reviewed afterwards); `nil`: none.
    package var breakGlassMaximumSeconds: Int?
    /// Answers, besides the approvers, a request left unanswered past `timeoutSeconds`; it then
    /// waits one more timeout before it is denied (`timed-out`). `nil`: no escalation.
    package var escalationGroup: String?
    package var createdAt: Int64

    package init(
        id: String, tenantID: TenantID, service: String, resource: [String: String], approverGroup: String, requiredApprovals: Int,
        denialThreshold: Int, maximumDurationSeconds: Int, timeoutSeconds: Int, justificationPattern: String?,
        breakGlassMaximumSeconds: Int? = nil, escalationGroup: String? = nil, createdAt: Int64
    ) {
        self.id = id
        self.tenantID = tenantID
        self.service = service
        self.resource = resource
        self.approverGroup = approverGroup
        self.requiredApprovals = requiredApprovals
        self.denialThreshold = denialThreshold
        self.maximumDurationSeconds = maximumDurationSeconds
        self.timeoutSeconds = timeoutSeconds
        self.justificationPattern = justificationPattern
        self.breakGlassMaximumSeconds = breakGlassMaximumSeconds
        self.escalationGroup = escalationGroup
        self.createdAt = createdAt
    }
}
