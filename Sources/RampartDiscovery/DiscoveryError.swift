/// An error from discovery: a malformed input file or an invalid custom classifier.
///
/// ``code`` is stable and safe to match on and to show to API clients; ``message`` is for
/// humans and may change.
public struct DiscoveryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable error code (a struct over a private enum, so codes can be added without
    /// breaking exhaustive switches in callers).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case malformedCSV = "discovery.malformed_csv"
            case malformedJSON = "discovery.malformed_json"
            case invalidPattern = "discovery.invalid_pattern"
            case unknownValidator = "discovery.unknown_validator"
            case invalidDefinition = "discovery.invalid_definition"
        }

        private let value: Value

        /// A CSV document broke RFC 4180 (an unterminated quoted field, text after a closing quote).
        public static var malformedCSV: Self { .init(value: .malformedCSV) }
        /// A JSON Lines document held a line that is not a JSON object.
        public static var malformedJSON: Self { .init(value: .malformedJSON) }
        /// A custom classifier's pattern is not valid or uses an unsupported construct.
        public static var invalidPattern: Self { .init(value: .invalidPattern) }
        /// A custom classifier names a validator that does not exist.
        public static var unknownValidator: Self { .init(value: .unknownValidator) }
        /// A custom classifier definition is otherwise invalid (empty id, threshold out of range).
        public static var invalidDefinition: Self { .init(value: .invalidDefinition) }

        /// The stable string form, e.g. `"discovery.malformed_csv"`.
        public var description: String { value.rawValue }
    }

    /// What went wrong, stable.
    public var code: Code
    /// What went wrong, for humans.
    public var message: String
    /// The 1-based line of the input the error is about, when there is one.
    public var line: Int?

    public init(_ code: Code, _ message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }

    public var description: String {
        if let line { return "\(code) (line \(line)): \(message)" }
        return "\(code): \(message)"
    }
}
