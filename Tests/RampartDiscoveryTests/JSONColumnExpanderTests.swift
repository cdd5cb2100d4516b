import Testing

@testable import RampartDiscovery

/// JSON documents in a column (PostgreSQL `json`/`jsonb`) are classified per key path.
@Suite struct JSONColumnExpanderTests {
    @Test func spreadsObjectsIntoKeyPathColumns() {
        var expander = JSONColumnExpander(columns: ["id", "profile"], jsonColumns: [1])
        let first = expander.expand(["1", #"{"contact": {"email": "jane@example.com"}, "tier": "gold"}"#])
        #expect(expander.columns == ["id", "profile", "profile.contact.email", "profile.tier"])
        #expect(first == ["1", #"{"contact": {"email": "jane@example.com"}, "tier": "gold"}"#, "jane@example.com", "gold"])
        let second = expander.expand(["2", #"{"contact": {"phone": "+44 20 7946 0018"}}"#])
        #expect(expander.columns.last == "profile.contact.phone")
        #expect(second == ["2", #"{"contact": {"phone": "+44 20 7946 0018"}}"#, nil, nil, "+44 20 7946 0018"])
        // Arrays, scalars, malformed text and NULL add nothing.
        for cell in [#"[1, 2]"#, "42", #"{"a": "#, nil] {
            #expect(expander.expand(["3", cell]).count == expander.columns.count)
        }
        #expect(expander.columns.count == 5)
    }

    @Test func boundsTheNumberOfKeyPaths() {
        var expander = JSONColumnExpander(columns: ["doc"], jsonColumns: [0])
        for i in 0..<(JSONColumnExpander.maxPaths + 50) { _ = expander.expand([#"{"k\#(i)": "v"}"#]) }
        #expect(expander.columns.count == 1 + JSONColumnExpander.maxPaths)
    }

    @Test func keyPathsAreClassifiedOnTheirOwn() {
        var expander = JSONColumnExpander(columns: ["id", "profile"], jsonColumns: [1])
        let rows = (0..<40).map { i in
            expander.expand([String(i), #"{"contact": {"email": "user\#(i)@example.com"}, "plan": "basic", "visits": \#(i)}"#])
        }
        let scanner = DiscoveryScanner()
        var scan = scanner.beginTable(name: "accounts", columns: ["id", "profile"])
        scan.extend(to: expander.columns)
        scan.add(rows)
        let reports = scanner.finish(scan)
        let byColumn = Dictionary(uniqueKeysWithValues: reports.map { ($0.column, $0.classes) })
        #expect(byColumn["profile.contact.email"] == ["EMAIL"])
        #expect(byColumn["profile.plan"] == [])
        #expect(byColumn["profile"]?.contains("EMAIL") == true)  // the document itself holds them too
    }
}
