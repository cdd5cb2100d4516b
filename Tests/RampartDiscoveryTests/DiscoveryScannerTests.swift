import Foundation
import Synchronization
import Testing

@testable import RampartDiscovery

@Suite struct DiscoveryScannerTests {
    struct Rows: AsyncSequence, Sendable {
        typealias Element = [String?]
        let count: Int
        struct AsyncIterator: AsyncIteratorProtocol {
            var i = 0
            let count: Int
            mutating func next() async throws -> [String?]? {
                defer { i += 1 }
                return i < count ? ["\(i)", "user\(i)@example.com", i % 2 == 0 ? nil : "x"] : nil
            }
        }
        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(count: count) }
    }

    @Test func scansStreamsAndArraysWithProgress() async throws {
        let events = Mutex<[DiscoveryProgress]>([])
        let scanner = DiscoveryScanner(configuration: .init(sampleLimit: 100, progressInterval: 250))
        let report = try await scanner.scan([
            DiscoveryTable(name: "streamed", columns: ["id", "email", "flag"], rows: Rows(count: 1000)),
            DiscoveryTable(name: "inline", columns: ["card"], rows: [["4111 1111 1111 1111"], ["5555555555554444"]]),
        ]) { progress in events.withLock { $0.append(progress) } }

        #expect(report.columns.map { "\($0.table).\($0.column)" } == ["streamed.id", "streamed.email", "streamed.flag", "inline.card"])
        #expect(report.columns[1].classes == ["EMAIL"])
        #expect(report.columns[1].sampledCount == 100)
        #expect(report.columns[1].rowsScanned == 1000)
        #expect(report.columns[3].classes == ["CREDIT_CARD"])
        let seen = events.withLock { $0 }
        #expect(
            seen.last == DiscoveryProgress(tablesDone: 2, tablesTotal: 2, rowsRead: 1002, bytesRead: seen.last?.bytesRead ?? 0, currentTable: nil))
        #expect(seen.contains { $0.tablesDone == 0 && $0.rowsRead == 250 })
        #expect((seen.last?.bytesRead ?? 0) > 20_000)
    }

    @Test func reportEncodesTheScorerShapeWithoutRawValues() throws {
        let scanner = DiscoveryScanner()
        let columns = scanner.scanTable(
            name: "customers", columns: ["email", "ssn"],
            rows: (0..<50).map { ["person\($0)@example.com", "536-90-\(String(format: "%04d", 1000 + $0))"] }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(DiscoveryReport(columns: columns))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try #require(json["columns"] as? [[String: Any]])
        #expect(list.count == 2)
        #expect(list[0]["table"] as? String == "customers")
        #expect(list[0]["column"] as? String == "email")
        #expect(list[0]["classes"] as? [String] == ["EMAIL"])
        let confidence = (list[0]["confidence"] as? [String: Double])?["EMAIL"] ?? 0
        let prevalence = (list[1]["prevalence"] as? [String: Double])?["US_SSN"]
        #expect(confidence > 0.5)
        #expect(prevalence == 1)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("person1@example.com"))
        #expect(!text.contains("536-90-1001"))
        #expect(try JSONDecoder().decode(DiscoveryReport.self, from: data).columns == columns)
    }

    @Test func samplingIsReproducible() {
        let rows: [[String?]] = (0..<5000).map { [$0 % 7 == 0 ? "jane\($0)@example.com" : "n/a"] }
        let a = DiscoveryScanner(configuration: .init(sampleLimit: 300)).scanTable(name: "t", columns: ["c"], rows: rows)
        let b = DiscoveryScanner(configuration: .init(sampleLimit: 300)).scanTable(name: "t", columns: ["c"], rows: rows)
        #expect(a == b)
        #expect(a[0].classes == ["EMAIL"])
    }
}
