// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import RampartConnectors
import RampartCore
import RampartDiscovery

#if canImport(Glibc)
import Glibc
#endif

/// `rampart discover`: the discovery scan engine without a server, for evaluation and CI.
///
/// It reads through the same connectors as the server's scans (a SQLite file opened read-only,
/// CSV/JSONL directories, PostgreSQL sampled with `TABLESAMPLE`/`ORDER BY random()`), so what it
/// finds is what a scan of the same source would store.
struct DiscoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover", abstract: "Find and classify sensitive data in CSV, JSON Lines, SQLite or PostgreSQL sources.")

    @Option(name: .customLong("csv-dir"), help: "Directory of .csv files (one table per file).")
    var csvDirectory: String?

    @Option(name: .customLong("jsonl-dir"), help: "Directory of .jsonl files (one table per file).")
    var jsonlDirectory: String?

    @Option(name: .customLong("sqlite"), help: "SQLite database file (opened read-only).")
    var sqliteFile: String?

    @Option(
        name: .customLong("postgres"),
        help: "PostgreSQL URL postgres://user@host:port/db?sslmode=disable|prefer|require; the password from RAMPART_DISCOVER_PASSWORD or the URL.")
    var postgresURL: String?

    @Option(name: .customLong("sample-size"), help: "Rows sampled per table (and per column).")
    var sampleSize: Int = 1000

    @Flag(name: .customLong("full-scan"), help: "Read every row instead of a random sample.")
    var fullScan = false

    @Option(name: .customLong("include"), help: "Only tables matching this glob (table or schema.table; repeatable).")
    var include: [String] = []

    @Option(name: .customLong("exclude"), help: "Skip tables matching this glob (repeatable).")
    var exclude: [String] = []

    @Option(name: .customLong("custom"), help: "JSON file with an array of custom classifier definitions.")
    var customFile: String?

    @Flag(help: "Print the JSON report on stdout.")
    var json = false

    func validate() throws {
        let sources = [csvDirectory, jsonlDirectory, sqliteFile, postgresURL].compactMap { $0 }
        guard sources.count == 1 else { throw ValidationError("give exactly one of --csv-dir, --jsonl-dir, --sqlite, --postgres") }
        guard (1...1_000_000).contains(sampleSize) else { throw ValidationError("--sample-size must be from 1 to 1000000") }
        if let postgresURL, PostgresConnector.parse(url: postgresURL) == nil {
            throw ValidationError("--postgres must be postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require]")
        }
    }

    /// The connector for the one source given.
    func connector() -> any DatasourceConnector {
        if let csvDirectory { return Connectors.csvDirectory(csvDirectory) }
        if let jsonlDirectory { return Connectors.jsonlDirectory(jsonlDirectory) }
        if let sqliteFile { return Connectors.sqlite(path: sqliteFile) }
        let parsed = postgresURL.flatMap { PostgresConnector.parse(url: $0) }
        let password = ProcessInfo.processInfo.environment["RAMPART_DISCOVER_PASSWORD"] ?? parsed?.password
        return Connectors.postgres(parsed?.settings ?? .init(host: "", username: "", database: ""), password: password)
    }

    func run() async throws {
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
        let options = ScanOptions(include: include, exclude: exclude, sampleSize: sampleSize, fullScan: fullScan)
        let scanner = DiscoveryScanner(classifiers: classifiers, configuration: .init(sampleLimit: sampleSize))
        let showProgress = isatty(STDERR_FILENO) == 1
        var report = DiscoveryReport()
        do {
            let session = try await connector().connect()
            do {
                let tables = try await session.schema().filter { options.selects(table: $0.name, schema: $0.schema) }
                var rowsRead = 0
                var bytesRead = 0
                for (index, table) in tables.enumerated() {
                    let scan = try await session.scan(table, with: scanner, limit: fullScan ? nil : sampleSize, maximumRows: .max)
                    rowsRead += scan.rows
                    bytesRead += scan.bytes
                    report.columns += scanner.finish(scan)
                    if showProgress {
                        let width = 30
                        let filled = width * (index + 1) / max(1, tables.count)
                        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                        FileHandle.standardError.write(
                            Data("\r[\(bar)] \(index + 1)/\(tables.count) tables, \(rowsRead) rows, \(bytesRead / 1024) KiB".utf8))
                    }
                }
                await session.close()
            } catch {
                await session.close()
                throw error
            }
        } catch let error as ConnectorError {
            throw RampartError(.datasourceFailed, error.description)
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
}
