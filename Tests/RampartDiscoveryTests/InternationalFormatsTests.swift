import Testing

@testable import RampartDiscovery

/// The non-English formats discovery learnt for issue 25: national phone numbers checked against
/// numbering plans, card issuer ranges, build numbers beside addresses, names and addresses in
/// other scripts, and name columns the lists only partly know.
@Suite struct InternationalFormatsTests {
    @Test(arguments: [
        "612 345 678", "912 345 678", "91 234 56 78",  // Spain: no trunk prefix
        "333 123 4567", "06 1234 5678",  // Italy
        "138 1234 5678", "13812345678", "010-12345678",  // China
        "090-1234-5678", "03-1234-5678", "(03)1234-5678", "0120-123-456", "08012345678",  // Japan
        "02-123-4567", "010-1234-5678", "01012345678",  // Korea
        "(11) 91234-5678", "(31) 3123-4567",  // Brazil
        "0664 1234567", "22 123 45 67",  // Austria, Poland
    ])
    func nationalNumbersFitAPlan(_ value: String) {
        #expect(strength(PhoneClassifier(), value) == .plausible, "\(value)")
    }

    @Test(arguments: [
        "123.456.789.012",  // a Brazilian state registration, one number
        "15.01.1985", "2024-01-05 12:34", "05.01.2024 12:30",  // dates
        "12345678", "23456789012",  // bare digits outside mobile ranges
        "1234 5678 9012",  // twelve digits grouped in fours
    ])
    func nationalLookAlikesAreNotPhones(_ value: String) {
        #expect(strength(PhoneClassifier(), value) == nil, "\(value)")
    }

    @Test func internationalNumbersAreCheckedAgainstTheirPlan() {
        #expect(strength(PhoneClassifier(), "+34 612 345 678") == .validated)
        #expect(strength(PhoneClassifier(), "+33 (0)6 12 34 56 78") == .validated)
        // France has nine-digit national numbers: eleven is shaped like a phone, no more.
        #expect(strength(PhoneClassifier(), "+33 6 12 34 56 78 90") == .plausible)
    }

    @Test func numberingPlansCoverFortyCountries() {
        #expect(Set(NumberingPlans.all.map(\.region)).count >= 40)
        #expect(NumberingPlans.byCallingCode[81]?.first?.region == "JP")
    }

    @Test(arguments: ["73282932000074", "552 100 554 00013", "44306184100047", "41783424500017"])
    func luhnValidSIRETNumbersAreNotCards(_ value: String) {
        #expect(Luhn.isValid(value))
        #expect(strength(CreditCardClassifier(), value) == .lookalike, "\(value)")
    }

    /// A SIRET starting with 36 is in Diners Club's range and passes Luhn, so one value alone is
    /// a card number; the column of SIRETs around it is not.
    @Test func aColumnOfSIRETNumbersIsNotACardColumn() {
        var r = EvalRandom(seed: 8)
        let sirets = (0..<80).map { _ in Optional(EvalIdentifiers.siret(&r)) }
        #expect(!classes("col_02", sirets).contains(.creditCard))
        #expect(strength(CreditCardClassifier(), "36252187900035") == .validated)  // a SIRET alone in Diners' range
    }

    @Test func issuerRanges() {
        #expect(CardIssuerRanges.isIssued("4111111111111111"))
        #expect(CardIssuerRanges.isIssued("30569309025904"))  // Diners, 14 digits
        #expect(CardIssuerRanges.isIssued("6759649826438453"))  // Maestro UK
        #expect(!CardIssuerRanges.isIssued("41111111111111"))  // Visa has no 14-digit numbers
        #expect(!CardIssuerRanges.isIssued("7328293200007"))  // no brand issues 7…
        #expect(!CardIssuerRanges.isIssued("5912345678901234"))  // 59 is no brand's range
    }

    @Test func buildNumberColumnsAreNotIPColumns() {
        var r = EvalRandom(seed: 3)
        let builds = (0..<60).map { _ in Optional("\(r.int(1...9)).\(r.int(0...40)).\(r.int(0...20)).\(r.int(0...60))") }
        #expect(!classes("col_01", builds).contains(.ipAddress))
        let hosts = (0..<60).map { _ in Optional("10.\(r.int(0...255)).\(r.int(0...255)).\(r.int(1...254))") }
        #expect(classes("col_01", hosts).contains(.ipAddress))
        let smallNetwork = (0..<60).map { _ in Optional("10.0.0.\(r.int(1...60))") }
        #expect(classes("col_01", smallNetwork).contains(.ipAddress))
        let resolvers = (0..<60).map { _ in Optional(r.pick(["8.8.8.8", "1.1.1.1", "9.9.9.9", "8.8.4.4"])) }
        #expect(classes("col_01", resolvers).contains(.ipAddress))
        // Named like a build, even addresses are not taken for hosts.
        #expect(!classes("build_version", hosts).contains(.ipAddress))
    }

    @Test(arguments: [
        "山田 太郎", "山田太郎", "佐々木 さくら", "ヤマダ タロウ", "やまだ はなこ", "王伟", "欧阳子涵", "김민준", "남궁민수",
        "Иван Петров", "Müller", "محمد علي", "राहुल शर्मा",
    ])
    func namesInOtherScripts(_ value: String) {
        #expect(strength(PersonNameClassifier(), value) == .validated, "\(value)")
    }

    @Test(arguments: ["株式会社山田商事", "東京都", "北京", "서울", "삼성전자 주식회사", "高速公路", "金属加工"])
    func organisationsAndPlacesInOtherScriptsAreNotNames(_ value: String) {
        #expect(strength(PersonNameClassifier(), value) == .lookalike || strength(PersonNameClassifier(), value) == nil, "\(value)")
    }

    @Test(arguments: [
        "〒100-0001 東京都千代田区千代田1-1", "大阪府大阪市北区梅田3丁目1番3号", "〒150-0002\n東京都渋谷区渋谷2-21-1",
        "北京市朝阳区建国路88号", "四川省成都市武侯区人民南路四段12号", "서울특별시 강남구 테헤란로 152", "대구광역시 중구 동성로2길 80",
        "ул. Тверская, д. 7, кв. 12", "ul. Marszałkowska 10/12\n00-026 Warszawa", "Atatürk Cad. No: 12 D: 5",
        "Mariahilfer Straße 12/3\n1060 Wien", "No. 42, 2nd Main, Indiranagar", "Strada Victoriei 12", "12/3, Gandhi Nagar, Chennai 600017",
        "R. Augusta, 1500 - Consolação", "V.le Europa 5", "Kerkstraat 12-A",
    ])
    func addressesOfMoreCountries(_ value: String) {
        #expect(strength(StreetAddressClassifier(), value) == .validated, "\(value)")
    }

    @Test(arguments: ["東京都千代田区", "〒100-0001", "北京市朝阳区", "서울특별시 강남구", "1985年4月12日", "Москва, 125009"])
    func placesWithoutStreetOrBlockAreNotAddresses(_ value: String) {
        #expect(strength(StreetAddressClassifier(), value) == nil, "\(value)")
    }

    @Test func aColumnOfUnlistedFamilyNamesIsFoundByItsName() {
        var r = EvalRandom(seed: 5)
        let surnames = ["Pichler", "Wallner", "Aigner", "Lechner", "Holzer", "Stadler", "Ebner", "Koller", "Reiter", "Auer", "Binder", "Brunner"]
        let column = (0..<80).map { _ in Optional(r.pick(surnames)) }
        #expect(classes("Familienname", column).contains(.personName))
        // A column of a few capitalised words is a category, whatever its name.
        let departments = (0..<80).map { _ in Optional(r.pick(["Finance", "Sales", "Production", "Logistics"])) }
        #expect(!classes("department_name", departments).contains(.personName))
        #expect(!classes("col_04", departments).contains(.personName))
    }

    @Test(arguments: [
        ("1985年4月12日", 1985, 4, 12), ("1985年04月12日", 1985, 4, 12), ("1985년 4월 12일", 1985, 4, 12), ("12. März 1985", 1985, 3, 12),
        ("12 avril 1985", 1985, 4, 12), ("12 de abril de 1985", 1985, 4, 12), ("3 dicembre 1979", 1979, 12, 3), ("7 mei 2001", 2001, 5, 7),
        ("Dez 3, 1979", 1979, 12, 3),
    ])
    func datesInOtherLanguages(_ text: String, _ year: Int, _ month: Int, _ day: Int) {
        let date = DateParser.parse(text)
        #expect(date?.year == year && date?.month == month && date?.day == day, "\(text)")
    }

    @Test(arguments: ["1985年13月12日", "1985年4月", "12 de xyz de 1985", "第3四半期"])
    func notDates(_ text: String) {
        #expect(DateParser.parse(text) == nil, "\(text)")
    }

    @Test(arguments: ["Brzęczyszczykiewicz", "Wiśniewska", "Kravchenko", "Petrović", "Ionescu", "Papadopoulos", "Hovhannisyan", "Gudmundsson"])
    func familyNamesKnownByTheirEnding(_ value: String) {
        #expect(strength(PersonNameClassifier(), value) == .validated, "\(value)")
    }

    @Test(arguments: ["Ski", "Nova", "Asian", "Indian", "Italian", "Technician", "Boyan"])
    func shortWordsWithThoseEndingsAreNot(_ value: String) {
        #expect(strength(PersonNameClassifier(), value) != .validated || GivenNames.all.contains(value.lowercased()), "\(value)")
    }
}
