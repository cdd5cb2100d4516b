/// The labels a corpus gives its columns, one set per class, shared by every corpus (each wrote
/// the same eight sets before).
protocol EvalLabels {}

extension EvalLabels {
    static var name: Set<String> { ["PERSON_NAME"] }
    static var phone: Set<String> { ["PHONE"] }
    static var address: Set<String> { ["STREET_ADDRESS"] }
    static var dob: Set<String> { ["DATE_OF_BIRTH"] }
    static var email: Set<String> { ["EMAIL"] }
    static var iban: Set<String> { ["IBAN"] }
    static var card: Set<String> { ["CREDIT_CARD"] }
    static var ip: Set<String> { ["IP_ADDRESS"] }
}
