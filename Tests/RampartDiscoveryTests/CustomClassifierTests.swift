import Foundation
import Testing

@testable import RampartDiscovery

@Suite struct CustomClassifierTests {
    @Test func decodesAndCompiles() throws {
        let json = """
            {"dataClass": "employee_id", "pattern": "E-[0-9]{6}", "columnNameHints": ["employee", "emp"], "minPrevalence": 0.2}
            """
        let definition = try JSONDecoder().decode(CustomClassifierDefinition.self, from: Data(json.utf8))
        let classifier = try definition.compile()
        #expect(classifier.dataClass == DataClass("EMPLOYEE_ID"))
        #expect(holds(classifier, "E-123456"))
        #expect(!holds(classifier, "E-12345"))
        #expect(!holds(classifier, "xE-123456"))
        let values: [String?] = (0..<20).map { "E-\(100_000 + $0)" }
        let result = ColumnClassifier(classifiers: BuiltinClassifiers.all + [classifier]).classify(columnName: "emp", values: values)
        #expect(result.map(\.dataClass) == [DataClass("EMPLOYEE_ID")])
    }

    @Test func validatorTurnsFailuresIntoLookalikes() throws {
        let classifier = try CustomClassifierDefinition(dataClass: "LOYALTY_CARD", pattern: "[0-9]{12}", validator: "luhn").compile()
        #expect(strength(classifier, "000000000000") == .validated)
        #expect(strength(classifier, "000000000001") == .lookalike)
    }

    @Test func containsModeFindsInsideText() throws {
        let classifier = try CustomClassifierDefinition(
            dataClass: "ACCOUNT", pattern: "[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", validator: "iban", match: .contains
        ).compile()
        let match = try #require(classifier.classify("pay to GB29NWBK60161331926819 today"))
        #expect(match.strength == .validated)
        #expect(match.byteRange == 7..<29)
        #expect(classifier.classify("pay to GB29NWBK60161331926818 today") == nil)
    }

    @Test(arguments: ["(a", "a)", "[a-", "a{2,1}", "(?=a)", "(?<=a)b", "(a)\\1", "a**", "*a", "a{1001}", "x\\b", "(a{1000}){1000}"])
    func rejectsUnsupportedPatterns(_ pattern: String) {
        #expect(throws: DiscoveryError.self) { try SafePattern(pattern) }
    }

    @Test func rejectsBadDefinitions() {
        #expect(throws: DiscoveryError.self) { try CustomClassifierDefinition(dataClass: "", pattern: "a").compile() }
        #expect(throws: DiscoveryError.self) { try CustomClassifierDefinition(dataClass: "X", pattern: "a", validator: "nope").compile() }
        #expect(throws: DiscoveryError.self) { try CustomClassifierDefinition(dataClass: "X", pattern: "a", minPrevalence: 2).compile() }
        do {
            _ = try CustomClassifierDefinition(dataClass: "X", pattern: "a", validator: "nope").compile()
        } catch {
            #expect(error.code == .unknownValidator)
        }
    }

    @Test(arguments: [
        ("a|b", "b", true), ("colou?r", "color", true), ("[^0-9]+", "abc", true), ("[^0-9]+", "ab1", false),
        ("\\d{3}-\\d{2}", "123-45", true), ("(ab)*c", "ababc", true), ("(ab)*c", "abac", false), ("x.y", "x\ny", false),
        ("[a-z]+@[a-z]+\\.com", "jo@ex.com", true), ("^abc$", "abc", true), ("a{2,}", "aaaa", true), ("a{2,}", "a", false),
    ])
    func patternSemantics(_ pattern: String, _ text: String, _ expected: Bool) throws {
        #expect(try SafePattern(pattern).matchesWhole(text) == expected)
    }

    @Test func caseInsensitive() throws {
        #expect(try SafePattern("abc[d-f]", caseInsensitive: true).matchesWhole("ABcE"))
        #expect(try !SafePattern("abc", caseInsensitive: false).matchesWhole("ABC"))
    }

    @Test func findsLeftmostLongest() throws {
        let p = try SafePattern("[0-9]+")
        #expect(p.firstMatch(in: "ab 123 45") == 3..<6)
    }

    @Test func catastrophicPatternsRunInLinearTime() throws {
        let evil = try SafePattern("(a+)+$")
        let input = String(repeating: "a", count: 5000) + "b"
        let elapsed = seconds { #expect(evil.firstMatch(in: input) == nil) }
        #expect(elapsed < 5)
        let nested = try SafePattern("(a|aa)*c")
        let nestedElapsed = seconds { #expect(!nested.matchesWhole(String(repeating: "a", count: 5000))) }
        #expect(nestedElapsed < 5)
    }

    @Test func namedValidators() {
        #expect(NamedValidator.named("LUHN")?.validate("4111 1111 1111 1111") == true)
        #expect(NamedValidator.mod97.validate("GB29NWBK60161331926819"))
        #expect(NamedValidator.iban.validate("GB29 NWBK 6016 1331 9268 19"))
        #expect(NamedValidator.usSSN.validate("123-45-6789"))
        #expect(!NamedValidator.usSSN.validate("666-45-6789"))
        #expect(NamedValidator.ip.validate("::1"))
        #expect(NamedValidator.date.validate("2024-02-29"))
        #expect(!NamedValidator.date.validate("2023-02-29"))
    }
}
