// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCalendar
import Testing

@Suite struct CivilDateTests {
    @Test func knownDays() {
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilDate.days(year: 1969, month: 12, day: 31) == -1)
        #expect(CivilDate.days(year: 0, month: 3, day: 1) == -719_468)
        #expect(CivilDate.weekday(days: 0) == 5)  // Thursday
        #expect(CivilDate.weekday(days: -1) == 4)  // Wednesday
    }

    /// Every day from year 1 to 9999 and back, against Foundation's Gregorian calendar in UTC.
    @Test func roundTripsAndAgreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let first = CivilDate.days(year: 1, month: 1, day: 1)
        let last = CivilDate.days(year: 9999, month: 12, day: 31)
        var expected = (year: 1, month: 1, day: 1)
        var wrongDates = 0
        var wrongDays = 0
        var wrongWeekdays = 0
        for days in first...last {
            let date = CivilDate.date(days: days)
            if date != expected { wrongDates += 1 }
            if CivilDate.days(year: date.year, month: date.month, day: date.day) != days { wrongDays += 1 }
            expected.day += 1
            if expected.day > CivilDate.daysIn(month: expected.month, year: expected.year) {
                expected.day = 1
                expected.month += 1
                if expected.month > 12 { (expected.month, expected.year) = (1, expected.year + 1) }
            }
            if days % 997 == 0 {
                let weekday = calendar.component(.weekday, from: Date(timeIntervalSince1970: Double(days) * 86_400))
                if weekday != CivilDate.weekday(days: days) { wrongWeekdays += 1 }
            }
        }
        #expect(wrongDates == 0)
        #expect(wrongDays == 0)
        #expect(wrongWeekdays == 0)
        #expect(expected == (10_000, 1, 1))
    }

    @Test func leapYears() {
        #expect(CivilDate.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilDate.daysIn(month: 2, year: 1900) == 28)
        #expect(CivilDate.daysIn(month: 2, year: 2000) == 29)
        #expect(CivilDate.daysIn(month: 4, year: 2023) == 30)
    }
}
