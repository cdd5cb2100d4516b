// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartDiscovery

/// A directory of CSV or JSON Lines files, one table per file, read with discovery's own readers.
package struct FileDirectoryConnector: DatasourceConnector {
    package enum Format: Sendable {
        case csv
        case jsonLines

        var suffix: String { self == .csv ? ".csv" : ".jsonl" }
    }

    package let directory: String
    package let format: Format
    /// Files larger than this are refused rather than read into memory.
    package let maximumFileSize: Int

    package init(directory: String, format: Format, maximumFileSize: Int = 512 << 20) {
        self.directory = directory
        self.format = format
        self.maximumFileSize = maximumFileSize
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

        func read(_ file: String) throws(ConnectorError) -> (columns: [String], rows: [[String?]]) {
            let path = (connector.directory as NSString).appendingPathComponent(file)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size <= connector.maximumFileSize else { throw ConnectorError(.invalidData, "\(file) is larger than \(connector.maximumFileSize) bytes") }
            guard let data = FileManager.default.contents(atPath: path) else { throw ConnectorError(.permission, "cannot read \(file)") }
            do {
                switch connector.format {
                case .csv:
                    let table = try CSVReader.parse(data)
                    return (table.header, table.rows)
                case .jsonLines:
                    let table = try JSONLinesReader.parse(data)
                    return (table.columns, table.rows)
                }
            } catch {
                throw ConnectorError(.invalidData, "\(file): \(error)")
            }
        }

        func schema() async throws(ConnectorError) -> [SchemaTable] {
            try files().map { file throws(ConnectorError) in
                let table = try read(file)
                return SchemaTable(
                    schema: nil, name: String(file.dropLast(connector.format.suffix.count)),
                    columns: table.columns.map { SchemaColumn(name: $0, type: "text") }, estimatedRows: Int64(table.rows.count))
            }
        }

        /// Every row, whatever `limit`: a file is read whole anyway, and the scanner's seeded
        /// reservoir then picks the sample, so scans of the same files are reproducible.
        func rows(of table: SchemaTable, limit: Int?) async throws(ConnectorError) -> [[String?]] {
            try read(table.name + connector.format.suffix).rows
        }

        func close() async {}
    }
}
