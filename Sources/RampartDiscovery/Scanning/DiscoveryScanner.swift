import Foundation

/// Scans tables and reports which columns hold which classes of sensitive data.
///
/// Each column is sampled while rows stream past (``ColumnProfiler``), then classified
/// (``ColumnClassifier``). The scanner keeps no raw values in its result.
///
/// ```swift
/// let scanner = DiscoveryScanner()
/// let report = try await scanner.scan([DiscoveryTable(name: "t", columns: ["email"], rows: [["a@b.io"]])]) { p in
///     print(p.tablesDone, p.tablesTotal, p.rowsRead, p.bytesRead)
/// }
/// ```
public struct DiscoveryScanner: Sendable {
    /// Tunables of a scan.
    public struct Configuration: Sendable {
        /// Most non-empty values sampled per column.
        public var sampleLimit: Int
        /// Rows between two progress reports inside a table.
        public var progressInterval: Int
        /// Seed of the sampling generator (scans are reproducible).
        public var seed: UInt64
        /// Classification settings (reference date, inspected bytes, masked samples).
        public var classification: ColumnClassifier.Configuration

        public init(
            sampleLimit: Int = 1000,
            progressInterval: Int = 10_000,
            seed: UInt64 = 0x5EED,
            classification: ColumnClassifier.Configuration = .init()
        ) {
            self.sampleLimit = max(1, sampleLimit)
            self.progressInterval = max(1, progressInterval)
            self.seed = seed
            self.classification = classification
        }
    }

    /// Receives progress; called on the scanning task.
    public typealias ProgressHandler = @Sendable (DiscoveryProgress) -> Void

    /// The classifier applied to every column.
    public let classifier: ColumnClassifier
    /// The configuration in use.
    public let configuration: Configuration

    public init(classifiers: [any Classifier] = BuiltinClassifiers.all, configuration: Configuration = Configuration()) {
        self.classifier = ColumnClassifier(classifiers: classifiers, configuration: configuration.classification)
        self.configuration = configuration
    }

    /// Scans `tables` in order.
    public func scan(_ tables: [DiscoveryTable], progress: ProgressHandler? = nil) async throws -> DiscoveryReport {
        var report = DiscoveryReport()
        var totals = Totals()
        for (index, table) in tables.enumerated() {
            try Task.checkCancellation()
            var state = beginTable(name: table.name, columns: table.columns)
            switch table.rows {
            case .array(let rows):
                for row in rows {
                    totals.add(row, to: &state)
                    if totals.rows % configuration.progressInterval == 0 {
                        progress?(totals.progress(done: index, total: tables.count, table: table.name))
                    }
                }
            case .stream(let rows):
                for try await row in rows {
                    totals.add(row, to: &state)
                    if totals.rows % configuration.progressInterval == 0 {
                        try Task.checkCancellation()
                        progress?(totals.progress(done: index, total: tables.count, table: table.name))
                    }
                }
            }
            report.columns += state.finish(classifier: classifier)
            let next = index + 1 < tables.count ? tables[index + 1].name : nil
            progress?(totals.progress(done: index + 1, total: tables.count, table: next))
        }
        return report
    }

    /// Scans one table whose rows are any sequence (a file being parsed, an array), synchronously.
    public func scanTable(name: String, columns: [String], rows: some Sequence<[String?]>) -> [ColumnReport] {
        var state = beginTable(name: name, columns: columns)
        for row in rows { state.add(row) }
        return state.finish(classifier: classifier)
    }

    // MARK: State

    private struct Totals {
        var rows = 0
        var bytes = 0

        mutating func add(_ row: [String?], to table: inout TableScan) {
            let before = table.bytes
            table.add(row)
            rows += 1
            bytes += table.bytes - before
        }

        func progress(done: Int, total: Int, table: String?) -> DiscoveryProgress {
            DiscoveryProgress(tablesDone: done, tablesTotal: total, rowsRead: rows, bytesRead: bytes, currentTable: table)
        }
    }

    /// One table being scanned, fed a batch of rows at a time: what a caller that reads the rows
    /// itself (a database cursor, a file read in chunks) uses, so no table is held in memory.
    public struct TableScan: Sendable {
        /// The table's name.
        public let table: String
        /// Rows added so far.
        public private(set) var rows = 0
        /// UTF-8 bytes of the non-NULL values added so far.
        public private(set) var bytes = 0
        private var profilers: [ColumnProfiler]
        private let configuration: Configuration
        private let seed: UInt64

        init(table: String, columns: [String], configuration: Configuration) {
            self.table = table
            self.configuration = configuration
            var seed = configuration.seed
            for b in table.utf8 { seed = (seed ^ UInt64(b)) &* 0x100_0000_01B3 }
            self.seed = seed
            self.profilers = []
            extend(to: columns)
        }

        /// The column names, in row order.
        public var columns: [String] { profilers.map(\.columnName) }

        /// Adds columns that appeared after the scan began (a JSON key first seen halfway through
        /// a file): `columns` must start with the current ones. Earlier rows count as NULL there.
        public mutating func extend(to columns: [String]) {
            guard columns.count > profilers.count else { return }
            for name in columns[profilers.count...] {
                profilers.append(
                    ColumnProfiler(
                        columnName: name, sampleLimit: configuration.sampleLimit,
                        maxValueBytes: configuration.classification.maxInspectedBytes, seed: seed))
            }
        }

        /// Adds one row: one value per column in column order; short rows are padded with NULL.
        public mutating func add(_ row: [String?]) {
            rows += 1
            for index in profilers.indices {
                let value = index < row.count ? row[index] : nil
                profilers[index].add(value)
                if let value { bytes += value.utf8.count }
            }
        }

        /// Adds rows.
        public mutating func add(_ batch: [[String?]]) {
            for row in batch { add(row) }
        }

        /// Classifies every column from its sample.
        public func finish(classifier: ColumnClassifier) -> [ColumnReport] {
            profilers.map { profiler in
                ColumnReport(
                    table: table,
                    column: profiler.columnName,
                    rowsScanned: rows,
                    sampledCount: profiler.samples.count,
                    classifications: profiler.classify(with: classifier)
                )
            }
        }
    }

    /// Starts a scan of one table whose rows the caller feeds in.
    public func beginTable(name: String, columns: [String]) -> TableScan {
        TableScan(table: name, columns: columns, configuration: configuration)
    }

    /// Classifies a table fed through ``beginTable(name:columns:)``.
    public func finish(_ table: TableScan) -> [ColumnReport] {
        table.finish(classifier: classifier)
    }
}
