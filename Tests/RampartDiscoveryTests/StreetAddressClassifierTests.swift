import Testing

@testable import RampartDiscovery

@Suite struct StreetAddressClassifierTests {
    @Test(arguments: [
        "1600 Pennsylvania Ave NW", "742 Evergreen Terrace", "9248 Madison St, Apt 344, Austin, TX 78769",
        "1234 N Martin Luther King Jr Blvd", "221B Baker Street", "12 High Road, London SW1 2AB", "Hauptstraße 12a",
        "Berliner Straße 5, 10115 Berlin", "Friedrich-Ebert-Straße 120", "32 bis boulevard de la République, 13459 Marseille",
        "12 rue de la Paix", "Calle Mayor 5, 3º A, 28013 Madrid", "Gran Vía 28", "Keizersgracht 263, 1016 ED Amsterdam",
        "Acme Corp\nAttn: Accounts Payable\n55 Water St\nNew York, NY 10041", "Acme GmbH\\nLindenallee 4\\n50667 Köln",
    ])
    func accepts(_ value: String) {
        #expect(strength(StreetAddressClassifier(), value) == .validated)
    }

    @Test(arguments: [
        "Austin", "SW1A 1AA", "10115", "New York, NY 10041", "Use dock door 4.", "Deliver after 5pm.",
        "Please place 2 orders", "Promo code SPRING24 applied.", "Since updating to version 3.12.5 it fails",
        "Dr. James Smith", "Apt 5", "Suite 100", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
    ])
    func rejects(_ value: String) {
        #expect(strength(StreetAddressClassifier(), value) == nil)
    }
}
