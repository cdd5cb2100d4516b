// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// A freshly generated set of recovery codes: the plain codes, shown to the user once, and what
/// the store keeps.
package struct RecoveryCodeBatch: Sendable {
    /// Display form, `xxxx-xxxx-xx`. Never stored.
    package let codes: [Secret<String>]
    /// Random per-user salt (hex) that keys every hash in ``hashes``.
    package let salt: String
    /// One hash per code, in the same order, as produced by ``RecoveryCodes/hash(normalized:salt:)``.
    package let hashes: [String]
}

/// Single-use recovery codes: the way back in when the authenticator device is lost.
///
/// Each code is 10 characters from Crockford's Base32 alphabet (no `i`, `l`, `o`, `u`), so
/// 10 × 5 = 50 random bits, shown grouped as `xxxx-xxxx-xx`. Input is normalised the Crockford
/// way: case, dashes and spaces are ignored, and `o`/`i`/`l` are read as `0`/`1`/`1`, so codes
/// copied by hand from paper still work.
///
/// ## Why a fast hash is enough
/// Codes are stored as HMAC-SHA-256 keyed with a random per-user salt, not with a slow password
/// hash. A recovery code is not a password: it has 50 bits of real entropy rather than a
/// human-chosen guess, and it is a *second* factor, useless without the account's password. The
/// salt stops one brute-force run from attacking every user's codes at once, so an attacker with
/// a stolen database needs on the order of 2⁴⁹ HMACs per code, per user, and the password too.
/// A slow hash would instead cost ten KDF runs per login attempt (one per stored code), an easy
/// denial-of-service lever.
package enum RecoveryCodes {
    /// How many codes a batch holds.
    package static let codeCount = 10
    /// Characters per code, without separators.
    package static let codeLength = 10
    /// Crockford's Base32 alphabet, lower case: digits and letters minus `i`, `l`, `o`, `u`.
    package static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// Generates ``codeCount`` distinct codes and their salted hashes.
    package static func generate(count: Int = codeCount) -> RecoveryCodeBatch {
        let salt = Hex.lowercase(RandomToken.bytes(16))
        var normalized: [String] = []
        // Duplicates are astronomically unlikely (2⁵⁰ space) but cheap to rule out, and a
        // duplicate would silently turn two "single-use" codes into one.
        while normalized.count < count {
            let code = randomCode()
            if !normalized.contains(code) { normalized.append(code) }
        }
        return RecoveryCodeBatch(
            codes: normalized.map { Secret(format($0)) },
            salt: salt,
            hashes: normalized.map { hash(normalized: $0, salt: salt) }
        )
    }

    /// One code: 50 bits from the CSPRNG, 5 bits per character. 32 is a power of two, so every
    /// character is uniform (no modulo bias).
    private static func randomCode() -> String {
        let bytes = RandomToken.bytes(7)  // 56 bits; the first 50 are used
        var buffer: UInt64 = 0
        for byte in bytes { buffer = buffer << 8 | UInt64(byte) }
        var characters: [Character] = []
        for index in 0..<codeLength {
            let shift = UInt64(56 - 5 * (index + 1))
            characters.append(alphabet[Int((buffer >> shift) & 0x1F)])
        }
        return String(characters)
    }

    /// The display form of a normalised code: `abcd-efgh-jk`.
    package static func format(_ normalized: String) -> String {
        let characters = Array(normalized)
        guard characters.count == codeLength else { return normalized }
        return String(characters[0..<4]) + "-" + String(characters[4..<8]) + "-" + String(characters[8..<10])
    }

    /// Canonical form of user input, or `nil` if it cannot be a code (wrong length or a
    /// character outside the alphabet).
    package static func normalize(_ input: String) -> String? {
        var result: [Character] = []
        for character in input.lowercased() {
            switch character {
            case "-", " ", "\t": continue
            case "o": result.append("0")
            case "i", "l": result.append("1")
            default:
                guard alphabet.contains(character) else { return nil }
                result.append(character)
            }
            if result.count > codeLength { return nil }
        }
        return result.count == codeLength ? String(result) : nil
    }

    /// HMAC-SHA-256 of a normalised code keyed with the user's salt, hex encoded.
    package static func hash(normalized: String, salt: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(normalized.utf8), using: SymmetricKey(data: Data(salt.utf8)))
        return Hex.lowercase(mac)
    }

    /// The index in `hashes` of the code the user typed, or `nil`.
    ///
    /// Every stored hash is compared in constant time and the loop never stops early, so timing
    /// does not reveal how many codes remain or which one was close. The caller marks the
    /// returned code used (deletes its hash) in the same transaction that signs the user in.
    package static func match(_ input: String, salt: String, hashes: [String]) -> Int? {
        guard let normalized = normalize(input) else { return nil }
        let candidate = Array(hash(normalized: normalized, salt: salt).utf8)
        var matched: Int?
        for (index, stored) in hashes.enumerated() {
            let isMatch = ConstantTime.equals(candidate, Array(stored.utf8))
            if isMatch, matched == nil { matched = index }
        }
        return matched
    }
}
