import Testing

@testable import RampartDiscovery

@Suite struct IPAddressClassifierTests {
    @Test(arguments: [
        "192.168.1.10", "8.8.8.8", "0.0.0.0", "255.255.255.255", "10.0.0.1:8080", "203.0.113.0/24",
        "2001:db8::1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::1", "fe80::1ff:fe23:4567:890a", "[2001:db8::1]:443",
        "::ffff:192.0.2.128", "user=jdoe action=login src=198.51.100.23", "client_ip=2a01:4f8:1c17::1, ok",
    ])
    func accepts(_ value: String) {
        #expect(strength(IPAddressClassifier(), value) == .validated)
    }

    @Test(arguments: ["1.4.22", "3.12.40.300", "2.1.0-rc1", "01.02.03.04", "1.2.3.4.5"])
    func dottedNumbersThatAreNotAddressesAreLookalikes(_ value: String) {
        #expect(strength(IPAddressClassifier(), value) == .lookalike)
    }

    @Test(arguments: [
        "aa:bb:cc:dd:ee:ff", "AA-BB-CC-DD-EE-FF", "12:34:56", "2024-01-05T12:34:56Z", "1:2:3:4:5:6:7:8:9",
        "2001:db8:::1", "2001:db8::1::2", "12345::1", "since version 3.12.5 it fails", "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    ])
    func rejects(_ value: String) {
        #expect(strength(IPAddressClassifier(), value) == nil)
    }

    @Test func parser() {
        #expect(IPAddressParser.isIPv4("127.0.0.1"))
        #expect(!IPAddressParser.isIPv4("256.0.0.1"))
        #expect(IPAddressParser.isIPv6("1:2:3:4:5:6:7:8"))
        #expect(IPAddressParser.isIPv6("1::"))
        #expect(!IPAddressParser.isIPv6("1:2:3:4:5:6:7:8:9"))
        #expect(!IPAddressParser.isIPv6(":1"))
    }
}
