// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Logging
import RampartDiscovery
import SQLKit
import SQLiteKit
import SQLiteNIO

#if canImport(Glibc)
import Glibc
#endif

/// `rampart discover`: the discovery scan engine without a server, for evaluation and CI.
struct DiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover", abstract: "Find and classify sensitive data in CSV, JSON Lines or SQLite sources.")

    @Option(name: .customLong("csv-dir"), help: "Directory of .csv files (one table per file).")
    var csvDirectory: String?

    @Option(name: .customLong("jsonl-dir"), help: "Directory of .jsonl files (one table per file).")
    var jsonlDirectory: String?

    @Option(name: .customLong("sqlite"), help: "SQLite database file.")
    var sqliteFile: String?

    @Option(name: .customLong("sample-size"), help: "Rows sampled per column.")
    var sampleSize: Int = 1000

    @Option(name: .customLong("custom"), help: "JSON file with an array of custom classifier definitions.")
    var customFile: String?

    @Flag(help: "Print the JSON report on stdout.")
    var json = false

    func validate() throws {
        let sources = [csvDirectory, jsonlDirectory, sqliteFile].compactMap { $0 }
        guard sources.count == 1 else { throw ValidationError("give exactly one of --csv-dir, --jsonl-dir, --sqlite") }
        guard (1...1_000_000).contains(sampleSize) else { throw ValidationError("--sample-size must be from 1 to 1000000") }
    }

    func run() async throws {
        let tables: [DiscoveryTable]
        if let directory = csvDirectory ?? jsonlDirectory {
            tables = try Self.fileTables(directory: directory, csv: csvDirectory != nil)
        } else if let sqliteFile {
            tables = try await Self.sqliteTables(path: sqliteFile, sampleSize: sampleSize)
        } else {
            tables = []
        }
        var classifiers = BuiltinClassifiers.all
        if let customFile {
            guard let data = FileManager.default.contents(atPath: customFile) else { throw ValidationError("cannot read \(customFile)") }
            let definitions: [CustomClassifierDefinition]
            do {
                definitions = try JSONDecoder().decode([CustomClassifierDefinition].self, from: data)
            } catch {
                throw ValidationError("\(customFile) is not a JSON array of classifier definitions")
            }
            for definition in definitions { classifiers.append(try definition.compile()) }
        }
        let scanner = DiscoveryScanner(classifiers: classifiers, configuration: .init(sampleLimit: sampleSize))
        let showProgress = isatty(STDERR_FILENO) == 1
        let report = try await scanner.scan(tables) { progress in
            guard showProgress else { return }
            let width = 30
            let filled = progress.tablesTotal == 0 ? width : width * progress.tablesDone / progress.tablesTotal
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            FileHandle.standardError.write(
                Data("\r[\(bar)] \(progress.tablesDone)/\(progress.tablesTotal) tables, \(progress.rowsRead) rows, \(progress.bytesRead / 1024) KiB".utf8))
        }
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(report))
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            for column in report.columns where !column.classes.isEmpty {
                let classes = column.classes.map { name in
                    let confidence = Int(((column.confidence[name] ?? 0) * 100).rounded())
                    let prevalence = Int(((column.prevalence[name] ?? 0) * 100).rounded())
                    return "\(name) (confidence \(confidence)%, prevalence \(prevalence)%)"
                }
                print("\(column.table).\(column.column): \(classes.joined(separator: "; "))")
            }
        }
    }

    static func fileTables(directory: String, csv: Bool) throws -> [DiscoveryTable] {
        let suffix = csv ? ".csv" : ".jsonl"
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(suffix) }.sorted()
        } catch {
            throw ValidationError("cannot list directory \(directory)")
        }
        return try files.map { file in
            let path = (directory as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
            let name = String(file.dropLast(suffix.count))
            do {
                if csv {
                    let table = try CSVReader.parse(data)
                    return DiscoveryTable(name: name, columns: table.header, rows: table.rows)
                }
                let table = try JSONLinesReader.parse(data)
                return DiscoveryTable(name: name, columns: table.columns, rows: table.rows)
            } catch {
                throw ValidationError("\(path): \(error)")
            }
        }
    }

    /// Samples every table of a SQLite file at random (`ORDER BY random()`), values read as text.
    static func sqliteTables(path: String, sampleSize: Int) async throws -> [DiscoveryTable] {
        guard FileManager.default.isReadableFile(atPath: path) else { throw ValidationError("cannot read SQLite file \(path)") }
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: Logger(label: "rampart-discover")).get()
        do {
            let sql = connection.sql(queryLogLevel: nil)
            let names = try await sql.raw(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            ).all().map { try $0.decode(column: "name", as: String.self) }
            var tables: [DiscoveryTable] = []
            for name in names {
                let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                let columns = try await sql.raw(SQLQueryString("SELECT name FROM pragma_table_info(\(bind: name))")).all()
                    .map { try $0.decode(column: "name", as: String.self) }
                let projection = columns.map { "CAST(\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\" AS TEXT)" }.joined(separator: ", ")
                guard !columns.isEmpty else { continue }
                let rows = try await connection.query("SELECT \(projection) FROM \(quoted) ORDER BY random() LIMIT \(sampleSize)")
                let values: [[String?]] = rows.map { row in row.columns.map { $0.data.string } }
                tables.append(DiscoveryTable(name: name, columns: columns, rows: values))
            }
            try await connection.close().get()
            return tables
        } catch {
            try? await connection.close().get()
            throw error
        }
    }
}
