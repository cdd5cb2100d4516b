// SPDX-License-Identifier: Apache-2.0

/// Proleptic Gregorian dates as day numbers, in plain integer arithmetic (Howard Hinnant's
/// `days_from_civil` and `civil_from_days`): no calendar object, no time zone, no allocation.
///
/// The policy engine walks validity schedules day by day with it, timestamps and SCIM dates are
/// rendered and parsed with it, and discovery checks birth dates and national ids with it; one
/// copy serves them all. Callers bound their inputs (years of four digits, months 1–12) before
/// they call: the arithmetic is exact for any year an `Int` day count can hold.
public enum CivilDate {
    /// Days from 1970-01-01 to `year`-`month`-`day` (negative before it).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01.
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 1 for Sunday to 7 for Saturday (`java.util.Calendar`'s numbering, which Ranger's
    /// schedules use); 1970-01-01 was a Thursday.
    public static func weekday(days: Int) -> Int { ((days % 7) + 7 + 4) % 7 + 1 }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// The number of days in `month` (1–12) of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
