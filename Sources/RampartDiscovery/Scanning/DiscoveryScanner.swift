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
            var state = TableState(table: table.name, columns: table.columns, configuration: configuration)
            switch table.rows {
            case .array(let rows):
                for row in rows {
                    state.add(row, totals: &totals)
                    if totals.rows % configuration.progressInterval == 0 {
                        progress?(totals.progress(done: index, total: tables.count, table: table.name))
                    }
                }
            case .stream(let rows):
                for try await row in rows {
                    state.add(row, totals: &totals)
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
        var state = TableState(table: name, columns: columns, configuration: configuration)
        var totals = Totals()
        for row in rows { state.add(row, totals: &totals) }
        return state.finish(classifier: classifier)
    }

    // MARK: State

    private struct Totals {
        var rows = 0
        var bytes = 0

        func progress(done: Int, total: Int, table: String?) -> DiscoveryProgress {
            DiscoveryProgress(tablesDone: done, tablesTotal: total, rowsRead: rows, bytesRead: bytes, currentTable: table)
        }
    }

    private struct TableState {
        let table: String
        var profilers: [ColumnProfiler]
        var rows = 0

        init(table: String, columns: [String], configuration: Configuration) {
            self.table = table
            var seed = configuration.seed
            for b in table.utf8 { seed = (seed ^ UInt64(b)) &* 0x100_0000_01B3 }
            self.profilers = columns.map {
                ColumnProfiler(
                    columnName: $0,
                    sampleLimit: configuration.sampleLimit,
                    maxValueBytes: configuration.classification.maxInspectedBytes,
                    seed: seed
                )
            }
        }

        mutating func add(_ row: [String?], totals: inout Totals) {
            rows += 1
            totals.rows += 1
            for index in profilers.indices {
                let value = index < row.count ? row[index] : nil
                profilers[index].add(value)
                if let value { totals.bytes += value.utf8.count }
            }
        }

        func finish(classifier: ColumnClassifier) -> [ColumnReport] {
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
}
