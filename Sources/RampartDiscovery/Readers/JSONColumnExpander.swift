/// Spreads the JSON objects held in some columns of a table (PostgreSQL `json` and `jsonb`)
/// into one more column per key path, so each path is classified on its own
/// (`profile.contact.email`), as JSON Lines records are.
///
/// The original columns keep their places and values; the key-path columns are appended in
/// first-seen order and only ever grow, so a scan can ``DiscoveryScanner/TableScan/extend(to:)``
/// to them between batches. A cell that is not an object (an array, a scalar, malformed text)
/// adds nothing. At most ``maxPaths`` key-path columns are kept per table, so a column of
/// documents with ever-new keys (ids as keys) cannot grow a table without bound.
public struct JSONColumnExpander: Sendable {
    /// Most key-path columns per table.
    public static let maxPaths = 256

    /// The columns: the table's own, then the key paths seen so far.
    public private(set) var columns: [String]
    private let jsonColumns: [Int]
    private let baseColumnCount: Int
    private var pathIndex: [String: Int] = [:]

    /// `jsonColumns` are the indexes (into `columns`) of the columns holding JSON documents.
    public init(columns: [String], jsonColumns: [Int]) {
        self.columns = columns
        self.jsonColumns = jsonColumns.filter { columns.indices.contains($0) }
        self.baseColumnCount = columns.count
        for (index, name) in columns.enumerated() { pathIndex[name] = index }
    }

    /// Whether any column is expanded at all.
    public var isExpanding: Bool { !jsonColumns.isEmpty }

    /// `row` with the key-path values of its JSON cells appended, padded to ``columns``.
    public mutating func expand(_ row: [String?]) -> [String?] {
        var out = row
        for column in jsonColumns where column < row.count {
            guard let cell = row[column], let pairs = JSONLinesReader.keyPaths(ofObject: cell, under: columns[column]) else { continue }
            for (path, value) in pairs {
                let index: Int
                if let known = pathIndex[path] {
                    index = known
                } else {
                    guard columns.count - baseColumnCount < Self.maxPaths else { continue }
                    index = columns.count
                    pathIndex[path] = index
                    columns.append(path)
                }
                if out.count <= index { out += [String?](repeating: nil, count: index + 1 - out.count) }
                out[index] = value
            }
        }
        if out.count < columns.count { out += [String?](repeating: nil, count: columns.count - out.count) }
        return out
    }
}
