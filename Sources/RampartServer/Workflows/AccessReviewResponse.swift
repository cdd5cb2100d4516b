// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartCore

/// An access-review campaign as the API shows it: its progress, and its grants when read one at a time.
struct AccessReviewResponse: Encodable {
    struct Progress: Encodable {
        var total: Int
        var pending: Int
        var confirmed: Int
        var revoked: Int
        var unreviewed: Int
        var gone: Int
        /// Pending grants per reviewer group.
        var pendingByReviewer: [String: Int]
    }

    struct Grant: Encodable {
        var id: Int
        var policyId: Int64
        var policyName: String
        var service: String
        var principalType: String
        var principal: String
        var accessTypes: [String]
        var resource: [String: [String]]
        var reviewerGroup: String
        var state: String
        var decidedBy: String?
        var decidedAt: String?
        var comment: String?

        init(_ grant: ReviewGrant) {
            id = grant.id
            policyId = grant.policyID
            policyName = grant.policyName
            service = grant.service
            principalType = grant.principalKind.rawValue
            principal = grant.principal
            accessTypes = grant.accessTypes
            resource = grant.resource
            reviewerGroup = grant.reviewerGroup
            state = grant.state.rawValue
            decidedBy = grant.decidedBy
            decidedAt = grant.decidedAt.map(Timestamp.rfc3339(milliseconds:))
            comment = grant.comment
        }
    }

    var id: String
    var name: String
    var service: String
    var tag: String?
    var resource: [String: String]
    var reviewerGroup: String
    var onDeadline: String
    var deadline: String
    var state: String
    var createdBy: String
    var createdAt: String
    var closedAt: String?
    var progress: Progress?
    var grants: [Grant]?

    init(_ review: AccessReview, grants: [ReviewGrant]? = nil) {
        id = review.id
        name = review.name
        service = review.service
        tag = review.tag
        resource = review.resource
        reviewerGroup = review.reviewerGroup
        onDeadline = review.onDeadline.rawValue
        deadline = Timestamp.rfc3339(milliseconds: review.deadlineAt)
        state = review.state.rawValue
        createdBy = review.createdBy
        createdAt = Timestamp.rfc3339(milliseconds: review.createdAt)
        closedAt = review.closedAt.map(Timestamp.rfc3339(milliseconds:))
        guard let grants else { return }
        func count(_ state: ReviewGrant.State) -> Int { grants.filter { $0.state == state }.count }
        progress = Progress(
            total: grants.count, pending: count(.pending), confirmed: count(.confirmed), revoked: count(.revoked), unreviewed: count(.unreviewed),
            gone: count(.gone),
            pendingByReviewer: Dictionary(grouping: grants.filter { $0.state == .pending }, by: \.reviewerGroup).mapValues(\.count))
        self.grants = grants.map(Grant.init)
    }
}
