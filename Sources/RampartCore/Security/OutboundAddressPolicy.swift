// SPDX-License-Identifier: Apache-2.0

/// Which addresses Rampart connects to on a tenant's behalf (OpenID Connect discovery, keys and
/// token exchange; PostgreSQL datasources).
///
/// A tenant-admin chooses those hosts, so without a check they could aim the server at what only
/// the server can reach: its own database, the cloud metadata service (169.254.169.254), the
/// operator's private network. Loopback, unspecified, link-local, private (RFC 1918, IPv6 ULA),
/// carrier-grade NAT, multicast and reserved addresses are refused, including when written as
/// IPv4-mapped, IPv4-compatible or NAT64 IPv6, unless a network of ``allowed`` (the operator's
/// `--outbound-allow` list) contains them.
///
/// The policy decides from addresses only; the caller resolves a host name once, checks every
/// address it resolves to (a name with one public and one private address is refused), and
/// connects to a checked address, so a second lookup cannot answer differently (DNS rebinding).
package struct OutboundAddressPolicy: Sendable, Equatable {
    /// Networks admitted even though they are internal.
    package var allowed: [IPNetwork]

    package init(allowing allowed: [IPNetwork] = []) { self.allowed = allowed }

    /// A policy from CIDR texts (`10.1.0.0/16`, `::1/128`).
    ///
    /// - Throws: ``InvalidCIDR`` naming the first entry that is not one.
    package init(allowing cidrs: [String]) throws(InvalidCIDR) {
        var networks: [IPNetwork] = []
        for cidr in cidrs { networks.append(try Self.network(cidr)) }
        self.allowed = networks
    }

    /// Parses `address/prefix`. The prefix is required (a bare address is ambiguous in a list
    /// meant for networks); host bits below the prefix are cleared.
    package static func network(_ text: String) throws(InvalidCIDR) -> IPNetwork {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(parts[0]), !parts[0].contains("%"), !parts[0].hasPrefix("["),
            (1...3).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let prefix = Int(parts[1])
        else { throw InvalidCIDR(text: text) }
        // An IPv4-mapped address is read as IPv4: its prefix counts the last 32 bits only.
        let isMapped = parts[0].contains(":")
        if case .v4 = address {
            let length = isMapped ? prefix - 96 : prefix
            guard (0...32).contains(length) else { throw InvalidCIDR(text: text) }
            return IPNetwork(containing: address, ipv4Prefix: length)
        }
        guard (0...128).contains(prefix) else { throw InvalidCIDR(text: text) }
        return IPNetwork(containing: address, ipv6Prefix: prefix)
    }

    /// Whether Rampart may connect to `address`.
    package func permits(_ address: IPAddress) -> Bool {
        !Self.isInternal(address) || allowed.contains { $0.contains(address) || Self.embeddedIPv4(address).map($0.contains) == true }
    }

    /// Checks every address a host resolved to.
    ///
    /// - Throws: ``OutboundDestinationRefused`` when there is none or one is not permitted.
    package func check(_ addresses: [IPAddress]) throws(OutboundDestinationRefused) {
        guard !addresses.isEmpty, addresses.allSatisfy(permits) else { throw OutboundDestinationRefused() }
    }

    /// Whether `address` is one only the server's own side of the network should reach.
    package static func isInternal(_ address: IPAddress) -> Bool {
        if let embedded = embeddedIPv4(address) { return isInternal(embedded) }
        if case .v4 = address { return internalIPv4.contains { $0.contains(address) } }
        return internalIPv6.contains { $0.contains(address) }
    }

    /// The IPv4 address an IPv6 address stands for: IPv4-mapped (`::ffff:a.b.c.d`, normally
    /// already read as IPv4 by ``IPAddress``), IPv4-compatible (`::a.b.c.d`, deprecated) and the
    /// NAT64 well-known prefix (`64:ff9b::a.b.c.d`).
    static func embeddedIPv4(_ address: IPAddress) -> IPAddress? {
        guard case .v6(let bytes) = address, bytes.count == 16 else { return nil }
        let head = Array(bytes[0..<12])
        let tail = bytes[12...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let mapped = Array(repeating: UInt8(0), count: 10) + [0xFF, 0xFF]
        let nat64: [UInt8] = [0x00, 0x64, 0xFF, 0x9B] + Array(repeating: 0, count: 8)
        let compatible = Array(repeating: UInt8(0), count: 12)
        // `::` and `::1` are IPv6's own unspecified and loopback addresses, not IPv4-compatible ones.
        if head == compatible && tail <= 1 { return nil }
        guard head == mapped || head == nat64 || head == compatible else { return nil }
        return .v4(tail)
    }

    private static func networks(_ list: [(String, Int)]) -> [IPNetwork] {
        list.compactMap { base, prefix in IPAddress(base).map { IPNetwork(containing: $0, ipv4Prefix: prefix, ipv6Prefix: prefix) } }
    }

    static let internalIPv4 = networks([
        ("0.0.0.0", 8),  // "this network", unspecified
        ("10.0.0.0", 8), ("172.16.0.0", 12), ("192.168.0.0", 16),  // RFC 1918
        ("100.64.0.0", 10),  // carrier-grade NAT (RFC 6598)
        ("127.0.0.0", 8),  // loopback
        ("169.254.0.0", 16),  // link-local, cloud metadata services
        ("192.0.0.0", 24),  // IETF protocol assignments
        ("198.18.0.0", 15),  // benchmarking
        ("224.0.0.0", 4),  // multicast
        ("240.0.0.0", 4),  // reserved, and the broadcast address
    ])

    static let internalIPv6 = networks([
        ("::", 128), ("::1", 128),  // unspecified, loopback
        ("fc00::", 7),  // unique local
        ("fe80::", 10),  // link-local
        ("fec0::", 10),  // site-local (deprecated, still routed inward by some networks)
        ("ff00::", 8),  // multicast
        ("100::", 64),  // discard-only
    ])

    /// A `--outbound-allow` entry that is not `address/prefix`.
    package struct InvalidCIDR: Error, Sendable, Equatable, CustomStringConvertible {
        package static let code = "invalid-cidr"
        package let text: String
        package init(text: String) { self.text = text }
        package var description: String { "\(Self.code): `\(text.prefix(64))` is not a network in CIDR notation (address/prefix)" }
    }
}
