// SPDX-License-Identifier: Apache-2.0

/// The e-mail addresses Rampart sends alerts to: the plain `local@domain` form only.
///
/// An address is written into SMTP commands (`RCPT TO:<…>`) and message headers, so anything
/// that could end a command or a header (CR, LF, `<`, `>`, `,`, quotes, spaces) must be
/// impossible. Quoted local parts, comments, address literals and non-ASCII addresses are
/// therefore refused rather than escaped: security contacts do not need them.
package enum MailboxAddress {
    static let maximumLength = 254
    static let maximumLocalLength = 64
    /// RFC 5322 `atext` besides letters and digits.
    static let localSymbols = Set("!#$%&'*+/=?^_`{|}~-".utf8)

    /// The address with its domain lower-cased, or a `validation-failed` error for `field`.
    package static func validate(_ text: String, field: String) throws -> String {
        let bytes = Array(text.utf8)
        guard bytes.count <= maximumLength, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else {
            throw RampartError.validation("must be an address like name@example.com of at most \(maximumLength) characters", field: field)
        }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard isDotAtom(local), local.count <= maximumLocalLength, isDomain(domain) else {
            throw RampartError.validation(
                "must be an address like name@example.com (letters, digits and !#$%&'*+/=?^_`{|}~.- before @, a dotted host name after)",
                field: field)
        }
        return String(decoding: local, as: UTF8.self) + "@" + String(decoding: domain, as: UTF8.self).lowercased()
    }

    static func isDotAtom(_ bytes: ArraySlice<UInt8>) -> Bool {
        let atoms = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return !bytes.isEmpty
            && atoms.allSatisfy { atom in !atom.isEmpty && atom.allSatisfy(isAtext) }
    }

    /// RFC 5322 `atext`: letters, digits and ``!#$%&'*+/=?^_`{|}~-``.
    static func isAtext(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || localSymbols.contains(byte) }

    static func isDomain(_ bytes: ArraySlice<UInt8>) -> Bool {
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                    && label.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
            }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
