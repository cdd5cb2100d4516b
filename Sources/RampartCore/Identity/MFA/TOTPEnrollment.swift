// SPDX-License-Identifier: Apache-2.0

/// Everything a user sees once when turning on two-factor login: a new secret, its `otpauth://`
/// URI and that URI as a QR code.
///
/// The server stores ``totp``'s secret (encrypted) and shows ``uri`` and ``qrCodeSVG`` in the
/// enrolment response only; enrolment completes when the user proves they can produce a code.
package struct TOTPEnrollment: Sendable {
    package let totp: TOTP
    package let uri: Secret<String>
    /// The URI as an SVG QR code, for the enrolment screen.
    package let qrCodeSVG: Secret<String>
    /// The secret in Base32, for users who type it in instead of scanning.
    package let manualEntryKey: Secret<String>

    /// Starts an enrolment with a fresh 160-bit secret and Rampart's defaults (SHA-1, 6 digits,
    /// 30 seconds), the only parameters all authenticator apps support.
    ///
    /// - Throws: ``RampartError`` when the issuer or account is empty or too long to fit a QR code.
    package static func begin(issuer: String, account: String) throws -> TOTPEnrollment {
        let totp = try TOTP(secret: TOTP.generateSecret())
        return try TOTPEnrollment(totp: totp, issuer: issuer, account: account)
    }

    /// Builds the enrolment material for an existing generator.
    package init(totp: TOTP, issuer: String, account: String) throws {
        let uri = try OTPAuthURI.make(issuer: issuer, account: account, totp: totp)
        let qrCode = try uri.withValue { try QRCode.encode(Array($0.utf8)) }
        self.totp = totp
        self.uri = uri
        self.qrCodeSVG = Secret(qrCode.svg())
        self.manualEntryKey = totp.secret.withValue { Secret(Base32.encode($0)) }
    }
}
