// SPDX-License-Identifier: Apache-2.0

/// Delays that double with each step past a threshold, up to a cap.
package struct ExponentialBackoff: Sendable, Equatable {
    /// The first delay, in milliseconds.
    package var base: Int64
    /// The largest delay, in milliseconds. The cap is what keeps throttling a delay rather than
    /// a lockout: however long an attack goes on, the real user waits at most this long.
    package var maximum: Int64

    package init(base: Int64, maximum: Int64) {
        self.base = base
        self.maximum = maximum
    }

    /// `base · 2^step`, capped at ``maximum``, without overflow for any `step`. A `base` above
    /// the maximum waits the maximum: the cap is the promise made to the real user.
    package func delay(step: Int) -> Int64 {
        let cap = max(0, maximum)
        var delay = min(max(0, base), cap)
        for _ in 0..<max(0, step) {
            let (doubled, overflow) = delay.multipliedReportingOverflow(by: 2)
            if overflow || doubled >= cap { return cap }
            delay = doubled
        }
        return min(delay, cap)
    }
}
