// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage
import Synchronization

/// Where the login throttle's counts live: in this process, or in the database that several
/// servers share. Either way the rules are ``LoginThrottle``'s, so a tenant's policy means the
/// same thing on one server as on three.
package protocol LoginThrottles: Sendable {
    func assess(_ attempt: LoginAttempt, knownDevice: Bool, policy: ThrottlePolicy, now: Int64) async throws -> ThrottleDecision
    func recordFailure(_ attempt: LoginAttempt, policy: ThrottlePolicy, now: Int64) async throws -> LoginThrottle.FailureOutcome
    func recordSuccess(_ attempt: LoginAttempt, now: Int64) async throws
    /// Drops counts that no longer affect any decision.
    func prune(now: Int64) async throws
}

/// One throttle per tenant in this process's memory, under a lock: the embedded (SQLite) server,
/// which is the only server of its database.
package final class InProcessLoginThrottles: LoginThrottles {
    private let throttles = Mutex<[TenantID: LoginThrottle]>([:])

    package init() {}

    package func assess(_ attempt: LoginAttempt, knownDevice: Bool, policy: ThrottlePolicy, now: Int64) -> ThrottleDecision {
        withThrottle(of: attempt.tenant, policy: policy) { $0.assess(account: attempt.account, ip: attempt.ip, knownDevice: knownDevice, now: now) }
    }

    package func recordFailure(_ attempt: LoginAttempt, policy: ThrottlePolicy, now: Int64) -> LoginThrottle.FailureOutcome {
        withThrottle(of: attempt.tenant, policy: policy) { $0.recordFailure(account: attempt.account, ip: attempt.ip, now: now) }
    }

    /// The tenant's throttle, made on first use and given the tenant's current policy, in place
    /// under the lock (no copy of its tables).
    private func withThrottle<R>(of tenant: TenantID, policy: ThrottlePolicy, _ body: (inout LoginThrottle) -> R) -> R {
        throttles.withLock { all in
            all[tenant, default: LoginThrottle(policy: policy)].policy = policy
            return body(&all[tenant, default: LoginThrottle(policy: policy)])
        }
    }

    package func recordSuccess(_ attempt: LoginAttempt, now: Int64) {
        throttles.withLock { all in all[attempt.tenant]?.recordSuccess(account: attempt.account, ip: attempt.ip, now: now) }
    }

    package func prune(now: Int64) {
        throttles.withLock { all in
            for tenant in all.keys { all[tenant]?.prune(now: now) }
        }
    }
}

/// The throttle's counts in the shared database (`login_throttle_state`): each attempt rebuilds
/// a ``LoginThrottle`` from the three counters it touches (account, source, tenant). A failure
/// locks those rows, records, and writes them back in one transaction, so failures arriving at
/// several servers at once are counted one after another: 60 wrong passwords spread over three
/// servers are throttled exactly as 60 on one.
package struct SharedLoginThrottles: LoginThrottles {
    /// The unaudited store: throttle bookkeeping is not an audited change.
    package let store: any Store

    package init(store: any Store) {
        self.store = store
    }

    package func assess(_ attempt: LoginAttempt, knownDevice: Bool, policy: ThrottlePolicy, now: Int64) async throws -> ThrottleDecision {
        let keys = LoginThrottle(policy: policy).keys(account: attempt.account, ip: attempt.ip)
        let states = try await store.read { try await $0.loginThrottleStates(keys, in: attempt.tenant, lock: false, now: now) }
        return Self.throttle(policy: policy, states: states).assess(account: attempt.account, ip: attempt.ip, knownDevice: knownDevice, now: now)
    }

    package func recordFailure(_ attempt: LoginAttempt, policy: ThrottlePolicy, now: Int64) async throws -> LoginThrottle.FailureOutcome {
        let keys = LoginThrottle(policy: policy).keys(account: attempt.account, ip: attempt.ip)
        return try await store.write { tx in
            let states = try await tx.loginThrottleStates(keys, in: attempt.tenant, lock: true, now: now)
            var throttle = Self.throttle(policy: policy, states: states)
            let outcome = throttle.recordFailure(account: attempt.account, ip: attempt.ip, now: now)
            var updated: [LoginThrottleKey: (state: String, expiresAt: Int64)] = [:]
            for key in keys {
                guard let state = try throttle.state(of: key) else { continue }
                updated[key] = (state, throttle.expiry(of: key, now: now))
            }
            try await tx.putLoginThrottleStates(updated, in: attempt.tenant)
            return outcome
        }
    }

    package func recordSuccess(_ attempt: LoginAttempt, now: Int64) async throws {
        // The account's failures are forgotten (as in `LoginThrottle.recordSuccess`); the
        // source's count stays, and its last-seen time only orders in-memory eviction.
        let account = LoginThrottleKey(.account, attempt.account)
        try await store.write { try await $0.deleteLoginThrottleState(account, in: attempt.tenant) }
    }

    package func prune(now: Int64) async throws {
        _ = try await store.write { try await $0.deleteExpiredLoginThrottleStates(now: now) }
    }

    private static func throttle(policy: ThrottlePolicy, states: [LoginThrottleKey: String]) -> LoginThrottle {
        var throttle = LoginThrottle(policy: policy)
        for (key, state) in states { throttle.load(state, of: key) }
        return throttle
    }
}
