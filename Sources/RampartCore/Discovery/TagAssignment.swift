// SPDX-License-Identifier: Apache-2.0

/// A tag discovery currently puts on a column of a datasource.
package struct TagAssignment: Sendable, Equatable, Hashable {
    package var tenantID: TenantID
    package var datasourceID: String
    /// The Ranger resource: database, table, column.
    package var database: String
    package var table: String
    package var column: String
    package var tag: String
    package var dataClass: String
    package var confidence: Double
    /// The scan that (last) found it.
    package var scanID: String
    package var assignedAt: Int64

    package init(
        tenantID: TenantID, datasourceID: String, database: String, table: String, column: String, tag: String, dataClass: String,
        confidence: Double, scanID: String, assignedAt: Int64
    ) {
        self.tenantID = tenantID
        self.datasourceID = datasourceID
        self.database = database
        self.table = table
        self.column = column
        self.tag = tag
        self.dataClass = dataClass
        self.confidence = confidence
        self.scanID = scanID
        self.assignedAt = assignedAt
    }

    /// Identity of an assignment regardless of the scan that found it.
    package var key: String { "\(database)\u{1F}\(table)\u{1F}\(column)\u{1F}\(tag)" }
}

/// One change of discovery's tags, kept after the tag itself is gone.
package struct TagHistoryEntry: Sendable, Equatable {
    package enum Action: String, Sendable, Codable {
        /// A scan found it.
        case added
        /// A scan no longer found it, or its datasource was deleted.
        case removed
        /// A person confirmed it (``TagReview``).
        case accepted
        /// A person rejected it: removed, and not added again by scans.
        case rejected
        /// A person withdrew their verdict: the column's tag is the scans' again.
        case cleared
    }

    package var id: String
    package var tenantID: TenantID
    package var datasourceID: String
    package var database: String
    package var table: String
    package var column: String
    package var tag: String
    package var action: Action
    /// The scan that found the tag (for a review, the one that last found it).
    package var scanID: String
    package var at: Int64
    /// Who reviewed it (`user:<id>`, `api-key:<id>`); `nil` for a scan's change.
    package var actor: String?

    package init(
        id: String, tenantID: TenantID, datasourceID: String, database: String, table: String, column: String, tag: String, action: Action,
        scanID: String, at: Int64, actor: String? = nil
    ) {
        self.actor = actor
        self.id = id
        self.tenantID = tenantID
        self.datasourceID = datasourceID
        self.database = database
        self.table = table
        self.column = column
        self.tag = tag
        self.action = action
        self.scanID = scanID
        self.at = at
    }
}
