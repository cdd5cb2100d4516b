import Foundation

@testable import RampartDiscovery

/// A second corpus, written after the classifiers were tuned on ``MultilingualCorpus`` and not
/// used to tune them: other countries (Austria, Poland, Turkey, Russia, Mexico), other scripts
/// (Cyrillic, hiragana, Devanagari), surnames chosen to be rarer, and look-alike columns the
/// first corpus lacks (EAN-13 barcodes, SIREN numbers, OIDs, job titles, cities).
enum HeldOutCorpus: EvalLabels {
    typealias I = EvalIdentifiers

    static func tables(seed: UInt64, rows: Int = 160) -> [EvalTable] {
        var r = EvalRandom(seed: seed ^ 0x4E1D)
        return [
            austrian(&r, rows), polish(&r, rows), turkish(&r, rows), russian(&r, rows), mexican(&r, rows), japaneseStaff(&r, rows),
            indianStaff(&r, rows), frenchStaff(&r, rows), lookalikes(&r, rows),
        ]
    }

    static func dmy(_ r: inout EvalRandom, _ separator: String) -> String {
        "\(I.format2(r.int(1...28)))\(separator)\(I.format2(r.int(1...12)))\(separator)\(r.int(1945...2003))"
    }

    static func austrian(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        let given = [
            "Florian", "Christoph", "Bernhard", "Gerhard", "Herbert", "Reinhard", "Elisabeth", "Theresa", "Magdalena", "Veronika", "Hannelore",
            "Gottfried",
        ]
        let family = [
            "Gruber", "Huber", "Pichler", "Steiner", "Moser", "Hofer", "Leitner", "Eder", "Reiter", "Mayr", "Brunner", "Baumgartner", "Auer",
            "Binder", "Lechner", "Wallner", "Aigner", "Ebner", "Koller", "Lehner", "Holzer", "Stadler",
        ]
        let streets = [
            "Mariahilfer Straße", "Landstraßer Hauptstraße", "Herrengasse", "Linzer Gasse", "Kärntner Ring", "Getreidegasse", "Annenstraße",
        ]
        return EvalTable(
            "kunden_at", locale: "de-AT", rows: rows, &r,
            [
                ColumnSpec("Vorname", name) { r in r.pick(given) },
                ColumnSpec("Familienname", name) { r in r.pick(family) },
                ColumnSpec("Telefonnummer", phone) { r in
                    r.pick(["+43 1 \(r.digits(3)) \(r.digits(4))", "0664 \(r.digits(7))", "0316 \(r.digits(6))", "+43 664 \(r.digits(7))"])
                },
                ColumnSpec("Anschrift", address) { r in
                    "\(r.pick(streets)) \(r.int(1...99))/\(r.int(1...20))\n\(r.pick(["1060 Wien", "8010 Graz", "5020 Salzburg", "4020 Linz"]))"
                },
                ColumnSpec("Geburtsdatum", dob) { r in dmy(&r, ".") },
                ColumnSpec("Bundesland") { r in r.pick(["Wien", "Steiermark", "Tirol", "Kärnten", "Salzburg"]) },
            ])
    }

    static func polish(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        let given = [
            "Krzysztof", "Grzegorz", "Przemysław", "Zbigniew", "Łukasz", "Wojciech", "Małgorzata", "Agnieszka", "Jadwiga", "Bożena", "Grażyna",
            "Urszula",
        ]
        let family = [
            "Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowska", "Zielińska", "Szymański", "Woźniak", "Dąbrowski", "Kozłowska",
            "Mazur", "Krawczyk", "Sikora", "Baran", "Duda", "Głowacki", "Pietrzak",
        ]
        let streets = ["ul. Marszałkowska", "ul. Piotrkowska", "al. Jerozolimskie", "ul. Długa", "ul. Floriańska", "ul. Świętojańska"]
        return EvalTable(
            "klienci", locale: "pl", rows: rows, &r,
            [
                ColumnSpec("imie_nazwisko", name) { r in "\(r.pick(given)) \(r.pick(family))" },
                ColumnSpec("telefon", phone) { r in
                    r.pick([
                        "+48 6\(r.digits(2)) \(r.digits(3)) \(r.digits(3))", "5\(r.digits(2)) \(r.digits(3)) \(r.digits(3))",
                        "22 \(r.digits(3)) \(r.digits(2)) \(r.digits(2))", "+48 22 \(r.digits(3)) \(r.digits(2)) \(r.digits(2))",
                    ])
                },
                ColumnSpec("adres", address) { r in
                    "\(r.pick(streets)) \(r.int(1...150))\(r.chance(0.5) ? "/\(r.int(1...40))" : "")\n\(r.pick(["00-026 Warszawa", "90-001 Łódź", "31-042 Kraków", "80-831 Gdańsk"]))"
                },
                ColumnSpec("data_urodzenia", dob) { r in "\(r.int(1945...2003))-\(I.format2(r.int(1...12)))-\(I.format2(r.int(1...28)))" },
                ColumnSpec("miasto") { r in r.pick(["Warszawa", "Łódź", "Kraków", "Gdańsk", "Poznań", "Wrocław"]) },
                ColumnSpec("email", email) { r in
                    "\(r.pick(["jan", "anna", "piotr", "kasia"])).\(r.pick(["nowak", "mazur", "duda"]))\(r.int(1...99))@\(r.pick(["wp.pl", "onet.pl", "interia.pl"]))"
                },
            ])
    }

    static func turkish(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        let given = ["Mehmet", "Mustafa", "Ahmet", "Hüseyin", "Emre", "Burak", "Oğuz", "Fatma", "Ayşe", "Zeynep", "Elif", "Gülşen", "Şule", "Merve"]
        let family = [
            "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kurt",
            "Koç", "Güneş", "Erdoğan",
        ]
        return EvalTable(
            "musteriler", locale: "tr", rows: rows, &r,
            [
                ColumnSpec("ad", name) { r in r.pick(given) },
                ColumnSpec("soyad", name) { r in r.pick(family) },
                ColumnSpec("cep_telefonu", phone) { r in
                    r.pick([
                        "0532 \(r.digits(3)) \(r.digits(2)) \(r.digits(2))", "+90 5\(r.digits(2)) \(r.digits(3)) \(r.digits(2)) \(r.digits(2))",
                        "0 (212) \(r.digits(3)) \(r.digits(2)) \(r.digits(2))",
                    ])
                },
                ColumnSpec("adres", address) { r in
                    "\(r.pick(["Atatürk Cad.", "İstiklal Caddesi", "Bağdat Caddesi", "Gazi Mustafa Kemal Bulvarı", "Çiçek Sokak"])) No: \(r.int(1...200))\(r.chance(0.5) ? " D: \(r.int(1...20))" : "")\n\(r.pick(["34710 Kadıköy/İstanbul", "06420 Çankaya/Ankara", "35220 Konak/İzmir"]))"
                },
                ColumnSpec("dogum_tarihi", dob) { r in dmy(&r, ".") },
            ])
    }

    static func russian(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        let given = ["Александр", "Дмитрий", "Сергей", "Андрей", "Алексей", "Михаил", "Ольга", "Наталья", "Елена", "Татьяна", "Ирина", "Светлана"]
        let family = [
            "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлова", "Новикова", "Федорова", "Морозова", "Волкова",
            "Лебедев", "Козлов",
        ]
        return EvalTable(
            "клиенты", locale: "ru", rows: rows, &r,
            [
                ColumnSpec("фио", name) { r in "\(r.pick(family)) \(r.pick(given))" },
                ColumnSpec("телефон", phone) { r in
                    r.pick([
                        "+7 9\(r.digits(2)) \(r.digits(3))-\(r.digits(2))-\(r.digits(2))", "8 (495) \(r.digits(3))-\(r.digits(2))-\(r.digits(2))",
                        "+7 (812) \(r.digits(3))-\(r.digits(2))-\(r.digits(2))",
                    ])
                },
                ColumnSpec("адрес", address) { r in
                    "ул. \(r.pick(["Тверская", "Ленина", "Пушкина", "Садовая", "Гагарина"])), д. \(r.int(1...120)), кв. \(r.int(1...300))\n\(r.pick(["Москва, 125009", "Санкт-Петербург, 190000", "Казань, 420111"]))"
                },
                ColumnSpec("дата_рождения", dob) { r in dmy(&r, ".") },
                ColumnSpec("город") { r in r.pick(["Москва", "Санкт-Петербург", "Казань", "Новосибирск"]) },
            ])
    }

    static func mexican(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        let given = [
            "María Guadalupe", "Juan Carlos", "José Luis", "Ana Karen", "Luis Fernando", "Brenda", "Ximena", "Itzel", "Cuauhtémoc", "Yolanda",
        ]
        let family = [
            "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez", "Morales",
            "Vázquez", "Jiménez", "Reyes", "Díaz", "Torres", "Gutiérrez", "Ruiz",
        ]
        return EvalTable(
            "clientes_mx", locale: "es-MX", rows: rows, &r,
            [
                ColumnSpec("nombre_completo", name) { r in "\(r.pick(given)) \(r.pick(family)) \(r.pick(family))" },
                ColumnSpec("telefono", phone) { r in
                    r.pick([
                        "55 \(r.digits(4)) \(r.digits(4))", "+52 33 \(r.digits(4)) \(r.digits(4))", "(81) \(r.digits(4)) \(r.digits(4))",
                        "+52 1 55 \(r.digits(4)) \(r.digits(4))",
                    ])
                },
                ColumnSpec("domicilio", address) { r in
                    "\(r.pick(["Av. Insurgentes Sur", "Calle Madero", "Av. Reforma", "Calzada de Tlalpan", "Calle 5 de Mayo"])) \(r.int(1...3000)), Col. \(r.pick(["Centro", "Roma Norte", "Del Valle", "Polanco"]))\n\(r.pick(["03940 Ciudad de México, CDMX", "44100 Guadalajara, Jal.", "64000 Monterrey, N.L."]))"
                },
                ColumnSpec("fecha_de_nacimiento", dob) { r in dmy(&r, "/") },
                ColumnSpec("estado") { r in r.pick(["CDMX", "Jalisco", "Nuevo León", "Puebla"]) },
            ])
    }

    static func japaneseStaff(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        let familyKana = ["やまだ", "たなか", "すずき", "さとう", "たかはし", "いとう", "わたなべ", "なかむら", "こばやし", "かとう", "よしだ", "まつもと"]
        let givenKana = ["たろう", "はなこ", "けんじ", "ゆうこ", "まさと", "あゆみ", "しょうた", "みなみ"]
        let givenKanji = ["太郎", "花子", "健二", "裕子", "正人", "歩", "翔太", "美奈", "大翔", "結愛", "一郎", "恵美"]
        return EvalTable(
            "社員", locale: "ja", rows: rows, &r,
            [
                ColumnSpec("しめい", name) { r in "\(r.pick(familyKana)) \(r.pick(givenKana))" },
                ColumnSpec("名", name) { r in r.pick(givenKanji) },
                ColumnSpec("携帯電話", phone) { r in
                    r.pick(["090-\(r.digits(4))-\(r.digits(4))", "080 \(r.digits(4)) \(r.digits(4))", "070-\(r.digits(4))-\(r.digits(4))"])
                },
                ColumnSpec("現住所", address) { r in
                    r.pick([
                        "北海道札幌市中央区北1条西\(r.int(1...20))丁目", "東京都港区六本木\(r.int(1...7))-\(r.int(1...20))-\(r.int(1...30))",
                        "神奈川県川崎市中原区小杉町\(r.int(1...3))丁目\(r.int(1...300))番地",
                        "〒812-0011\n福岡県福岡市博多区博多駅前\(r.int(1...4))-\(r.int(1...20))-\(r.int(1...9))",
                    ])
                },
                ColumnSpec("部署") { r in r.pick(["営業部", "人事部", "経理部", "開発部", "総務部"]) },
                ColumnSpec("入社日") { r in "\(r.int(2000...2024))/\(I.format2(r.int(1...12)))/\(I.format2(r.int(1...28)))" },
            ])
    }

    static func indianStaff(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        let devanagari = ["राहुल शर्मा", "प्रिया वर्मा", "अमित गुप्ता", "सुनीता सिंह", "विकास कुमार", "पूजा पटेल", "अनिल यादव", "नेहा जोशी"]
        return EvalTable(
            "staff_in", locale: "hi-IN", rows: rows, &r,
            [
                ColumnSpec("naam", name) { r in r.pick(devanagari) },
                ColumnSpec("contact_no", phone) { r in
                    r.pick([
                        "+91 80 \(r.digits(4)) \(r.digits(4))", "+91-9\(r.digits(9))", "9\(r.digits(4))-\(r.digits(5))",
                        "(022) \(r.digits(4)) \(r.digits(4))",
                    ])
                },
                ColumnSpec("permanent_address", address) { r in
                    "No. \(r.int(1...300)), \(r.int(1...12))th Main, \(r.pick(["Indiranagar", "Koramangala", "Jayanagar"]))\nBengaluru, Karnataka \(r.pick(["560038", "560034", "560011"]))"
                },
                ColumnSpec("employee_code") { r in "EMP\(r.digits(5))" },
                ColumnSpec("designation") { r in r.pick(["Software Engineer", "Senior Manager", "Accountant", "HR Executive"]) },
            ])
    }

    static func frenchStaff(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        let family = [
            "Tessier", "Bouvier", "Carpentier", "Poirier", "Lebrun", "Huet", "Maréchal", "Guillot", "Besnard", "Charpentier", "Jacquet", "Perret",
            "Lecomte", "Barre", "Collet", "Hamon", "Royer", "Prevost", "Lemaitre", "Benard", "Millet", "Cordier",
        ]
        return EvalTable(
            "salaries", locale: "fr", rows: rows, &r,
            [
                ColumnSpec("nom_de_famille", name) { r in r.pick(family) },
                ColumnSpec("poste") { r in r.pick(["Comptable", "Ingénieur", "Directeur commercial", "Technicien", "Assistante"]) },
                ColumnSpec("service") { r in r.pick(["Finance", "Ventes", "Production", "Logistique"]) },
                ColumnSpec("portable", phone) { r in "07 \(r.digits(2)) \(r.digits(2)) \(r.digits(2)) \(r.digits(2))" },
                ColumnSpec("date_embauche") { r in "\(I.format2(r.int(1...28)))/\(I.format2(r.int(1...12)))/\(r.int(1995...2024))" },
            ])
    }

    static func lookalikes(_ r: inout EvalRandom, _ rows: Int) -> EvalTable {
        EvalTable(
            "catalogue", locale: "mixed", rows: rows, &r,
            [
                ColumnSpec("ean") { r in
                    let body = "40" + r.digits(10)
                    let sum = body.enumerated().reduce(0) { $0 + Int(String($1.element))! * ($1.offset % 2 == 0 ? 1 : 3) }
                    return body + String((10 - sum % 10) % 10)
                },
                ColumnSpec("siren") { r in I.luhnComplete(String(r.int(1...9)) + r.digits(7)) },
                ColumnSpec("oid") { r in "1.3.6.1.4.1.\(r.int(1000...60000)).\(r.int(1...20))" },
                ColumnSpec("firmware") { r in "\(r.int(1...4)).\(r.int(0...15)).\(r.int(0...9)).\(r.int(100...2400))" },
                ColumnSpec("produit") { r in r.pick(["Chaise Bois Chêne", "Lampe de Bureau", "Tasse Céramique", "Sac à Dos Urbain", "Stylo Plume"]) },
                ColumnSpec("ville") { r in r.pick(["Zürich", "München", "Kraków", "Göteborg", "Sevilla", "Porto", "Lyon", "Gent"]) },
                ColumnSpec("rechnungsnummer") { r in "RE-\(r.int(2019...2025))-\(r.digits(5))" },
                ColumnSpec("montant") { r in "\(r.int(1...9999)),\(r.digits(2)) €" },
            ])
    }
}
