import Testing

@testable import RampartDiscovery

@Suite struct CreditCardClassifierTests {
    @Test(arguments: [
        "4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5555555555554444", "2223003122003222",
        "378282246310005", "3782 822463 10005", "6011111111111117", "3530111333300000", "30569309025904",
        "3056 930902 5904", "Customer read card 5105 1051 0510 5100 over the phone, exp 05/27.",
    ])
    func accepts(_ value: String) {
        #expect(strength(CreditCardClassifier(), value) == .validated)
    }

    @Test(arguments: ["4111111111111112", "5555 5555 5555 4445", "8234567890123456"])
    func luhnFailureIsLookalike(_ value: String) {
        #expect(strength(CreditCardClassifier(), value) == .lookalike)
    }

    @Test(arguments: [
        "**** **** **** 1111", "XXXX-XXXX-XXXX-1111", "411111******1111", "1111", "41111111111", "4111 11 1111 1111 1111",
        "+4915112345678", "DE89 3704 0044 0532 0130 00", "order 4111111111111112 shipped", "9400111202555842761234",
        "1Z999AA10123456784",
    ])
    func rejects(_ value: String) {
        #expect(strength(CreditCardClassifier(), value) == nil)
    }

    @Test func luhnValidator() {
        #expect(Luhn.isValid("79927398713"))
        #expect(!Luhn.isValid("79927398710"))
    }
}
