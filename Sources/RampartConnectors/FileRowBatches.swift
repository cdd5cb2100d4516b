// SPDX-License-Identifier: Apache-2.0

import RampartDiscovery

/// The rows of one CSV or JSON Lines file, parsed a block of whole records at a time.
///
/// CSV columns are the header's. JSON Lines columns are the keys in first-seen order, growing
/// as new keys appear; each row is laid out in that order.
struct FileRowBatches: RowBatches {
    private var chunker: RecordChunker
    private let format: FileDirectoryConnector.Format
    private let name: String
    private(set) var columns: [String] = []
    private var index: [String: Int] = [:]
    private var headerRead = false
    /// Rows still to hand out; reading stops there.
    private var remaining: Int
    /// Line feeds in the blocks already parsed: the readers number lines within their block, and
    /// an error must name the file's line.
    private var linesBefore = 0

    init(path: String, format: FileDirectoryConnector.Format, name: String, blockBytes: Int, maximumRows: Int = .max) throws(ConnectorError) {
        self.remaining = maximumRows
        self.chunker = try RecordChunker(path: path, quoted: format == .csv, blockBytes: blockBytes)
        self.format = format
        self.name = name
    }

    mutating func next() async throws(ConnectorError) -> [[String?]]? {
        while remaining > 0, let block = try nextBlockRows() {
            guard !block.rows.isEmpty else { continue }
            let rows = block.rows.count > remaining ? Array(block.rows.prefix(remaining)) : block.rows
            remaining -= rows.count
            return rows
        }
        return nil
    }

    /// The rows of the next block and the block's size in bytes, or `nil` at the end of the file.
    mutating func nextBlockRows() throws(ConnectorError) -> (rows: [[String?]], bytes: Int)? {
        guard let block = try chunker.next() else { return nil }
        defer { linesBefore += block.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        do {
            switch format {
            case .csv:
                var records = CSVReader.Records(block)
                if !headerRead {
                    headerRead = true
                    columns = (try records.nextRecord() ?? []).map { $0 ?? "" }
                }
                var rows: [[String?]] = []
                while let row = try records.nextRecord() { rows.append(row) }
                return (rows, block.count)
            case .jsonLines:
                let table = try JSONLinesReader.parse(block)
                var order: [Int] = []
                for column in table.columns {
                    if let position = index[column] {
                        order.append(position)
                    } else {
                        index[column] = columns.count
                        order.append(columns.count)
                        columns.append(column)
                    }
                }
                let rows = table.rows.map { row in
                    var laid = [String?](repeating: nil, count: columns.count)
                    for (offset, value) in row.enumerated() where offset < order.count { laid[order[offset]] = value }
                    return laid
                }
                return (rows, block.count)
            }
        } catch {
            // The readers throw only `DiscoveryError`, whose line counts from this block's start.
            var error = error
            error.line = error.line.map { $0 + linesBefore }
            throw ConnectorError(.invalidData, "\(name): \(error)")
        }
    }
}
