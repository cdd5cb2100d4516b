// SPDX-License-Identifier: Apache-2.0

import RampartCore
import SQLKit

/// `discovery_tag_reviews` (written by an upsert, see `putTagReview`).
enum TagReviewsTable: StoredTable {
    static let name = "discovery_tag_reviews"
    static let tenantID = Column<TagReview, String>("tenant_id") { $0.tenantID.rawValue }
    static let datasourceID = Column<TagReview, String>("datasource_id") { $0.datasourceID }
    static let databaseName = Column<TagReview, String>("database_name") { $0.database }
    static let tableName = Column<TagReview, String>("table_name") { $0.table }
    static let columnName = Column<TagReview, String>("column_name") { $0.column }
    static let tag = Column<TagReview, String>("tag") { $0.tag }
    static let verdict = Column<TagReview, String>("verdict") { $0.verdict.rawValue }
    static let reviewerID = Column<TagReview, String>("reviewer_id") { $0.reviewerID }
    static let reviewedAt = Column<TagReview, Int64>("reviewed_at") { $0.reviewedAt }

    static let columns = [
        AnyColumn(tenantID), AnyColumn(datasourceID), AnyColumn(databaseName), AnyColumn(tableName), AnyColumn(columnName), AnyColumn(tag),
        AnyColumn(verdict), AnyColumn(reviewerID), AnyColumn(reviewedAt),
    ]
    static let key = [
        AnyColumn(tenantID), AnyColumn(datasourceID), AnyColumn(databaseName), AnyColumn(tableName), AnyColumn(columnName), AnyColumn(tag),
    ]

    static func decode(_ row: any SQLRow) throws -> TagReview {
        TagReview(
            tenantID: TenantID(try row.decode(tenantID)), datasourceID: try row.decode(datasourceID), database: try row.decode(databaseName),
            table: try row.decode(tableName), column: try row.decode(columnName), tag: try row.decode(tag),
            // A verdict this version does not know is read as the safer one: the tag stays off.
            verdict: TagReview.Verdict(rawValue: try row.decode(verdict)) ?? .rejected, reviewerID: try row.decode(reviewerID),
            reviewedAt: try row.decode(reviewedAt))
    }
}
