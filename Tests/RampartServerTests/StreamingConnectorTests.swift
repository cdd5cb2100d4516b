// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RampartConnectors
import RampartDiscovery
import SQLiteNIO
import Testing

/// Tables are read a batch at a time, so a scan's memory does not grow with a table's size: files
/// in blocks that end on record boundaries, SQLite in rowid pages, a full scan capped.
@Suite struct StreamingConnectorTests {
    static func directory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-streaming-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Quoted line breaks, commas, escaped quotes, CRLF, a BOM and a quote inside an unquoted
    /// field: split into blocks of any size, the records are the whole file's records.
    @Test func csvBlocksEndOnRecordBoundariesWhateverTheBlockSize() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var text = "\u{FEFF}id,note,email\r\n"
        for i in 0..<60 {
            switch i % 4 {
            case 0: text += "\(i),\"line one\nline two, with comma\",u\(i)@example.com\n"
            case 1: text += "\(i),\"say \"\"hi\"\"\r\nthen go\",u\(i)@example.com\r\n"
            case 2: text += "\(i),plain 5\" pipe,u\(i)@example.com\n"
            default: text += "\(i),,\n"
            }
        }
        let path = dir + "/t.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let whole = try CSVReader.parse(Array(text.utf8))
        for blockBytes in [1, 2, 3, 7, 16, 33, 64, 101, 4096] {
            var chunker = try RecordChunker(path: path, quoted: true, blockBytes: blockBytes)
            var records: [[String?]] = []
            while let block = try chunker.next() {
                var reader = CSVReader.Records(block)
                while let record = try reader.nextRecord() { records.append(record) }
            }
            #expect(records.first.map { $0.map { $0 ?? "" } } == whole.header, "block \(blockBytes)")
            #expect(Array(records.dropFirst()) == whole.rows, "block \(blockBytes)")
        }
    }

    @Test func aRecordLongerThanTheLimitIsAnErrorNotAnUnboundedBuffer() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/long.csv"
        try ("a\n\"" + String(repeating: "x", count: 10_000) + "\"\n").write(toFile: path, atomically: true, encoding: .utf8)
        var chunker = try RecordChunker(path: path, quoted: true, blockBytes: 512, maximumRecordBytes: 4096)
        #expect(try chunker.next() == Array("a\n".utf8))
        #expect(throws: ConnectorError.self) { _ = try chunker.next() }
    }

    /// JSON keys first seen late become new columns; earlier rows are NULL there.
    @Test func jsonLinesColumnsGrowAsKeysAppear() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var lines = ""
        for i in 0..<3_000 { lines += "{\"id\":\(i),\"name\":\"n\(i)\"}\n" }
        lines += "{\"id\":3000,\"card\":\"4111111111111111\"}\n"
        try lines.write(toFile: dir + "/people.jsonl", atomically: true, encoding: .utf8)
        let session = try await FileDirectoryConnector(directory: dir, format: .jsonLines, blockBytes: 4096).connect()
        let table = try #require(try await session.schema().first)
        #expect(table.columns.map(\.name) == ["id", "name"])
        var batches = try await session.rows(of: table, limit: nil, maximumRows: .max)
        var rows: [[String?]] = []
        while let batch = try await batches.next() { rows += batch }
        #expect(batches.columns == ["id", "name", "card"])
        #expect(rows.count == 3_001 && rows.last == ["3000", nil, "4111111111111111"] && rows.first == ["0", "n0"])
        await session.close()
    }

    /// An error far into a file names the file's line, not the line within the block being read.
    @Test func errorsNameTheLineOfTheFile() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var json = ""
        for i in 0..<2_000 { json += "{\"id\":\(i)}\n" }
        json += "{\"id\":2000,}\n"  // line 2001
        try json.write(toFile: dir + "/events.jsonl", atomically: true, encoding: .utf8)
        // Quoted line breaks count as lines, as the CSV reader counts them.
        var csv = "id,note\n"
        for i in 0..<1_000 { csv += "\(i),\"first\nsecond\"\n" }
        csv += "1000,\"closed\"late\n"  // line 2002
        try csv.write(toFile: dir + "/notes.csv", atomically: true, encoding: .utf8)
        for (format, expected) in [
            (FileDirectoryConnector.Format.jsonLines, "events.jsonl: discovery.malformed_json (line 2001)"),
            (.csv, "notes.csv: discovery.malformed_csv (line 2002)"),
        ] {
            let session = try await FileDirectoryConnector(directory: dir, format: format, blockBytes: 4096).connect()
            let table = try #require(try await session.schema().first)
            var batches = try await session.rows(of: table, limit: nil, maximumRows: .max)
            do {
                while try await batches.next() != nil {}
                Issue.record("\(format): the malformed line was accepted")
            } catch {
                #expect(error.message.hasPrefix(expected), "\(error.message)")
            }
            await session.close()
        }
    }

    /// A full scan pages through the table (rowid order, or by offset for a table without
    /// rowids) and stops at the cap.
    @Test func sqliteFullScansPageAndStopAtTheCap() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/big.sqlite"
        let setup = try await SQLiteConnection.open(storage: .file(path: path), logger: Logger(label: "test"))
        _ = try await setup.query("CREATE TABLE plain (id INTEGER, v TEXT)")
        _ = try await setup.query("CREATE TABLE keyed (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
        _ = try await setup.query(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000) INSERT INTO plain SELECT i, 'v' || i FROM n")
        _ = try await setup.query(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000) INSERT INTO keyed SELECT printf('%06d', i), 'v' || i FROM n"
        )
        try await setup.close()
        let session = try await Connectors.sqlite(path: path).connect()
        let tables = try await session.schema()
        for table in tables {
            let total = table.name == "plain" ? 25_000 : 12_000
            var all = try await session.rows(of: table, limit: nil, maximumRows: .max)
            var batches = 0
            var ids = Set<String>()
            while let batch = try await all.next() {
                batches += 1
                #expect(batch.count <= 10_000)
                for row in batch { ids.insert(row[0] ?? "") }
            }
            #expect(ids.count == total && batches == (total + 9_999) / 10_000, "\(table.name)")
            var capped = try await session.rows(of: table, limit: nil, maximumRows: 10_500)
            #expect(try await capped.collect().count == 10_500, "\(table.name)")
        }
        await session.close()
    }
}
