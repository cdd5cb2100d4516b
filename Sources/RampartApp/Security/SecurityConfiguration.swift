// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// Two-factor login, intrusion detection and rate limits. Everything is on by default; the
/// defaults are meant for production and are loose enough that ordinary use never meets them.
package struct SecurityConfiguration: Sendable {
    /// The login throttle for tenants without their own policy (and for the operator).
    package var loginThrottle = ThrottlePolicy()
    /// Whole-API token buckets per API key and per tenant; `nil` turns rate limiting off.
    package var apiRateLimit: APIRateLimitConfiguration? = APIRateLimitConfiguration()
    /// How long a two-factor challenge (the token between password and code) stays usable, in ms.
    package var mfaChallengeLifetime: Int64 = 5 * 60 * 1000
    /// The issuer shown in authenticator apps.
    package var totpIssuer = "Rampart"
    /// When one principal's denied decisions count as a spike.
    package var denialSpike = DenialSpikeDetector<String>.Configuration()
    package var webhooks = WebhookConfiguration()
    /// The outgoing mail server for e-mail alerts; `nil`: rules with `emails` are refused. Set from
    /// ``ServerConfiguration/smtp`` when the server starts.
    package var smtp: SMTPConfiguration?
    /// Marks the device cookie `Secure`; set from the TLS configuration when the server starts.
    package var secureCookies = false

    package init() {}
}

/// Sizes of the whole-API token buckets.
package struct APIRateLimitConfiguration: Sendable {
    /// Per API key: bursts of 600, 100 requests/s sustained.
    package var perAPIKey = RateLimit(capacity: 600, refillPerSecond: 100)
    /// Per tenant (every key and session of it together): bursts of 3,000, 500 requests/s.
    package var perTenant = RateLimit(capacity: 3000, refillPerSecond: 500)
    /// Decision requests (`/v1/authorize`, `/v1/authorize/batch`) per API key, a class of their
    /// own: an application asks once per query it runs, so an authorization service's budget is
    /// far above an administration API's. Bursts of 20,000, 10,000 requests/s; a key may have its
    /// own (``RampartCore/ApiKey/decisionRateLimit``).
    package var decisionsPerAPIKey = RateLimit(capacity: 20_000, refillPerSecond: 10_000)
    /// Decision requests per tenant: bursts of 100,000, 50,000 requests/s, so one tenant's
    /// applications cannot take every core from the others.
    package var decisionsPerTenant = RateLimit(capacity: 100_000, refillPerSecond: 50_000)

    package init() {}

    package init(
        perAPIKey: RateLimit, perTenant: RateLimit, decisionsPerAPIKey: RateLimit = RateLimit(capacity: 20_000, refillPerSecond: 10_000),
        decisionsPerTenant: RateLimit = RateLimit(capacity: 100_000, refillPerSecond: 50_000)
    ) {
        self.perAPIKey = perAPIKey
        self.perTenant = perTenant
        self.decisionsPerAPIKey = decisionsPerAPIKey
        self.decisionsPerTenant = decisionsPerTenant
    }
}

/// Delivery of security alerts to tenants' webhooks. The outbox settings (attempts, retry delays,
/// poll interval) apply to e-mail deliveries too; ``SMTPConfiguration`` has the mail server.
package struct WebhookConfiguration: Sendable {
    /// Allows `http://` webhook URLs. Off: alerts carry security details and must be encrypted.
    package var allowPlainHTTP = false
    /// Time allowed for one delivery attempt.
    package var timeout: Duration = .seconds(10)
    /// Attempts before a delivery is given up (marked `failed`).
    package var maximumAttempts = 8
    /// Wait before the first retry, in ms; it doubles per attempt up to ``maximumRetryDelay``.
    package var baseRetryDelay: Int64 = 10_000
    package var maximumRetryDelay: Int64 = 60 * 60 * 1000
    /// How often the outbox is checked when nothing new woke the sender.
    package var pollInterval: Duration = .seconds(5)

    package init() {}
}
