// SPDX-License-Identifier: Apache-2.0

/// A JSON value together with its path in the document, read strictly.
///
/// The model types read Ranger JSON tolerantly (a mistyped field becomes its default), which is
/// right for foreign exports but would hide mistakes in what an administrator submits. Validation
/// reads through this type instead, so every wrong type is reported with the field's path.
struct JSONField {
    /// `nil` when the member is absent or `null`.
    let value: JSONValue?
    let path: String

    init(_ value: JSONValue?, path: String = "") {
        self.value = value.flatMap { $0.isNull ? nil : $0 }
        self.path = path
    }

    subscript(key: String) -> JSONField {
        JSONField(value?[key], path: path.isEmpty ? key : "\(path).\(key)")
    }

    var isPresent: Bool { value != nil }

    func error(_ message: String, code: PolicyError.Code = .invalidField) -> PolicyError {
        PolicyError(code: code, message: message, field: path.isEmpty ? nil : path)
    }

    func object() throws(PolicyError) -> [String: JSONValue]? {
        guard let value else { return nil }
        guard case .object(let members) = value else { throw error("must be an object") }
        return members
    }

    func requireObject() throws(PolicyError) -> [String: JSONValue] {
        guard let members = try object() else { throw error("is required") }
        return members
    }

    /// The members of an object as fields, sorted by key so that the first error is stable.
    func members() throws(PolicyError) -> [(key: String, field: JSONField)] {
        guard let members = try object() else { return [] }
        return members.keys.sorted().map { ($0, self[$0]) }
    }

    func string(maximumLength: Int = 4096) throws(PolicyError) -> String? {
        guard let value else { return nil }
        guard case .string(let text) = value else { throw error("must be a string") }
        guard text.count <= maximumLength else { throw error("must be at most \(maximumLength) characters") }
        return text
    }

    func requireName(maximumLength: Int = 255) throws(PolicyError) -> String {
        guard let text = try string(maximumLength: maximumLength) else { throw error("is required") }
        guard !text.trimmingSpaces.isEmpty else { throw error("must not be empty") }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw error("must not contain control characters")
        }
        return text
    }

    func bool() throws(PolicyError) -> Bool? {
        guard let value else { return nil }
        guard case .bool(let flag) = value else { throw error("must be a boolean") }
        return flag
    }

    func integer() throws(PolicyError) -> Int64? {
        guard let value else { return nil }
        guard case .number(let number) = value, let integer = Int64(exactly: number) else { throw error("must be an integer") }
        return integer
    }

    func array() throws(PolicyError) -> [JSONField] {
        guard let value else { return [] }
        guard case .array(let elements) = value else { throw error("must be an array") }
        return elements.indices.map { JSONField(elements[$0], path: "\(path)[\($0)]") }
    }

    func strings() throws(PolicyError) -> [String] {
        var out: [String] = []
        for element in try array() {
            guard let text = try element.string() else { throw element.error("must be a string") }
            out.append(text)
        }
        return out
    }

    /// Names in an array of strings or of `{"name": ...}` objects (Ranger role members).
    func memberNames() throws(PolicyError) -> [(name: String, field: JSONField)] {
        var out: [(String, JSONField)] = []
        for element in try array() {
            if case .string(let name)? = element.value {
                out.append((name, element))
            } else {
                out.append((try element["name"].requireName(), element["name"]))
                _ = try element["isAdmin"].bool()
            }
        }
        return out
    }
}

extension String {
    var trimmingSpaces: String { trimSpaces(self) }
}
