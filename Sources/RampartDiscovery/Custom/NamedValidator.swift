/// A check a custom classifier can apply to what its pattern matched, by name.
public struct NamedValidator: Sendable, Hashable {
    /// The name used in ``CustomClassifierDefinition/validator``.
    public let name: String
    private let kind: Kind

    private enum Kind: Sendable, Hashable {
        case luhn, mod97, iban, usSSN, ip, ipv4, ipv6, date, none
    }

    private init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// Luhn (mod 10) over the digits, separators ignored: card numbers, IMEIs, many ids.
    public static let luhn = NamedValidator("luhn", .luhn)
    /// ISO 7064 MOD 97-10 over letters and digits with the IBAN rearrangement (first four
    /// characters moved to the end); spaces ignored.
    public static let mod97 = NamedValidator("mod97", .mod97)
    /// A full IBAN check: registered country, exact length, MOD 97-10.
    public static let iban = NamedValidator("iban", .iban)
    /// US SSN area, group and serial rules.
    public static let usSSN = NamedValidator("us_ssn", .usSSN)
    /// An IPv4 or IPv6 address.
    public static let ip = NamedValidator("ip", .ip)
    /// An IPv4 address.
    public static let ipv4 = NamedValidator("ipv4", .ipv4)
    /// An IPv6 address.
    public static let ipv6 = NamedValidator("ipv6", .ipv6)
    /// A calendar date that exists (``DateParser``).
    public static let date = NamedValidator("date", .date)
    /// No check.
    public static let none = NamedValidator("none", .none)

    /// Every validator, by name.
    public static let all: [String: NamedValidator] = Dictionary(
        uniqueKeysWithValues: [luhn, mod97, iban, usSSN, ip, ipv4, ipv6, date, none].map { ($0.name, $0) }
            + [("ssn", usSSN), ("mod_97", mod97), ("mod10", luhn)]
    )

    /// Looks a validator up by name (case-insensitive).
    public static func named(_ name: String) -> NamedValidator? {
        all[name.lowercased()]
    }

    /// Whether `text` passes the check.
    public func validate(_ text: some StringProtocol) -> Bool {
        let s = String(text)
        switch kind {
        case .luhn:
            let digits = s.utf8.filter(ASCII.isDigit)
            let others = s.utf8.filter { !ASCII.isDigit($0) && $0 != 0x20 && $0 != 0x2D }
            return others.isEmpty && digits.count >= 2 && Luhn.isValid(digits)
        case .mod97:
            let chars = s.utf8.filter { $0 != 0x20 }.map(ASCII.upper)
            return chars.allSatisfy(ASCII.isAlnum) && IBANRegistry.mod97IsValid(chars)
        case .iban:
            return IBANRegistry.isValid(s)
        case .usSSN:
            return SSNRules.isValid(s)
        case .ip:
            return IPAddressParser.isIPv4(s) || IPAddressParser.isIPv6(s)
        case .ipv4:
            return IPAddressParser.isIPv4(s)
        case .ipv6:
            return IPAddressParser.isIPv6(s)
        case .date:
            return DateParser.parse(s) != nil
        case .none:
            return true
        }
    }
}
