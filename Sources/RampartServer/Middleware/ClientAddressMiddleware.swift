// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import RampartApp
import RampartCore

extension HTTPField.Name {
    package static let xForwardedFor = Self("X-Forwarded-For")!
}

/// Resolves the client's address: the peer, unless the peer is a configured trusted proxy, in
/// which case the right-most `X-Forwarded-For` entry that is not itself a trusted proxy. Taking
/// the right-most untrusted entry (not the left-most) means a client cannot spoof its address by
/// sending its own header through the proxy.
package struct ClientAddressMiddleware: RouterMiddleware {
    package typealias Context = RampartRequestContext
    let trustedProxies: Set<String>

    package init(trustedProxies: Set<String>) { self.trustedProxies = trustedProxies }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !trustedProxies.isEmpty, let peer = context.sourceIP, trustedProxies.contains(peer) else {
            return try await next(request, context)
        }
        var context = context
        context.sourceIP = Self.clientAddress(forwardedFor: request.headers[values: .xForwardedFor], peer: peer, trusted: trustedProxies)
        return try await next(request, context)
    }

    package static func clientAddress(forwardedFor: [String], peer: String, trusted: Set<String>) -> String {
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { String($0).trimmingWhitespace() }
        for hop in hops.reversed() where !hop.isEmpty && !trusted.contains(hop) {
            return String(hop.prefix(64))
        }
        return peer
    }
}
