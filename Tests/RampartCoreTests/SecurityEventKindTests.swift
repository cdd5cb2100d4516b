// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

@Suite("Security event kinds")
struct SecurityEventKindTests {
    @Test func codesAreStable() {
        // These strings are stored and alerted on: changing one is a breaking change.
        let expected: [SecurityEventKind: String] = [
            .loginFailed: "login.failed", .loginSucceeded: "login.succeeded", .loginThrottled: "login.throttled",
            .ipBlocked: "ip.blocked", .mfaFailed: "mfa.failed", .mfaEnrolled: "mfa.enrolled", .recoveryUsed: "recovery.used",
            .deviceNew: "device.new", .networkNew: "network.new", .deviceAnomalous: "device.anomalous", .apiKeyNewIP: "apikey.new_ip",
            .decisionsDenialSpike: "decisions.denial_spike",
        ]
        for (kind, code) in expected { #expect(kind.code == code) }
    }

    @Test func codesAreUniqueAndWellFormed() {
        let codes = SecurityEventKind.allCases.map(\.code)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            #expect(code.split(separator: ".").count == 2, "\(code)")
            #expect(code.allSatisfy { $0.isLowercase || $0 == "." || $0 == "_" }, "\(code)")
        }
    }
}
