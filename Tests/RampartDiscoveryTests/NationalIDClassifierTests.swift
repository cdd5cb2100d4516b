import Testing

@testable import RampartDiscovery

/// Each national id with published valid examples, failing checks, lengths off by one and
/// look-alikes of other formats.
@Suite struct NationalIDClassifierTests {
    static func classifier(_ dataClass: DataClass) -> NationalIDClassifier? {
        NationalIDClassifier.all.first { $0.dataClass == dataClass }
    }

    static let valid: [(DataClass, String)] = [
        (.ukNationalInsurance, "AB 12 34 56 C"), (.ukNationalInsurance, "JG103759A"), (.ukNationalInsurance, "ZX123456"),
        (.ukNHSNumber, "943 476 5919"), (.ukNHSNumber, "4010232137"),
        (.deTaxID, "86095742719"), (.deTaxID, "47 036 892 816"), (.deTaxID, "65929970489"),
        (.frNIR, "2 55 08 14 168 025 38"), (.frNIR, "255081416802538"), (.frNIR, "2 69 05 2A 004 123 14"),
        (.esDNI, "12345678Z"), (.esDNI, "12345678-Z"), (.esDNI, "X1234567L"), (.esDNI, "Y0000000Z"),
        (.itFiscalCode, "RSSMRA85T10A562S"), (.itFiscalCode, "MRTMTT91D08F205J"), (.itFiscalCode, "rssmra85t10a562s"),
        (.nlBSN, "111222333"), (.nlBSN, "123456782"), (.nlBSN, "1112.22.333"),
        (.brCPF, "529.982.247-25"), (.brCPF, "52998224725"),
        (.brCNPJ, "11.222.333/0001-81"), (.brCNPJ, "11444777000161"),
        (.inAadhaar, "2345 6789 0124"), (.inAadhaar, "234567890124"),
        (.inPAN, "ABCPE1234F"), (.inPAN, "AAACB1234C"),
        (.jpMyNumber, "123456789018"), (.jpMyNumber, "1234 5678 9018"),
        (.cnResidentID, "11010519491231002X"),
        (.krRRN, "900101-1234568"),
    ]

    static let lookalikes: [(DataClass, String)] = [
        (.ukNationalInsurance, "DA123456A"), (.ukNationalInsurance, "GB123456A"), (.ukNationalInsurance, "AB123456E"),
        (.ukNHSNumber, "943 476 5918"),
        (.deTaxID, "86095742718"), (.deTaxID, "01234567891"), (.deTaxID, "11234567891"), (.deTaxID, "12345678903"),
        (.frNIR, "2 55 08 14 168 025 39"), (.frNIR, "5 55 08 14 168 025 38"),
        (.esDNI, "12345678A"), (.esDNI, "X1234567A"),
        (.itFiscalCode, "RSSMRA85T10A562T"), (.itFiscalCode, "RSSMRA85Z10A562S"),
        (.nlBSN, "123456789"), (.nlBSN, "000000000"),
        (.brCPF, "529.982.247-24"), (.brCPF, "111.111.111-11"),
        (.brCNPJ, "11.222.333/0001-82"),
        (.inAadhaar, "2345 6789 0123"), (.inAadhaar, "1234 5678 9012"),
        (.inPAN, "ABCXE1234F"),
        (.jpMyNumber, "123456789012"),
        (.cnResidentID, "110105194912310021"), (.cnResidentID, "11010519491331002X"),
        (.krRRN, "901301-1234568"),
    ]

    /// Neither the class nor a look-alike of it: other shapes, off-by-one lengths, free text.
    static let unrelated: [(DataClass, String)] = [
        (.ukNationalInsurance, "AB 12 34 5 C"), (.ukNationalInsurance, "A1234567C"),
        (.ukNHSNumber, "943 476 591"), (.ukNHSNumber, "9434 7659 19"),
        (.deTaxID, "8609574271"), (.deTaxID, "860957427190"),
        (.frNIR, "2 55 08 14 168 025"),
        (.esDNI, "1234567Z"), (.esDNI, "123456789Z"),
        (.itFiscalCode, "RSSMRA85T10A562"), (.itFiscalCode, "RSSMRA8XT10A562S"),
        (.nlBSN, "11122233"), (.nlBSN, "1112223334"),
        (.brCPF, "529.982.247-2"), (.brCPF, "5299822472"),
        (.brCNPJ, "11.222.333/0001-8"),
        (.inAadhaar, "2345 6789 012"), (.inAadhaar, "23 4567 890124"),
        (.inPAN, "ABCPE12345"), (.inPAN, "ABCP1234F"),
        (.jpMyNumber, "12345678901"),
        (.cnResidentID, "11010519491231002"), (.cnResidentID, "11010519491231002Y"),
        (.krRRN, "900101-123456"),
        (.brCPF, "call 529.982.247-25 now"),
    ]

    @Test(arguments: valid)
    func accepts(_ dataClass: DataClass, _ value: String) throws {
        let classifier = try #require(Self.classifier(dataClass))
        #expect(strength(classifier, value) == .validated, "\(dataClass) \(value)")
    }

    @Test(arguments: lookalikes)
    func rejectsFailingChecks(_ dataClass: DataClass, _ value: String) throws {
        let classifier = try #require(Self.classifier(dataClass))
        #expect(strength(classifier, value) == .lookalike, "\(dataClass) \(value)")
    }

    @Test(arguments: unrelated)
    func ignoresOtherShapes(_ dataClass: DataClass, _ value: String) throws {
        let classifier = try #require(Self.classifier(dataClass))
        #expect(strength(classifier, value) == nil, "\(dataClass) \(value)")
    }

    @Test func koreanNumbersSince2020AreOnlyPlausible() throws {
        let classifier = try #require(Self.classifier(.krRRN))
        #expect(strength(classifier, "900101-1234567") == .plausible)
    }

    @Test func everyNationalIDHasOneClassifierAndIsBuiltin() {
        #expect(Set(NationalIDClassifier.all.map(\.dataClass)) == Set(DataClass.nationalIDs))
        #expect(NationalIDClassifier.all.count == DataClass.nationalIDs.count)
        let builtin = Set(BuiltinClassifiers.all.map(\.dataClass))
        #expect(DataClass.builtin.allSatisfy(builtin.contains))
    }

    @Test func verhoeffVectors() {
        #expect(Verhoeff.isValid([2, 3, 6, 3]))
        #expect(Verhoeff.isValid([1, 2, 3, 4, 5, 1]))
        #expect(!Verhoeff.isValid([2, 3, 6, 4]))
        #expect(!Verhoeff.isValid([1, 2, 3, 5, 4, 1]))  // adjacent transposition
    }

    @Test func columnOfCheckedIDsIsFoundAndRandomDigitsAreNot() {
        var r = EvalRandom(seed: 9)
        let bsns = (0..<60).map { _ in Optional(EvalIdentifiers.bsn(&r)) }
        #expect(classes("col_03", bsns).contains(.nlBSN))
        let random = (0..<60).map { _ in Optional(String(r.int(1...9)) + r.digits(8)) }
        #expect(!classes("col_03", random).contains(.nlBSN))
    }
}
