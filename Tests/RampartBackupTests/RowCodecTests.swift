// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartBackup
import Testing

@Suite struct RowCodecTests {
    static func roundTrip(_ values: [BackupValue]) throws -> [BackupValue] {
        var line: [UInt8] = []
        RowCodec.encode(values, into: &line)
        #expect(line.last == UInt8(ascii: "\n"))
        #expect(line.dropLast().firstIndex(of: UInt8(ascii: "\n")) == nil, "a row is one line")
        return try RowCodec.decode(line.dropLast())
    }

    @Test func everyKindOfValueSurvives() throws {
        let values: [BackupValue] = [
            .null, .boolean(true), .boolean(false), .integer(0), .integer(Int64.min), .integer(Int64.max), .integer(-42),
            .real(0.1), .real(-2.5e-300), .real(1e300), .real(100), .real(.infinity), .real(-.infinity),
            .text(""), .text("plain"), .text("quote \" backslash \\ slash / newline \n cr \r tab \t nul \u{0} bell \u{7}"),
            .text("Zoë ✓ 🚀 \u{10FFFF}"), .blob([]), .blob([0, 1, 2, 255, 10, 13]), .blob(Array(0...255)),
        ]
        #expect(try Self.roundTrip(values) == values)
        #expect(try Self.roundTrip([]) == [])
    }

    @Test func notANumberSurvives() throws {
        guard case .real(let value) = try Self.roundTrip([.real(.nan)]).first else {
            Issue.record("not a real")
            return
        }
        #expect(value.isNaN)
    }

    @Test func randomTextSurvives() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let scalars = (0..<Int.random(in: 0...40, using: &generator)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &generator))
            }
            let text = String(String.UnicodeScalarView(scalars))
            #expect(try Self.roundTrip([.text(text)]) == [.text(text)])
        }
    }

    @Test func standardJSONEscapesAreRead() throws {
        let line = Array(#"["\u00e9\ud83d\ude80\/\b\f",{"base64":"AAE="},{"real":"-inf"}]"#.utf8)
        #expect(try RowCodec.decode(line[...]) == [.text("é🚀/\u{8}\u{C}"), .blob([0, 1]), .real(-.infinity)])
    }

    @Test(arguments: ["", "[", "[1,]", "[1 2]", "[tru]", "[\"x]", "[{\"other\":\"x\"}]", "[1]x", "[99999999999999999999]", "[\"\\ud800\"]"])
    func malformedRowsAreInconsistentNotACrash(_ text: String) {
        #expect(throws: BackupError.self) { try RowCodec.decode(Array(text.utf8)[...]) }
    }
}
