// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartConnectors
import RampartCore

/// A datasource as the API shows it: its settings and whether a password is stored, never the password.
package struct DatasourceResponse: Codable, Sendable {
    package var id: String
    package var name: String
    package var kind: String
    package var path: String?
    package var host: String?
    package var port: Int?
    package var database: String?
    package var username: String?
    package var tls: String?
    package var rangerService: String?
    package var rangerDatabase: String
    package var hasCredentials: Bool
    /// Enforcement settings (PostgreSQL datasources; absent until set).
    package var sync: DatasourceSyncSettings?
    package var createdAt: String
    package var updatedAt: String

    package init(_ d: Datasource) {
        id = d.id
        name = d.name
        kind = d.kind.rawValue
        path = d.config.path
        host = d.config.host
        port = d.config.port
        database = d.config.database
        username = d.config.username
        tls = d.config.tls
        rangerService = d.config.rangerService
        rangerDatabase = d.rangerDatabase
        hasCredentials = d.hasCredentials
        sync = d.config.sync
        createdAt = Timestamp.rfc3339(milliseconds: d.createdAt)
        updatedAt = Timestamp.rfc3339(milliseconds: d.updatedAt)
    }
}

/// The answer of `POST /v1/datasources/{id}/test`: a failed test is a result, not an HTTP error.
package struct DatasourceTestResponse: Encodable, Sendable {
    package struct Failure: Codable, Sendable {
        /// `dns`, `refused`, `auth`, `tls`, `permission`, `timeout`, `not-found` or `invalid-data`.
        package var code: String
        package var message: String
    }

    package var ok: Bool
    package var tables: Int?
    package var error: Failure?
    /// For a PostgreSQL datasource with `sync.enabled`: what the sync role lacks or has too much
    /// of (the preflight of every plan), each with the statement a DBA runs; empty when ready.
    package var enforcement: [EnforcementReport.Finding]?
}

/// `GET /v1/datasources/{id}/schema`.
package struct DatasourceSchemaResponse: Codable, Sendable {
    package var tables: [SchemaTable]
}

/// A scan job with its progress.
package struct ScanResponse: Codable, Sendable {
    package struct Progress: Codable, Sendable {
        package var tablesDone: Int
        package var tablesTotal: Int
        package var rowsRead: Int64
        package var bytesRead: Int64
        package var currentTable: String?
        /// Seconds left, extrapolated from the tables done; absent before the first table or once finished.
        package var etaSeconds: Int64?
    }

    package var id: String
    package var datasourceId: String
    package var status: String
    package var options: ScanOptions
    package var progress: Progress
    package var error: String?
    package var cancelRequested: Bool
    package var createdAt: String
    package var startedAt: String?
    package var finishedAt: String?

    package init(_ s: ScanJob, now: Int64) {
        id = s.id
        datasourceId = s.datasourceID
        status = s.status.rawValue
        options = s.options
        let eta = s.status == .running ? s.startedAt.flatMap { s.progress.etaSeconds(elapsed: max(0, now.subtractingSaturating($0)) / 1000) } : nil
        progress = Progress(
            tablesDone: s.progress.tablesDone, tablesTotal: s.progress.tablesTotal, rowsRead: s.progress.rowsRead,
            bytesRead: s.progress.bytesRead, currentTable: s.progress.currentTable, etaSeconds: eta)
        error = s.error
        cancelRequested = s.cancelRequested
        createdAt = Timestamp.rfc3339(milliseconds: s.createdAt)
        startedAt = s.startedAt.map { Timestamp.rfc3339(milliseconds: $0) }
        finishedAt = s.finishedAt.map { Timestamp.rfc3339(milliseconds: $0) }
    }
}

/// `GET /v1/scans/{id}/results`: per column, the classes found and a few masked samples.
package struct ScanResultsResponse: Codable, Sendable {
    package struct Column: Codable, Sendable {
        package var table: String
        package var column: String
        package var classes: [String]
        package var confidence: [String: Double]
        package var prevalence: [String: Double]
        package var rowsScanned: Int64
        /// Masked examples per class (`j***@example.com`); raw values are never stored.
        package var maskedSamples: [String: [String]]
    }

    package var scanId: String
    package var status: String
    package var columns: [Column]
}

package struct TaggingRuleResponse: Codable, Sendable {
    package var id: String
    package var `class`: String
    package var minConfidence: Double
    package var tag: String
    package var createdAt: String

    package init(_ r: TaggingRule) {
        id = r.id
        `class` = r.dataClass
        minConfidence = r.minConfidence
        tag = r.tag
        createdAt = Timestamp.rfc3339(milliseconds: r.createdAt)
    }
}

/// A tagged column as `GET /v1/tags/resources` lists it, in the Ranger resource shape.
package struct TaggedResourceResponse: Codable, Sendable {
    package var datasourceId: String
    package var resource: [String: String]
    package var tags: [String]
    package var classes: [String: Double]
    package var scanId: String
    /// People's verdicts on this column's tags, by tag (`accepted`); a tag without one is as the scans left it.
    package var reviews: [String: String] = [:]
}

/// A person's verdict on a tag of a column (``TagReview``).
package struct TagReviewResponse: Codable, Sendable {
    package var datasourceId: String
    package var resource: [String: String]
    package var tag: String
    package var verdict: String
    package var reviewerId: String
    package var reviewedAt: String

    package init(_ r: TagReview) {
        datasourceId = r.datasourceID
        resource = ["database": r.database, "table": r.table, "column": r.column]
        tag = r.tag
        verdict = r.verdict.rawValue
        reviewerId = r.reviewerID
        reviewedAt = Timestamp.rfc3339(milliseconds: r.reviewedAt)
    }
}

package struct TagHistoryResponse: Codable, Sendable {
    package var datasourceId: String
    package var resource: [String: String]
    package var tag: String
    package var action: String
    package var scanId: String
    package var at: String
    /// Who reviewed the tag, for `accepted`, `rejected` and `cleared`.
    package var actor: String?

    package init(_ e: TagHistoryEntry) {
        actor = e.actor
        datasourceId = e.datasourceID
        resource = ["database": e.database, "table": e.table, "column": e.column]
        tag = e.tag
        action = e.action.rawValue
        scanId = e.scanID
        at = Timestamp.rfc3339(milliseconds: e.at)
    }
}
