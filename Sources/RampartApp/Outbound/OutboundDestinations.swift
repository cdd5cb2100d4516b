// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOCore
import NIOPosix
import RampartConnectors
import RampartCore
import Synchronization

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
    /// How long resolving a name may take, waiting for a resolver thread included.
    package var lookupTimeout: Duration
    /// Every TCP address of a name; `getaddrinfo` by default (tests put a slow one here).
    package var lookup: @Sendable (_ host: String, _ port: Int) throws -> [SocketAddress]

    package init(policy: OutboundAddressPolicy, lookupTimeout: Duration = .seconds(5)) {
        self.policy = policy
        self.lookupTimeout = lookupTimeout
        self.lookup = Self.systemLookup
    }

    /// Where names are resolved. `getaddrinfo` blocks its thread for as long as the name's servers
    /// take (with the resolver's retries, half a minute), and a tenant-admin chooses the names:
    /// on NIO's shared pool a few slow names would hold the threads file I/O needs.
    package static let resolverThreads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 4)
        pool.start()
        return pool
    }()

    /// The host name did not resolve.
    package struct Unresolved: Error, Sendable, CustomStringConvertible {
        package let host: String
        package var description: String { "cannot resolve host \(host.prefix(253))" }
    }

    /// The host name did not resolve within ``OutboundDestinations/lookupTimeout``.
    package struct LookupTimedOut: Error, Sendable, CustomStringConvertible {
        package let host: String
        package let timeout: Duration
        package var description: String { "cannot resolve host \(host.prefix(253)) within \(timeout.components.seconds) s" }
    }

    /// The address to connect to for `host:port`.
    ///
    /// - Throws: ``OutboundDestinationRefused`` when any address of `host` is refused by the
    ///   policy (a literal address is checked as is); ``Unresolved`` when the name has none;
    ///   ``LookupTimedOut`` when resolving takes longer than ``lookupTimeout``.
    package func resolve(host: String, port: Int) async throws -> SocketAddress {
        // NIO narrows the port to 16 bits with a trapping conversion: a URL's port is any digits.
        guard (1...65535).contains(port) else { throw Unresolved(host: host) }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if let literal = IPAddress(bare), !bare.contains("%") {
            try policy.check([literal])
            return try SocketAddress(ipAddress: literal.description, port: port)
        }
        guard (1...253).contains(bare.utf8.count), !bare.contains("%") else { throw Unresolved(host: bare) }
        let found = try await boundedLookup(bare, port: port)
        let addresses = found.compactMap { $0.ipAddress.flatMap { IPAddress($0) } }
        guard let first = found.first, addresses.count == found.count else { throw Unresolved(host: bare) }
        try policy.check(addresses)
        return first
    }

    /// Runs ``lookup`` on ``resolverThreads`` and gives up after ``lookupTimeout``.
    ///
    /// A blocked `getaddrinfo` cannot be cancelled, and a task group would wait for it, so the
    /// lookup and the deadline race in two unstructured tasks and the first to finish answers;
    /// a lookup that loses goes on holding its resolver thread until `getaddrinfo` returns.
    private func boundedLookup(_ host: String, port: Int) async throws -> [SocketAddress] {
        let lookup = self.lookup
        let timeout = lookupTimeout
        let first = FirstAnswer()
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[SocketAddress], any Error>) in
            let timer = Task {
                do { try await Task.sleep(for: timeout) } catch { return }
                if first.claim() { continuation.resume(throwing: LookupTimedOut(host: host, timeout: timeout)) }
            }
            Task {
                let result: Result<[SocketAddress], any Error>
                do {
                    result = .success(try await Self.resolverThreads.runIfActive { try lookup(host, port) })
                } catch {
                    result = .failure(error)
                }
                if first.claim() { continuation.resume(with: result) }
                timer.cancel()
            }
        }
    }

    /// Lets the first of two racing tasks answer.
    private final class FirstAnswer: Sendable {
        private let taken = Mutex(false)

        package func claim() -> Bool {
            taken.withLock { taken in
                defer { taken = true }
                return !taken
            }
        }
    }

    /// A resolver for datasource connectors: the checked address as text.
    package var connectorResolver: AddressResolver {
        { host, port throws(ConnectorError) in
            do {
                guard let address = try await resolve(host: host, port: port).ipAddress else {
                    throw ConnectorError(.dns, "cannot resolve host \(host)")
                }
                return address
            } catch let timedOut as LookupTimedOut {
                throw ConnectorError(.dns, timedOut.description)
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

    /// Every TCP address of `host` (blocking `getaddrinfo`, run on ``resolverThreads``).
    package static func systemLookup(_ host: String, port: Int) throws -> [SocketAddress] {
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
