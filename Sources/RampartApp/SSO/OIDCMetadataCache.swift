// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

/// Identity providers' discovery documents and signing keys, fetched on first use and cached.
///
/// Keys rotate: a token signed with a key id the cache does not know makes it fetch the JWKS
/// again, once, and at most once per ``refetchInterval`` per issuer, so a stream of tokens with
/// made-up key ids cannot turn Rampart into a load generator against the provider.
package actor OIDCMetadataCache {
    private struct Entry {
        package var discovery: OIDCDiscovery
        package var discoveryFetchedAt: Int64
        package var keys: [JSONWebKey] = []
        package var keysFetchedAt: Int64 = 0
        /// When an unknown key id last made the keys be fetched early.
        package var lastForcedFetch: Int64?
    }

    private let client: OutboundHTTPClient
    private let clock: any RampartClock
    package let policy: OIDCEndpointPolicy
    /// How long fetched metadata is used before it is fetched again, in milliseconds.
    package let lifetime: Int64
    /// The least time between two key fetches of one issuer, in milliseconds.
    package let refetchInterval: Int64
    private var entries: [String: Entry] = [:]

    package init(
        client: OutboundHTTPClient = OutboundHTTPClient(), clock: any RampartClock, policy: OIDCEndpointPolicy,
        lifetime: Int64 = 3_600_000, refetchInterval: Int64 = 60_000
    ) {
        self.client = client
        self.clock = clock
        self.policy = policy
        self.lifetime = lifetime
        self.refetchInterval = refetchInterval
    }

    /// The discovery document of `issuer` (as configured on the provider).
    package func discovery(issuer: String) async throws -> OIDCDiscovery {
        let now = clock.now()
        if let entry = entries[issuer], now - entry.discoveryFetchedAt < lifetime { return entry.discovery }
        let url = OIDCDiscovery.url(issuer: issuer)
        guard policy.allows(url) else { throw SSOFailure.providerUnavailable }
        let discovery = try OIDCDiscovery(try await fetchJSON(url), configuredIssuer: issuer, policy: policy)
        if var entry = entries[issuer], entry.discovery == discovery {
            entry.discoveryFetchedAt = now
            entries[issuer] = entry
        } else {
            entries[issuer] = Entry(discovery: discovery, discoveryFetchedAt: now)
        }
        return discovery
    }

    /// The signing keys of `issuer`, fetched again when `keyID` is not among them (rate-limited).
    package func keys(issuer: String, keyID: String?) async throws -> [JSONWebKey] {
        _ = try await discovery(issuer: issuer)
        guard let entry = entries[issuer] else { throw SSOFailure.providerUnavailable }
        let now = clock.now()
        let fetched = entry.keysFetchedAt > 0
        let known = keyID.map { id in entry.keys.contains { $0.keyID == id } } ?? !entry.keys.isEmpty
        let stale = !fetched || now - entry.keysFetchedAt >= lifetime
        if !stale {
            if known { return entry.keys }
            // An unknown key id: the provider may have rotated. Fetch early, but not again
            // within the interval, whatever key ids tokens claim.
            if let last = entry.lastForcedFetch, now - last < refetchInterval { return entry.keys }
            entries[issuer]?.lastForcedFetch = now
        }
        let keys = JSONWebKey.set(try await fetchJSON(entry.discovery.jwksURI))
        entries[issuer]?.keys = keys
        entries[issuer]?.keysFetchedAt = max(now, 1)
        return keys
    }

    private func fetchJSON(_ url: String) async throws -> JSONClaim {
        let response: OutboundHTTPClient.Response
        do {
            response = try await client.get(url)
        } catch is OutboundDestinationRefused {
            throw SSOFailure.destinationNotAllowed
        } catch {
            throw SSOFailure.providerUnavailable
        }
        guard response.status == 200, let document = try? JSONDecoder().decode(JSONClaim.self, from: Data(response.body)) else {
            throw SSOFailure.providerUnavailable
        }
        return document
    }
}
