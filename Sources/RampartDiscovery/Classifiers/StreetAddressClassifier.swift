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
        bv bulevar diagonal pasaje
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
        // Streets without a street word ("Lavalle 1234", "Vinohradská 1896/48") count when a
        // postcode and town follow; Japanese addresses in Latin letters have their own shape.
        if f.digits >= 4, f.upper >= 2, Self.mayHavePostcodePart(b, t) {
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[t]), as: UTF8.self)
            if Self.hasStreetThenPostcode(text) || Self.isRomanisedJapanese(text) {
                return Match(dataClass: .streetAddress, strength: .validated, byteRange: t)
            }
        }
        return nil
    }

    /// A cheap byte-level gate before ``hasStreetThenPostcode(_:)`` and
    /// ``isRomanisedJapanese(_:)``: a later part (after a newline or a comma) that starts with a
    /// code of 4 to 9 letters, digits, dashes and one space holding at least 3 digits, or a
    /// `123-4567` postcode anywhere.
    static func mayHavePostcodePart(_ b: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Bool {
        var i = t.lowerBound
        while i < t.upperBound {
            let c = b[i]
            if c == 0x0A || c == 0x2C {
                var j = i + 1
                while j < t.upperBound, b[j] == 0x20 || b[j] == 0x0D { j += 1 }
                var digits = 0
                var length = 0
                var spaces = 0
                while j < t.upperBound, length <= 9 {
                    let d = b[j]
                    if ASCII.isDigit(d) {
                        digits += 1
                    } else if d == 0x20 {
                        // "120 00 Praha": one space inside the code, if digits follow.
                        guard spaces == 0, j + 1 < t.upperBound, ASCII.isDigit(b[j + 1]) else { break }
                        spaces += 1
                    } else if !(ASCII.isUpper(d) || d == 0x2D) {
                        break
                    }
                    length += 1
                    j += 1
                }
                if digits >= 3, (4...9).contains(length) { return true }
            } else if c == 0x2D, i - t.lowerBound >= 3, i + 4 < t.upperBound, (1...3).allSatisfy({ ASCII.isDigit(b[i - $0]) }),
                (1...4).allSatisfy({ ASCII.isDigit(b[i + $0]) })
            {
                return true
            }
            i += 1
        }
        return false
    }

    /// A part "Name 12" (capitalised words, then a house number and nothing else) followed by a
    /// part "postcode Town": `Lavalle 1234\nC1414BDB Palermo`, `Vinohradská 1896/48, 120 00 Praha 2`.
    static func hasStreetThenPostcode(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "," }).map { $0.split(separator: " ") }
        guard parts.count >= 2, parts.count <= 6 else { return false }
        guard let street = parts.firstIndex(where: isNamedStreet) else { return false }
        return parts[(street + 1)...].contains(where: isPostcodeAndTown)
    }

    /// `Lavalle 1234`, `Av. Corrientes 5500`, `Vinohradská 1896/48`: 1–4 capitalised words (or
    /// abbreviations), then the house number, last.
    private static func isNamedStreet(_ words: [Substring]) -> Bool {
        guard words.count >= 2, words.count <= 5, let last = words.last, kind(of: last) == .number else { return false }
        return words.dropLast().allSatisfy { word in
            guard let first = word.first, first.isLetter, word.count >= 2 else { return false }
            return first.isUppercase || kind(of: word) == .romanceLead
        }
    }

    /// `120 00 Praha 2`, `C1414BDB Palermo`, `1060 Wien`, `00-950 Warszawa`, `1012 AB Amsterdam`:
    /// a postcode of 4–8 characters with digits, in one or two pieces, then a capitalised word.
    private static func isPostcodeAndTown(_ words: [Substring]) -> Bool {
        guard words.count >= 2, words.count <= 6 else { return false }
        var index = 0
        var code = ""
        while index < min(2, words.count - 1) {
            let word = words[index]
            guard word.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase || $0 == "-") }) else { break }
            code += word
            index += 1
            if code.count >= 4 && words[index].first?.isLowercase == false && words[index].contains(where: \.isLetter)
                && !words[index].allSatisfy({ $0.isUppercase || $0.isNumber })
            {
                break
            }
        }
        let digits = code.filter(\.isNumber).count
        guard (4...8).contains(code.count), digits >= 3, index < words.count else { return false }
        guard let first = words[index].first else { return false }
        return first.isUppercase
    }

    /// `3-12-5 Jingumae, Shibuya-ku, Tokyo 150-0001`: a block number `1-2-3` (or `1-2`), a ward or
    /// city word (`-ku`, `-shi`, `-cho`, `-machi`, `-gun`, `-ken`), and a `123-4567` postcode.
    static func isRomanisedJapanese(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\r" })
        guard words.count >= 3, words.count <= 16 else { return false }
        let block = words.contains { word in
            let parts = word.split(separator: "-", omittingEmptySubsequences: false)
            return (2...3).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }
        }
        guard block else { return false }
        let ward = words.contains { word in
            let lower = word.lowercased()
            return ["-ku", "-shi", "-cho", "-machi", "-gun", "-ken"].contains { lower.hasSuffix($0) } && lower.count > 4
        }
        let postcode = words.contains { word in
            let parts = word.split(separator: "-")
            return parts.count == 2 && parts[0].count == 3 && parts[1].count == 4 && word.allSatisfy { $0.isNumber || $0 == "-" }
        }
        return ward && postcode
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
