// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// People's verdicts on the tags discovery gave columns (``TagReview``): accept, reject, or clear
/// a verdict, one tag or many at once, all or nothing.
///
/// A rejection removes the tag at once, as a policy write, so decisions (and the PostgreSQL
/// sync) follow it before the call returns. Each verdict is in the tag history with its reviewer,
/// and the request's audit record names the datasource, the action and the tags.
///
/// While the tenant requires four eyes, reject and clear are refused: either can take a tag, and
/// the mask of a tag policy with it, off a column (as replacing a tag service's tags is refused).
/// Accept only keeps a tag, and stays open.
package struct TagReviews: Sendable {
    package let services: RampartServices
    package let administration: PolicyAdministration
    package let changes: ChangeRequests

    package init(services: RampartServices, administration: PolicyAdministration, changes: ChangeRequests) {
        self.services = services
        self.administration = administration
        self.changes = changes
    }

    /// How many tags an audit record names; a larger review names the first ones and the count.
    static let tagsNamedInAudit = 20

    /// The most tags one request may review: a page of a large datasource's tags in one go.
    package static let maximumTargets = 500
    /// Longest table, column or tag name accepted.
    package static let maximumNameLength = 256

    /// One tag on one column of a datasource, as a request names it.
    package struct Target: Sendable, Hashable {
        package var datasourceID: String
        package var table: String
        package var column: String
        package var tag: String

        package init(datasourceID: String, table: String, column: String, tag: String) {
            self.datasourceID = datasourceID
            self.table = table
            self.column = column
            self.tag = tag
        }
    }

    package enum Action: String, Sendable, CaseIterable {
        /// Keep the tag even when later scans no longer find it.
        case accept
        /// Remove the tag, and keep scans from adding it again.
        case reject
        /// Forget the verdict: the column's tag is the scans' again.
        case clear
    }

    /// The reviews of a tenant's tags, of one datasource when given.
    package func list(in tenant: TenantID, datasource: String?) async throws -> [TagReview] {
        try await services.store.read { tx in try await tx.tagReviews(in: tenant, datasource: datasource) }
    }

    /// Applies `action` to every target, or to none: an unknown datasource, a tag the column does
    /// not have (accept, reject) or a verdict that does not exist (clear) refuses the whole request.
    ///
    /// - Returns: how many tags were reviewed (repeated targets count once).
    package func review(
        _ targets: [Target], action: Action, reviewer: String, in tenant: TenantID, audit: AuditContext?
    ) async throws -> Int {
        guard (1...Self.maximumTargets).contains(targets.count) else {
            throw RampartError(.validationFailed, "name 1 to \(Self.maximumTargets) tags", field: "items")
        }
        for target in targets {
            guard UUIDv7.isWellFormed(target.datasourceID) else {
                throw RampartError(.validationFailed, "`datasourceId` is not an id", field: "items")
            }
            for (name, value) in [("table", target.table), ("column", target.column), ("tag", target.tag)]
            where value.isEmpty || value.utf8.count > Self.maximumNameLength {
                throw RampartError(.validationFailed, "`\(name)` must be 1 to \(Self.maximumNameLength) bytes", field: "items")
            }
        }
        if action != .accept {
            try await changes.refuseWhenRequired("rejecting a tag or withdrawing a verdict can unmask a column", in: tenant)
        }
        var seen: Set<Target> = []
        let unique = targets.filter { seen.insert($0).inserted }
        let datasources = Set(unique.map(\.datasourceID)).sorted()
        audit?.setEntity("datasources", datasources.count == 1 ? datasources[0] : nil)
        audit?.setDetails([
            "action": action.rawValue, "count": String(unique.count), "datasources": datasources.joined(separator: ","),
            "tags": unique.prefix(Self.tagsNamedInAudit).map { "\($0.table).\($0.column):\($0.tag)" }.joined(separator: ","),
        ])
        let now = services.clock.now()
        // Always a policy write: whether a datasource feeds a tag service is read inside it, so a
        // binding that changes meanwhile cannot leave decisions behind the tags.
        _ = try await administration.write(tenant, audit: audit) { tx, _ in
            var tagServices: Set<String> = []
            for (datasourceID, group) in Dictionary(grouping: unique, by: \.datasourceID) {
                guard let datasource = try await tx.datasource(id: datasourceID, in: tenant) else { throw RampartError.notFound("datasource") }
                try await Self.review(group, action: action, reviewer: reviewer, datasource: datasource, at: now, tx)
                if let target = try await DiscoveryTagger.rangerService(for: datasource, tx) { tagServices.insert(target.tagService) }
            }
            for tagService in tagServices.sorted() { try await DiscoveryTagger.sync(tagService: tagService, tenant: tenant, at: now, tx) }
        }
        return unique.count
    }

    private static func review(
        _ targets: [Target], action: Action, reviewer: String, datasource: Datasource, at now: Int64, _ tx: any StoreTransaction
    ) async throws {
        let current = Dictionary(try await tx.tagAssignments(in: datasource.tenantID, datasource: datasource.id).map { ($0.key, $0) }) { a, _ in a }
        let reviews = Dictionary(try await tx.tagReviews(in: datasource.tenantID, datasource: datasource.id).map { ($0.key, $0) }) { a, _ in a }
        for target in targets {
            var review = TagReview(
                tenantID: datasource.tenantID, datasourceID: datasource.id, database: datasource.rangerDatabase, table: target.table,
                column: target.column, tag: target.tag, verdict: .accepted, reviewerID: reviewer, reviewedAt: now)
            let named = "`\(target.tag)` on \(target.table).\(target.column)"
            switch action {
            case .accept, .reject:
                guard let assignment = current[review.key] else {
                    throw RampartError(.notFound, "datasource \(datasource.name) has no tag \(named)")
                }
                review.verdict = action == .accept ? .accepted : .rejected
                try await tx.putTagReview(review)
                if action == .reject { try await tx.deleteTagAssignment(assignment) }
                try await tx.insertTagHistory(
                    DiscoveryTagger.history(
                        assignment, action == .accept ? .accepted : .rejected, scanID: assignment.scanID, at: now, actor: reviewer))
            case .clear:
                guard reviews[review.key] != nil, try await tx.deleteTagReview(review) else {
                    throw RampartError(.notFound, "datasource \(datasource.name) has no verdict on \(named)")
                }
                let entry = TagAssignment(
                    tenantID: review.tenantID, datasourceID: review.datasourceID, database: review.database, table: review.table,
                    column: review.column, tag: review.tag, dataClass: "", confidence: 0, scanID: "", assignedAt: now)
                try await tx.insertTagHistory(
                    DiscoveryTagger.history(entry, .cleared, scanID: current[review.key]?.scanID ?? "", at: now, actor: reviewer))
            }
        }
    }
}
