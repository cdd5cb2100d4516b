// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOCore
import Testing

@testable import RampartApp
@testable import RampartServer

/// The hand-written reader and writer of decision bodies agree with Foundation's JSON on every
/// input: the reader returns what `JSONDecoder` returns, or gives up so `JSONDecoder` judges.
@Suite struct DecisionJSONTests {
    typealias Request = DecisionsController.DecisionRequest

    static func same(_ a: Request, _ b: Request) -> Bool {
        a.service == b.service && a.user == b.user && a.groups == b.groups && a.roles == b.roles && a.resource == b.resource
            && a.accessType == b.accessType && a.context == b.context && a.userAttributes == b.userAttributes
    }

    static func read(_ text: String) -> Request? {
        Array(text.utf8).withUnsafeBytes { DecisionRequestReader.single($0) }
    }

    static func decoded(_ text: String) -> Request? {
        try? JSONDecoder().decode(Request.self, from: Data(text.utf8))
    }

    static let accepted: [String] = [
        #"{"service":"hive","user":"bob","resource":{"database":"sales","table":"t"},"accessType":"select"}"#,
        #" { "service" : "hive" , "user":"b\u00f6b \ud83d\ude00", "groups":["a","b"], "roles":null, "resource":{}, "accessType":"x", "context":{"ip":"1.2.3.4"} } "#,
        #"{"service":"h","user":"\"\\\/\b\f\n\r\t","resource":{"k":"v"},"accessType":"a","unknown":[1,-2.5e+3,{"x":[true,false,null]},"s"]}"#,
        #"{"service":"h","user":"u","resource":{"k":"ü中"},"accessType":"a","groups":[],"context":null}"#,
        #"{"service":"h","user":"u","resource":{},"accessType":"a","userAttributes":{"dept":"o'brien","region":"EU"}}"#,
    ]

    static let refused: [String] = [
        #"{"service":"h","user":"u","resource":{"k":"v"}}"#,  // missing accessType
        #"{"service":"h","user":7,"resource":{"k":"v"},"accessType":"a"}"#,  // number for a string
        #"{"service":"h","user":"u","resource":{"k":1},"accessType":"a"}"#,
        #"{"service":"h","user":"u","resource":null,"accessType":"a"}"#,
        #"{"service":"h","user":"u","resource":{"k":"v"},"accessType":"a"} x"#,  // trailing text
        #"{"service":"h","user":"u","resource":{"k":"v"},"accessType":"a""#,  // unterminated
        #"{"service":"h","user":"\ud800","resource":{"k":"v"},"accessType":"a"}"#,  // lone surrogate
        #"{"service":"h","user":"u","resource":{"k":"v"},"accessType":"a","n":01}"#,  // leading zero
        "{\"service\":\"h\",\"user\":\"a\u{01}b\",\"resource\":{},\"accessType\":\"a\"}",  // raw control character
        #"{"service":"h","user":"u","resource":{"k":"v"},"accessType":"a",}"#,  // trailing comma
    ]

    @Test func acceptedBodiesReadAsJSONDecoderReadsThem() throws {
        for text in Self.accepted {
            let fast = try #require(Self.read(text), "\(text)")
            let slow = try #require(Self.decoded(text), "\(text)")
            #expect(Self.same(fast, slow), "\(text)")
        }
    }

    /// Malformed or doubtful bodies (some of which `JSONDecoder` tolerates, a leading zero or a
    /// trailing comma in an ignored member) are left to `JSONDecoder`.
    @Test func malformedOrDoubtfulBodiesAreLeftToJSONDecoder() {
        for text in Self.refused {
            #expect(Self.read(text) == nil, "the fast reader accepted \(text)")
        }
        // Invalid UTF-8 and duplicate keys are left to the general decoder too.
        var bytes = Array(#"{"service":"h","user":"u","resource":{},"accessType":"a"}"#.utf8)
        bytes[24] = 0xFF
        #expect(bytes.withUnsafeBytes { DecisionRequestReader.single($0) } == nil)
        #expect(Self.read(#"{"service":"h","service":"i","user":"u","resource":{},"accessType":"a"}"#) == nil)
        #expect(Self.read(#"{"service":"h","user":"u","resource":{"k":"v","k":"w"},"accessType":"a"}"#) == nil)
    }

    @Test func batchesReadEveryRequest() throws {
        let items = (0..<50).map { #"{"service":"s\#($0)","user":"u","resource":{"db":"d"},"accessType":"select"}"# }
        let text = #"{"extra":{"a":[1,2]},"requests":["# + items.joined(separator: ",") + "]}"
        let fast = try #require(Array(text.utf8).withUnsafeBytes { DecisionRequestReader.batch($0) })
        #expect(fast.map(\.service) == (0..<50).map { "s\($0)" })
        #expect(Array(#"{"requests":[],"requests":[]}"#.utf8).withUnsafeBytes { DecisionRequestReader.batch($0) } == nil)
        #expect(Array(#"{"other":1}"#.utf8).withUnsafeBytes { DecisionRequestReader.batch($0) } == nil)
    }

    @Test func answersAreTheDocumentJSONEncoderWrites() throws {
        let decisions: [DecisionsController.Decision] = [
            .init(allowed: true, audited: true, policyId: 7, policyVersion: 3, reason: nil, mask: nil, rowFilter: nil),
            .init(allowed: false, audited: false, policyId: nil, policyVersion: -1, reason: "unknown \"user\"\n\u{01}/ü", mask: nil, rowFilter: nil),
            .init(
                allowed: true, audited: true, policyId: 9, policyVersion: 4, reason: nil,
                mask: .init(type: "CUSTOM", value: "concat('x', {col})", condition: nil, policyId: 12),
                rowFilter: .init(expression: "region = 'EU'", policyId: 13)),
            .init(
                allowed: true, audited: true, policyId: 9, policyVersion: 4, reason: nil,
                mask: .init(type: "MASK", value: nil, condition: "a>1", policyId: 12), rowFilter: nil),
        ]
        struct Batch: Encodable { var decisions: [DecisionsController.Decision] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = try JSONSerialization.jsonObject(with: try encoder.encode(Batch(decisions: decisions))) as? NSDictionary
        let written = DecisionResponseWriter.batch(decisions)
        let got = try JSONSerialization.jsonObject(with: Data(written.readableBytesView)) as? NSDictionary
        #expect(got == expected)
        let single = try JSONSerialization.jsonObject(with: Data(DecisionResponseWriter.single(decisions[1]).readableBytesView)) as? NSDictionary
        #expect(single == (expected?["decisions"] as? [NSDictionary])?[1])
    }
}
