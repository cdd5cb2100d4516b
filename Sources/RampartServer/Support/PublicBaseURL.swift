// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp

/// The absolute URL clients reach this server at, for the links it hands out: SCIM resource
/// locations and the OpenID Connect redirect URI.
///
/// `--public-url` fixes it (needed behind a proxy that rewrites the host or the scheme). Without
/// it the request's `Host` is used, with the scheme the server itself speaks; a `Host` that is not
/// a plain host name or address with an optional port is replaced by the bind address, so a forged
/// header cannot put arbitrary text into a link.
package struct PublicBaseURL: Sendable {
    package var configured: String?
    package var usesTLS: Bool
    package var fallbackHost: String

    package init(configured: String?, usesTLS: Bool, fallbackHost: String) {
        var configured = configured
        while configured?.hasSuffix("/") == true { configured?.removeLast() }
        self.configured = configured
        self.usesTLS = usesTLS
        self.fallbackHost = fallbackHost
    }

    /// Whether redirect URIs built from this are the operator's, not a request's: a configured
    /// URL, or a server bound to loopback (only local clients can set its `Host`).
    package var isSafeForRedirects: Bool {
        configured != nil || ServerConfiguration.isLoopback(fallbackHostName)
    }

    /// ``fallbackHost`` without its port and brackets.
    var fallbackHostName: String {
        if fallbackHost.hasPrefix("["), let end = fallbackHost.firstIndex(of: "]") {
            return String(fallbackHost[fallbackHost.index(after: fallbackHost.startIndex)..<end])
        }
        return String(fallbackHost.split(separator: ":").first ?? "")
    }

    package func resolve(_ request: Request) -> String {
        if let configured { return configured }
        let host = request.head.authority.flatMap { Self.isPlainAuthority($0) ? $0 : nil } ?? fallbackHost
        return "\(usesTLS ? "https" : "http")://\(host)"
    }

    /// `host`, `host:port`, `1.2.3.4:port` or `[::1]:port`, at most 255 characters.
    static func isPlainAuthority(_ text: String) -> Bool {
        (1...255).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2E || byte == 0x2D || byte == 0x3A || byte == 0x5B || byte == 0x5D
            }
    }
}
