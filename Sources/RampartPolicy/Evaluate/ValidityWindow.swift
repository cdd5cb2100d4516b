// SPDX-License-Identifier: Apache-2.0

import Foundation

/// When a policy applies, from its `validitySchedules` (Ranger's `RangerValiditySchedule`): a
/// policy is evaluated only at access times one of its schedules covers, and is skipped entirely
/// (no allow, no deny, no audit) at any other time.
///
/// A schedule runs from `startTime` to `endTime` (`yyyy/MM/dd HH:mm:ss` in its `timeZone`, or in
/// the engine's ``PolicyEngineOptions/scheduleTimeZone`` when it names none; either end may be
/// open). Within that range, a schedule with `recurrences` applies only inside the windows they
/// open (``ValidityRecurrence``), read in the same zone. A recurrence that cannot be read (stored
/// before recurrences were checked on save) fails safe: its policy applies at all times when it
/// can deny and at no time when it can only allow.
struct ValidityWindow: Sendable {
    struct Span: Sendable {
        var start: Date?
        var end: Date?
        /// Empty: the whole range applies.
        var recurrences: [ValidityRecurrence]
        /// The schedule's zone, for its recurrences.
        var calendar: Calendar

        func contains(_ time: Date) -> Bool {
            guard start.map({ $0 <= time }) ?? true, end.map({ time <= $0 }) ?? true else { return false }
            return recurrences.isEmpty || recurrences.contains { $0.covers(time, in: calendar) }
        }
    }

    let spans: [Span]
    /// A schedule has a recurrence that could not be read.
    let hasUnreadableRecurrence: Bool
    /// What a window with an unreadable recurrence answers (see the type's documentation).
    let unreadableAnswer: Bool

    /// The window of `schedules`, or `nil` when there are none (the policy always applies).
    init?(_ schedules: [ValiditySchedule], canDeny: Bool, defaultZone: TimeZone) {
        guard !schedules.isEmpty else { return nil }
        // More than validation lets through (stored before it checked) is not evaluated.
        var unreadable =
            schedules.count > PolicyValidator.maximumSchedules
            || schedules.contains { $0.recurrences.count > PolicyValidator.maximumRecurrences }
        spans = schedules.map { schedule in
            let zone = schedule.timeZone.flatMap(Self.zone(named:)) ?? defaultZone
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            var recurrences: [ValidityRecurrence] = []
            for json in schedule.recurrences {
                if let recurrence = try? ValidityRecurrence(json) { recurrences.append(recurrence) } else { unreadable = true }
            }
            return Span(
                start: schedule.startTime.flatMap { Self.date($0, zone) }, end: schedule.endTime.flatMap { Self.date($0, zone) },
                recurrences: recurrences, calendar: calendar)
        }
        hasUnreadableRecurrence = unreadable
        unreadableAnswer = canDeny
    }

    /// Whether the policy applies at `time`.
    func contains(_ time: Date) -> Bool {
        if hasUnreadableRecurrence { return unreadableAnswer }
        return spans.contains { $0.contains(time) }
    }

    /// The zone of schedules that name none, unless the engine is told otherwise
    /// (``PolicyEngineOptions/scheduleTimeZone``): UTC.
    static let defaultZone = TimeZone.gmt

    /// A schedule's `timeZone`: an IANA identifier (`Europe/Amsterdam`) or an abbreviation (`PST`).
    static func zone(named name: String) -> TimeZone? {
        TimeZone(identifier: name) ?? TimeZone(abbreviation: name)
    }

    /// `yyyy/MM/dd HH:mm:ss` in `zone`; `nil` for anything else.
    static func date(_ text: String, _ zone: TimeZone?) -> Date? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == ":" })
        guard parts.count == 6, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let hour = Int(parts[3]), let minute = Int(parts[4]), let second = Int(parts[5]),
            (1...12).contains(month), (1...31).contains(day), (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        if let zone { calendar.timeZone = zone }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        // A date that does not exist (31 April) is refused rather than rolled over.
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day else { return nil }
        return date
    }
}

extension ValiditySchedule {
    /// Whether this schedule covers `time`; a schedule without a `timeZone` is read in
    /// `defaultZone`.
    public func covers(_ time: Date, defaultZone: TimeZone) -> Bool {
        ValidityWindow([self], canDeny: false, defaultZone: defaultZone)?.contains(time) ?? true
    }
}
