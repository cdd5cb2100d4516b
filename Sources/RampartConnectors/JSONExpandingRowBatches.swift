// SPDX-License-Identifier: Apache-2.0

import RampartDiscovery

/// Row batches whose JSON columns (PostgreSQL `json`, `jsonb`) are spread into one column per
/// key path (``JSONColumnExpander``), so discovery classifies `profile.contact.email` rather
/// than a whole document.
struct JSONExpandingRowBatches: RowBatches {
    private var base: any RowBatches
    private var expander: JSONColumnExpander

    init(_ base: any RowBatches, jsonColumns: [Int]) {
        self.base = base
        self.expander = JSONColumnExpander(columns: base.columns, jsonColumns: jsonColumns)
    }

    var columns: [String] { expander.columns }

    mutating func next() async throws(ConnectorError) -> [[String?]]? {
        guard let batch = try await base.next() else { return nil }
        return batch.map { expander.expand($0) }
    }

    /// The indexes of the columns of `table` whose type holds JSON documents.
    static func jsonColumns(of table: SchemaTable) -> [Int] {
        table.columns.indices.filter { ["json", "jsonb"].contains(table.columns[$0].type.lowercased()) }
    }
}
