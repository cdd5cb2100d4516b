/// One table to scan: its name, its column names, and its rows, from memory or streamed.
///
/// A row is one optional string per column, in column order (`nil` for NULL); short rows are
/// padded with `nil` and extra cells ignored. Where the rows come from (a file, a database
/// cursor) is the caller's business: discovery does no I/O.
public struct DiscoveryTable: Sendable {
    /// Where the rows come from.
    public enum Rows: Sendable {
        /// Rows already in memory.
        case array([[String?]])
        /// Rows streamed from a source.
        case stream(any AsyncSequence<[String?], any Error> & Sendable)
    }

    /// The table (or file) name.
    public var name: String
    /// Column names, in row order.
    public var columns: [String]
    /// The rows.
    public var rows: Rows

    /// A table whose rows are in memory.
    public init(name: String, columns: [String], rows: [[String?]]) {
        self.name = name
        self.columns = columns
        self.rows = .array(rows)
    }

    /// A table whose rows are streamed.
    public init(name: String, columns: [String], rows: some AsyncSequence<[String?], any Error> & Sendable) {
        self.name = name
        self.columns = columns
        self.rows = .stream(rows)
    }
}
