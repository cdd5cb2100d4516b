// SPDX-License-Identifier: Apache-2.0

/// A token bucket: each request takes one token; tokens come back continuously at the refill rate
/// up to the capacity. It allows short bursts while bounding the sustained rate.
///
/// Time is passed in (Unix milliseconds). A clock that steps backwards neither refills nor
/// drains the bucket.
package struct TokenBucket: Sendable, Equatable {
    package private(set) var limit: RateLimit
    /// Fractional tokens, so slow refill rates (one per minute) work.
    private var tokens: Double
    private var updatedAt: Int64

    /// A full bucket at `now`.
    package init(limit: RateLimit, now: Int64) {
        self.limit = limit
        self.tokens = Double(max(1, limit.capacity))
        self.updatedAt = now
    }

    /// Tokens available at `now`, fractional.
    package func available(at now: Int64) -> Double {
        let elapsed = Double(max(0, now - updatedAt))
        let rate = limit.refillPerSecond.isFinite ? max(0, limit.refillPerSecond) : 0
        return min(Double(max(1, limit.capacity)), tokens + elapsed * rate / 1000)
    }

    /// Whether a request would be allowed at `now`, without taking a token.
    package func check(now: Int64) -> RateLimitDecision {
        let available = available(at: now)
        if available >= 1 { return .allowed(remaining: Int((available - 1).rounded(.down))) }
        return .limited(retryAfter: retryAfter(available: available))
    }

    /// Takes a token if one is available.
    package mutating func take(now: Int64) -> RateLimitDecision {
        let current = available(at: now)
        tokens = current
        updatedAt = max(updatedAt, now)
        guard current >= 1 else { return .limited(retryAfter: retryAfter(available: current)) }
        tokens = current - 1
        return .allowed(remaining: Int(tokens.rounded(.down)))
    }

    /// Changes the limit, keeping the tokens already earned (but no more than the new capacity).
    package mutating func update(limit newLimit: RateLimit, now: Int64) {
        tokens = min(available(at: now), Double(max(1, newLimit.capacity)))
        updatedAt = max(updatedAt, now)
        limit = newLimit
    }

    /// Whether the bucket is full, i.e. indistinguishable from a new one; such buckets can be
    /// forgotten to save memory.
    package func isFull(at now: Int64) -> Bool { available(at: now) >= Double(max(1, limit.capacity)) }

    /// Seconds until one whole token is back, rounded up.
    private func retryAfter(available: Double) -> Int {
        guard limit.refillPerSecond.isFinite, limit.refillPerSecond > 0 else { return Int(Int32.max) }
        let seconds = ((1 - available) / limit.refillPerSecond).rounded(.up)
        return Int(max(1, min(seconds, Double(Int32.max))))
    }
}
