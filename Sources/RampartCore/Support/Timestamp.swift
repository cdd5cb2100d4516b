// SPDX-License-Identifier: Apache-2.0

import RampartCalendar

/// RFC 3339 rendering of stored Unix times for API responses.
package enum Timestamp {
    /// The range rendered: years 0001 to 9999. Times beyond it (a saturated "for ever" block, a
    /// hostile value read back from storage) are shown at the nearest end rather than handed to
    /// the formatter.
    package static let renderableMilliseconds: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999

    package static func rfc3339(milliseconds: Int64) -> String {
        let clamped = min(max(milliseconds, renderableMilliseconds.lowerBound), renderableMilliseconds.upperBound)
        let (seconds, millis) = floorDivision(clamped, 1000)
        return render(seconds: seconds) + "." + padded(millis, 3) + "Z"
    }

    /// Microsecond precision, as audit records keep time: `2026-11-23T18:00:00.123456Z`.
    package static func rfc3339(microseconds: Int64) -> String {
        let lower = renderableMilliseconds.lowerBound * 1000
        let upper = renderableMilliseconds.upperBound * 1000 + 999
        let (seconds, micros) = floorDivision(min(max(microseconds, lower), upper), 1_000_000)
        return render(seconds: seconds) + "." + padded(micros, 6) + "Z"
    }

    /// `YYYY-MM-DDTHH:MM:SS` of Unix seconds, proleptic Gregorian like the parser (Foundation's
    /// calendar turns Julian before 1582, so the two would disagree on old dates).
    private static func render(seconds: Int64) -> String {
        let (days, second) = floorDivision(seconds, 86_400)
        let (year, month, day) = CivilDate.date(days: Int(days))
        let time = Int(second)
        return padded(Int64(year), 4) + "-" + padded(Int64(month), 2) + "-" + padded(Int64(day), 2) + "T" + padded(Int64(time / 3600), 2) + ":"
            + padded(Int64(time / 60 % 60), 2) + ":" + padded(Int64(time % 60), 2)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Parses an RFC 3339 `date-time` (`2026-12-06T04:07:12.5+01:00`; `t`, `z` and a leap second
    /// `60` accepted; fractions past microseconds dropped) into Unix microseconds, or `nil`.
    ///
    /// Parsed here rather than with Foundation's ISO 8601 style, which refuses valid RFC 3339
    /// times such as year 0798 or an offset of `+23:29`: the API promises RFC 3339.
    package static func microseconds(rfc3339 text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 64 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + length] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ index: Int, is expected: Character...) -> Bool {
            index < bytes.count && expected.contains { $0.asciiValue == bytes[index] }
        }
        guard let year = number(0, 4), byte(4, is: "-"), let month = number(5, 2), byte(7, is: "-"), let day = number(8, 2),
            byte(10, is: "T", "t"), let hour = number(11, 2), byte(13, is: ":"), let minute = number(14, 2), byte(16, is: ":"),
            let second = number(17, 2)
        else { return nil }
        var index = 19
        var fraction = 0
        if byte(index, is: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if digits < 6 { fraction = fraction * 10 + Int(bytes[index] - 0x30) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 6) { fraction *= 10 }
        }
        var offset = 0
        if byte(index, is: "Z", "z") {
            index += 1
        } else if byte(index, is: "+", "-"), let hours = number(index + 1, 2), byte(index + 3, is: ":"), let minutes = number(index + 4, 2),
            hours <= 23, minutes <= 59
        {
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == bytes.count, (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day), hour <= 23,
            minute <= 59, second <= 60
        else { return nil }
        // A leap second is counted as the last second of its minute (Unix time has none).
        let seconds = CivilDate.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Int64(seconds) * 1_000_000 + Int64(fraction)
    }
}
