// SPDX-License-Identifier: Apache-2.0

/// A person's verdict on one tag discovery gave one column.
///
/// Discovery's tags apply as soon as a scan finds them (so a tag policy masks a column without
/// waiting for anyone); a review then settles them. An **accepted** tag stays even when a later
/// scan no longer finds it (a person vouched for it); a **rejected** one is removed at once and
/// later scans do not add it again. Clearing the review gives the column back to the scans.
package struct TagReview: Sendable, Equatable, Hashable {
    package enum Verdict: String, Sendable, Codable, CaseIterable {
        case accepted
        case rejected
    }

    package var tenantID: TenantID
    package var datasourceID: String
    package var database: String
    package var table: String
    package var column: String
    package var tag: String
    package var verdict: Verdict
    /// Who gave the verdict, as audit records name actors (`user:<id>`, `api-key:<id>`).
    package var reviewerID: String
    package var reviewedAt: Int64

    package init(
        tenantID: TenantID, datasourceID: String, database: String, table: String, column: String, tag: String, verdict: Verdict,
        reviewerID: String, reviewedAt: Int64
    ) {
        self.tenantID = tenantID
        self.datasourceID = datasourceID
        self.database = database
        self.table = table
        self.column = column
        self.tag = tag
        self.verdict = verdict
        self.reviewerID = reviewerID
        self.reviewedAt = reviewedAt
    }

    /// The same identity as ``TagAssignment/key``: the tag on the column, whichever scan found it.
    package var key: String { "\(database)\u{1F}\(table)\u{1F}\(column)\u{1F}\(tag)" }
}
