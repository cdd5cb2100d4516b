// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

/// Checks a tenant-supplied webhook URL before anything is sent to it.
///
/// Alerts carry security details, so they go over HTTPS unless the operator allowed plain HTTP.
/// Hosts that are literal internal addresses (and `localhost`) are refused unless the outbound
/// address policy (`--outbound-allow`) admits them, so a tenant-admin cannot point the server at
/// the operator's internal network. Numeric hosts that are not a canonical address (`127.1`,
/// `2130706433`, `0x7f.0.0.1`) are refused outright: resolvers read them as addresses while a
/// literal check would take them for names. Host *names* are resolved at each delivery and every
/// address checked (``WebhookClient``), since what a name points at can change after the check.
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

    package static let maximumLength = 2048

    /// The normalised URL text, or a `validation-failed` error for field `url`.
    package static func validate(_ text: String, configuration: WebhookConfiguration, policy: OutboundAddressPolicy) throws -> String {
        let parts = try parse(text)
        if !parts.secure && !configuration.allowPlainHTTP {
            throw RampartError.validation("must be an https:// URL", field: "url")
        }
        if isRefused(host: parts.host, policy: policy) {
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
        if let port = url.port, !(1...65535).contains(port) {
            throw RampartError.validation("must have a port from 1 to 65535", field: "url")
        }
        guard url.user == nil, url.password == nil else {
            throw RampartError.validation("must not contain a user name or password", field: "url")
        }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if IPAddress(bare) == nil, looksNumeric(bare) {
            throw RampartError.validation("must name a host, or an address in its canonical form", field: "url")
        }
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query { target += "?\(query)" }
        return Parts(secure: scheme == "https", host: bare, port: url.port ?? (scheme == "https" ? 443 : 80), target: target)
    }

    /// `localhost` names, and literal addresses the outbound address policy refuses (the one list
    /// of internal ranges, IPv4 inside IPv6 included).
    package static func isRefused(host: String, policy: OutboundAddressPolicy) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered.hasSuffix(".localhost") {
            return IPAddress("127.0.0.1").map(policy.permits) != true
        }
        guard let address = IPAddress(host) else { return false }
        return !policy.permits(address)
    }

    /// A host made only of digits, dots and hexadecimal or octal prefixes: what `inet_aton` and
    /// resolvers read as an IPv4 address in one of its legacy spellings.
    package static func looksNumeric(_ host: String) -> Bool {
        let lowered = host.lowercased()
        guard !lowered.isEmpty else { return false }
        return lowered.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            if part.isEmpty { return true }
            if part.hasPrefix("0x") { return part.dropFirst(2).allSatisfy(\.isHexDigit) }
            return part.allSatisfy(\.isNumber)
        }
    }
}
