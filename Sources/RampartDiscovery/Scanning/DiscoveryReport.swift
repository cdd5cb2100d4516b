/// The result of a discovery scan: one entry per column.
///
/// Encodes to the shape `rampart discover --json` prints and the evaluation scorer reads:
///
/// ```json
/// {"columns": [{"table": "customers", "column": "email", "classes": ["EMAIL"],
///               "confidence": {"EMAIL": 0.97}, "prevalence": {"EMAIL": 0.99}, ...}]}
/// ```
public struct DiscoveryReport: Sendable, Hashable, Codable {
    /// Every scanned column, in table then column order.
    public var columns: [ColumnReport]

    public init(columns: [ColumnReport] = []) {
        self.columns = columns
    }
}

/// What a scan found in one column.
public struct ColumnReport: Sendable, Hashable, Codable {
    /// The table (or file) name.
    public var table: String
    /// The column name (a dotted path for nested JSON).
    public var column: String
    /// Class ids found, most confident first; empty when the column is not sensitive.
    public var classes: [String]
    /// Confidence per class id, 0…1.
    public var confidence: [String: Double]
    /// Prevalence per class id: share of non-empty sampled values holding it, 0…1.
    public var prevalence: [String: Double]
    /// Matched sampled values per class id.
    public var matchedCount: [String: Int]
    /// Non-empty values sampled.
    public var sampledCount: Int
    /// Rows read from the table.
    public var rowsScanned: Int
    /// Masked examples per class id (never raw values).
    public var maskedSamples: [String: [String]]

    public init(table: String, column: String, rowsScanned: Int, sampledCount: Int, classifications: [ColumnClassification]) {
        self.table = table
        self.column = column
        self.rowsScanned = rowsScanned
        self.sampledCount = sampledCount
        self.classes = classifications.map(\.dataClass.rawValue)
        self.confidence = Dictionary(uniqueKeysWithValues: classifications.map { ($0.dataClass.rawValue, $0.confidence) })
        self.prevalence = Dictionary(uniqueKeysWithValues: classifications.map { ($0.dataClass.rawValue, $0.prevalence) })
        self.matchedCount = Dictionary(uniqueKeysWithValues: classifications.map { ($0.dataClass.rawValue, $0.matchedCount) })
        self.maskedSamples = Dictionary(uniqueKeysWithValues: classifications.map { ($0.dataClass.rawValue, $0.maskedSamples) })
    }
}
