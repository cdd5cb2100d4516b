// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import Testing

@testable import RampartEncryption

@Suite struct FormatPreservingCipherTests {
    static let key = SymmetricKey(data: [UInt8](repeating: 7, count: 32))

    @Test func aCardKeepsItsSeparatorsAndLastFour() throws {
        let cipher = try FormatPreservingCipher(key: Self.key, alphabet: .digits, keepFirst: 0, keepLast: 4, tweak: .keptCharacters)
        let card = "4111-1111-1111-1234"
        let encrypted = try cipher.encrypt(card)
        #expect(encrypted != card)
        #expect(encrypted.count == card.count)
        #expect(encrypted.hasSuffix("-1234"))
        #expect(Array(encrypted).enumerated().allSatisfy { index, character in [4, 9, 14].contains(index) ? character == "-" : character.isNumber })
        #expect(try cipher.decrypt(encrypted) == card)
        // Same middle, other last four: another ciphertext (the kept characters are the tweak).
        let other = try cipher.encrypt("4111-1111-1111-9999")
        #expect(other.prefix(14) != encrypted.prefix(14))
    }

    @Test func customAlphabetsAndNonASCIIPassThrough() throws {
        let cipher = try FormatPreservingCipher(
            key: Self.key, alphabet: try Alphabet("ABCDEFGHJKLMNPRSTUVWXYZäöü"), keepFirst: 1, keepLast: 0, tweak: .none)
        let value = "Zürich ÄÖÜ KLMNOPR"
        let encrypted = try cipher.encrypt(value)
        #expect(encrypted.unicodeScalars.count == value.unicodeScalars.count)
        #expect(try cipher.decrypt(encrypted) == value)
    }

    @Test func tooFewCharactersAreRefusedNamingTheNeed() throws {
        let cipher = try FormatPreservingCipher(key: Self.key, alphabet: .digits, keepFirst: 0, keepLast: 4, tweak: .none)
        #expect(throws: EncryptionError.self) { try cipher.encrypt("12-34-567") }
        do {
            _ = try cipher.encrypt("123456789")
            Issue.record("9 digits with 4 kept leave 5, below radix 10's 6")
        } catch let error as EncryptionError {
            #expect(error.code == .belowMinimumDomain)
            #expect(error.message.contains("at least 10"))
            #expect(!error.message.contains("123456789"))
        }
        #expect(try cipher.decrypt(try cipher.encrypt("1234567890")) == "1234567890")
    }

    @Test func randomValuesRoundTripWithTheirFormat() throws {
        var generator = SeededGenerator(seed: 42)
        let alphabets: [Alphabet] = [.digits, .lowercaseAlphanumeric, .alphanumeric]
        let separators: [Character] = ["-", " ", "/", "."]
        for alphabet in alphabets {
            for tweak in [FormatPreservingCipher.TweakSource.none, .fixed([1, 2, 3]), .keptCharacters] {
                let cipher = try FormatPreservingCipher(key: Self.key, alphabet: alphabet, keepFirst: 2, keepLast: 3, tweak: tweak)
                for length in cipher.minimumCharacters...min(cipher.maximumCharacters, 60) {
                    var value = ""
                    for _ in 0..<length {
                        if Int.random(in: 0..<6, using: &generator) == 0 { value.append(separators[Int.random(in: 0..<4, using: &generator)]) }
                        value.unicodeScalars.append(alphabet.characters[Int.random(in: 0..<alphabet.radix, using: &generator)])
                    }
                    let encrypted = try cipher.encrypt(value)
                    #expect(encrypted.count == value.count)
                    for (a, b) in zip(value, encrypted) where separators.contains(a) { #expect(a == b) }
                    #expect(try cipher.decrypt(encrypted) == value)
                }
            }
        }
    }

    @Test func builtInAlphabetsAreDistinct() {
        for alphabet in [Alphabet.digits, .lowercaseAlphanumeric, .alphanumeric] {
            #expect(Set(alphabet.characters).count == alphabet.radix)
            for (numeral, scalar) in alphabet.characters.enumerated() { #expect(alphabet.numeral(of: scalar) == UInt8(numeral)) }
        }
        #expect(throws: EncryptionError.self) { try Alphabet("a") }
        #expect(throws: EncryptionError.self) { try Alphabet("aab") }
    }
}
