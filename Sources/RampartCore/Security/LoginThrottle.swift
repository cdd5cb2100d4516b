// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Slows down password guessing for one tenant: per account, per source address and tenant-wide,
/// with exponential back-off and no lockout an attacker could use against a victim.
///
/// ## Rules
/// - **Account**: after ``ThrottlePolicy/Account/threshold`` failures within its window, each
///   attempt must wait ``ThrottlePolicy/Account/baseDelay`` after the last failure, doubling per
///   further failure, capped at ``ThrottlePolicy/Account/maxDelay``. A *known device* (one the
///   user has signed in from before, see ``DeviceFingerprint``) skips this wait, so an attack on
///   the account never keeps its owner out.
/// - **Source address**: after ``ThrottlePolicy/SourceIP/threshold`` failures from one address
///   (across any accounts) within its window, that address is blocked for
///   ``ThrottlePolicy/SourceIP/blockDuration``, doubled for each repeat within the strike memory.
///   The block applies to everything from that address, known devices included, and to nothing
///   else: the victim signing in from their own address is unaffected.
/// - **Tenant**: past the tenant-wide threshold, attempts from unknown devices wait a short,
///   capped, growing delay, which blunts stuffing spread over many addresses.
///
/// ## Usage
/// Call ``assess(account:ip:knownDevice:now:)`` before checking the password; check it only
/// for ``ThrottleDecision/allow``; then report the outcome with ``recordFailure(account:ip:now:)``
/// or ``recordSuccess(account:ip:now:)``. Attempts refused by the throttle are not recorded, so a
/// flood of refused attempts neither extends the victim's wait nor grows memory.
///
/// ## Why a struct
/// It is a pure value: every method takes `now` and does no I/O, so tests drive it through hours
/// of simulated attack instantly. The server keeps one per tenant inside a `Mutex` and calls it
/// under the lock (`throttles.withLock { $0[tenant].recordFailure(…) }`); each call is a few
/// dictionary operations, so a lock is cheaper than an actor hop and keeps the API synchronous.
package struct LoginThrottle: Sendable {
    /// What a failure changed, for the security-event log.
    package struct FailureOutcome: Sendable, Equatable {
        /// Set when this failure blocked the source address: the end of the block.
        package var sourceBlockedUntil: Int64?
        /// Whether this failure took the tenant past its tenant-wide threshold.
        package var tenantThresholdCrossed: Bool
    }

    private struct AccountState: Sendable, Codable {
        var failures: FailureWindow
    }

    private struct SourceState: Sendable, Codable {
        var failures: FailureWindow
        var blockedUntil: Int64?
        /// Blocks so far within the strike memory; sizes the next block.
        var strikes = 0
        var lastBlockedAt: Int64?
        var lastSeen: Int64
    }

    /// Changes take effect on the next call; existing counts are kept.
    package var policy: ThrottlePolicy
    private var accounts: [String: AccountState] = [:]
    private var sources: [String: SourceState] = [:]
    private var tenantFailures: FailureWindow

    package init(policy: ThrottlePolicy = ThrottlePolicy()) {
        self.policy = policy
        self.tenantFailures = FailureWindow()
    }

    /// Accounts with failures being tracked.
    package var trackedAccountCount: Int { accounts.count }
    /// Source addresses being tracked.
    package var trackedSourceCount: Int { sources.count }

    // MARK: Decisions

    /// Decides whether a login attempt may be evaluated now.
    ///
    /// - Parameters:
    ///   - account: the canonical account name as typed (also for accounts that do not exist,
    ///     so the throttle behaves the same and reveals nothing about which accounts exist).
    ///   - ip: the client address (IPv4, IPv6 or anything else the proxy reports).
    ///   - knownDevice: whether the request carries a device fingerprint this account has
    ///     signed in from before.
    ///   - now: Unix milliseconds.
    package func assess(account: String, ip: String, knownDevice: Bool, now: Int64) -> ThrottleDecision {
        if let source = sources[sourceKey(ip)], let until = source.blockedUntil, now < until {
            return .blocked(until: until, reason: .sourceIP)
        }
        guard !knownDevice else { return .allow }

        var wait: (milliseconds: Int64, reason: ThrottleReason)?
        if let state = accounts[account],
            let ready = readyTime(
                state.failures, now: now, window: policy.account.window, threshold: policy.account.threshold,
                backoff: ExponentialBackoff(base: policy.account.baseDelay, maximum: policy.account.maxDelay)),
            ready > now
        {
            wait = (ready.subtractingSaturating(now), .account)
        }
        if let ready = readyTime(
            tenantFailures, now: now, window: policy.tenant.window, threshold: policy.tenant.threshold,
            backoff: ExponentialBackoff(base: policy.tenant.baseDelay, maximum: policy.tenant.maxDelay)),
            ready > now, ready.subtractingSaturating(now) > wait?.milliseconds ?? 0
        {
            wait = (ready.subtractingSaturating(now), .tenant)
        }
        guard let wait else { return .allow }
        return .delay(seconds: ThrottleDecision.seconds(roundingUp: wait.milliseconds), reason: wait.reason)
    }

    /// When the next attempt may be evaluated, or `nil` while under the threshold: the `n`-th
    /// failure past the threshold waits `base · 2ⁿ` after the latest failure.
    private func readyTime(
        _ failures: FailureWindow, now: Int64, window: Int64, threshold: Int, backoff: ExponentialBackoff
    ) -> Int64? {
        let count = failures.count(at: now, window: window)
        guard count >= max(1, threshold), let latest = failures.latest else { return nil }
        return latest.addingSaturating(backoff.delay(step: count - max(1, threshold)))
    }

    // MARK: Outcomes

    /// Records a wrong password (or unknown account) for an attempt that was allowed.
    @discardableResult
    package mutating func recordFailure(account: String, ip: String, now: Int64) -> FailureOutcome {
        var outcome = FailureOutcome(sourceBlockedUntil: nil, tenantThresholdCrossed: false)

        if accounts[account] == nil {
            let window = policy.account.window
            BoundedEviction.makeRoom(
                in: &accounts, capacity: policy.maxTrackedAccounts,
                isExpendable: { $0.failures.count(at: now, window: window) == 0 },
                priority: { $0.failures.latest ?? .min }
            )
        }
        accounts[account, default: AccountState(failures: FailureWindow())].failures.record(
            at: now, window: policy.account.window, capacity: Self.windowCapacity(threshold: policy.account.threshold))

        let key = sourceKey(ip)
        if sources[key] == nil {
            let policy = policy.sourceIP
            BoundedEviction.makeRoom(
                in: &sources, capacity: self.policy.maxTrackedSources,
                isExpendable: { state in
                    (state.blockedUntil ?? .min) <= now && state.failures.count(at: now, window: policy.window) == 0
                        && (state.lastBlockedAt.map { now.subtractingSaturating($0) >= policy.strikeMemory } ?? true)
                },
                // Blocked sources go last: evicting them would let a flood of new addresses lift blocks.
                priority: { state in (state.blockedUntil ?? .min) > now ? .max : state.lastSeen }
            )
        }
        var source = sources[key] ?? SourceState(failures: FailureWindow(), lastSeen: now)
        source.lastSeen = max(source.lastSeen, now)
        source.failures.record(at: now, window: policy.sourceIP.window, capacity: max(1, policy.sourceIP.threshold))
        if source.failures.count(at: now, window: policy.sourceIP.window) >= max(1, policy.sourceIP.threshold) {
            let remembered = source.lastBlockedAt.map { now.subtractingSaturating($0) < policy.sourceIP.strikeMemory } ?? false
            source.strikes = remembered ? source.strikes.addingSaturating(1) : 1
            let duration = ExponentialBackoff(base: policy.sourceIP.blockDuration, maximum: policy.sourceIP.maxBlockDuration)
                .delay(step: source.strikes - 1)
            let until = now.addingSaturating(duration)
            source.blockedUntil = until
            source.lastBlockedAt = now
            // The block is the penalty for these failures; after it the address starts afresh.
            source.failures.reset()
            outcome.sourceBlockedUntil = until
        }
        sources[key] = source

        let before = tenantFailures.count(at: now, window: policy.tenant.window)
        tenantFailures.record(
            at: now, window: policy.tenant.window, capacity: Self.windowCapacity(threshold: policy.tenant.threshold))
        let threshold = max(1, policy.tenant.threshold)
        outcome.tenantThresholdCrossed = before < threshold && before.addingSaturating(1) >= threshold
        return outcome
    }

    /// Records a successful sign-in: the account's failures are forgotten, since the owner has
    /// just proved who they are. The source's count is kept, because a stuffing host succeeds now
    /// and then without becoming any less hostile.
    package mutating func recordSuccess(account: String, ip: String, now: Int64) {
        accounts.removeValue(forKey: account)
        if var source = sources[sourceKey(ip)] {
            source.lastSeen = max(source.lastSeen, now)
            sources[sourceKey(ip)] = source
        }
    }

    /// Drops state that no longer affects any decision. Recording already bounds memory; calling
    /// this from a periodic task just returns memory sooner.
    package mutating func prune(now: Int64) {
        let accountWindow = policy.account.window
        accounts = accounts.filter { $0.value.failures.count(at: now, window: accountWindow) > 0 }
        let source = policy.sourceIP
        sources = sources.filter { entry in
            let state = entry.value
            return (state.blockedUntil ?? .min) > now || state.failures.count(at: now, window: source.window) > 0
                || (state.lastBlockedAt.map { now.subtractingSaturating($0) < source.strikeMemory } ?? false)
        }
        tenantFailures.prune(before: now.subtractingSaturating(policy.tenant.window))
    }

    // MARK: Shared state

    /// The counters an attempt by `account` from `ip` reads and writes: the account's, the
    /// source's and the tenant's. A throttle shared by several servers keeps one stored state per
    /// key (see ``state(of:)`` and ``load(_:of:)``) and rebuilds just these around each call.
    package func keys(account: String, ip: String) -> [LoginThrottleKey] {
        [LoginThrottleKey(.account, account), LoginThrottleKey(.source, sourceKey(ip)), Self.tenantKey]
    }

    private static let tenantKey = LoginThrottleKey(.tenant, "*")

    /// The counter's state as JSON, or `nil` when it holds nothing (nothing to store).
    package func state(of key: LoginThrottleKey) throws -> String? {
        let data: Data?
        switch key.scope {
        case .account: data = try accounts[key.key].map { try JSONEncoder().encode($0) }
        case .source: data = try sources[key.key].map { try JSONEncoder().encode($0) }
        case .tenant: data = tenantFailures.isEmpty ? nil : try JSONEncoder().encode(tenantFailures)
        }
        return data.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Replaces the counter's state with a stored one (from ``state(of:)``); a state that does
    /// not decode (written by another version) is dropped, which forgets failures rather than
    /// refusing every sign-in.
    package mutating func load(_ state: String, of key: LoginThrottleKey) {
        let data = Data(state.utf8)
        switch key.scope {
        case .account: accounts[key.key] = try? JSONDecoder().decode(AccountState.self, from: data)
        case .source: sources[key.key] = try? JSONDecoder().decode(SourceState.self, from: data)
        case .tenant: tenantFailures = (try? JSONDecoder().decode(FailureWindow.self, from: data)) ?? FailureWindow()
        }
    }

    /// When a counter written at `now` stops affecting any decision, so its stored state can go.
    package func expiry(of key: LoginThrottleKey, now: Int64) -> Int64 {
        switch key.scope {
        case .account:
            return now.addingSaturating(policy.account.window).addingSaturating(policy.account.maxDelay)
        case .source:
            let source = policy.sourceIP
            let blockedUntil = sources[key.key]?.blockedUntil ?? now
            return max(blockedUntil, now.addingSaturating(max(source.window, source.strikeMemory)))
        case .tenant:
            return now.addingSaturating(policy.tenant.window).addingSaturating(policy.tenant.maxDelay)
        }
    }

    // MARK: Keys

    /// The key a source address is counted under: the address itself for IPv4, its network for
    /// IPv6 (one host can rotate through a /64), and the raw text (bounded) for anything else.
    private func sourceKey(_ ip: String) -> String {
        guard let address = IPAddress(ip) else { return String(ip.prefix(64)) }
        switch address {
        case .v4: return address.description
        case .v6: return IPNetwork(containing: address, ipv6Prefix: policy.sourceIP.ipv6Prefix).description
        }
    }

    /// Failures kept per window: past the threshold plus 64 doublings the back-off is at its cap
    /// for any sane configuration, so more timestamps would change nothing.
    private static func windowCapacity(threshold: Int) -> Int { max(1, threshold).addingSaturating(64) }
}
