// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartAuditLog
import Testing

/// The fast record-line reader and writer must agree with the `Codable` conformance
/// (Foundation's coders) on every line both accept.
@Suite("Export line coding")
struct ExportLineCodingTests {
    static let nasty = [
        "plain",
        "",
        "quote\" back\\slash /slash",
        "controls \n\r\t\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
        "é 中文 🎉 \u{2028}\u{2029} \u{FEFF}",
        String(repeating: "x", count: 5000),
    ]

    static func record(_ text: String, seq: Int64 = 7) -> AuditRecord {
        var record = makeRecord(seq: seq)
        record.actorID = text
        record.details = text
        record.userAgent = text.isEmpty ? nil : text
        record.path = "/v1/\(text)"
        return record
    }

    static func foundationLine(_ line: AuditExportLine) throws -> String {
        String(decoding: try JSONEncoder().encode(line), as: UTF8.self)
    }

    static func foundationDecode(_ text: String) throws -> AuditExportLine {
        try JSONDecoder().decode(AuditExportLine.self, from: Data(text.utf8))
    }

    @Test(arguments: nasty)
    func fastWriterIsReadableByFoundationAndBack(_ text: String) throws {
        let record = Self.record(text)
        let line = AuditExportLine.record(record, leafHash: record.leafHash)
        let fast = try AuditExport.encode(line)
        #expect(!fast.contains("\n"))
        #expect(try Self.foundationDecode(fast) == line)
        #expect(try AuditExport.decode(fast) == line)
        #expect(try AuditExport.decode(Self.foundationLine(line)) == line)
        if case .record(let decoded, _) = try AuditExport.decode(fast) {
            #expect(decoded.leafHash == record.leafHash)
        }
    }

    @Test func minimalRecordAndNulls() throws {
        let minimal = AuditRecord(seq: 1, time: -5, tenantID: "t", actorType: "system", operation: "boot", outcome: "allowed")
        let line = AuditExportLine.record(minimal, leafHash: nil)
        let text = try AuditExport.encode(line)
        #expect(text == #"{"actorType":"system","operation":"boot","outcome":"allowed","seq":1,"tenantId":"t","time":-5,"type":"record"}"#)
        #expect(try AuditExport.decode(text) == line)
        let withNulls =
            #"{ "type" : "record", "seq" : 1, "time" : -5, "tenantId" : "t", "actorType" : "system", "operation" : "boot", "outcome" : "allowed", "actorId" : null, "status" : null, "leafHash" : null }"#
        #expect(try AuditExport.decode(withNulls) == line)
        #expect(try Self.foundationDecode(withNulls) == line)
    }

    @Test func escapesDecodeLikeFoundation() throws {
        let base = #"{"type":"record","seq":1,"time":0,"tenantId":"t","actorType":"user","operation":"o","outcome":"allowed","details":"#
        for escaped in [#""\u00e9\u4e2d""#, #""\ud83c\udf89""#, #""\/\b\f\n\r\t\"\\""#, #""\u0000""#] {
            let text = base + escaped + "}"
            let fast = try AuditExport.decode(text)
            #expect(fast == (try Self.foundationDecode(text)), "\(escaped)")
        }
        if case .record(let record, _) = try AuditExport.decode(base + #""\ud83c\udf89""# + "}") {
            #expect(record.details == "🎉")
        }
    }

    @Test func oddLinesAgreeWithFoundationOrAreRejected() {
        let base = #""type":"record","time":0,"tenantId":"t","actorType":"user","operation":"o","outcome":"allowed""#
        let lines = [
            "{\(base),\"seq\":1.0}",
            "{\(base),\"seq\":1e2}",
            "{\(base),\"seq\":01}",
            "{\(base),\"seq\":\"1\"}",
            "{\(base),\"seq\":9223372036854775808}",
            "{\(base),\"seq\":-9223372036854775808}",
            "{\(base),\"seq\":1,\"extra\":{\"nested\":[1,2]}}",
            "{\(base),\"seq\":1,\"details\":\"\\ud83c\"}",
            "{\(base),\"seq\":1,\"details\":\"\\x\"}",
            "{\(base),\"seq\":1} trailing",
            "{\(base),\"seq\":1,}",
            "{\(base)}",
            "[]",
            "",
        ]
        for line in lines {
            let fast = try? AuditExport.decode(line)
            let foundation = try? Self.foundationDecode(line)
            #expect(fast == foundation, "\(line)")
        }
    }

    @Test func duplicateKeysAreRejected() {
        let line = #"{"type":"record","seq":1,"seq":2,"time":0,"tenantId":"t","actorType":"user","operation":"o","outcome":"allowed"}"#
        let error = #expect(throws: AuditLogError.self) { try AuditExport.decode(line) }
        #expect(error?.code == .malformedExport)
    }

    @Test func randomRecordsRoundTrip() throws {
        var generator = SeededGenerator(state: 42)
        let alphabet = Array("aZ09 \"\\/\n\t\u{1}é中🎉{}[]:,")
        for seq in 1...200 {
            var record = makeRecord(seq: Int64(seq))
            let length = Int.random(in: 0...40, using: &generator)
            let text = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            record.details = text
            record.resource = Bool.random(using: &generator) ? text : nil
            record.status = Bool.random(using: &generator) ? Int.random(in: -1000...1000, using: &generator) : nil
            record.time = Int64.random(in: .min ... .max, using: &generator)
            let line = AuditExportLine.record(record, leafHash: record.leafHash)
            let text2 = try AuditExport.encode(line)
            #expect(try AuditExport.decode(text2) == line)
            #expect(try Self.foundationDecode(text2) == line)
        }
    }
}
