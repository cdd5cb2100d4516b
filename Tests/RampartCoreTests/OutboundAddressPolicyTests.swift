// SPDX-License-Identifier: Apache-2.0

import RampartCore
import Testing

/// Which resolved addresses Rampart may connect to on a tenant's behalf.
@Suite struct OutboundAddressPolicyTests {
    static func address(_ text: String) throws -> IPAddress { try #require(IPAddress(text), "\(text)") }

    @Test func internalIPv4AddressesAreRefused() throws {
        let policy = OutboundAddressPolicy()
        for text in [
            "127.0.0.1", "127.255.255.254", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
            "169.254.0.1", "100.64.0.1", "100.127.255.255", "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1",
        ] {
            #expect(!policy.permits(try Self.address(text)), "\(text)")
        }
        for text in ["8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1", "192.169.0.1", "93.184.216.34"] {
            #expect(policy.permits(try Self.address(text)), "\(text)")
        }
    }

    @Test func internalIPv6AddressesAreRefused() throws {
        let policy = OutboundAddressPolicy()
        for text in ["::1", "::", "fc00::1", "fd12:3456:789a::1", "fe80::1", "febf::1", "ff02::1", "fec0::1", "[::1]", "fe80::1%eth0"] {
            #expect(!policy.permits(try Self.address(text)), "\(text)")
        }
        for text in ["2001:4860:4860::8888", "2606:4700:4700::1111", "2001:db8::1"] {
            #expect(policy.permits(try Self.address(text)), "\(text)")
        }
    }

    @Test func ipv4InsideIPv6IsJudgedAsIPv4() throws {
        let policy = OutboundAddressPolicy()
        // Mapped, compatible and NAT64 forms of internal IPv4 addresses.
        for text in [
            "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::10.0.0.1", "64:ff9b::7f00:1",
        ] {
            #expect(!policy.permits(try Self.address(text)), "\(text)")
        }
        for text in ["::ffff:8.8.8.8", "64:ff9b::808:808"] {
            #expect(policy.permits(try Self.address(text)), "\(text)")
        }
    }

    @Test func theAllowListAdmitsOnlyItsNetworks() throws {
        let policy = try OutboundAddressPolicy(allowing: ["127.0.0.0/8", "::1/128", "10.20.0.0/16", " fd00:1::/32 "])
        for text in ["127.0.0.1", "127.9.9.9", "::1", "::ffff:127.0.0.1", "10.20.30.40", "fd00:1:ffff::1", "64:ff9b::a14:1"] {
            #expect(policy.permits(try Self.address(text)), "\(text)")
        }
        for text in ["10.21.0.1", "192.168.0.1", "169.254.169.254", "fd00:2::1", "fe80::1"] {
            #expect(!policy.permits(try Self.address(text)), "\(text)")
        }
        // Host bits below the prefix are cleared; an IPv4-mapped CIDR counts the last 32 bits.
        #expect(try OutboundAddressPolicy.network("10.20.30.40/16").description == "10.20.0.0/16")
        #expect(try OutboundAddressPolicy.network("::ffff:192.168.0.0/112").description == "192.168.0.0/16")
        #expect(try OutboundAddressPolicy.network("0.0.0.0/0").contains(try Self.address("10.0.0.1")))
    }

    @Test func malformedCIDRsAreErrors() {
        for text in [
            "", "10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0/8", "abc/8", "::1/129", "::1/1x",
            "[::1]/128", "fe80::1%eth0/64", "10.0.0.0/0008", "localhost/32", "::ffff:10.0.0.0/95",
        ] {
            #expect(throws: OutboundAddressPolicy.InvalidCIDR.self, "\(text)") { try OutboundAddressPolicy.network(text) }
        }
        #expect(throws: OutboundAddressPolicy.InvalidCIDR(text: "nope")) { try OutboundAddressPolicy(allowing: ["127.0.0.0/8", "nope"]) }
        #expect(OutboundAddressPolicy.InvalidCIDR(text: "nope").description.hasPrefix("invalid-cidr"))
    }

    @Test func everyAddressOfAHostMustPass() throws {
        let policy = OutboundAddressPolicy()
        try policy.check([try Self.address("8.8.8.8"), try Self.address("2001:4860:4860::8888")])
        // One internal answer among public ones refuses the host; so does no answer at all.
        #expect(throws: OutboundDestinationRefused()) { try policy.check([try Self.address("8.8.8.8"), try Self.address("10.0.0.1")]) }
        #expect(throws: OutboundDestinationRefused()) { try policy.check([]) }
        #expect(OutboundDestinationRefused.code == "destination-not-allowed")
    }
}
