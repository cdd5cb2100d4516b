/// Postal addresses of Japan, China and Korea, which run from the largest unit to the smallest
/// and end in block numbers rather than a house number beside a street type:
/// - Japan: `〒100-0001 東京都千代田区千代田1-1`, `大阪府大阪市北区梅田3丁目1番3号`: a prefecture,
///   city, ward, town or village, then a block number (`1-2-3`, `3丁目1番3号`, `12番地`);
/// - China: `北京市朝阳区建国路88号`: a province, city or district, then a road or street
///   (`路`, `街`, `大道`, `巷`, `胡同`) and a number with `号`;
/// - Korea: `서울특별시 강남구 테헤란로 152`: a city, province or district word, then a road
///   (`…로`, `…길`) or neighbourhood (`…동`) followed by a number.
enum EastAsianAddressShape {
    private static let japaneseUnits: Set<Character> = ["都", "道", "府", "県", "市", "区", "町", "村", "郡"]
    private static let chineseUnits: Set<Character> = ["省", "市", "区", "县", "縣", "镇", "鎮", "區"]
    private static let chineseRoads: Set<Character> = ["路", "街", "道", "巷", "弄", "同", "里", "段"]
    private static let koreanUnits: Set<Character> = ["시", "도", "군", "구"]
    private static let koreanRoads: Set<Character> = ["로", "길", "동", "리", "가"]
    private static let kanjiNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    private static func isDigit(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v)
    }

    /// Whether `text` holds an address in one of these grammars.
    static func matches(_ text: String) -> Bool {
        let chars = Array(text.prefix(200))
        guard chars.count >= 6 else { return false }
        var unitAt = -1
        var japaneseUnit = false
        var chineseUnit = false
        var koreanUnitToken = false
        for (i, c) in chars.enumerated() {
            if japaneseUnits.contains(c) || chineseUnits.contains(c) {
                if unitAt < 0 { unitAt = i }
                japaneseUnit = japaneseUnit || japaneseUnits.contains(c)
                chineseUnit = chineseUnit || chineseUnits.contains(c)
            }
            // A Korean unit ends a word: "서울특별시 ", "강남구 ".
            if koreanUnits.contains(c), i > 0, i + 1 < chars.count, chars[i + 1] == " " {
                koreanUnitToken = true
                if unitAt < 0 { unitAt = i }
            }
        }
        guard unitAt >= 0 else { return false }
        for i in (unitAt + 1)..<chars.count where isDigit(chars[i]) || kanjiNumerals.contains(chars[i]) {
            var j = i
            while j < chars.count, isDigit(chars[j]) || kanjiNumerals.contains(chars[j]) { j += 1 }
            let next: Character? = j < chars.count ? chars[j] : nil
            let previous: Character = chars[i - 1]
            if japaneseUnit {
                // "1-2-3", "3丁目", "1番", "3号", "12番地"; a number after the units ending the text.
                if next == "-" || next == "−" || next == "‐" || next == "丁" || next == "番" || next == "号" || next == "の" { return true }
            }
            if chineseUnit, chineseRoads.contains(previous) || previous == "道", next == "号" || next == "號" { return true }
            if koreanUnitToken, previous == " ", i >= 2, koreanRoads.contains(chars[i - 2]) { return true }
            if koreanUnitToken, koreanRoads.contains(previous), next == "길" || next == " " || next == nil {
                // "동성로2길 80": the road's own number, then the building number.
                if next == "길" { continue }
                return true
            }
        }
        return false
    }
}
