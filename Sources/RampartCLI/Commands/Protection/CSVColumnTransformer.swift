// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartConnectors
import RampartCore
import RampartDiscovery

/// Streams a CSV file through a per-batch transformation of some of its columns: reads a block of
/// whole records at a time, gathers the named columns' non-empty cells until a batch is full,
/// transforms the batch, and writes the rows back in order with every other cell untouched.
/// Memory holds one block and one batch, whatever the file's size.
struct CSVColumnTransformer {
    let inputPath: String
    let columns: [String]
    let batchSize: Int
    let transform: ([String]) async throws -> [String]
    let write: ([UInt8]) throws -> Void
    let progress: (_ rows: Int, _ values: Int, _ bytesRead: Int) -> Void

    /// A cell the batch holds: the row (in the pending rows) and column it came from, and the
    /// 1-based line of the row in the input, for error messages.
    struct Cell {
        let row: Int
        let column: Int
        let line: Int
    }

    struct Failure: Error {
        let message: String
    }

    /// Runs to the end of the input; returns (rows, values).
    func run() async throws -> (rows: Int, values: Int) {
        var chunker = try RecordChunker(path: inputPath, quoted: true)
        var header: [String]?
        var selected: [Int] = []
        var pendingRows: [[String?]] = []
        var cells: [Cell] = []
        var values: [String] = []
        var rows = 0
        var transformed = 0
        var line = 1

        func flush() async throws {
            if !values.isEmpty {
                let output: [String]
                do { output = try await transform(values) } catch let refusal as ProtectionClient.Refusal {
                    throw Failure(message: Self.describe(refusal, cells: cells, columns: columns(of: header ?? [], selected)))
                }
                for (cell, value) in zip(cells, output) { pendingRows[cell.row][cell.column] = value }
                transformed += values.count
            }
            var out: [UInt8] = []
            for row in pendingRows { CSVWriter.appendRecord(row, to: &out) }
            try write(out)
            rows += pendingRows.count
            pendingRows.removeAll(keepingCapacity: true)
            cells.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            progress(rows, transformed, chunker.bytesRead)
        }

        while let block = try chunker.next() {
            var records = CSVReader.Records(block)
            let blockStartLine = line
            while true {
                let startLine = records.line
                guard let record = try records.nextRecord() else { break }
                let recordLine = blockStartLine + startLine - 1
                guard header != nil else {
                    let names = record.map { $0 ?? "" }
                    header = names
                    selected = try columns.map { name in
                        guard let index = names.firstIndex(of: name) else {
                            throw Failure(message: "no column `\(name)` in the header (\(names.prefix(20).joined(separator: ", ")))")
                        }
                        return index
                    }
                    var out: [UInt8] = []
                    CSVWriter.appendRecord(record, to: &out)
                    try write(out)
                    continue
                }
                let rowIndex = pendingRows.count
                for column in selected where column < record.count {
                    if let value = record[column], !value.isEmpty {
                        cells.append(Cell(row: rowIndex, column: column, line: recordLine))
                        values.append(value)
                    }
                }
                pendingRows.append(record)
                if values.count >= batchSize { try await flush() }
            }
            line = blockStartLine + records.line - 1
        }
        try await flush()
        return (rows, transformed)
    }

    private func columns(of header: [String], _ selected: [Int]) -> [Int: String] {
        Dictionary(uniqueKeysWithValues: selected.map { ($0, $0 < header.count ? header[$0] : "?") })
    }

    /// The server's refusal with `values[i]` turned into the row's line and column.
    static func describe(_ refusal: ProtectionClient.Refusal, cells: [Cell], columns: [Int: String]) -> String {
        if let field = refusal.field, field.hasPrefix("values["), field.hasSuffix("]"),
            let index = Int(field.dropFirst(7).dropLast()), cells.indices.contains(index)
        {
            let cell = cells[index]
            return "line \(cell.line), column `\(columns[cell.column] ?? "?")`: \(refusal.message) (HTTP \(refusal.status))"
        }
        return "\(refusal.message) (HTTP \(refusal.status)\(refusal.field.map { ", field \($0)" } ?? ""))"
    }
}
