// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartDiscovery

/// A directory of CSV or JSON Lines files, one table per file, read with discovery's own readers
/// a block at a time (``FileRowBatches``), so files of any size are scanned in bounded memory.
package struct FileDirectoryConnector: DatasourceConnector {
    package enum Format: Sendable {
        case csv
        case jsonLines

        package var suffix: String { self == .csv ? ".csv" : ".jsonl" }
    }

    package let directory: String
    package let format: Format
    /// Bytes read from a file at a time.
    package let blockBytes: Int

    package init(directory: String, format: Format, blockBytes: Int = 4 << 20) {
        self.directory = directory
        self.format = format
        self.blockBytes = max(1, blockBytes)
    }

    package func connect() async throws(ConnectorError) -> any DatasourceSession {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConnectorError(.notFound, "no directory at \(directory)")
        }
        guard FileManager.default.isReadableFile(atPath: directory) else { throw ConnectorError(.permission, "cannot read \(directory)") }
        return Session(connector: self)
    }

    struct Session: DatasourceSession {
        let connector: FileDirectoryConnector

        func files() throws(ConnectorError) -> [String] {
            do {
                // Regular files only: a link inside the directory could lead anywhere on the host,
                // around the path policy that was checked for the directory itself.
                return try FileManager.default.contentsOfDirectory(atPath: connector.directory)
                    .filter { $0.hasSuffix(connector.format.suffix) && isRegularFile($0) }.sorted()
            } catch {
                throw ConnectorError(.permission, "cannot list \(connector.directory)")
            }
        }

        func isRegularFile(_ file: String) -> Bool {
            let path = (connector.directory as NSString).appendingPathComponent(file)
            // attributesOfItem does not follow a link in the last component: a link reports its own type.
            return (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
        }

        func path(_ file: String) -> String { (connector.directory as NSString).appendingPathComponent(file) }

        /// The columns from the file's first records (the CSV header; the JSON keys seen there)
        /// and a row estimate from their average length: the schema never reads a whole file,
        /// yet a file whose first records do not parse fails here, in "test connection".
        func describe(_ file: String) throws(ConnectorError) -> (columns: [String], estimatedRows: Int64?) {
            var batches = try FileRowBatches(path: path(file), format: connector.format, name: file, blockBytes: connector.blockBytes)
            let size = (try? FileManager.default.attributesOfItem(atPath: path(file))[.size] as? Int) ?? 0
            var rows = 0
            var bytes = 0
            while rows == 0, let block = try batches.nextBlockRows() {
                rows += block.rows.count
                bytes += block.bytes
            }
            if bytes >= size { return (batches.columns, Int64(rows)) }
            guard rows > 0 else { return (batches.columns, nil) }
            return (batches.columns, Int64(Double(rows) * Double(size) / Double(bytes)))
        }

        func schema() async throws(ConnectorError) -> [SchemaTable] {
            try files().map { file throws(ConnectorError) in
                let described = try describe(file)
                return SchemaTable(
                    schema: nil, name: String(file.dropLast(connector.format.suffix.count)),
                    columns: described.columns.map { SchemaColumn(name: $0, type: "text") }, estimatedRows: described.estimatedRows)
            }
        }

        /// Every row, whatever `limit`, up to `maximumRows`: a file has no random access by row,
        /// and the scanner's seeded reservoir picks the sample, so scans of the same files are
        /// reproducible. The file is read a block at a time.
        func rows(of table: SchemaTable, limit: Int?, maximumRows: Int) async throws(ConnectorError) -> any RowBatches {
            let file = table.name + connector.format.suffix
            guard isRegularFile(file) else { throw ConnectorError(.notFound, "\(file) is no longer in \(connector.directory)") }
            return try FileRowBatches(
                path: path(file), format: connector.format, name: file, blockBytes: connector.blockBytes, maximumRows: maximumRows)
        }

        func close() async {}
    }
}
