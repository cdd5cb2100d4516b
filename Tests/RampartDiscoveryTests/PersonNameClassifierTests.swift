import Testing

@testable import RampartDiscovery

@Suite struct PersonNameClassifierTests {
    @Test(arguments: [
        "Jane Smith", "James A. Smith", "Dr. Maria Garcia", "JOHN SMITH", "Smith, John", "SMITH/JOHN MR", "O'Brien",
        "Lukas Müller", "Anna van der Berg", "José de la Cruz", "Al-Sayed", "Min-jun Kim", "Priya", "Nguyen",
        "  Mary Johnson  ", "Chloé Dubois",
    ])
    func acceptsKnownNames(_ value: String) {
        #expect(strength(PersonNameClassifier(), value) == .validated)
    }

    @Test(arguments: ["Xylo Quandry", "Zebediah Quistorp"])
    func unknownButNameShapedIsPlausible(_ value: String) {
        #expect(strength(PersonNameClassifier(), value) == .plausible)
    }

    @Test(arguments: [
        "Smith Logistics Inc.", "Smith & Jones LLP", "Ergonomic Steel Chair", "Lakeside Analytics GmbH", "Austin",
        "New York", "Salt Lake City",
    ])
    func organisationsProductsAndPlacesAreLookalikes(_ value: String) {
        #expect(strength(PersonNameClassifier(), value) == .lookalike)
    }

    @Test(arguments: [
        "jane smith", "Cannot log in", "Gift wrap requested.", "pending", "USA", "E10001", "jane@example.com",
        "Mozilla/5.0 (X11; Linux x86_64)", "SKU-12345-BLK", "Frankfurt am Main", "QYA3KQ", "123 Main St",
    ])
    func rejects(_ value: String) {
        #expect(strength(PersonNameClassifier(), value) == nil)
    }

    @Test func companyColumnIsNotNames() {
        let companies: [String?] = ["Smith Logistics Inc.", "Garcia & Lee LLP", "Atlas Media", "Brown Holdings", "Blue Harbor Foods Ltd"]
        #expect(classes("col_04", companies + companies).isEmpty)
        #expect(classes("company_name", companies + companies).isEmpty)
    }
}
