// SPDX-License-Identifier: Apache-2.0

/// The whole-API rate limit: one bucket per API key and one per tenant, both of which a request
/// must pass.
///
/// The per-key bucket stops one runaway integration; the per-tenant bucket stops a tenant with
/// many keys from starving others on a shared server.
package struct APIRateLimiter: Sendable {
    package var perAPIKey: RateLimiter<String>
    package var perTenant: RateLimiter<String>
    /// The configured limits, before they are shared among servers.
    private let configuredPerAPIKey: RateLimit
    private let configuredPerTenant: RateLimit
    /// How many servers share the limits (see ``share(among:now:)``).
    package private(set) var servers = 1

    /// Defaults: 20 requests/s per key with bursts of 100; 200 requests/s per tenant with bursts
    /// of 1,000.
    package init(
        perAPIKey: RateLimit = RateLimit(capacity: 100, refillPerSecond: 20),
        perTenant: RateLimit = RateLimit(capacity: 1000, refillPerSecond: 200),
        maxTrackedKeys: Int = 100_000
    ) {
        self.configuredPerAPIKey = perAPIKey
        self.configuredPerTenant = perTenant
        self.perAPIKey = RateLimiter(defaultLimit: perAPIKey, maxTrackedKeys: maxTrackedKeys)
        self.perTenant = RateLimiter(defaultLimit: perTenant, maxTrackedKeys: maxTrackedKeys)
    }

    /// Makes this server enforce its share of every limit when `servers` servers behind a load
    /// balancer share the database (see ``RateLimit/shared(among:)``).
    package mutating func share(among servers: Int, now: Int64) {
        let count = min(max(1, servers), 1_024)
        guard count != self.servers else { return }
        self.servers = count
        perAPIKey.setDefaultLimit(configuredPerAPIKey.shared(among: count), now: now)
        perTenant.setDefaultLimit(configuredPerTenant.shared(among: count), now: now)
    }

    /// Admits one request, taking a token from both buckets, or from neither.
    ///
    /// Both buckets are checked before either is charged: a request refused by the tenant bucket
    /// must not also use up the key's budget (and the reverse).
    ///
    /// - Parameter apiKey: the API key's id, or `nil` for session-authenticated requests, which
    ///   count against the tenant only.
    /// - Returns: `.limited` with the longer of the two waits, or `.allowed` with the smaller
    ///   remainder.
    package mutating func acquire(apiKey: String?, tenant: String, now: Int64) -> RateLimitDecision {
        let tenantCheck = perTenant.check(tenant, now: now)
        let keyCheck = apiKey.map { perAPIKey.check($0, now: now) }
        var retryAfter = 0
        for case .limited(let seconds) in [tenantCheck, keyCheck ?? .allowed(remaining: 0)] {
            retryAfter = max(retryAfter, seconds)
        }
        if retryAfter > 0 { return .limited(retryAfter: retryAfter) }

        var remaining = Int.max
        for decision in [perTenant.acquire(tenant, now: now), apiKey.map { perAPIKey.acquire($0, now: now) }] {
            if case .allowed(let left) = decision { remaining = min(remaining, left) }
        }
        return .allowed(remaining: remaining)
    }

    /// ``acquire(apiKey:tenant:now:)`` with the key's own limit (`nil`: the default), and
    /// whether the tenant's bucket is the one that is empty (for the event to raise).
    package mutating func admit(apiKey: String?, tenant: String, keyLimit: RateLimit?, now: Int64) -> (RateLimitDecision, tenantLimited: Bool) {
        let keyLimit = keyLimit?.shared(among: servers)
        if let apiKey, perAPIKey.limit(for: apiKey) != keyLimit ?? perAPIKey.defaultLimit {
            perAPIKey.setLimit(keyLimit, for: apiKey, now: now)
        }
        let decision = acquire(apiKey: apiKey, tenant: tenant, now: now)
        return (decision, !perTenant.check(tenant, now: now).isAllowed)
    }

    /// Forgets full buckets.
    package mutating func prune(now: Int64) {
        perAPIKey.prune(now: now)
        perTenant.prune(now: now)
    }
}
