// SPDX-License-Identifier: Apache-2.0

import Crypto

/// FF1 applied to text: the characters of an ``Alphabet`` are encrypted (but the first
/// `keepFirst` and the last `keepLast` of them, kept in clear), everything else stays where it is.
/// `4111-1111-1111-1234` with digits, keepLast 4 → `7302-5519-0846-1234`.
package struct FormatPreservingCipher: Sendable {
    /// Where a value's tweak comes from.
    package enum TweakSource: Sendable, Equatable {
        /// No tweak: equal values encrypt equally.
        case none
        /// The same bytes for every value of the scheme.
        case fixed([UInt8])
        /// The characters kept in clear (a card's last four): equal middles under different kept
        /// characters encrypt differently, and the kept characters cannot be swapped unnoticed.
        case keptCharacters
    }

    package let alphabet: Alphabet
    package let keepFirst: Int
    package let keepLast: Int
    package let tweakSource: TweakSource
    private let ff1: FF1

    /// The most characters kept in clear at either end.
    package static let maximumKept = 64

    package init(key: SymmetricKey, alphabet: Alphabet, keepFirst: Int, keepLast: Int, tweak: TweakSource) throws {
        guard (0...Self.maximumKept).contains(keepFirst), (0...Self.maximumKept).contains(keepLast) else {
            throw EncryptionError(.invalidScheme, "keepFirst and keepLast are 0 to \(Self.maximumKept)")
        }
        if case .fixed(let bytes) = tweak, bytes.count > FF1.maximumTweakLength {
            throw EncryptionError(.invalidScheme, "the tweak is longer than \(FF1.maximumTweakLength) bytes")
        }
        self.alphabet = alphabet
        self.keepFirst = keepFirst
        self.keepLast = keepLast
        self.tweakSource = tweak
        self.ff1 = try FF1(key: key, radix: alphabet.radix)
    }

    /// The fewest alphabet characters a value needs: those kept plus FF1's minimum.
    package var minimumCharacters: Int { keepFirst + keepLast + ff1.minimumLength }
    /// The most alphabet characters a value may have.
    package var maximumCharacters: Int { keepFirst + keepLast + ff1.maximumLength }

    package func encrypt(_ value: String) throws -> String { try crypt(value, decrypting: false) }

    package func decrypt(_ value: String) throws -> String { try crypt(value, decrypting: true) }

    private func crypt(_ value: String, decrypting: Bool) throws -> String {
        var scalars = Array(value.unicodeScalars)
        var positions: [Int] = []
        var numerals: [UInt8] = []
        positions.reserveCapacity(scalars.count)
        numerals.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if let numeral = alphabet.numeral(of: scalar) {
                positions.append(index)
                numerals.append(numeral)
            }
        }
        guard numerals.count >= minimumCharacters else {
            throw EncryptionError(
                .belowMinimumDomain,
                "\(numerals.count) character(s) of the alphabet; the scheme needs at least \(minimumCharacters) (\(keepFirst + keepLast) kept in clear)"
            )
        }
        guard numerals.count <= maximumCharacters else {
            throw EncryptionError(.tooLong, "\(numerals.count) character(s) of the alphabet; the scheme takes at most \(maximumCharacters)")
        }
        let middle = keepFirst..<(numerals.count - keepLast)
        let tweak: [UInt8]
        switch tweakSource {
        case .none: tweak = []
        case .fixed(let bytes): tweak = bytes
        case .keptCharacters:
            var kept = Array(numerals[..<keepFirst])
            // keepFirst and keepLast are fixed per scheme, so first ‖ last is unambiguous.
            kept.append(contentsOf: numerals[(numerals.count - keepLast)...])
            tweak = kept
        }
        let input = Array(numerals[middle])
        let output = decrypting ? try ff1.decrypt(input, tweak: tweak) : try ff1.encrypt(input, tweak: tweak)
        for (offset, numeral) in output.enumerated() {
            scalars[positions[middle.lowerBound + offset]] = alphabet.characters[Int(numeral)]
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }
}
