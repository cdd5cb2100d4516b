// SPDX-License-Identifier: Apache-2.0

import NIOCore
import RampartCore

/// One SMTP server reply (RFC 5321 §4.2): a three-digit code and one or more text lines.
package struct SMTPReply: Sendable, Equatable {
    package var code: Int
    /// The text after the code of each line, in order (for `EHLO`, the extensions).
    package var lines: [String]

    package init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx and 3xx: the command was accepted (3xx: send more).
    package var isPositive: Bool { (200..<400).contains(code) }
    /// 4xx: a transient failure; the same message may be sent again later.
    package var isTransient: Bool { (400..<500).contains(code) }
    /// 5xx: a permanent failure; sending again would be refused again.
    package var isPermanent: Bool { (500..<600).contains(code) }

    /// A short, secret-free description for a delivery's `lastError` (`SMTP 550 mailbox unavailable`).
    package var summary: String {
        let text = lines.first.map { String($0.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }.prefix(120).map(Character.init)) }
        return text.map { $0.isEmpty ? "SMTP \(code)" : "SMTP \(code) \($0)" } ?? "SMTP \(code)"
    }

    /// The failure this reply means when it was not the expected one: 5xx is permanent, anything
    /// else (4xx, or a code that makes no sense at this point) is worth retrying.
    package func failure(during step: String) -> RampartError {
        RampartError(isPermanent ? .rejected : .unavailable, "\(summary) (\(step))")
    }
}

/// Splits the server's byte stream into replies, including multi-line ones (`250-…` lines up to
/// the `250 …` one).
///
/// Pure and incremental, so it is tested without a network: feed bytes as they arrive, take
/// replies as they complete. Lines end with CRLF; a bare LF is accepted too. Oversized or
/// malformed input is an error rather than a buffer that grows without bound.
package struct SMTPReplyParser: Sendable {
    /// RFC 5321 allows 512 octets per reply line; servers exceed it in practice, so allow more.
    package static let maximumLineLength = 4096
    package static let maximumLines = 200

    private var buffer: [UInt8] = []
    private var pending: [String] = []
    private var pendingCode: Int?

    package init() {}

    package mutating func feed(_ bytes: some Sequence<UInt8>) { buffer.append(contentsOf: bytes) }

    /// Whether bytes have arrived that are not part of a complete reply yet.
    package var hasBufferedBytes: Bool { !buffer.isEmpty || pendingCode != nil }

    /// The next complete reply, or `nil` until more bytes are fed.
    package mutating func next() throws -> SMTPReply? {
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            var line = buffer[..<newline]
            buffer.removeSubrange(...newline)
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            guard line.count <= Self.maximumLineLength else { throw Self.malformed("reply line too long") }
            guard line.count >= 3, let code = Int(String(decoding: line.prefix(3), as: UTF8.self)), (200...599).contains(code),
                line.prefix(3).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            else { throw Self.malformed("reply line without a valid code") }
            let separator = line.count > 3 ? line[line.startIndex + 3] : UInt8(ascii: " ")
            guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
                throw Self.malformed("reply code followed by neither space nor hyphen")
            }
            if let pendingCode, pendingCode != code { throw Self.malformed("multi-line reply changes its code") }
            pendingCode = code
            pending.append(String(decoding: line.dropFirst(4), as: UTF8.self))
            guard pending.count <= Self.maximumLines else { throw Self.malformed("reply has too many lines") }
            if separator == UInt8(ascii: " ") {
                defer {
                    pending = []
                    pendingCode = nil
                }
                return SMTPReply(code: code, lines: pending)
            }
        }
        guard buffer.count <= Self.maximumLineLength else { throw Self.malformed("reply line too long") }
        return nil
    }

    package static func malformed(_ what: String) -> RampartError { RampartError(.unavailable, "SMTP protocol error: \(what)") }
}
