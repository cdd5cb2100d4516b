import Testing

@testable import RampartDiscovery

@Suite struct IBANClassifierTests {
    @Test(arguments: [
        "DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "GB29NWBK60161331926819", "GB29 NWBK 6016 1331 9268 19",
        "FR1420041010050500013M02606", "NL91ABNA0417164300", "NO9386011117947", "BE68539007547034",
        "Please pay to CH9300762011623852957 by Friday.", "gb29 nwbk 6016 1331 9268 19",
    ])
    func accepts(_ value: String) {
        #expect(strength(IBANClassifier(), value) == .validated)
    }

    @Test(arguments: ["DE89370400440532013001", "GB28NWBK60161331926819"])
    func badCheckDigitsAreLookalikes(_ value: String) {
        #expect(strength(IBANClassifier(), value) == .lookalike)
    }

    @Test(arguments: [
        "DE8937040044053201300", "DE893704004405320130000", "XX89370400440532013000", "DE98ZZZ09999999999",
        "NL72ZZZ123456780000", "DEUTDEFFXXX", "DE89-3704-0044-0532-0130-00",
    ])
    func rejects(_ value: String) {
        #expect(strength(IBANClassifier(), value) == nil)
    }

    @Test func registryCheck() {
        #expect(IBANRegistry.isValid("DE89 3704 0044 0532 0130 00"))
        #expect(!IBANRegistry.isValid("DE89 3704 0044 0532 0130 01"))
        #expect(IBANRegistry.lengths["DE"] == 22)
    }
}
