// SPDX-License-Identifier: Apache-2.0

import Foundation

/// When a policy applies, from its `validitySchedules` (Ranger's `RangerValiditySchedule`): a
/// policy is evaluated only at access times one of its schedules covers, and is skipped entirely
/// (no allow, no deny, no audit) at any other time.
///
/// A schedule runs from `startTime` to `endTime` (`yyyy/MM/dd HH:mm:ss` in its `timeZone`, UTC when
/// it names none; either end may be open). Recurring schedules (`recurrences`: hours of certain
/// days within the range) are not evaluated yet; a policy with one fails safe: it applies at all
/// times when it can deny and at no time when it can only allow.
struct ValidityWindow: Sendable {
    struct Span: Sendable {
        var start: Date?
        var end: Date?
    }

    let spans: [Span]
    /// A schedule has recurrences, which are not evaluated.
    let isRecurring: Bool
    /// What a recurring window answers (see the type's documentation).
    let recurringAnswer: Bool

    /// The window of `schedules`, or `nil` when there are none (the policy always applies).
    init?(_ schedules: [ValiditySchedule], canDeny: Bool) {
        guard !schedules.isEmpty else { return nil }
        spans = schedules.map { schedule in
            let zone = schedule.timeZone.flatMap(Self.zone(named:)) ?? TimeZone(identifier: "UTC")
            return Span(start: schedule.startTime.flatMap { Self.date($0, zone) }, end: schedule.endTime.flatMap { Self.date($0, zone) })
        }
        isRecurring = schedules.contains { !$0.recurrences.isEmpty }
        recurringAnswer = canDeny
    }

    /// Whether the policy applies at `time`.
    func contains(_ time: Date) -> Bool {
        if isRecurring { return recurringAnswer }
        return spans.contains { span in (span.start.map { $0 <= time } ?? true) && (span.end.map { time <= $0 } ?? true) }
    }

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
