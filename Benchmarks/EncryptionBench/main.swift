// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartCore
import RampartEncryption

// Values per second on one core (one thread) for what `/v1/protect` does to each value: FF1 on
// 16-digit card numbers (bare, and formatted `dddd-dddd-dddd-dddd` with the last four kept and
// used as the tweak), HMAC tokens of e-mail addresses, and AES-256-GCM of 60-byte free text.
// Every round uses 20,000 distinct random values; the median of 7 rounds is reported with the
// fastest and slowest, because the host's speed drifts.

extension RandomNumberGenerator {
    mutating func digit() -> Character { Character(String(Int.random(in: 0...9, using: &self))) }
}

let valuesPerRound = 20_000
let rounds = 7
var random = SystemRandomNumberGenerator()

func measure(_ name: String, detail: String, _ body: (Int) throws -> Void) rethrows {
    var rates: [Double] = []
    try body(0)  // warm up
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<valuesPerRound { try body(index) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        rates.append(Double(valuesPerRound) / seconds)
    }
    rates.sort()
    let median = rates[rates.count / 2]
    print(
        String(
            format: "%@ %10.0f values/s/core (%.2f µs each; rounds %.0f..%.0f)  %@",
            name.padding(toLength: 28, withPad: " ", startingAt: 0) as NSString, median, 1e6 / median, rates[0],
            rates[rates.count - 1], detail as NSString))
}

let material = SymmetricKey(size: .bits256)
let ff1 = try FF1(key: SchemeKeys.ff1Key(material: material, schemeID: "bench"), radix: 10)
let bareCards: [[UInt8]] = (0..<valuesPerRound).map { _ in (0..<16).map { _ in UInt8.random(in: 0...9, using: &random) } }
let formattedCards: [String] = (0..<valuesPerRound).map { _ in
    (0..<4).map { _ in String((0..<4).map { _ in random.digit() }) }.joined(separator: "-")
}
let cardScheme = try FormatPreservingCipher(
    key: SchemeKeys.ff1Key(material: material, schemeID: "cards"), alphabet: .digits, keepFirst: 0, keepLast: 4, tweak: .keptCharacters)
let encryptedCards = try formattedCards.map { try cardScheme.encrypt($0) }
let emails: [String] = (0..<valuesPerRound).map { index in "user\(Int.random(in: 0..<1_000_000, using: &random)).\(index)@example.com" }
let tokenizer = try KeyedTokenizer(key: SchemeKeys.tokenKey(material: material, schemeID: "emails"), prefix: "tok_")
let texts: [String] = (0..<valuesPerRound).map { index in "Patient \(index) reported mild symptoms after the second dose." }
let dataKey = DataKey.generate(tenantID: TenantID(rawValue: "bench"), version: 1)
let sealed = try texts.map { try Envelope.seal(Secret(Array($0.utf8)), with: dataKey, purpose: "scheme:notes") }

print("EncryptionBench: \(valuesPerRound) distinct values a round, \(rounds) rounds, one thread")
var sink = 0
try measure("ff1 encrypt (16 digits)", detail: "radix 10, n=16, no tweak: 10 rounds of AES-CBC-MAC over 32 bytes") {
    sink &+= Int(try ff1.encrypt(bareCards[$0])[0])
}
try measure("ff1 card, formatted", detail: "dddd-dddd-dddd-dddd, last 4 kept as tweak: 12 digits encrypted") {
    sink &+= try cardScheme.encrypt(formattedCards[$0]).utf8.count
}
try measure("ff1 card, decrypt", detail: "the same, back") {
    sink &+= try cardScheme.decrypt(encryptedCards[$0]).utf8.count
}
measure("token (HMAC-SHA-256)", detail: "e-mail addresses of ~27 bytes → tok_ + 32 base32 characters") {
    sink &+= tokenizer.token(for: emails[$0]).utf8.count
}
try measure("aead seal (AES-256-GCM)", detail: "60-byte free text, random nonce, key version in the envelope") {
    sink &+= try Envelope.seal(Secret(Array(texts[$0].utf8)), with: dataKey, purpose: "scheme:notes").utf8.count
}
try measure("aead open", detail: "the same, back") {
    sink &+= try Envelope.open(sealed[$0], with: dataKey, purpose: "scheme:notes").withValue { $0.count }
}
print("(checksum \(sink))")
