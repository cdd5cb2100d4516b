import RampartCalendar

/// Parses calendar dates written without a time of day, in the formats people and exports use:
/// `1986-05-03`, `1986/05/03`, `05/03/1986` (US or day-first), `03.05.1986`, `3 May 1986`,
/// `May 3, 1986`, `03MAY1986`, `3-May-1986`, `7. 3. 1985`, `19850307`, month names in seven languages (`12. März 1985`,
/// `12 de abril de 1985`), and `1985年4月12日` / `1985년 4월 12일`. Four-digit years only, since a
/// two-digit year cannot place a birth date.
public enum DateParser {
    /// A validated calendar date.
    public struct SimpleDate: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var day: Int

        /// Days since 1970-01-01 (proleptic Gregorian).
        public var dayNumber: Int { CivilDate.days(year: year, month: month, day: day) }
    }

    /// The date `text` holds, or `nil` when it is not exactly a date.
    ///
    /// - Parameter basicForm: whether ISO 8601's basic form (`19850307`) counts. Off by default:
    ///   other eight-digit numbers are ids, so only a column-level judgement (birth dates) should
    ///   take them.
    public static func parse(_ text: String, basicForm: Bool = false) -> SimpleDate? {
        Array(text.utf8).withUnsafeBufferPointer { parse($0, $0.indices, basicForm: basicForm) }
    }

    /// Month names in English, German, French, Spanish, Italian, Portuguese and Dutch, folded
    /// (`März` → `marz`); a three-letter prefix also names its month (`Dez`, `abr`).
    private static let monthNames: [(name: String, month: Int)] = [
        "january januar janvier enero gennaio janeiro januari",
        "february februar fevrier febrero febbraio fevereiro februari",
        "march marz mars marzo marco maart",
        "april avril abril aprile",
        "may mai mayo maggio maio mei",
        "june juni juin junio giugno junho",
        "july juli juillet julio luglio julho",
        "august aout agosto augustus",
        "september septembre septiembre settembre setembro",
        "october oktober octobre octubre ottobre outubro",
        "november novembre noviembre novembro",
        "december dezember decembre diciembre dicembre dezembro",
    ].enumerated().flatMap { index, names in names.split(separator: " ").map { (String($0), index + 1) } }

    /// Every month name and three-letter prefix, for one hash lookup per word.
    private static let monthsByName: [String: Int] = {
        var table: [String: Int] = ["sept": 9]
        for entry in monthNames {
            table[entry.name] = entry.month
            table[String(entry.name.prefix(3))] = table[String(entry.name.prefix(3))] ?? entry.month
        }
        return table
    }()

    static func parse(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, basicForm: Bool = false) -> SimpleDate? {
        guard r.count >= 8, r.count <= 32 else { return nil }
        if r.contains(where: { b[$0] >= 0x80 }), let date = parseEastAsian(b, r) { return date }
        guard r.count <= 24 else { return nil }
        // Tokenise into numbers, words and separators.
        var tokens: [(isNumber: Bool, start: Int, end: Int)] = []
        var separators: [UInt8] = []
        var i = r.lowerBound
        while i < r.upperBound {
            let c = b[i]
            if ASCII.isDigit(c) || ASCII.isAlpha(c) || c >= 0x80 {
                let number = ASCII.isDigit(c)
                let start = i
                while i < r.upperBound, number ? ASCII.isDigit(b[i]) : ASCII.isAlpha(b[i]) || b[i] >= 0x80 { i += 1 }
                // "12 de abril de 1985": the Spanish and Portuguese "de" joins, it is no part.
                if !number, i - start == 2, ASCII.lower(b[start]) == 0x64, ASCII.lower(b[start + 1]) == 0x65 { continue }
                if tokens.count == 3 { return nil }
                tokens.append((number, start, i))
            } else if c == 0x20, i > r.lowerBound, b[i - 1] == 0x2E {
                // "7. 3. 1985" (Czech, Slovak, German): a dot and a space are one separator.
                i += 1
            } else if c == 0x2D || c == 0x2F || c == 0x2E || c == 0x20 || c == 0x2C {
                separators.append(c)
                i += 1
            } else {
                return nil
            }
        }
        // "19850307": ISO 8601's basic form (Swedish and Finnish exports), 1900-2099 only, since
        // other eight-digit numbers are ids.
        if basicForm, tokens.count == 1, tokens[0].isNumber, tokens[0].end - tokens[0].start == 8, separators.isEmpty {
            var v = 0
            for k in tokens[0].start..<tokens[0].end { v = v * 10 + ASCII.digitValue(b[k]) }
            let year = v / 10_000
            guard (1900...2099).contains(year) else { return nil }
            return make(year, v / 100 % 100, v % 100)
        }
        guard tokens.count == 3 else { return nil }
        func number(_ t: (isNumber: Bool, start: Int, end: Int)) -> Int? {
            guard t.isNumber, t.end - t.start <= 4 else { return nil }
            var v = 0
            for k in t.start..<t.end { v = v * 10 + ASCII.digitValue(b[k]) }
            return v
        }
        func month(_ t: (isNumber: Bool, start: Int, end: Int)) -> Int? {
            guard !t.isNumber, t.end - t.start >= 3, t.end - t.start <= 12 else { return nil }
            let word = Lexicon.foldFast(Substring(String(decoding: UnsafeBufferPointer(rebasing: b[t.start..<t.end]), as: UTF8.self)))
            return monthsByName[word]
        }
        let digitsCount = tokens.map { $0.end - $0.start }
        let t0 = tokens[0]
        let t1 = tokens[1]
        let t2 = tokens[2]
        // Numeric forms need one consistent separator.
        if t0.isNumber && t1.isNumber && t2.isNumber {
            guard separators.count == 2, separators[0] == separators[1], separators[0] != 0x2C else { return nil }
            guard let a = number(t0), let m = number(t1), let c = number(t2) else { return nil }
            if digitsCount[0] == 4 && digitsCount[1] <= 2 && digitsCount[2] <= 2 {
                return make(a, m, c)
            }
            guard digitsCount[2] == 4, digitsCount[0] <= 2, digitsCount[1] <= 2 else { return nil }
            if separators[0] == 0x2E { return make(c, m, a) }  // day-first with dots
            return make(c, a, m) ?? make(c, m, a)  // US first, then day-first
        }
        // "3 May 1986", "3-May-1986", "03MAY1986" (no separators between tokens allowed only here)
        if let d = number(t0), let m = month(t1), let y = number(t2), digitsCount[2] == 4, digitsCount[0] <= 2 {
            return make(y, m, d)
        }
        // "May 3, 1986"
        if let m = month(t0), let d = number(t1), let y = number(t2), digitsCount[2] == 4, digitsCount[1] <= 2 {
            return make(y, m, d)
        }
        // "1986-May-03"
        if let y = number(t0), let m = month(t1), let d = number(t2), digitsCount[0] == 4, digitsCount[2] <= 2 {
            return make(y, m, d)
        }
        return nil
    }

    /// `1985年4月12日` (Japanese, Chinese) and `1985년 4월 12일` (Korean).
    private static func parseEastAsian(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> SimpleDate? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
        var numbers: [Int] = []
        var current: Int?
        var units: [Character] = []
        for ch in text {
            if let digit = ch.wholeNumberValue, ch.isASCII || ("０"..."９").contains(ch) {
                current = (current ?? 0) * 10 + digit
                guard (current ?? 0) < 10_000 else { return nil }
            } else if ch == " " {
                continue
            } else {
                guard let value = current else { return nil }
                numbers.append(value)
                units.append(ch)
                current = nil
            }
        }
        guard current == nil, numbers.count == 3, units == ["年", "月", "日"] || units == ["년", "월", "일"] else { return nil }
        return make(numbers[0], numbers[1], numbers[2])
    }

    private static func make(_ y: Int, _ m: Int, _ d: Int) -> SimpleDate? {
        guard y >= 1800, y <= 2200, m >= 1, m <= 12, d >= 1, d <= CivilDate.daysIn(month: m, year: y) else { return nil }
        return SimpleDate(year: y, month: m, day: d)
    }
}
