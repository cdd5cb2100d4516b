// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import Testing

@testable import RampartEncryption

/// FF1 against every FF1 sample of NIST SP 800-38G (AES-128/192/256; radix 10 and 36), on both
/// arithmetic paths, and as a round trip on random inputs of every supported length.
@Suite struct FF1Tests {
    struct Sample: Sendable, CustomStringConvertible {
        let number: Int
        let key: String
        let radix: Int
        let tweak: String
        let plaintext: String
        let ciphertext: String
        var description: String { "sample \(number)" }
    }

    static let key128 = "2B7E151628AED2A6ABF7158809CF4F3C"
    static let key192 = key128 + "EF4359D8D580AA4F"
    static let key256 = key192 + "7F036D6F04FC6A94"
    static let alphabet36 = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// The nine FF1 samples NIST publishes for SP 800-38G.
    static let samples = [
        Sample(number: 1, key: key128, radix: 10, tweak: "", plaintext: "0123456789", ciphertext: "2433477484"),
        Sample(number: 2, key: key128, radix: 10, tweak: "39383736353433323130", plaintext: "0123456789", ciphertext: "6124200773"),
        Sample(
            number: 3, key: key128, radix: 36, tweak: "3737373770717273373737", plaintext: "0123456789abcdefghi",
            ciphertext: "a9tv40mll9kdu509eum"),
        Sample(number: 4, key: key192, radix: 10, tweak: "", plaintext: "0123456789", ciphertext: "2830668132"),
        Sample(number: 5, key: key192, radix: 10, tweak: "39383736353433323130", plaintext: "0123456789", ciphertext: "2496655549"),
        Sample(
            number: 6, key: key192, radix: 36, tweak: "3737373770717273373737", plaintext: "0123456789abcdefghi",
            ciphertext: "xbj3kv35jrawxv32ysr"),
        Sample(number: 7, key: key256, radix: 10, tweak: "", plaintext: "0123456789", ciphertext: "6657667009"),
        Sample(number: 8, key: key256, radix: 10, tweak: "39383736353433323130", plaintext: "0123456789", ciphertext: "1001623463"),
        Sample(
            number: 9, key: key256, radix: 36, tweak: "3737373770717273373737", plaintext: "0123456789abcdefghi",
            ciphertext: "xs8a0azh2avyalyzuwd"),
    ]

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return out
    }

    static func numerals(_ text: String) -> [UInt8] { text.map { UInt8(alphabet36.firstIndex(of: $0) ?? 0) } }
    static func text(_ numerals: [UInt8]) -> String { String(numerals.map { alphabet36[Int($0)] }) }

    @Test(arguments: samples)
    func nistSample(_ sample: Sample) throws {
        let ff1 = try FF1(key: SymmetricKey(data: Self.bytes(hex: sample.key)), radix: sample.radix)
        let tweak = Self.bytes(hex: sample.tweak)
        let plaintext = Self.numerals(sample.plaintext)
        #expect(Self.text(try ff1.encrypt(plaintext, tweak: tweak)) == sample.ciphertext)
        #expect(Self.text(try ff1.decrypt(Self.numerals(sample.ciphertext), tweak: tweak)) == sample.plaintext)
        // The 128-bit path must agree on the same vectors, so long values are as right as short ones.
        #expect(Self.text(try ff1.encryptWide(plaintext, tweak: tweak)) == sample.ciphertext)
        #expect(Self.text(try ff1.decryptWide(Self.numerals(sample.ciphertext), tweak: tweak)) == sample.plaintext)
    }

    @Test func domainBoundsFollowTheRadix() throws {
        let key = SymmetricKey(size: .bits256)
        #expect(try FF1(key: key, radix: 10).minimumLength == 6)
        #expect(try FF1(key: key, radix: 36).minimumLength == 4)
        #expect(try FF1(key: key, radix: 2).minimumLength == 20)
        #expect(try FF1(key: key, radix: 256).minimumLength == 3)
        #expect(try FF1(key: key, radix: 10).maximumLength == 76)
        #expect(throws: EncryptionError.self) { try FF1(key: key, radix: 1) }
        #expect(throws: EncryptionError.self) { try FF1(key: key, radix: 257) }
        #expect(throws: EncryptionError.self) { try FF1(key: SymmetricKey(size: SymmetricKeySize(bitCount: 64)), radix: 10) }
        let ff1 = try FF1(key: key, radix: 10)
        #expect(throws: EncryptionError(.belowMinimumDomain, "5 character(s) to encrypt; radix 10 needs at least 6")) {
            try ff1.encrypt([1, 2, 3, 4, 5])
        }
        #expect(throws: EncryptionError.self) { try ff1.encrypt([UInt8](repeating: 1, count: 77)) }
        #expect(throws: EncryptionError.self) { try ff1.encrypt([1, 2, 3, 4, 5, 10]) }
        #expect(throws: EncryptionError.self) { try ff1.encrypt([1, 2, 3, 4, 5, 6], tweak: [UInt8](repeating: 0, count: 257)) }
    }

    /// decrypt(encrypt(x)) == x, the length and radix kept, for random inputs of every supported
    /// length in several radixes, with random tweaks; both paths agree wherever both apply.
    @Test(arguments: [2, 10, 26, 36, 62, 200, 256])
    func roundTripsEveryLength(radix: Int) throws {
        var generator = SeededGenerator(seed: UInt64(radix))
        let ff1 = try FF1(key: SymmetricKey(data: (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }), radix: radix)
        for length in ff1.minimumLength...ff1.maximumLength {
            for _ in 0..<3 {
                let input = (0..<length).map { _ in UInt8(Int.random(in: 0..<radix, using: &generator)) }
                let tweak = (0..<Int.random(in: 0...24, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let encrypted = try ff1.encrypt(input, tweak: tweak)
                #expect(encrypted.count == length)
                #expect(encrypted.allSatisfy { Int($0) < radix })
                #expect(try ff1.decrypt(encrypted, tweak: tweak) == input, "radix \(radix), length \(length)")
                #expect(try ff1.encryptWide(input, tweak: tweak) == encrypted, "radix \(radix), length \(length)")
            }
        }
    }

    @Test func theTweakChangesTheCiphertext() throws {
        let ff1 = try FF1(key: SymmetricKey(size: .bits256), radix: 10)
        let input: [UInt8] = [4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
        #expect(try ff1.encrypt(input, tweak: [1]) != ff1.encrypt(input, tweak: [2]))
    }

    @Test func reductionMatchesSchoolbookArithmetic() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let modulus = UInt64.random(in: 2...UInt64.max, using: &generator)
            let bytes = (0..<Int.random(in: 1...20, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            // Schoolbook: (r·256 + byte) mod m in 128-bit.
            var expected: UInt128 = 0
            for byte in bytes { expected = (expected * 256 + UInt128(byte)) % UInt128(modulus) }
            #expect(FF1.reduce(bytes[...], modulo: modulus) == UInt64(expected))
        }
    }
}

/// A reproducible random generator (SplitMix64) so that a failing input can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
