// SPDX-License-Identifier: Apache-2.0

import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import RampartCore

/// Sends one HTTP/1.1 POST and returns the response status: just enough of an HTTP client for
/// webhook deliveries, built on SwiftNIO so the server needs no other HTTP library.
///
/// Each delivery uses its own connection (`Connection: close`); alerts are rare, so pooling
/// would add state for no gain. Redirects are not followed: a webhook that moves must be
/// re-registered, so a compromised endpoint cannot forward alerts elsewhere.
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
    /// The host is resolved once, every address it resolves to is checked against the outbound
    /// address policy, and the connection goes to the checked address, so neither a name that
    /// points inward nor a second DNS answer (rebinding) reaches the operator's network.
    ///
    /// - Throws: ``Failure``; a refused destination says so, every other failure (name not
    ///   found, refused, reset, timed out, TLS) reads the same to the tenant.
    package func post(url: String, body: [UInt8], headers: [(String, String)]) async throws -> Int {
        let parts = try WebhookURL.parse(url)
        let timeout = self.timeout
        let destinations = self.destinations
        return try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                let address: SocketAddress
                do {
                    address = try await destinations.resolve(host: parts.host, port: parts.port)
                } catch is OutboundDestinationRefused {
                    throw Failure(
                        tenantMessage: "\(OutboundDestinationRefused.code): the webhook's host is an address this server may not connect to",
                        cause: "outbound address policy refused \(parts.host.prefix(253))")
                } catch {
                    throw Failure(tenantMessage: Failure.undelivered, cause: "\(error)")
                }
                return try await Self.send(parts, to: address, body: body, headers: headers, timeout: timeout)
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Failure(tenantMessage: Failure.undelivered, cause: "timeout after \(timeout)")
            }
            defer { group.cancelAll() }
            guard let status = try await group.next() else { throw Failure(tenantMessage: Failure.undelivered, cause: "no response") }
            return status
        }
    }

    private static func send(
        _ parts: WebhookURL.Parts, to address: SocketAddress, body: [UInt8], headers: [(String, String)], timeout: Duration
    ) async throws -> Int {
        let sslContext = parts.secure ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        // SNI carries host names only; an address literal is verified against the certificate's IP entries.
        let serverName = IPAddress(parts.host) == nil ? parts.host : nil
        let channel: NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.milliseconds(Int64(timeout.components.seconds * 1000)))
                .connect(to: address) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let sslContext {
                            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: serverName))
                        }
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw Failure(tenantMessage: Failure.undelivered, cause: "connection to \(address) failed: \(error)")
        }
        do {
            return try await channel.executeThenClose { inbound, outbound in
                var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: parts.target)
                let defaultPort = parts.secure ? 443 : 80
                let hostText = parts.host.contains(":") ? "[\(parts.host)]" : parts.host
                head.headers.add(name: "Host", value: parts.port == defaultPort ? hostText : "\(hostText):\(parts.port)")
                head.headers.add(name: "Content-Type", value: "application/json")
                head.headers.add(name: "Content-Length", value: String(body.count))
                head.headers.add(name: "Connection", value: "close")
                head.headers.add(name: "User-Agent", value: "rampart-webhook/1")
                for (name, value) in headers { head.headers.add(name: name, value: value) }
                try await outbound.write(.head(head))
                try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
                try await outbound.write(.end(nil))
                var status: Int?
                for try await part in inbound {
                    switch part {
                    case .head(let response):
                        // 1xx interim responses precede the real one.
                        if response.status.code >= 200 { status = Int(response.status.code) }
                    case .body:
                        continue
                    case .end:
                        if let status { return status }
                    }
                }
                guard let status else { throw Failure(tenantMessage: Failure.undelivered, cause: "connection closed without a response") }
                return status
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(tenantMessage: Failure.undelivered, cause: "exchange with \(address) failed: \(error)")
        }
    }
}
