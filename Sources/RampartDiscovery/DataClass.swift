/// A kind of sensitive data, identified by a stable upper-case string id such as `"EMAIL"`.
///
/// The ids of the built-in classes are part of the wire format (reports, stored scan results),
/// so they never change. Tenants add their own classes through ``CustomClassifierDefinition``.
public struct DataClass: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The stable id, e.g. `"CREDIT_CARD"`.
    public let rawValue: String

    /// Creates a class from its id; the id is upper-cased so lookups are case-insensitive.
    public init(rawValue: String) {
        self.rawValue = rawValue.uppercased()
    }

    /// Creates a class from its id (upper-cased).
    public init(_ id: String) {
        self.init(rawValue: id)
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: DataClass, rhs: DataClass) -> Bool { lhs.rawValue < rhs.rawValue }

    /// An e-mail address.
    public static let email = DataClass("EMAIL")
    /// A telephone number (E.164, national or international groupings).
    public static let phone = DataClass("PHONE")
    /// A US Social Security number within the issued ranges.
    public static let usSSN = DataClass("US_SSN")
    /// A full, Luhn-valid payment card number.
    public static let creditCard = DataClass("CREDIT_CARD")
    /// An IBAN with valid MOD 97-10 check digits and its country's length.
    public static let iban = DataClass("IBAN")
    /// An IPv4 or IPv6 host address.
    public static let ipAddress = DataClass("IP_ADDRESS")
    /// A person's date of birth.
    public static let dateOfBirth = DataClass("DATE_OF_BIRTH")
    /// A person's name.
    public static let personName = DataClass("PERSON_NAME")
    /// A postal address with street and house number.
    public static let streetAddress = DataClass("STREET_ADDRESS")
    /// A passport number.
    public static let passport = DataClass("PASSPORT")
    /// A credential: API key, token, private key, JWT, password-bearing URL.
    public static let secret = DataClass("SECRET")

    /// A UK National Insurance number.
    public static let ukNationalInsurance = DataClass("UK_NINO")
    /// An NHS number (England, Wales, Isle of Man) with a valid modulus-11 check digit.
    public static let ukNHSNumber = DataClass("UK_NHS_NUMBER")
    /// Germany's tax identification number (Steuer-IdNr) with a valid MOD 11,10 check digit.
    public static let deTaxID = DataClass("DE_TAX_ID")
    /// France's social security number (NIR) with a valid key.
    public static let frNIR = DataClass("FR_NIR")
    /// Spain's DNI or NIE with a valid check letter.
    public static let esDNI = DataClass("ES_DNI")
    /// Italy's codice fiscale with a valid check letter.
    public static let itFiscalCode = DataClass("IT_FISCAL_CODE")
    /// The Dutch citizen service number (BSN) passing the elfproef.
    public static let nlBSN = DataClass("NL_BSN")
    /// Brazil's individual taxpayer number (CPF) with valid check digits.
    public static let brCPF = DataClass("BR_CPF")
    /// Brazil's company registration number (CNPJ) with valid check digits.
    public static let brCNPJ = DataClass("BR_CNPJ")
    /// India's Aadhaar number with a valid Verhoeff check digit.
    public static let inAadhaar = DataClass("IN_AADHAAR")
    /// India's permanent account number (PAN).
    public static let inPAN = DataClass("IN_PAN")
    /// Japan's individual number (My Number) with a valid check digit.
    public static let jpMyNumber = DataClass("JP_MY_NUMBER")
    /// China's resident identity card number with a valid birth date and MOD 11-2 check.
    public static let cnResidentID = DataClass("CN_RESIDENT_ID")
    /// South Korea's resident registration number.
    public static let krRRN = DataClass("KR_RRN")

    /// The national identity numbers among the built-in classes.
    public static let nationalIDs: [DataClass] = [
        .ukNationalInsurance, .ukNHSNumber, .deTaxID, .frNIR, .esDNI, .itFiscalCode, .nlBSN, .brCPF, .brCNPJ, .inAadhaar, .inPAN,
        .jpMyNumber, .cnResidentID, .krRRN,
    ]

    /// The built-in classes, in report order.
    public static let builtin: [DataClass] =
        [.email, .phone, .usSSN, .creditCard, .iban, .ipAddress, .dateOfBirth, .personName, .streetAddress, .passport, .secret]
        + nationalIDs
}
