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

    /// Recurrences are not evaluated: a policy that can only allow never applies, one that can
    /// deny always does.
    @Test func recurringSchedulesFailSafe() throws {
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
    }
}
