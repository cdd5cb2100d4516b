// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Dates in tag attributes, as Ranger reads them for `isAccessedBefore` / `isAccessedAfter`.
enum ScriptDate {
    /// `yyyy/MM/dd`, or with `T HH:mm:ss.SSS'Z'` after it (`/` or `-` between the date's parts),
    /// taken as UTC; `nil` for anything else.
    static func parse(_ text: String) -> Date? {
        let scalars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count, !range.isEmpty else { return nil }
            var value = 0
            for i in range {
                let c = scalars[i]
                guard c >= 48 && c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard scalars.count >= 10, let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            scalars[4] == scalars[7], scalars[4] == UInt8(ascii: "/") || scalars[4] == UInt8(ascii: "-"),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var components = DateComponents(year: year, month: month, day: day)
        if scalars.count > 10 {
            // `THH:mm:ss.SSSZ`
            guard scalars.count == 24, scalars[10] == UInt8(ascii: "T"), scalars[13] == UInt8(ascii: ":"), scalars[16] == UInt8(ascii: ":"),
                scalars[19] == UInt8(ascii: "."), scalars[23] == UInt8(ascii: "Z"),
                let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19), let millis = number(20..<23),
                hour < 24, minute < 60, second < 60
            else { return nil }
            components.hour = hour
            components.minute = minute
            components.second = second
            components.nanosecond = millis * 1_000_000
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: components)
    }
}
