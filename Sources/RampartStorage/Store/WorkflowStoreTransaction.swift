// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// The store operations of access requests and change requests, part of every ``StoreTransaction``.
package protocol WorkflowStoreTransaction: Sendable {
    func insertApprovalRule(_ rule: ApprovalRule) async throws
    func approvalRules(in tenant: TenantID) async throws -> [ApprovalRule]
    func approvalRule(id: String, in tenant: TenantID) async throws -> ApprovalRule?
    func deleteApprovalRule(id: String, in tenant: TenantID) async throws -> Bool

    func insertAccessRequest(_ request: TemporaryAccessRequest) async throws
    func accessRequest(id: String, in tenant: TenantID) async throws -> TemporaryAccessRequest?
    /// The tenant's requests, newest first, of one requester when given, up to `limit`.
    func accessRequests(in tenant: TenantID, requester: String?, limit: Int) async throws -> [TemporaryAccessRequest]
    func updateAccessRequest(_ request: TemporaryAccessRequest) async throws
    /// Requests of every tenant that are due: active past `expiresAt` or pending past `timesOutAt`.
    func dueAccessRequests(at now: Int64, limit: Int) async throws -> [TemporaryAccessRequest]
    /// Break-glass requests of every tenant made before `before`, not reviewed, not yet raised.
    func overdueBreakGlassReviews(madeBefore before: Int64, limit: Int) async throws -> [TemporaryAccessRequest]

    /// Records a vote; `false` when the approver had already answered this request.
    func insertApprovalVote(_ vote: ApprovalVote) async throws -> Bool
    func approvalVotes(request: String, in tenant: TenantID) async throws -> [ApprovalVote]

    func insertChangeRequest(_ change: ChangeRequest) async throws
    func changeRequest(id: String, in tenant: TenantID) async throws -> ChangeRequest?
    /// The tenant's change requests, newest first, in one state when given, up to `limit`.
    func changeRequests(in tenant: TenantID, state: ChangeRequest.State?, limit: Int) async throws -> [ChangeRequest]
    func updateChangeRequest(_ change: ChangeRequest) async throws
    /// Emergency changes of every tenant applied before `before`, not reviewed, not yet raised.
    func overdueEmergencyChanges(appliedBefore before: Int64, limit: Int) async throws -> [ChangeRequest]

    func insertAccessReview(_ review: AccessReview, grants: [ReviewGrant]) async throws
    func accessReview(id: String, in tenant: TenantID) async throws -> AccessReview?
    /// The tenant's campaigns, newest first, up to `limit`.
    func accessReviews(in tenant: TenantID, limit: Int) async throws -> [AccessReview]
    func updateAccessReview(_ review: AccessReview) async throws
    /// Open campaigns of every tenant whose deadline is at or before `now`.
    func dueAccessReviews(at now: Int64, limit: Int) async throws -> [AccessReview]
    func reviewGrants(review: String, in tenant: TenantID) async throws -> [ReviewGrant]
    func reviewGrant(review: String, id: Int, in tenant: TenantID) async throws -> ReviewGrant?
    func updateReviewGrant(_ grant: ReviewGrant) async throws
}
