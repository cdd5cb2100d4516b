// SPDX-License-Identifier: Apache-2.0

/// The size and speed of a token bucket: bursts of up to ``capacity`` requests, sustained
/// ``refillPerSecond`` requests per second.
package struct RateLimit: Sendable, Equatable {
    package var capacity: Int
    package var refillPerSecond: Double

    package init(capacity: Int, refillPerSecond: Double) {
        self.capacity = capacity
        self.refillPerSecond = refillPerSecond
    }

    /// One server's share when `servers` servers behind a load balancer each enforce the limit
    /// on what they see: the rate and the burst divided among them (a burst of at least 1), so
    /// evenly spread traffic meets the limit the tenant configured, not `servers` times it.
    package func shared(among servers: Int) -> RateLimit {
        let count = min(max(1, servers), 1_024)
        guard count > 1 else { return self }
        return RateLimit(
            capacity: max(1, (capacity + count - 1) / count),
            refillPerSecond: refillPerSecond.isFinite ? refillPerSecond / Double(count) : refillPerSecond)
    }

    /// Checks a configured limit before it is saved.
    ///
    /// - Throws: ``RampartError`` `validation-failed` for a capacity below 1 or a refill rate that
    ///   is not a positive finite number (a zero rate would be a permanent block).
    package func validate(field: String = "rateLimit") throws {
        guard capacity >= 1 else { throw RampartError.validation("capacity must be at least 1", field: field + ".capacity") }
        guard refillPerSecond.isFinite, refillPerSecond > 0 else {
            throw RampartError.validation("the refill rate must be positive", field: field + ".refillPerSecond")
        }
    }
}

/// The answer of a rate limiter.
package enum RateLimitDecision: Sendable, Equatable {
    /// Go ahead; `remaining` whole requests are left in the burst (for `RateLimit-Remaining`).
    case allowed(remaining: Int)
    /// Answer `429 Too Many Requests` with `Retry-After: retryAfter` (whole seconds, rounded up,
    /// at least 1).
    case limited(retryAfter: Int)

    package var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }
}
