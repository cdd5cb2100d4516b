import Testing

@testable import RampartDiscovery

/// Matching must stay bounded on adversarial input: every classifier inspects a capped prefix
/// with single-pass scanners, so time per value does not grow with its length.
@Suite struct HostileInputTests {
    static let shapes: [String] = [
        String(repeating: "a", count: 10_000_000),
        String(repeating: "1", count: 10_000_000),
        String(repeating: "1 ", count: 5_000_000),
        String(repeating: "a@", count: 5_000_000),
        String(repeating: "1.", count: 5_000_000),
        String(repeating: "::1", count: 3_000_000),
        String(repeating: "+1 (", count: 2_500_000),
        String(repeating: "DE89 ", count: 2_000_000),
        String(repeating: "-----BEGIN ", count: 1_000_000),
        String(repeating: "Jane ", count: 2_000_000),
        String(repeating: "12 Main St ", count: 1_000_000),
        String(repeating: "eyJ.", count: 2_500_000),
    ]

    @Test(arguments: 0..<shapes.count)
    func tenMegabyteSingleLineValue(_ index: Int) {
        let value = Substring(Self.shapes[index])
        let elapsed = seconds {
            for classifier in BuiltinClassifiers.all { _ = classifier.classify(value) }
        }
        #expect(elapsed < 2, "shape \(index) took \(elapsed) s")
    }

    @Test func columnOfMegabyteStrings() {
        let big = String(repeating: "4111 1111 1111 1111 jane@example.com ", count: 30_000)  // ~1 MB
        var profiler = ColumnProfiler(columnName: "blob", sampleLimit: 200)
        // Speed is measured by DiscoverBench, not asserted here; what this proves is that inspection
        // is capped, so a hostile column cannot make classification read megabytes per value.
        for _ in 0..<300 { profiler.add(big) }
        let result = profiler.classify()
        #expect(Set(result.map(\.dataClass)).isSuperset(of: [.creditCard, .email]))
        #expect(profiler.samples.allSatisfy { $0.utf8.count <= ClassificationLimits.defaultMaxInspectedBytes })
    }

    @Test func csvWithHugeField() throws {
        let field = String(repeating: "x", count: 10_000_000)
        let text = "a,b\n1,\"\(field)\"\n"
        let elapsed = try seconds {
            let table = try CSVReader.parse(text)
            #expect(table.rows[0][1]?.utf8.count == field.utf8.count)
        }
        #expect(elapsed < 10)
    }
}
