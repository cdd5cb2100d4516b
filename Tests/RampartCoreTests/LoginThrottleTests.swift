// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

/// The throttling state machine, driven with injected time (no sleeping anywhere).
@Suite("Login throttle")
struct LoginThrottleTests {
    private let start: Int64 = 1_700_000_000_000
    private let second: Int64 = 1000
    private let minute: Int64 = 60 * 1000

    @Test func defaultsMatchTheRequirements() throws {
        let policy = ThrottlePolicy()
        #expect(policy.account.threshold == 5 && policy.account.window == 15 * minute)
        #expect(policy.sourceIP.threshold == 50 && policy.sourceIP.window == 10 * minute)
        #expect(policy.sourceIP.blockDuration > 0)
        try policy.validate()
    }

    @Test func fewerThanFiveFailuresAreNotDelayed() {
        var throttle = LoginThrottle()
        for index in 0..<4 {
            #expect(throttle.assess(account: "alice", ip: "198.51.100.7", knownDevice: false, now: start + Int64(index)) == .allow)
            throttle.recordFailure(account: "alice", ip: "198.51.100.7", now: start + Int64(index))
        }
        #expect(throttle.assess(account: "alice", ip: "198.51.100.7", knownDevice: false, now: start + 10) == .allow)
    }

    @Test func delaysDoubleAfterFiveFailuresUpToTheCap() {
        // A one-minute cap keeps the whole sequence inside the 15-minute window.
        var policy = ThrottlePolicy()
        policy.account.maxDelay = 60 * second
        var throttle = LoginThrottle(policy: policy)
        let ip = "198.51.100.7"
        var now = start
        for _ in 0..<5 { throttle.recordFailure(account: "alice", ip: ip, now: now) }
        // The 5th failure triggers a 1 s wait, then each further failure doubles it.
        var expected: Int64 = 1
        var observed: [Int] = []
        for _ in 0..<12 {
            let decision = throttle.assess(account: "alice", ip: ip, knownDevice: false, now: now)
            #expect(decision == .delay(seconds: Int(expected), reason: .account))
            if case .delay(let seconds, _) = decision { observed.append(seconds) }
            // Just before the wait ends the attempt is still refused; at its end it is evaluated.
            #expect(!throttle.assess(account: "alice", ip: ip, knownDevice: false, now: now + expected * second - 1).isAllowed)
            now += expected * second
            #expect(throttle.assess(account: "alice", ip: ip, knownDevice: false, now: now) == .allow)
            throttle.recordFailure(account: "alice", ip: ip, now: now)
            expected = min(expected * 2, 60)
        }
        #expect(observed == [1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60])
    }

    @Test func failuresExpireWithTheWindow() {
        var throttle = LoginThrottle()
        let ip = "198.51.100.7"
        for index in 0..<5 { throttle.recordFailure(account: "alice", ip: ip, now: start + Int64(index) * minute) }
        #expect(!throttle.assess(account: "alice", ip: ip, knownDevice: false, now: start + 4 * minute).isAllowed)
        // After the wait, a sixth failure at +5 min: six failures in the window.
        throttle.recordFailure(account: "alice", ip: ip, now: start + 5 * minute)
        #expect(throttle.assess(account: "alice", ip: ip, knownDevice: false, now: start + 5 * minute) == .delay(seconds: 2, reason: .account))
        // At +15 min 1 ms the first failure has left the 15-minute window: five remain, so the
        // wait is 1 s after the latest failure, long over.
        #expect(throttle.assess(account: "alice", ip: ip, knownDevice: false, now: start + 15 * minute + 1) == .allow)
        // At +16 min 1 ms only four remain in the window: below the threshold.
        throttle.recordFailure(account: "alice", ip: ip, now: start + 16 * minute + 1)
        #expect(throttle.assess(account: "alice", ip: ip, knownDevice: false, now: start + 16 * minute + 1) == .delay(seconds: 1, reason: .account))
        #expect(throttle.assess(account: "alice", ip: ip, knownDevice: false, now: start + 40 * minute) == .allow)
    }

    @Test func successClearsTheAccountsFailures() {
        var throttle = LoginThrottle()
        for index in 0..<5 { throttle.recordFailure(account: "alice", ip: "198.51.100.7", now: start + Int64(index)) }
        #expect(!throttle.assess(account: "alice", ip: "198.51.100.7", knownDevice: false, now: start + 10).isAllowed)
        throttle.recordSuccess(account: "alice", ip: "198.51.100.7", now: start + 2 * second)
        #expect(throttle.assess(account: "alice", ip: "198.51.100.7", knownDevice: false, now: start + 2 * second) == .allow)
        throttle.recordFailure(account: "alice", ip: "198.51.100.7", now: start + 3 * second)
        #expect(throttle.assess(account: "alice", ip: "198.51.100.7", knownDevice: false, now: start + 3 * second) == .allow)
    }

    @Test func aKnownDeviceBypassesTheAccountDelay() {
        var throttle = LoginThrottle()
        // An attacker hammers alice's account from many addresses.
        for index in 0..<40 {
            throttle.recordFailure(account: "alice", ip: "203.0.113.\(index)", now: start + Int64(index) * second)
        }
        let now = start + 40 * second
        // 40 failures: far past the threshold, so the wait is the 5-minute cap from the last one.
        #expect(throttle.assess(account: "alice", ip: "198.51.100.7", knownDevice: false, now: now) == .delay(seconds: 299, reason: .account))
        // Alice on her usual laptop is let through to the password check.
        #expect(throttle.assess(account: "alice", ip: "198.51.100.7", knownDevice: true, now: now) == .allow)
        // The delay is capped, never a lockout: five minutes after the last failure anyone may try.
        #expect(throttle.assess(account: "alice", ip: "198.51.100.7", knownDevice: false, now: start + 39 * second + 5 * minute) == .allow)
    }

    @Test func fiftyFailuresFromOneAddressBlockItButNotTheVictim() {
        var throttle = LoginThrottle()
        let attacker = "203.0.113.66"
        var blockedUntil: Int64?
        for index in 0..<50 {
            let now = start + Int64(index) * second
            #expect(throttle.assess(account: "user\(index % 20)", ip: attacker, knownDevice: false, now: now) == .allow)
            let outcome = throttle.recordFailure(account: "user\(index % 20)", ip: attacker, now: now)
            if index < 49 { #expect(outcome.sourceBlockedUntil == nil) } else { blockedUntil = outcome.sourceBlockedUntil }
        }
        let now = start + 50 * second
        let until = start + 49 * second + 15 * minute
        #expect(blockedUntil == until)
        #expect(throttle.assess(account: "user3", ip: attacker, knownDevice: false, now: now) == .blocked(until: until, reason: .sourceIP))
        #expect(throttle.assess(account: "someone-new", ip: attacker, knownDevice: false, now: now) == .blocked(until: until, reason: .sourceIP))
        // A known device does not lift a block on the attacker's own address…
        #expect(throttle.assess(account: "user3", ip: attacker, knownDevice: true, now: now).isAllowed == false)
        // …but the victim signing in from their own address is unaffected.
        #expect(throttle.assess(account: "user3", ip: "198.51.100.7", knownDevice: false, now: now) == .allow)
        #expect(throttle.assess(account: "user3", ip: "198.51.100.7", knownDevice: true, now: now) == .allow)
        #expect(
            throttle.assess(account: "user3", ip: attacker, knownDevice: false, now: now)
                .retryAfterSeconds(now: now) == Int((until - now + 999) / 1000))
        // The block ends on its own.
        #expect(throttle.assess(account: "user3", ip: attacker, knownDevice: false, now: until) == .allow)
    }

    @Test func repeatedBlocksGrowExponentiallyWithACap() {
        var policy = ThrottlePolicy()
        policy.sourceIP.threshold = 3
        policy.sourceIP.blockDuration = 10 * minute
        policy.sourceIP.maxBlockDuration = 35 * minute
        var throttle = LoginThrottle(policy: policy)
        var now = start
        var durations: [Int64] = []
        for _ in 0..<4 {
            var outcome = LoginThrottle.FailureOutcome(sourceBlockedUntil: nil, tenantThresholdCrossed: false)
            for index in 0..<3 { outcome = throttle.recordFailure(account: "u\(index)", ip: "203.0.113.9", now: now) }
            guard let until = outcome.sourceBlockedUntil else {
                Issue.record("the third failure should block the address")
                return
            }
            durations.append(until - now)
            now = until + 1
        }
        #expect(durations == [10 * minute, 20 * minute, 35 * minute, 35 * minute])
        // After the strike memory (24 h) passes, the next block is short again.
        now += 25 * 60 * minute
        var outcome = LoginThrottle.FailureOutcome(sourceBlockedUntil: nil, tenantThresholdCrossed: false)
        for index in 0..<3 { outcome = throttle.recordFailure(account: "u\(index)", ip: "203.0.113.9", now: now) }
        #expect(outcome.sourceBlockedUntil == now + 10 * minute)
    }

    @Test func sourceFailuresOutsideTheWindowDoNotAddUp() {
        var throttle = LoginThrottle()
        // 49 failures, then a pause longer than the 10-minute window, then more.
        for index in 0..<49 { throttle.recordFailure(account: "u\(index)", ip: "203.0.113.5", now: start + Int64(index)) }
        let later = start + 11 * minute
        let outcome = throttle.recordFailure(account: "x", ip: "203.0.113.5", now: later)
        #expect(outcome.sourceBlockedUntil == nil)
        #expect(throttle.assess(account: "x", ip: "203.0.113.5", knownDevice: false, now: later) == .allow)
    }

    @Test func ipv6AddressesInOneSlash64CountTogether() {
        var throttle = LoginThrottle()
        for index in 0..<50 {
            throttle.recordFailure(account: "u\(index)", ip: "2001:db8:1:2::\(String(index, radix: 16))", now: start + Int64(index))
        }
        #expect(!throttle.assess(account: "u1", ip: "2001:db8:1:2:ffff::1", knownDevice: false, now: start + 100).isAllowed)
        #expect(throttle.assess(account: "u1", ip: "2001:db8:1:3::1", knownDevice: false, now: start + 100) == .allow)
        // IPv4 written as an IPv4-mapped IPv6 address is the same source.
        for index in 0..<50 { throttle.recordFailure(account: "v\(index)", ip: "192.0.2.10", now: start + Int64(index)) }
        #expect(!throttle.assess(account: "v1", ip: "::ffff:192.0.2.10", knownDevice: false, now: start + 100).isAllowed)
    }

    @Test func tenantWideThresholdDelaysUnknownDevicesOnly() {
        var policy = ThrottlePolicy()
        policy.tenant.threshold = 100
        policy.tenant.maxDelay = 30 * second
        var throttle = LoginThrottle(policy: policy)
        var crossings = 0
        // Stuffing spread thin: 100 accounts, 100 addresses, one failure each.
        for index in 0..<110 {
            let now = start + Int64(index) * 10
            if throttle.recordFailure(account: "victim\(index)", ip: "10.\(index / 250).\(index % 250).1", now: now).tenantThresholdCrossed {
                crossings += 1
            }
            if index == 98 {
                #expect(throttle.assess(account: "carol", ip: "198.51.100.7", knownDevice: false, now: now) == .allow)
            }
        }
        #expect(crossings == 1)
        let now = start + 1100
        #expect(throttle.assess(account: "carol", ip: "198.51.100.7", knownDevice: false, now: now) == .delay(seconds: 30, reason: .tenant))
        #expect(throttle.assess(account: "carol", ip: "198.51.100.7", knownDevice: true, now: now) == .allow)
        // Capped at 30 s after the latest failure, and gone once the window has passed.
        #expect(throttle.assess(account: "carol", ip: "198.51.100.7", knownDevice: false, now: start + 1090 + 30 * second) == .allow)
        #expect(throttle.assess(account: "carol", ip: "198.51.100.7", knownDevice: false, now: start + 16 * minute) == .allow)
    }

    @Test func theLongerOfAccountAndTenantDelaysWins() {
        var policy = ThrottlePolicy()
        policy.tenant.threshold = 5
        policy.tenant.maxDelay = 2 * second
        var throttle = LoginThrottle(policy: policy)
        for index in 0..<8 { throttle.recordFailure(account: "alice", ip: "198.51.100.\(index)", now: start) }
        // Account: 8 failures → 1 s · 2³ = 8 s; tenant: capped at 2 s.
        #expect(throttle.assess(account: "alice", ip: "198.51.100.7", knownDevice: false, now: start) == .delay(seconds: 8, reason: .account))
        #expect(throttle.assess(account: "bob", ip: "198.51.100.7", knownDevice: false, now: start) == .delay(seconds: 2, reason: .tenant))
    }

    @Test func accountMemoryIsBounded() {
        var policy = ThrottlePolicy()
        policy.maxTrackedAccounts = 100
        var throttle = LoginThrottle(policy: policy)
        for index in 0..<5_000 {
            throttle.recordFailure(account: "spray\(index)", ip: "10.0.\(index / 200).\(index % 200)", now: start + Int64(index))
        }
        #expect(throttle.trackedAccountCount <= 100)
        // The most recent accounts are the ones kept.
        for _ in 0..<4 { throttle.recordFailure(account: "spray4999", ip: "198.51.100.1", now: start + 5_000) }
        #expect(!throttle.assess(account: "spray4999", ip: "198.51.100.2", knownDevice: false, now: start + 5_000).isAllowed)
    }

    @Test func sourceMemoryIsBoundedAndKeepsBlocks() {
        var policy = ThrottlePolicy()
        policy.maxTrackedSources = 50
        var throttle = LoginThrottle(policy: policy)
        for index in 0..<50 { throttle.recordFailure(account: "u\(index)", ip: "203.0.113.1", now: start + Int64(index)) }
        #expect(!throttle.assess(account: "u", ip: "203.0.113.1", knownDevice: false, now: start + 100).isAllowed)
        // A flood of fresh addresses must not push the blocked one out.
        for index in 0..<2_000 {
            throttle.recordFailure(account: "x\(index % 10)", ip: "10.1.\(index / 250).\(index % 250)", now: start + 100 + Int64(index))
        }
        #expect(throttle.trackedSourceCount <= 50)
        #expect(!throttle.assess(account: "u", ip: "203.0.113.1", knownDevice: false, now: start + 3_000).isAllowed)
    }

    @Test func pruneForgetsOnlyExpiredState() {
        var throttle = LoginThrottle()
        throttle.recordFailure(account: "old", ip: "198.51.100.1", now: start)
        throttle.recordFailure(account: "new", ip: "198.51.100.2", now: start + 20 * minute)
        throttle.prune(now: start + 20 * minute)
        #expect(throttle.trackedAccountCount == 1)
        #expect(throttle.trackedSourceCount == 1)
        throttle.prune(now: start + 60 * minute)
        #expect(throttle.trackedAccountCount == 0 && throttle.trackedSourceCount == 0)
    }

    @Test func policyValidationNamesTheBadField() {
        var policy = ThrottlePolicy()
        policy.account.maxDelay = 0
        do {
            try policy.validate()
            Issue.record("expected a validation error")
        } catch let error as RampartError {
            #expect(error.code == .validationFailed && error.field == "account.maxDelay")
        } catch {
            Issue.record("unexpected \(error)")
        }
        var zero = ThrottlePolicy()
        zero.sourceIP.threshold = 0
        #expect(throws: RampartError.self) { try zero.validate() }
    }

    @Test func exponentialBackoffNeverOverflows() {
        let backoff = ExponentialBackoff(base: 1000, maximum: .max)
        #expect(backoff.delay(step: 0) == 1000)
        #expect(backoff.delay(step: 3) == 8000)
        #expect(backoff.delay(step: 10_000) == .max)
        #expect(ExponentialBackoff(base: 1000, maximum: 5000).delay(step: 3) == 5000)
        // A base above the maximum waits the maximum, from the first step.
        #expect(ExponentialBackoff(base: 1000, maximum: 10).delay(step: 0) == 10)
        #expect(ExponentialBackoff(base: 1000, maximum: 10).delay(step: 5) == 10)
    }
}

/// Issue 17, item 1: a tenant's throttle setting of nearly `Int64.max` milliseconds trapped the
/// process on the next failed login. Validation now bounds it; the arithmetic saturates for values
/// that bypass validation (stored by an older version).
@Suite("Login throttle with extreme values")
struct LoginThrottleExtremeValueTests {
    private let huge: Int64 = 9_223_372_036_854_775_000

    @Test func validationRefusesDurationsPastThirtyDaysNamingTheField() {
        var policy = ThrottlePolicy()
        policy.sourceIP.blockDuration = huge
        policy.sourceIP.maxBlockDuration = huge
        #expect(throws: RampartError.self) { try policy.validate() }
        do { try policy.validate() } catch let error as RampartError { #expect(error.field == "sourceIP.blockDuration") } catch {}

        var thresholds = ThrottlePolicy()
        thresholds.account.threshold = Int.max
        do { try thresholds.validate() } catch let error as RampartError { #expect(error.field == "account.threshold") } catch {}
        #expect(throws: RampartError.self) { try thresholds.validate() }

        var limit = ThrottlePolicy()
        limit.sourceIP.blockDuration = ThrottlePolicy.maximumDuration
        limit.sourceIP.maxBlockDuration = ThrottlePolicy.maximumDuration
        #expect(throws: Never.self) { try limit.validate() }
    }

    @Test func unvalidatedHugeDurationsSaturateInsteadOfTrapping() {
        var policy = ThrottlePolicy()
        policy.sourceIP.threshold = 1
        policy.sourceIP.blockDuration = huge
        policy.sourceIP.maxBlockDuration = huge
        policy.sourceIP.strikeMemory = .max
        policy.account.threshold = 1
        policy.account.baseDelay = huge
        policy.account.maxDelay = .max
        policy.account.window = .max
        policy.tenant.threshold = 1
        policy.tenant.window = .max
        policy.tenant.baseDelay = .max
        policy.tenant.maxDelay = .max
        var throttle = LoginThrottle(policy: policy)
        let now: Int64 = 1_700_000_000_000
        for step in 0..<3 {
            let outcome = throttle.recordFailure(account: "alice", ip: "203.0.113.9", now: now + Int64(step))
            #expect(outcome.sourceBlockedUntil == .max)
        }
        let decision = throttle.assess(account: "alice", ip: "203.0.113.9", knownDevice: false, now: now + 10)
        #expect(decision == .blocked(until: .max, reason: .sourceIP))
        #expect((decision.retryAfterSeconds(now: now) ?? 0) > 0)
        let elsewhere = throttle.assess(account: "alice", ip: "198.51.100.1", knownDevice: false, now: now + 10)
        #expect(elsewhere.retryAfterSeconds(now: now + 10).map { $0 > 1_000_000 } == true)
        throttle.prune(now: .max)
        throttle.prune(now: .min)
    }

    @Test func saturatingArithmeticClampsAtTheBounds() {
        #expect(Int64.max.addingSaturating(1) == .max)
        #expect(Int64.min.addingSaturating(-1) == .min)
        #expect(Int64.min.subtractingSaturating(1) == .min)
        #expect(Int64.max.subtractingSaturating(-1) == .max)
        #expect(Int64(40).subtractingSaturating(2) == 38)
        #expect(Int64.max.multipliedSaturating(by: -2) == .min)
        #expect(Int64(exactlyFinite: 1e300) == nil)
        #expect(Int64(exactlyFinite: .nan) == nil)
        #expect(Int64(exactlyFinite: 1.5) == nil)
        #expect(Int64(exactlyFinite: 9_223_372_036_854_775_808.0) == nil)
        #expect(Int64(exactlyFinite: -9_223_372_036_854_775_808.0) == .min)
        #expect(Int64(exactlyFinite: 1_700_000_000) == 1_700_000_000)
    }
}
