// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

/// A plain-text RFC 5322 message: header fields and a UTF-8 body, rendered quoted-printable.
///
/// Header injection is made impossible here rather than by callers: a header value with a CR,
/// LF, NUL or any other control or non-ASCII character is refused, so no value can end its
/// header line and start another (`Bcc:`) or the body. Tenant-chosen text belongs in the body.
package struct EmailMessage: Sendable {
    package private(set) var headers: [(name: String, value: String)]
    package var body: String

    package init(body: String) {
        headers = []
        self.body = body
    }

    /// Adds a header; refuses a name that is not a token and a value that could break the header.
    package mutating func add(_ name: String, _ value: String) throws {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 && $0 != ":" }) else {
            throw RampartError(.internalError, "invalid e-mail header name")
        }
        guard value.unicodeScalars.allSatisfy({ ($0.value >= 32 && $0.value < 127) || $0 == "\t" }) else {
            throw RampartError(.badRequest, "an e-mail header value may not contain line breaks, control or non-ASCII characters")
        }
        headers.append((name, value))
    }

    /// Adds a header holding an address list, folded one address per line so that 20 recipients
    /// stay within the 998-octet line limit.
    package mutating func add(_ name: String, addresses: [String]) throws {
        for address in addresses { try add(name, address) }
        headers.removeLast(addresses.count)
        headers.append((name, addresses.joined(separator: ",\r\n ")))
    }

    /// The wire form, lines ending in CRLF, before dot-stuffing.
    package func rendered() -> [UInt8] {
        var text = ""
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "MIME-Version: 1.0\r\n"
        text += "Content-Type: text/plain; charset=utf-8\r\n"
        text += "Content-Transfer-Encoding: quoted-printable\r\n"
        text += "\r\n"
        text += QuotedPrintable.encode(body)
        text += "\r\n"
        return Array(text.utf8)
    }

    /// RFC 5322 `date-time` in UTC (`Mon, 23 Nov 2026 22:29:03 +0000`).
    package static func date(milliseconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
