import Foundation
import RampartTesting
import Testing

@testable import RampartDiscovery

/// End to end on the shared evaluation kit: generate labelled tables with a seed, scan them,
/// score micro-F1 like `score.py`. Skipped when python3 or the kit is missing.
@Suite struct EvalEndToEndTests {
    static var kit: URL? {
        let env = ProcessInfo.processInfo.environment["DISCOVERY_EVAL_DIR"].map { URL(fileURLWithPath: $0) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [env, root.appendingPathComponent("../shared/discovery-eval"), root.appendingPathComponent("shared/discovery-eval")]
        return candidates.compactMap { $0 }.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("gen_eval.py").path)
        }
    }

    static var python: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].first(where: FileManager.default.isExecutableFile(atPath:))
    }

    static var available: Bool { kit != nil && python != nil }

    @Test(.enabled(if: available), arguments: [("plain", 31337), ("obscure", 31337), ("obscure", 8080)])
    func microF1(names: String, seed: Int) async throws {
        let kit = try #require(Self.kit)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("discovery-e2e-\(names)-\(seed)-\(getpid())")
        defer { try? FileManager.default.removeItem(at: out) }
        let generated = try ChildProcess.run(
            try #require(Self.python),
            [
                kit.appendingPathComponent("gen_eval.py").path, "--out", out.path, "--seed", String(seed), "--rows", "400",
                "--names", names, "--formats", "csv,jsonl",
            ])
        try #require(generated.status == 0, "\(generated.stderr)")

        let labelsData = try Data(contentsOf: out.appendingPathComponent("labels.json"))
        let labels = try JSONDecoder().decode([String: [String]].self, from: labelsData).mapValues(Set.init)

        for format in ["csv", "jsonl"] {
            let dir = out.appendingPathComponent(format)
            var tables: [DiscoveryTable] = []
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() {
                let data = try Data(contentsOf: dir.appendingPathComponent(file))
                let name = String(file.prefix { $0 != "." })
                if format == "csv" {
                    let t = try CSVReader.parse(data)
                    tables.append(DiscoveryTable(name: name, columns: t.header, rows: t.rows))
                } else {
                    let t = try JSONLinesReader.parse(data)
                    tables.append(DiscoveryTable(name: name, columns: t.columns, rows: t.rows))
                }
            }
            let report = try await DiscoveryScanner().scan(tables)
            var predicted: [String: Set<String>] = [:]
            for column in report.columns { predicted["\(column.table).\(column.column)", default: []].formUnion(column.classes) }
            var tp = 0
            var fp = 0
            var fn = 0
            for key in Set(labels.keys).union(predicted.keys) {
                let truth = labels[key] ?? []
                let guess = predicted[key] ?? []
                tp += truth.intersection(guess).count
                fp += guess.subtracting(truth).count
                fn += truth.subtracting(guess).count
            }
            let f1 = Double(2 * tp) / Double(2 * tp + fp + fn)
            print("shared kit \(format) \(names) seed \(seed): micro-F1 \(String(format: "%.3f", f1)) (tp \(tp) fp \(fp) fn \(fn))")
            #expect(f1 >= 0.95, "\(format) \(names) seed \(seed): micro-F1 \(f1) (tp \(tp) fp \(fp) fn \(fn))")
        }
    }
}
