// SPDX-License-Identifier: Apache-2.0

/// Field rules shared by the API, the CLI and the store, so that every entry point rejects the same
/// input with the same message.
package enum Validation {
    /// Tenant slugs: 2–63 of `a-z 0-9 -`, starting with a letter, not ending with `-`.
    package static func slug(_ value: String, field: String = "slug") throws -> String {
        let bytes = Array(value.utf8)
        let allowed = bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        guard (2...63).contains(bytes.count), allowed, let first = bytes.first, first >= 0x61, first <= 0x7A,
            bytes.last != 0x2D
        else {
            throw RampartError.validation(
                "must be 2-63 characters of lowercase letters, digits and '-', starting with a letter", field: field)
        }
        return value
    }

    /// Usernames: 1–128 characters of letters, digits and `. _ - @ +`; compared case-sensitively.
    package static func username(_ value: String, field: String = "username") throws -> String {
        let allowedPunctuation: Set<Character> = [".", "_", "-", "@", "+"]
        guard (1...128).contains(value.count),
            value.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowedPunctuation.contains($0) })
        else {
            throw RampartError.validation(
                "must be 1-128 characters of letters, digits and '.', '_', '-', '@', '+'", field: field)
        }
        return value
    }

    /// Free text names (display names, group names): 1–200 characters, no control characters.
    package static func name(_ value: String, field: String, maximum: Int = 200) throws -> String {
        let trimmed = value.trimmingWhitespace()
        guard (1...maximum).contains(trimmed.count), !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw RampartError.validation("must be 1-\(maximum) characters without control characters", field: field)
        }
        return trimmed
    }

    /// A printable, space-free token (host, database, user name, client id, scope, claim name).
    package static func token(_ value: String, field: String, maximum: Int) throws -> String {
        guard (1...maximum).contains(value.utf8.count), value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) else {
            throw RampartError.validation("must be 1-\(maximum) printable ASCII characters without spaces or quotes", field: field)
        }
        return value
    }

    /// Optional free text: `nil` stays `nil`; otherwise as ``name(_:field:maximum:)`` with room for 1,000.
    package static func optionalText(_ value: String?, field: String, maximum: Int = 1000) throws -> String? {
        guard let value else { return nil }
        if value.isEmpty { return nil }
        return try name(value, field: field, maximum: maximum)
    }

    /// A plausible e-mail address: one `@`, a non-empty local part and a dotted domain.
    package static func email(_ value: String?, field: String = "email") throws -> String? {
        guard let value, !value.isEmpty else { return nil }
        // The API description states this rule as a pattern (scripts/openapi.py, EMAIL): a local
        // part of 1-64 atom characters and dots, then a host name of at least two labels.
        // The local part may hold dots anywhere (not only dot-atom, unlike alert recipients); the
        // characters and the host name follow the alert recipients' rules (``MailboxAddress``).
        let parts = Array(value.utf8).split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard value.utf8.count <= 254, parts.count == 2, (1...64).contains(parts[0].count),
            parts[0].allSatisfy({ MailboxAddress.isAtext($0) || $0 == UInt8(ascii: ".") }), MailboxAddress.isDomain(parts[1])
        else {
            throw RampartError.validation("must be an e-mail address", field: field)
        }
        return value
    }

    /// An id taken from a URL or body: a malformed one cannot exist, so it is "not found".
    package static func identifier<ID: StringIdentifier>(_ raw: String, as: ID.Type, what: String) throws -> ID {
        guard UUIDv7.isWellFormed(raw) else { throw RampartError.notFound(what) }
        return ID(rawValue: raw)
    }
}

extension String {
    package func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
