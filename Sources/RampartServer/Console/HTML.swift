// SPDX-License-Identifier: Apache-2.0

/// A fragment of HTML whose interpolated strings are escaped: `"<td>\(user.name)</td>" as HTML`
/// cannot inject markup whatever the name holds. Markup is only ever written as literals or
/// nested ``HTML`` values, so escaping is the default, not a step to remember.
struct HTML: ExpressibleByStringInterpolation, Sendable {
    private(set) var text: String

    init(stringLiteral value: String) { text = value }

    init(stringInterpolation: StringInterpolation) { text = stringInterpolation.text }

    /// Markup the server made itself and that holds nothing from a request (the QR code's SVG,
    /// drawn from a path of numbers): the one way in without escaping.
    init(generatedMarkup: String) { text = generatedMarkup }

    /// Fragments one after another.
    init(joining fragments: some Sequence<HTML>) { text = fragments.map(\.text).joined() }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var text = ""

        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + 16 * interpolationCount) }

        mutating func appendLiteral(_ literal: String) { text += literal }

        /// Text: escaped for element content and quoted attribute values alike.
        mutating func appendInterpolation(_ value: String) { text += HTML.escape(value) }

        mutating func appendInterpolation(_ value: some BinaryInteger) { text += String(value) }

        mutating func appendInterpolation(_ fragment: HTML) { text += fragment.text }

        mutating func appendInterpolation(_ fragments: [HTML]) { for fragment in fragments { text += fragment.text } }
    }

    /// `&`, `<`, `>`, `"` and `'` as character references.
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in value.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
