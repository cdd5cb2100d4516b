// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Notices when one principal suddenly collects far more denied authorization decisions than
/// usual: a stolen credential probing for data, or a compromised service enumerating resources.
///
/// For each principal it keeps a sliding window of recent denials (fixed sub-buckets, so memory is
/// constant per principal) and a long-run baseline (an exponentially decaying count). It fires
/// once when the window holds more than ``Configuration/threshold`` denials *and* more than
/// ``Configuration/baselineMultiple`` times the baseline for a window, so principals that are
/// routinely denied (a misconfigured batch job) do not alert all day. After firing it stays quiet
/// until the window has stayed at or below the threshold for ``Configuration/quietPeriod``.
///
/// The baseline needs about one ``Configuration/baselineHorizon`` of history to learn a
/// principal's usual rate (it reaches 63 % of it after one horizon, 95 % after three); until then
/// the absolute threshold does most of the work.
package struct DenialSpikeDetector<Principal: Hashable & Sendable>: Sendable {
    package struct Configuration: Sendable, Equatable {
        /// The sliding window, in milliseconds.
        package var window: Int64
        /// Denials in the window that must be exceeded.
        package var threshold: Int
        /// How many times the usual per-window count must be exceeded.
        package var baselineMultiple: Double
        /// Time constant of the baseline, in milliseconds: how long a principal's history counts.
        package var baselineHorizon: Int64
        /// How long the window must stay at or under the threshold before the detector re-arms.
        package var quietPeriod: Int64
        /// Sub-buckets per window; more is finer-grained sliding at a little more memory.
        package var bucketsPerWindow: Int
        /// Most principals tracked; the least recently denied are forgotten first.
        package var maxTrackedPrincipals: Int

        package init(
            window: Int64 = 5 * 60 * 1000, threshold: Int = 20, baselineMultiple: Double = 5,
            baselineHorizon: Int64 = 24 * 60 * 60 * 1000, quietPeriod: Int64 = 15 * 60 * 1000,
            bucketsPerWindow: Int = 10, maxTrackedPrincipals: Int = 10_000
        ) {
            self.window = window
            self.threshold = threshold
            self.baselineMultiple = baselineMultiple
            self.baselineHorizon = baselineHorizon
            self.quietPeriod = quietPeriod
            self.bucketsPerWindow = bucketsPerWindow
            self.maxTrackedPrincipals = maxTrackedPrincipals
        }
    }

    /// A detected spike, for a `decisions.denial_spike` security event.
    package struct Spike: Sendable, Equatable {
        package var principal: Principal
        package var denialsInWindow: Int
        /// The principal's usual number of denials per window before the spike.
        package var baselinePerWindow: Double
        package var detectedAt: Int64
    }

    private struct State: Sendable {
        /// Denial counts per sub-bucket, in a ring indexed by absolute bucket number.
        var counts: [Int]
        /// Which absolute bucket each ring slot currently holds.
        var bucketNumbers: [Int64]
        /// Exponentially decaying count of all denials, as of ``decayedAt``.
        var decayedCount: Double = 0
        var decayedAt: Int64
        var armed = true
        /// The last time the window was above the threshold.
        var lastAboveAt: Int64 = .min
        var lastDenialAt: Int64
    }

    package private(set) var configuration: Configuration
    /// The threshold as configured, before it is shared among servers.
    private let configuredThreshold: Int
    private var states: [Principal: State] = [:]

    package init(configuration: Configuration = Configuration()) {
        var configuration = configuration
        configuration.bucketsPerWindow = max(1, configuration.bucketsPerWindow)
        configuration.window = max(Int64(configuration.bucketsPerWindow), configuration.window)
        configuration.baselineHorizon = max(1, configuration.baselineHorizon)
        self.configuration = configuration
        self.configuredThreshold = configuration.threshold
    }

    /// With `servers` servers behind a load balancer each sees about its share of a principal's
    /// denials, so each fires past its share of the threshold (the baseline is per server already).
    package mutating func share(among servers: Int) {
        let count = min(max(1, servers), 1_024)
        configuration.threshold = max(1, (configuredThreshold + count - 1) / count)
    }

    /// Principals being tracked.
    package var trackedPrincipalCount: Int { states.count }

    private var bucketWidth: Int64 { configuration.window / Int64(configuration.bucketsPerWindow) }

    /// Records one denied decision for `principal`; returns a spike the first time one is seen.
    package mutating func recordDenial(for principal: Principal, now: Int64) -> Spike? {
        recordDenials(1, for: principal, now: now)
    }

    /// Records `count` denials of `principal` made at the same moment (a batch of decisions).
    /// The baseline is read once, before all of them, as for a single denial.
    package mutating func recordDenials(_ number: Int, for principal: Principal, now: Int64) -> Spike? {
        guard number > 0 else { return nil }
        if states[principal] == nil {
            BoundedEviction.makeRoom(
                in: &states, capacity: configuration.maxTrackedPrincipals, isExpendable: { _ in false },
                priority: { $0.lastDenialAt })
        }
        let buckets = configuration.bucketsPerWindow
        var state =
            states[principal]
            ?? State(
                counts: [Int](repeating: 0, count: buckets), bucketNumbers: [Int64](repeating: .min, count: buckets),
                decayedAt: now, lastDenialAt: now)

        let baseline = baselinePerWindow(state, now: now)
        // Fold this denial into the long-run count after reading the baseline, so a spike does
        // not raise the bar it is measured against.
        state.decayedCount = decayed(state, to: now) + Double(number)
        state.decayedAt = max(state.decayedAt, now)
        state.lastDenialAt = max(state.lastDenialAt, now)

        let bucket = floorDivide(now, bucketWidth)
        let slot = Int(((bucket % Int64(buckets)) + Int64(buckets)) % Int64(buckets))
        if state.bucketNumbers[slot] != bucket {
            state.bucketNumbers[slot] = bucket
            state.counts[slot] = 0
        }
        state.counts[slot] += number
        let inWindow = count(state, now: now)

        var spike: Spike?
        if inWindow > configuration.threshold {
            if state.armed, Double(inWindow) > configuration.baselineMultiple * baseline {
                state.armed = false
                spike = Spike(principal: principal, denialsInWindow: inWindow, baselinePerWindow: baseline, detectedAt: now)
            }
            state.lastAboveAt = now
        } else if !state.armed, now - state.lastAboveAt >= configuration.quietPeriod {
            state.armed = true
        }
        states[principal] = state
        return spike
    }

    /// Denials for `principal` in the window ending at `now` (at sub-bucket granularity).
    package func denials(for principal: Principal, now: Int64) -> Int {
        guard let state = states[principal] else { return 0 }
        return count(state, now: now)
    }

    /// Whether the detector would fire again for `principal` (it has re-armed after a spike, or
    /// never fired). Re-arming is evaluated when denials are recorded.
    package func isArmed(for principal: Principal) -> Bool { states[principal]?.armed ?? true }

    /// Forgets principals whose baseline has decayed to almost nothing and whose window is empty.
    package mutating func prune(now: Int64) {
        states = states.filter { entry in
            count(entry.value, now: now) > 0 || !entry.value.armed || decayed(entry.value, to: now) >= 0.5
        }
    }

    private func count(_ state: State, now: Int64) -> Int {
        let current = floorDivide(now, bucketWidth)
        let oldest = current - Int64(configuration.bucketsPerWindow) + 1
        var total = 0
        for (index, number) in state.bucketNumbers.enumerated() where number >= oldest && number <= current {
            total += state.counts[index]
        }
        return total
    }

    private func decayed(_ state: State, to now: Int64) -> Double {
        let elapsed = Double(max(0, now - state.decayedAt))
        return state.decayedCount * exp(-elapsed / Double(configuration.baselineHorizon))
    }

    /// The long-run denial rate scaled to one window. A decaying count with time constant τ
    /// settles at rate × τ, so rate × window = count × window / τ.
    private func baselinePerWindow(_ state: State, now: Int64) -> Double {
        decayed(state, to: now) * Double(configuration.window) / Double(configuration.baselineHorizon)
    }

    private func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
