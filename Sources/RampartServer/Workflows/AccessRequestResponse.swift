// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartCore

/// An access request as the API shows it, with its votes when read one at a time.
struct AccessRequestResponse: Encodable {
    struct Vote: Encodable {
        var approver: String
        var approve: Bool
        var comment: String?
        var at: String
    }

    var id: String
    var requester: String
    var service: String
    var resource: [String: String]
    var accessTypes: [String]
    var unmask: Bool
    var breakGlass: Bool
    var reviewedBy: String?
    var reviewedAt: String?
    var durationSeconds: Int
    var justification: String
    var state: String
    var ruleId: String
    var requiredApprovals: Int
    var approvals: Int
    var denials: Int
    var createdAt: String
    var timesOutAt: String
    var startsAt: String?
    var expiresAt: String?
    var decidedAt: String?
    var policyId: Int64?
    var escalated: Bool
    var votes: [Vote]?

    init(_ request: TemporaryAccessRequest, votes: [ApprovalVote]? = nil) {
        id = request.id
        requester = request.requester
        service = request.service
        resource = request.resource
        accessTypes = request.accessTypes
        unmask = request.unmask
        breakGlass = request.breakGlass
        reviewedBy = request.reviewedBy
        reviewedAt = request.reviewedAt.map(Timestamp.rfc3339(milliseconds:))
        durationSeconds = request.durationSeconds
        justification = request.justification
        state = request.state.rawValue
        ruleId = request.ruleID
        requiredApprovals = request.requiredApprovals
        approvals = request.approvals
        denials = request.denials
        createdAt = Timestamp.rfc3339(milliseconds: request.createdAt)
        timesOutAt = Timestamp.rfc3339(milliseconds: request.timesOutAt)
        startsAt = request.startsAt.map(Timestamp.rfc3339(milliseconds:))
        expiresAt = request.expiresAt.map(Timestamp.rfc3339(milliseconds:))
        decidedAt = request.decidedAt.map(Timestamp.rfc3339(milliseconds:))
        escalated = request.escalated
        policyId = request.policyID
        self.votes = votes?.map { Vote(approver: $0.approver, approve: $0.approve, comment: $0.comment, at: Timestamp.rfc3339(milliseconds: $0.at)) }
    }
}

/// An approval rule as the API shows it.
struct ApprovalRuleResponse: Encodable {
    var id: String
    var service: String
    var resource: [String: String]
    var approverGroup: String
    var requiredApprovals: Int
    var denialThreshold: Int
    var maximumDurationSeconds: Int
    var timeoutSeconds: Int
    var justificationPattern: String?
    var breakGlassMaximumSeconds: Int?
    var escalationGroup: String?
    var createdAt: String

    init(_ rule: ApprovalRule) {
        id = rule.id
        service = rule.service
        resource = rule.resource
        approverGroup = rule.approverGroup
        requiredApprovals = rule.requiredApprovals
        denialThreshold = rule.denialThreshold
        maximumDurationSeconds = rule.maximumDurationSeconds
        timeoutSeconds = rule.timeoutSeconds
        justificationPattern = rule.justificationPattern
        breakGlassMaximumSeconds = rule.breakGlassMaximumSeconds
        escalationGroup = rule.escalationGroup
        createdAt = Timestamp.rfc3339(milliseconds: rule.createdAt)
    }
}
