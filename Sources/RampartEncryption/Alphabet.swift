// SPDX-License-Identifier: Apache-2.0

/// The characters a format-preserving scheme encrypts, in numeral order: the first is numeral 0.
/// Characters outside the alphabet (separators, spaces) are kept where they stand.
package struct Alphabet: Sendable, Equatable {
    /// The characters, numeral order; 2 to 256 distinct Unicode scalars.
    package let characters: [Unicode.Scalar]
    /// Numeral of each ASCII scalar, 255 for none (`radix` is never more than 256, so 255 is
    /// ambiguous only for a 256-character alphabet, which goes through `others`).
    private let ascii: [UInt8]
    private let others: [Unicode.Scalar: UInt8]

    /// `0-9`: card numbers, national ids, phone numbers.
    package static let digits = Alphabet(known: "0123456789")
    /// `0-9a-z`, the alphabet of SP 800-38G's radix-36 samples.
    package static let lowercaseAlphanumeric = Alphabet(known: "0123456789abcdefghijklmnopqrstuvwxyz")
    /// `0-9A-Za-z`.
    package static let alphanumeric = Alphabet(known: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// - Throws: ``EncryptionError`` `invalid-scheme` unless `characters` holds 2 to 256 distinct
    ///   scalars, none of them a control character.
    package init(_ characters: String) throws {
        let scalars = Array(characters.unicodeScalars)
        guard (2...256).contains(scalars.count) else { throw EncryptionError(.invalidScheme, "an alphabet has 2 to 256 characters") }
        guard Set(scalars).count == scalars.count else { throw EncryptionError(.invalidScheme, "an alphabet's characters are distinct") }
        guard !scalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw EncryptionError(.invalidScheme, "an alphabet holds no control characters")
        }
        self.init(checked: scalars)
    }

    /// The built-in alphabets: distinct ASCII characters, checked by the tests.
    private init(known characters: String) { self.init(checked: Array(characters.unicodeScalars)) }

    private init(checked scalars: [Unicode.Scalar]) {
        self.characters = scalars
        var ascii = [UInt8](repeating: 255, count: 128)
        var others: [Unicode.Scalar: UInt8] = [:]
        for (numeral, scalar) in scalars.enumerated() {
            if scalar.isASCII && scalars.count < 256 {
                ascii[Int(scalar.value)] = UInt8(numeral)
            } else {
                others[scalar] = UInt8(truncatingIfNeeded: numeral)
            }
        }
        self.ascii = ascii
        self.others = others
    }

    /// The radix: how many characters.
    package var radix: Int { characters.count }

    /// The numeral of `scalar`, or `nil` when it is not in the alphabet.
    @inline(__always)
    package func numeral(of scalar: Unicode.Scalar) -> UInt8? {
        if scalar.isASCII, characters.count < 256 {
            let numeral = ascii[Int(scalar.value)]
            return numeral == 255 ? nil : numeral
        }
        return others[scalar]
    }

    package static func == (lhs: Alphabet, rhs: Alphabet) -> Bool { lhs.characters == rhs.characters }
}
