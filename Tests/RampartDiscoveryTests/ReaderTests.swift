import Testing

@testable import RampartDiscovery

@Suite struct CSVReaderTests {
    @Test func parsesRFC4180() throws {
        let text = "\u{FEFF}id,name,notes\r\n1,\"Smith, Jane\",\"said \"\"hi\"\"\nnext line\"\r\n2,,\"\"\n\n3,x,y"
        let table = try CSVReader.parse(text)
        #expect(table.header == ["id", "name", "notes"])
        #expect(table.rows.count == 3)
        #expect(table.rows[0] == ["1", "Smith, Jane", "said \"hi\"\nnext line"])
        #expect(table.rows[1] == ["2", nil, ""])
        #expect(table.rows[2] == ["3", "x", "y"])
    }

    @Test func reportsMalformedInput() {
        #expect(throws: DiscoveryError.self) { try CSVReader.parse("a,b\n1,\"unterminated\n") }
        do {
            _ = try CSVReader.parse("a,b\n1,\"x\"y\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .malformedCSV)
            #expect(error.line == 2)
        }
    }

    @Test func streamsRecords() throws {
        var records = CSVReader.Records(Array("a\n1\n2\n".utf8))
        #expect(try records.nextRecord() == ["a"])
        #expect(try records.nextRecord() == ["1"])
        #expect(try records.nextRecord() == ["2"])
        #expect(try records.nextRecord() == nil)
    }
}

@Suite struct JSONLinesReaderTests {
    @Test func flattensObjects() throws {
        let text = """
            {"id": 1, "user": {"email": "a@b.io", "geo": {"ip": "10.0.0.1"}}, "tags": ["x", 1], "ok": true, "n": null}

            {"id": 012, "extra": "caf\\u00e9 \\ud83d\\ude00", "user": {"email": ""}}
            """
        let table = try JSONLinesReader.parse(text)
        #expect(table.columns == ["id", "user.email", "user.geo.ip", "tags", "ok", "n", "extra"])
        #expect(table.rows[0] == ["1", "a@b.io", "10.0.0.1", "[\"x\", 1]", "true", nil, nil])
        #expect(table.rows[1] == ["012", "", nil, nil, nil, nil, "café 😀"])
    }

    @Test(arguments: ["[1,2]", "{\"a\": }", "{\"a\": 1", "{\"a\": 1} x", "{\"a\": \"unterminated}"])
    func rejectsMalformedLines(_ line: String) {
        #expect(throws: DiscoveryError.self) { try JSONLinesReader.parse(line) }
    }

    @Test func boundsNesting() {
        let deep = String(repeating: "{\"a\":", count: 200) + "1" + String(repeating: "}", count: 200)
        #expect(throws: DiscoveryError.self) { try JSONLinesReader.parse(deep) }
    }
}
