// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import Testing

@testable import RampartCore

@Suite("Device fingerprint")
struct DeviceFingerprintTests {
    private let agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"

    @Test func isTheSHA256OfTheLengthPrefixedFields() {
        let fingerprint = DeviceFingerprint(userAgent: "ua", acceptLanguage: "en", deviceID: "d1")
        let encoded: [UInt8] = [0, 0, 0, 2] + Array("ua".utf8) + [0, 0, 0, 2] + Array("en".utf8) + [0, 0, 0, 2] + Array("d1".utf8)
        let expected = SHA256.hash(data: encoded).map { String(format: "%02x", $0) }.joined()
        #expect(fingerprint.hex == expected)
        #expect(fingerprint.hex.count == 64)
    }

    @Test func isStableAndSensitiveToEachField() {
        let base = DeviceFingerprint(userAgent: agent, acceptLanguage: "en-GB,en;q=0.8", deviceID: "c0ffee")
        #expect(base == DeviceFingerprint(userAgent: agent, acceptLanguage: "en-GB,en;q=0.8", deviceID: "c0ffee"))
        #expect(base == DeviceFingerprint(userAgent: " \(agent) ", acceptLanguage: "en-GB,en;q=0.8\t", deviceID: "c0ffee"))
        #expect(base != DeviceFingerprint(userAgent: agent + "x", acceptLanguage: "en-GB,en;q=0.8", deviceID: "c0ffee"))
        #expect(base != DeviceFingerprint(userAgent: agent, acceptLanguage: "de-DE", deviceID: "c0ffee"))
        #expect(base != DeviceFingerprint(userAgent: agent, acceptLanguage: "en-GB,en;q=0.8", deviceID: "c0ffef"))
    }

    @Test func fieldBoundariesAndMissingFieldsAreUnambiguous() {
        #expect(
            DeviceFingerprint(userAgent: "ab", acceptLanguage: "c", deviceID: nil)
                != DeviceFingerprint(userAgent: "a", acceptLanguage: "bc", deviceID: nil))
        #expect(
            DeviceFingerprint(userAgent: "a", acceptLanguage: nil, deviceID: nil)
                != DeviceFingerprint(userAgent: "a", acceptLanguage: "", deviceID: nil))
    }

    @Test func hugeHeadersAreCutNotRejected() {
        let long = String(repeating: "x", count: 100_000)
        let cut = String(repeating: "x", count: DeviceFingerprint.maximumFieldLength)
        #expect(
            DeviceFingerprint(userAgent: long, acceptLanguage: nil, deviceID: "d")
                == DeviceFingerprint(userAgent: cut, acceptLanguage: nil, deviceID: "d"))
    }
}
