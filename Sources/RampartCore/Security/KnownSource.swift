// SPDX-License-Identifier: Apache-2.0

/// What Rampart remembers having seen for an account, so that the first sighting of something
/// new can be signalled once and later sightings pass quietly.
package enum KnownSourceKind: String, Sendable, Codable, CaseIterable {
    /// A ``DeviceFingerprint`` a user or operator completed a login from.
    case device
    /// An ``IPNetwork`` (/24, /48) a user or operator completed a login from.
    case network
    /// A digest of a browser's traits (``BrowserSignals``) a user or operator completed a login from.
    case browser
    /// An IANA time zone a user or operator's browser reported at a completed login
    /// (``BrowserSignals``).
    case timeZone = "time-zone"
    /// An exact source address an API key was used from.
    case apiKeyAddress = "api-key-address"
}
