// SPDX-License-Identifier: Apache-2.0

/// The masked form of a value (`unprotect-masked`): every maskable character replaced by the mask
/// character but the first `showFirst` and the last `showLast`, separators kept, so
/// `4111-1111-1111-1234` becomes `****-****-****-1234`.
package struct ValueMask: Sendable, Equatable, Codable {
    package var showFirst: Int
    package var showLast: Int
    package var character: Unicode.Scalar

    /// The most characters a mask may leave in clear at either end.
    package static let maximumShown = 64

    package init(showFirst: Int = 0, showLast: Int = 4, character: Unicode.Scalar = "*") {
        self.showFirst = showFirst
        self.showLast = showLast
        self.character = character
    }

    /// Masks the characters `isMaskable` selects (an alphabet's, or letters and digits).
    package func apply(_ value: String, isMaskable: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Array(value.unicodeScalars)
        let maskable = scalars.reduce(0) { $0 + (isMaskable($1) ? 1 : 0) }
        // A value too short to hide anything when both ends show is masked whole.
        let hidesSomething = showFirst + showLast < maskable
        var out = String.UnicodeScalarView()
        var seen = 0
        for scalar in scalars {
            guard isMaskable(scalar) else {
                out.append(scalar)
                continue
            }
            let shown = hidesSomething && (seen < showFirst || seen >= maskable - showLast)
            out.append(shown ? scalar : character)
            seen += 1
        }
        return String(out)
    }

    /// Letters and digits: what a mask hides in free text and tokens' originals.
    package static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    enum CodingKeys: String, CodingKey { case showFirst, showLast, character }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        showFirst = try container.decode(Int.self, forKey: .showFirst)
        showLast = try container.decode(Int.self, forKey: .showLast)
        let text = try container.decode(String.self, forKey: .character)
        guard let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1 else {
            throw DecodingError.dataCorruptedError(forKey: .character, in: container, debugDescription: "one character")
        }
        character = scalar
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(showFirst, forKey: .showFirst)
        try container.encode(showLast, forKey: .showLast)
        try container.encode(String(character), forKey: .character)
    }
}
