import Testing

@testable import RampartDiscovery

@Suite struct PassportClassifierTests {
    @Test(arguments: ["A12345678", "E12345678", "EA1234567", "J1234567", "PA1234567", "AB123456", "XDA123456", "12AB34567", "C01X00T47"])
    func acceptsNationalFormats(_ value: String) {
        #expect(strength(PassportClassifier(), value) == .validated)
    }

    @Test(arguments: ["123456789", "NXC12AB34"])
    func ambiguousFormsArePlausible(_ value: String) {
        #expect(strength(PassportClassifier(), value) == .plausible)
    }

    @Test(arguments: ["QYA3KQ", "E10001", "DEUTDEFF", "DEUTDEFFXXX", "1Z999AA10123456784", "SKU-12345", "USA", "12345678", "a12345678"])
    func rejects(_ value: String) {
        #expect(strength(PassportClassifier(), value) == nil)
    }

    @Test func bareNineDigitColumnsNeedAName() {
        let ids: [String?] = (0..<200).map { String(100_000_000 + $0 * 4_321_987) }
        #expect(!classes("col_03", ids).contains(.passport))
        #expect(classes("passport_no", ids).contains(.passport))
    }
}
