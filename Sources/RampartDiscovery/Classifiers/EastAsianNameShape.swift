/// Person names written in Chinese characters, kana or Hangul (`山田 太郎`, `山田太郎`,
/// `ヤマダ タロウ`, `王伟`, `欧阳子涵`, `김민준`), which have no capitals or spaces to go by:
/// the evidence is a listed family name at the start and a name's length.
enum EastAsianNameShape {
    private enum Script { case han, kana, hangul }

    private static func script(of scalar: Unicode.Scalar) -> Script? {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x3005: return .han  // 々 repeats a kanji
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC: return .kana
        case 0xAC00...0xD7A3: return .hangul
        default: return nil
        }
    }

    /// Whether `text` starts in Chinese characters, kana or Hangul.
    static func isWritten(in text: Substring) -> Bool {
        text.unicodeScalars.first.map { script(of: $0) != nil } ?? false
    }

    /// Katakana for hiragana, so one kana list serves both.
    private static func katakana(_ s: Substring) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { v in
                    (0x3041...0x3096).contains(v.value) ? Unicode.Scalar(v.value + 0x60) ?? v : v
                }))
    }

    /// The strength of `text` as a person's name; `nil` when it is not written in these scripts
    /// or not name-shaped.
    static func strength(of text: Substring) -> Match.Strength? {
        var tokens: [Substring] = []
        var start: String.Index?
        var count = 0
        var hasHan = false
        var hasKana = false
        var hasHangul = false
        for index in text.unicodeScalars.indices {
            let scalar = text.unicodeScalars[index]
            if scalar == " " || scalar == "\u{3000}" || scalar == "・" || scalar == "･" {
                if let s = start { tokens.append(text[s..<index]) }
                start = nil
                continue
            }
            guard let kind = script(of: scalar) else { return nil }
            switch kind {
            case .han: hasHan = true
            case .kana: hasKana = true
            case .hangul: hasHangul = true
            }
            count += 1
            if start == nil { start = index }
        }
        if let s = start { tokens.append(text[s...]) }
        guard !tokens.isEmpty, tokens.count <= 3, count >= 1, count <= 12 else { return nil }
        let whole = String(text)
        if EastAsianNames.organisationMarkers.contains(where: { whole.contains($0) }) { return .lookalike }
        if EastAsianNames.places.contains(String(tokens[0])) { return .lookalike }
        if hasHangul {
            guard !hasHan, !hasKana, count >= 2, count <= 5 else { return nil }
            let first = tokens[0]
            let known =
                EastAsianNames.koreanFamily.contains(String(first.prefix(2))) && first.count >= 3
                || EastAsianNames.koreanFamily.contains(String(first.prefix(1)))
            return known ? .validated : (tokens.count == 2 ? .plausible : nil)
        }
        if hasHan, let last = tokens.last?.last, EastAsianNames.placeSuffixes.contains(last), count >= 2 { return .lookalike }
        if !hasHan {
            // Kana only: a furigana reading such as "ヤマダ タロウ".
            let first = katakana(tokens[0])
            for length in stride(from: min(6, first.count), through: 2, by: -1)
            where EastAsianNames.japaneseFamilyKana.contains(String(first.prefix(length))) {
                return .validated
            }
            if EastAsianNames.japaneseGiven.contains(first) { return .validated }
            return tokens.count == 2 ? .plausible : nil
        }
        // Han, perhaps with kana in the given name: Japanese or Chinese.
        guard count <= 7 else { return nil }
        let first = tokens[0]
        for length in stride(from: min(3, first.count), through: 1, by: -1) {
            let family = String(first.prefix(length))
            if EastAsianNames.japaneseFamily.contains(family) || EastAsianNames.chineseFamily.contains(family) {
                // A lone listed surname character is a name only with a given name after it, and
                // a one-character surname starts names of two or three characters: "高速公路"
                // (motorway) begins with the surname 高 but is no name.
                if count == 1 || (length == 1 && count > 3 && tokens.count == 1) { continue }
                return .validated
            }
        }
        if EastAsianNames.japaneseGiven.contains(String(first)) { return .validated }
        return tokens.count == 2 && count <= 6 ? .plausible : nil
    }
}
