import Foundation

@testable import RampartDiscovery

/// Micro-F1 of a scan of the multilingual corpus, per class and overall.
struct MultilingualScore {
    struct Counts {
        var tp = 0
        var fp = 0
        var fn = 0

        var f1: Double { tp + fp + fn == 0 ? 1 : Double(2 * tp) / Double(2 * tp + fp + fn) }
    }

    var perClass: [String: Counts] = [:]
    /// `table.column (locale): missed […] extra […]` for each column scored wrong.
    var errors: [String] = []

    var overall: Counts {
        perClass.values.reduce(into: Counts()) { total, c in
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        }
    }

    /// Micro-F1 over `classes` only.
    func f1(restrictedTo classes: Set<String>) -> Double {
        let c = perClass.filter { classes.contains($0.key) }.values.reduce(into: Counts()) { total, c in
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        }
        return c.f1
    }

    /// Scans the corpus with native or neutral (`col_01`, shuffled) column names and scores it.
    static func run(tables: [EvalTable], neutralNames: Bool, seed: UInt64) async throws -> MultilingualScore {
        var r = EvalRandom(seed: seed ^ 0xC01)
        var scanned: [DiscoveryTable] = []
        var truth: [String: (locale: String, classes: Set<String>)] = [:]
        for (t, table) in tables.enumerated() {
            let order = neutralNames ? r.shuffle(Array(table.columns.indices)) : Array(table.columns.indices)
            let tableName = neutralNames ? "table_\(t)" : table.name
            var names: [String] = []
            for (position, index) in order.enumerated() {
                let column = table.columns[index]
                let name = neutralNames ? "col_\(position < 9 ? "0" : "")\(position + 1)" : column.nativeName
                names.append(name)
                truth["\(tableName).\(name)"] = (table.locale, column.classes)
            }
            let rowCount = table.columns.first?.values.count ?? 0
            let rows = (0..<rowCount).map { row in order.map { table.columns[$0].values[row] } }
            scanned.append(DiscoveryTable(name: tableName, columns: names, rows: rows))
        }
        let report = try await DiscoveryScanner().scan(scanned)
        var predicted: [String: Set<String>] = [:]
        for column in report.columns {
            predicted["\(column.table).\(column.column)", default: []].formUnion(column.classes)
        }
        var score = MultilingualScore()
        for key in Set(truth.keys).union(predicted.keys).sorted() {
            let expected = truth[key]?.classes ?? []
            let guessed = predicted[key] ?? []
            for c in expected.union(guessed) {
                var counts = score.perClass[c] ?? Counts()
                if expected.contains(c) && guessed.contains(c) {
                    counts.tp += 1
                } else if guessed.contains(c) {
                    counts.fp += 1
                } else {
                    counts.fn += 1
                }
                score.perClass[c] = counts
            }
            if expected != guessed {
                let missed = expected.subtracting(guessed).sorted()
                let extra = guessed.subtracting(expected).sorted()
                score.errors.append("\(key) (\(truth[key]?.locale ?? "?")): missed \(missed) extra \(extra)")
            }
        }
        return score
    }

    /// A printable report: overall, per class, then the errors.
    func summary(_ title: String) -> String {
        var lines = ["\(title): micro-F1 \(String(format: "%.3f", overall.f1)) (tp \(overall.tp) fp \(overall.fp) fn \(overall.fn))"]
        for (c, counts) in perClass.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(c): F1 \(String(format: "%.3f", counts.f1)) tp \(counts.tp) fp \(counts.fp) fn \(counts.fn)")
        }
        lines += errors.map { "  ✗ \($0)" }
        return lines.joined(separator: "\n")
    }
}
