// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `access_reviews`.
enum AccessReviewsTable: StoredTable {
    static let name = "access_reviews"
    static let tenantID = Column<AccessReview, String>("tenant_id") { $0.tenantID.rawValue }
    static let id = Column<AccessReview, String>("id") { $0.id }
    static let reviewName = Column<AccessReview, String>("name") { $0.name }
    static let service = Column<AccessReview, String>("service") { $0.service }
    static let tag = Column<AccessReview, String?>("tag") { $0.tag }
    static let resource = Column<AccessReview, String>("resource") { JSONColumn.text($0.resource) }
    static let reviewerGroup = Column<AccessReview, String>("reviewer_group") { $0.reviewerGroup }
    static let onDeadline = Column<AccessReview, String>("on_deadline") { $0.onDeadline.rawValue }
    static let deadlineAt = Column<AccessReview, Int64>("deadline_at") { $0.deadlineAt }
    static let state = Column<AccessReview, String>("state") { $0.state.rawValue }
    static let createdBy = Column<AccessReview, String>("created_by") { $0.createdBy }
    static let createdByID = Column<AccessReview, String?>("created_by_id") { $0.createdByID }
    static let createdAt = Column<AccessReview, Int64>("created_at") { $0.createdAt }
    static let closedAt = Column<AccessReview, Int64?>("closed_at") { $0.closedAt }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(id), AnyColumn(reviewName), AnyColumn(service), AnyColumn(tag), AnyColumn(resource),
        AnyColumn(reviewerGroup), AnyColumn(onDeadline), AnyColumn(deadlineAt), AnyColumn(state), AnyColumn(createdBy), AnyColumn(createdAt),
        AnyColumn(closedAt), AnyColumn(createdByID),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> AccessReview {
        AccessReview(
            id: try row.decode(id), tenantID: TenantID(try row.decode(tenantID)), name: try row.decode(reviewName),
            service: try row.decode(service), tag: try row.decode(tag),
            resource: try JSONColumn.value([String: String].self, try row.decode(resource), column: resource.name),
            reviewerGroup: try row.decode(reviewerGroup),
            // A value this version does not know reports rather than revokes: the safe reading.
            onDeadline: AccessReview.DeadlineAction(rawValue: try row.decode(onDeadline)) ?? .report, deadlineAt: try row.decode(deadlineAt),
            state: AccessReview.State(rawValue: try row.decode(state)) ?? .closed, createdBy: try row.decode(createdBy),
            createdAt: try row.decode(createdAt), closedAt: try row.decode(closedAt), createdByID: try row.decode(createdByID))
    }
}

/// `access_review_grants`.
enum AccessReviewGrantsTable: StoredTable {
    static let name = "access_review_grants"
    static let tenantID = Column<ReviewGrant, String>("tenant_id") { $0.tenantID.rawValue }
    static let reviewID = Column<ReviewGrant, String>("review_id") { $0.reviewID }
    static let id = Column<ReviewGrant, Int64>("id") { Int64($0.id) }
    static let policyID = Column<ReviewGrant, Int64>("policy_id") { $0.policyID }
    static let policyName = Column<ReviewGrant, String>("policy_name") { $0.policyName }
    static let service = Column<ReviewGrant, String>("service") { $0.service }
    static let itemIndex = Column<ReviewGrant, Int64>("item_index") { Int64($0.itemIndex) }
    static let principalKind = Column<ReviewGrant, String>("principal_kind") { $0.principalKind.rawValue }
    static let principal = Column<ReviewGrant, String>("principal") { $0.principal }
    static let accessTypes = Column<ReviewGrant, String>("access_types") { JSONColumn.text($0.accessTypes) }
    static let resource = Column<ReviewGrant, String>("resource") { JSONColumn.text($0.resource) }
    static let reviewerGroup = Column<ReviewGrant, String>("reviewer_group") { $0.reviewerGroup }
    static let state = Column<ReviewGrant, String>("state") { $0.state.rawValue }
    static let decidedBy = Column<ReviewGrant, String?>("decided_by") { $0.decidedBy }
    static let decidedAt = Column<ReviewGrant, Int64?>("decided_at") { $0.decidedAt }
    static let comment = Column<ReviewGrant, String?>("comment") { $0.comment }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(reviewID), AnyColumn(id), AnyColumn(policyID), AnyColumn(policyName), AnyColumn(service),
        AnyColumn(itemIndex), AnyColumn(principalKind), AnyColumn(principal), AnyColumn(accessTypes), AnyColumn(resource),
        AnyColumn(reviewerGroup), AnyColumn(state), AnyColumn(decidedBy), AnyColumn(decidedAt), AnyColumn(comment),
    ]
    static let key = [AnyColumn(tenantID), AnyColumn(reviewID), AnyColumn(id)]

    static func decode(_ row: any SQLRow) throws -> ReviewGrant {
        ReviewGrant(
            tenantID: TenantID(try row.decode(tenantID)), reviewID: try row.decode(reviewID), id: count(try row.decode(id)),
            policyID: try row.decode(policyID), policyName: try row.decode(policyName), service: try row.decode(service),
            itemIndex: count(try row.decode(itemIndex)), principalKind: ReviewGrant.PrincipalKind(rawValue: try row.decode(principalKind)) ?? .user,
            principal: try row.decode(principal),
            accessTypes: try JSONColumn.value([String].self, try row.decode(accessTypes), column: accessTypes.name),
            resource: try JSONColumn.value([String: [String]].self, try row.decode(resource), column: resource.name),
            reviewerGroup: try row.decode(reviewerGroup), state: ReviewGrant.State(rawValue: try row.decode(state)) ?? .gone,
            decidedBy: try row.decode(decidedBy), decidedAt: try row.decode(decidedAt), comment: try row.decode(comment))
    }
}
