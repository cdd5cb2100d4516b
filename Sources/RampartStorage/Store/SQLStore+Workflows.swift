// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

extension SQLStoreTransaction {
    func insertApprovalRule(_ rule: ApprovalRule) async throws {
        try await sql.raw(ApprovalRulesTable.insert(rule)).run()
    }

    func approvalRules(in tenant: TenantID) async throws -> [ApprovalRule] {
        try await sql.raw("SELECT * FROM approval_rules WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY id").all()
            .map(ApprovalRulesTable.decode)
    }

    func approvalRule(id: String, in tenant: TenantID) async throws -> ApprovalRule? {
        try await sql.raw("SELECT * FROM approval_rules WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)").first()
            .map(ApprovalRulesTable.decode)
    }

    func deleteApprovalRule(id: String, in tenant: TenantID) async throws -> Bool {
        !(try await sql.raw("DELETE FROM approval_rules WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING id").all())
            .isEmpty
    }

    func insertAccessRequest(_ request: TemporaryAccessRequest) async throws {
        try await sql.raw(AccessRequestsTable.insert(request)).run()
    }

    func accessRequest(id: String, in tenant: TenantID) async throws -> TemporaryAccessRequest? {
        try await sql.raw("SELECT * FROM access_requests WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)").first()
            .map(AccessRequestsTable.decode)
    }

    func accessRequests(in tenant: TenantID, requester: String?, limit: Int) async throws -> [TemporaryAccessRequest] {
        let filter = requester.map { (column: AccessRequestsTable.requester.name, value: $0) }
        return try await sql.raw(AccessRequestsTable.newestFirst(in: tenant.rawValue, where: filter, limit: limit)).all()
            .map(AccessRequestsTable.decode)
    }

    func updateAccessRequest(_ request: TemporaryAccessRequest) async throws {
        try await sql.raw(AccessRequestsTable.update(request)).run()
    }

    func dueAccessRequests(at now: Int64, limit: Int) async throws -> [TemporaryAccessRequest] {
        try await sql.raw(
            """
            SELECT * FROM access_requests
            WHERE (state = 'active' AND expires_at <= \(bind: now)) OR (state = 'pending' AND times_out_at <= \(bind: now))
                OR (state = 'approved' AND starts_at <= \(bind: now))
            ORDER BY id LIMIT \(bind: Int64(min(max(limit, 1), 1000)))
            """
        ).all().map(AccessRequestsTable.decode)
    }

    func overdueBreakGlassReviews(madeBefore before: Int64, limit: Int) async throws -> [TemporaryAccessRequest] {
        try await sql.raw(
            """
            SELECT * FROM access_requests
            WHERE break_glass = 1 AND reviewed_at IS NULL AND review_overdue_raised = 0 AND created_at <= \(bind: before)
            ORDER BY id LIMIT \(bind: Int64(min(max(limit, 1), 1000)))
            """
        ).all().map(AccessRequestsTable.decode)
    }

    func insertApprovalVote(_ vote: ApprovalVote) async throws -> Bool {
        var query = AccessRequestVotesTable.insert(vote)
        // Any conflict: the same name, or the same person under another name (`approver_id`).
        query.appendInterpolation(unsafeRaw: " ON CONFLICT DO NOTHING RETURNING approver")
        return !(try await sql.raw(query).all()).isEmpty
    }

    func approvalVotes(request: String, in tenant: TenantID) async throws -> [ApprovalVote] {
        try await sql.raw(
            "SELECT * FROM access_request_votes WHERE tenant_id = \(bind: tenant.rawValue) AND request_id = \(bind: request) ORDER BY at, approver"
        ).all().map(AccessRequestVotesTable.decode)
    }

    func insertChangeRequest(_ change: ChangeRequest) async throws {
        try await sql.raw(ChangeRequestsTable.insert(change)).run()
    }

    func changeRequest(id: String, in tenant: TenantID) async throws -> ChangeRequest? {
        try await sql.raw("SELECT * FROM change_requests WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)").first()
            .map(ChangeRequestsTable.decode)
    }

    func changeRequests(in tenant: TenantID, state: ChangeRequest.State?, limit: Int) async throws -> [ChangeRequest] {
        let filter = state.map { (column: ChangeRequestsTable.state.name, value: $0.rawValue) }
        return try await sql.raw(ChangeRequestsTable.newestFirst(in: tenant.rawValue, where: filter, limit: limit)).all()
            .map(ChangeRequestsTable.decode)
    }

    func updateChangeRequest(_ change: ChangeRequest) async throws {
        try await sql.raw(ChangeRequestsTable.update(change)).run()
    }

    func overdueEmergencyChanges(appliedBefore before: Int64, limit: Int) async throws -> [ChangeRequest] {
        try await sql.raw(
            """
            SELECT * FROM change_requests
            WHERE emergency = 1 AND reviewed_at IS NULL AND review_overdue_raised = 0 AND decided_at <= \(bind: before)
            ORDER BY id LIMIT \(bind: Int64(min(max(limit, 1), 1000)))
            """
        ).all().map(ChangeRequestsTable.decode)
    }

    func insertAccessReview(_ review: AccessReview, grants: [ReviewGrant]) async throws {
        try await sql.raw(AccessReviewsTable.insert(review)).run()
        for grant in grants { try await sql.raw(AccessReviewGrantsTable.insert(grant)).run() }
    }

    func accessReview(id: String, in tenant: TenantID) async throws -> AccessReview? {
        try await sql.raw("SELECT * FROM access_reviews WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)").first()
            .map(AccessReviewsTable.decode)
    }

    func accessReviews(in tenant: TenantID, limit: Int) async throws -> [AccessReview] {
        try await sql.raw(AccessReviewsTable.newestFirst(in: tenant.rawValue, where: nil, limit: limit)).all().map(AccessReviewsTable.decode)
    }

    func updateAccessReview(_ review: AccessReview) async throws {
        try await sql.raw(AccessReviewsTable.update(review)).run()
    }

    func dueAccessReviews(at now: Int64, limit: Int) async throws -> [AccessReview] {
        try await sql.raw(
            """
            SELECT * FROM access_reviews WHERE state = 'open' AND deadline_at <= \(bind: now)
            ORDER BY id LIMIT \(bind: Int64(min(max(limit, 1), 1000)))
            """
        ).all().map(AccessReviewsTable.decode)
    }

    func reviewGrants(review: String, in tenant: TenantID) async throws -> [ReviewGrant] {
        try await sql.raw(
            "SELECT * FROM access_review_grants WHERE tenant_id = \(bind: tenant.rawValue) AND review_id = \(bind: review) ORDER BY id"
        ).all().map(AccessReviewGrantsTable.decode)
    }

    func reviewGrant(review: String, id: Int, in tenant: TenantID) async throws -> ReviewGrant? {
        try await sql.raw(
            """
            SELECT * FROM access_review_grants WHERE tenant_id = \(bind: tenant.rawValue) AND review_id = \(bind: review) AND id = \(bind: Int64(id))
            """
        ).first().map(AccessReviewGrantsTable.decode)
    }

    func updateReviewGrant(_ grant: ReviewGrant) async throws {
        try await sql.raw(AccessReviewGrantsTable.update(grant)).run()
    }
}
