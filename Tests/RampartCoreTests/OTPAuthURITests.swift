// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import RampartCore

@Suite("otpauth URI and enrolment")
struct OTPAuthURITests {
    private let rfcSeed = Array("12345678901234567890".utf8)

    @Test func buildsTheKeyURIFormat() throws {
        let totp = try TOTP(secret: Secret(rfcSeed))
        let uri = try OTPAuthURI.make(issuer: "Rampart", account: "alice@example.com", totp: totp)
        #expect(
            uri.exposedValue
                == "otpauth://totp/Rampart:alice@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Rampart&algorithm=SHA1&digits=6&period=30"
        )
        #expect("\(uri)" == "<redacted>")
    }

    @Test func percentEncodesLabelAndIssuer() throws {
        let totp = try TOTP(secret: Secret(rfcSeed), algorithm: .sha256, digits: 8, period: 60)
        let uri = try OTPAuthURI.make(issuer: "Acme Corp: EU", account: "bob smith+1/é?&=#", totp: totp).exposedValue
        #expect(uri.hasPrefix("otpauth://totp/Acme%20Corp%3A%20EU:bob%20smith%2B1%2F%C3%A9%3F%26%3D%23?"))
        #expect(uri.hasSuffix("&issuer=Acme%20Corp%3A%20EU&algorithm=SHA256&digits=8&period=60"))
        // Exactly one unencoded ':' separates issuer and account in the label.
        let label = try #require(uri.dropFirst("otpauth://totp/".count).split(separator: "?").first)
        #expect(label.filter { $0 == ":" }.count == 1)

        // A standard URL parser recovers the original values.
        let components = try #require(URLComponents(string: uri))
        #expect(components.scheme == "otpauth")
        #expect(components.host == "totp")
        #expect(components.path == "/Acme Corp: EU:bob smith+1/é?&=#")
        let items = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(items["issuer"] == "Acme Corp: EU")
        #expect(items["secret"] == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(items["digits"] == "8")
    }

    @Test func rejectsEmptyNames() throws {
        let totp = try TOTP(secret: Secret(rfcSeed))
        #expect(throws: RampartError.self) { try OTPAuthURI.make(issuer: "", account: "alice", totp: totp) }
        #expect(throws: RampartError.self) { try OTPAuthURI.make(issuer: "Rampart", account: "", totp: totp) }
    }

    @Test func enrolmentBundlesSecretURIAndQRCode() throws {
        let enrollment = try TOTPEnrollment.begin(issuer: "Rampart", account: "alice@example.com")
        #expect(enrollment.totp.secret.exposedValue.count == 20)
        #expect(enrollment.totp.algorithm == .sha1 && enrollment.totp.digits == 6 && enrollment.totp.period == 30)
        #expect(enrollment.manualEntryKey.exposedValue.count == 32)
        #expect(enrollment.uri.exposedValue.contains("secret=\(enrollment.manualEntryKey.exposedValue)&"))
        let svg = enrollment.qrCodeSVG.exposedValue
        #expect(svg.hasPrefix("<svg") && svg.contains("viewBox=\"0 0 57 57\""))  // version 8 + quiet zone
        #expect("\(enrollment.qrCodeSVG)" == "<redacted>")
        // The QR code carries exactly the URI.
        let code = try QRCode.encode(Array(enrollment.uri.exposedValue.utf8))
        #expect(code.svg() == svg)
    }

    @Test func enrolmentRejectsNamesTooLongForAQRCode() {
        #expect(throws: RampartError.self) {
            try TOTPEnrollment.begin(issuer: "Rampart", account: String(repeating: "a", count: 400))
        }
    }
}
