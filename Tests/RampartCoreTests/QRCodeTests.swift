// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

@Suite("QR code")
struct QRCodeTests {
    /// Expands a fixture's hex rows into `0`/`1` strings of the symbol's width.
    private func bits(_ fixture: QRFixture) -> [String] {
        let size = 17 + 4 * fixture.version
        return fixture.rows.map { row in
            let expanded = row.map { digit -> String in
                let value = Int(String(digit), radix: 16) ?? 0
                let binary = String(value, radix: 2)
                return String(repeating: "0", count: 4 - binary.count) + binary
            }
            .joined()
            return String(expanded.prefix(size))
        }
    }

    @Test("matches the independent encoder for the same version and mask", arguments: QRFixtures.all.indices)
    func matchesReference(index: Int) throws {
        let fixture = QRFixtures.all[index]
        let code = try QRCode.encode(Array(fixture.text.utf8), version: fixture.version, mask: fixture.mask)
        #expect(code.size == 17 + 4 * fixture.version)
        let expected = bits(fixture)
        #expect(code.rows.count == expected.count)
        for (row, (actual, reference)) in zip(code.rows, expected).enumerated() {
            #expect(actual == reference, "row \(row) of v\(fixture.version) mask \(fixture.mask)")
        }
    }

    @Test func picksTheSmallestVersionThatFits() throws {
        // Byte-mode capacities at level M (ISO/IEC 18004 Table 7): v1 14, v2 26, v7 122, v8 152, v15 412.
        #expect(try QRCode.encode([UInt8](repeating: 0x61, count: 14)).version == 1)
        #expect(try QRCode.encode([UInt8](repeating: 0x61, count: 15)).version == 2)
        #expect(try QRCode.encode([UInt8](repeating: 0x61, count: 122)).version == 7)
        #expect(try QRCode.encode([UInt8](repeating: 0x61, count: 123)).version == 8)
        #expect(try QRCode.encode([UInt8](repeating: 0x61, count: 412)).version == 15)
        #expect(try QRCode.encode([]).version == 1)
    }

    @Test func rejectsDataThatDoesNotFit() {
        #expect(throws: RampartError.self) { try QRCode.encode([UInt8](repeating: 0x61, count: 413)) }
        #expect(throws: RampartError.self) { try QRCode.encode([UInt8](repeating: 0x61, count: 15), version: 1) }
        #expect(throws: RampartError.self) { try QRCode.encode([0x61], version: 16) }
        #expect(throws: RampartError.self) { try QRCode.encode([0x61], mask: 8) }
    }

    @Test func automaticMaskHasTheLowestPenalty() throws {
        let data = Array("otpauth://totp/Rampart:alice@example.com?secret=GEZDGNBVGY3TQOJQ".utf8)
        let chosen = try QRCode.encode(data)
        let penalties = try (0...7).map { mask in
            let code = try QRCode.encode(data, version: chosen.version, mask: mask)
            return QRMaskPenalty.score(code.matrix)
        }
        let minimum = try #require(penalties.min())
        #expect(chosen.mask == penalties.firstIndex(of: minimum))
    }

    @Test func penaltyRulesScoreKnownLines() {
        // Rule 1: runs of 5 → 3, 6 → 4; a run of 4 is free.
        #expect(QRMaskPenalty.runPenalty([true, true, true, true, true, false]) == 3)
        #expect(QRMaskPenalty.runPenalty([false, false, false, false, false, false]) == 4)
        #expect(QRMaskPenalty.runPenalty([true, true, true, true, false, true]) == 0)
        // Rule 3: 1011101 with four light modules after it; the left edge counts as light too.
        let finderLike: [Bool] = [true, false, true, true, true, false, true, false, false, false, false]
        #expect(QRMaskPenalty.finderLikePenalty(finderLike) == 80)
        let embedded: [Bool] = [true, true] + finderLike
        #expect(QRMaskPenalty.finderLikePenalty(embedded) == 40)
    }

    @Test func formatInformationMatchesTheStandardTable() throws {
        // ISO/IEC 18004 Annex C: level M with mask 0..7 gives these 15-bit words.
        let expected = [0x5412, 0x5125, 0x5E7C, 0x5B4B, 0x45F9, 0x40CE, 0x4F97, 0x4AA0]
        for mask in 0...7 {
            let code = try QRCode.encode(Array("hi".utf8), version: 1, mask: mask)
            var word = 0
            // Bits 14…9 run up column 8 from row 0; read the copy beside the top-left finder.
            let positions: [(Int, Int)] =
                [
                    (8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8), (5, 8), (4, 8), (3, 8), (2, 8),
                    (1, 8), (0, 8),
                ]
            for (bit, position) in positions.enumerated() where code[position.0, position.1] {
                word |= 1 << (14 - bit)
            }
            #expect(word == expected[mask], "mask \(mask)")
        }
    }

    @Test func svgHasViewBoxQuietZoneAndOneRectanglePerRun() throws {
        let code = try QRCode.encode(Array("hello".utf8))
        let svg = code.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("viewBox=\"0 0 29 29\""))
        #expect(svg.hasSuffix("</svg>"))
        // The first dark run is the top-left finder's top edge, offset by the quiet zone.
        #expect(svg.contains("<path d=\"M4,4h7v1h-7z"))
        var runs = 0
        for row in 0..<code.size {
            var previous = false
            for column in 0..<code.size {
                if code[row, column], !previous { runs += 1 }
                previous = code[row, column]
            }
        }
        let path = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        #expect(path.filter { $0 == "z" }.count == runs)
        #expect(code[-1, 0] == false && code[0, code.size] == false)
    }
}
