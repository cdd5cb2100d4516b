// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import RampartPolicy

/// A policy with validity schedules applies only inside them (it used to apply at all times, so a
/// grant imported with an end date never ended).
@Suite struct ValidityWindowTests {
    let service = Service(name: "dev_hive", type: "hive")

    static func at(_ text: String) throws -> Date {
        try #require(ValidityWindow.date(text, TimeZone(identifier: "UTC")))
    }

    func decide(_ policies: [Policy], user: String = "ann", at time: String) throws -> AccessResult {
        let snapshot = try PolicySnapshot(serviceDef: TestData.hiveDef, service: service, policies: policies)
        return snapshot.evaluate(
            AccessRequest(resource: AccessResource(["database": "db"]), accessType: "select", user: user, accessTime: try Self.at(time)))
    }

    static func grant(_ schedules: [ValiditySchedule], id: Int64 = 1) -> Policy {
        var policy = Policy(
            id: id, name: "grant\(id)", resources: TestData.res("db"),
            policyItems: [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["ann"])])
        policy.validitySchedules = schedules
        return policy
    }

    @Test func aGrantAppliesOnlyInsideItsWindow() throws {
        let grant = Self.grant([ValiditySchedule(startTime: "2026/12/01 09:00:00", endTime: "2026/12/31 17:00:00", timeZone: "UTC")])
        #expect(try decide([grant], at: "2026/11/30 23:59:59").isAllowed == false)
        #expect(try decide([grant], at: "2026/12/01 09:00:00").isAllowed)
        #expect(try decide([grant], at: "2026/12/31 17:00:00").isAllowed)
        #expect(try decide([grant], at: "2026/12/31 17:00:01").isAllowed == false)
        // Outside its window a policy does not even decide auditing.
        var quiet = grant
        quiet.isAuditEnabled = true
        #expect(try decide([quiet], at: "2027/01/05 00:00:00").isAudited == false)
        #expect(try decide([quiet], at: "2026/12/05 00:00:00").isAudited)
    }

    @Test func openEndsAndTimeZonesAndSeveralSchedules() throws {
        let fromOnly = Self.grant([ValiditySchedule(startTime: "2026/12/06 00:00:00")])
        #expect(try decide([fromOnly], at: "2026/12/05 23:59:59").isAllowed == false)
        #expect(try decide([fromOnly], at: "2099/01/01 00:00:00").isAllowed)
        // 09:00 in Tokyo is 00:00 UTC.
        let tokyo = Self.grant([ValiditySchedule(startTime: "2026/12/06 09:00:00", timeZone: "Asia/Tokyo")])
        #expect(try decide([tokyo], at: "2026/12/05 23:59:59").isAllowed == false)
        #expect(try decide([tokyo], at: "2026/12/06 00:00:00").isAllowed)
        let twoWindows = Self.grant([
            ValiditySchedule(startTime: "2026/01/01 00:00:00", endTime: "2026/01/31 00:00:00"),
            ValiditySchedule(startTime: "2026/03/01 00:00:00", endTime: "2026/03/31 00:00:00"),
        ])
        #expect(try decide([twoWindows], at: "2026/01/15 12:00:00").isAllowed)
        #expect(try decide([twoWindows], at: "2026/02/15 12:00:00").isAllowed == false)
        #expect(try decide([twoWindows], at: "2026/03/15 12:00:00").isAllowed)
    }

    static func recurrence(
        minute: String = "0", hour: String, dayOfMonth: String = "", dayOfWeek: String = "*", month: String = "*", year: String = "*",
        days: Int = 0, hours: Int = 0, minutes: Int = 0
    ) -> JSONValue {
        .object([
            "schedule": .object([
                "minute": .string(minute), "hour": .string(hour), "dayOfMonth": .string(dayOfMonth), "dayOfWeek": .string(dayOfWeek),
                "month": .string(month), "year": .string(year),
            ]),
            "interval": .object(["days": .number(Double(days)), "hours": .number(Double(hours)), "minutes": .number(Double(minutes))]),
        ])
    }

    /// A time-bound grant for business hours: 09:00 for 8 hours on weekdays (2–6, Monday to
    /// Friday), in Berlin, during December 2026.
    @Test func aRecurringGrantAppliesInsideItsWindowsOnly() throws {
        let hours = Self.grant([
            ValiditySchedule(
                startTime: "2026/12/01 00:00:00", endTime: "2026/12/31 23:59:59", timeZone: "Europe/Berlin",
                recurrences: [Self.recurrence(hour: "9", dayOfWeek: "2-6", hours: 8)])
        ])
        // Monday 7 December 2026: 09:00 in Berlin is 08:00 UTC.
        #expect(try decide([hours], at: "2026/12/07 07:59:59").isAllowed == false)
        #expect(try decide([hours], at: "2026/12/07 08:00:00").isAllowed)
        #expect(try decide([hours], at: "2026/12/07 16:00:00").isAllowed)
        #expect(try decide([hours], at: "2026/12/07 16:00:01").isAllowed == false)
        // Saturday and Sunday are not scheduled; nor is a weekday outside the range.
        #expect(try decide([hours], at: "2026/12/12 10:00:00").isAllowed == false)
        #expect(try decide([hours], at: "2027/01/04 10:00:00").isAllowed == false)
        #expect(try decide([hours], at: "2026/12/07 10:00:00").unsupportedFeatures.isEmpty)
    }

    /// A window may run past midnight and across a daylight-saving change: it ends a whole
    /// interval after it opened, on the wall clock of the schedule's zone.
    @Test func windowsCrossMidnightAndDaylightSaving() throws {
        // 22:30 on the 1st of each month for 2 hours, in New York.
        let night = Self.grant([
            ValiditySchedule(
                timeZone: "America/New_York", recurrences: [Self.recurrence(minute: "30", hour: "22", dayOfMonth: "1", dayOfWeek: "", hours: 2)])
        ])
        // 1 March 2026 22:30 EST is 03:30 UTC on 2 March; the window ends at 05:30 UTC.
        #expect(try decide([night], at: "2026/03/02 03:29:59").isAllowed == false)
        #expect(try decide([night], at: "2026/03/02 05:00:00").isAllowed)
        #expect(try decide([night], at: "2026/03/02 05:30:01").isAllowed == false)
        // Daily at 00:00 for a day, on 8 March 2026 (clocks go forward at 02:00): the day has
        // 23 hours, so the window ends at 00:00 EDT on the 9th, 04:00 UTC.
        let daily = Self.grant([
            ValiditySchedule(
                timeZone: "America/New_York", recurrences: [Self.recurrence(hour: "0", dayOfMonth: "8", dayOfWeek: "", month: "3", days: 1)])
        ])
        #expect(try decide([daily], at: "2026/03/09 04:00:00").isAllowed)
        #expect(try decide([daily], at: "2026/03/09 04:00:01").isAllowed == false)
    }

    /// A recurrence that cannot be read (stored before recurrences were checked on save) fails
    /// safe: a policy that can only allow never applies, one that can deny always does.
    @Test func unreadableRecurrencesFailSafe() throws {
        let recurring = ValiditySchedule(
            startTime: "2026/01/01 00:00:00", endTime: "2027/01/01 00:00:00",
            recurrences: [.object(["schedule": .object(["hour": .string("9")]), "interval": .object(["hours": .number(8)])])])
        let allowOnly = Self.grant([recurring])
        let result = try decide([allowOnly], at: "2026/06/01 10:00:00")
        #expect(result.isAllowed == false)
        #expect(result.unsupportedFeatures.contains("validity-schedules"))
        var deny = Self.grant([recurring], id: 2)
        deny.denyPolicyItems = [PolicyItem(accesses: [PolicyItemAccess(type: "select")], users: ["ann"])]
        let allow = Self.grant([], id: 3)
        #expect(try decide([deny, allow], at: "2030/06/01 10:00:00").isAllowed == false)
    }

    @Test func schedulesAreCheckedWhenAPolicyIsSaved() throws {
        func validate(_ schedule: JSONValue) -> PolicyError? {
            let json: JSONValue = .object([
                "name": .string("p"), "service": .string("dev_hive"),
                "resources": .object(["database": .object(["values": .array([.string("db")])])]),
                "validitySchedules": .array([schedule]),
            ])
            do {
                _ = try PolicyValidator(serviceDef: TestData.hiveDef).validate(json)
                return nil
            } catch {
                return error
            }
        }
        #expect(validate(.object(["startTime": .string("2026/12/01 09:00:00"), "timeZone": .string("Europe/Amsterdam")])) == nil)
        #expect(validate(.object(["startTime": .string("2026-12-01")])) != nil)
        #expect(validate(.object(["endTime": .string("2026/04/31 00:00:00")])) != nil)
        #expect(validate(.object(["timeZone": .string("Mars/Olympus")])) != nil)
        #expect(validate(.object([:]))?.message == "needs a startTime, an endTime or a recurrence")
        let reversed = validate(.object(["startTime": .string("2026/12/02 00:00:00"), "endTime": .string("2026/12/01 00:00:00")]))
        #expect(reversed?.field == "validitySchedules[0].endTime")
        func recurring(_ recurrence: JSONValue, start: String = "2026/01/01 00:00:00") -> PolicyError? {
            validate(.object(["startTime": .string(start), "recurrences": .array([recurrence])]))
        }
        #expect(recurring(Self.recurrence(hour: "9", dayOfWeek: "2-6", hours: 8)) == nil)
        #expect(recurring(Self.recurrence(hour: "9-17, 20", dayOfMonth: "1,15", dayOfWeek: "", minutes: 30)) == nil)
        #expect(recurring(Self.recurrence(hour: "24", hours: 1))?.field == "validitySchedules[0].recurrences[0].schedule.hour")
        #expect(recurring(Self.recurrence(hour: "9-8", hours: 1))?.message == "range 9-8 runs backwards")
        #expect(recurring(Self.recurrence(hour: "@", hours: 1)) != nil)
        #expect(recurring(Self.recurrence(hour: "9", dayOfWeek: "0", hours: 1)) != nil)
        #expect(recurring(Self.recurrence(hour: "9", dayOfWeek: "", hours: 1)) != nil)
        #expect(recurring(Self.recurrence(hour: "9"))?.message == "must last at least a minute")
        #expect(recurring(Self.recurrence(hour: "9", hours: 24))?.field == "validitySchedules[0].recurrences[0].interval.hours")
        #expect(recurring(Self.recurrence(hour: "9", days: 1_000_000)) != nil)
        #expect(recurring(Self.recurrence(hour: "9", year: "2025", hours: 1))?.message == "names no year between startTime and endTime")
        #expect(recurring(.object(["interval": .object(["hours": .number(1)])])) != nil)
        // 30 February never comes; a policy may not hold more schedules than are looked at.
        #expect(
            recurring(Self.recurrence(hour: "9", dayOfMonth: "30,31", dayOfWeek: "", month: "2", hours: 1))?.message.hasPrefix("names no day") == true
        )
        #expect(recurring(Self.recurrence(hour: "9", dayOfMonth: "29", dayOfWeek: "", month: "2", hours: 1)) == nil)
        let many = JSONValue.object([
            "startTime": .string("2026/01/01 00:00:00"), "recurrences": .array(Array(repeating: Self.recurrence(hour: "9", hours: 1), count: 17)),
        ])
        #expect(validate(many) != nil)
    }

    /// A window of the longest interval, opened years ago, is found by walking day numbers, and
    /// one whose days never match is walked to its end without a calendar call per day.
    @Test func longIntervalsAreWalkedInDayNumbers() throws {
        // 1 January 2020, 00:00 UTC, for 3,000 days: until 19 March 2028.
        let decade = Self.grant([
            ValiditySchedule(
                timeZone: "UTC",
                recurrences: [Self.recurrence(hour: "0", dayOfMonth: "1", dayOfWeek: "", month: "1", year: "2020", days: 3_000)])
        ])
        #expect(try decide([decade], at: "2027/06/01 12:00:00").isAllowed)
        #expect(try decide([decade], at: "2028/03/19 00:00:01").isAllowed == false)
        #expect(try decide([decade], at: "2019/12/31 23:59:59").isAllowed == false)
    }
}
