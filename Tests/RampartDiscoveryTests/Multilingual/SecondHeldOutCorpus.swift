import Foundation

@testable import RampartDiscovery

/// A third corpus, modelled on the independent set an outside evaluator would bring: written
/// after the classifiers were tuned and never tuned on, with its own name lists (common names
/// mixed with real ones of rank ~100–1000, written without the classifiers' lexicons), business
/// tables (customers, employees, patients, orders, suppliers) in fourteen locales and look-alike
/// columns in every table (cities, companies, departments, job titles, products, order numbers,
/// amounts, build numbers, postcodes, countries, statuses, comments, SKUs, SIRETs, EAN-13s).
///
/// Labels are what a careful reviewer would give: given-name-only and family-name-only columns
/// are PERSON_NAME, street lines are STREET_ADDRESS, cities and postcodes alone have no class.
enum SecondHeldOutCorpus: EvalLabels {
    typealias I = EvalIdentifiers
    typealias N = SecondHeldOutData

    static func tables(seed: UInt64, rows: Int = 160) -> [EvalTable] {
        var r = EvalRandom(seed: seed ^ 0x2B0D)
        return [
            germanStaff(&r, rows), swissCustomers(&r, rows), italianPatients(&r, rows), spanishPatients(&r, rows), argentineOrders(&r, rows),
            brazilianStaff(&r, rows), dutchOrders(&r, rows), britishStaff(&r, rows), indianPatients(&r, rows), americanPatients(&r, rows),
            japaneseCustomers(&r, rows), japaneseStaff(&r, rows), belgianSuppliers(&r, rows), czechStaff(&r, rows), swedishPatients(&r, rows),
        ]
    }

    // MARK: - Helpers

    /// An e-mail address built from a person's names, in one of the usual local-part patterns.
    static func mailbox(_ given: String, _ family: String, _ domains: [String], _ r: inout EvalRandom) -> String {
        let initial = String(given.prefix(1))
        let local: String
        switch r.int(0...3) {
        case 0: local = "\(given).\(family)"
        case 1: local = "\(initial).\(family)"
        case 2: local = "\(family)\(initial)"
        default: local = "\(given)\(family)"
        }
        return MultilingualCorpus.mail(local, domains, &r)
    }

    /// A Belgian BBAN: bank code, account, and the national check (first ten digits mod 97).
    static func belgianBBAN(_ r: inout EvalRandom) -> String {
        let first = "\(r.pick(["001", "063", "068", "310", "363", "523", "735", "737", "751"]))\(r.digits(7))"
        let check = Int(first)! % 97
        return first + I.format2(check == 0 ? 97 : check)
    }

    /// A Czech BBAN: bank code, zero prefix and an account number passing the weighted mod-11 test.
    static func czechBBAN(_ r: inout EvalRandom) -> String {
        let weights = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1]
        while true {
            let body = "00\(r.int(1...9))\(r.digits(6))"
            let d = body.map { Int(String($0))! }
            var sum = 0
            for i in 0..<9 { sum += d[i] * weights[i] }
            let check = (11 - sum % 11) % 11
            guard check < 10 else { continue }
            let bank = r.pick(["0100", "0300", "0600", "0800", "2010", "3030", "5500", "6210"])
            return "\(bank)000000\(body)\(check)"
        }
    }

    /// A Belgian enterprise (VAT) number: ten digits, the last two 97 minus the first eight mod 97.
    static func belgianEnterpriseNumber(_ r: inout EvalRandom) -> String {
        let body = "0\(r.int(2...9))\(r.digits(6))"
        let full = body + I.format2(97 - Int(body)! % 97)
        return r.chance(0.5) ? "BE \(I.group(full, [4, 3, 3], "."))" : "BE\(full)"
    }

    /// `count` lower-case hexadecimal digits.
    static func hex(_ r: inout EvalRandom, _ count: Int) -> String {
        String((0..<count).map { _ in r.pick(Array("0123456789abcdef")) })
    }

    /// A date of birth in the Japanese era calendar (Shōwa, Heisei), as on official forms.
    static func japaneseEra(_ y: Int, _ m: Int, _ d: Int) -> String {
        if y >= 1990 { return "平成\(y - 1988)年\(m)月\(d)日" }
        if y >= 1927 && y <= 1988 { return "昭和\(y - 1925)年\(m)月\(d)日" }
        return "\(y)年\(m)月\(d)日"
    }

    /// ASCII digits and hyphens as their full-width forms, as Japanese forms often store them.
    static func fullWidth(_ s: String) -> String {
        var out = ""
        for c in s {
            if c.isASCII, let v = c.wholeNumberValue, let scalar = Unicode.Scalar(0xFF10 + UInt32(v)) {
                out.unicodeScalars.append(scalar)
            } else if c == "-" {
                out.append("－")
            } else {
                out.append(c)
            }
        }
        return out
    }

    // MARK: - Tables

    static func germanStaff(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "mitarbeiter", locale: "de-DE", rows: rows, &r,
            [
                ColumnSpec("Personalnummer", missing: 0) { r in "P\(r.digits(6))" },
                ColumnSpec("Vorname", name) { r in r.pick(N.germanGiven) },
                ColumnSpec("Nachname", name) { r in r.pick(N.germanFamily) },
                ColumnSpec("Geburtsdatum", dob) { r in
                    let (y, m, d) = EvalFormats.ymd(&r, 1958...2005)
                    return r.chance(0.8) ? "\(I.format2(d)).\(I.format2(m)).\(y)" : "\(d).\(m).\(y)"
                },
                ColumnSpec("Telefon privat", phone) { r in
                    r.pick([
                        "030 \(EvalFormats.sub(&r, 8))", "+49 40 \(EvalFormats.sub(&r, 7))", "089 / \(EvalFormats.sub(&r, 7))",
                        "0221 \(EvalFormats.sub(&r, 6))", "0711-\(EvalFormats.sub(&r, 6))",
                        "0171 \(r.digits(7))", "0151 \(r.digits(8))", "+49 176 \(r.digits(8))", "+49 (0)160 \(r.digits(7))",
                    ])
                },
                ColumnSpec("Anschrift", address) { r in
                    let (plz, ort) = r.pick(N.germanPlaces)
                    let street = "\(r.pick(N.germanStreets)) \(r.int(1...160))\(r.chance(0.1) ? "a" : "")"
                    return r.chance(0.6) ? "\(street)\n\(plz) \(ort)" : "\(street), \(plz) \(ort)"
                },
                ColumnSpec("E-Mail", email) { r in
                    mailbox(r.pick(N.germanGiven), r.pick(N.germanFamily), ["gmx.de", "web.de", "posteo.de", "t-online.de", "freenet.de"], &r)
                },
                ColumnSpec("IBAN", iban) { r in
                    let compact = I.ibanCompact("DE", "\(r.pick(N.germanBankCodes))\(r.digits(10))")
                    return r.chance(0.5) ? compact : I.group(compact, [4, 4, 4, 4, 4], " ")
                },
                ColumnSpec("Steuer-ID", ["DE_TAX_ID"]) { r in I.germanTaxID(&r) },
                ColumnSpec("Abteilung") { r in
                    r.pick(["Vertrieb", "Einkauf", "Buchhaltung", "Personal", "IT", "Logistik", "Produktion", "Qualitätssicherung"])
                },
                ColumnSpec("Position") { r in
                    r.pick([
                        "Sachbearbeiterin", "Teamleiter", "Fachinformatiker", "Lagerist", "Controllerin", "Werkstudent", "Bereichsleiterin",
                        "Industriekaufmann",
                    ])
                },
                ColumnSpec("Standort") { r in r.pick(N.germanPlaces).1 },
                ColumnSpec("Eintrittsdatum") { r in EvalFormats.dmy(&r, 1995...2025, ".") },
                ColumnSpec("Kostenstelle") { r in "KST \(r.int(1...9))\(r.digits(3))" },
            ])
    }

    static func swissCustomers(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "KUNDEN", locale: "de-CH", rows: rows, &r,
            [
                ColumnSpec("KUNDENNR", missing: 0) { r in "\(r.int(10...99))\(r.digits(4))" },
                ColumnSpec("ANREDE") { r in r.pick(["Herr", "Frau", "Herr Dr.", "Frau Dr.", "Familie"]) },
                ColumnSpec("VORNAME", name) { r in r.pick(N.swissGiven) },
                ColumnSpec("NACHNAME", name) { r in r.pick(N.swissFamily).uppercased() },
                ColumnSpec("ADRESSE", address) { r in "\(r.pick(N.swissStreets)) \(r.int(1...120))\(r.chance(0.08) ? "b" : "")" },
                ColumnSpec("PLZ") { r in r.pick(N.swissPlaces).0 },
                ColumnSpec("ORT") { r in r.pick(N.swissPlaces).1 },
                ColumnSpec("TELEFON", phone) { r in
                    r.pick([
                        "044 \(EvalFormats.sub(&r, 3)) \(r.digits(2)) \(r.digits(2))",
                        "+41 31 \(EvalFormats.sub(&r, 3)) \(r.digits(2)) \(r.digits(2))",
                        "061 \(EvalFormats.sub(&r, 3)) \(r.digits(2)) \(r.digits(2))", "079 \(r.digits(3)) \(r.digits(2)) \(r.digits(2))",
                        "+41 78 \(r.digits(3)) \(r.digits(2)) \(r.digits(2))", "+4176\(r.digits(7))",
                        "071 \(EvalFormats.sub(&r, 3)) \(r.digits(2)) \(r.digits(2))",
                    ])
                },
                ColumnSpec("GEBURTSDATUM", dob) { r in EvalFormats.dmy(&r, 1936...2005, ".") },
                ColumnSpec("FIRMA", missing: 0.55) { r in r.pick(N.swissCompanies) },
                ColumnSpec("KUNDE_SEIT") { r in EvalFormats.dmy(&r, 2004...2025, ".") },
                ColumnSpec("STATUS") { r in r.pick(["aktiv", "aktiv", "inaktiv", "gesperrt", "Mahnstufe 1"]) },
                ColumnSpec("UMSATZ_CHF") { r in "\(EvalFormats.thousands(r.int(50...48_999), "'")).\(r.pick(["00", "05", "20", "50", "95"]))" },
            ])
    }

    static func italianPatients(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "pazienti", locale: "it", rows: rows, &r,
            [
                ColumnSpec("id_paziente", missing: 0) { r in "PZ\(r.digits(7))" },
                ColumnSpec("paziente", name) { r in "\(r.pick(N.italianFamily)) \(r.pick(N.italianGiven))" },
                ColumnSpec("codice_fiscale", ["IT_FISCAL_CODE"]) { r in I.codiceFiscale(&r) },
                ColumnSpec("data_nascita", dob) { r in EvalFormats.dmy(&r, 1930...2022, "/") },
                ColumnSpec("telefono", phone) { r in
                    let mobile = r.pick(["320", "328", "333", "335", "338", "340", "347", "348", "366", "389", "393"])
                    return r.pick([
                        "02 \(EvalFormats.sub(&r, 4)) \(r.digits(4))", "+39 06 \(EvalFormats.sub(&r, 8))", "011 \(EvalFormats.sub(&r, 7))",
                        "051 \(EvalFormats.sub(&r, 6))",
                        "055 \(EvalFormats.sub(&r, 3)) \(r.digits(4))", "\(mobile) \(r.digits(3)) \(r.digits(4))", "+39 \(mobile) \(r.digits(7))",
                        "\(mobile)\(r.digits(7))",
                    ])
                },
                ColumnSpec("indirizzo", address) { r in
                    let (cap, comune, provincia) = r.pick(N.italianPlaces)
                    let street = "\(r.pick(N.italianStreets)), \(r.int(1...180))"
                    return r.chance(0.5) ? "\(street)\n\(cap) \(comune) (\(provincia))" : street
                },
                ColumnSpec("cap") { r in r.pick(N.italianPlaces).0 },
                ColumnSpec("comune") { r in r.pick(N.italianPlaces).1 },
                ColumnSpec("reparto") { r in
                    r.pick(["Cardiologia", "Ortopedia", "Medicina interna", "Pediatria", "Oncologia", "Chirurgia generale", "Neurologia"])
                },
                ColumnSpec("medico_curante", name) { r in "\(r.pick(["Dott. ", "Dr. ", ""]))\(r.pick(N.italianGiven)) \(r.pick(N.italianFamily))" },
                ColumnSpec("data_ricovero") { r in EvalFormats.dmy(&r, 2022...2025, "/") },
                ColumnSpec("note", missing: 0.5) { r in
                    r.pick([
                        "Allergia alla penicillina", "Controllo tra sei mesi", "Paziente collaborante, nessuna complicanza",
                        "Richiede certificato per il lavoro", "Terapia confermata, rivalutare a fine mese", "Esami del sangue nella norma",
                        "Dimesso in buone condizioni generali",
                    ])
                },
            ])
    }

    static func spanishPatients(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "pacientes", locale: "es-ES", rows: rows, &r,
            [
                ColumnSpec("nhc", missing: 0) { r in "\(r.int(1...9))\(r.digits(6))" },
                ColumnSpec("nombre", name) { r in r.pick(N.spanishGiven) },
                ColumnSpec("primer_apellido", name) { r in r.pick(N.spanishFamily) },
                ColumnSpec("segundo_apellido", name, missing: 0.1) { r in r.pick(N.spanishFamily) },
                ColumnSpec("dni", ["ES_DNI"]) { r in I.dni(&r) },
                ColumnSpec("fecha_nacimiento", dob) { r in EvalFormats.dmy(&r, 1930...2022, r.chance(0.7) ? "/" : "-") },
                ColumnSpec("telefono", phone) { r in
                    r.pick([
                        "6\(r.digits(2)) \(r.digits(3)) \(r.digits(3))", "+34 6\(r.digits(8))",
                        "6\(r.digits(2)) \(r.digits(2)) \(r.digits(2)) \(r.digits(2))",
                        "7\(r.int(1...4))\(r.digits(1)) \(r.digits(3)) \(r.digits(3))", "91 \(EvalFormats.sub(&r, 3)) \(r.digits(2)) \(r.digits(2))",
                        "+34 954 \(EvalFormats.sub(&r, 3)) \(r.digits(3))", "93 \(EvalFormats.sub(&r, 3)) \(r.digits(2)) \(r.digits(2))",
                    ])
                },
                ColumnSpec("domicilio", address) { r in
                    let (cp, ciudad) = r.pick(N.spanishPlaces)
                    let floor = r.chance(0.5) ? ", \(r.int(1...9))º \(r.pick(["A", "B", "C", "D", "Izq.", "Dcha."]))" : ""
                    let line = "\(r.pick(N.spanishStreets)), \(r.int(1...140))\(floor)"
                    return r.chance(0.5) ? "\(line)\n\(cp) \(ciudad)" : line
                },
                ColumnSpec("codigo_postal") { r in r.pick(N.spanishPlaces).0 },
                ColumnSpec("ciudad") { r in r.pick(N.spanishPlaces).1 },
                ColumnSpec("aseguradora") { r in
                    r.pick(["Sanitas", "Adeslas", "Asisa", "DKV Seguros", "Mapfre Salud", "Seguridad Social", "Cigna", "Muface"])
                },
                ColumnSpec("especialidad") { r in
                    r.pick(["Traumatología", "Dermatología", "Medicina de Familia", "Oftalmología", "Ginecología", "Cardiología"])
                },
                ColumnSpec("fecha_cita") { r in EvalFormats.dmy(&r, 2023...2025, "/") },
            ])
    }

    static func argentineOrders(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "pedidos", locale: "es-AR", rows: rows, &r,
            [
                ColumnSpec("nro_pedido", missing: 0) { r in "PED-\(r.int(1...9))\(r.digits(6))" },
                ColumnSpec("fecha") { r in EvalFormats.dmy(&r, 2023...2025, "/") },
                ColumnSpec("apellido", name) { r in r.pick(N.argentineFamily) },
                ColumnSpec("nombre", name) { r in r.pick(N.argentineGiven) },
                ColumnSpec("email", email) { r in
                    mailbox(r.pick(N.argentineGiven), r.pick(N.argentineFamily), ["gmail.com", "hotmail.com", "yahoo.com.ar", "fibertel.com.ar"], &r)
                },
                ColumnSpec("telefono", phone) { r in
                    r.pick([
                        "011 4\(r.digits(3))-\(r.digits(4))", "+54 11 4\(r.digits(3))-\(r.digits(4))",
                        "+54 9 11 \(r.int(2...6))\(r.digits(3))-\(r.digits(4))",
                        "(011) 15-\(r.int(2...6))\(r.digits(3))-\(r.digits(4))", "11 \(r.int(2...6))\(r.digits(3))-\(r.digits(4))",
                        "0351 4\(r.digits(2))-\(r.digits(4))", "+54 9 351 \(r.int(2...6))\(r.digits(2))-\(r.digits(4))",
                        "0341 4\(r.digits(2))-\(r.digits(4))",
                    ])
                },
                ColumnSpec("direccion_entrega", address) { r in
                    let (cp, localidad, provincia) = r.pick(N.argentinePlaces)
                    let unit = r.chance(0.4) ? ", Piso \(r.int(1...14)) Dto. \(r.pick(["A", "B", "C", "D"]))" : ""
                    let line = "\(r.pick(N.argentineStreets)) \(r.int(100...5999))\(unit)"
                    return r.chance(0.5) ? "\(line)\n\(cp) \(localidad), \(provincia)" : "\(line), \(localidad)"
                },
                ColumnSpec("localidad") { r in r.pick(N.argentinePlaces).1 },
                ColumnSpec("provincia") { r in r.pick(N.argentinePlaces).2 },
                ColumnSpec("producto") { r in
                    r.pick([
                        "Yerba mate 1 kg", "Termo acero 1 L", "Mate de calabaza", "Zapatillas running", "Auriculares bluetooth",
                        "Cafetera de filtro", "Mochila urbana 25 L", "Silla de oficina",
                    ])
                },
                ColumnSpec("sku") { r in
                    "\(r.pick(["YM", "TR", "MT", "ZR", "AU", "CF", "MC", "SO"]))-\(r.digits(5))-\(r.pick(["NEG", "AZU", "ROJ", "U"]))"
                },
                ColumnSpec("codigo_barras") { r in EvalFormats.ean13("779", &r) },
                ColumnSpec("cantidad") { r in String(r.int(1...6)) },
                ColumnSpec("total") { r in "$ \(EvalFormats.thousands(r.int(1500...389_999), ".")),\(r.pick(["00", "50", "99"]))" },
                ColumnSpec("tarjeta", card, missing: 0.35) { r in I.card(&r) },
                ColumnSpec("estado") { r in r.pick(["Entregado", "En camino", "Pendiente de pago", "Cancelado", "Preparando"]) },
                ColumnSpec("observaciones", missing: 0.6) { r in
                    r.pick([
                        "Dejar en portería", "Tocar timbre dos veces", "Entregar de 9 a 13 h", "Pide factura A", "Reprogramado por lluvia",
                        "Llamar antes de llegar",
                    ])
                },
            ])
    }

    static func brazilianStaff(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "funcionarios", locale: "pt-BR", rows: rows, &r,
            [
                ColumnSpec("matricula", missing: 0) { r in String(r.int(10_000...99_999)) },
                ColumnSpec("nome", name) { r in r.pick(N.brazilianGiven) },
                ColumnSpec("sobrenome", name) { r in
                    let first = r.pick(N.brazilianFamily)
                    let second = r.pick(N.brazilianFamily)
                    return r.chance(0.5) ? "\(first) \(second)" : second
                },
                ColumnSpec("cpf", ["BR_CPF"]) { r in I.cpf(&r) },
                ColumnSpec("data_de_nascimento", dob) { r in EvalFormats.dmy(&r, 1960...2005, "/") },
                ColumnSpec("telefone", phone) { r in
                    let ddd = r.pick(N.brazilianDDD)
                    return r.pick([
                        "(\(ddd)) 9\(r.digits(4))-\(r.digits(4))", "+55 \(ddd) 9\(r.digits(4))-\(r.digits(4))",
                        "\(ddd) 9\(r.digits(4)) \(r.digits(4))",
                        "(\(ddd)) \(r.int(2...4))\(r.digits(3))-\(r.digits(4))", "+55\(ddd)9\(r.digits(8))",
                    ])
                },
                ColumnSpec("endereco", address) { r in
                    let (cep, cidade, uf) = r.pick(N.brazilianPlaces)
                    let bairro = r.pick(N.brazilianBairros)
                    let apto = r.chance(0.4) ? ", apto \(r.int(11...184))" : ""
                    let line = "\(r.pick(N.brazilianStreets)), \(r.int(10...3500))\(apto)"
                    return r.chance(0.6) ? "\(line)\n\(bairro) - \(cidade)/\(uf)\nCEP \(cep)" : "\(line) - \(bairro)"
                },
                ColumnSpec("cidade") { r in r.pick(N.brazilianPlaces).1 },
                ColumnSpec("uf") { r in r.pick(N.brazilianPlaces).2 },
                ColumnSpec("cargo") { r in
                    r.pick([
                        "Analista de Sistemas", "Assistente Administrativo", "Gerente Comercial", "Auxiliar de Logística", "Coordenadora de RH",
                        "Técnico de Manutenção", "Contador",
                    ])
                },
                ColumnSpec("departamento") { r in r.pick(["Financeiro", "Recursos Humanos", "TI", "Comercial", "Operações", "Jurídico"]) },
                ColumnSpec("salario") { r in "R$ \(EvalFormats.thousands(r.int(1_800...24_000), ".")),\(r.pick(["00", "50"]))" },
                ColumnSpec("data_admissao") { r in EvalFormats.dmy(&r, 2008...2025, "/") },
            ])
    }

    static func dutchOrders(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        let letters = "ABCEGHJKLMNPRTVWXZ"
        return EvalTable(
            "bestellingen", locale: "nl", rows: rows, &r,
            [
                ColumnSpec("ordernummer", missing: 0) { r in "NL\(r.int(2022...2025))\(r.digits(6))" },
                ColumnSpec("besteldatum") { r in EvalFormats.iso(&r, 2022...2025) },
                ColumnSpec("voornaam", name) { r in r.pick(N.dutchGiven) },
                ColumnSpec("achternaam", name) { r in r.pick(N.dutchFamily) },
                ColumnSpec("e-mail", email) { r in
                    mailbox(r.pick(N.dutchGiven), r.pick(N.dutchFamily), ["ziggo.nl", "kpnmail.nl", "gmail.com", "outlook.com", "hetnet.nl"], &r)
                },
                ColumnSpec("telefoon", phone) { r in
                    r.pick([
                        "06-\(r.int(1...5))\(r.digits(7))", "06 \(r.int(1...5))\(r.digits(1)) \(r.digits(2)) \(r.digits(2)) \(r.digits(2))",
                        "+31 6 \(r.int(1...5))\(r.digits(7))", "+316\(r.int(1...5))\(r.digits(7))", "020-\(EvalFormats.sub(&r, 7))",
                        "010 \(EvalFormats.sub(&r, 3)) \(r.digits(4))", "+31 (0)30 \(EvalFormats.sub(&r, 7))", "0591-\(EvalFormats.sub(&r, 6))",
                    ])
                },
                ColumnSpec("afleveradres", address) { r in
                    let (digits, plaats) = r.pick(N.dutchPlaces)
                    let postcode = "\(digits) \(r.letter(letters))\(r.letter(letters))"
                    let suffix = r.chance(0.15) ? r.pick(["a", "b", "-1", "-2", " bis"]) : ""
                    let line = "\(r.pick(N.dutchStreets)) \(r.int(1...240))\(suffix)"
                    return r.chance(0.5) ? "\(line)\n\(postcode) \(plaats)" : "\(line), \(postcode) \(plaats)"
                },
                ColumnSpec("postcode") { r in "\(r.pick(N.dutchPlaces).0) \(r.letter(letters))\(r.letter(letters))" },
                ColumnSpec("woonplaats") { r in r.pick(N.dutchPlaces).1 },
                ColumnSpec("land") { r in r.pick(["Nederland", "Nederland", "Nederland", "België", "Duitsland"]) },
                ColumnSpec("artikel") { r in
                    r.pick([
                        "Fietsverlichting set", "Regenjas unisex", "Koffiebonen 1 kg", "Stroopwafels 12 st.", "Wandelschoenen", "Bureaulamp LED",
                        "Thermosfles 0,5 l",
                    ])
                },
                ColumnSpec("ean") { r in EvalFormats.ean13("87", &r) },
                ColumnSpec("bedrag") { r in "€ \(EvalFormats.thousands(r.int(4...1_899), ".")),\(r.digits(2))" },
                ColumnSpec("status") { r in r.pick(["betaald", "verzonden", "bezorgd", "geannuleerd", "retour"]) },
                ColumnSpec("ip_adres", ip, missing: 0.03) { r in
                    if r.chance(0.8) {
                        return "\(r.pick([31, 62, 77, 84, 145, 185, 213])).\(r.int(0...255)).\(r.int(0...255)).\(r.int(1...254))"
                    }
                    return "2a02:\(hex(&r, 4)):\(hex(&r, 4)):\(hex(&r, 4))::\(hex(&r, 2))"
                },
                ColumnSpec("app_versie") { r in "\(r.int(2...4)).\(r.int(0...24)).\(r.int(0...9)).\(r.int(1...60))" },
            ])
    }

    static func britishStaff(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        let inward = "ABDEFGHJLNPQRSTUWXYZ"
        return EvalTable(
            "employees", locale: "en-GB", rows: rows, &r,
            [
                ColumnSpec("employee_no", missing: 0) { r in "E\(r.digits(5))" },
                ColumnSpec("employee_name", name) { r in "\(r.pick(N.britishFamily)), \(r.pick(N.britishGiven))" },
                ColumnSpec("ni_number", ["UK_NINO"]) { r in I.nino(&r) },
                ColumnSpec("date_of_birth", dob) { r in
                    let (y, m, d) = EvalFormats.ymd(&r, 1959...2005)
                    return r.chance(0.7) ? "\(I.format2(d))/\(I.format2(m))/\(y)" : "\(d) \(N.englishMonths[m - 1]) \(y)"
                },
                ColumnSpec("contact_number", phone) { r in
                    r.pick([
                        "07\(r.pick(["4", "5", "7", "8", "9"]))\(r.digits(2)) \(r.digits(6))",
                        "+44 7\(r.pick(["7", "8", "9"]))\(r.digits(2)) \(r.digits(6))",
                        "020 \(r.pick(["7", "8", "3"]))\(r.digits(3)) \(r.digits(4))", "0161 \(EvalFormats.sub(&r, 3)) \(r.digits(4))",
                        "0113 \(EvalFormats.sub(&r, 3)) \(r.digits(4))", "+44 (0)131 \(EvalFormats.sub(&r, 3)) \(r.digits(4))",
                        "01223 \(EvalFormats.sub(&r, 6))",
                    ])
                },
                ColumnSpec("home_address", address) { r in
                    let (town, outward) = r.pick(N.britishPlaces)
                    let postcode = "\(outward) \(r.int(1...9))\(r.letter(inward))\(r.letter(inward))"
                    let house = r.chance(0.25) ? "Flat \(r.int(1...12)), \(r.int(1...180))" : String(r.int(1...240))
                    let street = "\(house) \(r.pick(N.britishStreets))"
                    return r.chance(0.6) ? "\(street)\n\(town)\n\(postcode)" : "\(street), \(town) \(postcode)"
                },
                ColumnSpec("department") { r in
                    r.pick(["Finance", "People & Culture", "Operations", "Customer Services", "Facilities", "IT Service Desk", "Procurement"])
                },
                ColumnSpec("job_title") { r in
                    r.pick([
                        "Payroll Administrator", "Operations Manager", "Warehouse Operative", "Senior Analyst", "Customer Service Advisor",
                        "Facilities Coordinator", "Graduate Trainee",
                    ])
                },
                ColumnSpec("location") { r in r.pick(N.britishPlaces).0 },
                ColumnSpec("start_date") { r in EvalFormats.dmy(&r, 2001...2025, "/") },
                ColumnSpec("salary") { r in "£\(EvalFormats.thousands(r.int(21...95) * 1000 + r.pick([0, 250, 500]), ","))" },
                ColumnSpec("notes", missing: 0.6) { r in
                    r.pick([
                        "Probation completed", "Part-time, 3 days a week", "Hybrid working agreed", "Requires parking permit",
                        "Annual review due in March", "Completed fire warden training",
                    ])
                },
            ])
    }

    static func indianPatients(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "patient_register", locale: "en-IN", rows: rows, &r,
            [
                ColumnSpec("uhid", missing: 0) { r in "UHID\(r.int(2019...2025))\(r.digits(6))" },
                ColumnSpec("patient_name", name) { r in
                    let given = r.pick(N.indianGiven)
                    let family = r.pick(N.indianFamily)
                    return r.chance(0.15) ? "\(family.prefix(1)). \(given)" : "\(given) \(family)"
                },
                ColumnSpec("dob", dob) { r in
                    let (y, m, d) = EvalFormats.ymd(&r, 1935...2022)
                    return r.pick([
                        "\(I.format2(d))/\(I.format2(m))/\(y)", "\(I.format2(d))-\(I.format2(m))-\(y)",
                        "\(I.format2(d))-\(N.englishMonths[m - 1])-\(y)",
                    ])
                },
                ColumnSpec("mobile_no", phone) { r in
                    r.pick([
                        "+91 \(r.int(6...9))\(r.digits(4)) \(r.digits(5))", "\(r.int(7...9))\(r.digits(9))", "0\(r.int(7...9))\(r.digits(9))",
                        "+91-\(r.int(6...9))\(r.digits(9))", "080-\(r.int(2...4))\(r.digits(7))", "022 \(r.int(2...6))\(r.digits(3)) \(r.digits(4))",
                        "0484 \(r.int(2...4))\(r.digits(6))",
                    ])
                },
                ColumnSpec("address", address) { r in
                    let (locality, city, state, pin) = r.pick(N.indianPlaces)
                    let unit = r.pick([
                        "Flat \(r.int(1...12))0\(r.int(1...8)), \(r.pick(N.indianBuildings))",
                        "H.No. \(r.int(1...16))-\(r.int(1...9))-\(r.int(10...420))",
                        "Plot No. \(r.int(1...250)), \(r.int(4...18))th Cross", "\(r.int(1...99))/\(r.int(1...40)), \(r.pick(N.indianRoads))",
                    ])
                    return r.chance(0.5) ? "\(unit), \(locality), \(city), \(state) - \(pin)" : "\(unit)\n\(locality)\n\(city) \(pin), \(state)"
                },
                ColumnSpec("city") { r in r.pick(N.indianPlaces).1 },
                ColumnSpec("pincode") { r in r.pick(N.indianPlaces).3 },
                ColumnSpec("aadhaar_no", ["IN_AADHAAR"], missing: 0.2) { r in I.aadhaar(&r) },
                ColumnSpec("department") { r in
                    r.pick(["Cardiology", "Orthopaedics", "General Medicine", "Paediatrics", "ENT", "Nephrology", "Obstetrics & Gynaecology"])
                },
                ColumnSpec("consultant", name, missing: 0.02) { r in "Dr. \(r.pick(N.indianGiven)) \(r.pick(N.indianFamily))" },
                ColumnSpec("admission_date") { r in EvalFormats.dmy(&r, 2023...2025, "-") },
                ColumnSpec("bill_amount") { r in "₹\(EvalFormats.lakhs(r.int(800...450_000))).00" },
                ColumnSpec("insurer", missing: 0.3) { r in
                    r.pick(["Star Health", "HDFC ERGO", "ICICI Lombard", "Niva Bupa", "CGHS", "Ayushman Bharat"])
                },
            ])
    }

    static func americanPatients(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "patients_us", locale: "en-US", rows: rows, &r,
            [
                ColumnSpec("mrn", missing: 0) { r in "MRN\(r.digits(8))" },
                ColumnSpec("first_name", name) { r in r.pick(N.usGiven) },
                ColumnSpec("last_name", name) { r in r.pick(N.usFamily) },
                ColumnSpec("dob", dob) { r in
                    let (y, m, d) = EvalFormats.ymd(&r, 1932...2023)
                    return r.pick(["\(I.format2(m))/\(I.format2(d))/\(y)", "\(m)/\(d)/\(y)", "\(y)-\(I.format2(m))-\(I.format2(d))"])
                },
                ColumnSpec("ssn", ["US_SSN"], missing: 0.15) { r in I.ssn(&r) },
                ColumnSpec("phone", phone) { r in
                    let area = r.pick(N.usAreaCodes)
                    let exchange = "\(r.int(2...9))\(r.int(0...9))\(r.int(2...9))"
                    let line = r.digits(4)
                    return r.pick([
                        "(\(area)) \(exchange)-\(line)", "\(area)-\(exchange)-\(line)", "\(area).\(exchange).\(line)",
                        "+1 \(area) \(exchange) \(line)",
                        "1-\(area)-\(exchange)-\(line)",
                    ])
                },
                ColumnSpec("email", email) { r in
                    mailbox(r.pick(N.usGiven), r.pick(N.usFamily), ["gmail.com", "yahoo.com", "aol.com", "comcast.net", "icloud.com"], &r)
                },
                ColumnSpec("address", address) { r in
                    let (city, state, zip) = r.pick(N.usPlaces)
                    let unit = r.chance(0.25) ? " \(r.pick(["Apt", "Apt.", "Unit"])) \(r.int(1...40))\(r.pick(["", "A", "B"]))" : ""
                    let line = "\(r.int(100...9899)) \(r.pick(N.usStreets))\(unit)"
                    return r.chance(0.6) ? "\(line)\n\(city), \(state) \(zip)" : "\(line), \(city), \(state) \(zip)"
                },
                ColumnSpec("city") { r in r.pick(N.usPlaces).0 },
                ColumnSpec("state") { r in r.pick(N.usPlaces).1 },
                ColumnSpec("zip") { r in r.pick(N.usPlaces).2 },
                ColumnSpec("insurance") { r in
                    r.pick([
                        "Aetna", "Blue Cross Blue Shield", "UnitedHealthcare", "Cigna", "Humana", "Kaiser Permanente", "Medicare", "Medicaid",
                    ])
                },
                ColumnSpec("member_id") { r in "\(r.pick(["XEH", "W", "ZGP", "U"]))\(r.digits(9))" },
                ColumnSpec("copay") { r in "$\(r.pick([0, 10, 20, 25, 30, 40, 50, 75])).00" },
                ColumnSpec("visit_date") { r in EvalFormats.iso(&r, 2024...2025) },
                ColumnSpec("notes", missing: 0.6) { r in
                    r.pick([
                        "Follow-up in 6 weeks", "Prefers morning appointments", "Needs interpreter (Spanish)", "Referred to physical therapy",
                        "Flu shot given", "Lab results pending",
                    ])
                },
            ])
    }

    static func japaneseCustomers(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "顧客名簿", locale: "ja", rows: rows, &r,
            [
                ColumnSpec("顧客ID", missing: 0) { r in "C\(r.digits(7))" },
                ColumnSpec("姓", name) { r in r.pick(N.japaneseFamilyKanji) },
                ColumnSpec("名", name) { r in r.pick(N.japaneseGivenKanji) },
                ColumnSpec("生年月日", dob) { r in
                    let (y, m, d) = EvalFormats.ymd(&r, 1940...2004)
                    return r.pick(["\(y)年\(m)月\(d)日", "\(y)/\(I.format2(m))/\(I.format2(d))", japaneseEra(y, m, d)])
                },
                ColumnSpec("電話番号", phone) { r in
                    r.pick([
                        "03-\(r.int(3...6))\(r.digits(3))-\(r.digits(4))", "06-\(r.int(4...6))\(r.digits(3))-\(r.digits(4))",
                        "052-\(EvalFormats.sub(&r, 3))-\(r.digits(4))", "011-\(EvalFormats.sub(&r, 3))-\(r.digits(4))",
                        "092-\(EvalFormats.sub(&r, 3))-\(r.digits(4))",
                        "0467-\(EvalFormats.sub(&r, 2))-\(r.digits(4))", "090-\(r.int(1...9))\(r.digits(3))-\(r.digits(4))",
                        "080\(r.int(1...9))\(r.digits(7))",
                        "070-\(r.int(1...9))\(r.digits(3))-\(r.digits(4))",
                    ])
                },
                ColumnSpec("住所", address) { r in
                    let (zip, place) = r.pick(N.japanesePlacesKanji)
                    let numbered =
                        r.chance(0.5)
                        ? "\(r.int(1...6))丁目\(r.int(1...25))番\(r.int(1...18))号"
                        : "\(r.int(1...6))-\(r.int(1...25))-\(r.int(1...18))"
                    let block = r.chance(0.25) ? fullWidth(numbered) : numbered
                    let building = r.chance(0.3) ? " \(r.pick(N.japaneseBuildings))\(r.int(1...9))0\(r.int(1...9))号室" : ""
                    return r.chance(0.5) ? "〒\(zip) \(place)\(block)\(building)" : "\(place)\(block)\(building)"
                },
                ColumnSpec("郵便番号") { r in r.pick(N.japanesePlacesKanji).0 },
                ColumnSpec("メールアドレス", email) { r in
                    let domains = ["docomo.ne.jp", "ezweb.ne.jp", "gmail.com", "yahoo.co.jp"]
                    return mailbox(r.pick(N.japaneseGivenRomaji), r.pick(N.japaneseFamilyRomaji), domains, &r)
                },
                ColumnSpec("会社名", missing: 0.4) { r in r.pick(N.japaneseCompanies) },
                ColumnSpec("会員ランク") { r in r.pick(["一般", "シルバー", "ゴールド", "プラチナ"]) },
                ColumnSpec("登録日") { r in "\(r.int(2015...2025))/\(I.format2(r.int(1...12)))/\(I.format2(r.int(1...28)))" },
                ColumnSpec("備考", missing: 0.6) { r in
                    r.pick(["DM不要", "平日午後の配達希望", "請求書は郵送", "初回購入キャンペーン適用", "要折り返し連絡", "法人契約"])
                },
            ])
    }

    static func japaneseStaff(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "employees_jp", locale: "ja-Latn", rows: rows, &r,
            [
                ColumnSpec("employee_id", missing: 0) { r in "JP\(r.digits(6))" },
                ColumnSpec("family_name", name) { r in r.pick(N.japaneseFamilyRomaji) },
                ColumnSpec("given_name", name) { r in r.pick(N.japaneseGivenRomaji) },
                ColumnSpec("date_of_birth", dob) { r in
                    let (y, m, d) = EvalFormats.ymd(&r, 1962...2004)
                    return r.chance(0.6) ? "\(y)-\(I.format2(m))-\(I.format2(d))" : "\(y)/\(I.format2(m))/\(I.format2(d))"
                },
                ColumnSpec("mobile", phone) { r in
                    r.pick([
                        "+81 90-\(r.int(1...9))\(r.digits(3))-\(r.digits(4))", "+81 80 \(r.int(1...9))\(r.digits(3)) \(r.digits(4))",
                        "090-\(r.int(1...9))\(r.digits(3))-\(r.digits(4))", "+81-3-\(r.int(3...6))\(r.digits(3))-\(r.digits(4))",
                        "080-\(r.int(1...9))\(r.digits(3))-\(r.digits(4))", "+81 6 \(r.int(4...6))\(r.digits(3)) \(r.digits(4))",
                    ])
                },
                ColumnSpec("work_email", email) { r in
                    mailbox(r.pick(N.japaneseGivenRomaji), r.pick(N.japaneseFamilyRomaji), ["aoba-seiki.co.jp", "hokuto-logistics.jp"], &r)
                },
                ColumnSpec("home_address", address) { r in
                    let (town, ward, prefecture, zip) = r.pick(N.japanesePlacesRomaji)
                    let block = "\(r.int(1...6))-\(r.int(1...25))-\(r.int(1...18))"
                    let unit = r.chance(0.35) ? "\(r.pick(N.japaneseBuildingsRomaji)) \(r.int(1...9))0\(r.int(1...9)), " : ""
                    return r.chance(0.5)
                        ? "\(unit)\(block) \(town), \(ward), \(prefecture) \(zip)"
                        : "\(unit)\(block) \(town)\n\(ward), \(prefecture)\n\(zip)"
                },
                ColumnSpec("department") { r in
                    r.pick(["Sales", "Corporate Planning", "R&D", "Accounting", "Human Resources", "Quality Assurance", "Production Engineering"])
                },
                ColumnSpec("job_title") { r in
                    r.pick(["Section Chief", "Staff", "General Manager", "Engineer", "Senior Engineer", "Assistant Manager"])
                },
                ColumnSpec("office") { r in r.pick(["Tokyo HQ", "Osaka", "Nagoya", "Fukuoka", "Sendai", "Sapporo", "Hiroshima", "Yokohama"]) },
                ColumnSpec("hire_date") { r in EvalFormats.iso(&r, 1988...2025) },
                ColumnSpec("vpn_client_version") { r in "\(r.int(3...5)).\(r.int(0...19)).\(r.int(0...9)).\(r.int(1...40))" },
            ])
    }

    static func belgianSuppliers(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "fournisseurs", locale: "fr-BE", rows: rows, &r,
            [
                ColumnSpec("code_fournisseur", missing: 0) { r in "F\(r.digits(5))" },
                ColumnSpec("raison_sociale") { r in r.pick(N.belgianCompanies) },
                ColumnSpec("numero_entreprise") { r in belgianEnterpriseNumber(&r) },
                ColumnSpec("siret", missing: 0.5) { r in I.siret(&r) },
                ColumnSpec("personne_de_contact", name) { r in "\(r.pick(N.belgianFamily).uppercased()) \(r.pick(N.belgianGiven))" },
                ColumnSpec("téléphone", phone) { r in
                    let mobile = r.pick(["470", "475", "477", "478", "479", "486", "495", "496", "497", "498", "499"])
                    return r.pick([
                        "02 \(EvalFormats.sub(&r, 3)) \(r.digits(2)) \(r.digits(2))", "+32 2 \(EvalFormats.sub(&r, 3)) \(r.digits(2)) \(r.digits(2))",
                        "04 \(EvalFormats.sub(&r, 3)) \(r.digits(2)) \(r.digits(2))", "081 \(EvalFormats.sub(&r, 2)) \(r.digits(2)) \(r.digits(2))",
                        "071/\(EvalFormats.sub(&r, 2)).\(r.digits(2)).\(r.digits(2))", "0\(mobile) \(r.digits(2)) \(r.digits(2)) \(r.digits(2))",
                        "+32 \(mobile) \(r.digits(2)) \(r.digits(2)) \(r.digits(2))",
                        "+33 1 \(r.digits(2)) \(r.digits(2)) \(r.digits(2)) \(r.digits(2))",
                    ])
                },
                ColumnSpec("courriel", email) { r in
                    if r.chance(0.3) { return "\(r.pick(["info", "compta", "commandes", "contact"]))@\(r.pick(N.belgianCompanyDomains))" }
                    return mailbox(r.pick(N.belgianGiven), r.pick(N.belgianFamily), N.belgianCompanyDomains, &r)
                },
                ColumnSpec("adresse", address) { r in
                    if r.chance(0.75) {
                        let (cp, ville) = r.pick(N.belgianPlaces)
                        let box = r.chance(0.2) ? " bte \(r.int(1...12))" : ""
                        let line = "\(r.pick(N.belgianStreets)) \(r.int(1...220))\(box)"
                        return r.chance(0.5) ? "\(line)\n\(cp) \(ville)" : "\(line), \(cp) \(ville)"
                    }
                    let (cp, ville) = r.pick(N.frenchPlaces)
                    return "\(r.int(1...90)) \(r.pick(N.frenchStreets))\n\(cp) \(ville)"
                },
                ColumnSpec("code_postal") { r in r.pick(N.belgianPlaces).0 },
                ColumnSpec("ville") { r in r.pick(N.belgianPlaces).1 },
                ColumnSpec("pays") { r in r.pick(["Belgique", "Belgique", "Belgique", "France", "Luxembourg", "Pays-Bas", "Allemagne"]) },
                ColumnSpec("iban", iban) { r in
                    let compact = I.ibanCompact("BE", belgianBBAN(&r))
                    return r.chance(0.6) ? I.group(compact, [4, 4, 4, 4], " ") : compact
                },
                ColumnSpec("catégorie") { r in
                    r.pick([
                        "Matières premières", "Emballage", "Transport", "Maintenance", "Informatique", "Fournitures de bureau", "Nettoyage",
                    ])
                },
                ColumnSpec("conditions_paiement") { r in
                    r.pick(["30 jours fin de mois", "60 jours date de facture", "Comptant", "45 jours", "Paiement à la commande"])
                },
                ColumnSpec("montant_annuel") { r in "\(EvalFormats.thousands(r.int(1_200...940_000), ".")),\(r.digits(2)) €" },
            ])
    }

    static func czechStaff(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "zamestnanci", locale: "cs", rows: rows, &r,
            [
                ColumnSpec("osobní_číslo", missing: 0) { r in String(r.int(1000...99_999)) },
                ColumnSpec("jméno", name) { r in r.pick(N.czechGiven) },
                ColumnSpec("příjmení", name) { r in
                    let (male, female) = r.pick(N.czechFamily)
                    return r.chance(0.5) ? male : female
                },
                ColumnSpec("datum_narození", dob) { r in
                    let (y, m, d) = EvalFormats.ymd(&r, 1960...2005)
                    return r.chance(0.6) ? "\(d). \(m). \(y)" : "\(I.format2(d)).\(I.format2(m)).\(y)"
                },
                ColumnSpec("telefon", phone) { r in
                    let mobile = r.pick(["602", "603", "604", "605", "606", "608", "702", "720", "724", "728", "731", "736", "739", "774", "777"])
                    return r.pick([
                        "+420 \(mobile) \(r.digits(3)) \(r.digits(3))", "\(mobile) \(r.digits(3)) \(r.digits(3))", "\(mobile)\(r.digits(6))",
                        "+420 2\(r.int(2...9))\(r.digits(1)) \(r.digits(3)) \(r.digits(3))", "541 \(r.digits(3)) \(r.digits(3))",
                    ])
                },
                ColumnSpec("adresa", address) { r in
                    let (psc, obec) = r.pick(N.czechPlaces)
                    let number = r.chance(0.6) ? "\(r.int(100...3200))/\(r.int(1...90))" : String(r.int(1...650))
                    let line = "\(r.pick(N.czechStreets)) \(number)"
                    return r.chance(0.5) ? "\(line)\n\(psc) \(obec)" : "\(line), \(psc) \(obec)"
                },
                ColumnSpec("e-mail", email) { r in
                    mailbox(r.pick(N.czechGiven), r.pick(N.czechFamily).0, ["seznam.cz", "email.cz", "centrum.cz", "gmail.com"], &r)
                },
                ColumnSpec("IBAN", iban) { r in
                    let compact = I.ibanCompact("CZ", czechBBAN(&r))
                    return r.chance(0.6) ? I.group(compact, [4, 4, 4, 4, 4, 4], " ") : compact
                },
                ColumnSpec("oddělení") { r in r.pick(["Účetnictví", "Výroba", "Obchod", "Personální oddělení", "IT", "Logistika", "Nákup"]) },
                ColumnSpec("pozice") { r in
                    r.pick(["Účetní", "Mistr výroby", "Obchodní zástupce", "Programátor", "Skladník", "Asistentka", "Vedoucí směny"])
                },
                ColumnSpec("hrubá_mzda") { r in "\(EvalFormats.thousands(r.int(29_000...125_000), " ")) Kč" },
                ColumnSpec("datum_nástupu") { r in
                    let (y, m, d) = EvalFormats.ymd(&r, 2000...2025)
                    return "\(d). \(m). \(y)"
                },
                ColumnSpec("pracoviště") { r in r.pick(N.czechPlaces).1 },
            ])
    }

    static func swedishPatients(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "patienter", locale: "sv", rows: rows, &r,
            [
                ColumnSpec("journalnummer", missing: 0) { r in "J\(r.digits(7))" },
                ColumnSpec("förnamn", name) { r in r.pick(N.swedishGiven) },
                ColumnSpec("efternamn", name) { r in r.pick(N.swedishFamily) },
                ColumnSpec("födelsedatum", dob) { r in
                    let (y, m, d) = EvalFormats.ymd(&r, 1932...2023)
                    return r.chance(0.7) ? "\(y)-\(I.format2(m))-\(I.format2(d))" : "\(y)\(I.format2(m))\(I.format2(d))"
                },
                ColumnSpec("telefon", phone) { r in
                    r.pick([
                        "07\(r.pick(["0", "2", "3", "6", "9"]))-\(r.digits(3)) \(r.digits(2)) \(r.digits(2))",
                        "+46 7\(r.pick(["0", "2", "3", "6"])) \(r.digits(3)) \(r.digits(2)) \(r.digits(2))",
                        "08-\(EvalFormats.sub(&r, 3)) \(r.digits(3)) \(r.digits(2))", "031-\(EvalFormats.sub(&r, 3)) \(r.digits(2)) \(r.digits(2))",
                        "040-\(EvalFormats.sub(&r, 2)) \(r.digits(2)) \(r.digits(2))",
                        "+46 8 \(EvalFormats.sub(&r, 3)) \(r.digits(3)) \(r.digits(2))",
                        "07\(r.pick(["0", "3", "6"]))\(r.digits(7))",
                    ])
                },
                ColumnSpec("adress", address) { r in
                    let (postnummer, ort) = r.pick(N.swedishPlaces)
                    let flat = r.chance(0.2) ? " lgh \(r.int(10...16))0\(r.int(1...9))" : ""
                    let line = "\(r.pick(N.swedishStreets)) \(r.int(1...120))\(r.chance(0.1) ? " B" : "")\(flat)"
                    return r.chance(0.5) ? "\(line)\n\(postnummer) \(ort)" : "\(line), \(postnummer) \(ort)"
                },
                ColumnSpec("postnummer") { r in r.pick(N.swedishPlaces).0 },
                ColumnSpec("ort") { r in r.pick(N.swedishPlaces).1 },
                ColumnSpec("vårdcentral") { r in
                    r.pick([
                        "Vårdcentralen Kungsholmen", "Capio Vårdcentral Lund", "Hälsocentralen Sörby", "Vårdcentralen Gripen",
                        "Närhälsan Majorna vårdcentral", "Vårdcentralen Centrum",
                    ])
                },
                ColumnSpec("besöksdatum") { r in EvalFormats.iso(&r, 2023...2025) },
                ColumnSpec("besökstyp") { r in r.pick(["Nybesök", "Återbesök", "Telefonrådgivning", "Hembesök", "Videobesök"]) },
                ColumnSpec("anteckning", missing: 0.6) { r in
                    r.pick([
                        "Kallas för uppföljning om tre månader", "Recept förnyat", "Remiss skickad till ortopeden", "Inga nya besvär",
                        "Provsvar normala", "Tolk behövs vid nästa besök",
                    ])
                },
            ])
    }
}

/// The second held-out corpus's own names, places and streets: per locale a mix of the most
/// common family names and real ones of rank ~100–1000, written by hand for this corpus (not
/// from the classifiers' lexicons, nor from ``EvalLocaleData``).
enum SecondHeldOutData {
    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    // MARK: German (Germany)

    static let germanGiven: [String] = [
        "Stefan", "Thomas", "Andreas", "Markus", "Michael", "Frank", "Jörg", "Matthias", "Tobias", "Sebastian", "Jan", "Niklas", "Moritz",
        "Katrin", "Claudia", "Susanne", "Petra", "Andrea", "Monika", "Stefanie", "Nicole", "Julia", "Charlotte", "Sophie", "Annika", "Anja",
        "Jana",
    ]
    static let germanFamily: [String] = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Wagner", "Schäfer", "Koch", "Richter", "Brinkmann", "Hagedorn",
        "Niehaus", "Heinemann", "Jansen", "Rademacher", "Kuhlmann", "Dreßler", "Kessler", "Lindemann", "Seidel", "Behrendt", "Pfeiffer",
        "Eichhorn", "Kirchner", "Ziegler", "Böhm", "Hesse", "Timmermann", "Ahrens", "Reimann", "Gerlach", "Wendt", "Hildebrandt", "Brückner",
        "Matthes", "Vollmer",
    ]
    static let germanStreets: [String] = [
        "Lindenstraße", "Bahnhofstraße", "Am Sportplatz", "Eichendorffweg", "Schulstraße", "Mozartstraße", "Im Wiesengrund", "Kastanienallee",
        "Rathausplatz", "Hauptstr.", "Feldstraße", "Ringstraße", "Uhlandstraße", "Breite Straße", "Zum Mühlenteich", "Amselweg",
        "Kieler Straße", "An der Kirche",
    ]
    static let germanPlaces: [(String, String)] = [
        ("10115", "Berlin"), ("20095", "Hamburg"), ("80331", "München"), ("50667", "Köln"), ("60311", "Frankfurt am Main"),
        ("70173", "Stuttgart"), ("40213", "Düsseldorf"), ("04109", "Leipzig"), ("44135", "Dortmund"), ("45127", "Essen"), ("28195", "Bremen"),
        ("01067", "Dresden"), ("30159", "Hannover"), ("90402", "Nürnberg"), ("47051", "Duisburg"), ("44787", "Bochum"), ("42103", "Wuppertal"),
        ("33602", "Bielefeld"), ("53111", "Bonn"), ("48143", "Münster"), ("76133", "Karlsruhe"), ("68159", "Mannheim"), ("86150", "Augsburg"),
        ("65183", "Wiesbaden"), ("93047", "Regensburg"), ("24103", "Kiel"), ("18055", "Rostock"), ("99084", "Erfurt"),
    ]
    static let germanBankCodes: [String] = [
        "10070000", "20050550", "37050198", "70150000", "50010517", "12030000", "43060967", "76050101", "26050001", "86055592",
    ]

    // MARK: German (Switzerland)

    static let swissGiven: [String] = [
        "Urs", "Beat", "Reto", "Daniel", "Martin", "Peter", "Christian", "Marco", "Lukas", "Luca", "Noah", "Simon", "Nicole", "Sandra",
        "Barbara", "Claudia", "Corinne", "Regula", "Ursula", "Franziska", "Mirjam", "Seraina", "Laura", "Lea", "Nina",
    ]
    static let swissFamily: [String] = [
        "Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Schneider", "Steiner", "Fischer", "Gerber", "Brunner", "Baumann", "Frei",
        "Moser", "Widmer", "Wyss", "Graf", "Roth", "Bühler", "Hürlimann", "Zürcher", "Stucki", "Aebischer", "Grossenbacher", "Tschanz",
        "Rüegg", "Bachmann", "Kälin", "Odermatt", "Sutter", "Bieri", "Zaugg", "Lüthi", "Hofstetter", "Egli", "Ammann", "Schürch",
    ]
    static let swissStreets: [String] = [
        "Bahnhofstrasse", "Dorfstrasse", "Seestrasse", "Kirchweg", "Hauptgasse", "Zürichstrasse", "Bernstrasse", "Rosenweg", "Bergstrasse",
        "Industriestrasse", "Schulhausstrasse", "Weinbergstrasse",
    ]
    static let swissPlaces: [(String, String)] = [
        ("8001", "Zürich"), ("3011", "Bern"), ("4051", "Basel"), ("6003", "Luzern"), ("9000", "St. Gallen"), ("8400", "Winterthur"),
        ("5000", "Aarau"), ("6300", "Zug"), ("8200", "Schaffhausen"), ("4500", "Solothurn"), ("7000", "Chur"), ("2502", "Biel/Bienne"),
        ("3600", "Thun"), ("8610", "Uster"), ("5400", "Baden"),
    ]
    static let swissCompanies: [String] = [
        "Bühler Haustechnik AG", "Schreinerei Kälin GmbH", "Alpenblick Treuhand AG", "Garage Zaugg & Söhne", "Seeland Elektro GmbH",
        "Bäckerei Hofstetter", "Zürisee Immobilien AG", "Lüthi Transporte AG", "Informatik Brunner GmbH", "Praxis am Bahnhof",
    ]

    // MARK: Italian

    static let italianGiven: [String] = [
        "Marco", "Andrea", "Paolo", "Stefano", "Roberto", "Davide", "Simone", "Riccardo", "Fabio", "Massimo", "Claudio", "Emanuele",
        "Valentina", "Elena", "Silvia", "Paola", "Laura", "Sara", "Martina", "Elisa", "Roberta", "Daniela", "Cristina", "Serena", "Giorgia",
        "Arianna",
    ]
    static let italianFamily: [String] = [
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Fabbri", "Pellegrini",
        "Cattaneo", "Sala", "Monti", "Bellini", "Ferri", "Piras", "Sanna", "Orlando", "Fumagalli", "Zanetti", "Brambilla", "Cirillo",
        "Palumbo", "Messina", "Bernardi", "Tedesco", "Valentini", "Marchi", "Bassi", "Guerra", "Benedetti", "Sorrentino", "Silvestri",
        "Mazza", "Farina", "Parisi", "Amato",
    ]
    static let italianStreets: [String] = [
        "Via Giuseppe Mazzini", "Corso Italia", "Via Cavour", "Piazza della Repubblica", "Viale dei Tigli", "Via XX Settembre",
        "Via Vittorio Veneto", "Via Trieste", "Via San Martino", "Via dell'Artigianato", "Via Alessandro Manzoni", "Largo Garibaldi",
    ]
    static let italianPlaces: [(String, String, String)] = [
        ("20121", "Milano", "MI"), ("00185", "Roma", "RM"), ("10123", "Torino", "TO"), ("40121", "Bologna", "BO"), ("50123", "Firenze", "FI"),
        ("80138", "Napoli", "NA"), ("16121", "Genova", "GE"), ("37121", "Verona", "VR"), ("35122", "Padova", "PD"), ("25121", "Brescia", "BS"),
        ("24121", "Bergamo", "BG"), ("70121", "Bari", "BA"), ("90133", "Palermo", "PA"), ("95131", "Catania", "CT"), ("09124", "Cagliari", "CA"),
        ("34121", "Trieste", "TS"), ("43121", "Parma", "PR"), ("42121", "Reggio Emilia", "RE"), ("41121", "Modena", "MO"),
        ("36100", "Vicenza", "VI"), ("31100", "Treviso", "TV"), ("21100", "Varese", "VA"), ("22100", "Como", "CO"),
    ]

    // MARK: Spanish (Spain)

    static let spanishGiven: [String] = [
        "Alberto", "Álvaro", "Sergio", "Pablo", "Jorge", "Raúl", "Rubén", "Adrián", "Diego", "Fernando", "Ignacio", "Miguel Ángel", "Elena",
        "Pilar", "Raquel", "Beatriz", "Silvia", "Alicia", "Irene", "Andrea", "Sara", "Noelia", "Inmaculada", "Teresa", "Mercedes", "Paula",
    ]
    static let spanishFamily: [String] = [
        "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Martín", "Gómez", "Cano", "Prieto", "Méndez",
        "Calvo", "Gallego", "Vidal", "León", "Herrera", "Peña", "Cabrera", "Campos", "Vega", "Fuentes", "Carrasco", "Diez", "Caballero",
        "Nieto", "Aguilar", "Pascual", "Santana", "Herrero", "Lorenzo", "Montero", "Hidalgo", "Ibáñez", "Ferrer", "Soler", "Esteban", "Bravo",
    ]
    static let spanishStreets: [String] = [
        "Calle Mayor", "C/ San Vicente", "Avda. de Andalucía", "Calle Real", "Plaza Mayor", "Calle de la Iglesia", "Paseo de la Castellana",
        "Gran Vía", "Calle Nueva", "Avenida de Madrid", "Calle Cervantes", "Ronda Norte",
    ]
    static let spanishPlaces: [(String, String)] = [
        ("28013", "Madrid"), ("08011", "Barcelona"), ("46001", "Valencia"), ("41004", "Sevilla"), ("50001", "Zaragoza"), ("29005", "Málaga"),
        ("30001", "Murcia"), ("07001", "Palma"), ("35001", "Las Palmas de Gran Canaria"), ("48005", "Bilbao"), ("03001", "Alicante"),
        ("14001", "Córdoba"), ("47001", "Valladolid"), ("36201", "Vigo"), ("33201", "Gijón"), ("15001", "A Coruña"), ("18001", "Granada"),
        ("20001", "San Sebastián"), ("31001", "Pamplona"), ("39001", "Santander"), ("37001", "Salamanca"),
    ]

    // MARK: Spanish (Argentina)

    static let argentineGiven: [String] = [
        "Juan Pablo", "Matías", "Martín", "Facundo", "Gonzalo", "Nicolás", "Agustín", "Santiago", "Federico", "Lucas", "Ezequiel", "Sebastián",
        "Florencia", "Micaela", "Agustina", "Camila", "Valentina", "Romina", "Carolina", "Julieta", "Luciana", "Natalia", "Soledad", "Gisela",
        "Milagros",
    ]
    static let argentineFamily: [String] = [
        "González", "Rodríguez", "Gómez", "Fernández", "López", "Díaz", "Martínez", "Pérez", "Romero", "Sosa", "Benítez", "Acosta", "Medina",
        "Aguirre", "Pereyra", "Ojeda", "Ledesma", "Quiroga", "Villalba", "Giménez", "Ferreyra", "Cáceres", "Godoy", "Paz", "Luna", "Juárez",
        "Ríos", "Castro", "Figueroa", "Coria", "Bustos", "Vera", "Ferraro", "Russo",
    ]
    static let argentineStreets: [String] = [
        "Av. Corrientes", "Av. Santa Fe", "Av. Rivadavia", "Av. Cabildo", "Av. Córdoba", "Lavalle", "Tucumán", "Av. Colón", "Bv. Oroño",
        "Belgrano", "San Martín", "Av. Pellegrini", "Sarmiento", "Mitre",
    ]
    static let argentinePlaces: [(String, String, String)] = [
        ("C1414BDB", "Palermo", "CABA"), ("C1426ABC", "Belgrano", "CABA"), ("C1043AAX", "San Nicolás", "CABA"), ("C1405CAA", "Caballito", "CABA"),
        ("B1638", "Vicente López", "Buenos Aires"), ("B1642", "San Isidro", "Buenos Aires"), ("B1900", "La Plata", "Buenos Aires"),
        ("B7600", "Mar del Plata", "Buenos Aires"), ("B8000", "Bahía Blanca", "Buenos Aires"), ("B1704", "Ramos Mejía", "Buenos Aires"),
        ("X5000", "Córdoba", "Córdoba"), ("X5800", "Río Cuarto", "Córdoba"), ("S2000", "Rosario", "Santa Fe"), ("S3000", "Santa Fe", "Santa Fe"),
        ("M5500", "Mendoza", "Mendoza"), ("T4000", "San Miguel de Tucumán", "Tucumán"), ("A4400", "Salta", "Salta"),
        ("Q8300", "Neuquén", "Neuquén"), ("R8400", "San Carlos de Bariloche", "Río Negro"), ("E3100", "Paraná", "Entre Ríos"),
        ("N3300", "Posadas", "Misiones"), ("U9000", "Comodoro Rivadavia", "Chubut"),
    ]

    // MARK: Brazilian Portuguese

    static let brazilianGiven: [String] = [
        "Ana Paula", "Adriana", "Aline", "Bruna", "Carla", "Daniela", "Fernanda", "Gabriela", "Jéssica", "Márcia", "Renata", "Tatiane",
        "Simone", "Rafaela", "Anderson", "Carlos Eduardo", "Diego", "Eduardo", "Fábio", "Leonardo", "Marcelo", "Paulo", "Ricardo", "Rogério",
        "Vinícius", "Wellington", "Luiz Henrique",
    ]
    static let brazilianFamily: [String] = [
        "Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Ferreira", "Costa", "Rodrigues", "Almeida", "Araújo", "Ribeiro",
        "Carvalho", "Gomes", "Martins", "Rocha", "Barbosa", "Cavalcanti", "Moura", "Pinto", "Cunha", "Medeiros", "Bezerra", "Monteiro",
        "Nogueira", "Tavares", "Correia", "Brandão", "Siqueira", "Guimarães", "Azevedo", "Macedo", "Amaral", "Sampaio", "Fonseca", "Prado",
        "Bastos", "Damasceno",
    ]
    static let brazilianStreets: [String] = [
        "Rua Oscar Freire", "Avenida Brigadeiro Faria Lima", "Rua da Consolação", "Rua Marechal Deodoro", "Avenida Getúlio Vargas",
        "Rua Dom Pedro II", "Rua Padre Anchieta", "Avenida Afonso Pena", "Rua Barão do Rio Branco", "Rua Tiradentes", "Av. Boa Viagem",
        "Travessa São José",
    ]
    static let brazilianBairros: [String] = [
        "Centro", "Jardim Paulista", "Boa Viagem", "Savassi", "Batel", "Moinhos de Vento", "Pituba", "Aldeota", "Asa Sul", "Trindade",
    ]
    static let brazilianPlaces: [(String, String, String)] = [
        ("01310-100", "São Paulo", "SP"), ("22041-001", "Rio de Janeiro", "RJ"), ("30112-000", "Belo Horizonte", "MG"),
        ("80420-090", "Curitiba", "PR"), ("90570-020", "Porto Alegre", "RS"), ("41810-000", "Salvador", "BA"), ("51020-000", "Recife", "PE"),
        ("60160-230", "Fortaleza", "CE"), ("70040-010", "Brasília", "DF"), ("13015-000", "Campinas", "SP"), ("88015-200", "Florianópolis", "SC"),
        ("74110-010", "Goiânia", "GO"), ("69005-010", "Manaus", "AM"), ("66035-000", "Belém", "PA"),
    ]
    static let brazilianDDD: [String] = ["11", "21", "31", "41", "51", "61", "71", "81", "19", "27", "48", "85", "62", "92"]

    // MARK: Dutch

    static let dutchGiven: [String] = [
        "Thijs", "Niels", "Rik", "Koen", "Jasper", "Wouter", "Stijn", "Martijn", "Hans", "Henk", "Bart", "Tim", "Roel", "Floor", "Eva", "Iris",
        "Esther", "Marloes", "Inge", "Linda", "Mirjam", "Yvonne", "Saskia", "Sophie", "Tess", "Lieke", "Marjolein",
    ]
    static let dutchFamily: [String] = [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Koster", "Prins",
        "Kuipers", "Veenstra", "Postma", "Wijnands", "Schouten", "van Beek", "Hermans", "Willemsen", "van Vliet", "Timmermans", "Bosman",
        "Groen", "Koning", "Huisman", "Kramer", "Blom", "Verbeek", "Molenaar", "Zwart", "Brink", "Boersma", "Lammers", "van Wijk",
        "Gerritsen", "Jonker", "Wouters",
    ]
    static let dutchStreets: [String] = [
        "Kerkstraat", "Molenweg", "Julianalaan", "Beatrixstraat", "Schoolstraat", "Wilhelminaplein", "Hoofdstraat", "Stationsplein",
        "Industrieweg", "Lindenlaan", "Burgemeester de Withstraat", "Vondelstraat", "Oranjestraat", "Rijksstraatweg",
    ]
    static let dutchPlaces: [(String, String)] = [
        ("1017", "Amsterdam"), ("3012", "Rotterdam"), ("2511", "Den Haag"), ("3511", "Utrecht"), ("5611", "Eindhoven"), ("9712", "Groningen"),
        ("5038", "Tilburg"), ("6811", "Arnhem"), ("6511", "Nijmegen"), ("2011", "Haarlem"), ("8011", "Zwolle"), ("4811", "Breda"),
        ("7511", "Enschede"), ("3811", "Amersfoort"), ("2312", "Leiden"), ("6211", "Maastricht"), ("5211", "'s-Hertogenbosch"),
        ("1811", "Alkmaar"), ("7311", "Apeldoorn"), ("8911", "Leeuwarden"), ("2611", "Delft"), ("3311", "Dordrecht"),
    ]

    // MARK: British English

    static let britishGiven: [String] = [
        "Daniel", "Thomas", "James", "Matthew", "Ryan", "Liam", "Connor", "Gareth", "Stuart", "Craig", "Darren", "Neil", "Simon", "Ian",
        "Emma", "Sophie", "Charlotte", "Hannah", "Rebecca", "Lauren", "Chloe", "Laura", "Joanne", "Claire", "Rachel", "Fiona", "Sian",
        "Harriet",
    ]
    static let britishFamily: [String] = [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Thomas", "Johnson", "Roberts", "Barker", "Holmes", "Chapman",
        "Pearson", "Atkinson", "Lawrence", "Dixon", "Gibson", "Kerr", "Marsh", "Holt", "Pugh", "Sutcliffe", "Bartlett", "Whitehead",
        "Ferguson", "Dobson", "Haworth", "Rowlands", "Lyons", "Booth", "Higgins", "Goddard", "Gallagher", "Sheppard", "Kirby", "Nuttall",
        "Fraser", "Akhtar",
    ]
    static let britishStreets: [String] = [
        "Holly Road", "Victoria Street", "Church Lane", "Mill Road", "Kingsway", "Westbourne Grove", "Ash Close", "Meadow View",
        "Albert Terrace", "Chapel Street", "Gladstone Road", "St Mary's Road", "The Green", "Orchard Way",
    ]
    static let britishPlaces: [(String, String)] = [
        ("Manchester", "M14"), ("Leeds", "LS6"), ("Bristol", "BS7"), ("Sheffield", "S10"), ("Nottingham", "NG7"), ("Birmingham", "B15"),
        ("Liverpool", "L18"), ("Newcastle upon Tyne", "NE2"), ("Cardiff", "CF24"), ("Edinburgh", "EH10"), ("Glasgow", "G12"),
        ("London", "SW11"), ("London", "N16"), ("Oxford", "OX4"), ("Cambridge", "CB1"), ("York", "YO31"), ("Leicester", "LE2"),
        ("Brighton", "BN2"), ("Norwich", "NR2"), ("Exeter", "EX4"),
    ]

    // MARK: Indian English

    static let indianGiven: [String] = [
        "Amit", "Anil", "Arvind", "Deepak", "Gaurav", "Karthik", "Manish", "Nikhil", "Pradeep", "Rajesh", "Sandeep", "Siddharth", "Vijay",
        "Abhishek", "Anjali", "Divya", "Kavita", "Madhuri", "Nandini", "Pallavi", "Radhika", "Rekha", "Shweta", "Swati", "Sneha",
        "Aishwarya", "Bhavana",
    ]
    static let indianFamily: [String] = [
        "Sharma", "Singh", "Kumar", "Patel", "Gupta", "Reddy", "Shah", "Rao", "Yadav", "Das", "Bhattacharya", "Saxena", "Trivedi", "Pandey",
        "Mishra", "Tiwari", "Chauhan", "Rathore", "Sinha", "Thakur", "Hegde", "Shetty", "Kamath", "Gowda", "Acharya", "Ghosh", "Sengupta",
        "Dutta", "Mahajan", "Arora", "Khanna", "Sethi", "Varghese", "Kurian", "Raghavan", "Naik", "Deshpande", "Jadhav", "Gaikwad",
    ]
    static let indianBuildings: [String] = [
        "Shanti Apartments", "Green Park Residency", "Sai Krupa Towers", "Lakeview Enclave", "Sunshine Heights", "Prestige Meadows",
    ]
    static let indianRoads: [String] = ["MG Road", "Station Road", "Nehru Street", "Gandhi Nagar Main Road", "Temple Street", "Link Road"]
    static let indianPlaces: [(String, String, String, String)] = [
        ("Malleshwaram", "Bengaluru", "Karnataka", "560003"), ("Banjara Hills", "Hyderabad", "Telangana", "500034"),
        ("Andheri West", "Mumbai", "Maharashtra", "400058"), ("Kothrud", "Pune", "Maharashtra", "411038"),
        ("Salt Lake Sector V", "Kolkata", "West Bengal", "700091"), ("Anna Nagar", "Chennai", "Tamil Nadu", "600040"),
        ("Vaishali Nagar", "Jaipur", "Rajasthan", "302021"), ("Gomti Nagar", "Lucknow", "Uttar Pradesh", "226010"),
        ("Navrangpura", "Ahmedabad", "Gujarat", "380009"), ("Kakkanad", "Kochi", "Kerala", "682030"),
        ("Lajpat Nagar", "New Delhi", "Delhi", "110024"), ("Sector 14", "Gurugram", "Haryana", "122001"),
        ("Arera Colony", "Bhopal", "Madhya Pradesh", "462016"), ("Civil Lines", "Nagpur", "Maharashtra", "440001"),
        ("Model Town", "Ludhiana", "Punjab", "141002"), ("Sector 17", "Chandigarh", "Chandigarh", "160017"),
        ("Saheed Nagar", "Bhubaneswar", "Odisha", "751007"), ("Boring Road", "Patna", "Bihar", "800001"),
        ("Alkapuri", "Vadodara", "Gujarat", "390007"), ("RS Puram", "Coimbatore", "Tamil Nadu", "641002"),
        ("Pattom", "Thiruvananthapuram", "Kerala", "695004"), ("Dwaraka Nagar", "Visakhapatnam", "Andhra Pradesh", "530016"),
    ]

    // MARK: US English

    static let usGiven: [String] = [
        "Christopher", "Matthew", "Joshua", "Andrew", "Brian", "Kevin", "Jason", "Justin", "Brandon", "Tyler", "Austin", "Dylan", "Ashley",
        "Jessica", "Amanda", "Sarah", "Stephanie", "Nicole", "Megan", "Heather", "Amber", "Kayla", "Brittany", "Emily", "Courtney",
    ]
    static let usFamily: [String] = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson", "Moore", "Hayes", "Bryant", "Coleman",
        "Jenkins", "Perry", "Powell", "Russell", "Sullivan", "Fisher", "Henderson", "Barnes", "Chavez", "Patterson", "Simmons", "Hawkins",
        "Dunn", "Schultz", "Hoffman", "Burke", "Holland", "Vaughn", "Schroeder", "McDaniel", "Ochoa", "Fitzgerald", "Pruitt", "Boone",
    ]
    static let usStreets: [String] = [
        "Elm St", "Maple Ave", "N Main St", "Oak Ridge Dr", "W Cedar Ave", "Lincoln Blvd", "Pinecrest Ct", "Washington St", "Highland Ave",
        "Sycamore Ln", "E 14th St", "Park Pl",
    ]
    static let usPlaces: [(String, String, String)] = [
        ("Phoenix", "AZ", "85031"), ("Columbus", "OH", "43215"), ("Charlotte", "NC", "28202"), ("Denver", "CO", "80203"),
        ("Nashville", "TN", "37203"), ("Portland", "OR", "97214"), ("Boise", "ID", "83702"), ("Omaha", "NE", "68102"), ("Tulsa", "OK", "74103"),
        ("Madison", "WI", "53703"), ("Richmond", "VA", "23220"), ("Albany", "NY", "12207"), ("Sacramento", "CA", "95814"),
        ("Raleigh", "NC", "27601"), ("Des Moines", "IA", "50309"), ("Savannah", "GA", "31401"), ("Spokane", "WA", "99201"),
        ("Tucson", "AZ", "85701"), ("Louisville", "KY", "40202"), ("Buffalo", "NY", "14202"), ("Cleveland", "OH", "44113"),
        ("Austin", "TX", "78704"),
    ]
    static let usAreaCodes: [String] = [
        "212", "312", "415", "617", "713", "214", "305", "404", "206", "303", "602", "503", "612", "919", "512", "702", "216", "614", "615", "804",
    ]

    // MARK: Japanese

    static let japaneseFamilyKanji: [String] = [
        "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "野口", "松田", "菊地", "千葉", "岩崎", "桜井", "大野",
        "杉山", "原田", "小野寺", "平野", "上田", "西村", "内田", "武田", "村上", "菅原", "安藤", "久保", "宮崎", "今井", "新井", "丸山", "服部",
        "望月", "横山",
    ]
    static let japaneseGivenKanji: [String] = [
        "大輝", "拓海", "颯太", "直人", "和也", "浩二", "修", "隆", "達也", "亮", "優子", "真由美", "智子", "由美", "明美", "千尋", "彩", "舞",
        "沙織", "香織", "奈々", "美穂", "陽子", "麻衣",
    ]
    static let japaneseFamilyRomaji: [String] = [
        "Sato", "Suzuki", "Takahashi", "Tanaka", "Ito", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Noguchi", "Matsuda",
        "Kikuchi", "Chiba", "Iwasaki", "Sakurai", "Ono", "Sugiyama", "Harada", "Onodera", "Hirano", "Ueda", "Nishimura", "Uchida", "Takeda",
        "Murakami", "Sugawara", "Ando", "Kubo", "Miyazaki", "Imai", "Arai", "Maruyama", "Hattori", "Mochizuki", "Yokoyama",
    ]
    static let japaneseGivenRomaji: [String] = [
        "Daiki", "Takumi", "Sota", "Naoto", "Kazuya", "Koji", "Osamu", "Takashi", "Tatsuya", "Ryo", "Yuko", "Mayumi", "Tomoko", "Yumi",
        "Akemi", "Chihiro", "Aya", "Mai", "Saori", "Kaori", "Nana", "Miho", "Yoko", "Haruka",
    ]
    static let japanesePlacesKanji: [(String, String)] = [
        ("150-0001", "東京都渋谷区神宮前"), ("160-0022", "東京都新宿区新宿"), ("113-0033", "東京都文京区本郷"),
        ("220-0012", "神奈川県横浜市西区みなとみらい"), ("330-0063", "埼玉県さいたま市浦和区高砂"), ("260-0013", "千葉県千葉市中央区中央"),
        ("460-0003", "愛知県名古屋市中区錦"), ("530-0012", "大阪府大阪市北区芝田"), ("650-0021", "兵庫県神戸市中央区三宮町"),
        ("600-8216", "京都府京都市下京区東塩小路町"), ("730-0011", "広島県広島市中区基町"), ("980-0021", "宮城県仙台市青葉区中央"),
        ("812-0012", "福岡県福岡市博多区博多駅中央街"), ("950-0087", "新潟県新潟市中央区東大通"), ("420-0852", "静岡県静岡市葵区紺屋町"),
        ("700-0024", "岡山県岡山市北区駅元町"), ("862-0950", "熊本県熊本市中央区水前寺"),
    ]
    static let japaneseBuildings: [String] = ["メゾン桜", "コーポ青葉", "パークハイツ東", "グリーンヒル", "ライオンズ本郷"]
    static let japanesePlacesRomaji: [(String, String, String, String)] = [
        ("Jingumae", "Shibuya-ku", "Tokyo", "150-0001"), ("Nishi-Shinjuku", "Shinjuku-ku", "Tokyo", "160-0023"),
        ("Hongo", "Bunkyo-ku", "Tokyo", "113-0033"), ("Minatomirai", "Nishi-ku, Yokohama-shi", "Kanagawa", "220-0012"),
        ("Nishiki", "Naka-ku, Nagoya-shi", "Aichi", "460-0003"), ("Umeda", "Kita-ku, Osaka-shi", "Osaka", "530-0001"),
        ("Sannomiyacho", "Chuo-ku, Kobe-shi", "Hyogo", "650-0021"), ("Motomachi", "Naka-ku, Hiroshima-shi", "Hiroshima", "730-0011"),
        ("Tenjin", "Chuo-ku, Fukuoka-shi", "Fukuoka", "810-0001"), ("Chuo", "Aoba-ku, Sendai-shi", "Miyagi", "980-0021"),
    ]
    static let japaneseBuildingsRomaji: [String] = ["Sakura Heights", "Maison Aoba", "Park Court", "Green Hills"]
    static let japaneseCompanies: [String] = [
        "株式会社アオイ精機", "丸山商店", "北斗運輸株式会社", "有限会社みどり園", "ひかり電機株式会社", "株式会社サンライズ企画", "東邦化成工業株式会社",
    ]

    // MARK: French (Belgium)

    static let belgianGiven: [String] = [
        "Jean-Marc", "Jean-Pierre", "Philippe", "Olivier", "Benoît", "Christophe", "Frédéric", "Didier", "Laurent", "Vincent", "Quentin",
        "Maxime", "Arnaud", "Nathalie", "Véronique", "Isabelle", "Anne-Sophie", "Sandrine", "Catherine", "Aurélie", "Céline", "Laetitia",
        "Justine", "Pauline", "Émilie",
    ]
    static let belgianFamily: [String] = [
        "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Leclercq", "Lejeune", "Renard", "Dumont", "Collard", "Gilson",
        "Lemaire", "Piette", "Delvaux", "Wauters", "Hubert", "Denis", "Gérard", "François", "Mathieu", "Masson", "Deprez", "Charlier", "Noël",
        "Bodart", "Delhaye", "Goffin", "Thiry", "Lemmens", "Henrard", "Closset", "Detry", "Pirard", "Poncelet",
    ]
    static let belgianStreets: [String] = [
        "Rue de la Station", "Chaussée de Louvain", "Avenue Louise", "Rue Haute", "Rue du Moulin", "Place Saint-Lambert", "Rue de Namur",
        "Boulevard d'Avroy", "Rue des Wallons", "Chaussée de Charleroi", "Rue de l'Église", "Avenue des Combattants",
    ]
    static let belgianPlaces: [(String, String)] = [
        ("1000", "Bruxelles"), ("1050", "Ixelles"), ("1200", "Woluwe-Saint-Lambert"), ("1300", "Wavre"), ("1348", "Louvain-la-Neuve"),
        ("1400", "Nivelles"), ("4000", "Liège"), ("4020", "Liège"), ("5000", "Namur"), ("6000", "Charleroi"), ("7000", "Mons"),
        ("7500", "Tournai"), ("6700", "Arlon"), ("4800", "Verviers"), ("5100", "Jambes"), ("6900", "Marche-en-Famenne"),
        ("1420", "Braine-l'Alleud"), ("7100", "La Louvière"), ("4500", "Huy"), ("6600", "Bastogne"), ("5500", "Dinant"),
    ]
    static let belgianCompanies: [String] = [
        "Delvaux Emballages SA", "Transports Goffin SPRL", "Imprimerie Piette", "Métallerie Lemaire SRL", "Brasserie du Val SA",
        "Ardenne Bois & Fils", "Nettoyage Pro Wallonie", "Informatique Closset SRL", "Cartonnages de Mons", "Fromagerie Henrard",
    ]
    static let belgianCompanyDomains: [String] = [
        "delvaux-emballages.be", "transports-goffin.be", "imprimerie-piette.be", "metallerie-lemaire.be", "skynet.be", "proximus.be",
    ]
    static let frenchPlaces: [(String, String)] = [
        ("69003", "Lyon"), ("59000", "Lille"), ("51100", "Reims"), ("57000", "Metz"), ("75011", "Paris"), ("67000", "Strasbourg"),
    ]
    static let frenchStreets: [String] = [
        "rue des Lilas", "avenue Jean Jaurès", "boulevard Gambetta", "rue de la République", "place du Marché",
    ]

    // MARK: Czech

    static let czechGiven: [String] = [
        "Jan", "Petr", "Jiří", "Josef", "Pavel", "Martin", "Tomáš", "Jaroslav", "Miroslav", "Zdeněk", "Lukáš", "Ondřej", "Vojtěch", "Radek",
        "Jana", "Marie", "Eva", "Hana", "Lenka", "Kateřina", "Lucie", "Věra", "Alena", "Petra", "Veronika", "Markéta", "Tereza", "Zuzana",
    ]
    /// Family names in their male and female forms.
    static let czechFamily: [(String, String)] = [
        ("Novák", "Nováková"), ("Svoboda", "Svobodová"), ("Novotný", "Novotná"), ("Dvořák", "Dvořáková"), ("Černý", "Černá"),
        ("Procházka", "Procházková"), ("Kučera", "Kučerová"), ("Veselý", "Veselá"), ("Horák", "Horáková"), ("Němec", "Němcová"),
        ("Pokorný", "Pokorná"), ("Pospíšil", "Pospíšilová"), ("Hájek", "Hájková"), ("Jelínek", "Jelínková"), ("Král", "Králová"),
        ("Růžička", "Růžičková"), ("Beneš", "Benešová"), ("Fiala", "Fialová"), ("Sedláček", "Sedláčková"), ("Doležal", "Doležalová"),
        ("Zeman", "Zemanová"), ("Kolář", "Kolářová"), ("Navrátil", "Navrátilová"), ("Čermák", "Čermáková"), ("Vaněk", "Vaňková"),
        ("Blažek", "Blažková"), ("Kříž", "Křížová"), ("Kovář", "Kovářová"), ("Bartoš", "Bartošová"), ("Vlček", "Vlčková"),
        ("Kopecký", "Kopecká"), ("Konečný", "Konečná"), ("Holub", "Holubová"), ("Štěpánek", "Štěpánková"), ("Kadlec", "Kadlecová"),
        ("Kratochvíl", "Kratochvílová"), ("Šťastný", "Šťastná"), ("Bureš", "Burešová"), ("Matoušek", "Matoušková"), ("Janda", "Jandová"),
    ]
    static let czechStreets: [String] = [
        "Vinohradská", "Masarykova", "Husova", "Palackého", "Nádražní", "Komenského", "Revoluční", "Jiráskova", "Smetanova", "Tyršova",
        "Zahradní", "Školní", "Lidická", "Na Výsluní",
    ]
    static let czechPlaces: [(String, String)] = [
        ("120 00", "Praha 2"), ("130 00", "Praha 3"), ("140 00", "Praha 4"), ("602 00", "Brno"), ("702 00", "Ostrava"), ("301 00", "Plzeň"),
        ("460 01", "Liberec"), ("779 00", "Olomouc"), ("370 01", "České Budějovice"), ("500 02", "Hradec Králové"), ("400 01", "Ústí nad Labem"),
        ("530 02", "Pardubice"), ("760 01", "Zlín"), ("586 01", "Jihlava"), ("360 01", "Karlovy Vary"),
    ]

    // MARK: Swedish

    static let swedishGiven: [String] = [
        "Lars", "Anders", "Johan", "Per", "Mikael", "Erik", "Fredrik", "Magnus", "Oskar", "Gustav", "Axel", "Björn", "Henrik", "Linnea",
        "Ebba", "Maja", "Elin", "Karin", "Ingrid", "Kristina", "Annika", "Malin", "Sofia", "Frida", "Emelie", "Birgitta", "Agneta",
    ]
    static let swedishFamily: [String] = [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Lindqvist",
        "Sandberg", "Forsberg", "Sjöberg", "Lundgren", "Berglund", "Engström", "Holmberg", "Nyström", "Ekström", "Hedlund", "Lindholm",
        "Åberg", "Sundström", "Björklund", "Dahlberg", "Wallin", "Strand", "Falk", "Hellström", "Blomqvist", "Nordström", "Öberg", "Lundin",
        "Söderberg", "Mattsson", "Hermansson",
    ]
    static let swedishStreets: [String] = [
        "Storgatan", "Drottninggatan", "Kungsgatan", "Vasagatan", "Skolgatan", "Kyrkogatan", "Järnvägsgatan", "Björkvägen", "Granvägen",
        "Ringvägen", "Sveavägen", "Östra Hamngatan", "Södra Förstadsgatan",
    ]
    static let swedishPlaces: [(String, String)] = [
        ("111 52", "Stockholm"), ("114 51", "Stockholm"), ("411 19", "Göteborg"), ("211 42", "Malmö"), ("753 20", "Uppsala"),
        ("722 15", "Västerås"), ("702 10", "Örebro"), ("582 24", "Linköping"), ("252 21", "Helsingborg"), ("553 16", "Jönköping"),
        ("602 32", "Norrköping"), ("222 21", "Lund"), ("903 26", "Umeå"), ("802 50", "Gävle"), ("831 30", "Östersund"), ("972 31", "Luleå"),
        ("352 30", "Växjö"), ("651 84", "Karlstad"), ("791 71", "Falun"), ("451 30", "Uddevalla"), ("371 33", "Karlskrona"),
        ("302 43", "Halmstad"),
    ]
}
