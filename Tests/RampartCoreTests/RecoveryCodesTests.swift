// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import RampartCore

@Suite("Recovery codes")
struct RecoveryCodesTests {
    @Test func generatesTenDistinctWellFormedCodes() {
        let batch = RecoveryCodes.generate()
        #expect(batch.codes.count == 10)
        #expect(batch.hashes.count == 10)
        #expect(Set(batch.codes.map(\.exposedValue)).count == 10)
        #expect(Set(batch.hashes).count == 10)
        #expect(batch.salt.count == 32)
        for code in batch.codes {
            let text = code.exposedValue
            let parts = text.split(separator: "-")
            #expect(parts.map(\.count) == [4, 4, 2], "\(text)")
            #expect(text.allSatisfy { $0 == "-" || RecoveryCodes.alphabet.contains($0) })
            #expect(!text.contains("i") && !text.contains("l") && !text.contains("o") && !text.contains("u"))
        }
        #expect("\(batch.codes[0])" == "<redacted>")
    }

    @Test func entropyIsAtLeastFiftyBits() {
        // 32 symbols (5 bits each) × 10 characters.
        #expect(RecoveryCodes.alphabet.count == 32)
        #expect(Set(RecoveryCodes.alphabet).count == 32)
        #expect(RecoveryCodes.codeLength * 5 >= 50)
    }

    @Test func everyAlphabetSymbolAppearsAcrossManyCodes() {
        // With 10,000 characters drawn, missing any of 32 symbols would mean a broken generator.
        var seen = Set<Character>()
        for _ in 0..<100 {
            for code in RecoveryCodes.generate().codes { seen.formUnion(code.exposedValue.filter { $0 != "-" }) }
        }
        #expect(seen.count == 32)
    }

    @Test func normalisesUserInput() {
        #expect(RecoveryCodes.normalize("ABCD-EFGH-JK") == "abcdefghjk")
        #expect(RecoveryCodes.normalize(" abcd efgh jk ") == "abcdefghjk")
        #expect(RecoveryCodes.normalize("abcdefghjk") == "abcdefghjk")
        // Crockford's look-alikes: o → 0, i and l → 1.
        #expect(RecoveryCodes.normalize("OIL0-1234-56") == "0110123456")
        #expect(RecoveryCodes.normalize("abcd-efgh-j") == nil)
        #expect(RecoveryCodes.normalize("abcd-efgh-jkm") == nil)
        #expect(RecoveryCodes.normalize("abcd-efgh-ju") == nil)  // u is not in the alphabet
        #expect(RecoveryCodes.normalize("abcd_efgh_jk") == nil)
        #expect(RecoveryCodes.normalize(String(repeating: "a", count: 10_000)) == nil)
    }

    @Test func matchesTypedCodesAgainstHashes() throws {
        let batch = RecoveryCodes.generate()
        for (index, code) in batch.codes.enumerated() {
            #expect(RecoveryCodes.match(code.exposedValue, salt: batch.salt, hashes: batch.hashes) == index)
            let sloppy = code.exposedValue.uppercased().replacingOccurrences(of: "-", with: " ")
            #expect(RecoveryCodes.match(sloppy, salt: batch.salt, hashes: batch.hashes) == index)
        }
        #expect(RecoveryCodes.match("0000-0000-00", salt: batch.salt, hashes: batch.hashes) == nil)
        #expect(RecoveryCodes.match("garbage", salt: batch.salt, hashes: batch.hashes) == nil)
        // A used code is removed from the stored set by the caller and then no longer matches.
        var remaining = batch.hashes
        remaining.remove(at: 3)
        #expect(RecoveryCodes.match(batch.codes[3].exposedValue, salt: batch.salt, hashes: remaining) == nil)
        #expect(RecoveryCodes.match(batch.codes[4].exposedValue, salt: batch.salt, hashes: remaining) == 3)
    }

    @Test func hashesDependOnTheSalt() {
        let first = RecoveryCodes.hash(normalized: "abcdefghjk", salt: "00")
        #expect(first == RecoveryCodes.hash(normalized: "abcdefghjk", salt: "00"))
        #expect(first != RecoveryCodes.hash(normalized: "abcdefghjk", salt: "01"))
        #expect(first.count == 64)
        let batch = RecoveryCodes.generate()
        #expect(RecoveryCodes.match(batch.codes[0].exposedValue, salt: "other", hashes: batch.hashes) == nil)
    }
}
