// SPDX-License-Identifier: Apache-2.0

/// Quoted-printable body encoding (RFC 2045 §6.7) for alert e-mails.
///
/// The body carries UTF-8 text chosen partly by tenants (rule names, event details). Encoding it
/// keeps the message 7-bit, so it passes relays without `8BITMIME`, and lines short (at most 76
/// characters, soft breaks `=`), so no relay rewraps it. A `.` at the start of a line is encoded
/// too, so the body never depends on dot-stuffing being done right.
package enum QuotedPrintable {
    package static let maximumLineLength = 76
    package static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes `text`; its line breaks (LF, CR or CRLF) become CRLF hard breaks.
    package static func encode(_ text: String) -> String {
        var output: [UInt8] = []
        let lines = text.replacingLineBreaks()
        for (number, line) in lines.enumerated() {
            if number > 0 { output.append(contentsOf: [13, 10]) }
            var length = 0
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal =
                    (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=") && !(byte == UInt8(ascii: ".") && length == 0))
                    || ((byte == 32 || byte == 9) && !isLast)
                let piece: [UInt8] = literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                // Leave room for the soft break's `=`.
                if length + piece.count > maximumLineLength - 1 {
                    output.append(contentsOf: [UInt8(ascii: "="), 13, 10])
                    length = 0
                }
                if length == 0 && piece == [UInt8(ascii: ".")] {
                    output.append(contentsOf: Array("=2E".utf8))
                    length = 3
                } else {
                    output.append(contentsOf: piece)
                    length += piece.count
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension String {
    /// The text split at LF, CR and CRLF.
    fileprivate func replacingLineBreaks() -> [Substring] {
        var lines: [Substring] = []
        var start = startIndex
        var index = startIndex
        while index < endIndex {
            let character = self[index]
            if character == "\n" || character == "\r" || character == "\r\n" {
                lines.append(self[start..<index])
                index = self.index(after: index)
                start = index
            } else {
                index = self.index(after: index)
            }
        }
        lines.append(self[start..<endIndex])
        return lines
    }
}
