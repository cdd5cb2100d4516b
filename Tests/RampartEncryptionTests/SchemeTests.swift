// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import Testing

@testable import RampartEncryption

@Suite struct SchemeTests {
    @Test func tokensAreDeterministicPerSchemeAndShapeless() throws {
        let material = SymmetricKey(size: .bits256)
        let a = try KeyedTokenizer(key: SchemeKeys.tokenKey(material: material, schemeID: "s1"), prefix: "tok_")
        let b = try KeyedTokenizer(key: SchemeKeys.tokenKey(material: material, schemeID: "s2"), prefix: "tok_")
        let token = a.token(for: "alice@example.com")
        #expect(token == a.token(for: "alice@example.com"))
        #expect(token != b.token(for: "alice@example.com"))
        #expect(token.count == 4 + KeyedTokenizer.encodedLength)
        #expect(a.token(for: "x").count == token.count)
        #expect(a.isWellFormed(token))
        #expect(!a.isWellFormed("tok_ABC"))
        #expect(throws: EncryptionError.self) { try KeyedTokenizer(key: material, prefix: "bad prefix") }
    }

    @Test func masksShowOnlyTheChosenEnds() {
        let mask = ValueMask(showFirst: 0, showLast: 4, character: "*")
        #expect(mask.apply("4111-1111-1111-1234", isMaskable: { $0.properties.numericType != nil }) == "****-****-****-1234")
        #expect(mask.apply("123", isMaskable: { $0.properties.numericType != nil }) == "***")
        #expect(ValueMask(showFirst: 1, showLast: 1).apply("Anna Müller", isMaskable: ValueMask.isLetterOrDigit) == "A*** *****r")
    }

    @Test func definitionsAreValidatedNamingTheField() throws {
        let card = try EncryptionSchemeDefinition(algorithm: .ff1, keepLast: 4, tweak: .kept).validated()
        #expect(card.alphabet == .digits)
        #expect(card.keepFirst == 0)
        #expect(card.mask == ValueMask())
        func field(_ definition: EncryptionSchemeDefinition) -> String? {
            do {
                _ = try definition.validated()
                return nil
            } catch let error as EncryptionError { return error.field } catch { return "?" }
        }
        #expect(field(EncryptionSchemeDefinition(algorithm: .ff1, reversible: true)) == "reversible")
        #expect(field(EncryptionSchemeDefinition(algorithm: .ff1, alphabet: .custom)) == "customAlphabet")
        #expect(field(EncryptionSchemeDefinition(algorithm: .ff1, alphabet: .custom, customAlphabet: "aa")) == "customAlphabet")
        #expect(field(EncryptionSchemeDefinition(algorithm: .ff1, keepLast: 65)) == "keepLast")
        #expect(field(EncryptionSchemeDefinition(algorithm: .ff1, keepFirst: -1)) == "keepFirst")
        #expect(field(EncryptionSchemeDefinition(algorithm: .ff1, tweak: .fixed)) == "fixedTweak")
        #expect(field(EncryptionSchemeDefinition(algorithm: .ff1, tweak: .kept)) == "tweak")
        #expect(field(EncryptionSchemeDefinition(algorithm: .token, keepLast: 4)) == "keepLast")
        #expect(field(EncryptionSchemeDefinition(algorithm: .token, tokenPrefix: "a b")) == "tokenPrefix")
        #expect(field(EncryptionSchemeDefinition(algorithm: .aead, reversible: true)) == "reversible")
        #expect(field(EncryptionSchemeDefinition(algorithm: .aead, mask: ValueMask(showFirst: 100))) == "mask.showFirst")
        #expect(try EncryptionSchemeDefinition(algorithm: .token).validated().reversible == false)
    }

    @Test func schemeKeysAreBoundToSchemeAndAlgorithm() {
        let material = SymmetricKey(size: .bits256)
        let keys = [
            SchemeKeys.ff1Key(material: material, schemeID: "a"), SchemeKeys.ff1Key(material: material, schemeID: "b"),
            SchemeKeys.tokenKey(material: material, schemeID: "a"),
        ]
        let raw = keys.map { $0.withUnsafeBytes { Data($0) } }
        #expect(Set(raw).count == 3)
    }
}
