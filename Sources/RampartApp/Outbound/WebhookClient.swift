// SPDX-License-Identifier: Apache-2.0

import NIOCore
import NIOHTTP1
import RampartCore

/// Delivers webhook alerts: one POST through ``OutboundHTTPClient`` (so the outbound address
/// policy applies exactly as for every other outbound call), answered with the response status.
///
/// Redirects are not followed: a webhook that moves must be re-registered, so a compromised
/// endpoint cannot forward alerts elsewhere.
package struct WebhookClient: Sendable {
    package let timeout: Duration
    package let destinations: OutboundDestinations

    package init(timeout: Duration, destinations: OutboundDestinations) {
        self.timeout = timeout
        self.destinations = destinations
    }

    /// Why a delivery failed: ``tenantMessage`` is what the tenant's delivery record shows,
    /// ``cause`` what the server log keeps.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        /// The one message for every network-level failure.
        package static let undelivered = "delivery failed: no HTTP response from the webhook"
        package let tenantMessage: String
        package let cause: String
        package var description: String { cause }
    }

    /// Posts `body` to `url` and returns the HTTP status code.
    ///
    /// - Throws: ``Failure``; a refused destination says so, every other failure (name not
    ///   found, refused, reset, timed out, TLS) reads the same to the tenant.
    package func post(url: String, body: [UInt8], headers: [(String, String)]) async throws -> Int {
        let parts = try WebhookURL.parse(url)
        var client = OutboundHTTPClient(destinations: destinations)
        client.timeout = .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        client.userAgent = "rampart-webhook/1"
        do {
            let response = try await client.send(.POST, url, headers: [("Content-Type", "application/json")] + headers, body: body)
            return response.status
        } catch is OutboundDestinationRefused {
            throw Failure(
                tenantMessage: "\(OutboundDestinationRefused.code): the webhook's host is an address this server may not connect to",
                cause: "outbound address policy refused \(parts.host.prefix(253))")
        } catch {
            throw Failure(tenantMessage: Failure.undelivered, cause: "\(error)")
        }
    }
}
