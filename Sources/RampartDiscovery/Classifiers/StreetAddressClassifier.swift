/// Recognises postal addresses with a street and a house number, on one line or several
/// (billing blocks): `1600 Pennsylvania Ave NW`, `221B Baker Street`, `Hauptstraße 12a`,
/// `12 bis rue de la Paix`, `Calle Mayor 5, 3º A`, `Keizersgracht 263`.
///
/// A line qualifies when a house number sits next to a street word: an English street type
/// after the name (capitalised: `St`, `Avenue`, `Close`), a Romance street word before it
/// (`rue`, `calle`, `via`, `rua`), or a Germanic compound ending (`…straße`, `…weg`, `…straat`,
/// `…gracht`). A city or a postcode alone has no street and does not count.
public struct StreetAddressClassifier: Classifier, ByteClassifier {
    public init() {}

    public var dataClass: DataClass { .streetAddress }

    public var nameHints: ColumnNameHints { Self.hints }

    /// Built once: a scan asks every classifier for its hints once per column.
    private static let hints = ColumnNameHints(
        positive: [
            "address", "addr", "street", "ship to", "shipto", "billing", "mailing", "residence", "postal address",
            "address line", "addressline", "line1", "home",
        ],
        negative: ["email", "ip", "mac", "url", "web", "wallet", "city", "zip", "postcode", "country"]
    )

    public func classify(_ value: Substring) -> Match? { classifyValue(value) }

    static let englishTypes: Set<String> = Lexicon.words(
        """
        street st avenue ave av road rd boulevard blvd drive dr lane ln court ct way place pl terrace ter terr
        parkway pkwy circle cir close gardens crescent cres highway hwy square sq row trail trl alley aly loop
        path walk mews grove hill plaza plz pike expressway expy freeway fwy turnpike tpke broadway causeway cswy
        point pt ridge run view vista heights hts park main cross marg salai nagar colony layout enclave vihar chowk
        """
    )
    static let romanceLeading: Set<String> = Lexicon.words(
        """
        rue avenue av boulevard bd bld impasse allee chemin place quai route cours passage square calle c/ avenida
        avda plaza paseo camino carrera carretera ronda travesia via viale piazza corso vicolo largo rua travessa
        praca alameda estrada r rod tv pca v.le p.za p.zza c.so l.go strada bulevardul calea soseaua ul ulica al aleja os
        osiedle ул улица пр просп проспект пер
        переулок бульвар бул наб набережная шоссе пл площадь вул вулиця
        """
    )
    /// Street words written after the name and before the number, whole words: Turkish
    /// (`Atatürk Cad. No: 12`, `Çiçek Sokak 5`).
    static let typesBeforeNumber: Set<String> = Lexicon.words(
        "cad cadde caddesi sok sokak sokagi sk bulvar bulvari blv mah mahallesi yolu"
    )
    /// Words that announce the house number: `No: 12`, `Nr. 5`, `д. 7`, `n° 3`.
    static let numberMarkers: Set<String> = Lexicon.words("no no: nr n° nº д дом")
    static let germanicEndings: [String] = [
        "strasse", "str.", "weg", "gasse", "platz", "allee", "damm", "ufer", "chaussee", "steig", "straat", "gracht",
        "laan", "plein", "kade", "singel", "dijk", "steeg", "gade", "vej", "gatan", "vagen", "veien", "gata", "katu",
        "ulica", "utca",
    ]

    func classify(bytes b: UnsafeBufferPointer<UInt8>, features f: ValueFeatures) -> Match? {
        guard f.digits >= 1, f.length >= 6 else { return nil }
        let t = b.trimmedRange()
        if f.nonASCII >= 12, f.letters < 4,
            EastAsianAddressShape.matches(String(decoding: UnsafeBufferPointer(rebasing: b[t]), as: UTF8.self))
        {
            return Match(dataClass: .streetAddress, strength: .validated, byteRange: t)
        }
        // Letters of any alphabet: a Cyrillic letter is two UTF-8 bytes.
        guard f.letters + f.nonASCII / 2 >= 4, f.spaces >= 1 else { return nil }
        var lineStart = t.lowerBound
        var i = t.lowerBound
        while i <= t.upperBound {
            let atEnd = i == t.upperBound
            // Lines end at newlines, and at a literal "\n" written by exports that escape them.
            let escapedNewline = !atEnd && b[i] == 0x5C && i + 1 < t.upperBound && b[i + 1] == 0x6E
            if atEnd || b[i] == 0x0A || b[i] == 0x0D || escapedNewline {
                if i > lineStart, lineHasStreet(b, lineStart..<i) {
                    return Match(dataClass: .streetAddress, strength: .validated, byteRange: t)
                }
                i += escapedNewline ? 2 : 1
                lineStart = i
                continue
            }
            i += 1
        }
        return nil
    }

    private enum Token {
        case number
        case numberMarker
        case englishType
        case romanceLead
        case germanic
        case capitalised
        case other
    }

    /// Whether the line has a word that can be a house number ("12", "12a", "#5", "3º",
    /// "12-14"): a cheap byte-level gate before the word-level analysis.
    private func hasHouseNumber(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var k = line.lowerBound
        while k < line.upperBound {
            let atWordStart = k == line.lowerBound || b[k - 1] == 0x20 || b[k - 1] == 0x2C || b[k - 1] == 0x09
            guard atWordStart else {
                k += 1
                continue
            }
            var j = k
            if b[j] == 0x23 { j += 1 }
            let digitsStart = j
            while j < line.upperBound, ASCII.isDigit(b[j]) { j += 1 }
            let digits = j - digitsStart
            if digits >= 1, digits <= 5 {
                var letters = 0
                while j < line.upperBound, ASCII.isAlpha(b[j]) || b[j] >= 0x80 {
                    j += 1
                    letters += 1
                }
                if j < line.upperBound, b[j] == 0x2D || b[j] == 0x2F {
                    // "12-14", "12/3", "12-A".
                    j += 1
                    while j < line.upperBound, ASCII.isAlnum(b[j]), j - k <= 12 { j += 1 }
                }
                if letters <= 3, j == line.upperBound || b[j] == 0x20 || b[j] == 0x2C || b[j] == 0x09 { return true }
            }
            k = max(j, k + 1)
        }
        return false
    }

    private func lineHasStreet(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count >= 5, line.count <= 200, hasHouseNumber(b, line) else { return false }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[line]), as: UTF8.self)
        let raw = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        guard raw.count >= 2, raw.count <= 24 else { return false }
        var kinds: [Token] = []
        kinds.reserveCapacity(raw.count)
        for word in raw { kinds.append(Self.kind(of: word)) }
        for (n, kind) in kinds.enumerated() where kind == .number {
            // An ordinal and a street type: "2nd Main", "3rd Cross", "5th Avenue".
            if n + 1 < kinds.count, kinds[n + 1] == .englishType, raw[n].last?.isLetter == true { return true }
            // English: number, 1–6 capitalised words, street type ("742 Evergreen Terrace").
            var k = n + 1
            while k < kinds.count, k - n <= 7 {
                if kinds[k] == .englishType, k > n + 1 { return true }
                if kinds[k] != .capitalised && kinds[k] != .englishType { break }
                k += 1
            }
            // Romance, number first: "12 rue de la Paix", "12 bis avenue Foch".
            if n + 1 < kinds.count, kinds[n + 1] == .romanceLead { return true }
            if n + 2 < kinds.count, kinds[n + 2] == .romanceLead, raw[n + 1].count <= 3 { return true }
            // Street word before the number: "Calle Mayor 12", "Hauptstraße 12a", "Berliner Straße 5".
            var back = n - 1
            while back >= 0, n - back <= 6 {
                if kinds[back] == .germanic, n - back <= 2 { return true }
                // Only a capitalised street word, or an abbreviation ("ul.", "ул."), starts an address
                // ("Calle Mayor 5", not "place 2 orders").
                if kinds[back] == .romanceLead, raw[back].first?.isUppercase == true || raw[back].last == "." { return true }
                back -= 1
            }
        }
        return false
    }

    private static func kind(of word: Substring) -> Token {
        guard let first = word.first else { return .other }
        if first.isNumber || (first == "#" && word.count > 1) {
            // House numbers: "12", "12a", "221B", "12-14", "#5", "3º".
            let body = first == "#" ? word.dropFirst() : word
            let digits = body.prefix(while: \.isNumber)
            guard (1...5).contains(digits.count) else { return .other }
            let rest = body.dropFirst(digits.count)
            if rest.isEmpty || (rest.count <= 2 && rest.allSatisfy(\.isLetter)) || rest == "º" || rest == "ª" { return .number }
            // "12-14", and "12/3" (house and flat: Austria, Poland, Brazil).
            if rest.first == "-" || rest.first == "/", rest.count <= 6,
                rest.dropFirst().allSatisfy(\.isNumber) || (rest.count <= 3 && rest.dropFirst().allSatisfy(\.isLetter))
            {
                return .number
            }
            return .other
        }
        let folded = Lexicon.fold(word)
        let bare = folded.hasSuffix(".") ? String(folded.dropLast()) : folded
        if folded.utf8.count <= 6, numberMarkers.contains(folded) || numberMarkers.contains(bare) { return .numberMarker }
        if first.isUppercase, englishTypes.contains(bare) { return .englishType }
        if romanceLeading.contains(bare) { return .romanceLead }
        if typesBeforeNumber.contains(bare) { return .germanic }
        if bare.count >= 4 {
            for ending in germanicEndings where folded.hasSuffix(ending) || bare.hasSuffix(ending) { return .germanic }
        }
        if first.isUppercase { return .capitalised }
        return .other
    }
}
