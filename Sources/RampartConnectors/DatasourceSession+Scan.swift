// SPDX-License-Identifier: Apache-2.0

import RampartDiscovery

extension DatasourceSession {
    /// Reads `table` a batch at a time through `scanner`'s profilers, what both a server scan
    /// and `rampart discover` do: at most `limit` sampled rows, or every row up to `maximumRows`.
    ///
    /// `afterBatch` gets each batch's row count and value bytes; it may throw to stop the read
    /// (a cancelled scan). Classify the result with ``DiscoveryScanner/finish(_:)``.
    package func scan(
        _ table: SchemaTable, with scanner: DiscoveryScanner, limit: Int?, maximumRows: Int,
        afterBatch: (_ rows: Int, _ bytes: Int) throws -> Void = { _, _ in }
    ) async throws -> DiscoveryScanner.TableScan {
        var batches = try await rows(of: table, limit: limit, maximumRows: maximumRows)
        var scan = scanner.beginTable(name: table.qualifiedName, columns: batches.columns)
        while let batch = try await batches.next() {
            scan.extend(to: batches.columns)
            let bytesBefore = scan.bytes
            scan.add(batch)
            try afterBatch(batch.count, scan.bytes - bytesBefore)
        }
        return scan
    }
}
