import Foundation
import Testing

@testable import RampartDiscovery

@Suite struct DateOfBirthClassifierTests {
    @Test(arguments: [
        ("1986-05-03", 1986, 5, 3), ("1986/05/03", 1986, 5, 3), ("05/03/1986", 1986, 5, 3), ("25/12/1986", 1986, 12, 25),
        ("03.05.1986", 1986, 5, 3), ("3 May 1986", 1986, 5, 3), ("May 3, 1986", 1986, 5, 3), ("03MAY1986", 1986, 5, 3),
        ("3-May-1986", 1986, 5, 3), ("29 February 2000", 2000, 2, 29), ("September 9, 1999", 1999, 9, 9),
    ])
    func parsesDates(_ text: String, _ y: Int, _ m: Int, _ d: Int) {
        #expect(DateParser.parse(text) == DateParser.SimpleDate(year: y, month: m, day: d))
        #expect(strength(DateOfBirthClassifier(), text) == .plausible)
    }

    @Test(arguments: [
        "1986-13-03", "1986-02-30", "29 Feb 2001", "2024-01-05 12:34:56", "2024-01-05T12:34:56Z", "05/27", "12/2025",
        "1986", "86-05-03", "Sun 02:00-04:00 UTC", "3 Mayday 1986", "1.2.3.4",
    ])
    func rejects(_ text: String) {
        #expect(strength(DateOfBirthClassifier(), text) == nil)
    }

    /// Birth dates of an adult population, spread over 1940–2005.
    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        String(format: "%04d-%02d-%02d", y, m, d)
    }

    static let births: [String?] = (0..<300).map { (i: Int) -> String? in
        iso(1940 + (i * 37) % 66, 1 + i % 12, 1 + i % 28)
    }

    /// Event dates running up to the present (hires, signatures).
    static let events: [String?] = (0..<300).map { (i: Int) -> String? in
        iso(1995 + (i * 7) % 30, 1 + i % 12, 1 + i % 28)
    }

    @Test func adultPopulationIsBirthDates() {
        #expect(classes("col_07", Self.births) == [.dateOfBirth])
        #expect(classes("dob", Self.births) == [.dateOfBirth])
    }

    @Test func eventDatesAreNot() {
        #expect(classes("col_03", Self.events).isEmpty)
        #expect(classes("hire_date", Self.events).isEmpty)
    }

    @Test func eventNamesLowerConfidence() throws {
        let classifier = ColumnClassifier(configuration: .init(referenceDate: referenceDate))
        let neutral = try #require(classifier.classify(columnName: "col_07", values: Self.births).first)
        // Unmistakably adult ages override an event-like name, with less confidence.
        let named = try #require(classifier.classify(columnName: "signed_on", values: Self.births).first)
        #expect(named.confidence < neutral.confidence)
    }

    @Test func nameHintRelaxesAgeRules() {
        // Children's birth dates: not adult, but the name says what they are.
        let kids: [String?] = (0..<100).map { (i: Int) -> String? in Self.iso(2012 + i % 10, 6, 1 + i % 28) }
        #expect(classes("child_birth_date", kids) == [.dateOfBirth])
        #expect(classes("col_02", kids).isEmpty)
    }

    @Test func futureDatesAreNotBirthDates() {
        let future: [String?] = (0..<100).map { (i: Int) -> String? in Self.iso(2030 + i % 5, 1, 15) }
        #expect(classes("birth_date", future).isEmpty)
    }
}
