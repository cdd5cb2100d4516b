import Foundation

@testable import RampartDiscovery

/// A fourth corpus, written like a third outside evaluator's independent set: never tuned on,
/// with its own name, street and city lists (common names mixed with medium-rare real ones,
/// written without looking at the classifiers' lexicons or the other corpora), one business
/// table per locale (HR, hotel guests, CRM, claims, patients, orders, KYC, enrolment,
/// suppliers, members, customers) and unlabelled look-alike columns in every table: cities,
/// companies named after people, departments, job titles, products, SKUs, prefixed order and
/// claim numbers, amounts, build numbers, recent dates, postcodes, countries, statuses,
/// notes, EAN-13 barcodes, IMEI-like Luhn numbers and host names.
///
/// Labels are what a careful reviewer would give: given-name-only and family-name-only columns
/// are PERSON_NAME, street lines and whole postal addresses are STREET_ADDRESS, cities and
/// postcodes alone have no class, company e-mail boxes are EMAIL, only birth dates are
/// DATE_OF_BIRTH.
enum ThirdHeldOutCorpus: EvalLabels {
    typealias I = EvalIdentifiers
    typealias D = ThirdHeldOutData

    static func tables(seed: UInt64, rows: Int = 160) -> [EvalTable] {
        var r = EvalRandom(seed: seed ^ 0x3C1E)
        return [
            germanStaff(&r, rows), austrianGuests(&r, rows), frenchContacts(&r, rows), italianClaims(&r, rows), spanishPatients(&r, rows),
            mexicanOrders(&r, rows), colombianKYC(&r, rows), portugueseEnrolment(&r, rows), brazilianSuppliers(&r, rows),
            dutchCustomers(&r, rows), britishIrishStaff(&r, rows), australianCustomers(&r, rows),
            indianKYC(&r, rows), americanClaims(&r, rows), japaneseMembers(&r, rows),
            chineseCustomers(&r, rows), koreanCustomers(&r, rows), polishEmployees(&r, rows), turkishCustomers(&r, rows),
        ]
    }
}

// MARK: - Shared helpers

/// The third held-out corpus's own data: name, street and city lists per locale, and the format
/// helpers only it uses (the common ones are ``EvalFormats`` and ``EvalIdentifiers``).
enum ThirdHeldOutData {
    typealias I = EvalIdentifiers

    /// `mm/dd/yyyy` with a year in `years`.
    static func mdy(_ r: inout EvalRandom, _ years: ClosedRange<Int>) -> String {
        let (y, m, d) = EvalFormats.ymd(&r, years)
        return "\(I.format2(m))/\(I.format2(d))/\(y)"
    }

    /// `yyyy<sep>mm<sep>dd` with a year in `years`.
    static func ymdString(_ r: inout EvalRandom, _ years: ClosedRange<Int>, _ separator: String) -> String {
        let (y, m, d) = EvalFormats.ymd(&r, years)
        return "\(y)\(separator)\(I.format2(m))\(separator)\(I.format2(d))"
    }

    /// `yyyy年m月d日` with a year in `years`.
    static func cjkDate(_ r: inout EvalRandom, _ years: ClosedRange<Int>) -> String {
        let (y, m, d) = EvalFormats.ymd(&r, years)
        return "\(y)年\(m)月\(d)日"
    }

    /// A name folded to lower-case ASCII for an e-mail local part (`germanStyle`: ä → ae).
    static func ascii(_ s: String, germanStyle: Bool = false) -> String {
        var special: [Character: String] = [
            "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "ae", "œ": "oe", "ı": "i", "đ": "d", "İ": "i",
        ]
        if germanStyle {
            for (k, v) in [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "ae"), ("Ö", "oe"), ("Ü", "ue")] { special[Character(k)] = v }
        }
        var out = ""
        for ch in s {
            if let rep = special[ch] { out += rep } else { out.append(ch) }
        }
        let kept = out.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "." || $0 == "-")
        }
        return String(String.UnicodeScalarView(kept)).lowercased()
    }

    /// `local@domain`, sometimes with a number after the local part.
    static func mail(_ local: String, _ domains: [String], _ r: inout EvalRandom) -> String {
        "\(local)\(r.chance(0.25) ? String(r.int(1...99)) : "")@\(r.pick(domains))"
    }

    /// An e-mail address built from a person's names, in one of the usual local-part patterns.
    static func mailbox(
        _ given: String, _ family: String, _ domains: [String], _ r: inout EvalRandom,
        germanStyle: Bool = false
    ) -> String {
        let g = ascii(given, germanStyle: germanStyle)
        let f = ascii(family, germanStyle: germanStyle)
        let local: String
        switch r.int(0...5) {
        case 0, 1: local = "\(g).\(f)"
        case 2: local = "\(g.prefix(1)).\(f)"
        case 3: local = "\(f)\(g.prefix(1))"
        case 4: local = "\(g)_\(f)"
        default: local = "\(g)\(f)"
        }
        return mail(local, domains, &r)
    }

    /// A random amount in `range` with its cents: `thousands` between groups, `decimal` before cents.
    static func amount(_ r: inout EvalRandom, _ range: ClosedRange<Int>, _ thousandsSeparator: String, _ decimal: String) -> String {
        "\(EvalFormats.thousands(r.int(range), thousandsSeparator))\(decimal)\(I.format2(r.int(0...99)))"
    }

    /// An IBAN printed compact or, more often, in groups of four.
    static func printed(_ iban: String, _ r: inout EvalRandom) -> String {
        r.chance(0.35) ? iban : I.group(iban, Array(repeating: 4, count: (iban.count - 1) / 4), " ")
    }

    /// A 15-digit IMEI (type allocation code, serial, Luhn check digit).
    static func imei(_ r: inout EvalRandom) -> String {
        let tac = r.pick(["35", "35", "86", "01", "49"]) + r.digits(6)
        let full = I.luhnComplete(tac + r.digits(6))
        return r.chance(0.2) ? I.group(full, [2, 6, 6, 1], "-") : full
    }

    /// A four-part build number such as `4.2.10.7` or `12.0.3.2871`.
    static func version(_ r: inout EvalRandom) -> String {
        let build = r.chance(0.5) ? r.int(0...60) : r.int(100...9999)
        return "\(r.int(1...14)).\(r.int(0...12)).\(r.int(0...40)).\(build)"
    }

    /// A public-looking IPv4 address starting with one of `firsts`.
    static func ipv4(_ firsts: [Int], _ r: inout EvalRandom) -> String {
        "\(r.pick(firsts)).\(r.int(0...255)).\(r.int(0...255)).\(r.int(1...254))"
    }

    /// An IPv6 address under `prefix` (e.g. `2806:2f0`), compressed or in full.
    static func ipv6(_ prefix: String, _ r: inout EvalRandom) -> String {
        let hex = Array("0123456789abcdef")
        func group(_ r: inout EvalRandom) -> String {
            let n = r.int(1...4)
            var s = String(r.pick(Array("123456789abcdef")))
            for _ in 1..<n { s.append(r.pick(hex)) }
            return s
        }
        var tail: [String] = []
        for _ in 0..<4 { tail.append(group(&r)) }
        if r.chance(0.5) { return "\(prefix)::\(tail.joined(separator: ":"))" }
        let parts = prefix.split(separator: ":").map(String.init)
        var middle: [String] = []
        for _ in 0..<(4 - parts.count) { middle.append(group(&r)) }
        return (parts + middle + tail).joined(separator: ":")
    }

    /// A host name: role, two-digit index, environment and `domain`.
    static func host(_ domain: String, _ r: inout EvalRandom) -> String {
        let role = r.pick(["web", "app", "api", "db", "batch", "edge", "cache", "mq", "etl", "sftp"])
        let env = r.pick(["prod", "prod", "stg", "dev", "dr"])
        return "\(role)-\(I.format2(r.int(1...24))).\(env).\(domain)"
    }
}

// MARK: - Germany: HR master data

extension ThirdHeldOutCorpus {
    static func germanStaff(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "PERSONALSTAMM", locale: "de-DE", rows: rows, &r,
            [
                ColumnSpec("PERSNR", missing: 0) { r in "P-\(r.int(10000...68999))" },
                ColumnSpec("NACHNAME", name, missing: 0.01) { r in r.pick(D.germanFamily) },
                ColumnSpec("Vorname", name, missing: 0.01) { r in r.pick(D.germanGiven) },
                ColumnSpec("GEB_DATUM", dob, missing: 0.03) { r in EvalFormats.dmy(&r, 1959...2004, ".") },
                ColumnSpec("Strasse_HausNr", address) { r in D.germanStreet(&r) },
                ColumnSpec("PLZ") { r in I.format4(r.int(1067...9999)) + String(r.int(0...9)) },
                ColumnSpec("Wohnort") { r in r.pick(D.germanCities) },
                ColumnSpec("Tel_privat", phone, missing: 0.2) { r in D.germanPhone(&r) },
                ColumnSpec("E_Mail", email, missing: 0.02) { r in
                    D.mailbox(
                        r.pick(D.germanGiven), r.pick(D.germanFamily), ["kessler-technik.de", "stadtwerke-rheinaue.de"], &r,
                        germanStyle: true)
                },
                ColumnSpec("IBAN", iban, missing: 0.04) { r in D.printed(I.ibanCompact("DE", r.pick(D.germanBLZ) + r.digits(10)), &r) },
                ColumnSpec("STEUER_ID", ["DE_TAX_ID"], missing: 0.05) { r in I.germanTaxID(&r) },
                ColumnSpec("StKl", missing: 0.05) { r in String(r.pick([1, 1, 1, 3, 4, 4, 5, 2])) },
                ColumnSpec("Krankenkasse") { r in r.pick(D.germanInsurers) },
                ColumnSpec("Abteilung") { r in r.pick(D.germanDepartments) },
                ColumnSpec("Stellenbezeichnung") { r in r.pick(D.germanJobs) },
                ColumnSpec("Eintritt", missing: 0.01) { r in EvalFormats.dmy(&r, 1998...2025, ".") },
                ColumnSpec("Kostenstelle") { r in "KST-\(r.pick([4100, 4110, 4200, 4350, 5100, 5120, 6000, 7300]))" },
                ColumnSpec("Gehalt_brutto") { r in "\(D.amount(&r, 2300...9800, ".", ","))\(r.chance(0.7) ? " €" : " EUR")" },
                ColumnSpec("Vorheriger_Arbeitgeber", missing: 0.3) { r in r.pick(D.germanCompanies) },
            ])
    }
}

extension ThirdHeldOutData {
    static let germanFamily = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter",
        "Klein", "Wolf", "Neumann", "Zimmermann", "Krüger", "Hartmann", "Lange", "Brandt", "Haas", "Kühn", "Vogel", "Engel", "Pohl",
        "Ziegler", "Seidel", "Brinkmann", "Dietrich", "Kessler", "Oswald", "Rieger", "Thiele", "Voigt", "Hagedorn", "Steinbach",
    ]
    static let germanGiven = [
        "Lukas", "Jonas", "Stefan", "Andreas", "Thomas", "Michael", "Florian", "Tobias", "Matthias", "Jürgen", "Henrik", "Sabine",
        "Katrin", "Anja", "Julia", "Lena", "Sophie", "Birgit", "Claudia", "Nadine", "Franziska", "Ute", "Dörte",
    ]
    static let germanCities = [
        "Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig", "Dortmund", "Essen",
        "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Mannheim",
        "Karlsruhe", "Augsburg", "Wiesbaden", "Freiburg im Breisgau", "Regensburg", "Rostock", "Kassel", "Siegburg", "Troisdorf",
    ]
    static let germanStreets = [
        "Hauptstraße", "Bahnhofstraße", "Lindenstraße", "Schulstraße", "Gartenstraße", "Bergstraße", "Kirchweg", "Am Sportplatz",
        "Goethestraße", "Schillerstr.", "Mozartstraße", "Friedrich-Ebert-Straße", "Birkenweg", "Ahornweg", "Waldstraße",
        "Rosenstraße", "Im Wiesengrund", "Kastanienallee", "Uhlandstr.", "Lessingstraße", "An der Alten Ziegelei", "Auf dem Kamp",
    ]
    static let germanBLZ = ["10070000", "50010517", "20041133", "37040044", "70150000", "43060967", "12030000", "37050198", "76050101"]
    static let germanInsurers = [
        "AOK Bayern", "AOK Rheinland/Hamburg", "Techniker Krankenkasse", "BARMER", "DAK-Gesundheit", "IKK classic", "KKH", "hkk",
        "BKK firmus", "Knappschaft", "SBK", "privat",
    ]
    static let germanDepartments = [
        "Personal", "Buchhaltung", "Vertrieb Innendienst", "Vertrieb Außendienst", "Einkauf", "IT", "Logistik", "Produktion",
        "Qualitätssicherung", "Marketing", "Recht", "Controlling", "Kundenservice", "Geschäftsführung",
    ]
    static let germanJobs = [
        "Sachbearbeiterin Lohnbuchhaltung", "Softwareentwickler", "Teamleiter Vertrieb", "Lagerist", "Industriemechaniker",
        "Projektmanagerin", "Werkstudent", "Assistenz der Geschäftsführung", "Elektroniker für Betriebstechnik", "Key Account Manager",
        "Bilanzbuchhalterin", "Fachinformatiker Systemintegration", "Kaufmann für Büromanagement", "Schichtleiter",
    ]
    static let germanCompanies = [
        "Müller & Söhne GmbH", "Schneider Logistik GmbH & Co. KG", "Becker Haustechnik GmbH", "Weber Maschinenbau AG",
        "Hoffmann Consulting", "Klein & Partner mbB", "Bosch Rexroth AG", "Stadtwerke Bielefeld GmbH", "Zimmermann Bau GmbH",
        "Dr. Oetker", "Vogel Druck und Medienservice", "Lidl Dienstleistung GmbH & Co. KG", "Deutsche Bahn AG", "selbständig",
    ]

    /// A German street line: `Lindenstraße 12a`.
    static func germanStreet(_ r: inout EvalRandom) -> String {
        "\(r.pick(germanStreets)) \(r.int(1...148))\(r.chance(0.12) ? r.pick(["a", "b", "c"]) : "")"
    }

    /// A German landline or mobile number in one of the usual national or international styles.
    static func germanPhone(_ r: inout EvalRandom) -> String {
        if r.chance(0.45) {
            let prefix = r.pick(["151", "152", "157", "160", "162", "170", "171", "172", "173", "175", "176", "177", "179"])
            let s = EvalFormats.sub(&r, prefix.hasPrefix("15") ? 8 : 7)
            switch r.int(0...3) {
            case 0: return "0\(prefix) \(s)"
            case 1: return "+49 \(prefix) \(s)"
            case 2: return "0\(prefix)-\(s)"
            default: return "+49 (0)\(prefix) \(s)"
            }
        }
        let (area, length) = r.pick([
            ("30", 8), ("40", 8), ("89", 8), ("221", 7), ("69", 8), ("711", 7), ("211", 7), ("351", 7), ("341", 7), ("511", 7),
            ("911", 7), ("421", 7), ("228", 6), ("761", 6), ("941", 6), ("2241", 5),
        ])
        let s = EvalFormats.sub(&r, length)
        switch r.int(0...4) {
        case 0: return "0\(area) \(s)"
        case 1: return "0\(area)/\(s)"
        case 2: return "(0\(area)) \(I.group(s, [s.count / 2], " "))"
        case 3: return "+49 \(area) \(s)"
        default: return "+49 (0)\(area) \(s)"
        }
    }
}

// MARK: - Austria: hotel guest register

extension ThirdHeldOutCorpus {
    static func austrianGuests(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "gaestekartei", locale: "de-AT", rows: rows, &r,
            [
                ColumnSpec("Res_Nr", missing: 0) { r in "RES-25-\(r.digits(5))" },
                ColumnSpec("Zimmer", missing: 0.02) { r in "\(r.int(1...5))\(I.format2(r.int(1...24)))" },
                ColumnSpec("Gast", name, missing: 0.01) { r in D.austrianGuest(&r) },
                ColumnSpec("Geburtsdatum", dob, missing: 0.1) { r in EvalFormats.dmy(&r, 1938...2007, ".") },
                ColumnSpec("Nationalität") { r in r.pick(D.austrianNationalities) },
                ColumnSpec("Wohnadresse", address, missing: 0.05) { r in D.austrianAddress(&r) },
                ColumnSpec("Telefon", phone, missing: 0.15) { r in D.austrianPhone(&r) },
                ColumnSpec("E-Mail", email, missing: 0.1) { r in
                    D.mailbox(
                        r.pick(D.austrianGiven), r.pick(D.austrianFamily), ["gmx.at", "aon.at", "a1.net", "chello.at", "gmail.com"],
                        &r, germanStyle: true)
                },
                ColumnSpec("Anreise", missing: 0) { r in EvalFormats.dmy(&r, 2025...2025, ".") },
                ColumnSpec("Abreise", missing: 0) { r in EvalFormats.dmy(&r, 2025...2026, ".") },
                ColumnSpec("Kategorie") { r in r.pick(D.austrianRoomTypes) },
                ColumnSpec("Verpflegung") { r in r.pick(["ÜF", "HP", "HP", "VP", "nur Zimmer"]) },
                ColumnSpec("Betrag") { r in "€ \(D.amount(&r, 180...4800, ".", ","))" },
                ColumnSpec("Kanal") { r in r.pick(["Booking.com", "Expedia", "direkt", "Telefon", "Website", "HRS", "Reisebüro"]) },
                ColumnSpec("Firma", missing: 0.55) { r in r.pick(D.austrianCompanies) },
                ColumnSpec("Wünsche", missing: 0.5) { r in r.pick(D.austrianNotes) },
            ])
    }
}

extension ThirdHeldOutData {
    static let austrianFamily = [
        "Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Steiner", "Moser", "Mayer", "Hofer", "Leitner", "Berger", "Fuchs", "Eder",
        "Schmid", "Winkler", "Reiter", "Schwaiger", "Brunner", "Lechner", "Aigner", "Wallner", "Holzer", "Egger", "Haider",
        "Lackner", "Ortner", "Kogler", "Stadler", "Grabner", "Hörmann", "Plank", "Obermüller", "Reisinger",
    ]
    static let austrianGiven = [
        "Maximilian", "Florian", "Lukas", "David", "Johann", "Josef", "Christoph", "Markus", "Wolfgang", "Bernhard", "Christina",
        "Katharina", "Theresa", "Magdalena", "Elisabeth", "Barbara", "Verena", "Johanna", "Anna", "Marlene", "Sabrina", "Leopold",
    ]
    static let austrianTowns: [(String, String)] = [
        ("1070", "Wien"), ("1030", "Wien"), ("1100", "Wien"), ("1190", "Wien"), ("5020", "Salzburg"), ("6020", "Innsbruck"),
        ("8010", "Graz"), ("4020", "Linz"), ("9020", "Klagenfurt am Wörthersee"), ("3100", "St. Pölten"), ("6900", "Bregenz"),
        ("7000", "Eisenstadt"), ("4600", "Wels"), ("9500", "Villach"), ("2700", "Wiener Neustadt"), ("6370", "Kitzbühel"),
        ("5700", "Zell am See"), ("8700", "Leoben"), ("3500", "Krems an der Donau"), ("6850", "Dornbirn"), ("4400", "Steyr"),
    ]
    static let austrianStreets = [
        "Mariahilfer Straße", "Landstraßer Hauptstraße", "Getreidegasse", "Herrengasse", "Linzer Gasse", "Maria-Theresien-Straße",
        "Grazer Straße", "Annenstraße", "Wiener Straße", "Dorfstraße", "Kirchengasse", "Schlossbergweg", "Bahnhofplatz",
        "Favoritenstraße", "Praterstraße", "Salzachgasse", "Anichstraße", "Hauptplatz",
    ]
    static let austrianNationalities = [
        "Österreich", "Österreich", "Österreich", "Deutschland", "Deutschland", "Schweiz", "Italien", "Niederlande", "Ungarn",
        "Tschechien", "Vereinigtes Königreich", "USA", "Slowenien",
    ]
    static let austrianRoomTypes = [
        "Doppelzimmer Standard", "Doppelzimmer Superior", "Einzelzimmer", "Junior Suite", "Familienzimmer", "Appartement Alpenblick",
    ]
    static let austrianCompanies = [
        "Huber Holzbau GmbH", "Gruber & Partner Steuerberatung", "Swarovski", "voestalpine AG", "Red Bull GmbH",
        "Moser Elektrotechnik e.U.", "Raiffeisenlandesbank OÖ", "Egger Holzwerkstoffe", "Pichler Transporte GmbH", "AVL List GmbH",
    ]
    static let austrianNotes = [
        "Allergiker-Bettwäsche", "Spätanreise nach 22 Uhr", "Parkplatz benötigt", "ruhiges Zimmer bitte", "Hund (klein)",
        "Stammgast", "Hochzeitstag – Sekt aufs Zimmer", "Babybett", "Rechnung an Firma", "Skipass reserviert",
    ]

    /// A guest as the front desk writes it: `HUBER, Johann`, `Mag. Christina Moser`, `Leitner Josef`.
    static func austrianGuest(_ r: inout EvalRandom) -> String {
        let g = r.pick(austrianGiven)
        let f = r.pick(austrianFamily)
        switch r.int(0...4) {
        case 0: return "\(f.uppercased()), \(g)"
        case 1: return "\(r.pick(["Mag.", "Dr.", "DI", "Ing.", "Mag.a"])) \(g) \(f)"
        case 2: return "\(f) \(g)"
        default: return "\(g) \(f)"
        }
    }

    /// An Austrian address on one line: `Mariahilfer Straße 88/3/12, 1070 Wien`.
    static func austrianAddress(_ r: inout EvalRandom) -> String {
        let (plz, town) = r.pick(austrianTowns)
        let door = r.chance(0.5) ? "/\(r.int(1...4))/\(r.int(1...24))" : (r.chance(0.3) ? "/\(r.int(1...12))" : "")
        return "\(r.pick(austrianStreets)) \(r.int(1...140))\(door), \(r.chance(0.2) ? "A-" : "")\(plz) \(town)"
    }

    /// An Austrian mobile (0664 …) or landline (0512 …) number.
    static func austrianPhone(_ r: inout EvalRandom) -> String {
        let mobile = r.chance(0.6)
        let prefix = mobile ? r.pick(["650", "660", "664", "676", "680", "681", "688", "699"]) : r.pick(["1", "512", "662", "316", "732", "463"])
        let s = EvalFormats.sub(&r, prefix == "1" ? 7 : (mobile ? 7 : 6))
        switch r.int(0...3) {
        case 0: return "+43 \(prefix) \(s)"
        case 1: return "0\(prefix) \(I.group(s, [3, 2, 2], " "))"
        case 2: return "0\(prefix)/\(s)"
        default: return "+43 (0)\(prefix) \(s)"
        }
    }
}

// MARK: - France: CRM contacts

extension ThirdHeldOutCorpus {
    static func frenchContacts(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "crm_contacts", locale: "fr-FR", rows: rows, &r,
            [
                ColumnSpec("id_contact", missing: 0) { r in "CT-\(r.digits(6))" },
                ColumnSpec("civilite") { r in r.pick(["M.", "Mme", "Mme", "M.", "Dr"]) },
                ColumnSpec("nom", name, missing: 0.01) { r in
                    let f = r.pick(D.frenchFamily)
                    return r.chance(0.35) ? f.uppercased() : f
                },
                ColumnSpec("prénom", name, missing: 0.02) { r in r.pick(D.frenchGiven) },
                ColumnSpec("date_naissance", dob, missing: 0.3) { r in EvalFormats.dmy(&r, 1950...2005, "/") },
                ColumnSpec("adresse", address, missing: 0.04) { r in D.frenchStreet(&r) },
                ColumnSpec("code_postal", missing: 0.04) { r in I.format2(r.int(1...95)) + I.format3(r.int(0...990)) },
                ColumnSpec("ville", missing: 0.03) { r in r.pick(D.frenchCities) },
                ColumnSpec("tel_portable", phone, missing: 0.12) { r in D.frenchPhone(&r, mobile: true) },
                ColumnSpec("tel_fixe", phone, missing: 0.45) { r in D.frenchPhone(&r, mobile: false) },
                ColumnSpec("email", email, missing: 0.05) { r in
                    D.mailbox(
                        r.pick(D.frenchGiven), r.pick(D.frenchFamily),
                        [
                            "orange.fr", "free.fr", "laposte.net", "sfr.fr", "gmail.com",
                            "wanadoo.fr",
                        ], &r)
                },
                ColumnSpec("iban_prelevement", iban, missing: 0.4) { r in D.printed(D.frenchIBAN(&r), &r) },
                ColumnSpec("societe", missing: 0.4) { r in r.pick(D.frenchCompanies) },
                ColumnSpec("siret_societe", missing: 0.4) { r in I.siret(&r) },
                ColumnSpec("segment") { r in r.pick(["Particulier", "TPE", "PME", "Grand compte", "Association", "Collectivité"]) },
                ColumnSpec("statut") { r in r.pick(["Prospect", "Client actif", "Inactif", "À relancer", "Perdu"]) },
                ColumnSpec("derniere_commande", missing: 0.2) { r in EvalFormats.dmy(&r, 2023...2025, "/") },
                ColumnSpec("ca_annuel") { r in "\(D.amount(&r, 0...184000, " ", ","))\u{a0}€" },
                ColumnSpec("canal_acquisition") { r in r.pick(["Salon", "Site web", "Recommandation", "LinkedIn", "Phoning", "Partenaire"]) },
                ColumnSpec("commentaire", missing: 0.5) { r in r.pick(D.frenchNotes) },
            ])
    }
}

extension ThirdHeldOutData {
    static let frenchFamily = [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
        "Lefebvre", "Michel", "Fournier", "Girard", "Bonnet", "Mercier", "Lambert", "Faure", "Rousseau", "Chevalier", "Gauthier",
        "Perrin", "Lemaître", "Barbier", "Marchand", "Guérin", "Le Goff", "Le Gall", "de Villiers", "de La Rochefoucauld",
        "Texier", "Vasseur", "Charpentier", "Bérenger",
    ]
    static let frenchGiven = [
        "Camille", "Léa", "Chloé", "Manon", "Inès", "Sophie", "Nathalie", "Isabelle", "Hélène", "Margaux", "Lucas", "Hugo", "Louis",
        "Nicolas", "Julien", "Thibault", "Mathieu", "Jean-Baptiste", "Pierre-Yves", "Marie-Claire", "Anne-Sophie", "Éric", "Benoît",
    ]
    static let frenchCities = [
        "Paris", "Lyon", "Marseille", "Toulouse", "Nice", "Nantes", "Montpellier", "Strasbourg", "Bordeaux", "Lille", "Rennes",
        "Reims", "Saint-Étienne", "Le Havre", "Toulon", "Grenoble", "Dijon", "Angers", "Nîmes", "Clermont-Ferrand",
        "Aix-en-Provence", "Brest", "Tours", "Amiens", "Limoges", "Annecy", "Perpignan", "Metz", "Quimper", "Vannes",
    ]
    static let frenchStreets = [
        "rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire", "impasse du Moulin", "place de la République",
        "allée des Tilleuls", "chemin des Vignes", "quai Saint-Nicolas", "rue Victor Hugo", "cours Lafayette", "rue de la Paix",
        "avenue du Général Leclerc", "rue Pasteur", "route de Bordeaux", "rue du Faubourg Saint-Antoine", "rue des Écoles",
    ]
    static let frenchBanks = ["30004", "30003", "20041", "30002", "10278", "11315", "18206", "30066", "14505", "16606"]
    static let frenchCompanies = [
        "Dubois et Fils SARL", "Martin Immobilier SAS", "Boulangerie Lefebvre", "Cabinet Mercier & Associés", "Transports Girard SA",
        "Renault SAS", "Orange SA", "Pharmacie Rousseau", "Garage Faure", "Leclerc Distribution", "Décathlon", "Menuiserie Perrin",
    ]
    static let frenchNotes = [
        "Rappeler après 18h", "Souhaite un devis", "Ne plus démarcher", "Facture en attente", "RDV fixé", "Intéressé par l'offre pro",
        "Client fidèle", "Adresse à vérifier", "Litige en cours",
    ]

    /// A French street line: `5 bis avenue Jean Jaurès`, sometimes with a flat or building.
    static func frenchStreet(_ r: inout EvalRandom) -> String {
        let number = "\(r.int(1...182))\(r.chance(0.1) ? r.pick([" bis", " ter"]) : "")"
        let extra = r.chance(0.15) ? r.pick([", Appt \(r.int(1...48))", ", Bât. \(r.letter("ABCDE"))", ", Résidence Les Pins"]) : ""
        return "\(number) \(r.pick(frenchStreets))\(extra)"
    }

    /// A French number, mobile (06/07) or landline (01–05), in pairs of digits.
    static func frenchPhone(_ r: inout EvalRandom, mobile: Bool) -> String {
        let first = mobile ? r.pick(["6", "7"]) : String(r.int(1...5))
        let rest = "\(r.int(1...9))\(r.digits(7))"
        let pairs = I.group(rest, [2, 2, 2, 2], " ")
        switch r.int(0...4) {
        case 0: return "0\(first) \(pairs)"
        case 1: return "+33 \(first) \(pairs)"
        case 2: return "0\(first).\(I.group(rest, [2, 2, 2, 2], "."))"
        case 3: return "0\(first)\(rest)"
        default: return "+33 (0)\(first) \(pairs)"
        }
    }

    /// A French IBAN: bank, branch, account and the RIB key.
    static func frenchIBAN(_ r: inout EvalRandom) -> String {
        let bank = r.pick(frenchBanks)
        let branch = r.digits(5)
        let account = "000\(r.digits(8))"
        let key = 97 - (89 * Int(bank)! + 15 * Int(branch)! + 3 * Int(account)!) % 97
        return I.ibanCompact("FR", bank + branch + account + I.format2(key))
    }
}

// MARK: - Italy: insurance claims

extension ThirdHeldOutCorpus {
    static func italianClaims(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "sinistri", locale: "it-IT", rows: rows, &r,
            [
                ColumnSpec("n_sinistro", missing: 0) { r in "SIN-\(r.int(2023...2025))-\(r.digits(6))" },
                ColumnSpec("n_polizza", missing: 0.01) { r in "POL\(r.digits(9))" },
                ColumnSpec("cognome", name, missing: 0.01) { r in r.pick(D.italianFamily) },
                ColumnSpec("nome", name, missing: 0.01) { r in r.pick(D.italianGiven) },
                ColumnSpec("codice_fiscale", ["IT_FISCAL_CODE"], missing: 0.03) { r in I.codiceFiscale(&r) },
                ColumnSpec("data_nascita", dob, missing: 0.04) { r in EvalFormats.dmy(&r, 1945...2006, "/") },
                ColumnSpec("indirizzo", address, missing: 0.03) { r in D.italianStreet(&r) },
                ColumnSpec("cap", missing: 0.03) { r in r.pick(D.italianTowns).2 },
                ColumnSpec("comune", missing: 0.02) { r in r.pick(D.italianTowns).0 },
                ColumnSpec("prov", missing: 0.02) { r in r.pick(D.italianTowns).1 },
                ColumnSpec("cellulare", phone, missing: 0.1) { r in D.italianPhone(&r) },
                ColumnSpec("email_pec", email, missing: 0.15) { r in
                    D.mailbox(
                        r.pick(D.italianGiven), r.pick(D.italianFamily),
                        [
                            "libero.it", "virgilio.it", "gmail.com", "alice.it", "pec.it",
                            "tiscali.it", "legalmail.it",
                        ], &r)
                },
                ColumnSpec("iban_liquidazione", iban, missing: 0.35) { r in D.printed(D.italianIBAN(&r), &r) },
                ColumnSpec("data_sinistro", missing: 0) { r in EvalFormats.dmy(&r, 2023...2025, "/") },
                ColumnSpec("tipo_sinistro") { r in
                    r.pick(["RC Auto", "Furto", "Incendio", "Cristalli", "Danni da acqua", "Grandine", "Infortunio"])
                },
                ColumnSpec("targa", missing: 0.3) { r in D.italianPlate(&r) },
                ColumnSpec("carrozzeria", missing: 0.35) { r in r.pick(D.italianCompanies) },
                ColumnSpec("compagnia") { r in
                    r.pick(["Generali", "UnipolSai", "Allianz", "AXA Assicurazioni", "Reale Mutua", "Cattolica", "Vittoria"])
                },
                ColumnSpec("perito", name, missing: 0.3) { r in
                    "\(r.pick(["Dott.", "Ing.", "Geom.", "Dott.ssa"])) \(r.pick(D.italianGiven)) \(r.pick(D.italianFamily))"
                },
                ColumnSpec("importo_liquidato", missing: 0.25) { r in "€ \(D.amount(&r, 120...38000, ".", ","))" },
                ColumnSpec("stato") { r in r.pick(["aperto", "in istruttoria", "liquidato", "respinto", "chiuso senza seguito"]) },
                ColumnSpec("note", missing: 0.5) { r in r.pick(D.italianNotes) },
            ])
    }
}

extension ThirdHeldOutData {
    static let italianFamily = [
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti",
        "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Caruso",
        "Fabbri", "Martinelli", "D'Angelo", "Sartori", "Pellegrini", "Cattaneo", "Zanetti", "Lo Presti", "Scognamiglio", "Brambilla",
    ]
    static let italianGiven = [
        "Giuseppe", "Marco", "Alessandro", "Francesco", "Andrea", "Luca", "Matteo", "Lorenzo", "Davide", "Stefano", "Gianluca",
        "Pierluigi", "Giulia", "Francesca", "Chiara", "Sara", "Valentina", "Federica", "Elena", "Alessia", "Martina", "Maria Grazia",
    ]
    static let italianTowns: [(String, String, String)] = [
        ("Milano", "MI", "20121"), ("Roma", "RM", "00185"), ("Napoli", "NA", "80133"), ("Torino", "TO", "10121"),
        ("Palermo", "PA", "90133"), ("Genova", "GE", "16121"), ("Bologna", "BO", "40121"), ("Firenze", "FI", "50122"),
        ("Bari", "BA", "70121"), ("Catania", "CT", "95121"), ("Venezia", "VE", "30121"), ("Verona", "VR", "37121"),
        ("Padova", "PD", "35121"), ("Trieste", "TS", "34121"), ("Brescia", "BS", "25121"), ("Parma", "PR", "43121"),
        ("Modena", "MO", "41121"), ("Reggio Calabria", "RC", "89121"), ("Perugia", "PG", "06121"), ("Bergamo", "BG", "24121"),
        ("Lecce", "LE", "73100"), ("Cagliari", "CA", "09121"), ("Monza", "MB", "20900"), ("Sassari", "SS", "07100"),
    ]
    static let italianStreets = [
        "Via Garibaldi", "Via Roma", "Corso Vittorio Emanuele II", "Piazza del Duomo", "Viale Europa", "Via Giuseppe Mazzini",
        "Via XX Settembre", "Via dei Mille", "Corso Italia", "Via San Francesco d'Assisi", "Largo Augusto", "Via Cavour",
        "Vicolo del Pozzo", "Via della Repubblica", "Via Aurelio Saffi", "Viale dei Tigli",
    ]
    static let italianBanks = ["03069", "02008", "05034", "01030", "03062", "05696", "03111", "06230"]
    static let italianCompanies = [
        "Carrozzeria Rossi S.n.c.", "Autofficina Bianchi & Figli", "Carrozzeria Fontana Srl", "Rossi S.p.A.", "Gommista Colombo",
        "Autoriparazioni Greco di Greco Mario", "Carglass", "Officina Moretti S.r.l.", "Centro Revisioni Ferrari", "Mancini Auto",
    ]
    static let italianNotes = [
        "Constatazione amichevole firmata", "Testimoni presenti", "In attesa di perizia", "Documentazione incompleta",
        "Denuncia ai Carabinieri allegata", "Sollecitato il 12/03", "Controparte non assicurata", "Franchigia applicata",
    ]

    /// An Italian street line: `Via Garibaldi 12`, `Via Roma, 45`, `Corso Italia 8/B`.
    static func italianStreet(_ r: inout EvalRandom) -> String {
        let street = r.pick(italianStreets)
        let number = "\(r.int(1...220))\(r.chance(0.1) ? "/\(r.letter("ABC"))" : "")"
        switch r.int(0...3) {
        case 0: return "\(street), \(number)"
        case 1: return "\(street) \(number) int. \(r.int(1...18))"
        default: return "\(street) \(number)"
        }
    }

    /// An Italian mobile (3xx) or landline (0x) number.
    static func italianPhone(_ r: inout EvalRandom) -> String {
        if r.chance(0.75) {
            let p = r.pick(["320", "328", "329", "333", "334", "335", "338", "339", "340", "347", "348", "349", "366", "380", "392"])
            let s = r.digits(7)
            switch r.int(0...3) {
            case 0: return "+39 \(p) \(s)"
            case 1: return "\(p) \(I.group(s, [3, 4], " "))"
            case 2: return "\(p)-\(s)"
            default: return "\(p)\(s)"
            }
        }
        let area = r.pick(["02", "06", "011", "081", "055", "051", "010", "091", "045"])
        let s = EvalFormats.sub(&r, area.count == 2 ? 8 : 7)
        return r.chance(0.5) ? "+39 \(area) \(s)" : "\(area) \(I.group(s, [s.count / 2], " "))"
    }

    /// An Italian plate, `AB 123 CD` or `AB123CD`.
    static func italianPlate(_ r: inout EvalRandom) -> String {
        let l = "ABCDEFGHJKLMNPRSTVWXYZ"
        let head = "\(r.letter("ABCDEFG"))\(r.letter(l))"
        let tail = "\(r.letter(l))\(r.letter(l))"
        return r.chance(0.5) ? "\(head) \(r.digits(3)) \(tail)" : "\(head)\(r.digits(3))\(tail)"
    }

    /// An Italian IBAN: CIN check letter, ABI, CAB and a twelve-digit account.
    static func italianIBAN(_ r: inout EvalRandom) -> String {
        let body = r.pick(italianBanks) + r.digits(5) + "0000" + r.digits(8)
        let odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]
        var sum = 0
        for (i, ch) in body.enumerated() {
            let v = Int(String(ch))!
            sum += i % 2 == 0 ? odd[v] : v
        }
        let cin = String(Character(Unicode.Scalar(UInt8(65 + sum % 26))))
        return I.ibanCompact("IT", cin + body)
    }
}

// MARK: - Spain: clinic patients

extension ThirdHeldOutCorpus {
    static func spanishPatients(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "pacientes", locale: "es-ES", rows: rows, &r,
            [
                ColumnSpec("nhc", missing: 0) { r in "HC\(r.digits(7))" },
                ColumnSpec("apellidos", name, missing: 0.01) { r in D.spanishSurnames(&r) },
                ColumnSpec("nombre", name, missing: 0.01) { r in r.pick(D.spanishGiven) },
                ColumnSpec("dni_nie", ["ES_DNI"], missing: 0.04) { r in I.dni(&r) },
                ColumnSpec("fecha_nac", dob, missing: 0.02) { r in EvalFormats.dmy(&r, 1932...2024, r.chance(0.8) ? "/" : "-") },
                ColumnSpec("sexo") { r in r.pick(["H", "M"]) },
                ColumnSpec("domicilio", address, missing: 0.04) { r in D.spanishStreet(&r) },
                ColumnSpec("cp", missing: 0.04) { r in I.format2(r.int(1...52)) + I.format3(r.int(1...999)) },
                ColumnSpec("poblacion", missing: 0.03) { r in r.pick(D.spanishCities) },
                ColumnSpec("movil", phone, missing: 0.08) { r in D.spanishPhone(&r, mobile: true) },
                ColumnSpec("tfno_fijo", phone, missing: 0.5) { r in D.spanishPhone(&r, mobile: false) },
                ColumnSpec("email", email, missing: 0.25) { r in
                    D.mailbox(
                        r.pick(D.spanishGiven), r.pick(D.spanishFamily),
                        [
                            "gmail.com", "hotmail.es", "yahoo.es", "telefonica.net",
                            "outlook.es",
                        ], &r)
                },
                ColumnSpec("cuenta_domiciliacion", iban, missing: 0.5) { r in D.printed(D.spanishIBAN(&r), &r) },
                ColumnSpec("aseguradora") { r in r.pick(["Sanitas", "Adeslas", "DKV", "Asisa", "Mapfre Salud", "Privado", "MUFACE", "Seg. Social"]) },
                ColumnSpec("servicio") { r in r.pick(D.spanishServices) },
                ColumnSpec("medico_responsable", name, missing: 0.05) { r in
                    "\(r.pick(["Dr.", "Dra."])) \(r.pick(D.spanishGiven)) \(r.pick(D.spanishFamily))"
                },
                ColumnSpec("fecha_cita", missing: 0) { r in EvalFormats.dmy(&r, 2024...2025, "/") },
                ColumnSpec("motivo", missing: 0.2) { r in r.pick(D.spanishReasons) },
                ColumnSpec("importe", missing: 0.3) { r in "\(D.amount(&r, 35...2400, ".", ",")) €" },
            ])
    }
}

extension ThirdHeldOutData {
    static let spanishFamily = [
        "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz",
        "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez", "Gil", "Vázquez", "Serrano",
        "Iglesias", "Garrido", "Sanz", "Prieto", "Cabello", "Arroyo", "Echeverría", "Olmedo", "Villalobos", "de la Fuente", "del Río",
    ]
    static let spanishGiven = [
        "Antonio", "Manuel", "José", "Francisco", "David", "Javier", "Carlos", "Alejandro", "Pablo", "Sergio", "Iker", "Jordi",
        "María", "Carmen", "Ana", "Laura", "Isabel", "Lucía", "Cristina", "Marta", "Pilar", "Rocío", "Nerea", "Montserrat",
        "José María", "María del Carmen", "Juan Carlos",
    ]
    static let spanishCities = [
        "Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Murcia", "Palma", "Las Palmas de Gran Canaria", "Bilbao",
        "Alicante", "Córdoba", "Valladolid", "Vigo", "Gijón", "L'Hospitalet de Llobregat", "Vitoria-Gasteiz", "A Coruña", "Granada",
        "Elche", "Oviedo", "Badalona", "Cartagena", "Santander", "Pamplona", "Salamanca", "Cáceres", "Logroño", "Getafe",
    ]
    static let spanishStreets = [
        "C/ Mayor", "Calle de Alcalá", "Avda. de la Constitución", "Plaza de España", "Passeig de Gràcia", "C/ Sierpes",
        "Ronda de Segovia", "Gran Vía", "Calle Real", "C/ del Carmen", "Avenida de Andalucía", "Calle San Vicente Mártir",
        "Rúa do Franco", "Calle Larios", "Carrer de Balmes", "Paseo de la Castellana", "Calle Uría", "Avda. Diagonal",
    ]
    static let spanishServices = [
        "Traumatología", "Cardiología", "Dermatología", "Ginecología", "Pediatría", "Oftalmología", "Medicina Interna", "Urgencias",
        "Fisioterapia", "Digestivo",
    ]
    static let spanishReasons = [
        "Revisión anual", "Dolor lumbar", "Control post-operatorio", "Esguince de tobillo", "Analítica", "Primera visita",
        "Resultados de pruebas", "Renovación de receta",
    ]
    static let spanishBanks = ["2100", "0049", "0182", "0081", "2080", "0128", "1465", "3058", "2085"]

    /// `Fernández Ruiz`, `Martín-Sánchez`, `de la Fuente Gil`: both surnames.
    static func spanishSurnames(_ r: inout EvalRandom) -> String {
        let first = r.pick(spanishFamily)
        let second = r.pick(spanishFamily)
        if r.chance(0.08) { return "\(first)-\(second) \(r.pick(spanishFamily))" }
        let both = r.chance(0.85) ? "\(first) \(second)" : first
        return r.chance(0.2) ? both.uppercased() : both
    }

    /// A Spanish street line: `C/ Mayor, 15, 3º B`.
    static func spanishStreet(_ r: inout EvalRandom) -> String {
        let street = r.pick(spanishStreets)
        let floor = r.pick(["", ", \(r.int(1...9))º \(r.letter("ABCD"))", ", \(r.int(1...6))º izq.", ", bajo", ", \(r.int(1...8))º \(r.int(1...4))ª"])
        return r.chance(0.5) ? "\(street), \(r.int(1...210))\(floor)" : "\(street) \(r.int(1...210))\(floor)"
    }

    /// A Spanish mobile (6xx/7xx) or landline (9xx) number.
    static func spanishPhone(_ r: inout EvalRandom, mobile: Bool) -> String {
        let first = mobile ? r.pick(["6", "6", "6", "71", "72", "74"]) : r.pick(["91", "93", "96", "95", "94", "98", "976", "971", "928"])
        let s = first + r.digits(9 - first.count)
        switch r.int(0...3) {
        case 0: return I.group(s, [3, 3, 3], " ")
        case 1: return "+34 \(I.group(s, [3, 2, 2, 2], " "))"
        case 2: return s
        default: return mobile ? "+34\(s)" : I.group(s, first.count == 2 ? [2, 3, 2, 2] : [3, 2, 2, 2], " ")
        }
    }

    /// A Spanish IBAN with the two national control digits.
    static func spanishIBAN(_ r: inout EvalRandom) -> String {
        let weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
        func control(_ s: String) -> String {
            let v = 11 - zip(s, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 } % 11
            return String(v == 11 ? 0 : (v == 10 ? 1 : v))
        }
        let bank = r.pick(spanishBanks) + r.digits(4)
        let account = r.digits(10)
        return I.ibanCompact("ES", bank + control("00" + bank) + control(account) + account)
    }
}

// MARK: - Mexico: e-commerce orders

extension ThirdHeldOutCorpus {
    static func mexicanOrders(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "pedidos_tienda", locale: "es-MX", rows: rows, &r,
            [
                ColumnSpec("folio", missing: 0) { r in "PED-\(r.digits(7))" },
                ColumnSpec("fecha_pedido", missing: 0) { r in
                    "\(EvalFormats.iso(&r, 2024...2025)) \(I.format2(r.int(0...23))):\(I.format2(r.int(0...59)))"
                },
                ColumnSpec("cliente", name, missing: 0.01) { r in
                    "\(r.pick(D.mexicanGiven)) \(r.pick(D.mexicanFamily)) \(r.pick(D.mexicanFamily))"
                },
                ColumnSpec("correo", email, missing: 0.02) { r in
                    D.mailbox(
                        r.pick(D.mexicanGiven), r.pick(D.mexicanFamily),
                        [
                            "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx",
                            "prodigy.net.mx",
                        ], &r)
                },
                ColumnSpec("celular", phone, missing: 0.05) { r in D.mexicanPhone(&r) },
                ColumnSpec("direccion_envio", address, missing: 0.02) { r in D.mexicanAddress(&r) },
                ColumnSpec("ciudad") { r in r.pick(D.mexicanCities).0 },
                ColumnSpec("cp_envio", missing: 0.03) { r in I.format2(r.int(1...99)) + I.format3(r.int(0...999)) },
                ColumnSpec("producto") { r in r.pick(D.mexicanProducts) },
                ColumnSpec("sku") { r in "MX-\(r.letter())\(r.letter())\(r.digits(5))" },
                ColumnSpec("codigo_barras", missing: 0.1) { r in EvalFormats.ean13("750", &r) },
                ColumnSpec("cantidad") { r in String(r.pick([1, 1, 1, 2, 2, 3, 4, 6])) },
                ColumnSpec("total") { r in "$\(D.amount(&r, 89...24999, ",", "."))\(r.chance(0.4) ? " MXN" : "")" },
                ColumnSpec("metodo_pago") { r in r.pick(["Tarjeta de crédito", "Tarjeta de débito", "OXXO Pay", "SPEI", "Mercado Pago"]) },
                ColumnSpec("tarjeta", card, missing: 0.35) { r in I.card(&r) },
                ColumnSpec("vence", missing: 0.35) { r in "\(I.format2(r.int(1...12)))/\(r.int(25...31))" },
                ColumnSpec("ip_cliente", ip, missing: 0.04) { r in
                    r.chance(0.7) ? D.ipv4([187, 189, 201, 200, 177, 148, 189], &r) : D.ipv6(r.pick(["2806:2f0", "2806:10a0", "2806:230"]), &r)
                },
                ColumnSpec("paqueteria", missing: 0.1) { r in
                    r.pick(["Estafeta", "DHL", "FedEx", "Redpack", "J&T Express", "99minutos", "Paquetexpress"])
                },
                ColumnSpec("guia", missing: 0.15) { r in r.digits(r.pick([10, 12, 22])) },
                ColumnSpec("estatus") { r in r.pick(["Pagado", "Enviado", "Entregado", "Entregado", "Cancelado", "Devuelto", "En preparación"]) },
            ])
    }
}

extension ThirdHeldOutData {
    static let mexicanFamily = [
        "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez",
        "Morales", "Reyes", "Gutiérrez", "Mendoza", "Aguilar", "Ortiz", "Castillo", "Chávez", "Rivera", "Juárez", "Herrera", "Medina",
        "Guzmán", "Velázquez", "Salazar", "Cervantes", "Zúñiga", "Ibarra", "Villaseñor", "Treviño", "Garza", "de la Cruz", "de León",
    ]
    static let mexicanGiven = [
        "José Luis", "Juan Carlos", "Miguel Ángel", "Luis Fernando", "Alejandro", "Ricardo", "Jorge", "Eduardo", "Arturo", "Héctor",
        "Guadalupe", "María Fernanda", "Ana Karen", "Ximena", "Daniela", "Valeria", "Mariana", "Itzel", "Citlali", "Brenda", "Rosa María",
    ]
    static let mexicanCities: [(String, String)] = [
        ("Ciudad de México", "CDMX"), ("Guadalajara", "Jal."), ("Monterrey", "N.L."), ("Puebla", "Pue."), ("Querétaro", "Qro."),
        ("Mérida", "Yuc."), ("Tijuana", "B.C."), ("León", "Gto."), ("Zapopan", "Jal."), ("Toluca", "Edo. Méx."),
        ("San Luis Potosí", "S.L.P."), ("Aguascalientes", "Ags."), ("Cancún", "Q. Roo"), ("Chihuahua", "Chih."), ("Morelia", "Mich."),
        ("Hermosillo", "Son."), ("Saltillo", "Coah."), ("Oaxaca de Juárez", "Oax."), ("Veracruz", "Ver."), ("Culiacán", "Sin."),
        ("Tuxtla Gutiérrez", "Chis."), ("San Pedro Garza García", "N.L."),
    ]
    static let mexicanStreets = [
        "Av. Insurgentes Sur", "Calle 5 de Mayo", "Av. Vallarta", "Calzada de Tlalpan", "Av. Constitución", "Blvd. Manuel Ávila Camacho",
        "Calle Hidalgo", "Av. Juárez", "Paseo de la Reforma", "Calle Morelos", "Av. Revolución", "Calle Emiliano Zapata", "Calle 60",
    ]
    static let mexicanColonias = [
        "Col. Centro", "Col. Roma Norte", "Col. Del Valle", "Col. Americana", "Col. Obispado", "Col. Polanco", "Col. Chapultepec",
        "Col. Jardines del Bosque", "Fracc. Las Américas", "Col. Narvarte Poniente", "Col. Santa María",
    ]
    static let mexicanProducts = [
        "Audífonos inalámbricos X200", "Licuadora 10 velocidades", "Tenis para correr", "Funda para celular", "Cafetera de goteo",
        "Mochila escolar", "Smartwatch Fit 3", "Juego de sartenes", "Lámpara LED escritorio", "Termo acero 1 L", "Silla gamer",
        "Cargador USB-C 65W",
    ]

    /// A Mexican delivery address on one line, with colonia, CP, city and state.
    static func mexicanAddress(_ r: inout EvalRandom) -> String {
        let (city, state) = r.pick(mexicanCities)
        let number = r.pick(["#\(r.int(1...3200))", "\(r.int(1...3200)) Int. \(r.int(1...40))", "No. \(r.int(1...999))", "\(r.int(1...999))"])
        let cp = I.format2(r.int(1...99)) + I.format3(r.int(0...999))
        return "\(r.pick(mexicanStreets)) \(number), \(r.pick(mexicanColonias)), \(r.chance(0.5) ? "C.P. " : "")\(cp) \(city), \(state)"
    }

    /// A Mexican ten-digit number: `55 1234 5678`, `+52 1 81 …`, `(33) 3612 3456`.
    static func mexicanPhone(_ r: inout EvalRandom) -> String {
        let area = r.pick(["55", "55", "33", "81", "222", "442", "999", "664", "477"])
        let s = EvalFormats.sub(&r, 10 - area.count)
        let spaced = area.count == 2 ? I.group(s, [4, 4], " ") : I.group(s, [3, 4], " ")
        switch r.int(0...4) {
        case 0: return "\(area) \(spaced)"
        case 1: return "+52 \(area) \(spaced)"
        case 2: return "(\(area)) \(spaced)"
        case 3: return "+52 1 \(area) \(spaced)"
        default: return area + s
        }
    }
}

// MARK: - Colombia: bank onboarding (KYC)

extension ThirdHeldOutCorpus {
    static func colombianKYC(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "vinculacion_clientes", locale: "es-CO", rows: rows, &r,
            [
                ColumnSpec("numero_solicitud", missing: 0) { r in "SOL-2025-\(r.digits(6))" },
                ColumnSpec("primer_apellido", name, missing: 0.01) { r in r.pick(D.colombianFamily) },
                ColumnSpec("segundo_apellido", name, missing: 0.12) { r in r.pick(D.colombianFamily) },
                ColumnSpec("nombres", name, missing: 0.01) { r in r.pick(D.colombianGiven) },
                ColumnSpec("tipo_documento") { r in r.pick(["CC", "CC", "CC", "CE", "PA", "TI"]) },
                ColumnSpec("fecha_nacimiento", dob, missing: 0.02) { r in
                    r.chance(0.6) ? EvalFormats.iso(&r, 1948...2006) : EvalFormats.dmy(&r, 1948...2006, "/")
                },
                ColumnSpec("fecha_expedicion", missing: 0.05) { r in
                    r.chance(0.6) ? EvalFormats.iso(&r, 1990...2024) : EvalFormats.dmy(&r, 1990...2024, "/")
                },
                ColumnSpec("ciudad_expedicion", missing: 0.05) { r in r.pick(D.colombianCities) },
                ColumnSpec("direccion_residencia", address, missing: 0.03) { r in D.colombianAddress(&r) },
                ColumnSpec("ciudad_residencia", missing: 0.02) { r in r.pick(D.colombianCities) },
                ColumnSpec("celular", phone, missing: 0.03) { r in D.colombianPhone(&r, mobile: true) },
                ColumnSpec("telefono_fijo", phone, missing: 0.55) { r in D.colombianPhone(&r, mobile: false) },
                ColumnSpec("correo_electronico", email, missing: 0.06) { r in
                    D.mailbox(
                        r.pick(D.colombianGiven).split(separator: " ").first.map(String.init) ?? "", r.pick(D.colombianFamily),
                        ["gmail.com", "hotmail.com", "yahoo.es", "outlook.com", "une.net.co"], &r)
                },
                ColumnSpec("ocupacion") { r in r.pick(["Empleado", "Independiente", "Pensionado", "Estudiante", "Comerciante", "Docente", "Hogar"]) },
                ColumnSpec("empresa_donde_labora", missing: 0.3) { r in r.pick(D.colombianCompanies) },
                ColumnSpec("ingresos_mensuales") { r in "$ \(EvalFormats.thousands(r.int(13...250) * 100_000, "."))" },
                ColumnSpec("producto_solicitado") { r in
                    r.pick(["Cuenta de ahorros", "Tarjeta de crédito", "CDT", "Crédito de libre inversión", "Nómina"])
                },
                ColumnSpec("pep") { r in r.chance(0.04) ? "Sí" : "No" },
                ColumnSpec("nivel_riesgo_sarlaft") { r in r.pick(["Bajo", "Bajo", "Bajo", "Medio", "Alto"]) },
                ColumnSpec("estado") { r in r.pick(["Aprobada", "En revisión", "Rechazada", "Pendiente documentos"]) },
            ])
    }
}

extension ThirdHeldOutData {
    static let colombianFamily = [
        "Rodríguez", "Gómez", "González", "Martínez", "García", "López", "Hernández", "Sánchez", "Ramírez", "Pérez", "Díaz", "Muñoz",
        "Rojas", "Moreno", "Vargas", "Castro", "Ospina", "Restrepo", "Londoño", "Cardona", "Zapata", "Arango", "Valencia", "Quintero",
        "Mosquera", "Cuervo", "Betancur", "Echeverri", "Santamaría", "Uribe", "Osorio", "Giraldo", "Patiño", "García-Márquez",
    ]
    static let colombianGiven = [
        "Juan David", "Juan Sebastián", "Andrés Felipe", "Carlos Andrés", "Santiago", "Camilo", "Julián", "Mauricio", "Jhon Fredy",
        "Wilson", "Luz Marina", "Diana Marcela", "Paula Andrea", "Natalia", "Catalina", "Valentina", "Yuliana", "Angie",
        "Sandra Milena", "Leidy Johana", "Martha Lucía",
    ]
    static let colombianCities = [
        "Bogotá D.C.", "Medellín", "Cali", "Barranquilla", "Cartagena", "Cúcuta", "Bucaramanga", "Pereira", "Santa Marta", "Ibagué",
        "Manizales", "Villavicencio", "Pasto", "Montería", "Neiva", "Armenia", "Valledupar", "Popayán", "Sincelejo", "Tunja",
        "Envigado", "Soacha", "Bello", "Itagüí", "Riohacha", "Rionegro",
    ]
    static let colombianCompanies = [
        "Inversiones Gómez S.A.S.", "Restrepo & Asociados Ltda.", "Ecopetrol S.A.", "Grupo Éxito", "Almacenes Londoño",
        "Transportes Cardona S.A.S.", "Alcaldía de Medellín", "Clínica Las Américas", "Postobón S.A.", "Distribuidora Zapata Hnos.",
    ]

    /// A Colombian grid address: `Calle 72 # 10-34 Apto 501`, `Cra. 43A # 1 Sur-100`.
    static func colombianAddress(_ r: inout EvalRandom) -> String {
        let way = r.pick(["Calle", "Carrera", "Cra.", "Cl.", "Kr", "Diagonal", "Transversal", "Av. Calle", "Av. Carrera"])
        let main = "\(r.int(1...180))\(r.chance(0.25) ? String(r.letter("ABCD")) : "")\(r.chance(0.1) ? " Bis" : "")\(r.chance(0.08) ? " Sur" : "")"
        let cross = "\(r.int(1...120))\(r.chance(0.2) ? String(r.letter("ABC")) : "")-\(r.int(1...99))"
        let sign = r.pick([" # ", " # ", " No. ", " N° "])
        let extra =
            r.chance(0.5)
            ? r.pick([
                " Apto \(r.int(1...22))0\(r.int(1...4))", " Torre \(r.int(1...6)) Apto \(r.int(101...1804))",
                " Casa \(r.int(1...60))", " Of. \(r.int(201...905))", " Int. \(r.int(1...9))",
            ]) : ""
        return "\(way) \(main)\(sign)\(cross)\(extra)"
    }

    /// A Colombian mobile (3xx) or landline (60x) number.
    static func colombianPhone(_ r: inout EvalRandom, mobile: Bool) -> String {
        let prefix =
            mobile
            ? r.pick(["300", "301", "304", "310", "311", "312", "313", "315", "316", "317", "318", "320", "321", "350"])
            : "60\(r.pick(["1", "1", "4", "2", "5", "7"]))"
        let s = EvalFormats.sub(&r, 7)
        switch r.int(0...3) {
        case 0: return "+57 \(prefix) \(I.group(s, [3, 4], " "))"
        case 1: return prefix + s
        case 2: return mobile ? "\(prefix)-\(I.group(s, [3, 4], "-"))" : "(\(prefix)) \(I.group(s, [3, 4], " "))"
        default: return "\(prefix) \(s)"
        }
    }
}

// MARK: - Portugal: school enrolment

extension ThirdHeldOutCorpus {
    static func portugueseEnrolment(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "matriculas_2025_26", locale: "pt-PT", rows: rows, &r,
            [
                ColumnSpec("n_processo", missing: 0) { r in "AE\(r.int(10000...29999))" },
                ColumnSpec("nome_aluno", name, missing: 0) { r in D.portugueseFullName(&r, D.portugueseChildGiven) },
                ColumnSpec("data_nascimento", dob, missing: 0.01) { r in EvalFormats.dmy(&r, 2008...2019, r.chance(0.8) ? "/" : "-") },
                ColumnSpec("ano", missing: 0) { r in "\(r.int(1...12)).º ano" },
                ColumnSpec("turma") { r in "\(r.letter("ABCDEF"))" },
                ColumnSpec("encarregado_educacao", name, missing: 0.02) { r in D.portugueseFullName(&r, D.portugueseAdultGiven) },
                ColumnSpec("parentesco") { r in r.pick(["Mãe", "Mãe", "Pai", "Pai", "Avó", "Avô", "Tia", "Tutor legal"]) },
                ColumnSpec("telemovel", phone, missing: 0.03) { r in D.portuguesePhone(&r, mobile: true) },
                ColumnSpec("telefone_emprego", phone, missing: 0.6) { r in D.portuguesePhone(&r, mobile: false) },
                ColumnSpec("email_ee", email, missing: 0.08) { r in
                    D.mailbox(
                        r.pick(D.portugueseAdultGiven), r.pick(D.portugueseFamily),
                        [
                            "sapo.pt", "gmail.com", "hotmail.com", "outlook.pt",
                            "netcabo.pt",
                        ], &r)
                },
                ColumnSpec("morada", address, missing: 0.03) { r in D.portugueseStreet(&r) },
                ColumnSpec("codigo_postal", missing: 0.03) { r in "\(r.int(1000...9970))-\(I.format3(r.int(0...999)))" },
                ColumnSpec("localidade", missing: 0.03) { r in r.pick(D.portugueseTowns) },
                ColumnSpec("iban_debito_refeicoes", iban, missing: 0.55) { r in D.printed(D.portugueseIBAN(&r), &r) },
                ColumnSpec("escola_anterior", missing: 0.2) { r in r.pick(D.portugueseSchools) },
                ColumnSpec("escalao_ase") { r in r.pick(["A", "B", "C", "Sem escalão", "Sem escalão"]) },
                ColumnSpec("data_matricula", missing: 0) { r in EvalFormats.dmy(&r, 2025...2025, "/") },
                ColumnSpec("observacoes", missing: 0.6) { r in r.pick(D.portugueseNotes) },
            ])
    }
}

extension ThirdHeldOutData {
    static let portugueseFamily = [
        "Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Jesus", "Sousa", "Fernandes",
        "Gonçalves", "Gomes", "Lopes", "Marques", "Alves", "Almeida", "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Moreira",
        "Correia", "Mendes", "Nunes", "Vieira", "Monteiro", "Cardoso", "Magalhães", "Figueiredo", "Quaresma", "Vasconcelos", "Sampaio",
    ]
    static let portugueseChildGiven = [
        "Santiago", "Francisco", "Afonso", "Tomás", "Duarte", "Rodrigo", "Martim", "Gonçalo", "Lourenço", "Salvador", "Maria",
        "Leonor", "Matilde", "Beatriz", "Carolina", "Benedita", "Inês", "Margarida", "Mariana", "Constança", "Maria Inês", "João Maria",
    ]
    static let portugueseAdultGiven = [
        "João", "Pedro", "Rui", "Nuno", "Miguel", "Paulo", "Sérgio", "Hugo", "Tiago", "Ana", "Sofia", "Catarina", "Patrícia", "Sandra",
        "Cláudia", "Joana", "Rita", "Susana", "Ana Rita", "Maria João",
    ]
    static let portugueseTowns = [
        "Lisboa", "Porto", "Braga", "Coimbra", "Setúbal", "Amadora", "Almada", "Funchal", "Aveiro", "Évora", "Faro", "Viseu", "Leiria",
        "Guimarães", "Vila Nova de Gaia", "Matosinhos", "Odivelas", "Sintra", "Cascais", "Barreiro", "Ponta Delgada",
        "Viana do Castelo", "Castelo Branco", "Portimão",
    ]
    static let portugueseStreets = [
        "Rua de Santa Catarina", "Avenida da Liberdade", "Travessa do Carmo", "Praceta Dr. António José de Almeida",
        "Rua Dr. Alfredo Magalhães", "Rua 25 de Abril", "Avenida da República", "Rua do Almada", "Largo do Rato",
        "Rua Cândido dos Reis", "Estrada de Benfica", "Rua das Flores", "Avenida Fernão de Magalhães", "Bairro da Boavista, Lote",
    ]
    static let portugueseSchools = [
        "EB 2,3 de Marvila", "Colégio São João de Brito", "Escola Básica n.º 1 de Setúbal", "Agrupamento de Escolas Alves Redol",
        "EB1/JI da Quinta do Conde", "Escola Secundária Eça de Queirós", "Colégio Luso-Francês", "Externato Ribadouro",
    ]
    static let portugueseNotes = [
        "Necessita transporte escolar", "NEE – acompanhamento", "Alergia ao glúten", "Almoço na escola", "Irmão no 5.º A",
        "Transferência a meio do ano", "Aguarda boletim de vacinas", "Prolongamento de horário",
    ]

    /// `Maria Inês da Silva Ferreira`: one or two given names, then one or two family names.
    static func portugueseFullName(_ r: inout EvalRandom, _ givens: [String]) -> String {
        let given = r.pick(givens)
        let withParticle = ["da Silva", "da Costa", "dos Santos", "de Sousa", "de Almeida", "de Oliveira", "da Rocha", "dos Reis", "da Cunha"]
        let middle = r.chance(0.5) ? "\(r.chance(0.4) ? r.pick(withParticle) : r.pick(portugueseFamily)) " : ""
        return "\(given) \(middle)\(r.pick(portugueseFamily))"
    }

    /// A Portuguese street line: `Rua de Santa Catarina, 245, 3.º Esq.`.
    static func portugueseStreet(_ r: inout EvalRandom) -> String {
        let floor = r.pick(["", "", ", r/c Esq.", ", \(r.int(1...9)).º Dto.", ", \(r.int(1...9)).º Esq.", ", \(r.int(1...6)).º \(r.letter("ABC"))"])
        return "\(r.pick(portugueseStreets))\(r.chance(0.8) ? "," : "") \(r.int(1...480))\(floor)"
    }

    /// A Portuguese mobile (91/92/93/96) or landline (2x) number.
    static func portuguesePhone(_ r: inout EvalRandom, mobile: Bool) -> String {
        let prefix = mobile ? r.pick(["91", "92", "93", "96"]) : r.pick(["21", "22", "239", "253", "289", "266"])
        let s = prefix + r.digits(9 - prefix.count)
        switch r.int(0...3) {
        case 0: return "+351 \(I.group(s, [3, 3, 3], " "))"
        case 1: return I.group(s, [3, 3, 3], " ")
        case 2: return s
        default: return prefix.count == 2 && !mobile ? "\(prefix) \(I.group(String(s.dropFirst(2)), [3, 4], " "))" : "+351 \(s)"
        }
    }

    /// A Portuguese IBAN: bank, branch, account and the NIB check digits (so the IBAN check is 50).
    static func portugueseIBAN(_ r: inout EvalRandom) -> String {
        let body = r.pick(["0035", "0033", "0010", "0018", "0036", "0045", "0007", "0269"]) + r.digits(4) + r.digits(11)
        let check = 98 - I.mod97(body + "00")
        return I.ibanCompact("PT", body + I.format2(check))
    }
}

// MARK: - Brazil: supplier register

extension ThirdHeldOutCorpus {
    static func brazilianSuppliers(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "cadastro_fornecedores", locale: "pt-BR", rows: rows, &r,
            [
                ColumnSpec("cod_fornecedor", missing: 0) { r in "FOR\(r.digits(5))" },
                ColumnSpec("razao_social", missing: 0) { r in r.pick(D.brazilianCompanies) },
                ColumnSpec("nome_fantasia", missing: 0.2) { r in r.pick(D.brazilianTradeNames) },
                ColumnSpec("cnpj", ["BR_CNPJ"], missing: 0.01) { r in I.cnpj(&r) },
                ColumnSpec("inscricao_estadual", missing: 0.1) { r in r.chance(0.15) ? "ISENTO" : I.group(r.digits(12), [3, 3, 3, 3], ".") },
                ColumnSpec("nome_contato", name, missing: 0.05) { r in r.pick(D.brazilianGiven) },
                ColumnSpec("sobrenome_contato", name, missing: 0.05) { r in
                    r.chance(0.3) ? "\(r.pick(D.brazilianFamily)) \(r.pick(D.brazilianFamily))" : r.pick(D.brazilianFamily)
                },
                ColumnSpec("cpf_responsavel", ["BR_CPF"], missing: 0.15) { r in I.cpf(&r) },
                ColumnSpec("telefone", phone, missing: 0.04) { r in D.brazilianPhone(&r) },
                ColumnSpec("email", email, missing: 0.04) { r in
                    if r.chance(0.4) { return "\(r.pick(["vendas", "contato", "comercial", "financeiro", "nfe"]))@\(r.pick(D.brazilianDomains))" }
                    return D.mailbox(r.pick(D.brazilianGiven), r.pick(D.brazilianFamily), D.brazilianDomains + ["gmail.com", "uol.com.br"], &r)
                },
                ColumnSpec("endereco", address, missing: 0.02) { r in D.brazilianStreet(&r) },
                ColumnSpec("bairro", missing: 0.05) { r in r.pick(D.brazilianDistricts) },
                ColumnSpec("cep", missing: 0.02) { r in "\(I.format2(r.int(1...99)))\(I.format3(r.int(0...999)))-\(I.format3(r.int(0...999)))" },
                ColumnSpec("cidade", missing: 0.02) { r in r.pick(D.brazilianCities).0 },
                ColumnSpec("uf", missing: 0.02) { r in r.pick(D.brazilianCities).1 },
                ColumnSpec("banco", missing: 0.1) { r in r.pick(D.brazilianBanks) },
                ColumnSpec("agencia", missing: 0.1) { r in r.chance(0.6) ? r.digits(4) : "\(r.digits(4))-\(r.int(0...9))" },
                ColumnSpec("conta", missing: 0.1) { r in "\(r.int(1000...999999))-\(r.int(0...9))" },
                ColumnSpec("categoria") { r in r.pick(["Matéria-prima", "Serviços", "Logística", "TI", "Embalagens", "Manutenção", "Alimentação"]) },
                ColumnSpec("prazo_pagamento") { r in r.pick(["30 dias", "30/60/90", "à vista", "28 DDL", "45 dias"]) },
                ColumnSpec("ultima_compra", missing: 0.1) { r in EvalFormats.dmy(&r, 2024...2025, "/") },
                ColumnSpec("valor_12m") { r in "R$ \(D.amount(&r, 900...2_400_000, ".", ","))" },
            ])
    }
}

extension ThirdHeldOutData {
    static let brazilianFamily = [
        "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro",
        "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira",
        "Machado", "Mendes", "Freitas", "Cavalcanti", "Albuquerque", "Bezerra", "Siqueira", "Brandão", "da Silva", "dos Santos",
    ]
    static let brazilianGiven = [
        "João Pedro", "Carlos Eduardo", "Luiz Henrique", "Gabriel", "Rafael", "Felipe", "Bruno", "Thiago", "Leandro", "Marcelo",
        "Ana Paula", "Juliana", "Fernanda", "Camila", "Patrícia", "Aline", "Vanessa", "Letícia", "Priscila", "Renata", "Maria Eduarda",
    ]
    static let brazilianCities: [(String, String)] = [
        ("São Paulo", "SP"), ("Rio de Janeiro", "RJ"), ("Belo Horizonte", "MG"), ("Curitiba", "PR"), ("Porto Alegre", "RS"),
        ("Salvador", "BA"), ("Recife", "PE"), ("Fortaleza", "CE"), ("Goiânia", "GO"), ("Campinas", "SP"), ("Manaus", "AM"),
        ("Belém", "PA"), ("Florianópolis", "SC"), ("Joinville", "SC"), ("Ribeirão Preto", "SP"), ("Uberlândia", "MG"),
        ("Sorocaba", "SP"), ("Londrina", "PR"), ("Caxias do Sul", "RS"), ("Vitória", "ES"), ("Natal", "RN"),
        ("São José dos Campos", "SP"),
    ]
    static let brazilianStreets = [
        "Rua Augusta", "Av. Paulista", "Rua XV de Novembro", "Av. Brasil", "Rua da Consolação",
        "Av. Afonso Pena", "Rua Sete de Setembro", "Av. Boa Viagem", "Estrada dos Bandeirantes", "Rua Voluntários da Pátria",
        "Av. Presidente Vargas", "Rua Barão de Itapetininga",
    ]
    static let brazilianDistricts = [
        "Consolação", "Centro", "Savassi", "Boa Viagem", "Moema", "Batel", "Barra da Tijuca", "Distrito Industrial", "Pinheiros",
        "Jardim Paulista", "Aldeota", "Moinhos de Vento",
    ]
    static let brazilianCompanies = [
        "Silva & Filhos Comércio Ltda", "Oliveira Transportes Eireli", "Souza Materiais de Construção Ltda", "Distribuidora Pereira ME",
        "Costa Alimentos S.A.", "Metalúrgica Almeida Ltda", "Ferreira Embalagens EPP", "Rodrigues Informática ME",
        "Lima & Barbosa Advogados Associados", "Indústria Têxtil Cardoso S/A", "Mendes Logística e Armazenagem Ltda",
        "Gráfica Nascimento", "Auto Peças Andrade Ltda",
    ]
    static let brazilianTradeNames = [
        "Casa do Construtor", "Pão Dourado", "TechMais", "Embala Fácil", "Rota Sul Transportes", "Sabor da Fazenda", "LimpaMax",
        "Ponto Frio Refrigeração",
    ]
    static let brazilianDomains = ["silvaefilhos.com.br", "oliveiratransportes.com.br", "costaalimentos.com.br", "grupoandrade.com.br"]
    static let brazilianBanks = [
        "341 - Itaú Unibanco", "237 - Bradesco", "001 - Banco do Brasil", "104 - Caixa Econômica Federal", "033 - Santander",
        "260 - Nu Pagamentos", "077 - Banco Inter", "756 - Sicoob",
    ]

    /// A Brazilian street line: `Rua Augusta, 1508 - conj. 52`.
    static func brazilianStreet(_ r: inout EvalRandom) -> String {
        if r.chance(0.06) { return "\(r.pick(["Rodovia Anhanguera", "Rodovia BR-101", "Rod. Presidente Dutra"])), km \(r.int(8...420))" }
        let extra = r.pick([
            "", "", " - conj. \(r.int(11...190))", ", sala \(r.int(1...40))", " - Galpão \(r.int(1...8))", ", \(r.int(1...20))º andar",
        ])
        return "\(r.pick(brazilianStreets)), \(r.int(1...4200))\(extra)"
    }

    /// A Brazilian number: `(11) 3456-7890`, `+55 11 98765-4321`.
    static func brazilianPhone(_ r: inout EvalRandom) -> String {
        let ddd = r.pick(["11", "11", "21", "31", "41", "51", "71", "81", "85", "62", "19", "48"])
        let mobile = r.chance(0.5)
        let s = mobile ? "9\(r.int(6...9))\(r.digits(7))" : "\(r.int(2...5))\(r.digits(7))"
        let dashed = "\(s.dropLast(4))-\(s.suffix(4))"
        switch r.int(0...3) {
        case 0: return "(\(ddd)) \(dashed)"
        case 1: return "+55 \(ddd) \(dashed)"
        case 2: return "\(ddd) \(s.dropLast(4)) \(s.suffix(4))"
        default: return "+55 (\(ddd)) \(dashed)"
        }
    }
}

// MARK: - Netherlands: CRM customers

extension ThirdHeldOutCorpus {
    static func dutchCustomers(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "crm_klanten", locale: "nl-NL", rows: rows, &r,
            [
                ColumnSpec("klantnummer", missing: 0) { r in "KL-\(r.int(100000...499999))" },
                ColumnSpec("voornaam", name, missing: 0.02) { r in r.pick(D.dutchGiven) },
                ColumnSpec("achternaam", name, missing: 0.01) { r in r.pick(D.dutchFamily) },
                ColumnSpec("geboortedatum", dob, missing: 0.3) { r in EvalFormats.dmy(&r, 1940...2006, "-") },
                ColumnSpec("straat_huisnr", address, missing: 0.03) { r in D.dutchStreet(&r) },
                ColumnSpec("postcode", missing: 0.03) { r in D.dutchPostcode(&r) },
                ColumnSpec("woonplaats", missing: 0.03) { r in r.pick(D.dutchTowns) },
                ColumnSpec("telefoon", phone, missing: 0.08) { r in D.dutchPhone(&r) },
                ColumnSpec("email", email, missing: 0.05) { r in
                    D.mailbox(
                        r.pick(D.dutchGiven), r.pick(D.dutchFamily),
                        [
                            "ziggo.nl", "kpnmail.nl", "hotmail.nl", "gmail.com", "xs4all.nl",
                            "planet.nl",
                        ], &r)
                },
                ColumnSpec("iban", iban, missing: 0.1) { r in D.printed(D.dutchIBAN(&r), &r) },
                ColumnSpec("bedrijfsnaam", missing: 0.6) { r in r.pick(D.dutchCompanies) },
                ColumnSpec("kvk_nummer", missing: 0.6) { r in "\(r.int(1...9))\(r.digits(7))" },
                ColumnSpec("klantsegment") { r in r.pick(["Particulier", "Particulier", "Zakelijk", "MKB", "Groot zakelijk"]) },
                ColumnSpec("abonnement") { r in
                    r.pick(["Energie Vast 3 jaar", "Energie Variabel", "Internet 1000", "Alles-in-1 Plus", "Zonnepanelen"])
                },
                ColumnSpec("laatste_contact", missing: 0.1) { r in EvalFormats.dmy(&r, 2024...2025, "-") },
                ColumnSpec("maandbedrag") { r in "€ \(D.amount(&r, 18...420, ".", ","))" },
                ColumnSpec("status") { r in r.pick(["Actief", "Actief", "Opgezegd", "Prospect", "Incasso"]) },
                ColumnSpec("opmerking", missing: 0.55) { r in r.pick(D.dutchNotes) },
            ])
    }
}

extension ThirdHeldOutData {
    static let dutchFamily = [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "de Graaf",
        "van der Meer", "van der Linden", "Kok", "de Haan", "Vermeulen", "van den Heuvel", "Schouten", "Verhoeven", "Kuipers",
        "Hoekstra", "Postma", "Zwart", "'t Hart", "Wijnands",
    ]
    static let dutchGiven = [
        "Daan", "Sem", "Bram", "Lars", "Thijs", "Ruben", "Jeroen", "Maarten", "Pieter", "Koen", "Wouter", "Sjoerd", "Anouk", "Sanne",
        "Femke", "Lotte", "Fleur", "Iris", "Mirjam", "Ingrid", "Marloes", "Eline", "Ilse",
    ]
    static let dutchTowns = [
        "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen",
        "Apeldoorn", "Haarlem", "Arnhem", "Enschede", "Amersfoort", "Zaandam", "'s-Hertogenbosch", "Zwolle", "Leiden", "Maastricht",
        "Dordrecht", "Delft", "Leeuwarden", "Alkmaar", "Hilversum", "Deventer",
    ]
    static let dutchStreets = [
        "Keizersgracht", "Prinsengracht", "Oudegracht", "Coolsingel", "Dorpsstraat", "Kerkstraat", "Stationsweg", "Molenweg",
        "Julianalaan", "Wilhelminastraat", "Beatrixlaan", "Nieuwe Binnenweg", "Lange Voorhout", "Vismarkt", "Van Goghstraat",
        "Burgemeester de Withstraat", "Hoofdstraat",
    ]
    static let dutchCompanies = [
        "Jansen Installatietechniek B.V.", "Bakkerij de Vries", "Van Dijk Transport", "Bos & Zonen", "Visser Advocaten",
        "Meijer Bouw B.V.", "De Groot Tuinen V.O.F.", "Albert Heijn 1423", "Hoekstra Accountants", "Kok Fietsen",
    ]
    static let dutchNotes = [
        "Terugbellen na 17:00", "Wil geen nieuwsbrief", "Machtiging getekend", "Verhuisd, adres controleren", "Klacht over factuur",
        "Overstapservice aangevraagd", "Betalingsregeling",
    ]

    /// `Keizersgracht 123-H`, `Kerkstraat 8a`, `Oudegracht 45 bis`.
    static func dutchStreet(_ r: inout EvalRandom) -> String {
        let suffix = r.pick(["", "", "", "a", "b", "-H", "-1", " II", " bis", "-3hg"])
        return "\(r.pick(dutchStreets)) \(r.int(1...420))\(suffix)"
    }

    /// A Dutch postcode: `1015 CJ` (no SA, SD or SS).
    static func dutchPostcode(_ r: inout EvalRandom) -> String {
        let letters = "ABCEGHJKLMNPRTVWXZ"
        return "\(r.int(1000...9999))\(r.chance(0.8) ? " " : "")\(r.letter(letters))\(r.letter(letters))"
    }

    /// A Dutch mobile (06) or landline number.
    static func dutchPhone(_ r: inout EvalRandom) -> String {
        if r.chance(0.6) {
            let s = r.digits(8)
            switch r.int(0...3) {
            case 0: return "06-\(s)"
            case 1: return "+31 6 \(s)"
            case 2: return "06 \(I.group(s, [2, 2, 2, 2], " "))"
            default: return "0031 6 \(I.group(s, [4, 4], " "))"
            }
        }
        let area = r.pick(["20", "10", "70", "30", "40", "50", "13", "24", "26", "71", "15", "36", "15", "43"])
        let s = EvalFormats.sub(&r, 7)
        switch r.int(0...2) {
        case 0: return "0\(area)-\(s)"
        case 1: return "+31 (0)\(area) \(I.group(s, [3, 4], " "))"
        default: return "0\(area) \(I.group(s, [3, 2, 2], " "))"
        }
    }

    /// A Dutch IBAN with a bank code and an account passing the eleven-test (INGB: old giro numbers).
    static func dutchIBAN(_ r: inout EvalRandom) -> String {
        let bank = r.pick(["RABO", "INGB", "ABNA", "SNSB", "TRIO", "KNAB", "ASNB", "RABO", "ABNA"])
        if bank == "INGB" { return I.ibanCompact("NL", "INGB000\(r.int(1...9))\(r.digits(6))") }
        while true {
            let account = "\(r.int(1...9))\(r.digits(9))"
            let sum = account.enumerated().reduce(0) { $0 + Int(String($1.element))! * (10 - $1.offset) }
            if sum % 11 == 0 { return I.ibanCompact("NL", bank + account) }
        }
    }
}

// MARK: - United Kingdom and Ireland: HR

extension ThirdHeldOutCorpus {
    static func britishIrishStaff(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "HR_EMPLOYEE", locale: "en-GB/en-IE", rows: rows, &r,
            [
                ColumnSpec("EMP_ID", missing: 0) { r in "E\(r.int(100000...299999))" },
                ColumnSpec("LAST_NM", name, missing: 0.01) { r in r.pick(D.britishIrishFamily) },
                ColumnSpec("FIRST_NM", name, missing: 0.01) { r in r.pick(D.britishIrishGiven) },
                ColumnSpec("KNOWN_AS", name, missing: 0.6) { r in r.pick(["Liz", "Bob", "Jim", "Kate", "Mags", "Dec", "Fi", "Tom", "Sam", "Rob"]) },
                ColumnSpec("DOB", dob, missing: 0.02) { r in EvalFormats.dmy(&r, 1958...2006, "/") },
                ColumnSpec("NI_NO", ["UK_NINO"], missing: 0.2) { r in I.nino(&r) },
                ColumnSpec("HOME_ADDR", address, missing: 0.03) { r in D.britishIrishAddress(&r) },
                ColumnSpec("POSTCODE", missing: 0.05) { r in
                    r.chance(0.7) ? D.ukPostcode(&r, r.pick(D.ukTowns).1) : D.eircode(&r, r.pick(D.irishTowns).1)
                },
                ColumnSpec("MOBILE", phone, missing: 0.05) { r in D.britishIrishPhone(&r) },
                ColumnSpec("WORK_EMAIL", email, missing: 0.02) { r in
                    D.mailbox(r.pick(D.britishIrishGiven), r.pick(D.britishIrishFamily), ["hallorangroup.co.uk", "hallorangroup.ie"], &r)
                },
                ColumnSpec("BANK_IBAN", iban, missing: 0.15) { r in D.printed(D.britishIrishIBAN(&r), &r) },
                ColumnSpec("SORT_CODE", missing: 0.15) { r in "\(I.format2(r.int(1...99)))-\(I.format2(r.int(0...99)))-\(I.format2(r.int(0...99)))" },
                ColumnSpec("DEPT") { r in
                    r.pick(["Finance", "People & Culture", "Operations", "Engineering", "Sales", "Customer Success", "Legal", "Facilities"])
                },
                ColumnSpec("JOB_TITLE") { r in r.pick(D.britishIrishJobs) },
                ColumnSpec("SITE") { r in r.pick(D.britishIrishSites) },
                ColumnSpec("START_DT", missing: 0.01) { r in EvalFormats.dmy(&r, 2004...2025, "/") },
                ColumnSpec("CONTRACT") { r in r.pick(["Permanent", "Permanent", "Fixed-term", "Part-time", "Zero hours", "Contractor"]) },
                ColumnSpec("SALARY") { r in
                    r.chance(0.7) ? "£\(EvalFormats.thousands(r.int(44...240) * 500, ","))" : "€\(EvalFormats.thousands(r.int(52...260) * 500, ","))"
                },
                ColumnSpec("LINE_MGR", name, missing: 0.05) { r in "\(r.pick(D.britishIrishFamily).uppercased()), \(r.pick(D.britishIrishGiven))" },
                ColumnSpec("LAPTOP_ASSET", missing: 0.1) { r in "HLG-LT-\(r.digits(5))" },
            ])
    }
}

extension ThirdHeldOutData {
    static let britishIrishFamily = [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Roberts", "Walker", "Wright", "Robinson",
        "Thompson", "Hughes", "Patel", "Khan", "Murphy", "Kelly", "O'Sullivan", "Walsh", "O'Brien", "Byrne", "Ryan", "O'Connor",
        "MacLeod", "McAllister", "Fitzgerald", "Doyle", "Gallagher", "Featherstone", "Pritchard", "Ellison", "Ní Bhriain",
        "Bowes-Lyon", "Ó Súilleabháin",
    ]
    static let britishIrishGiven = [
        "Oliver", "George", "Harry", "Jack", "James", "Callum", "Rhys", "Ciarán", "Seán", "Darragh", "Eoin", "Olivia", "Amelia",
        "Emily", "Charlotte", "Hannah", "Niamh", "Aoife", "Siobhán", "Róisín", "Priya", "Mohammed", "Fiona", "Gareth",
    ]
    static let ukTowns: [(String, String)] = [
        ("London", "SW"), ("London", "E"), ("London", "N"), ("Manchester", "M"), ("Birmingham", "B"), ("Leeds", "LS"), ("Glasgow", "G"),
        ("Edinburgh", "EH"), ("Bristol", "BS"), ("Cardiff", "CF"), ("Liverpool", "L"), ("Sheffield", "S"), ("Newcastle upon Tyne", "NE"),
        ("Nottingham", "NG"), ("Leicester", "LE"), ("Belfast", "BT"), ("Brighton", "BN"), ("Oxford", "OX"), ("Cambridge", "CB"),
        ("Aberdeen", "AB"), ("Inverness", "IV"), ("Swansea", "SA"), ("York", "YO"), ("Norwich", "NR"), ("Exeter", "EX"),
    ]
    static let irishTowns: [(String, String)] = [
        ("Dublin 2", "D02"), ("Dublin 4", "D04"), ("Dublin 8", "D08"), ("Dublin 9", "D09"), ("Dublin 15", "D15"), ("Cork", "T12"),
        ("Galway", "H91"), ("Limerick", "V94"), ("Waterford", "X91"), ("Kilkenny", "R95"), ("Sligo", "F91"), ("Athlone", "N37"),
        ("Drogheda", "A92"), ("Dundalk", "A91"), ("Tralee", "V92"), ("Wexford", "Y35"), ("Naas", "W91"), ("Bray", "A98"),
    ]
    static let ukStreets = [
        "Victoria Road", "High Street", "Church Lane", "Station Road", "Park Avenue", "Mill Lane", "The Crescent", "Kings Road",
        "Queen Street", "Manor Way", "Albert Terrace", "Orchard Close", "Heol y Coed", "Great Western Road",
    ]
    static let irishStreets = [
        "Griffith Avenue", "Main Street", "Patrick Street", "Shop Street", "Ballymun Road", "Strand Road", "Rathmines Road Lower",
        "Castle Street", "Church View", "Bóthar na Trá",
    ]
    static let ukLocalities = ["Headingley", "Clifton", "Didsbury", "Morningside", "Jesmond", "Roath", "Hove", "Headington", "Partick"]
    static let irishLocalities = ["Drumcondra", "Ranelagh", "Ballincollig", "Salthill", "Castletroy", "Clontarf", "Phibsborough"]
    static let britishIrishJobs = [
        "Payroll Administrator", "Senior Software Engineer", "Account Executive", "HR Business Partner", "Warehouse Operative",
        "Customer Success Manager", "Finance Business Partner", "Graduate Analyst", "Head of Legal", "Facilities Coordinator",
    ]
    static let britishIrishSites = [
        "London", "Manchester", "Leeds", "Glasgow", "Belfast", "Bristol", "Birmingham", "Edinburgh", "Dublin", "Cork", "Galway",
        "Limerick", "Remote – UK", "Remote – IE",
    ]

    /// A UK postcode in `area`: `SW1A 1AA`-style outward code, digit and two letters.
    static func ukPostcode(_ r: inout EvalRandom, _ area: String) -> String {
        let district = area == "SW" && r.chance(0.2) ? "1A" : String(r.int(1...20))
        let tail = "ABDEFGHJLNPQRSTUWXYZ"
        return "\(area)\(district) \(r.int(1...9))\(r.letter(tail))\(r.letter(tail))"
    }

    /// An Irish Eircode under `routing`: `D02 X285`.
    static func eircode(_ r: inout EvalRandom, _ routing: String) -> String {
        let chars = "0123456789ACDEFHKNPRTVWXY"
        var id = String(r.letter("ACDEFHKNPRTVWXY"))
        for _ in 0..<3 { id.append(r.letter(chars)) }
        return "\(routing) \(id)"
    }

    /// A home address, usually on several lines: house, street, locality, town, postcode or Eircode.
    static func britishIrishAddress(_ r: inout EvalRandom) -> String {
        let flat = r.chance(0.2) ? "Flat \(r.int(1...24)), " : ""
        var lines: [String]
        if r.chance(0.65) {
            let (town, area) = r.pick(ukTowns)
            lines = ["\(flat)\(r.int(1...240)) \(r.pick(ukStreets))"]
            if r.chance(0.4) { lines.append(r.pick(ukLocalities)) }
            lines += [town, ukPostcode(&r, area)]
        } else {
            let (town, routing) = r.pick(irishTowns)
            lines = ["\(flat)\(r.int(1...180)) \(r.pick(irishStreets))"]
            if r.chance(0.4) { lines.append(r.pick(irishLocalities)) }
            lines += [town, eircode(&r, routing)]
        }
        return lines.joined(separator: r.chance(0.7) ? "\n" : ", ")
    }

    /// A UK (07…) or Irish (08x …) mobile number.
    static func britishIrishPhone(_ r: inout EvalRandom) -> String {
        if r.chance(0.65) {
            let s = "7\(r.int(4...9))\(r.digits(8))"
            switch r.int(0...3) {
            case 0: return "0\(s.prefix(4)) \(s.dropFirst(4))"
            case 1: return "+44 \(s.prefix(4)) \(s.dropFirst(4))"
            case 2: return "+44 (0)\(I.group(s, [4, 3, 3], " "))"
            default: return "0\(s)"
            }
        }
        let p = r.pick(["83", "85", "86", "87", "89"])
        let s = EvalFormats.sub(&r, 7)
        switch r.int(0...2) {
        case 0: return "0\(p) \(I.group(s, [3, 4], " "))"
        case 1: return "+353 \(p) \(I.group(s, [3, 4], " "))"
        default: return "+353 (0)\(p) \(s)"
        }
    }

    /// A GB or IE IBAN: bank code, six-digit sort code, eight-digit account.
    static func britishIrishIBAN(_ r: inout EvalRandom) -> String {
        if r.chance(0.6) {
            let (bank, sort) = r.pick([("NWBK", "60"), ("BARC", "20"), ("LOYD", "30"), ("HBUK", "40"), ("MIDL", "40"), ("BUKB", "20")])
            return I.ibanCompact("GB", bank + sort + r.digits(4) + r.digits(8))
        }
        let (bank, sort) = r.pick([("AIBK", "93"), ("BOFI", "90"), ("IPBS", "99"), ("ULSB", "98")])
        return I.ibanCompact("IE", bank + sort + r.digits(4) + r.digits(8))
    }
}

// MARK: - Australia: retail customers

extension ThirdHeldOutCorpus {
    static func australianCustomers(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "customers", locale: "en-AU", rows: rows, &r,
            [
                ColumnSpec("customer_no", missing: 0) { r in "CUS\(r.digits(7))" },
                ColumnSpec("full_name", name, missing: 0.01) { r in
                    let g = r.pick(D.australianGiven)
                    let f = r.pick(D.australianFamily)
                    return r.chance(0.3) ? "\(f.uppercased()), \(g)" : "\(g) \(f)"
                },
                ColumnSpec("date_of_birth", dob, missing: 0.2) { r in EvalFormats.dmy(&r, 1945...2007, "/") },
                ColumnSpec("street_address", address, missing: 0.03) { r in D.australianStreet(&r) },
                ColumnSpec("suburb", missing: 0.03) { r in r.pick(D.australianSuburbs).0 },
                ColumnSpec("state", missing: 0.03) { r in r.pick(["NSW", "NSW", "VIC", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"]) },
                ColumnSpec("postcode", missing: 0.03) { r in I.format4(r.int(800...7470)) },
                ColumnSpec("postal_address", address, missing: 0.6) { r in
                    let (suburb, state, pc) = r.pick(D.australianSuburbs)
                    return "\(D.australianStreet(&r)), \(suburb.uppercased()) \(state) \(pc)"
                },
                ColumnSpec("mobile", phone, missing: 0.05) { r in D.australianPhone(&r, mobile: true) },
                ColumnSpec("home_phone", phone, missing: 0.6) { r in D.australianPhone(&r, mobile: false) },
                ColumnSpec("email", email, missing: 0.05) { r in
                    D.mailbox(
                        r.pick(D.australianGiven), r.pick(D.australianFamily),
                        [
                            "bigpond.com", "gmail.com", "outlook.com.au",
                            "optusnet.com.au", "icloud.com",
                        ], &r)
                },
                ColumnSpec("loyalty_tier") { r in r.pick(["Bronze", "Silver", "Silver", "Gold", "Platinum"]) },
                ColumnSpec("preferred_store") { r in r.pick(D.australianStores) },
                ColumnSpec("last_purchase", missing: 0.05) { r in EvalFormats.dmy(&r, 2024...2025, "/") },
                ColumnSpec("lifetime_value") { r in "\(r.chance(0.5) ? "A$" : "$")\(D.amount(&r, 12...18500, ",", "."))" },
                ColumnSpec("last_sku", missing: 0.1) { r in "AU-\(r.pick(["HW", "GD", "KT", "OD"]))-\(r.digits(6))" },
                ColumnSpec("app_version", missing: 0.3) { r in D.version(&r) },
                ColumnSpec("marketing_opt_in") { r in r.pick(["Y", "N", "Y"]) },
                ColumnSpec("notes", missing: 0.6) { r in
                    r.pick(["Prefers SMS", "Do not call", "Returned item – refunded", "VIP event invite", "Trade account"])
                },
            ])
    }
}

extension ThirdHeldOutData {
    static let australianFamily = [
        "Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Johnson", "White", "Martin", "Anderson", "Thompson", "Nguyen",
        "Tran", "Ryan", "Kelly", "O'Brien", "Walker", "Harris", "Campbell", "Mitchell", "Chapman", "McDonald", "Stewart",
        "Papadopoulos", "Rossi", "Singh", "Kaur", "Wong", "Nikolaidis", "Henderson", "Fitzpatrick", "Sutherland", "Van der Berg",
    ]
    static let australianGiven = [
        "Jack", "Noah", "William", "Lachlan", "Cooper", "Oliver", "Riley", "Mitchell", "Bradley", "Darren", "Charlotte", "Olivia",
        "Mia", "Chloe", "Isla", "Matilda", "Kylie", "Tegan", "Jessica", "Emma", "Linh", "Harpreet",
    ]
    static let australianSuburbs: [(String, String, String)] = [
        ("Bondi", "NSW", "2026"), ("Parramatta", "NSW", "2150"), ("Newtown", "NSW", "2042"), ("Surry Hills", "NSW", "2010"),
        ("Manly", "NSW", "2095"), ("Chatswood", "NSW", "2067"), ("Cronulla", "NSW", "2230"), ("Fitzroy", "VIC", "3065"),
        ("St Kilda", "VIC", "3182"), ("Brunswick", "VIC", "3056"), ("Hawthorn", "VIC", "3122"), ("Southbank", "VIC", "3006"),
        ("Toowong", "QLD", "4066"), ("Kangaroo Point", "QLD", "4169"), ("Bulimba", "QLD", "4171"), ("Fremantle", "WA", "6160"),
        ("Subiaco", "WA", "6008"), ("Glenelg", "SA", "5045"), ("Sandy Bay", "TAS", "7005"), ("Belconnen", "ACT", "2617"),
        ("Woden", "ACT", "2606"), ("Parap", "NT", "0820"), ("Sydney", "NSW", "2000"),
    ]
    static let australianStreets = [
        "George St", "Pitt St", "Smith St", "Bondi Rd", "Glenferrie Rd", "Sydney Rd", "Chapel St", "Brunswick St", "Oxford St",
        "Adelaide Tce", "Stirling Hwy", "Beaufort St", "Hay St", "Anzac Pde", "Parramatta Rd", "Lygon St", "Military Rd",
        "Coronation Dr", "Wattle Grove", "Banksia Cres",
    ]
    static let australianStores = [
        "Bondi Junction", "Chadstone", "Carindale", "Garden City", "Macquarie Centre", "Highpoint", "Marion", "Karrinyup", "Online",
    ]

    /// `Unit 4, 12 Smith St`, `3/17 Glenferrie Rd`, `42 Bondi Rd`.
    static func australianStreet(_ r: inout EvalRandom) -> String {
        let street = r.pick(australianStreets)
        switch r.int(0...5) {
        case 0: return "Unit \(r.int(1...30)), \(r.int(1...400)) \(street)"
        case 1: return "\(r.int(1...30))/\(r.int(1...400)) \(street)"
        default: return "\(r.int(1...400)) \(street)"
        }
    }

    /// An Australian mobile (04xx) or landline (0x xxxx xxxx) number.
    static func australianPhone(_ r: inout EvalRandom, mobile: Bool) -> String {
        if mobile {
            let s = "4\(r.digits(8))"
            switch r.int(0...3) {
            case 0: return "0\(I.group(s, [3, 3, 3], " "))"
            case 1: return "+61 \(I.group(s, [3, 3, 3], " "))"
            case 2: return "0\(s)"
            default: return "+61\(s)"
            }
        }
        let area = r.pick(["2", "3", "7", "8"])
        let s = EvalFormats.sub(&r, 8)
        switch r.int(0...2) {
        case 0: return "(0\(area)) \(I.group(s, [4, 4], " "))"
        case 1: return "+61 \(area) \(I.group(s, [4, 4], " "))"
        default: return "0\(area) \(I.group(s, [4, 4], " "))"
        }
    }
}

// MARK: - India: bank KYC

extension ThirdHeldOutCorpus {
    static func indianKYC(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "kyc_customer_master", locale: "en-IN", rows: rows, &r,
            [
                ColumnSpec("application_no", missing: 0) { r in "APP\(r.int(2024...2025))\(r.digits(7))" },
                ColumnSpec("customer_name", name, missing: 0) { r in D.indianName(&r) },
                ColumnSpec("father_spouse_name", name, missing: 0.08) { r in D.indianName(&r) },
                ColumnSpec("dob", dob, missing: 0.01) { r in EvalFormats.dmy(&r, 1950...2006, r.chance(0.6) ? "-" : "/") },
                ColumnSpec("gender") { r in r.pick(["M", "F", "M", "F", "T"]) },
                ColumnSpec("pan_no", ["IN_PAN"], missing: 0.05) { r in I.pan(&r) },
                ColumnSpec("aadhaar_no", ["IN_AADHAAR"], missing: 0.1) { r in I.aadhaar(&r) },
                ColumnSpec("mobile_no", phone, missing: 0.01) { r in D.indianPhone(&r) },
                ColumnSpec("email_id", email, missing: 0.1) { r in
                    D.mailbox(
                        r.pick(D.indianGiven), r.pick(D.indianFamily),
                        [
                            "gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com",
                            "hotmail.com",
                        ], &r)
                },
                ColumnSpec("address_line", address, missing: 0.02) { r in D.indianAddress(&r) },
                ColumnSpec("city", missing: 0.02) { r in r.pick(D.indianCities).0 },
                ColumnSpec("state", missing: 0.02) { r in r.pick(D.indianCities).1 },
                ColumnSpec("pincode", missing: 0.02) { r in "\(r.int(11...85))\(r.digits(4))" },
                ColumnSpec("occupation") { r in
                    r.pick(["Salaried", "Self-employed", "Business", "Retired", "Homemaker", "Student", "Professional"])
                },
                ColumnSpec("annual_income") { r in "₹ \(EvalFormats.lakhs(r.int(2...90) * 25_000))" },
                ColumnSpec("home_branch") { r in r.pick(D.indianBranches) },
                ColumnSpec("ifsc") { r in "\(r.pick(["HDFC", "SBIN", "ICIC", "UTIB", "KKBK", "PUNB"]))0\(r.digits(6))" },
                ColumnSpec("nominee_name", name, missing: 0.3) { r in D.indianName(&r) },
                ColumnSpec("nominee_relation", missing: 0.3) { r in r.pick(["Spouse", "Son", "Daughter", "Father", "Mother", "Brother"]) },
                ColumnSpec("account_opened", missing: 0.05) { r in EvalFormats.dmy(&r, 2015...2025, "-") },
                ColumnSpec("kyc_status") { r in r.pick(["Verified", "Verified", "Pending", "Re-KYC due", "Rejected"]) },
            ])
    }
}

extension ThirdHeldOutData {
    static let indianFamily = [
        "Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Shah", "Reddy", "Rao", "Nair", "Iyer", "Menon", "Pillai", "Mukherjee",
        "Banerjee", "Chatterjee", "Das", "Ghosh", "Joshi", "Kulkarni", "Deshpande", "Patil", "Jadhav", "Yadav", "Mishra", "Tiwari",
        "Agarwal", "Malhotra", "Kapoor", "Bhattacharya", "Naidu", "Chaudhary", "Venkataraman", "D'Souza", "Fernandes",
    ]
    static let indianGiven = [
        "Ramesh", "Suresh", "Rajesh", "Amit", "Rahul", "Vikram", "Arjun", "Sanjay", "Anil", "Pradeep", "Karthik", "Venkatesh",
        "Priya", "Anjali", "Sunita", "Kavita", "Neha", "Pooja", "Deepika", "Lakshmi", "Meenakshi", "Swati", "Shalini",
    ]
    static let indianCities: [(String, String, String)] = [
        ("Bengaluru", "Karnataka", "560"), ("Mumbai", "Maharashtra", "400"), ("Pune", "Maharashtra", "411"), ("Chennai", "Tamil Nadu", "600"),
        ("Hyderabad", "Telangana", "500"), ("New Delhi", "Delhi", "110"), ("Noida", "Uttar Pradesh", "201"), ("Kolkata", "West Bengal", "700"),
        ("Ahmedabad", "Gujarat", "380"), ("Jaipur", "Rajasthan", "302"), ("Lucknow", "Uttar Pradesh", "226"), ("Kochi", "Kerala", "682"),
        ("Coimbatore", "Tamil Nadu", "641"), ("Indore", "Madhya Pradesh", "452"), ("Bhubaneswar", "Odisha", "751"),
        ("Chandigarh", "Chandigarh", "160"), ("Nagpur", "Maharashtra", "440"), ("Visakhapatnam", "Andhra Pradesh", "530"),
        ("Surat", "Gujarat", "395"), ("Guwahati", "Assam", "781"), ("Mysuru", "Karnataka", "570"),
    ]
    static let indianLocalities = [
        "Malleswaram", "Andheri East", "Kothrud", "Adyar", "Banjara Hills", "Lajpat Nagar", "Sector 62", "Salt Lake", "Navrangpura",
        "Vaishali Nagar", "Gomti Nagar", "Kakkanad", "Indiranagar", "Vijay Nagar", "Saheed Nagar",
    ]
    static let indianBuildings = ["Sai Krupa Apartments", "Shanti Niwas", "Green Valley Residency", "Prestige Lakeside", "Gokul Dham Society"]
    static let indianBranches = [
        "MG Road, Bengaluru", "Andheri West", "Connaught Place", "T. Nagar", "Salt Lake Sector V", "Banjara Hills", "Koregaon Park",
        "Civil Lines", "Fort, Mumbai",
    ]

    /// `Ramesh Kumar Iyer`, `R. Karthik`, `Priya Sharma`.
    static func indianName(_ r: inout EvalRandom) -> String {
        let given = r.pick(indianGiven)
        switch r.int(0...5) {
        case 0: return "\(given) \(r.pick(["Kumar", "Prasad", "Lal", "Devi", "Chandra", "Bai"])) \(r.pick(indianFamily))"
        case 1: return "\(r.letter("ABCGKMNPRSTV")). \(given)"
        case 2: return "\(given) \(r.pick(indianFamily))".uppercased()
        default: return "\(given) \(r.pick(indianFamily))"
        }
    }

    /// An Indian address line with flat, building, locality, city and PIN.
    static func indianAddress(_ r: inout EvalRandom) -> String {
        let (city, _, pin) = r.pick(indianCities)
        let pinCode = "\(pin)\(I.format3(r.int(1...99)))"
        let locality = r.pick(indianLocalities)
        switch r.int(0...3) {
        case 0: return "Flat \(r.int(1...12))0\(r.int(1...8)), \(r.pick(indianBuildings)), \(r.int(1...18))th Cross, \(locality), \(city) \(pinCode)"
        case 1: return "H.No. \(r.int(1...16))-\(r.int(1...9))-\(r.int(1...999)), \(locality), \(city) - \(pinCode)"
        case 2: return "\(r.letter("ABCDEFG"))-\(r.int(1...250)), \(locality), \(city) \(pinCode)"
        default: return "Plot No. \(r.int(1...120)), \(r.pick(["Shivaji", "Gandhi", "Nehru", "Rajiv", "Indira"])) Nagar, \(city) \(pinCode)"
        }
    }

    /// An Indian mobile number (6–9 first digit).
    static func indianPhone(_ r: inout EvalRandom) -> String {
        let s = "\(r.int(6...9))\(r.digits(9))"
        switch r.int(0...4) {
        case 0: return "+91 \(I.group(s, [5, 5], " "))"
        case 1: return s
        case 2: return "0\(I.group(s, [5, 5], " "))"
        case 3: return "+91-\(s)"
        default: return "91\(s)"
        }
    }
}

// MARK: - United States: health claims

extension ThirdHeldOutCorpus {
    static func americanClaims(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "claims_export", locale: "en-US", rows: rows, &r,
            [
                ColumnSpec("claim_id", missing: 0) { r in "CLM-\(r.digits(9))" },
                ColumnSpec("plan_policy_no", missing: 0.01) { r in "PLN-\(r.int(10...99))-\(r.digits(6))" },
                ColumnSpec("patient_name", name, missing: 0.01) { r in
                    let f = r.pick(D.americanFamily)
                    let g = r.pick(D.americanGiven)
                    let initial = r.chance(0.4) ? " \(r.letter())" : ""
                    return r.chance(0.6) ? "\(f.uppercased()), \(g.uppercased())\(initial)" : "\(f), \(g)\(initial)"
                },
                ColumnSpec("patient_ssn", ["US_SSN"], missing: 0.15) { r in I.ssn(&r) },
                ColumnSpec("patient_dob", dob, missing: 0.01) { r in D.mdy(&r, 1938...2024) },
                ColumnSpec("address1", address, missing: 0.02) { r in D.americanStreet(&r) },
                ColumnSpec("city", missing: 0.02) { r in r.pick(D.americanCities).0 },
                ColumnSpec("state", missing: 0.02) { r in r.pick(D.americanCities).1 },
                ColumnSpec("zip", missing: 0.02) { r in
                    "\(I.format2(r.int(1...99)))\(I.format3(r.int(0...999)))\(r.chance(0.3) ? "-\(r.digits(4))" : "")"
                },
                ColumnSpec("phone", phone, missing: 0.05) { r in D.americanPhone(&r) },
                ColumnSpec("email", email, missing: 0.3) { r in
                    D.mailbox(
                        r.pick(D.americanGiven), r.pick(D.americanFamily),
                        [
                            "gmail.com", "yahoo.com", "aol.com", "comcast.net",
                            "outlook.com", "icloud.com",
                        ], &r)
                },
                ColumnSpec("date_of_service", missing: 0) { r in D.mdy(&r, 2024...2025) },
                ColumnSpec("provider_name") { r in r.pick(D.americanProviders) },
                ColumnSpec("rendering_npi", missing: 0.02) { r in
                    String(I.luhnComplete("80840\(r.int(1...2))\(r.digits(8))").dropFirst(5))
                },
                ColumnSpec("cpt") { r in r.pick(["99213", "99214", "73721", "80053", "97110", "36415", "71046", "99285"]) },
                ColumnSpec("icd10") { r in r.pick(["M54.50", "E11.9", "I10", "J06.9", "S93.401A", "Z00.00", "K21.9", "F41.1"]) },
                ColumnSpec("billed_amt") { r in "$\(D.amount(&r, 45...48000, ",", "."))" },
                ColumnSpec("claim_status") { r in r.pick(["Paid", "Paid", "Denied", "Pending", "In Review", "Appealed"]) },
                ColumnSpec("adjuster", name, missing: 0.2) { r in "\(r.pick(D.americanGiven)) \(r.pick(D.americanFamily))" },
                ColumnSpec("denial_reason", missing: 0.7) { r in
                    r.pick(["CO-97 bundled", "Missing prior auth", "Timely filing", "Not covered", "Duplicate claim"])
                },
                ColumnSpec("source_host", missing: 0) { r in D.host("claims.northwind-health.net", &r) },
            ])
    }
}

extension ThirdHeldOutData {
    static let americanFamily = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Wilson", "Anderson",
        "Taylor", "Moore", "Jackson", "Lee", "Thompson", "White", "Harris", "Clark", "Robinson", "Walker", "Young", "Nguyen",
        "Kowalski", "Schwartz", "Delgado", "Washington", "Okafor", "Sullivan", "Abernathy", "Whitfield", "Castellanos", "Lindqvist",
    ]
    static let americanGiven = [
        "James", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Christopher", "Tyler", "Brandon", "DeShawn", "Mary",
        "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Ashley", "Brittany", "Madison", "Kayla", "Lakisha",
    ]
    static let americanCities: [(String, String)] = [
        ("Chicago", "IL"), ("Houston", "TX"), ("Phoenix", "AZ"), ("Philadelphia", "PA"), ("San Antonio", "TX"), ("San Diego", "CA"),
        ("Dallas", "TX"), ("Jacksonville", "FL"), ("Columbus", "OH"), ("Charlotte", "NC"), ("Indianapolis", "IN"), ("Seattle", "WA"),
        ("Denver", "CO"), ("Boston", "MA"), ("Nashville", "TN"), ("Detroit", "MI"), ("Portland", "OR"), ("Las Vegas", "NV"),
        ("Milwaukee", "WI"), ("Albuquerque", "NM"), ("Atlanta", "GA"), ("Omaha", "NE"), ("Raleigh", "NC"), ("Tulsa", "OK"),
    ]
    static let americanStreets = [
        "Maple Ave", "Oak St", "Elm St", "Main St", "Park Ave", "2nd St", "W Jackson Blvd", "N Michigan Ave", "Sunset Blvd",
        "Peachtree St NE", "Washington St", "Lakeview Dr", "Cedar Ln", "Pine Ridge Rd", "Market St", "E 14th St", "Country Club Rd",
    ]
    static let americanProviders = [
        "Mercy General Hospital", "Johnson Family Dental", "Kaiser Permanente", "Northwestern Memorial", "Walgreens #4512",
        "Lakeside Orthopedics PC", "Smith & Patel MD LLC", "Quest Diagnostics", "St. Luke's Urgent Care", "Whitfield Physical Therapy",
    ]

    /// `1234 Maple Ave Apt 5B`, `77 W Jackson Blvd Ste 1200`.
    static func americanStreet(_ r: inout EvalRandom) -> String {
        let unit = r.pick([
            "", "", "", " Apt \(r.int(1...30))\(r.letter("ABCD"))", " Ste \(r.int(1...24))00", " Unit \(r.int(1...300))", " #\(r.int(1...40))",
        ])
        return "\(r.int(1...19999)) \(r.pick(americanStreets))\(unit)"
    }

    /// A NANP number with a real area code and an exchange that is not 555.
    static func americanPhone(_ r: inout EvalRandom) -> String {
        let area = r.pick(["212", "312", "415", "617", "713", "305", "404", "206", "303", "602", "214", "702", "503", "612", "919"])
        var exchange = EvalFormats.sub(&r, 3)
        if exchange == "555" { exchange = "556" }
        let line = r.digits(4)
        switch r.int(0...4) {
        case 0: return "(\(area)) \(exchange)-\(line)"
        case 1: return "\(area)-\(exchange)-\(line)"
        case 2: return "+1 \(area) \(exchange) \(line)"
        case 3: return "\(area).\(exchange).\(line)"
        default: return "\(area)\(exchange)\(line)"
        }
    }
}

// MARK: - Japan: loyalty members

extension ThirdHeldOutCorpus {
    static func japaneseMembers(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "会員マスタ", locale: "ja-JP", rows: rows, &r,
            [
                ColumnSpec("会員番号", missing: 0) { r in "M\(r.digits(8))" },
                ColumnSpec("姓", name, missing: 0.01) { r in r.pick(D.japaneseFamily).0 },
                ColumnSpec("名", name, missing: 0.01) { r in r.pick(D.japaneseGiven).0 },
                ColumnSpec("フリガナ", name, missing: 0.1) { r in
                    "\(r.pick(D.japaneseFamily).1)\(r.chance(0.7) ? "\u{3000}" : " ")\(r.pick(D.japaneseGiven).1)"
                },
                ColumnSpec("性別") { r in r.pick(["男", "女", "女", "男", "回答しない"]) },
                ColumnSpec("生年月日", dob, missing: 0.05) { r in
                    r.chance(0.5)
                        ? D.ymdString(&r, 1945...2007, "/") : (r.chance(0.6) ? D.cjkDate(&r, 1945...2007) : EvalFormats.iso(&r, 1945...2007))
                },
                ColumnSpec("郵便番号", missing: 0.03) { r in "\(r.chance(0.3) ? "〒" : "")\(I.format3(r.int(1...999)))-\(I.format4(r.int(0...9999)))" },
                ColumnSpec("都道府県", missing: 0.03) { r in r.pick(D.japaneseAreas).0 },
                ColumnSpec("住所", address, missing: 0.03) { r in D.japaneseAddress(&r) },
                ColumnSpec("電話番号", phone, missing: 0.05) { r in D.japanesePhone(&r) },
                ColumnSpec("メールアドレス", email, missing: 0.08) { r in
                    D.mailbox(
                        r.pick(D.japaneseGiven).2, r.pick(D.japaneseFamily).2,
                        [
                            "docomo.ne.jp", "ezweb.ne.jp", "i.softbank.jp", "gmail.com",
                            "yahoo.co.jp", "icloud.com",
                        ], &r)
                },
                ColumnSpec("勤務先", missing: 0.5) { r in r.pick(D.japaneseCompanies) },
                ColumnSpec("入会日", missing: 0) { r in D.ymdString(&r, 2015...2025, "/") },
                ColumnSpec("会員ランク") { r in r.pick(["一般", "一般", "シルバー", "ゴールド", "プラチナ"]) },
                ColumnSpec("ポイント残高") { r in "\(EvalFormats.thousands(r.int(0...48000), ","))\(r.chance(0.5) ? "pt" : "")" },
                ColumnSpec("よく利用する店舗") { r in r.pick(["新宿店", "梅田店", "名古屋駅前店", "札幌大通店", "博多店", "横浜西口店", "仙台一番町店", "オンライン"]) },
                ColumnSpec("備考", missing: 0.6) { r in r.pick(["DM不要", "住所変更あり", "家族会員あり", "電話連絡不可", "誕生日クーポン送付済"]) },
            ])
    }
}

extension ThirdHeldOutData {
    /// Kanji, katakana reading, romaji.
    static let japaneseFamily: [(String, String, String)] = [
        ("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("高橋", "タカハシ", "takahashi"), ("田中", "タナカ", "tanaka"),
        ("伊藤", "イトウ", "ito"), ("渡辺", "ワタナベ", "watanabe"), ("山本", "ヤマモト", "yamamoto"), ("中村", "ナカムラ", "nakamura"),
        ("小林", "コバヤシ", "kobayashi"), ("加藤", "カトウ", "kato"), ("吉田", "ヨシダ", "yoshida"), ("山田", "ヤマダ", "yamada"),
        ("佐々木", "ササキ", "sasaki"), ("松本", "マツモト", "matsumoto"), ("井上", "イノウエ", "inoue"), ("木村", "キムラ", "kimura"),
        ("清水", "シミズ", "shimizu"), ("森", "モリ", "mori"), ("池田", "イケダ", "ikeda"), ("橋本", "ハシモト", "hashimoto"),
        ("石川", "イシカワ", "ishikawa"), ("前田", "マエダ", "maeda"), ("藤原", "フジワラ", "fujiwara"), ("岡田", "オカダ", "okada"),
        ("長谷川", "ハセガワ", "hasegawa"), ("村上", "ムラカミ", "murakami"), ("近藤", "コンドウ", "kondo"), ("坂本", "サカモト", "sakamoto"),
        ("遠藤", "エンドウ", "endo"), ("菅原", "スガワラ", "sugawara"), ("大塚", "オオツカ", "otsuka"), ("千葉", "チバ", "chiba"),
        ("久保田", "クボタ", "kubota"), ("東海林", "ショウジ", "shoji"),
    ]
    static let japaneseGiven: [(String, String, String)] = [
        ("翔太", "ショウタ", "shota"), ("大輔", "ダイスケ", "daisuke"), ("健一", "ケンイチ", "kenichi"), ("拓也", "タクヤ", "takuya"),
        ("蓮", "レン", "ren"), ("悠真", "ユウマ", "yuma"), ("誠", "マコト", "makoto"), ("浩二", "コウジ", "koji"), ("直樹", "ナオキ", "naoki"),
        ("陽翔", "ハルト", "haruto"), ("美咲", "ミサキ", "misaki"), ("陽子", "ヨウコ", "yoko"), ("恵子", "ケイコ", "keiko"),
        ("由美", "ユミ", "yumi"), ("愛", "アイ", "ai"), ("結衣", "ユイ", "yui"), ("さくら", "サクラ", "sakura"), ("真由美", "マユミ", "mayumi"),
        ("香織", "カオリ", "kaori"), ("彩花", "アヤカ", "ayaka"), ("千尋", "チヒロ", "chihiro"),
    ]
    /// Prefecture, city (and ward), towns.
    static let japaneseAreas: [(String, String, [String])] = [
        ("東京都", "渋谷区", ["渋谷", "神宮前", "恵比寿"]), ("東京都", "世田谷区", ["三軒茶屋", "太子堂", "成城"]),
        ("東京都", "新宿区", ["西新宿", "高田馬場", "四谷"]), ("大阪府", "大阪市北区", ["梅田", "天神橋", "中崎"]),
        ("大阪府", "堺市堺区", ["大町東", "南瓦町"]), ("神奈川県", "横浜市中区", ["山下町", "本町", "元町"]),
        ("神奈川県", "川崎市中原区", ["小杉町", "木月"]), ("愛知県", "名古屋市中村区", ["名駅", "則武"]),
        ("北海道", "札幌市中央区", ["北一条西", "南三条西"]), ("福岡県", "福岡市博多区", ["博多駅前", "中洲"]),
        ("京都府", "京都市左京区", ["下鴨", "岡崎"]), ("兵庫県", "神戸市中央区", ["三宮町", "元町通"]),
        ("宮城県", "仙台市青葉区", ["一番町", "国分町"]), ("広島県", "広島市中区", ["紙屋町", "八丁堀"]),
        ("埼玉県", "さいたま市浦和区", ["高砂", "仲町"]), ("千葉県", "船橋市", ["本町", "湊町"]), ("静岡県", "浜松市中央区", ["鍛冶町", "砂山町"]),
        ("沖縄県", "那覇市", ["久茂地", "おもろまち"]), ("新潟県", "新潟市中央区", ["古町通", "万代"]), ("長野県", "松本市", ["中央", "深志"]),
    ]
    static let japaneseCompanies = [
        "株式会社山田商事", "佐藤建設株式会社", "トヨタ自動車株式会社", "有限会社鈴木製作所", "田中歯科医院", "株式会社ニトリ",
        "高橋会計事務所", "日本郵便株式会社", "自営業",
    ]

    /// `東京都渋谷区渋谷2丁目21番1号` or `大阪府大阪市北区梅田3-1-1 ○○マンション1203号室`.
    static func japaneseAddress(_ r: inout EvalRandom) -> String {
        let (pref, city, towns) = r.pick(japaneseAreas)
        let town = r.pick(towns)
        let (c, b, g) = (r.int(1...6), r.int(1...30), r.int(1...20))
        let block = r.chance(0.5) ? "\(c)丁目\(b)番\(g)号" : "\(c)-\(b)-\(g)"
        let building = r.chance(0.35) ? " \(r.pick(["グランフロント", "サンハイツ", "メゾン桜", "パークコート", "コーポ緑"]))\(r.int(1...14))0\(r.int(1...9))号室" : ""
        return "\(r.chance(0.85) ? pref : "")\(city)\(town)\(block)\(building)"
    }

    /// A Japanese mobile (090/080/070) or landline number, sometimes in full-width digits.
    static func japanesePhone(_ r: inout EvalRandom) -> String {
        let number: String
        if r.chance(0.6) {
            let p = r.pick(["90", "80", "70"])
            number = r.chance(0.2) ? "+81 \(p)-\(r.digits(4))-\(r.digits(4))" : "0\(p)-\(r.digits(4))-\(r.digits(4))"
        } else {
            let (area, rest) = r.pick([("3", 4), ("6", 4), ("45", 3), ("52", 3), ("11", 3), ("92", 3), ("75", 3), ("263", 2)])
            let local = "\(EvalFormats.sub(&r, rest))-\(r.digits(4))"
            number = r.chance(0.2) ? "+81-\(area)-\(local)" : "0\(area)-\(local)"
        }
        guard r.chance(0.06) else { return r.chance(0.15) ? number.replacingOccurrences(of: "-", with: "") : number }
        let fullWidth = number.unicodeScalars.map { s -> String in
            if s.properties.numericType != nil, let w = Unicode.Scalar(s.value + 0xFEE0) { return String(w) }
            return s == "-" ? "－" : String(s)
        }
        return fullWidth.joined()
    }
}

// MARK: - China: customers

extension ThirdHeldOutCorpus {
    static func chineseCustomers(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "客户信息表", locale: "zh-CN", rows: rows, &r,
            [
                ColumnSpec("客户编号", missing: 0) { r in "KH\(r.int(2018...2025))\(r.digits(6))" },
                ColumnSpec("姓名", name, missing: 0.01) { r in "\(r.pick(D.chineseFamily).0)\(r.pick(D.chineseGiven).0)" },
                ColumnSpec("性别") { r in r.pick(["男", "女"]) },
                ColumnSpec("身份证号", ["CN_RESIDENT_ID"], missing: 0.08) { r in I.chineseID(&r) },
                ColumnSpec("出生日期", dob, missing: 0.04) { r in
                    r.chance(0.5)
                        ? EvalFormats.iso(&r, 1950...2006) : (r.chance(0.5) ? D.cjkDate(&r, 1950...2006) : D.ymdString(&r, 1950...2006, "/"))
                },
                ColumnSpec("手机号", phone, missing: 0.02) { r in D.chinesePhone(&r, mobile: true) },
                ColumnSpec("固定电话", phone, missing: 0.6) { r in D.chinesePhone(&r, mobile: false) },
                ColumnSpec("电子邮箱", email, missing: 0.15) { r in
                    if r.chance(0.25) { return "\(r.int(10000...2_999_999_999))@qq.com" }
                    return D.mailbox(
                        r.pick(D.chineseGiven).1, r.pick(D.chineseFamily).1,
                        [
                            "163.com", "126.com", "qq.com", "sina.com",
                            "foxmail.com", "aliyun.com",
                        ], &r)
                },
                ColumnSpec("联系地址", address, missing: 0.03) { r in D.chineseAddress(&r) },
                ColumnSpec("省份", missing: 0.03) { r in r.pick(D.chineseCities).0 },
                ColumnSpec("城市", missing: 0.03) { r in r.pick(D.chineseCities).1 },
                ColumnSpec("邮编", missing: 0.1) { r in "\(r.int(10...85))\(r.digits(4))" },
                ColumnSpec("工作单位", missing: 0.4) { r in r.pick(D.chineseCompanies) },
                ColumnSpec("会员等级") { r in r.pick(["普通会员", "普通会员", "银卡", "金卡", "钻石"]) },
                ColumnSpec("注册日期", missing: 0) { r in EvalFormats.iso(&r, 2018...2025) },
                ColumnSpec("累计消费") { r in "¥\(D.amount(&r, 0...86000, ",", "."))" },
                ColumnSpec("来源渠道") { r in r.pick(["天猫", "京东", "微信小程序", "抖音", "线下门店", "拼多多"]) },
                ColumnSpec("备注", missing: 0.6) { r in r.pick(["VIP客户", "需开发票", "周末送货", "已退货", "地址待确认"]) },
            ])
    }
}

extension ThirdHeldOutData {
    /// Hanzi and pinyin.
    static let chineseFamily: [(String, String)] = [
        ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("黄", "huang"), ("赵", "zhao"),
        ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"),
        ("林", "lin"), ("罗", "luo"), ("高", "gao"), ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"), ("唐", "tang"),
        ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"), ("彭", "peng"), ("曾", "zeng"), ("蔡", "cai"), ("潘", "pan"),
        ("欧阳", "ouyang"), ("上官", "shangguan"), ("万", "wan"),
    ]
    static let chineseGiven: [(String, String)] = [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"), ("磊", "lei"),
        ("军", "jun"), ("洋", "yang"), ("艳", "yan"), ("杰", "jie"), ("涛", "tao"), ("明", "ming"), ("秀英", "xiuying"),
        ("婷婷", "tingting"), ("子涵", "zihan"), ("浩然", "haoran"), ("雨桐", "yutong"), ("俊杰", "junjie"), ("欣怡", "xinyi"),
        ("建华", "jianhua"), ("志强", "zhiqiang"),
    ]
    /// Province or municipality, city.
    static let chineseCities: [(String, String)] = [
        ("北京市", "北京"), ("上海市", "上海"), ("天津市", "天津"), ("重庆市", "重庆"), ("广东省", "广州"), ("广东省", "深圳"),
        ("广东省", "东莞"), ("浙江省", "杭州"), ("浙江省", "宁波"), ("江苏省", "南京"), ("江苏省", "苏州"), ("四川省", "成都"),
        ("湖北省", "武汉"), ("陕西省", "西安"), ("湖南省", "长沙"), ("山东省", "青岛"), ("山东省", "济南"), ("福建省", "厦门"),
        ("河南省", "郑州"), ("辽宁省", "沈阳"), ("云南省", "昆明"), ("安徽省", "合肥"), ("黑龙江省", "哈尔滨"),
    ]
    /// Province (empty for municipalities), city, districts, roads.
    static let chineseAddressParts: [(String, String, [String], [String])] = [
        ("", "北京市", ["朝阳区", "海淀区", "东城区"], ["建国路", "中关村大街", "东直门内大街"]),
        ("", "上海市", ["浦东新区", "徐汇区", "静安区"], ["世纪大道", "漕溪北路", "南京西路"]),
        ("广东省", "深圳市", ["南山区", "福田区"], ["科技园南路", "深南大道", "华强北路"]),
        ("广东省", "广州市", ["天河区", "越秀区"], ["天河路", "中山五路", "体育西路"]),
        ("浙江省", "杭州市", ["西湖区", "滨江区"], ["文三路", "江南大道", "天目山路"]),
        ("江苏省", "南京市", ["鼓楼区", "玄武区"], ["中山北路", "珠江路"]),
        ("四川省", "成都市", ["武侯区", "锦江区"], ["人民南路", "春熙路", "天府大道"]),
        ("湖北省", "武汉市", ["武昌区", "江汉区"], ["中南路", "解放大道"]),
        ("陕西省", "西安市", ["雁塔区", "碑林区"], ["长安南路", "小寨东路"]),
        ("", "重庆市", ["渝中区", "江北区"], ["解放碑民族路", "观音桥步行街"]),
    ]
    static let chineseCompanies = [
        "华为技术有限公司", "阿里巴巴（中国）有限公司", "王记餐饮管理有限公司", "深圳市李氏电子有限公司", "中国建设银行", "个体经营",
        "比亚迪股份有限公司", "张氏物流（上海）有限公司",
    ]

    /// `广东省深圳市南山区科技园南路18号`, sometimes with building, floor and room.
    static func chineseAddress(_ r: inout EvalRandom) -> String {
        let (province, city, districts, roads) = r.pick(chineseAddressParts)
        let room = r.chance(0.45) ? "\(r.pick(["阳光花园", "华润大厦", "万科城", "SOHO现代城", "碧桂园"]))\(r.int(1...12))栋\(r.int(1...32))0\(r.int(1...6))室" : ""
        return "\(province)\(city)\(r.pick(districts))\(r.pick(roads))\(r.int(1...999))号\(room)"
    }

    /// A Chinese mobile (1[3-9]x) or landline (area code and 7–8 digits).
    static func chinesePhone(_ r: inout EvalRandom, mobile: Bool) -> String {
        if mobile {
            let s = "1\(r.pick(["38", "39", "35", "36", "37", "50", "58", "59", "86", "87", "88", "89", "77", "66", "91", "99"]))\(r.digits(8))"
            switch r.int(0...3) {
            case 0: return I.group(s, [3, 4, 4], " ")
            case 1: return "+86 \(I.group(s, [3, 4, 4], " "))"
            case 2: return s
            default: return "+86-\(s)"
            }
        }
        let area = r.pick(["010", "021", "022", "023", "020", "0755", "0571", "025", "028", "027", "029"])
        let s = EvalFormats.sub(&r, area.count == 3 ? 8 : r.pick([7, 8]))
        return r.chance(0.5) ? "\(area)-\(s)" : "(\(area)) \(I.group(s, [4, 4], " "))"
    }
}

// MARK: - Korea: online shop customers

extension ThirdHeldOutCorpus {
    static func koreanCustomers(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "고객정보", locale: "ko-KR", rows: rows, &r,
            [
                ColumnSpec("고객번호", missing: 0) { r in "C\(r.digits(9))" },
                ColumnSpec("성명", name, missing: 0.01) { r in "\(r.pick(D.koreanFamily).0)\(r.pick(D.koreanGiven).0)" },
                ColumnSpec("생년월일", dob, missing: 0.05) { r in
                    if r.chance(0.15) {
                        let (y, m, d) = EvalFormats.ymd(&r, 1955...2006)
                        return "\(I.format2(y % 100))\(I.format2(m))\(I.format2(d))"
                    }
                    return D.ymdString(&r, 1955...2006, r.chance(0.6) ? "." : "-")
                },
                ColumnSpec("주민등록번호", ["KR_RRN"], missing: 0.3) { r in I.rrn(&r) },
                ColumnSpec("휴대폰", phone, missing: 0.02) { r in D.koreanPhone(&r) },
                ColumnSpec("이메일", email, missing: 0.06) { r in
                    D.mailbox(
                        r.pick(D.koreanGiven).1, r.pick(D.koreanFamily).1,
                        [
                            "naver.com", "daum.net", "hanmail.net", "gmail.com", "kakao.com",
                            "nate.com",
                        ], &r)
                },
                ColumnSpec("주소", address, missing: 0.03) { r in D.koreanAddress(&r) },
                ColumnSpec("시도", missing: 0.03) { r in r.pick(D.koreanAreas).0 },
                ColumnSpec("우편번호", missing: 0.03) { r in I.format2(r.int(1...63)) + I.format3(r.int(0...999)) },
                ColumnSpec("가입일", missing: 0) { r in D.ymdString(&r, 2016...2025, r.chance(0.6) ? "." : "-") },
                ColumnSpec("회원등급") { r in r.pick(["일반", "일반", "실버", "골드", "VIP", "VVIP"]) },
                ColumnSpec("적립금") { r in "\(EvalFormats.thousands(r.int(0...120) * 100, ","))원" },
                ColumnSpec("단말기_IMEI", missing: 0.2) { r in D.imei(&r) },
                ColumnSpec("앱버전", missing: 0.2) { r in D.version(&r) },
                ColumnSpec("접속서버", missing: 0) { r in D.host("mall.hanbit-shop.co.kr", &r) },
                ColumnSpec("마케팅수신동의") { r in r.pick(["Y", "N"]) },
            ])
    }
}

extension ThirdHeldOutData {
    /// Hangul and the usual romanisation.
    static let koreanFamily: [(String, String)] = [
        ("김", "kim"), ("이", "lee"), ("박", "park"), ("최", "choi"), ("정", "jung"), ("강", "kang"), ("조", "cho"), ("윤", "yoon"),
        ("장", "jang"), ("임", "lim"), ("한", "han"), ("오", "oh"), ("서", "seo"), ("신", "shin"), ("권", "kwon"), ("황", "hwang"),
        ("안", "ahn"), ("송", "song"), ("류", "ryu"), ("전", "jeon"), ("홍", "hong"), ("고", "ko"), ("문", "moon"), ("양", "yang"),
        ("손", "son"), ("배", "bae"), ("백", "baek"), ("허", "heo"), ("남궁", "namgung"), ("선우", "sunwoo"), ("채", "chae"),
    ]
    static let koreanGiven: [(String, String)] = [
        ("민준", "minjun"), ("서준", "seojun"), ("도윤", "doyun"), ("예준", "yejun"), ("시우", "siwoo"), ("지호", "jiho"),
        ("현우", "hyunwoo"), ("성민", "sungmin"), ("동현", "donghyun"), ("영호", "youngho"), ("서연", "seoyeon"), ("지우", "jiwoo"),
        ("하은", "haeun"), ("수빈", "subin"), ("지민", "jimin"), ("은지", "eunji"), ("미영", "miyoung"), ("정희", "junghee"),
        ("혜진", "hyejin"), ("유나", "yuna"), ("소희", "sohee"),
    ]
    /// Region, city or district, roads.
    static let koreanAreas: [(String, String, [String])] = [
        ("서울특별시", "강남구", ["테헤란로", "봉은사로", "도산대로"]), ("서울특별시", "마포구", ["월드컵북로", "양화로"]),
        ("서울특별시", "송파구", ["올림픽로", "송파대로"]), ("서울특별시", "종로구", ["세종대로", "율곡로"]),
        ("부산광역시", "해운대구", ["해운대로", "센텀중앙로"]), ("부산광역시", "부산진구", ["중앙대로", "서면로"]),
        ("인천광역시", "연수구", ["컨벤시아대로", "송도과학로"]), ("대구광역시", "수성구", ["달구벌대로", "동대구로"]),
        ("대전광역시", "유성구", ["대학로", "엑스포로"]), ("광주광역시", "서구", ["상무중앙로", "치평로"]),
        ("경기도", "성남시 분당구", ["판교역로", "불정로"]), ("경기도", "수원시 영통구", ["광교중앙로", "봉영로"]),
        ("경기도", "고양시 일산동구", ["중앙로", "정발산로"]), ("울산광역시", "남구", ["삼산로", "번영로"]),
        ("제주특별자치도", "제주시", ["연동로", "노형로"]), ("강원특별자치도", "춘천시", ["중앙로", "공지로"]),
    ]

    /// `서울특별시 강남구 테헤란로 152, 12층` or `… 해운대로570번길 12 101동 1203호`.
    static func koreanAddress(_ r: inout EvalRandom) -> String {
        let (region, city, roads) = r.pick(koreanAreas)
        let road = r.pick(roads)
        let way = r.chance(0.3) ? "\(road)\(r.int(1...90))번길 \(r.int(1...80))" : "\(road) \(r.int(1...700))"
        let unit = r.pick([
            "", "", ", \(r.int(2...30))층", " \(r.int(101...115))동 \(r.int(1...25))0\(r.int(1...4))호",
            " (\(r.pick(["역삼동", "삼성동", "우동", "송도동"])))",
        ])
        return "\(region) \(city) \(way)\(unit)"
    }

    /// A Korean mobile number (010).
    static func koreanPhone(_ r: inout EvalRandom) -> String {
        let (a, b) = (r.digits(4), r.digits(4))
        switch r.int(0...3) {
        case 0: return "010-\(a)-\(b)"
        case 1: return "+82 10-\(a)-\(b)"
        case 2: return "010\(a)\(b)"
        default: return "010 \(a) \(b)"
        }
    }
}

// MARK: - Poland: employees

extension ThirdHeldOutCorpus {
    static func polishEmployees(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "pracownicy", locale: "pl-PL", rows: rows, &r,
            [
                ColumnSpec("nr_ewid", missing: 0) { r in "PR/\(r.int(100...2999))" },
                ColumnSpec("nazwisko", name, missing: 0.01) { r in r.pick(D.polishFamily) },
                ColumnSpec("imię", name, missing: 0.01) { r in r.pick(D.polishGiven) },
                ColumnSpec("data_urodzenia", dob, missing: 0.02) { r in
                    r.chance(0.7) ? EvalFormats.dmy(&r, 1960...2005, ".") : EvalFormats.iso(&r, 1960...2005)
                },
                ColumnSpec("adres_zamieszkania", address, missing: 0.03) { r in D.polishAddress(&r) },
                ColumnSpec("telefon", phone, missing: 0.05) { r in D.polishPhone(&r) },
                ColumnSpec("email_służbowy", email, missing: 0.03) { r in
                    D.mailbox(r.pick(D.polishGiven), r.pick(D.polishFamily), ["polbud-serwis.pl"], &r)
                },
                ColumnSpec("nr_rachunku", iban, missing: 0.06) { r in D.printed(D.polishIBAN(&r), &r) },
                ColumnSpec("dział") { r in
                    r.pick(["Księgowość", "Kadry i płace", "Sprzedaż", "Logistyka", "Produkcja", "IT", "Zakupy", "Obsługa klienta"])
                },
                ColumnSpec("stanowisko") { r in r.pick(D.polishJobs) },
                ColumnSpec("oddział") { r in r.pick(D.polishCities) },
                ColumnSpec("data_zatrudnienia", missing: 0.01) { r in EvalFormats.dmy(&r, 2003...2025, ".") },
                ColumnSpec("rodzaj_umowy") { r in r.pick(["Umowa o pracę", "Umowa o pracę", "B2B", "Umowa zlecenie", "Umowa o dzieło"]) },
                ColumnSpec("wynagrodzenie_brutto") { r in
                    r.chance(0.7) ? "\(D.amount(&r, 4300...21000, " ", ",")) zł" : "PLN \(D.amount(&r, 4300...21000, " ", ","))"
                },
                ColumnSpec("poprzedni_pracodawca", missing: 0.35) { r in r.pick(D.polishCompanies) },
                ColumnSpec("uwagi", missing: 0.7) { r in
                    r.pick(["Badania okresowe do 03.2026", "Urlop macierzyński", "Praca zdalna 2 dni", "BHP – szkolenie"])
                },
            ])
    }
}

extension ThirdHeldOutData {
    static let polishFamily = [
        "Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowska", "Zieliński", "Szymański", "Woźniak",
        "Dąbrowski", "Kozłowska", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowska", "Pawłowski", "Michalski",
        "Zając", "Król", "Wieczorek", "Jabłoński", "Wróbel", "Szczepański", "Chmielewska", "Sobczak", "Głowacki", "Przybylski",
        "Kaczmarek", "Ostrowska", "Żak", "Ziółkowska",
    ]
    static let polishGiven = [
        "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Marcin", "Michał", "Łukasz", "Jakub", "Grzegorz", "Wojciech", "Anna",
        "Katarzyna", "Małgorzata", "Agnieszka", "Joanna", "Magdalena", "Ewa", "Monika", "Zofia", "Aleksandra", "Dorota",
    ]
    /// City and its first postal district.
    static let polishTowns: [(String, String)] = [
        ("Warszawa", "00"), ("Kraków", "30"), ("Łódź", "90"), ("Wrocław", "50"), ("Poznań", "60"), ("Gdańsk", "80"), ("Szczecin", "70"),
        ("Bydgoszcz", "85"), ("Lublin", "20"), ("Białystok", "15"), ("Katowice", "40"), ("Gdynia", "81"), ("Częstochowa", "42"),
        ("Radom", "26"), ("Rzeszów", "35"), ("Toruń", "87"), ("Kielce", "25"), ("Olsztyn", "10"), ("Opole", "45"), ("Zielona Góra", "65"),
        ("Gliwice", "44"), ("Bielsko-Biała", "43"),
    ]
    static var polishCities: [String] { polishTowns.map(\.0) }
    static let polishStreets = [
        "ul. Marszałkowska", "al. Jerozolimskie", "ul. Długa", "ul. Piotrkowska", "ul. Floriańska", "ul. Świętojańska", "os. Tysiąclecia",
        "pl. Grunwaldzki", "ul. Mickiewicza", "ul. Kościuszki", "ul. 3 Maja", "ul. Polna", "ul. Leśna", "ul. Słoneczna", "al. Niepodległości",
    ]
    static let polishJobs = [
        "Specjalista ds. kadr", "Główna księgowa", "Kierownik magazynu", "Programista Java", "Przedstawiciel handlowy",
        "Operator wózka widłowego", "Asystentka zarządu", "Kontroler jakości", "Konsultant ds. obsługi klienta", "Kierowca kat. C",
    ]
    static let polishCompanies = [
        "Kowalski i Synowie Sp. z o.o.", "Nowak Transport s.c.", "PKN Orlen S.A.", "Biedronka (Jeronimo Martins)", "Mazur Budownictwo",
        "Zakład Stolarski Wróbel", "Comarch S.A.", "Urząd Miasta Łodzi",
    ]

    /// `ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa` or the street line alone.
    static func polishAddress(_ r: inout EvalRandom) -> String {
        let (city, district) = r.pick(polishTowns)
        let number = r.pick([
            "\(r.int(1...180))", "\(r.int(1...120))/\(r.int(1...60))", "\(r.int(1...99)) m. \(r.int(1...40))", "\(r.int(1...60))\(r.letter("ABC"))",
        ])
        let street = "\(r.pick(polishStreets)) \(number)"
        return r.chance(0.75) ? "\(street), \(district)-\(I.format3(r.int(1...999))) \(city)" : street
    }

    /// A Polish mobile (5xx/6xx/7xx/88x) or landline (area code and seven digits) number.
    static func polishPhone(_ r: inout EvalRandom) -> String {
        if r.chance(0.7) {
            let s = "\(r.pick(["50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"]))\(r.digits(7))"
            switch r.int(0...3) {
            case 0: return "+48 \(I.group(s, [3, 3, 3], " "))"
            case 1: return I.group(s, [3, 3, 3], "-")
            case 2: return I.group(s, [3, 3, 3], " ")
            default: return s
            }
        }
        let area = r.pick(["22", "12", "42", "71", "61", "58", "91", "32", "81"])
        let s = EvalFormats.sub(&r, 7)
        switch r.int(0...2) {
        case 0: return "\(area) \(I.group(s, [3, 2, 2], " "))"
        case 1: return "(\(area)) \(I.group(s, [3, 2, 2], " "))"
        default: return "+48 \(area) \(I.group(s, [3, 2, 2], " "))"
        }
    }

    /// A Polish IBAN: bank and branch with their check digit, then a sixteen-digit account.
    static func polishIBAN(_ r: inout EvalRandom) -> String {
        let head = "\(r.pick(["102", "105", "109", "114", "124", "116", "175", "249"]))\(r.digits(4))"
        let weights = [3, 9, 7, 1, 3, 9, 7]
        let sum = zip(head, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return I.ibanCompact("PL", head + String((10 - sum % 10) % 10) + r.digits(16))
    }
}

// MARK: - Turkey: customers

extension ThirdHeldOutCorpus {
    static func turkishCustomers(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "musteri_kartlari", locale: "tr-TR", rows: rows, &r,
            [
                ColumnSpec("müşteri_no", missing: 0) { r in "MS-\(r.digits(7))" },
                ColumnSpec("adı", name, missing: 0.01) { r in r.pick(D.turkishGiven) },
                ColumnSpec("soyadı", name, missing: 0.01) { r in
                    let f = r.pick(D.turkishFamily)
                    return r.chance(0.3) ? f.uppercased(with: Locale(identifier: "tr_TR")) : f
                },
                ColumnSpec("doğum_tarihi", dob, missing: 0.04) { r in EvalFormats.dmy(&r, 1950...2006, r.chance(0.8) ? "." : "/") },
                ColumnSpec("cep_telefonu", phone, missing: 0.02) { r in D.turkishPhone(&r, mobile: true) },
                ColumnSpec("sabit_telefon", phone, missing: 0.6) { r in D.turkishPhone(&r, mobile: false) },
                ColumnSpec("e_posta", email, missing: 0.08) { r in
                    D.mailbox(
                        r.pick(D.turkishGiven), r.pick(D.turkishFamily),
                        [
                            "gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com",
                            "mynet.com",
                        ], &r)
                },
                ColumnSpec("adres", address, missing: 0.03) { r in D.turkishAddress(&r) },
                ColumnSpec("il", missing: 0.03) { r in r.pick(D.turkishProvinces) },
                ColumnSpec("posta_kodu", missing: 0.1) { r in "\(I.format2(r.int(1...81)))\(I.format3(r.int(0...999)))" },
                ColumnSpec("iban", iban, missing: 0.2) { r in D.printed(D.turkishIBAN(&r), &r) },
                ColumnSpec("firma", missing: 0.5) { r in r.pick(D.turkishCompanies) },
                ColumnSpec("kayıt_tarihi", missing: 0) { r in EvalFormats.dmy(&r, 2019...2025, ".") },
                ColumnSpec("segment") { r in r.pick(["Bireysel", "Bireysel", "Kurumsal", "KOBİ"]) },
                ColumnSpec("son_sipariş_no", missing: 0.1) { r in "SP-\(r.int(2024...2025))-\(r.digits(6))" },
                ColumnSpec("ürün_barkodu", missing: 0.1) { r in EvalFormats.ean13("869", &r) },
                ColumnSpec("son_sipariş_tutarı", missing: 0.1) { r in
                    r.chance(0.5) ? "\(D.amount(&r, 40...64000, ".", ",")) TL" : "₺\(D.amount(&r, 40...64000, ".", ","))"
                },
                ColumnSpec("kargo") { r in r.pick(["Yurtiçi Kargo", "Aras Kargo", "MNG Kargo", "PTT Kargo", "Sürat Kargo", "Trendyol Express"]) },
                ColumnSpec("cihaz_imei", missing: 0.4) { r in D.imei(&r) },
                ColumnSpec("not", missing: 0.65) { r in
                    r.pick(["Kapıda ödeme istemiyor", "Fatura kurumsal", "İade talebi var", "Sadakat programı"])
                },
            ])
    }
}

extension ThirdHeldOutData {
    static let turkishFamily = [
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç",
        "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Polat", "Erdoğan", "Güneş", "Aksoy", "Karaca", "Tekin", "Bozkurt",
        "Ünal", "Türkmen", "Sarıkaya", "Karadeniz", "Uçar", "Balcı", "İnce",
    ]
    static let turkishGiven = [
        "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Emre", "Burak", "Murat", "Can", "Oğuz", "Ayşe", "Fatma",
        "Emine", "Hatice", "Zeynep", "Elif", "Merve", "Esra", "Gülşen", "Özlem", "Büşra",
    ]
    static let turkishProvinces = [
        "İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Konya", "Adana", "Gaziantep", "Şanlıurfa", "Kocaeli", "Mersin", "Diyarbakır",
        "Kayseri", "Eskişehir", "Samsun", "Denizli", "Trabzon", "Malatya", "Sakarya", "Manisa", "Balıkesir", "Tekirdağ", "Muğla", "Van",
    ]
    /// District and province.
    static let turkishDistricts: [(String, String)] = [
        ("Kadıköy", "İstanbul"), ("Beşiktaş", "İstanbul"), ("Üsküdar", "İstanbul"), ("Bakırköy", "İstanbul"), ("Çankaya", "Ankara"),
        ("Keçiören", "Ankara"), ("Karşıyaka", "İzmir"), ("Bornova", "İzmir"), ("Nilüfer", "Bursa"), ("Muratpaşa", "Antalya"),
        ("Selçuklu", "Konya"), ("Seyhan", "Adana"), ("Şahinbey", "Gaziantep"), ("Ortahisar", "Trabzon"), ("Tepebaşı", "Eskişehir"),
    ]
    static let turkishCompanies = [
        "Yılmaz Tekstil A.Ş.", "Demir İnşaat Ltd. Şti.", "Koç Holding", "Öztürk Gıda San. ve Tic. Ltd. Şti.", "Arçelik A.Ş.",
        "Kaya Mobilya", "Şahin Otomotiv", "Serbest meslek",
    ]

    /// `Atatürk Mah. Cumhuriyet Cad. No:45 D:7 Kadıköy/İstanbul`.
    static func turkishAddress(_ r: inout EvalRandom) -> String {
        let (district, province) = r.pick(turkishDistricts)
        let neighbourhood = r.pick(["Atatürk", "Cumhuriyet", "Fatih", "Yenimahalle", "Bahçelievler", "Kızılay", "Caferağa", "Esentepe", "Gazi"])
        let avenue = r.pick(["Cumhuriyet", "İstiklal", "Bağdat", "Gazi Mustafa Kemal", "İnönü", "Atatürk"])
        let lane = r.pick(["Gül", "Lale", "Menekşe", "Papatya", "Çınar", "Akasya"])
        let street = r.chance(0.5) ? "\(avenue) \(r.pick(["Cad.", "Bulvarı", "Blv."]))" : "\(lane) Sok."
        let door = r.pick([" D:\(r.int(1...24))", "/\(r.int(1...24))", " Daire: \(r.int(1...30))", " Kat: \(r.int(1...12))", ""])
        return "\(neighbourhood) Mah. \(street) No:\(r.chance(0.3) ? " " : "")\(r.int(1...240))\(door) \(district)/\(province)"
    }

    /// A Turkish mobile (5xx) or landline (2xx/3xx/4xx) number.
    static func turkishPhone(_ r: inout EvalRandom, mobile: Bool) -> String {
        let code =
            mobile
            ? r.pick(["532", "533", "535", "542", "544", "505", "506", "555", "554", "530"])
            : r.pick(["212", "216", "312", "232", "224", "242", "322"])
        let s = EvalFormats.sub(&r, 7)
        let spaced = I.group(s, [3, 2, 2], " ")
        switch r.int(0...3) {
        case 0: return "0\(code) \(spaced)"
        case 1: return "+90 \(code) \(spaced)"
        case 2: return mobile ? "\(code)\(s)" : "(0\(code)) \(spaced)"
        default: return "0 (\(code)) \(spaced)"
        }
    }

    /// A Turkish IBAN: five-digit bank code, reserve digit 0, sixteen-digit account.
    static func turkishIBAN(_ r: inout EvalRandom) -> String {
        I.ibanCompact("TR", "\(r.pick(["00010", "00012", "00015", "00046", "00062", "00064", "00067", "00111"]))0\(r.digits(16))")
    }
}
