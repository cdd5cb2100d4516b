// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RampartConnectors
import SQLiteNIO
import Testing

/// The connectors without a server: URL parsing, path rules, error codes, read-only SQLite.
@Suite struct ConnectorTests {
    @Test func postgresURLsSplitIntoSettingsAndAPassword() throws {
        let parsed = try #require(PostgresConnector.parse(url: "postgres://reader:s3cr%40t@db.example:6543/sales?sslmode=require"))
        #expect(parsed.settings.host == "db.example" && parsed.settings.port == 6543 && parsed.settings.username == "reader")
        #expect(parsed.settings.database == "sales" && parsed.settings.tls == .require && parsed.password == "s3cr@t")
        let bare = try #require(PostgresConnector.parse(url: "postgresql://u@h"))
        #expect(bare.settings.port == 5432 && bare.settings.database == "u" && bare.settings.tls == .prefer && bare.password == nil)
        #expect(PostgresConnector.parse(url: "postgres://u@h/d?sslmode=verify-full")?.settings.tls == .require)
        for bad in ["mysql://u@h/d", "postgres://h/d", "postgres://u@/d", "postgres://u@h/d?sslmode=sometimes", "not a url"] {
            #expect(PostgresConnector.parse(url: bad) == nil, "\(bad)")
        }
    }

    @Test func pathsMustBeAbsoluteWithoutParentSteps() {
        #expect(DatasourcePath.problem("/data/files") == nil)
        #expect(DatasourcePath.problem("data/files") != nil)
        #expect(DatasourcePath.problem("/data/../etc") != nil)
        #expect(DatasourcePath.problem("/data/..") != nil)
        #expect(DatasourcePath.problem("/data/..x") == nil)
        #expect(DatasourcePath.problem("/a\u{0}b") != nil)
    }

    @Test func filesAndSQLiteFailWithStableCodes() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-connectors-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "a,b\n\"unterminated,1\n".write(toFile: dir + "/broken.csv", atomically: true, encoding: .utf8)
        do {
            _ = try await Connectors.csvDirectory(dir).test()
            Issue.record("a malformed CSV file was accepted")
        } catch {
            #expect(error.code == .invalidData)
        }
        do {
            _ = try await Connectors.jsonlDirectory(dir + "/missing").test()
            Issue.record("a missing directory was accepted")
        } catch {
            #expect(error.code == .notFound)
        }
        try "not a database".write(toFile: dir + "/bad.db", atomically: true, encoding: .utf8)
        do {
            _ = try await Connectors.sqlite(path: dir + "/bad.db").test()
            Issue.record("a text file was accepted as SQLite")
        } catch {
            #expect(error.code == .invalidData)
        }
    }

    @Test func sqliteIsReadOnlyAndSampled() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-connectors-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A '?' and a '#' in the path must not be read as URI syntax.
        let path = dir + "/odd?name#1.sqlite"
        let setup = try await SQLiteConnection.open(storage: .file(path: path), logger: Logger(label: "test"))
        _ = try await setup.query("CREATE TABLE t (id INTEGER, v TEXT)")
        for i in 0..<50 { _ = try await setup.query("INSERT INTO t VALUES (?, ?)", [.integer(i), .text("v\(i)")]) }
        try await setup.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let session = try await Connectors.sqlite(path: path).connect()
        let tables = try await session.schema()
        #expect(tables.map(\.name) == ["t"] && tables.first?.estimatedRows == 50)
        #expect(tables.first?.columns == [SchemaColumn(name: "id", type: "INTEGER"), SchemaColumn(name: "v", type: "TEXT")])
        let table = try #require(tables.first)
        var sampled = try await session.rows(of: table, limit: 10, maximumRows: .max)
        let sample = try await sampled.collect()
        #expect(sample.count == 10 && sample.allSatisfy { $0.count == 2 && $0[1]?.hasPrefix("v") == true })
        var all = try await session.rows(of: table, limit: nil, maximumRows: .max)
        #expect(try await all.collect().count == 50)
        await session.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "reading changed nothing")
    }
}
