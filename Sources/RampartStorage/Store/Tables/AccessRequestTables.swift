// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import SQLKit

/// JSON text of the small maps and lists the access-request tables keep in one column.
enum JSONColumn {
    static func text<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func value<T: Decodable>(_ type: T.Type, _ text: String, column: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw RampartError(.storage, "column \(column) holds unreadable JSON")
        }
    }
}

/// `approval_rules`.
enum ApprovalRulesTable: StoredTable {
    static let name = "approval_rules"
    static let tenantID = Column<ApprovalRule, String>("tenant_id") { $0.tenantID.rawValue }
    static let id = Column<ApprovalRule, String>("id") { $0.id }
    static let service = Column<ApprovalRule, String>("service") { $0.service }
    static let resource = Column<ApprovalRule, String>("resource") { JSONColumn.text($0.resource) }
    static let approverGroup = Column<ApprovalRule, String>("approver_group") { $0.approverGroup }
    static let requiredApprovals = Column<ApprovalRule, Int64>("required_approvals") { Int64($0.requiredApprovals) }
    static let denialThreshold = Column<ApprovalRule, Int64>("denial_threshold") { Int64($0.denialThreshold) }
    static let maximumDuration = Column<ApprovalRule, Int64>("maximum_duration_seconds") { Int64($0.maximumDurationSeconds) }
    static let timeout = Column<ApprovalRule, Int64>("timeout_seconds") { Int64($0.timeoutSeconds) }
    static let justificationPattern = Column<ApprovalRule, String?>("justification_pattern") { $0.justificationPattern }
    static let breakGlassMaximum = Column<ApprovalRule, Int64?>("break_glass_maximum_seconds") { $0.breakGlassMaximumSeconds.map(Int64.init) }
    static let escalationGroup = Column<ApprovalRule, String?>("escalation_group") { $0.escalationGroup }
    static let createdAt = Column<ApprovalRule, Int64>("created_at") { $0.createdAt }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(id), AnyColumn(service), AnyColumn(resource), AnyColumn(approverGroup), AnyColumn(requiredApprovals),
        AnyColumn(denialThreshold), AnyColumn(maximumDuration), AnyColumn(timeout), AnyColumn(justificationPattern),
        AnyColumn(breakGlassMaximum), AnyColumn(escalationGroup), AnyColumn(createdAt),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> ApprovalRule {
        return ApprovalRule(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), service: try row.decode(service),
            resource: try JSONColumn.value([String: String].self, try row.decode(resource), column: resource.name),
            approverGroup: try row.decode(approverGroup), requiredApprovals: count(try row.decode(requiredApprovals)),
            denialThreshold: count(try row.decode(denialThreshold)), maximumDurationSeconds: count(try row.decode(maximumDuration)),
            timeoutSeconds: count(try row.decode(timeout)), justificationPattern: try row.decode(justificationPattern),
            breakGlassMaximumSeconds: try row.decode(breakGlassMaximum).map(count), escalationGroup: try row.decode(escalationGroup),
            createdAt: try row.decode(createdAt))
    }
}

/// `access_requests`.
enum AccessRequestsTable: StoredTable {
    typealias Request = TemporaryAccessRequest
    static let name = "access_requests"
    static let tenantID = Column<Request, String>("tenant_id") { $0.tenantID.rawValue }
    static let id = Column<Request, String>("id") { $0.id }
    static let requester = Column<Request, String>("requester") { $0.requester }
    static let service = Column<Request, String>("service") { $0.service }
    static let resource = Column<Request, String>("resource") { JSONColumn.text($0.resource) }
    static let accessTypes = Column<Request, String>("access_types") { JSONColumn.text($0.accessTypes) }
    static let unmask = Column<Request, Int64>("unmask") { $0.unmask ? 1 : 0 }
    static let breakGlass = Column<Request, Int64>("break_glass") { $0.breakGlass ? 1 : 0 }
    static let reviewedBy = Column<Request, String?>("reviewed_by") { $0.reviewedBy }
    static let reviewedAt = Column<Request, Int64?>("reviewed_at") { $0.reviewedAt }
    static let reviewOverdueRaised = Column<Request, Int64>("review_overdue_raised") { $0.reviewOverdueRaised ? 1 : 0 }
    static let duration = Column<Request, Int64>("duration_seconds") { Int64($0.durationSeconds) }
    static let justification = Column<Request, String>("justification") { $0.justification }
    static let state = Column<Request, String>("state") { $0.state.rawValue }
    static let ruleID = Column<Request, String>("rule_id") { $0.ruleID }
    static let requiredApprovals = Column<Request, Int64>("required_approvals") { Int64($0.requiredApprovals) }
    static let denialThreshold = Column<Request, Int64>("denial_threshold") { Int64($0.denialThreshold) }
    static let approvals = Column<Request, Int64>("approvals") { Int64($0.approvals) }
    static let denials = Column<Request, Int64>("denials") { Int64($0.denials) }
    static let createdAt = Column<Request, Int64>("created_at") { $0.createdAt }
    static let timesOutAt = Column<Request, Int64>("times_out_at") { $0.timesOutAt }
    static let decidedAt = Column<Request, Int64?>("decided_at") { $0.decidedAt }
    static let startsAt = Column<Request, Int64?>("starts_at") { $0.startsAt }
    static let expiresAt = Column<Request, Int64?>("expires_at") { $0.expiresAt }
    static let policyID = Column<Request, Int64?>("policy_id") { $0.policyID }
    static let escalated = Column<Request, Int64>("escalated") { $0.escalated ? 1 : 0 }
    static let requesterID = Column<Request, String?>("requester_id") { $0.requesterID }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(id), AnyColumn(requester), AnyColumn(service), AnyColumn(resource), AnyColumn(accessTypes),
        AnyColumn(unmask), AnyColumn(breakGlass), AnyColumn(reviewedBy), AnyColumn(reviewedAt), AnyColumn(reviewOverdueRaised), AnyColumn(duration),
        AnyColumn(justification), AnyColumn(state), AnyColumn(ruleID), AnyColumn(requiredApprovals),
        AnyColumn(denialThreshold), AnyColumn(approvals), AnyColumn(denials), AnyColumn(createdAt), AnyColumn(timesOutAt),
        AnyColumn(decidedAt), AnyColumn(startsAt), AnyColumn(expiresAt), AnyColumn(policyID), AnyColumn(escalated), AnyColumn(requesterID),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> Request {
        return Request(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), requester: try row.decode(requester),
            service: try row.decode(service), resource: try JSONColumn.value([String: String].self, try row.decode(resource), column: resource.name),
            accessTypes: try JSONColumn.value([String].self, try row.decode(accessTypes), column: accessTypes.name),
            unmask: try row.decode(unmask) != 0, breakGlass: try row.decode(breakGlass) != 0, reviewedBy: try row.decode(reviewedBy),
            reviewedAt: try row.decode(reviewedAt), reviewOverdueRaised: try row.decode(reviewOverdueRaised) != 0,
            durationSeconds: count(try row.decode(duration)), justification: try row.decode(justification),
            state: Request.State(rawValue: try row.decode(state)) ?? .denied, ruleID: try row.decode(ruleID),
            requiredApprovals: count(try row.decode(requiredApprovals)), denialThreshold: count(try row.decode(denialThreshold)),
            approvals: count(try row.decode(approvals)), denials: count(try row.decode(denials)), createdAt: try row.decode(createdAt),
            timesOutAt: try row.decode(timesOutAt), decidedAt: try row.decode(decidedAt), startsAt: try row.decode(startsAt),
            expiresAt: try row.decode(expiresAt), policyID: try row.decode(policyID), escalated: try row.decode(escalated) != 0,
            requesterID: try row.decode(requesterID))
    }
}

/// `access_request_votes`.
enum AccessRequestVotesTable: StoredTable {
    static let name = "access_request_votes"
    static let tenantID = Column<ApprovalVote, String>("tenant_id") { $0.tenantID.rawValue }
    static let requestID = Column<ApprovalVote, String>("request_id") { $0.requestID }
    static let approver = Column<ApprovalVote, String>("approver") { $0.approver }
    static let approverID = Column<ApprovalVote, String?>("approver_id") { $0.approverID }
    static let approve = Column<ApprovalVote, Int64>("approve") { $0.approve ? 1 : 0 }
    static let comment = Column<ApprovalVote, String?>("comment") { $0.comment }
    static let at = Column<ApprovalVote, Int64>("at") { $0.at }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(requestID), AnyColumn(approver), AnyColumn(approverID), AnyColumn(approve), AnyColumn(comment), AnyColumn(at),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(requestID), AnyColumn(approver)]

    static func decode(_ row: any SQLRow) throws -> ApprovalVote {
        ApprovalVote(
            tenantID: TenantID(try row.decode(tenantID)), requestID: try row.decode(requestID), approver: try row.decode(approver),
            approverID: try row.decode(approverID), approve: try row.decode(approve) != 0, comment: try row.decode(comment), at: try row.decode(at))
    }
}
