// SPDX-License-Identifier: Apache-2.0

/// An access-review campaign: every grant in its scope (the allow items of the policies over a
/// service's resources, or over the columns carrying a tag) is confirmed or revoked by a reviewer
/// before the deadline; what nobody reviewed is then revoked or reported, as the campaign says.
package struct AccessReview: Sendable, Equatable {
    package enum State: String, Sendable, CaseIterable {
        case open
        case closed
    }

    /// What happens at the deadline to grants nobody reviewed.
    package enum DeadlineAction: String, Sendable, CaseIterable {
        case revoke
        case report
    }

    package var id: String
    package var tenantID: TenantID
    package var name: String
    package var service: String
    /// Only grants over columns carrying this tag (and the tag's own policies).
    package var tag: String?
    /// Only policies whose values for these resources match the patterns.
    package var resource: [String: String]
    /// Reviews grants no approval rule assigns to a resource owner.
    package var reviewerGroup: String
    package var onDeadline: DeadlineAction
    package var deadlineAt: Int64
    package var state: State
    package var createdBy: String
    /// The creator's user id (`nil` for campaigns from before ids were kept).
    package var createdByID: String?
    package var createdAt: Int64
    package var closedAt: Int64?

    package init(
        id: String, tenantID: TenantID, name: String, service: String, tag: String?, resource: [String: String], reviewerGroup: String,
        onDeadline: DeadlineAction, deadlineAt: Int64, state: State = .open, createdBy: String, createdAt: Int64, closedAt: Int64? = nil,
        createdByID: String? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.service = service
        self.tag = tag
        self.resource = resource
        self.reviewerGroup = reviewerGroup
        self.onDeadline = onDeadline
        self.deadlineAt = deadlineAt
        self.state = state
        self.createdBy = createdBy
        self.createdByID = createdByID
        self.createdAt = createdAt
        self.closedAt = closedAt
    }
}

/// One grant under review: a principal named in one allow item of one policy.
package struct ReviewGrant: Sendable, Equatable {
    package enum State: String, Sendable, CaseIterable {
        case pending
        case confirmed
        case revoked
        /// Nobody reviewed it by the deadline of a campaign that reports rather than revokes.
        case unreviewed
        /// The policy or the principal's place in it changed before the review; nothing to revoke.
        case gone
    }

    package enum PrincipalKind: String, Sendable, CaseIterable {
        case user
        case group
        case role
    }

    package var tenantID: TenantID
    package var reviewID: String
    /// `1`, `2`, … within the campaign.
    package var id: Int
    package var policyID: Int64
    package var policyName: String
    package var service: String
    /// The allow item's position in the policy when the campaign started.
    package var itemIndex: Int
    package var principalKind: PrincipalKind
    package var principal: String
    package var accessTypes: [String]
    /// The policy's resources when the campaign started (name → values).
    package var resource: [String: [String]]
    package var reviewerGroup: String
    package var state: State
    package var decidedBy: String?
    package var decidedAt: Int64?
    package var comment: String?

    package init(
        tenantID: TenantID, reviewID: String, id: Int, policyID: Int64, policyName: String, service: String, itemIndex: Int,
        principalKind: PrincipalKind, principal: String, accessTypes: [String], resource: [String: [String]], reviewerGroup: String,
        state: State = .pending, decidedBy: String? = nil, decidedAt: Int64? = nil, comment: String? = nil
    ) {
        self.tenantID = tenantID
        self.reviewID = reviewID
        self.id = id
        self.policyID = policyID
        self.policyName = policyName
        self.service = service
        self.itemIndex = itemIndex
        self.principalKind = principalKind
        self.principal = principal
        self.accessTypes = accessTypes
        self.resource = resource
        self.reviewerGroup = reviewerGroup
        self.state = state
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.comment = comment
    }
}
