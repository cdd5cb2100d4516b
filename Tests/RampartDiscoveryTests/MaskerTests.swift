import Testing

@testable import RampartDiscovery

@Suite struct MaskerTests {
    @Test(arguments: [
        ("jane.doe@example.com", DataClass.email, "j***@example.com"),
        ("4111 1111 1111 1234", .creditCard, "**** **** **** 1234"),
        ("4111-1111-1111-1234", .creditCard, "****-****-****-1234"),
        ("123-45-6789", .usSSN, "***-**-6789"),
        ("(415) 555-0134", .phone, "(***) ***-**34"),
        ("DE89 3704 0044 0532 0130 00", .iban, "DE** **** **** **** **30 00"),
        ("203.0.113.9", .ipAddress, "203.0.*.*"),
        ("Jane Smith", .personName, "J*** S****"),
        ("742 Evergreen Terrace", .streetAddress, "*** E******** T******"),
        ("A12345678", .passport, "*******78"),
        ("ghp_abcdefghijklmnopqrstuvwxyz0123456789", .secret, "ghp_********"),
    ])
    func masks(_ value: String, _ dataClass: DataClass, _ expected: String) {
        #expect(Masker.mask(value, as: dataClass) == expected)
    }

    @Test func neverReturnsTheValueAndStaysShort() {
        let pem = "-----BEGIN RSA PRIVATE KEY-----\n" + String(repeating: "A", count: 2000) + "\n-----END RSA PRIVATE KEY-----"
        let masked = Masker.mask(pem, as: .secret)
        #expect(masked.count <= Masker.maxLength)
        #expect(masked.hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
        #expect(!masked.contains("AAAA"))
        for dataClass in DataClass.builtin {
            #expect(Masker.mask("secret-value-12345", as: dataClass) != "secret-value-12345")
        }
    }
}
