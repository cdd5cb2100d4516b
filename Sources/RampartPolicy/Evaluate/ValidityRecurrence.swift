// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCalendar

/// One recurrence of a validity schedule (Ranger's `RangerValidityRecurrence`): a policy applies
/// for `interval` after every instant its `schedule` names, like a cron line that opens a window.
///
/// The schedule has six fields, each `*`, a number, a range `a-b`, or a comma list of those:
/// `minute` (0–59), `hour` (0–23), `dayOfMonth` (1–31), `dayOfWeek` (1–7, 1 is Sunday), `month`
/// (1–12) and `year`. A day is scheduled when it matches `dayOfMonth` *or* `dayOfWeek` (either
/// may be blank, not both), as in Ranger. `interval` is `days`, `hours` (0–23) and `minutes`
/// (0–59), not all zero.
///
/// The fields are read in the schedule's time zone, so "09:00 on weekdays" means 09:00 where
/// the schedule says (Ranger reads them in the plugin's JVM zone).
struct ValidityRecurrence: Sendable, Hashable {
    /// The values one field allows.
    struct Field: Sendable, Hashable {
        /// `nil` for `*`: every value.
        let values: Set<Int>?

        func contains(_ value: Int) -> Bool { values?.contains(value) ?? true }
    }

    /// Why a recurrence cannot be read; `field` names the part at fault.
    struct Invalid: Error, Sendable, Hashable {
        let field: String
        let reason: String
    }

    /// The longest interval accepted, in days: it bounds how far back a decision looks.
    static let maximumIntervalDays = 3_660

    let minutes: Field
    let hours: Field
    /// `nil` when blank.
    let daysOfMonth: Field?
    /// `nil` when blank.
    let daysOfWeek: Field?
    let months: Field
    let years: Field
    let intervalDays: Int
    let intervalHours: Int
    let intervalMinutes: Int

    /// Reads `{schedule: {...}, interval: {...}}`.
    init(_ json: JSONValue) throws(Invalid) {
        guard let schedule = json["schedule"], schedule.objectValue != nil else {
            throw Invalid(field: "schedule", reason: "is required")
        }
        guard let interval = json["interval"], interval.objectValue != nil else {
            throw Invalid(field: "interval", reason: "is required")
        }
        minutes = try Self.field(schedule, "minute", 0...59)
        hours = try Self.field(schedule, "hour", 0...23)
        daysOfMonth = try Self.optionalField(schedule, "dayOfMonth", 1...31)
        daysOfWeek = try Self.optionalField(schedule, "dayOfWeek", 1...7)
        guard daysOfMonth != nil || daysOfWeek != nil else {
            throw Invalid(field: "schedule", reason: "dayOfMonth and dayOfWeek cannot both be blank")
        }
        months = try Self.field(schedule, "month", 1...12)
        years = try Self.field(schedule, "year", 1970...9999)
        intervalDays = try Self.count(interval, "days", 0...Self.maximumIntervalDays)
        intervalHours = try Self.count(interval, "hours", 0...23)
        intervalMinutes = try Self.count(interval, "minutes", 0...59)
        guard intervalDays + intervalHours + intervalMinutes > 0 else {
            throw Invalid(field: "interval", reason: "must last at least a minute")
        }
    }

    /// Whether `time` falls in the window opened by the latest scheduled instant at or before it.
    ///
    /// Only days from `time` back to `time` minus the interval can hold an instant whose window
    /// still covers `time`, so the search is bounded by the interval, not by the schedule. The
    /// days are walked in plain day numbers (no calendar call per day): a policy's schedule must
    /// not cost a request more than a few microseconds, however long its interval.
    func covers(_ time: Date, in calendar: Calendar) -> Bool {
        let now = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: time)
        guard let year = now.year, let month = now.month, let day = now.day, let hour = now.hour, let minute = now.minute else { return false }
        let today = CivilDate.days(year: year, month: month, day: day)
        // The interval's days, one for its hours and one of slack for a 25-hour day.
        for back in 0...(intervalDays + 2) {
            let number = today - back
            let date = CivilDate.date(days: number)
            guard years.contains(date.year), months.contains(date.month),
                daysOfMonth?.contains(date.day) == true || daysOfWeek?.contains(CivilDate.weekday(days: number)) == true,
                let (startHour, startMinute) = latestTime(notAfter: back == 0 ? (hour, minute) : (23, 59))
            else { continue }
            let components = DateComponents(year: date.year, month: date.month, day: date.day, hour: startHour, minute: startMinute)
            // The latest instant decides: any earlier one's window ends earlier.
            guard let start = calendar.date(from: components), start <= time else { return false }
            let window = DateComponents(day: intervalDays, hour: intervalHours, minute: intervalMinutes)
            guard let end = calendar.date(byAdding: window, to: start) else { return false }
            return time <= end
        }
        return false
    }

    /// Whether some year of the schedule has a day it names: `dayOfMonth` 30 in February alone
    /// never comes.
    var canOccur: Bool {
        if daysOfWeek != nil { return true }
        guard let daysOfMonth else { return false }
        let longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains { month in
            months.contains(month) && (1...longest[month - 1]).contains(where: daysOfMonth.contains)
        }
    }

    /// The latest scheduled hour and minute at or before `limit` on a scheduled day.
    private func latestTime(notAfter limit: (hour: Int, minute: Int)) -> (Int, Int)? {
        for hour in stride(from: limit.hour, through: 0, by: -1) where hours.contains(hour) {
            let lastMinute = hour == limit.hour ? limit.minute : 59
            for minute in stride(from: lastMinute, through: 0, by: -1) where minutes.contains(minute) {
                return (hour, minute)
            }
        }
        return nil
    }

    private static func optionalField(_ schedule: JSONValue, _ name: String, _ bounds: ClosedRange<Int>) throws(Invalid) -> Field? {
        let text = schedule[name]?.stringValue ?? ""
        if text.allSatisfy({ $0 == " " }) { return nil }
        return try field(schedule, name, bounds)
    }

    /// A field's text: `*`, or a comma list of numbers and ranges within `bounds`.
    private static func field(_ schedule: JSONValue, _ name: String, _ bounds: ClosedRange<Int>) throws(Invalid) -> Field {
        let text = schedule[name]?.stringValue ?? ""
        guard !text.allSatisfy({ $0 == " " }) else { throw Invalid(field: "schedule.\(name)", reason: "is required") }
        guard text.count <= 512 else { throw Invalid(field: "schedule.\(name)", reason: "is too long") }
        var values = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let spec = part.trimmingCharacters(in: .whitespaces)
            if spec == "*" { return Field(values: nil) }
            let ends = spec.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if ends.contains("*") { return Field(values: nil) }
            guard ends.count == 1 || ends.count == 2, let low = Int(ends[0]), let high = Int(ends[ends.count - 1]) else {
                throw Invalid(field: "schedule.\(name)", reason: "must be *, numbers or ranges a-b separated by commas")
            }
            guard bounds.contains(low), bounds.contains(high) else {
                throw Invalid(field: "schedule.\(name)", reason: "must be within \(bounds.lowerBound)-\(bounds.upperBound)")
            }
            guard low <= high else { throw Invalid(field: "schedule.\(name)", reason: "range \(low)-\(high) runs backwards") }
            values.formUnion(low...high)
        }
        return Field(values: values)
    }

    private static func count(_ interval: JSONValue, _ name: String, _ bounds: ClosedRange<Int>) throws(Invalid) -> Int {
        guard let value = interval[name] else { return 0 }
        guard let number = value.int64Value, bounds.contains(Int(clamping: number)), Int64(Int(clamping: number)) == number else {
            throw Invalid(field: "interval.\(name)", reason: "must be a whole number within \(bounds.lowerBound)-\(bounds.upperBound)")
        }
        return Int(number)
    }
}
