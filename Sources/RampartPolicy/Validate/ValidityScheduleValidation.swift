// SPDX-License-Identifier: Apache-2.0

import Foundation

extension PolicyValidator {
    /// The most schedules a policy or tag may have, and recurrences a schedule: each is looked at
    /// for every request the policy could decide.
    static let maximumSchedules = 16
    static let maximumRecurrences = 16

    /// Checks a `validitySchedules` or `validityPeriods` list.
    static func validateSchedules(_ list: JSONField) throws(PolicyError) {
        let schedules = try list.array()
        guard schedules.count <= maximumSchedules else { throw list.error("at most \(maximumSchedules) schedules") }
        for schedule in schedules { try validateSchedule(schedule) }
    }

    /// Checks one entry of `validitySchedules`: its zone, its two ends (`yyyy/MM/dd HH:mm:ss`, the
    /// end after the start), that it says something (an end or a recurrence), and every
    /// recurrence (``ValidityRecurrence``), whose years must fall between the two ends.
    static func validateSchedule(_ schedule: JSONField) throws(PolicyError) {
        _ = try schedule.requireObject()
        let zoneName = try schedule["timeZone"].string(maximumLength: 64)
        var zone = ValidityWindow.defaultZone
        if let zoneName, !zoneName.isEmpty {
            guard let named = ValidityWindow.zone(named: zoneName) else { throw schedule["timeZone"].error("unknown time zone `\(zoneName)`") }
            zone = named
        }
        var ends: [String: Date] = [:]
        for end in ["startTime", "endTime"] {
            guard let text = try schedule[end].string(maximumLength: 64), !text.isEmpty else { continue }
            guard let date = ValidityWindow.date(text, zone) else { throw schedule[end].error("must be `yyyy/MM/dd HH:mm:ss`") }
            ends[end] = date
        }
        if let start = ends["startTime"], let end = ends["endTime"], end <= start {
            throw schedule["endTime"].error("must be later than startTime")
        }
        let recurrences = try schedule["recurrences"].array()
        guard recurrences.count <= maximumRecurrences else {
            throw schedule["recurrences"].error("at most \(maximumRecurrences) recurrences")
        }
        guard !ends.isEmpty || !recurrences.isEmpty else {
            throw schedule.error("needs a startTime, an endTime or a recurrence")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let firstYear = ends["startTime"].map { calendar.component(.year, from: $0) } ?? Int.min
        let lastYear = ends["endTime"].map { calendar.component(.year, from: $0) } ?? Int.max
        for field in recurrences {
            _ = try field.requireObject()
            let recurrence: ValidityRecurrence
            do {
                recurrence = try ValidityRecurrence(field.value ?? .null)
            } catch {
                throw field[error.field].error(error.reason)
            }
            guard recurrence.canOccur else { throw field["schedule"].error("names no day that exists (dayOfMonth in month)") }
            if let years = recurrence.years.values, !years.contains(where: { (firstYear...lastYear).contains($0) }) {
                throw field["schedule"]["year"].error("names no year between startTime and endTime")
            }
        }
    }
}

extension ValiditySchedule {
    /// Checks a schedule as a policy's `validitySchedules` entry is checked when it is saved.
    public static func validate(_ json: JSONValue) throws(PolicyError) {
        try PolicyValidator.validateSchedule(JSONField(json))
    }
}
