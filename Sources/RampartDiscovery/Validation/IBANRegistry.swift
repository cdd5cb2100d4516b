/// IBAN lengths per country (ISO 13616 registry) and the MOD 97-10 check (ISO 7064).
public enum IBANRegistry {
    /// Total IBAN length by country code.
    public static let lengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
        "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
        "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
        "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
        "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
        "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28,
        "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
        "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
        "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
    ]

    /// The registry length for a country given as two upper-case ASCII bytes.
    static func length(_ a: UInt8, _ b: UInt8) -> Int? {
        lengths[String(decoding: [a, b], as: UTF8.self)]
    }

    /// ISO 7064 MOD 97-10 over `chars` as IBANs use it: the first four characters move to the
    /// end, letters count as 10…35, and the remainder must be 1. `chars` are upper-case ASCII
    /// letters and digits only.
    static func mod97IsValid(_ chars: [UInt8]) -> Bool {
        guard chars.count >= 5 else { return false }
        var remainder = 0
        func feed(_ b: UInt8) -> Bool {
            if ASCII.isDigit(b) {
                remainder = (remainder * 10 + ASCII.digitValue(b)) % 97
            } else if ASCII.isUpper(b) {
                remainder = (remainder * 100 + Int(b - 0x41 + 10)) % 97
            } else {
                return false
            }
            return true
        }
        for b in chars[4...] where !feed(b) { return false }
        for b in chars[..<4] where !feed(b) { return false }
        return remainder == 1
    }

    /// Whether `text` is a valid IBAN: compact or grouped with spaces, any letter case.
    public static func isValid(_ text: String) -> Bool {
        let chars = text.utf8.filter { $0 != 0x20 }.map(ASCII.upper)
        guard chars.count >= 5, chars.allSatisfy(ASCII.isAlnum),
            ASCII.isUpper(chars[0]), ASCII.isUpper(chars[1]), ASCII.isDigit(chars[2]), ASCII.isDigit(chars[3]),
            length(chars[0], chars[1]) == chars.count
        else { return false }
        return mod97IsValid(chars)
    }
}
