// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartPolicy

/// Running `validityscheduler/test-validity-schedules-*.json` (Ranger's `RangerValidityScheduleTest`).
extension FileRun {
    /// The zone Ranger's harness runs in: schedules without a `timeZone` are read in it.
    static let rangerHarnessZone = TimeZone(identifier: "America/Los_Angeles") ?? TimeZone(secondsFromGMT: -8 * 3600) ?? .current

    /// Each case is `{name, validitySchedules, accessTime, result: {isValid, isApplicable}}`.
    /// Ranger counts its validator's messages (`validationFailureCount`); Rampart stops at the
    /// first fault and names it, so only the verdicts are compared.
    mutating func runValiditySchedules(_ root: JSONValue) {
        for (i, c) in (root.arrayValue ?? []).enumerated() {
            let name = c["name"]?.stringValue ?? "case \(i)"
            let schedules = c["validitySchedules"]?.arrayValue ?? []
            guard let at = c["accessTime"]?.stringValue, let time = Self.parseGsonDate(at) else {
                fail(name, expected: "an accessTime", got: "none")
                continue
            }
            var fault: String?
            for schedule in schedules {
                do {
                    try ValiditySchedule.validate(schedule)
                } catch {
                    fault = fault ?? "\(error.field ?? "schedule"): \(error.message)"
                }
            }
            let decoded = schedules.compactMap { try? JSONDecoder().decode(ValiditySchedule.self, from: JSONEncoder().encode($0)) }
            let isValid = fault == nil
            let isApplicable = isValid && decoded.contains { $0.covers(time, defaultZone: Self.rangerHarnessZone) }
            let expectedValid = c["result"]?["isValid"]?.boolValue ?? false
            let expectedApplicable = c["result"]?["isApplicable"]?.boolValue ?? false
            if isValid == expectedValid && isApplicable == expectedApplicable {
                pass()
            } else {
                fail(
                    name, expected: "isValid=\(expectedValid) isApplicable=\(expectedApplicable)",
                    got: "isValid=\(isValid) isApplicable=\(isApplicable)\(fault.map { " (\($0))" } ?? "")")
            }
        }
    }
}
