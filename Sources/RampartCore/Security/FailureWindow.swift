// SPDX-License-Identifier: Apache-2.0

/// Times of recent failures inside a sliding window, keeping at most a given number of them.
///
/// Exact timestamps (rather than fixed buckets) make thresholds behave exactly as configured,
/// "5 failures within 15 minutes", which the throttle's tests and its users can reason about.
/// Memory stays bounded: beyond the capacity passed to ``record(at:window:capacity:)`` the oldest
/// times are dropped, and callers choose a capacity past which more failures would not change
/// any decision. It is passed per call so a policy change applies to existing windows.
struct FailureWindow: Sendable, Equatable, Codable {
    private(set) var times: [Int64] = []
    /// The most recent failure, kept apart from `times` so it survives pruning.
    private(set) var latest: Int64?

    init() {}

    mutating func record(at now: Int64, window: Int64, capacity: Int) {
        prune(before: now.subtractingSaturating(window))
        times.append(now)
        let capacity = max(1, capacity)
        if times.count > capacity { times.removeFirst(times.count - capacity) }
        latest = max(latest ?? now, now)
    }

    /// Failures at or after `now - window`.
    func count(at now: Int64, window: Int64) -> Int {
        let cutoff = now.subtractingSaturating(window)
        return times.reduce(0) { $1 >= cutoff ? $0 + 1 : $0 }
    }

    mutating func prune(before cutoff: Int64) {
        times.removeAll { $0 < cutoff }
    }

    mutating func reset() {
        times.removeAll()
    }

    var isEmpty: Bool { times.isEmpty }
}
