import Foundation

@testable import RampartDiscovery

/// A seeded corpus of business tables in thirteen locales with native column names, real
/// national formats (phones, addresses, national ids with valid check digits) and look-alikes
/// (SIRET numbers, build numbers, company names, postcodes, cities, order numbers).
///
/// Labels follow the shared kit's rule: a column has a class when its values are written as
/// that kind of data. Only the class ids and the rule are shared; the data is this file's own.
enum MultilingualCorpus: EvalLabels {
    typealias D = EvalLocaleData
    typealias I = EvalIdentifiers

    static func tables(seed: UInt64, rows: Int = 160) -> [EvalTable] {
        var r = EvalRandom(seed: seed)
        return [
            german(&r, rows), french(&r, rows), frenchCompanies(&r, rows), spanish(&r, rows), italian(&r, rows),
            brazilian(&r, rows), brazilianCompanies(&r, rows), japanese(&r, rows), dutch(&r, rows), british(&r, rows),
            indian(&r, rows), american(&r, rows), builds(&r, rows), chinese(&r, rows), korean(&r, rows),
        ]
    }

    static func birthDate(_ r: inout EvalRandom, _ format: (Int, Int, Int) -> String) -> String {
        format(r.int(1940...2004), r.int(1...12), r.int(1...28))
    }

    static func recentDate(_ r: inout EvalRandom) -> String {
        "\(r.int(2019...2025))-\(I.format2(r.int(1...12)))-\(I.format2(r.int(1...28)))"
    }

    static func mail(_ local: String, _ domains: [String], _ r: inout EvalRandom) -> String {
        let ascii = String(local.lowercased().applyingTransformIfNeeded())
        return "\(ascii)\(r.chance(0.3) ? String(r.int(1...99)) : "")@\(r.pick(domains))"
    }

    static func german(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "kunden", locale: "de", rows: rows, &r,
            [
                ColumnSpec("Kundennummer", missing: 0) { r in "K-\(r.digits(6))" },
                ColumnSpec("Vorname", name) { r in r.pick(D.germanGiven) },
                ColumnSpec("Nachname", name) { r in r.pick(D.germanFamily) },
                ColumnSpec("E-Mail", email) { r in
                    mail("\(r.pick(D.germanGiven)).\(r.pick(D.germanFamily))", ["web.de", "gmx.de", "t-online.de"], &r)
                },
                ColumnSpec("Telefon", phone) { r in
                    r.pick([
                        "+49 30 \(r.digits(8))", "030 \(r.digits(7))", "0171 \(r.digits(7))", "+49 171 \(r.digits(7))",
                        "(089) \(r.digits(3)) \(r.digits(4))",
                        "0221/\(r.digits(6))",
                    ])
                },
                ColumnSpec("Straße", address) { r in "\(r.pick(D.germanStreets)) \(r.int(1...180))\(r.chance(0.15) ? "a" : "")" },
                ColumnSpec("PLZ") { r in I.format4(r.int(1000...9999)) + String(r.int(0...9)) },
                ColumnSpec("Ort") { r in r.pick(D.germanCities) },
                ColumnSpec("Geburtsdatum", dob) { r in birthDate(&r) { "\(I.format2($2)).\(I.format2($1)).\($0)" } },
                ColumnSpec("IBAN", iban) { r in I.iban("DE", "nnnnnnnnnnnnnnnnnn", &r) },
                ColumnSpec("Steuer-ID", ["DE_TAX_ID"]) { r in I.germanTaxID(&r) },
                ColumnSpec("Erstellt am") { r in recentDate(&r) },
            ])
    }

    static func french(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "clients", locale: "fr", rows: rows, &r,
            [
                ColumnSpec("prénom", name) { r in r.pick(D.frenchGiven) },
                ColumnSpec("nom", name) { r in r.pick(D.frenchFamily).uppercased() },
                ColumnSpec("courriel", email) { r in
                    mail("\(r.pick(D.frenchGiven)).\(r.pick(D.frenchFamily))", ["orange.fr", "free.fr", "laposte.net"], &r)
                },
                ColumnSpec("téléphone", phone) { r in
                    r.pick([
                        "0\(r.int(1...7)) \(r.digits(2)) \(r.digits(2)) \(r.digits(2)) \(r.digits(2))",
                        "+33 \(r.int(1...7)) \(r.digits(2)) \(r.digits(2)) \(r.digits(2)) \(r.digits(2))",
                        "06.\(r.digits(2)).\(r.digits(2)).\(r.digits(2)).\(r.digits(2))",
                        "+33 (0)6 \(r.digits(2)) \(r.digits(2)) \(r.digits(2)) \(r.digits(2))",
                    ])
                },
                ColumnSpec("adresse", address) { r in
                    let (cp, ville) = r.pick(D.frenchCities)
                    return "\(r.int(1...120))\(r.chance(0.1) ? " bis" : "") \(r.pick(D.frenchStreets))\n\(cp) \(ville)"
                },
                ColumnSpec("date_de_naissance", dob) { r in birthDate(&r) { "\(I.format2($2))/\(I.format2($1))/\($0)" } },
                ColumnSpec("numero_secu", ["FR_NIR"]) { r in I.nir(&r) },
                ColumnSpec("iban", iban) { r in I.iban("FR", "nnnnnnnnnnnnnnnnnnnnnnn", &r) },
                ColumnSpec("ville") { r in r.pick(D.frenchCities).1 },
            ])
    }

    static func frenchCompanies(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "entreprises", locale: "fr", rows: rows, &r,
            [
                ColumnSpec("raison_sociale") { r in r.pick(D.frenchCompanies) },
                ColumnSpec("siret", missing: 0.02) { r in I.siret(&r) },
                ColumnSpec("code_naf") { r in "\(r.digits(4))\(r.letter())" },
                ColumnSpec("capital") { r in "\(r.int(1...500)) 000 €" },
                ColumnSpec("telephone_standard", phone) { r in "0\(r.int(1...5)) \(r.digits(2)) \(r.digits(2)) \(r.digits(2)) \(r.digits(2))" },
                ColumnSpec("ville") { r in r.pick(D.frenchCities).1 },
            ])
    }

    static func spanish(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "clientes", locale: "es", rows: rows, &r,
            [
                ColumnSpec("nombre", name) { r in r.pick(D.spanishGiven) },
                ColumnSpec("apellidos", name) { r in "\(r.pick(D.spanishFamily)) \(r.pick(D.spanishFamily))" },
                ColumnSpec("correo_electronico", email) { r in
                    mail("\(r.pick(D.spanishGiven)).\(r.pick(D.spanishFamily))", ["gmail.com", "telefonica.es", "yahoo.es"], &r)
                },
                ColumnSpec("teléfono", phone) { r in
                    r.pick([
                        "6\(r.digits(2)) \(r.digits(3)) \(r.digits(3))", "9\(r.digits(2)) \(r.digits(3)) \(r.digits(3))",
                        "91 \(r.digits(3)) \(r.digits(2)) \(r.digits(2))", "7\(r.digits(2)) \(r.digits(2)) \(r.digits(2)) \(r.digits(2))",
                    ])
                },
                ColumnSpec("dirección", address) { r in
                    "\(r.pick(D.spanishStreets)) \(r.int(1...150))\(r.chance(0.4) ? ", \(r.int(1...8))º \(r.letter("ABCD"))" : "")"
                },
                ColumnSpec("código_postal") { r in r.pick(D.spanishCities).0 },
                ColumnSpec("dni_nie", ["ES_DNI"]) { r in I.dni(&r) },
                ColumnSpec("fecha_nacimiento", dob) { r in birthDate(&r) { "\(I.format2($2))/\(I.format2($1))/\($0)" } },
                ColumnSpec("iban", iban) { r in I.iban("ES", "nnnnnnnnnnnnnnnnnnnn", &r) },
            ])
    }

    static func italian(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "clienti", locale: "it", rows: rows, &r,
            [
                ColumnSpec("nome", name) { r in r.pick(D.italianGiven) },
                ColumnSpec("cognome", name) { r in r.pick(D.italianFamily) },
                ColumnSpec("email", email) { r in
                    mail("\(r.pick(D.italianGiven)).\(r.pick(D.italianFamily))", ["libero.it", "alice.it", "tiscali.it"], &r)
                },
                ColumnSpec("telefono", phone) { r in
                    r.pick([
                        "+39 02 \(r.digits(4)) \(r.digits(4))", "06 \(r.digits(8))", "3\(r.digits(2)) \(r.digits(3)) \(r.digits(4))",
                        "+39 3\(r.digits(2)) \(r.digits(7))",
                    ])
                },
                ColumnSpec("indirizzo", address) { r in "\(r.pick(D.italianStreets)), \(r.int(1...200))" },
                ColumnSpec("cap") { r in r.pick(D.italianCities).0 },
                ColumnSpec("città") { r in r.pick(D.italianCities).1 },
                ColumnSpec("codice_fiscale", ["IT_FISCAL_CODE"]) { r in I.codiceFiscale(&r) },
                ColumnSpec("data_di_nascita", dob) { r in birthDate(&r) { "\(I.format2($2))/\(I.format2($1))/\($0)" } },
            ])
    }

    static func brazilian(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "clientes_br", locale: "pt-BR", rows: rows, &r,
            [
                ColumnSpec("nome_completo", name) { r in "\(r.pick(D.portugueseGiven)) \(r.pick(D.portugueseFamily)) \(r.pick(D.portugueseFamily))" },
                ColumnSpec("cpf", ["BR_CPF"]) { r in I.cpf(&r) },
                ColumnSpec("email", email) { r in
                    mail("\(r.pick(D.portugueseGiven)).\(r.pick(D.portugueseFamily))", ["uol.com.br", "bol.com.br", "gmail.com"], &r)
                },
                ColumnSpec("telefone", phone) { r in
                    r.pick([
                        "(11) 9\(r.digits(4))-\(r.digits(4))", "+55 21 9\(r.digits(4))-\(r.digits(4))", "(31) 3\(r.digits(3))-\(r.digits(4))",
                        "+55 11 3\(r.digits(3)) \(r.digits(4))",
                    ])
                },
                ColumnSpec("endereço", address) { r in
                    let (cep, city, uf) = r.pick(D.brazilianCities)
                    return r.chance(0.5)
                        ? "\(r.pick(D.portugueseStreets)), \(r.int(1...2000)) - Apto \(r.int(11...150))\n\(city) - \(uf), \(cep)"
                        : "\(r.pick(D.portugueseStreets)), \(r.int(1...2000))"
                },
                ColumnSpec("cep") { r in r.pick(D.brazilianCities).0 },
                ColumnSpec("data_nascimento", dob) { r in birthDate(&r) { "\(I.format2($2))/\(I.format2($1))/\($0)" } },
            ])
    }

    static func brazilianCompanies(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "empresas", locale: "pt-BR", rows: rows, &r,
            [
                ColumnSpec("razao_social") { r in
                    "\(r.pick(D.portugueseFamily)) \(r.pick(["Comércio", "Serviços", "Transportes", "Alimentos"])) \(r.pick(["Ltda", "S.A.", "ME", "EIRELI"]))"
                },
                ColumnSpec("cnpj", ["BR_CNPJ"]) { r in I.cnpj(&r) },
                ColumnSpec("inscricao_estadual") { r in "\(r.digits(3)).\(r.digits(3)).\(r.digits(3)).\(r.digits(3))" },
                ColumnSpec("cidade") { r in r.pick(D.brazilianCities).1 },
            ])
    }

    static func japanese(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "顧客", locale: "ja", rows: rows, &r,
            [
                ColumnSpec("氏名", name) { r in
                    let f = r.pick(D.japaneseFamily).0
                    let g = r.pick(D.japaneseGiven).0
                    return r.chance(0.5) ? "\(f) \(g)" : "\(f)\(g)"
                },
                ColumnSpec("フリガナ", name) { r in "\(r.pick(D.japaneseFamily).1) \(r.pick(D.japaneseGiven).1)" },
                ColumnSpec("姓", name) { r in r.pick(D.japaneseFamily).0 },
                ColumnSpec("メールアドレス", email) { r in
                    let (f, g) = r.pick(D.japaneseRomaji)
                    return mail("\(g).\(f)", ["docomo.ne.jp", "yahoo.co.jp", "example.jp"], &r)
                },
                ColumnSpec("電話番号", phone) { r in
                    r.pick([
                        "03-\(r.digits(4))-\(r.digits(4))", "090-\(r.digits(4))-\(r.digits(4))", "(03)\(r.digits(4))-\(r.digits(4))",
                        "06(\(r.digits(4)))\(r.digits(4))", "0120-\(r.digits(3))-\(r.digits(3))", "080\(r.digits(8))",
                        "0466-\(r.digits(2))-\(r.digits(4))",
                    ])
                },
                ColumnSpec("住所", address) { r in
                    let (zip, place) = r.pick(D.japanesePlaces)
                    let block =
                        r.chance(0.5)
                        ? "\(r.int(1...5))-\(r.int(1...30))-\(r.int(1...20))"
                        : "\(r.int(1...5))丁目\(r.int(1...30))番\(r.int(1...20))号"
                    let building = r.chance(0.3) ? " サンハイツ\(r.int(101...905))号室" : ""
                    return r.chance(0.5) ? "〒\(zip) \(place)\(block)\(building)" : "\(place)\(block)\(building)"
                },
                ColumnSpec("生年月日", dob) { r in birthDate(&r) { r2, m, d in "\(r2)/\(I.format2(m))/\(I.format2(d))" } },
                ColumnSpec("マイナンバー", ["JP_MY_NUMBER"]) { r in I.myNumber(&r) },
                ColumnSpec("会社名") { r in r.pick(D.japaneseCompanies) },
                ColumnSpec("郵便番号") { r in r.pick(D.japanesePlaces).0 },
            ])
    }

    static func dutch(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "klanten", locale: "nl", rows: rows, &r,
            [
                ColumnSpec("voornaam", name) { r in r.pick(D.dutchGiven) },
                ColumnSpec("achternaam", name) { r in r.pick(D.dutchFamily) },
                ColumnSpec("e-mailadres", email) { r in
                    mail(
                        "\(r.pick(D.dutchGiven)).\(r.pick(D.dutchFamily).replacingOccurrences(of: " ", with: ""))",
                        ["ziggo.nl", "kpnmail.nl", "hotmail.nl"], &r)
                },
                ColumnSpec("telefoonnummer", phone) { r in
                    r.pick(["06-\(r.digits(8))", "020 \(r.digits(3)) \(r.digits(4))", "+31 6 \(r.digits(8))", "+31 (0)10 \(r.digits(7))"])
                },
                ColumnSpec("adres", address) { r in
                    let (pc, city) = r.pick(D.dutchCities)
                    let line = "\(r.pick(D.dutchStreets)) \(r.int(1...300))\(r.chance(0.2) ? "-\(r.int(1...3))" : "")"
                    return r.chance(0.4) ? "\(line)\n\(pc) \(city)" : line
                },
                ColumnSpec("postcode") { r in r.pick(D.dutchCities).0 },
                ColumnSpec("bsn", ["NL_BSN"]) { r in I.bsn(&r) },
                ColumnSpec("geboortedatum", dob) { r in birthDate(&r) { "\(I.format2($2))-\(I.format2($1))-\($0)" } },
                ColumnSpec("rekeningnummer", iban) { r in I.iban("NL", "aaaannnnnnnnnn", &r) },
            ])
    }

    static func british(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "patients", locale: "en-GB", rows: rows, &r,
            [
                ColumnSpec("forename", name) { r in r.pick(D.britishGiven) },
                ColumnSpec("surname", name) { r in r.pick(D.britishFamily) },
                ColumnSpec("email", email) { r in
                    mail("\(r.pick(D.britishGiven)).\(r.pick(D.britishFamily))", ["btinternet.com", "gmail.com", "nhs.net"], &r)
                },
                ColumnSpec("phone", phone) { r in
                    r.pick([
                        "020 7946 \(r.digits(4))", "07700 900\(r.digits(3))", "+44 7700 900\(r.digits(3))", "01632 960\(r.digits(3))",
                        "0113 496 \(r.digits(4))",
                    ])
                },
                ColumnSpec("address", address) { r in
                    let (town, pc) = r.pick(D.britishTowns)
                    let flat = r.chance(0.3) ? "Flat \(r.int(1...20)), " : ""
                    return "\(flat)\(r.int(1...250)) \(r.pick(D.britishStreets))\n\(town)\n\(pc)"
                },
                ColumnSpec("postcode") { r in r.pick(D.britishTowns).1 },
                ColumnSpec("ni_number", ["UK_NINO"]) { r in I.nino(&r) },
                ColumnSpec("nhs_number", ["UK_NHS_NUMBER"]) { r in I.nhs(&r) },
                ColumnSpec("date_of_birth", dob) { r in birthDate(&r) { "\(I.format2($2))/\(I.format2($1))/\($0)" } },
                ColumnSpec("gp_practice") { r in "\(r.pick(["Riverside", "Oakwood", "Parkside", "Hillview"])) Medical Centre" },
            ])
    }

    static func indian(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "customers_in", locale: "en-IN", rows: rows, &r,
            [
                ColumnSpec("customer_name", name) { r in "\(r.pick(D.indianGiven)) \(r.pick(D.indianFamily))" },
                ColumnSpec("mobile", phone) { r in
                    r.pick([
                        "+91 9\(r.digits(4)) \(r.digits(5))", "9\(r.digits(4)) \(r.digits(5))", "09\(r.digits(4))-\(r.digits(5))",
                        "+91-22-\(r.digits(4))-\(r.digits(4))",
                    ])
                },
                ColumnSpec("email", email) { r in
                    mail("\(r.pick(D.indianGiven)).\(r.pick(D.indianFamily))", ["gmail.com", "rediffmail.com", "yahoo.co.in"], &r)
                },
                ColumnSpec("address", address) { r in
                    let (city, pin) = r.pick(D.indianCities)
                    return "\(r.pick(D.indianAddresses)), \(city) - \(pin)"
                },
                ColumnSpec("aadhaar_no", ["IN_AADHAAR"]) { r in I.aadhaar(&r) },
                ColumnSpec("pan", ["IN_PAN"]) { r in I.pan(&r) },
                ColumnSpec("dob", dob) { r in birthDate(&r) { "\(I.format2($2))-\(I.format2($1))-\($0)" } },
                ColumnSpec("pincode") { r in r.pick(D.indianCities).1 },
            ])
    }

    static func american(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "members", locale: "en-US", rows: rows, &r,
            [
                ColumnSpec("full_name", name) { r in "\(r.pick(D.americanGiven)) \(r.pick(D.americanFamily))" },
                ColumnSpec("email", email) { r in mail("\(r.pick(D.americanGiven)).\(r.pick(D.americanFamily))", ["gmail.com", "outlook.com"], &r) },
                ColumnSpec("phone", phone) { r in
                    r.pick([
                        "(\(r.int(201...989))) \(r.int(200...999))-\(r.digits(4))", "\(r.int(201...989))-\(r.int(200...999))-\(r.digits(4))",
                        "+1 \(r.int(201...989)) \(r.int(200...999)) \(r.digits(4))",
                    ])
                },
                ColumnSpec("street", address) { r in "\(r.int(1...9999)) \(r.pick(D.americanStreets))" },
                ColumnSpec("city") { r in r.pick(D.americanCities).0 },
                ColumnSpec("zip") { r in r.pick(D.americanCities).2 },
                ColumnSpec("ssn", ["US_SSN"]) { r in I.ssn(&r) },
                ColumnSpec("card_number", ["CREDIT_CARD"]) { r in I.card(&r) },
                ColumnSpec("order_number") { r in
                    let n = "7" + r.digits(15)
                    return Luhn.isValid(n) ? "7" + r.digits(14) + "0" : n
                },
                ColumnSpec("birthday", dob) { r in birthDate(&r) { "\(I.format2($1))/\(I.format2($2))/\($0)" } },
            ])
    }

    static func builds(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "deployments", locale: "en", rows: rows, &r,
            [
                ColumnSpec("build_number", missing: 0) { r in "\(r.int(1...9)).\(r.int(0...40)).\(r.int(0...20)).\(r.int(0...60))" },
                ColumnSpec("release") { r in "\(r.int(1...5)).\(r.int(0...30)).\(r.int(0...12))" },
                ColumnSpec("host_ip", ["IP_ADDRESS"]) { r in
                    r.pick([
                        "10.\(r.int(0...255)).\(r.int(0...255)).\(r.int(1...254))", "192.168.\(r.int(0...255)).\(r.int(1...254))",
                        "172.\(r.int(16...31)).\(r.int(0...255)).\(r.int(1...254))",
                    ])
                },
                ColumnSpec("commit") { r in String((0..<12).map { _ in r.pick(Array("0123456789abcdef")) }) },
                ColumnSpec("deployed_at") { r in "\(recentDate(&r)) \(I.format2(r.int(0...23))):\(I.format2(r.int(0...59)))" },
                ColumnSpec("owner_email", email) { r in "\(r.pick(["ops", "release", "ci", "sre"]))@example.com" },
            ])
    }

    static func chinese(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "客户", locale: "zh", rows: rows, &r,
            [
                ColumnSpec("姓名", name) { r in "\(r.pick(D.chineseFamily))\(r.pick(D.chineseGiven))" },
                ColumnSpec("手机号", phone) { r in
                    r.pick(["13\(r.digits(9))", "18\(r.digits(9))", "010-\(r.digits(8))", "159 \(r.digits(4)) \(r.digits(4))"])
                },
                ColumnSpec("地址", address) { r in r.pick(D.chineseAddresses) },
                ColumnSpec("身份证号", ["CN_RESIDENT_ID"]) { r in I.chineseID(&r) },
                ColumnSpec("电子邮箱", email) { r in
                    "\(r.pick(["wang", "li", "zhang", "liu", "chen"]))\(r.digits(4))@\(r.pick(["qq.com", "163.com", "126.com"]))"
                },
                ColumnSpec("城市") { r in r.pick(["北京", "上海", "深圳", "杭州", "成都"]) },
            ])
    }

    static func korean(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "고객", locale: "ko", rows: rows, &r,
            [
                ColumnSpec("이름", name) { r in "\(r.pick(D.koreanFamily))\(r.pick(D.koreanGiven))" },
                ColumnSpec("전화번호", phone) { r in
                    r.pick([
                        "010-\(r.digits(4))-\(r.digits(4))", "02-\(r.digits(3))-\(r.digits(4))", "010\(r.digits(8))",
                        "031-\(r.digits(3))-\(r.digits(4))",
                    ])
                },
                ColumnSpec("주소", address) { r in r.pick(D.koreanAddresses) },
                ColumnSpec("주민등록번호", ["KR_RRN"]) { r in I.rrn(&r) },
                ColumnSpec("이메일", email) { r in
                    "\(r.pick(["kim", "lee", "park", "choi"]))\(r.digits(3))@\(r.pick(["naver.com", "daum.net", "kakao.com"]))"
                },
                ColumnSpec("회사") { r in r.pick(["삼성전자", "현대자동차", "주식회사 한빛", "엘지화학"]) },
            ])
    }
}

extension String {
    /// ASCII letters only, diacritics folded, for e-mail local parts.
    fileprivate func applyingTransformIfNeeded() -> String {
        String(Lexicon.fold(Substring(self)).unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == ".") }.map(Character.init))
    }
}
