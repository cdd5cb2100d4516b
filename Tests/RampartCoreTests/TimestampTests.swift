// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import RampartCore

/// RFC 3339 times as the API reads them (`from`, `to`, `since`), against values computed
/// independently (Python's `datetime`).
@Suite struct TimestampTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2026-12-06T04:07:12.5+01:00", 1_796_526_432_500_000),
        // Foundation's ISO 8601 parser refused these valid RFC 3339 times (a schemathesis find).
        ("0798-09-05T00:06:53+23:29", -36_963_472_927_000_000),
        ("2000-02-29t12:00:00.123456789-05:30", 951_845_400_123_456),
        ("0001-01-01T00:00:00z", -62_135_596_800_000_000),
        // A leap second is the last second of its minute.
        ("2016-12-31T23:59:60Z", 1_483_228_799_000_000),
    ])
    func parsesRFC3339(_ text: String, _ expected: Int64) {
        #expect(Timestamp.microseconds(rfc3339: text) == expected)
    }

    @Test(arguments: [
        "", "2026-12-06", "2026-12-06T04:07:12", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-12-06T24:00:00Z", "2026-12-06T04:60:00Z", "2026-12-06T04:07:61Z", "2026-12-06T04:07:12.Z", "2026-12-06T04:07:12+24:00",
        "2026-12-06T04:07:12Z ", "2026-12-06 04:07:12Z", "+2026-12-06T04:07:12Z", "2026-12-06T04:07:12+0100",
    ])
    func refusesWhatIsNotRFC3339(_ text: String) {
        #expect(Timestamp.microseconds(rfc3339: text) == nil)
    }

    @Test func roundTripsWhatItRenders() {
        for micros: Int64 in [0, 1_796_526_432_500_001, -36_963_472_927_000_000, 253_402_300_799_999_999] {
            #expect(Timestamp.microseconds(rfc3339: Timestamp.rfc3339(microseconds: micros)) == micros)
        }
    }

    /// Rendering moved off Foundation. For every date since the Gregorian calendar's adoption the
    /// date and time are Foundation's; the fraction is exact (Foundation's came through a `Double`
    /// and was now and then a millisecond short).
    @Test func rendersLikeFoundationSince1583() {
        var generator = SystemRandomNumberGenerator()
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: false)
        for _ in 0..<2000 {
            let milliseconds = Int64.random(in: -12_200_000_000_000...253_402_300_799_999, using: &generator)
            let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
            let whole = fraction < 0 ? seconds - 1 : seconds
            let foundation = Date(timeIntervalSince1970: Double(whole)).formatted(style)
            let rendered = Timestamp.rfc3339(milliseconds: milliseconds)
            #expect(rendered.prefix(19) == foundation.prefix(19), "\(milliseconds)")
            #expect(Int(rendered.dropFirst(20).prefix(3)) == Int((fraction + 1000) % 1000), "\(milliseconds)")
        }
        #expect(Timestamp.rfc3339(milliseconds: 1_796_526_432_500) == "2026-12-06T03:07:12.500Z")
        #expect(Timestamp.rfc3339(microseconds: -1) == "1969-12-31T23:59:59.999999Z")
        #expect(Timestamp.rfc3339(milliseconds: .max) == "9999-12-31T23:59:59.999Z")
    }
}
