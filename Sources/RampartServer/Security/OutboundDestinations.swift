// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOCore
import NIOPosix
import RampartConnectors
import RampartCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves the hosts Rampart connects to on a tenant's behalf, once, and applies the
/// ``OutboundAddressPolicy`` to every address before anything is sent.
///
/// Callers connect to the returned ``SocketAddress`` (TLS still verifies the host name), so the
/// address checked is the address used.
package struct OutboundDestinations: Sendable {
    package var policy: OutboundAddressPolicy

    package init(policy: OutboundAddressPolicy) { self.policy = policy }

    /// The host name did not resolve.
    package struct Unresolved: Error, Sendable, CustomStringConvertible {
        package let host: String
        package var description: String { "cannot resolve host \(host.prefix(253))" }
    }

    /// The address to connect to for `host:port`.
    ///
    /// - Throws: ``OutboundDestinationRefused`` when any address of `host` is refused by the
    ///   policy (a literal address is checked as is); ``Unresolved`` when the name has none.
    package func resolve(host: String, port: Int) async throws -> SocketAddress {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if let literal = IPAddress(bare), !bare.contains("%") {
            try policy.check([literal])
            return try SocketAddress(ipAddress: literal.description, port: port)
        }
        guard (1...253).contains(bare.utf8.count), !bare.contains("%") else { throw Unresolved(host: bare) }
        let found = try await NIOThreadPool.singleton.runIfActive { try Self.lookup(bare, port: port) }
        let addresses = found.compactMap { $0.ipAddress.flatMap { IPAddress($0) } }
        guard let first = found.first, addresses.count == found.count else { throw Unresolved(host: bare) }
        try policy.check(addresses)
        return first
    }

    /// A resolver for datasource connectors: the checked address as text.
    package var connectorResolver: AddressResolver {
        { host, port throws(ConnectorError) in
            do {
                guard let address = try await resolve(host: host, port: port).ipAddress else {
                    throw ConnectorError(.dns, "cannot resolve host \(host)")
                }
                return address
            } catch is OutboundDestinationRefused {
                throw ConnectorError(
                    .destinationNotAllowed, "\(host.prefix(253)):\(port) is not an allowed destination (the server's outbound address policy)")
            } catch let error as ConnectorError {
                throw error
            } catch {
                throw ConnectorError(.dns, "cannot resolve host \(host.prefix(253))")
            }
        }
    }

    /// Every TCP address of `host` (blocking `getaddrinfo`, run on the thread pool).
    static func lookup(_ host: String, port: Int) throws -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let head = list else { throw Unresolved(host: host) }
        defer { freeaddrinfo(head) }
        var found: [SocketAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = head
        while let info = cursor {
            if let raw = info.pointee.ai_addr {
                switch info.pointee.ai_family {
                case AF_INET:
                    found.append(raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { SocketAddress($0.pointee, host: host) })
                case AF_INET6:
                    found.append(raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { SocketAddress($0.pointee, host: host) })
                default:
                    break
                }
            }
            cursor = info.pointee.ai_next
        }
        return found
    }
}
