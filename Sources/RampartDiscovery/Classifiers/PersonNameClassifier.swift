/// Recognises a person's name written as a whole value: `Jane Smith`, `Jane Q. Smith`,
/// `Dr. Jane Smith`, `JANE SMITH`, `Smith, Jane`, `SMITH/JANE MS`, or a given or family name
/// alone.
///
/// Evidence comes from shape (capitalised words, initials, particles such as `de la`, titles)
/// and from general given- and family-name lists: a name-shaped value with a listed name is
/// validated, one without is only plausible. Organisation and product words (`Inc.`, `GmbH`,
/// `Logistics`, `&`) and place names make a value a look-alike, so columns of companies,
/// products and cities are rejected even though they contain surnames.
public struct PersonNameClassifier: Classifier, ByteClassifier {
    public init() {}

    public var dataClass: DataClass { .personName }

    public var nameHints: ColumnNameHints { Self.hints }

    /// Built once: a scan asks every classifier for its hints once per column.
    private static let hints = ColumnNameHints(
        positive: [
            "name", "fullname", "firstname", "lastname", "surname", "givenname", "forename", "familyname",
            "first name", "last name", "given name", "family name", "holder", "cardholder", "recipient", "payee",
            "passenger", "debtor", "employee", "person", "contact name", "customer name", "patient", "traveler",
            "traveller", "beneficiary", "signatory", "nachname", "familienname", "vorname", "rufname", "prenom", "nom", "nom de famille",
            "nom famille", "apellido", "apellidos", "nombre", "nombre completo", "cognome", "nome", "nome completo", "sobrenome",
            "achternaam", "voornaam", "imie", "nazwisko", "imie nazwisko", "soyad", "adsoyad", "isim", "фамилия", "имя", "фио", "отчество",
            "氏名", "姓", "名", "名前", "しめい", "フリガナ", "ふりがな", "이름", "성명", "성", "姓名", "naam",
        ],
        negative: [
            "company", "companyname", "business", "organisation", "organization", "org", "product", "productname",
            "host", "hostname", "file", "filename", "brand", "plan", "city", "country", "street", "vendor",
            "merchant", "bank", "username", "user name", "login", "display", "domain", "app", "service", "table",
            "column", "key", "tier", "status", "nationality", "provider", "produit", "produkt", "producto", "prodotto", "firma",
            "unternehmen", "entreprise", "empresa", "societe", "razao", "ville", "stadt", "ciudad", "citta", "cidade", "会社名", "회사",
        ]
    )

    public var columnPolicy: ColumnPolicy {
        ColumnPolicy(minPrevalence: 0.3, plausiblePrevalence: 0.8, plausibleNeedsHint: true, maxLookalikeShare: 0.3)
    }

    public func classify(_ value: Substring) -> Match? { classifyValue(value) }

    /// The default verdict, with single unknown words left out; failing that, a column of many
    /// different name-shaped values some of which are listed names (a column of family names
    /// the lists only partly know).
    public func verdict(for evidence: ColumnEvidence, context: ColumnContext) -> ColumnVerdict? {
        var listed = evidence
        listed.plausibleCount -= NameColumnShape.singleUnknownWords(evidence.ordinals)
        if let verdict = columnPolicy.verdict(for: listed, hint: context.hint) { return verdict }
        guard context.hint != .negative, NameColumnShape.holdsNames(evidence, namedForNames: context.hint == .positive) else { return nil }
        let prevalence = Double(evidence.matchedCount) / Double(evidence.nonEmptyCount)
        let confidence = ColumnVerdict.confidence(
            prevalence: prevalence,
            validatedFraction: Double(evidence.validatedCount) / Double(evidence.matchedCount),
            lookalikeShare: evidence.lookalikeShare,
            hint: context.hint
        )
        return ColumnVerdict(confidence: confidence, prevalence: prevalence)
    }

    private enum TokenKind { case word, initial, particle, title }

    /// The lexicon key of a word: lower-case, diacritics folded; ASCII words need no table and,
    /// up to 15 bytes, no allocation.
    static func foldedKey(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        var ascii = true
        for i in r where b[i] >= 0x80 {
            ascii = false
            break
        }
        let word = UnsafeBufferPointer(rebasing: b[r])
        guard ascii else { return Lexicon.fold(Substring(String(decoding: word, as: UTF8.self))) }
        return String(unsafeUninitializedCapacity: word.count) { out in
            for (i, c) in word.enumerated() { out[i] = ASCII.lower(c) }
            return word.count
        }
    }

    /// Whether the word's first character is an upper-case letter (any script).
    static func startsUppercase(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        let c = b[r.lowerBound]
        if c < 0x80 { return ASCII.isUpper(c) }
        let prefix = String(decoding: UnsafeBufferPointer(rebasing: b[r.lowerBound..<min(r.upperBound, r.lowerBound + 4)]), as: UTF8.self)
        guard let first = prefix.first else { return false }
        // Scripts without case (Arabic, Hebrew, Devanagari) count as capitalised.
        return first.isUppercase || (first.isLetter && !first.isLowercase)
    }

    /// Whether the whole value names a town (``WorldCities``): several words (`Vicente López`,
    /// `Mar del Plata`), or one that no name list knows (`Palermo`, not `Florence`).
    private func isTownName(_ b: UnsafeBufferPointer<UInt8>, _ t: Range<Int>, words: Int, known: Int) -> Bool {
        guard words >= 2 || known == 0 else { return false }
        return WorldCities.all.contains(Self.foldedKey(b, t))
    }

    func classify(bytes b: UnsafeBufferPointer<UInt8>, features f: ValueFeatures) -> Match? {
        guard f.digits == 0, f.at == 0, f.newlines == 0, f.letters + f.nonASCII >= 2, f.length <= 80,
            f.underscores == 0, f.colons == 0
        else { return nil }
        let t = b.trimmedRange()
        guard t.count >= 2 else { return nil }
        if f.letters == 0, f.nonASCII >= 3 {
            let text = Substring(String(decoding: UnsafeBufferPointer(rebasing: b[t]), as: UTF8.self))
            if let strength = EastAsianNameShape.strength(of: text) {
                return Match(
                    dataClass: .personName, strength: strength, byteRange: t, ordinal: NameColumnShape.ordinal(b, t, singleUnknownWord: false))
            }
            // Chinese, Japanese and Korean have no capitals: only the shape above can tell a name.
            if EastAsianNameShape.isWritten(in: text) { return nil }
        }
        // Characters a name may hold; "&" marks a firm ("Smith & Jones").
        var slashes = 0
        var commas = 0
        for i in t {
            let c = b[i]
            if c < 0x80, !ASCII.isAlpha(c) {
                switch c {
                case 0x20, 0x2E, 0x2D, 0x27: break
                case 0x2C: commas += 1
                case 0x2F: slashes += 1
                case 0x26: return Match(dataClass: .personName, strength: .lookalike, byteRange: t)
                default: return nil
                }
            }
        }
        guard slashes <= 1, commas <= 1, slashes + commas <= 1 else { return nil }
        // Cheap byte-level rejection of prose and codes: a word starting with a lower-case ASCII
        // letter must be a short particle ("de", "van", "bin").
        var k = t.lowerBound
        while k < t.upperBound {
            let start = k
            while k < t.upperBound, b[k] != 0x20, b[k] != 0x2C, b[k] != 0x2F { k += 1 }
            if k - start > 4, ASCII.isLower(b[start]) { return nil }
            k += 1
        }
        // Split into words; "/" and "," separate family from given names.
        var words = 0
        var known = 0
        var places = 0
        var tokens = 0
        var organisation = false
        var k2 = t.lowerBound
        while k2 < t.upperBound {
            while k2 < t.upperBound, b[k2] == 0x20 || b[k2] == 0x2C || b[k2] == 0x2F { k2 += 1 }
            let start = k2
            while k2 < t.upperBound, b[k2] != 0x20, b[k2] != 0x2C, b[k2] != 0x2F { k2 += 1 }
            guard k2 > start else { continue }
            tokens += 1
            guard tokens <= 7 else { return nil }
            let dotted = b[k2 - 1] == 0x2E
            let end = dotted ? k2 - 1 : k2
            guard end > start else { return nil }
            let key = Self.foldedKey(b, start..<end)
            let firstUpper = Self.startsUppercase(b, start..<end)
            let kind: TokenKind
            if Lexicon.organisationWords.contains(key) || (dotted && Lexicon.organisationWords.contains(key + ".")) {
                organisation = true
                kind = .word
            } else if Lexicon.titles.contains(key) {
                kind = .title
            } else if end - start == 1, firstUpper {
                kind = .initial
            } else if Lexicon.particles.contains(key), !firstUpper || end - start <= 3 {
                kind = .particle
            } else {
                // Title Case, ALL CAPS, or inner capitals (McDonald, O'Brien, DeLuca); letters,
                // hyphens and apostrophes only, and no trailing dot (that is an abbreviation).
                guard firstUpper, !dotted else { return nil }
                for i in start..<end {
                    let c = b[i]
                    guard c >= 0x80 || ASCII.isAlpha(c) || c == 0x2D || c == 0x27 else { return nil }
                }
                kind = .word
            }
            guard kind == .word else { continue }
            words += 1
            if Lexicon.places.contains(key) { places += 1 }
            if GivenNames.all.contains(key) || FamilyNames.all.contains(key) {
                known += 1
            } else if key.contains("-") || key.contains("'") {
                let parts = key.split(whereSeparator: { $0 == "-" || $0 == "'" })
                if parts.contains(where: { GivenNames.all.contains(String($0)) || FamilyNames.all.contains(String($0)) }) {
                    known += 1
                }
            } else if FamilyNames.hasSurnameEnding(key) {
                known += 1
            }
        }
        guard words >= 1, words <= 4 else { return nil }
        if organisation || (places == words && known <= places) || isTownName(b, t, words: words, known: known) {
            return Match(dataClass: .personName, strength: .lookalike, byteRange: t)
        }
        if known >= 1 {
            return Match(dataClass: .personName, strength: .validated, byteRange: t, ordinal: NameColumnShape.ordinal(b, t, singleUnknownWord: false))
        }
        if words >= 2, words <= 3 {
            return Match(dataClass: .personName, strength: .plausible, byteRange: t, ordinal: NameColumnShape.ordinal(b, t, singleUnknownWord: false))
        }
        // One capitalised word no list knows: a name only if its column says so (see
        // ``NameColumnShape``).
        if words == 1, tokens == 1, t.count >= 3, ASCII.isUpper(b[t.lowerBound]) || b[t.lowerBound] >= 0x80,
            ASCII.isLower(b[t.upperBound - 1]) || b[t.upperBound - 1] >= 0x80
        {
            return Match(dataClass: .personName, strength: .plausible, byteRange: t, ordinal: NameColumnShape.ordinal(b, t, singleUnknownWord: true))
        }
        return nil
    }
}
