// SPDX-License-Identifier: Apache-2.0

/// Token buckets by key (an API key, a tenant), with per-key limits and bounded memory.
///
/// A pure value like ``LoginThrottle``: the server holds it in a `Mutex` and passes `now`.
package struct RateLimiter<Key: Hashable & Sendable>: Sendable {
    /// The limit for keys without an override.
    package var defaultLimit: RateLimit
    /// Most buckets kept at once.
    package let maxTrackedKeys: Int
    private var overrides: [Key: RateLimit] = [:]
    private var buckets: [Key: TokenBucket] = [:]

    package init(defaultLimit: RateLimit, maxTrackedKeys: Int = 100_000) {
        self.defaultLimit = defaultLimit
        self.maxTrackedKeys = max(1, maxTrackedKeys)
    }

    /// Buckets currently held.
    package var trackedKeyCount: Int { buckets.count }

    /// The limit that applies to `key`.
    package func limit(for key: Key) -> RateLimit { overrides[key] ?? defaultLimit }

    /// Changes the limit of every key without an override, buckets already held included.
    package mutating func setDefaultLimit(_ limit: RateLimit, now: Int64) {
        guard limit != defaultLimit else { return }
        defaultLimit = limit
        for key in buckets.keys where overrides[key] == nil { buckets[key]?.update(limit: limit, now: now) }
    }

    /// Sets (or with `nil` removes) a per-key limit, e.g. a tenant's plan.
    package mutating func setLimit(_ limit: RateLimit?, for key: Key, now: Int64) {
        overrides[key] = limit
        buckets[key]?.update(limit: limit ?? defaultLimit, now: now)
    }

    /// Whether `key` would be allowed now, without using a token.
    package func check(_ key: Key, now: Int64) -> RateLimitDecision {
        bucket(for: key, now: now).check(now: now)
    }

    /// Uses a token of `key`'s bucket if one is available.
    package mutating func acquire(_ key: Key, now: Int64) -> RateLimitDecision {
        var bucket = bucket(for: key, now: now)
        let decision = bucket.take(now: now)
        if buckets[key] == nil {
            // Full buckets are the same as absent ones, so dropping them loses nothing; if that is
            // not enough, the fullest go next: forgetting them grants the least extra.
            BoundedEviction.makeRoom(
                in: &buckets, capacity: maxTrackedKeys,
                isExpendable: { $0.isFull(at: now) },
                priority: { Int64(-$0.available(at: now) * 1000) }
            )
        }
        buckets[key] = bucket
        return decision
    }

    /// Forgets full buckets; call periodically to return memory sooner.
    package mutating func prune(now: Int64) {
        buckets = buckets.filter { !$0.value.isFull(at: now) }
    }

    private func bucket(for key: Key, now: Int64) -> TokenBucket {
        buckets[key] ?? TokenBucket(limit: limit(for: key), now: now)
    }
}
