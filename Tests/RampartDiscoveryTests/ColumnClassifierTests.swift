import Foundation
import Testing

@testable import RampartDiscovery

@Suite struct ColumnClassifierTests {
    @Test func mixedContactColumnHoldsBothClasses() {
        let values: [String?] = (0..<100).map { i in
            i % 2 == 0 ? "user\(i)@example.com" : "(415) 555-\(String(1000 + i))"
        }
        #expect(Set(classes("c_contact", values)) == [.email, .phone])
    }

    @Test func prevalenceBelowThresholdIsNotLabelled() {
        // 3 % of notes hold a phone number: under the 10 % rule.
        let values: [String?] = (0..<200).map { i in i % 33 == 0 ? "Call (415) 555-0199 on arrival." : "Leave at back door." }
        #expect(classes("notes", values).isEmpty)
        // 30 % of ticket bodies hold an e-mail address: over it.
        let bodies: [String?] = (0..<200).map { i in i % 10 < 3 ? "My email is jane\(i)@example.com" : "The app crashes." }
        #expect(classes("body", bodies) == [.email])
    }

    @Test func nullsAndBlanksAreNotCounted() {
        let values: [String?] = [nil, "", "   ", "jane@example.com", nil, "john@example.org"]
        let result = ColumnClassifier().classify(columnName: "x", values: values)
        #expect(result.first?.dataClass == .email)
        #expect(result.first?.sampledCount == 2)
        #expect(result.first?.prevalence == 1)
    }

    @Test func luhnFailingOrderNumbersAreNotCards() {
        // Random 16-digit numbers: about a tenth pass Luhn by chance, the rest are look-alikes.
        var rng = SplitMix64(seed: 7)
        let values: [String?] = (0..<500).map { _ in "4" + String((0..<15).map { _ in Character(String(rng.next() % 10)) }) }
        #expect(!classes("col_01", values).contains(.creditCard))
    }

    @Test func versionNumbersAreNotAddresses() {
        var rng = SplitMix64(seed: 3)
        let values: [String?] = (0..<300).map { i in
            let base = "\(1 + rng.next() % 20).\(rng.next() % 16).\(rng.next() % 41)"
            return i % 10 < 7 ? base + ".\(rng.next() % 301)" : base
        }
        #expect(!classes("col_02", values).contains(.ipAddress))
    }

    @Test func randomNineDigitIdsAreNotSSNs() {
        var rng = SplitMix64(seed: 11)
        let values: [String?] = (0..<1000).map { _ in String(100_000_000 + rng.next() % 900_000_000) }
        #expect(classes("col_09", values).isEmpty)
    }

    @Test func columnNamesAreHintsNotEvidence() {
        let words: [String?] = ["alpha", "beta", "gamma", "delta"]
        #expect(classes("email", words).isEmpty)
        #expect(classes("ssn", words).isEmpty)
        #expect(classes("credit_card_number", words).isEmpty)
    }

    @Test func hintsSplitNames() {
        #expect(ColumnNameHints.words(of: "shipTo_Address2") == ["ship", "to", "address"])
        #expect(ColumnNameHints.words(of: "customer.date_of_birth") == ["customer", "date", "of", "birth"])
        let hints = DateOfBirthClassifier().nameHints
        #expect(hints.hint(for: "date_of_birth") == .positive)
        #expect(hints.hint(for: "DOB") == .positive)
        #expect(hints.hint(for: "hired_on") == .negative)
        #expect(hints.hint(for: "col_01") == .none)
        #expect(PersonNameClassifier().nameHints.hint(for: "company_name") == .negative)
    }

    @Test func reportsConfidenceAndPrevalence() throws {
        let values: [String?] = (0..<50).map { $0 % 5 == 0 ? "4000 0000 0000 1111" : "4111 1111 1111 1111" }
        // 80 % valid cards; 20 % fail Luhn (look-alikes), which lowers confidence.
        let result = ColumnClassifier().classify(columnName: "pan", values: values)
        let card = try #require(result.first { $0.dataClass == .creditCard })
        #expect(card.prevalence == 0.8)
        #expect(card.confidence > 0 && card.confidence < 1)
        #expect(card.matchedCount == 40)
        #expect(card.maskedSamples.allSatisfy { $0.hasSuffix("1111") && $0.hasPrefix("****") })
    }
}

@Suite struct ColumnPolicyTests {
    @Test func plausibleOnlyEvidenceNeedsEnoughSamples() {
        var e = ColumnEvidence(dataClass: .usSSN)
        e.nonEmptyCount = 20
        e.plausibleCount = 20
        let policy = SSNClassifier().columnPolicy
        #expect(policy.verdict(for: e, hint: .none) == nil, "20 random ids pass SSN ranges by chance too often")
        #expect(policy.verdict(for: e, hint: .positive) != nil)
        e.nonEmptyCount = 100
        e.plausibleCount = 100
        #expect(policy.verdict(for: e, hint: .none) != nil)
        e.lookalikeCount = 5
        #expect(policy.verdict(for: e, hint: .none) == nil, "5 % out-of-range values: random ids, not SSNs")
    }

    @Test func negativeHintRaisesTheBar() {
        var e = ColumnEvidence(dataClass: .email)
        e.nonEmptyCount = 100
        e.validatedCount = 20
        #expect(ColumnPolicy().verdict(for: e, hint: .none) != nil)
        #expect(ColumnPolicy().verdict(for: e, hint: .negative) == nil)
        e.validatedCount = 6
        #expect(ColumnPolicy().verdict(for: e, hint: .none) == nil)
        #expect(ColumnPolicy().verdict(for: e, hint: .positive) != nil)
    }
}
