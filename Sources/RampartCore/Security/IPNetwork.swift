// SPDX-License-Identifier: Apache-2.0

/// The network an address belongs to, for the "login from a new network" signal and for
/// throttling.
///
/// A user's address changes often within one network (DHCP, mobile carriers, IPv6 privacy
/// addresses), so the signal compares networks rather than addresses: /24 for IPv4 and /48 for
/// IPv6, the usual size of one site's allocation.
package struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    package let address: IPAddress
    package let prefixLength: Int

    /// The IPv4 prefix used by ``init(containing:)``.
    package static let defaultIPv4Prefix = 24
    /// The IPv6 prefix used by ``init(containing:)``.
    package static let defaultIPv6Prefix = 48

    /// The network of `address` with the given prefix lengths; host bits are cleared.
    package init(containing address: IPAddress, ipv4Prefix: Int = defaultIPv4Prefix, ipv6Prefix: Int = defaultIPv6Prefix) {
        switch address {
        case .v4(let value):
            let prefix = min(max(ipv4Prefix, 0), 32)
            let mask: UInt32 = prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix)
            self.address = .v4(value & mask)
            self.prefixLength = prefix
        case .v6(let bytes):
            let prefix = min(max(ipv6Prefix, 0), 128)
            var masked = bytes
            for index in 0..<16 {
                let bitsKept = min(max(prefix - index * 8, 0), 8)
                masked[index] &= bitsKept == 0 ? 0 : UInt8(0xFF) << UInt8(8 - bitsKept)
            }
            self.address = .v6(masked)
            self.prefixLength = prefix
        }
    }

    /// Parses an address and returns its network, or `nil` for text that is not an address.
    package init?(containing text: some StringProtocol, ipv4Prefix: Int = defaultIPv4Prefix, ipv6Prefix: Int = defaultIPv6Prefix) {
        guard let address = IPAddress(text) else { return nil }
        self.init(containing: address, ipv4Prefix: ipv4Prefix, ipv6Prefix: ipv6Prefix)
    }

    /// Whether `other` lies in this network.
    package func contains(_ other: IPAddress) -> Bool {
        switch (address, other) {
        case (.v4, .v4), (.v6, .v6):
            return IPNetwork(containing: other, ipv4Prefix: prefixLength, ipv6Prefix: prefixLength) == self
        default:
            return false
        }
    }

    /// CIDR notation, e.g. `203.0.113.0/24` or `2001:db8:1::/48`: a stable key for storage.
    package var description: String { "\(address)/\(prefixLength)" }
}
