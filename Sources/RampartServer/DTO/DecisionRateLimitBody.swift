// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// An API key's own limit on decision requests, as the API reads and writes it: bursts of
/// `burst` requests, `requestsPerSecond` sustained.
package struct DecisionRateLimitBody: Codable, Sendable {
    package var requestsPerSecond: Int64
    package var burst: Int64

    package init(_ limit: RateLimit) {
        requestsPerSecond = Int64(limit.refillPerSecond)
        burst = Int64(limit.capacity)
    }
}
