// SPDX-License-Identifier: Apache-2.0

/// What the console's sign-in page learned about the browser, as its script sent it: a SHA-256
/// digest of the browser's traits and the name of its time zone.
///
/// The script (`/console/assets/signals.js`) hashes device type, screen, operating system,
/// browser and version, languages, fonts, plugins and MIME types in the browser, so the traits
/// themselves never reach the server; only the digest and the time zone do, in the
/// `rampart_signals` cookie (`<digest>~<time zone>`). Both are remembered per account like a
/// network, for the `device.anomalous` signal; they are used for security only.
///
/// The cookie is set by a script, so anything may arrive in it: a value that is not exactly
/// what the script writes is ignored as a whole (the login goes on with the header fingerprint),
/// never trusted in part.
package struct BrowserSignals: Sendable, Hashable {
    package static let cookieName = "rampart_signals"
    /// IANA names are at most about 30 characters; the margin is for future ones.
    package static let maximumTimeZoneLength = 64

    /// SHA-256 of the browser's traits, 64 lower-case hex digits.
    package let digest: String
    /// An IANA time zone name such as `Europe/Berlin`, when the browser gave one.
    package let timeZone: String?

    /// Reads the cookie's value, `nil` when it is not what the script writes.
    package init?(cookieValue: String) {
        let parts = cookieValue.split(separator: "~", maxSplits: 1, omittingEmptySubsequences: false)
        let digest = parts[0]
        guard digest.utf8.count == 64, digest.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
            return nil
        }
        var timeZone: String?
        if parts.count == 2 {
            guard Self.isTimeZoneName(parts[1]) else { return nil }
            timeZone = String(parts[1])
        }
        self.digest = String(digest)
        self.timeZone = timeZone
    }

    /// Letters, digits and `_ + - /`, not starting with `/`: the characters of IANA names
    /// (`America/Argentina/Buenos_Aires`, `Etc/GMT+5`), so an event's detail cannot carry markup
    /// or control characters.
    static func isTimeZoneName(_ name: Substring) -> Bool {
        guard (1...maximumTimeZoneLength).contains(name.utf8.count), name.first != "/" else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2B || byte == 0x2D || byte == 0x2F
        }
    }
}
