// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCalendar

/// Reads and writes SCIM `dateTime` values (RFC 7643 §2.3.5: XML Schema `dateTime`, such as
/// `2024-05-13T04:42:34Z` or `2024-05-13T06:42:34.123+02:00`).
///
/// Hand-written rather than a Foundation formatter so that parsing is exact, allocation-light
/// and identical on every platform.
package enum SCIMDateTime {
    /// Seconds since 1970-01-01T00:00:00Z, or `nil` when `text` is not a dateTime.
    /// A missing offset is read as UTC.
    package static func parse(_ text: String) -> Double? {
        let b = Array(text.utf8)
        guard b.count >= 19, b.count <= 40 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= b.count else { return nil }
            var v = 0
            for i in start..<(start + count) {
                let c = b[i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let year = digits(0, 4), b[4] == UInt8(ascii: "-"), let month = digits(5, 2), b[7] == UInt8(ascii: "-"),
            let day = digits(8, 2), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
            let hour = digits(11, 2), b[13] == UInt8(ascii: ":"), let minute = digits(14, 2), b[16] == UInt8(ascii: ":"),
            let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour <= 24, minute <= 59, second <= 60 else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                fraction += Double(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        var offset = 0
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "+") ? 1 : -1
                guard let oh = digits(i + 1, 2), i + 3 < b.count, b[i + 3] == UInt8(ascii: ":"), let om = digits(i + 4, 2) else { return nil }
                offset = sign * (oh * 3600 + om * 60)
                i += 6
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        return Double(days * 86400 + hour * 3600 + minute * 60 + second - offset) + fraction
    }

    /// Formats a date as `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC. Milliseconds keep `meta.lastModified`
    /// ordering meaningful for changes made within one second.
    package static func format(_ date: Date) -> String {
        // Clamp to years 0001–9999 so an absurd Date cannot trap the Int conversion.
        let millisDouble = min(max(date.timeIntervalSince1970 * 1000, -62_135_596_800_000), 253_402_300_799_999)
        let totalMillis = Int((millisDouble.isNaN ? 0 : millisDouble).rounded(.down))
        var seconds = totalMillis / 1000
        var millis = totalMillis % 1000
        if millis < 0 {
            millis += 1000
            seconds -= 1
        }
        var days = seconds / 86400
        var rem = seconds % 86400
        if rem < 0 {
            rem += 86400
            days -= 1
        }
        let (y, m, d) = CivilDate.date(days: days)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rem / 3600, 2)):\(pad(rem % 3600 / 60, 2)):\(pad(rem % 60, 2)).\(pad(millis, 3))Z"
    }
}
