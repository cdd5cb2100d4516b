import Testing

@testable import RampartDiscovery

@Suite struct SSNClassifierTests {
    @Test(arguments: ["123-45-6789", "001-01-0001", "899 99 9999", "SSN on file: 536-90-4399.", "078-05-1121"])
    func acceptsDelimited(_ value: String) {
        #expect(strength(SSNClassifier(), value) == .validated)
    }

    @Test(arguments: ["123456789", " 536904399 "])
    func bareDigitsArePlausible(_ value: String) {
        #expect(strength(SSNClassifier(), value) == .plausible)
    }

    @Test(arguments: ["000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "987654321"])
    func outOfRangeIsLookalike(_ value: String) {
        #expect(strength(SSNClassifier(), value) == .lookalike)
    }

    @Test(arguments: ["12-3456789", "123-456-789", "1234-56-789", "123-45-67890", "123-45 6789", "phone 415-555-0134", "12345678"])
    func rejects(_ value: String) {
        #expect(strength(SSNClassifier(), value) == nil)
    }
}
