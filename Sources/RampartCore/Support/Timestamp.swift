// SPDX-License-Identifier: Apache-2.0

import Foundation

/// RFC 3339 rendering of stored Unix times for API responses.
package enum Timestamp {
    /// The range rendered: years 0001 to 9999. Times beyond it (a saturated "for ever" block, a
    /// hostile value read back from storage) are shown at the nearest end rather than handed to
    /// the formatter.
    package static let renderableMilliseconds: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999

    package static func rfc3339(milliseconds: Int64) -> String {
        let clamped = min(max(milliseconds, renderableMilliseconds.lowerBound), renderableMilliseconds.upperBound)
        let date = Date(timeIntervalSince1970: Double(clamped) / 1000)
        return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Microsecond precision, as audit records keep time: `2026-11-23T18:00:00.123456Z`.
    package static func rfc3339(microseconds: Int64) -> String {
        let lower = renderableMilliseconds.lowerBound * 1000
        let upper = renderableMilliseconds.upperBound * 1000 + 999
        let seconds = min(max(microseconds, lower), upper).quotientAndRemainder(dividingBy: 1_000_000)
        let whole = seconds.remainder < 0 ? seconds.quotient - 1 : seconds.quotient
        let fraction = seconds.remainder < 0 ? seconds.remainder + 1_000_000 : seconds.remainder
        let date = Date(timeIntervalSince1970: Double(whole))
        let base = date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
        let digits = String(fraction)
        return "\(base.dropLast())." + String(repeating: "0", count: 6 - digits.count) + digits + "Z"
    }

    /// Parses an RFC 3339 time (with or without fractional seconds) into Unix microseconds.
    package static func microseconds(rfc3339 text: String) -> Int64? {
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        let plain = Date.ISO8601FormatStyle(includingFractionalSeconds: false)
        guard let date = (try? withFraction.parse(text)) ?? (try? plain.parse(text)) else { return nil }
        return Int64(exactlyFinite: (date.timeIntervalSince1970 * 1_000_000).rounded())
    }
}
