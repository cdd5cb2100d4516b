// SPDX-License-Identifier: Apache-2.0

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import RampartCore

/// Rampart's one HTTP client for calls to other servers (OpenID Connect discovery, JWKS, the
/// token endpoint, webhook deliveries), built on AsyncHTTPClient.
///
/// The outbound address policy is applied here and nowhere else: with ``destinations`` set, the
/// host is resolved once, every address it resolves to is checked (an internal one is refused
/// with ``OutboundDestinationRefused`` before any connection), and the connection goes to the
/// checked address (AsyncHTTPClient's `dnsOverride`), so a second DNS answer (rebinding) cannot
/// redirect it; TLS still verifies the certificate against the host name. Redirects are not
/// followed (a configured URL must not reach anywhere else), and the whole exchange is bounded in
/// time and response size.
package struct OutboundHTTPClient: Sendable {
    package struct Response: Sendable {
        package var status: Int
        package var headers: [(String, String)]
        package var body: [UInt8]

        package func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    /// Whole request, connect to last byte.
    package var timeout: TimeAmount = .seconds(10)
    package var maximumResponseSize = 1 << 20
    package var tlsConfiguration: TLSConfiguration = .makeClientConfiguration()
    /// When set, the host is resolved once and every address checked before connecting, and the
    /// connection goes to the checked address. `nil` (tests talking to their own fixtures)
    /// connects to the host as given.
    package var destinations: OutboundDestinations?
    /// Sent unless the caller gives its own.
    package var userAgent = "rampart"

    package init(destinations: OutboundDestinations? = nil) { self.destinations = destinations }

    package func get(_ url: String, headers: [(String, String)] = []) async throws -> Response {
        try await send(.GET, url, headers: headers, body: nil)
    }

    /// POSTs `form` as `application/x-www-form-urlencoded`.
    package func postForm(_ url: String, form: [(String, String)], headers: [(String, String)] = []) async throws -> Response {
        let body = FormEncoding.encode(form)
        return try await send(.POST, url, headers: headers + [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
    }

    /// Sends one request.
    ///
    /// - Throws: ``OutboundDestinationRefused`` for a destination the policy refuses; a
    ///   ``RampartError`` `unavailable` for anything else that keeps the answer from arriving
    ///   (no connection, TLS, timeout, an answer over ``maximumResponseSize``).
    package func send(_ method: HTTPMethod, _ url: String, headers: [(String, String)], body: [UInt8]?) async throws -> Response {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { throw RampartError(.badRequest, "not an http(s) URL: \(url.prefix(200))") }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        let bareHost = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host

        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tlsConfiguration, redirectConfiguration: .disallow, timeout: .init(connect: timeout, read: timeout))
        configuration.maximumUsesPerConnection = 1
        if let destinations {
            let address: SocketAddress
            do {
                address = try await destinations.resolve(host: bareHost, port: port)
            } catch let refused as OutboundDestinationRefused {
                throw refused
            } catch {
                throw RampartError(.unavailable, "cannot resolve \(bareHost.prefix(253)): \(error)")
            }
            if let checked = address.ipAddress, checked != bareHost { configuration.dnsOverride = [bareHost: checked] }
        }
        var request = HTTPClientRequest(url: url)
        request.method = method
        if !headers.contains(where: { $0.0.lowercased() == "user-agent" }) { request.headers.add(name: "User-Agent", value: userAgent) }
        if !headers.contains(where: { $0.0.lowercased() == "accept" }) { request.headers.add(name: "Accept", value: "application/json") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }

        // A client per request: its connection goes to this request's checked address only.
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
        do {
            let response = try await exchange(request, client: client, authority: "\(bareHost.prefix(253)):\(port)")
            try await client.shutdown()
            return response
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// The request and its whole answer, within ``timeout`` from the first byte to the last.
    private func exchange(_ request: HTTPClientRequest, client: HTTPClient, authority: String) async throws -> Response {
        let timeout = self.timeout
        let limit = maximumResponseSize
        let seconds = timeout.nanoseconds / 1_000_000_000
        return try await withThrowingTaskGroup(of: Response.self) { group in
            group.addTask {
                let response: HTTPClientResponse
                do {
                    response = try await client.execute(request, timeout: timeout)
                } catch {
                    throw RampartError(.unavailable, "no answer from \(authority): \(error)")
                }
                let body: ByteBuffer
                do {
                    body = try await response.body.collect(upTo: limit)
                } catch is NIOTooManyBytesError {
                    throw RampartError(.unavailable, "response larger than \(limit) bytes")
                } catch {
                    throw RampartError(.unavailable, "the answer of \(authority) ended early: \(error)")
                }
                return Response(
                    status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: Array(body.readableBytesView))
            }
            group.addTask {
                try await Task.sleep(for: .nanoseconds(timeout.nanoseconds))
                throw RampartError(.unavailable, "\(authority) did not answer within \(seconds) s")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw RampartError(.unavailable, "no answer from \(authority)") }
            return first
        }
    }
}

/// `application/x-www-form-urlencoded` (the token endpoint's request format, RFC 6749 §4.1.3).
package enum FormEncoding {
    /// Unreserved characters of RFC 3986; everything else is percent-encoded (so `+`, `&`, `=`
    /// and spaces in a code or secret survive).
    package static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    package static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    package static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
