// SPDX-License-Identifier: Apache-2.0

/// The `otpauth://` Key URI that authenticator apps import, usually by scanning it as a QR code.
///
/// Format: `otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30`
/// (the de-facto "Key Uri Format" from Google Authenticator). The issuer appears both in the label
/// and as a parameter because older apps read only one of the two.
package enum OTPAuthURI {
    /// Builds the URI for `totp`.
    ///
    /// The result contains the secret, so it is wrapped in ``Secret``: it is shown to the user
    /// once, at enrolment, and must not end up in logs.
    ///
    /// - Throws: ``RampartError`` (`validation-failed`) when the issuer or account is empty.
    package static func make(issuer: String, account: String, totp: TOTP) throws -> Secret<String> {
        guard !issuer.isEmpty else { throw RampartError.validation("the issuer must not be empty", field: "issuer") }
        guard !account.isEmpty else { throw RampartError.validation("the account must not be empty", field: "account") }
        let secret = totp.secret.withValue { Base32.encode($0) }
        let label = percentEncode(issuer) + ":" + percentEncode(account)
        let query = [
            "secret=" + secret,
            "issuer=" + percentEncode(issuer),
            "algorithm=" + totp.algorithm.rawValue,
            "digits=" + String(totp.digits),
            "period=" + String(totp.period),
        ]
        return Secret("otpauth://totp/" + label + "?" + query.joined(separator: "&"))
    }

    /// Percent-encodes UTF-8 bytes outside RFC 3986's unreserved set, plus `@`.
    ///
    /// Encoding `:` matters: it separates issuer from account in the label, so an issuer such as
    /// `Acme: EU` must not create a second separator. Spaces become `%20`, never `+`, because the
    /// label is a path where `+` is literal. `@` stays readable since e-mail accounts are common
    /// and RFC 3986 allows it unencoded in both paths and queries.
    package static func percentEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "@"):
                output.append(byte)
            default:
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
