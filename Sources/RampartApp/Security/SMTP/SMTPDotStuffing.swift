// SPDX-License-Identifier: Apache-2.0

/// Prepares a message for the SMTP `DATA` phase (RFC 5321 §4.5.2).
///
/// Every line ends in CRLF (a bare CR or LF becomes CRLF, so no line break is ever left to the
/// receiving server's interpretation), every line that starts with `.` gets a second one, and the
/// terminator `CRLF . CRLF` is appended. Content can therefore never end the data early and have
/// its remainder read as SMTP commands.
package enum SMTPDotStuffing {
    package static func encode(_ message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + message.count / 50 + 5)
        var atLineStart = true
        var index = message.startIndex
        while index < message.endIndex {
            let byte = message[index]
            switch byte {
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                out.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
                atLineStart = true
                // CRLF is one line break, not two.
                if byte == UInt8(ascii: "\r"), index + 1 < message.endIndex, message[index + 1] == UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "."):
                if atLineStart { out.append(UInt8(ascii: ".")) }
                out.append(byte)
                atLineStart = false
            default:
                out.append(byte)
                atLineStart = false
            }
            index += 1
        }
        if !atLineStart { out.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")]) }
        out.append(contentsOf: Array(".\r\n".utf8))
        return out
    }
}
