// SPDX-License-Identifier: Apache-2.0

/// One discovery scan of a datasource, run in the background by whichever server claims it.
///
/// The row is the job's only state: progress, the heartbeat of the server running it, and a
/// cancellation request all live here, so any server can report on it and a job whose server
/// died is recognised by its stale heartbeat instead of staying `running` forever.
package struct ScanJob: Sendable, Equatable {
    package enum Status: String, Sendable, Codable, CaseIterable {
        case queued
        case running
        case succeeded
        case failed
        case cancelled

        package var isFinished: Bool { self == .succeeded || self == .failed || self == .cancelled }
    }

    package var id: String
    package var tenantID: TenantID
    package var datasourceID: String
    package var status: Status
    package var options: ScanOptions
    package var progress: ScanProgress
    /// Why the job failed; safe to show (never a value read from the data).
    package var error: String?
    package var cancelRequested: Bool
    /// The server running the job and when it last said so.
    package var instance: String?
    package var heartbeatAt: Int64?
    package var createdAt: Int64
    package var startedAt: Int64?
    package var finishedAt: Int64?

    package init(
        id: String, tenantID: TenantID, datasourceID: String, status: Status, options: ScanOptions, progress: ScanProgress = ScanProgress(),
        error: String? = nil, cancelRequested: Bool = false, instance: String? = nil, heartbeatAt: Int64? = nil, createdAt: Int64,
        startedAt: Int64? = nil, finishedAt: Int64? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.datasourceID = datasourceID
        self.status = status
        self.options = options
        self.progress = progress
        self.error = error
        self.cancelRequested = cancelRequested
        self.instance = instance
        self.heartbeatAt = heartbeatAt
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}

/// What a scan reads: which tables (glob patterns over `table` or `schema.table`), how many rows.
package struct ScanOptions: Sendable, Equatable, Codable {
    package static let defaultSampleSize = 1000
    package static let maximumSampleSize = 1_000_000

    package var include: [String]
    package var exclude: [String]
    /// Rows sampled per table (at random where the engine supports it).
    package var sampleSize: Int
    /// Read every row instead of a sample.
    package var fullScan: Bool

    package init(include: [String] = [], exclude: [String] = [], sampleSize: Int = ScanOptions.defaultSampleSize, fullScan: Bool = false) {
        self.include = include
        self.exclude = exclude
        self.sampleSize = sampleSize
        self.fullScan = fullScan
    }

    /// Whether a table is in the scan: it matches an include pattern (or there are none) and no
    /// exclude pattern. Patterns are globs (`*`, `?`), case-insensitive, matched against both the
    /// bare table name and `schema.table`.
    package func selects(table: String, schema: String?) -> Bool {
        let names = [table] + (schema.map { ["\($0).\(table)"] } ?? [])
        let included = include.isEmpty || include.contains { pattern in names.contains { Glob.matches(pattern, $0) } }
        return included && !exclude.contains { pattern in names.contains { Glob.matches(pattern, $0) } }
    }
}

/// How far a running scan has come.
package struct ScanProgress: Sendable, Equatable, Codable {
    package var tablesDone: Int
    package var tablesTotal: Int
    package var rowsRead: Int64
    package var bytesRead: Int64
    package var currentTable: String?

    package init(tablesDone: Int = 0, tablesTotal: Int = 0, rowsRead: Int64 = 0, bytesRead: Int64 = 0, currentTable: String? = nil) {
        self.tablesDone = tablesDone
        self.tablesTotal = tablesTotal
        self.rowsRead = rowsRead
        self.bytesRead = bytesRead
        self.currentTable = currentTable
    }

    /// Seconds left, extrapolated from the tables done so far; `nil` before the first one.
    package func etaSeconds(elapsed: Int64) -> Int64? {
        guard tablesDone > 0, tablesTotal >= tablesDone, elapsed >= 0 else { return nil }
        return elapsed * Int64(tablesTotal - tablesDone) / Int64(tablesDone)
    }
}

/// Case-insensitive glob matching with `*` and `?`, for table include/exclude patterns.
package enum Glob {
    package static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.lowercased().unicodeScalars)
        let t = Array(text.lowercased().unicodeScalars)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
