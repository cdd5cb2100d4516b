// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import RampartCore

@Suite("IP addresses and networks")
struct IPNetworkTests {
    @Test(arguments: [
        ("192.0.2.1", "192.0.2.1"), ("0.0.0.0", "0.0.0.0"), ("255.255.255.255", "255.255.255.255"),
        ("2001:db8::1", "2001:db8::1"), ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"), ("::", "::"), ("::1", "::1"),
        ("1::", "1::"), ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"), ("2001:0db8:0000:0001:0000:0000:0000:0001", "2001:db8:0:1::1"),
        ("fe80::1%eth0", "fe80::1"), ("[2001:db8::2]", "2001:db8::2"), ("::ffff:192.0.2.1", "192.0.2.1"),
        ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"), ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2:3:4:5:6"),
        ("1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0"),
    ])
    func parsesAndCanonicalises(input: String, canonical: String) throws {
        let address = try #require(IPAddress(input))
        #expect(address.description == canonical)
    }

    @Test(arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "1..2.3", "a.b.c.d", "1.2.3.4 ",
        "1:2:3:4:5:6:7:8:9", "1::2::3", ":::", "12345::", "g::1", "1:2:3:4:5:6:7", "::1.2.3", "1.2.3.4::",
        "2001:db8::1.2.3.4.5", "1:2:3:4:5:6:7:8::",
    ])
    func rejectsMalformed(input: String) {
        #expect(IPAddress(input) == nil)
    }

    @Test func ipv4NetworksAreSlash24() throws {
        let network = try #require(IPNetwork(containing: "198.51.100.77"))
        #expect(network.description == "198.51.100.0/24")
        #expect(network == IPNetwork(containing: "198.51.100.1"))
        #expect(network != IPNetwork(containing: "198.51.101.1"))
        #expect(network.contains(try #require(IPAddress("198.51.100.255"))))
        #expect(!network.contains(try #require(IPAddress("2001:db8::1"))))
        #expect(IPNetwork(containing: "::ffff:198.51.100.9") == network)
    }

    @Test func ipv6NetworksAreSlash48() throws {
        let network = try #require(IPNetwork(containing: "2001:db8:abcd:12:3456::1"))
        #expect(network.description == "2001:db8:abcd::/48")
        #expect(network == IPNetwork(containing: "2001:db8:abcd:ffff::9"))
        #expect(network != IPNetwork(containing: "2001:db8:abce::1"))
    }

    @Test func otherPrefixLengthsMaskPartialBytes() throws {
        #expect(IPNetwork(containing: "2001:db8:abcd:1234::1", ipv6Prefix: 52)?.description == "2001:db8:abcd:1000::/52")
        #expect(IPNetwork(containing: "203.0.113.200", ipv4Prefix: 25)?.description == "203.0.113.128/25")
        #expect(IPNetwork(containing: "203.0.113.200", ipv4Prefix: 0)?.description == "0.0.0.0/0")
        #expect(IPNetwork(containing: "203.0.113.200", ipv4Prefix: 32)?.description == "203.0.113.200/32")
        #expect(IPNetwork(containing: "not an address") == nil)
    }
}
