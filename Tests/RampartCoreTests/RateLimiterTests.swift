// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

@Suite("Token bucket and rate limiter")
struct RateLimiterTests {
    private let start: Int64 = 1_700_000_000_000

    @Test func allowsABurstThenLimitsWithRetryAfterRoundedUp() {
        var bucket = TokenBucket(limit: RateLimit(capacity: 3, refillPerSecond: 0.5), now: start)
        #expect(bucket.take(now: start) == .allowed(remaining: 2))
        #expect(bucket.take(now: start) == .allowed(remaining: 1))
        #expect(bucket.take(now: start) == .allowed(remaining: 0))
        // One token takes 2 s at 0.5/s.
        #expect(bucket.take(now: start) == .limited(retryAfter: 2))
        // After 1.5 s, 0.75 of a token: 0.5 s more, rounded up to 1.
        #expect(bucket.take(now: start + 1500) == .limited(retryAfter: 1))
        #expect(bucket.take(now: start + 2000) == .allowed(remaining: 0))
    }

    @Test func refillsContinuouslyUpToCapacity() {
        var bucket = TokenBucket(limit: RateLimit(capacity: 10, refillPerSecond: 2), now: start)
        for _ in 0..<10 { _ = bucket.take(now: start) }
        #expect(bucket.available(at: start) == 0)
        #expect(bucket.available(at: start + 2500) == 5)
        #expect(bucket.available(at: start + 60_000) == 10)
        #expect(bucket.isFull(at: start + 5000))
        #expect(bucket.check(now: start + 1000) == .allowed(remaining: 1))
        // check does not consume.
        #expect(bucket.check(now: start + 1000) == .allowed(remaining: 1))
    }

    @Test func slowRatesGiveLongRetryAfter() {
        var bucket = TokenBucket(limit: RateLimit(capacity: 1, refillPerSecond: 1.0 / 60), now: start)
        #expect(bucket.take(now: start).isAllowed)
        #expect(bucket.take(now: start + 1) == .limited(retryAfter: 60))
    }

    @Test func aClockSteppingBackNeitherRefillsNorDrains() {
        var bucket = TokenBucket(limit: RateLimit(capacity: 2, refillPerSecond: 1), now: start)
        _ = bucket.take(now: start)
        _ = bucket.take(now: start)
        #expect(bucket.take(now: start - 10_000) == .limited(retryAfter: 1))
        #expect(bucket.take(now: start + 1000).isAllowed)
    }

    @Test func keysHaveIndependentBucketsAndOverrides() {
        var limiter = RateLimiter<String>(defaultLimit: RateLimit(capacity: 2, refillPerSecond: 1))
        limiter.setLimit(RateLimit(capacity: 5, refillPerSecond: 1), for: "big", now: start)
        #expect(limiter.acquire("a", now: start) == .allowed(remaining: 1))
        #expect(limiter.acquire("a", now: start) == .allowed(remaining: 0))
        #expect(limiter.acquire("a", now: start) == .limited(retryAfter: 1))
        #expect(limiter.acquire("b", now: start) == .allowed(remaining: 1))
        #expect(limiter.acquire("big", now: start) == .allowed(remaining: 4))
        // Lowering a limit keeps no more tokens than the new capacity.
        limiter.setLimit(RateLimit(capacity: 1, refillPerSecond: 1), for: "big", now: start)
        #expect(limiter.acquire("big", now: start) == .allowed(remaining: 0))
        #expect(limiter.acquire("big", now: start) == .limited(retryAfter: 1))
    }

    @Test func memoryIsBoundedAndFullBucketsAreForgotten() {
        var limiter = RateLimiter<String>(defaultLimit: RateLimit(capacity: 5, refillPerSecond: 1), maxTrackedKeys: 100)
        for index in 0..<10_000 { _ = limiter.acquire("key\(index)", now: start + Int64(index)) }
        #expect(limiter.trackedKeyCount <= 100)
        limiter.prune(now: start + 60_000)
        #expect(limiter.trackedKeyCount == 0)
    }

    @Test func apiLimiterChargesBothBucketsOrNeither() {
        var limiter = APIRateLimiter(
            perAPIKey: RateLimit(capacity: 2, refillPerSecond: 1), perTenant: RateLimit(capacity: 3, refillPerSecond: 1))
        #expect(limiter.acquire(apiKey: "k1", tenant: "acme", now: start) == .allowed(remaining: 1))
        #expect(limiter.acquire(apiKey: "k1", tenant: "acme", now: start) == .allowed(remaining: 0))
        // The key is exhausted; the tenant still has one token, which must not be spent.
        #expect(limiter.acquire(apiKey: "k1", tenant: "acme", now: start) == .limited(retryAfter: 1))
        #expect(limiter.perTenant.check("acme", now: start) == .allowed(remaining: 0))
        #expect(limiter.acquire(apiKey: "k2", tenant: "acme", now: start) == .allowed(remaining: 0))
        // Now the tenant is exhausted for every key, and for session requests.
        #expect(limiter.acquire(apiKey: "k3", tenant: "acme", now: start) == .limited(retryAfter: 1))
        #expect(limiter.perAPIKey.check("k3", now: start) == .allowed(remaining: 1))
        #expect(limiter.acquire(apiKey: nil, tenant: "acme", now: start) == .limited(retryAfter: 1))
        // Another tenant is unaffected.
        #expect(limiter.acquire(apiKey: nil, tenant: "globex", now: start) == .allowed(remaining: 2))
    }

    @Test func validationRejectsUnusableLimits() throws {
        try RateLimit(capacity: 1, refillPerSecond: 0.1).validate()
        #expect(throws: RampartError.self) { try RateLimit(capacity: 0, refillPerSecond: 1).validate() }
        #expect(throws: RampartError.self) { try RateLimit(capacity: 1, refillPerSecond: 0).validate() }
        #expect(throws: RampartError.self) { try RateLimit(capacity: 1, refillPerSecond: .nan).validate() }
    }
}
