// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

@Suite("Browser signals")
struct BrowserSignalsTests {
    private let digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

    @Test func readsWhatTheScriptWrites() throws {
        let signals = try #require(BrowserSignals(cookieValue: "\(digest)~America/Argentina/Buenos_Aires"))
        #expect(signals.digest == digest)
        #expect(signals.timeZone == "America/Argentina/Buenos_Aires")
        #expect(BrowserSignals(cookieValue: "\(digest)~Etc/GMT+5")?.timeZone == "Etc/GMT+5")
        let digestOnly = try #require(BrowserSignals(cookieValue: digest))
        #expect(digestOnly.timeZone == nil)
    }

    @Test(arguments: [
        "", "~Europe/Berlin", "0123", String(repeating: "a", count: 63), String(repeating: "a", count: 65),
        "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
    ])
    func anythingButALowerCaseSHA256IsIgnored(_ value: String) {
        #expect(BrowserSignals(cookieValue: value) == nil)
    }

    @Test(arguments: [
        "", "/etc/passwd", "Europe/Berlin<script>", "Europe Berlin", "Europe/Berlin~x", "Zürich", "Europe/Berlin\n",
        String(repeating: "A", count: 65),
    ])
    func aTimeZoneThatIsNoIANANameSpoilsTheWholeValue(_ zone: String) {
        // Taken in part, a forged time zone could be passed off with a genuine digest.
        #expect(BrowserSignals(cookieValue: "\(digest)~\(zone)") == nil)
    }
}
