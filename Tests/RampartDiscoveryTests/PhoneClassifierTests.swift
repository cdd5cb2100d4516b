import Testing

@testable import RampartDiscovery

@Suite struct PhoneClassifierTests {
    @Test(arguments: [
        "(415) 555-0134", "415-555-0134", "415.555.0134", "415 555 0134", "1-415-555-0134", "+1 415-555-0134",
        "+1 (415) 555-0134", "+14155550134", "+44 20 7946 0018", "+49 151 23456789", "+81 3-1234-5678",
        "0044 20 7946 0018", "+33 6 12 34 56 78", "+55 11 91234-5678", "Call me at (212) 555-0199, evenings.",
        "phone: +91 98765 43210",
    ])
    func acceptsValidated(_ value: String) {
        #expect(strength(PhoneClassifier(), value) == .validated)
    }

    @Test(arguments: ["020 7946 0018", "07123 456789", "030 12345678", "01 23 45 67 89", "03-1234-5678"])
    func acceptsTrunkFormsAsPlausible(_ value: String) {
        #expect(strength(PhoneClassifier(), value) == .plausible)
    }

    @Test(arguments: [
        "4155550134",  // bare digits: ids and timestamps far more often
        "123-45-6789", "012-34-5678",  // SSN grouping
        "4111 1111 1111 1111", "3782 822463 10005",  // cards
        "2024-01-05", "2024-01-05 12:34:56", "12-3456789", "1.2.3.4", "10.0.12.200",
        "+0 123 456 789", "555-0134", "order #123456789", "DE89 3704 0044 0532 0130 00", "ES91 2100 0418 4502 0005 1332",
        "+12", "1672531200",
    ])
    func rejects(_ value: String) {
        #expect(strength(PhoneClassifier(), value) == nil)
    }
}
