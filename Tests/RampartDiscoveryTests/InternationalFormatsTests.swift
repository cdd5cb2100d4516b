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
        // Rare Austrian surnames that no list holds (the common ones are listed now).
        let surnames = [
            "Pfandlbauer", "Zechmeister", "Kirchsteiger", "Untersberger", "Hinterholzer", "Raffelsberger", "Grafenauer", "Stockhammer",
            "Mitterlehner", "Oberhuber", "Wimmleitner", "Scharinger",
        ]
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

    @Test(arguments: [("7. 3. 1985", 1985, 3, 7), ("07. 03. 1985", 1985, 3, 7), ("19850307", 1985, 3, 7), ("20230228", 2023, 2, 28)])
    func czechAndCompactDates(_ text: String, _ year: Int, _ month: Int, _ day: Int) {
        let date = DateParser.parse(text, basicForm: true)
        #expect(date?.year == year && date?.month == month && date?.day == day, "\(text)")
    }

    /// Eight bare digits are a date only where a column of birth dates is being judged, not for
    /// a custom classifier's `date` validator.
    @Test func theBasicFormIsADateOnlyWhenAsked() {
        #expect(DateParser.parse("19850307") == nil)
        #expect(DateParser.parse("19850307", basicForm: true) != nil)
        #expect(DateParser.parse("12345678", basicForm: true) == nil)
    }

    /// Patients include children: without a column name, dates reaching age zero are birth
    /// dates when the median is adult and they span generations; hire dates are not.
    @Test func birthDatesOfAllAgesWithoutAName() {
        var r = EvalRandom(seed: 9)
        let patients = (0..<120).map { _ in Optional("\(r.int(1932...2023))-0\(r.int(1...9))-1\(r.int(0...9))") }
        #expect(classes("col_03", patients).contains(.dateOfBirth))
        let hires = (0..<120).map { _ in Optional("\(r.int(1994...2024))-0\(r.int(1...9))-1\(r.int(0...9))") }
        #expect(!classes("col_03", hires).contains(.dateOfBirth))
        #expect(classes("datum_narození", patients).contains(.dateOfBirth))
        #expect(classes("födelsedatum", patients).contains(.dateOfBirth))
    }

    /// Ids an organisation gives out look like passport or National Insurance numbers, but
    /// all start with the same letters; real ones vary.
    @Test func houseIdsWithOneSharedPrefixAreNotPassportsOrNINOs() {
        var r = EvalRandom(seed: 4)
        let patientIDs = (0..<60).map { _ in Optional("PZ\(r.digits(7))") }
        #expect(!classes("col_01", patientIDs).contains(.passport))
        let passports = (0..<60).map { _ in Optional("\(r.pick(["YA", "YB", "AA", "TK", "MZ", "K", "P"]))\(r.digits(7))") }
        #expect(classes("col_01", passports).contains(.passport))
        #expect(classes("passport_no", (0..<60).map { _ in Optional("PA\(r.digits(7))") }).contains(.passport))
        // One shared letter is how some countries' passports all start (China `E`).
        let chinesePassports = (0..<60).map { _ in Optional("E\(r.digits(8))") }
        #expect(classes("col_01", chinesePassports).contains(.passport))
        let employeeIDs = (0..<60).map { _ in Optional("JP\(r.digits(6))") }
        #expect(!classes("col_02", employeeIDs).contains(.ukNationalInsurance))
        let ninos = (0..<60).map { _ in Optional("\(r.pick(["AB", "CE", "JR", "KA", "PX", "SN", "WK"]))\(r.digits(6))\(r.pick(["A", "B", "C", "D"]))")
        }
        #expect(classes("col_02", ninos).contains(.ukNationalInsurance))
    }

    @Test(arguments: [
        "Lavalle 1234\nC1414BDB Palermo, CABA", "Av. Corrientes 5500, Piso 3 Dto. B\nC1414BDB Palermo, CABA",
        "Vinohradská 1896/48, 120 00 Praha 2", "Národní 12\n110 00 Praha 1", "3-12-5 Jingumae, Shibuya-ku, Tokyo 150-0001",
        "Aoba Heights 203, 2-4-11 Nishi-Shinjuku\nShinjuku-ku, Tokyo\n160-0023",
    ])
    func streetsWithoutAStreetWordBesideAPostcode(_ value: String) {
        #expect(strength(StreetAddressClassifier(), value) == .validated, "\(value)")
    }

    @Test(arguments: ["Invoice 2024, Total 1234 EUR", "Version 3 build 1234, released 2024", "Room 12, Level 3", "Order 1234\nShipped 2024"])
    func numbersBesideWordsAreNotAddresses(_ value: String) {
        #expect(strength(StreetAddressClassifier(), value) == nil, "\(value)")
    }

    /// A column of towns is not a column of names, even where towns are named like people; a
    /// column of given names keeps the few that are also towns (`Florence`, `Victoria`).
    @Test func townsAreNotNames() {
        var r = EvalRandom(seed: 6)
        let towns = [
            "Palermo", "Belgrano", "Caballito", "Vicente López", "San Isidro", "La Plata", "Mar del Plata", "Bahía Blanca", "Ramos Mejía",
            "Córdoba", "Río Cuarto", "Rosario", "Santa Fe", "Mendoza", "Salta", "Neuquén", "Paraná", "Posadas", "Comodoro Rivadavia",
            "San Miguel de Tucumán",
        ]
        #expect(!classes("col_05", (0..<120).map { _ in Optional(r.pick(towns)) }).contains(.personName))
        let given = [
            "Florence", "Victoria", "Margaret", "Helen", "Alice", "Dorothy", "Ruth", "Elizabeth", "Grace", "Edith", "Irene", "Olive",
            "Louise", "Agnes", "Mabel", "Beatrice",
        ]
        #expect(classes("col_05", (0..<120).map { _ in Optional(r.pick(given)) }).contains(.personName))
    }

    @Test(arguments: ["1985年13月12日", "1985年4月", "12 de xyz de 1985", "第3四半期", "12345678", "20231399", "2023-1-"])
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
