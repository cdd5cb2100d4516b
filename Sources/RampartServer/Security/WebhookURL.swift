// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

/// Checks a tenant-supplied webhook URL before anything is sent to it.
///
/// Alerts carry security details, so they go over HTTPS unless the operator allowed plain HTTP.
/// Hosts that are literal loopback, private, link-local or unspecified addresses (and
/// `localhost`) are refused unless allowed, so a tenant-admin cannot point the server at the
/// operator's internal network. Host *names* are not resolved here; an operator worried about
/// names resolving inward should route the server's egress through a proxy.
package enum WebhookURL {
    package struct Parts: Sendable, Equatable {
        package var secure: Bool
        package var host: String
        package var port: Int
        /// Path and query, at least `/`.
        package var target: String

        package init(secure: Bool, host: String, port: Int, target: String) {
            self.secure = secure
            self.host = host
            self.port = port
            self.target = target
        }
    }

    static let maximumLength = 2048

    /// The normalised URL text, or a `validation-failed` error for field `url`.
    package static func validate(_ text: String, configuration: WebhookConfiguration) throws -> String {
        let parts = try parse(text)
        if !parts.secure && !configuration.allowPlainHTTP {
            throw RampartError.validation("must be an https:// URL", field: "url")
        }
        if !configuration.allowPrivateAddresses && isInternal(host: parts.host) {
            throw RampartError.validation("must not point at a loopback, private or link-local address", field: "url")
        }
        return text
    }

    /// Splits a URL into what an HTTP/1.1 request needs.
    package static func parse(_ text: String) throws -> Parts {
        guard text.utf8.count <= maximumLength, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty
        else { throw RampartError.validation("must be an absolute http(s) URL of at most \(maximumLength) bytes", field: "url") }
        // Credentials in a URL would be stored and shown in clear; the signature authenticates instead.
        guard url.user == nil, url.password == nil else {
            throw RampartError.validation("must not contain a user name or password", field: "url")
        }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query { target += "?\(query)" }
        return Parts(secure: scheme == "https", host: bare, port: url.port ?? (scheme == "https" ? 443 : 80), target: target)
    }

    /// `localhost` names, and literal addresses the outbound address policy counts as internal
    /// (the one list of internal ranges, IPv4 inside IPv6 included).
    static func isInternal(host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered.hasSuffix(".localhost") { return true }
        guard let address = IPAddress(host) else { return false }
        return OutboundAddressPolicy.isInternal(address)
    }
}
