// SPDX-License-Identifier: Apache-2.0

/// The rows of one table, read a batch at a time: a scan never holds a whole table in memory,
/// whatever its size.
package protocol RowBatches {
    /// Column names, in row order. They only grow, by appending (a JSON key first seen halfway
    /// through a file); rows of earlier batches are NULL in the new columns.
    var columns: [String] { get }
    /// The next batch of rows, each value as text (`nil` for NULL), or `nil` at the end.
    mutating func next() async throws(ConnectorError) -> [[String?]]?
}

/// Rows already in memory (a random sample, whose size the caller bounds), handed out once.
package struct ArrayRowBatches: RowBatches {
    package let columns: [String]
    private var rows: [[String?]]?

    package init(columns: [String], rows: [[String?]]) {
        self.columns = columns
        self.rows = rows
    }

    package mutating func next() async throws(ConnectorError) -> [[String?]]? {
        defer { rows = nil }
        return rows?.isEmpty == true ? nil : rows
    }
}

extension RowBatches {
    /// Every remaining row in one array: for tests and small tables only.
    package mutating func collect() async throws(ConnectorError) -> [[String?]] {
        var all: [[String?]] = []
        while let batch = try await next() { all += batch }
        return all
    }
}
