// SPDX-License-Identifier: Apache-2.0

/// An error raised while loading or compiling policy data.
///
/// The ``code`` is stable and meant for programs; the ``message`` is for humans.
public struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable error code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let raw: String
        private init(_ raw: String) { self.raw = raw }

        /// The input was not valid JSON (or not the expected JSON shape).
        public static let invalidJSON = Code("invalid_json")
        /// A required field was missing or had the wrong type.
        public static let invalidModel = Code("invalid_model")
        /// The service definition is unusable (for example, no resources).
        public static let invalidServiceDef = Code("invalid_service_def")
        /// A policy refers to something the service definition does not define.
        public static let invalidPolicy = Code("invalid_policy")
        /// A field has the wrong JSON type or an impossible value.
        public static let invalidField = Code("invalid_field")

        public var description: String { raw }
    }

    /// The stable error code.
    public let code: Code
    /// A lower-case human-readable message; user input appears in backticks.
    public let message: String
    /// The offending field as a path into the document (`resources.database`,
    /// `policyItems[0].accesses[1].type`), when the error is about one field.
    public let field: String?

    /// Creates an error.
    public init(code: Code, message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { field.map { "\(code): \($0): \(message)" } ?? "\(code): \(message)" }
}
