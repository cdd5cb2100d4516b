// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import RampartCore

/// A small HTTP/1.1 client for the few calls Rampart makes to other servers: OpenID Connect
/// discovery, JWKS and the token endpoint.
///
/// One request per connection (`Connection: close`), no redirects (an identity provider's
/// metadata does not move, and following redirects would let a configured URL reach anywhere),
/// bounded response size and time. HTTPS verifies the certificate chain and host name against the
/// system trust roots. With ``destinations`` set, internal addresses are refused
/// (``OutboundDestinationRefused``) before any connection is made.
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

    package init(destinations: OutboundDestinations? = nil) { self.destinations = destinations }

    package func get(_ url: String, headers: [(String, String)] = []) async throws -> Response {
        try await send(.GET, url, headers: headers, body: nil)
    }

    /// POSTs `form` as `application/x-www-form-urlencoded`.
    package func postForm(_ url: String, form: [(String, String)], headers: [(String, String)] = []) async throws -> Response {
        let body = FormEncoding.encode(form)
        return try await send(.POST, url, headers: headers + [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
    }

    package func send(_ method: HTTPMethod, _ url: String, headers: [(String, String)], body: [UInt8]?) async throws -> Response {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { throw RampartError(.badRequest, "not an http(s) URL: \(url.prefix(200))") }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        let bareHost = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        var target = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { target += "?" + query }
        let defaultPort = (scheme == "https" && port == 443) || (scheme == "http" && port == 80)
        let authority = (host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host) + (defaultPort ? "" : ":\(port)")

        let sslContext = scheme == "https" ? try NIOSSLContext(configuration: tlsConfiguration) : nil
        let serverName = Self.isIPAddress(bareHost) ? nil : bareHost
        let group = MultiThreadedEventLoopGroup.singleton
        let eventLoop = group.next()
        let promise = eventLoop.makePromise(of: Response.self)
        let limit = maximumResponseSize
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: sslContext, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(ResponseCollector(promise: promise, limit: limit))
                }
            }
        let channel: any Channel
        do {
            if let destinations {
                // Connect to the address that was checked; SNI and certificate verification
                // still use the host name (`serverName`).
                let address = try await destinations.resolve(host: bareHost, port: port)
                channel = try await bootstrap.connect(to: address).get()
            } else {
                channel = try await bootstrap.connect(host: bareHost, port: port).get()
            }
        } catch let refused as OutboundDestinationRefused {
            promise.fail(refused)
            throw refused
        } catch {
            promise.fail(error)
            throw RampartError(.unavailable, "cannot connect to \(authority): \(error)")
        }
        let deadline = eventLoop.scheduleTask(in: timeout) {
            promise.fail(RampartError(.unavailable, "\(authority) did not answer within \(timeout.nanoseconds / 1_000_000_000) s"))
            channel.close(promise: nil)
        }
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: target)
        head.headers.add(name: "Host", value: authority)
        head.headers.add(name: "User-Agent", value: "rampart")
        head.headers.add(name: "Accept", value: "application/json")
        head.headers.add(name: "Connection", value: "close")
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        if let body { head.headers.add(name: "Content-Length", value: String(body.count)) }
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        if let body { channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil) }
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        defer {
            deadline.cancel()
            channel.close(promise: nil)
        }
        return try await promise.futureResult.get()
    }

    package static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }
}

/// Collects one HTTP response, failing when it grows past `limit` or the connection ends early.
private final class ResponseCollector: ChannelInboundHandler, RemovableChannelHandler {
    package typealias InboundIn = HTTPClientResponsePart

    private let promise: EventLoopPromise<OutboundHTTPClient.Response>
    private let limit: Int
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []

    package init(promise: EventLoopPromise<OutboundHTTPClient.Response>, limit: Int) {
        self.promise = promise
        self.limit = limit
    }

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body(let buffer):
            guard body.count + buffer.readableBytes <= limit else {
                promise.fail(RampartError(.unavailable, "response larger than \(limit) bytes"))
                context.close(promise: nil)
                return
            }
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let head else { return }
            promise.succeed(
                OutboundHTTPClient.Response(status: Int(head.status.code), headers: head.headers.map { ($0.name, $0.value) }, body: body))
        }
    }

    package func channelInactive(context: ChannelHandlerContext) {
        promise.fail(RampartError(.unavailable, "the connection closed before the response was complete"))
        context.fireChannelInactive()
    }

    package func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
        context.close(promise: nil)
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
