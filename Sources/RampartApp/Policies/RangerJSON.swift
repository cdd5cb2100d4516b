// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import RampartPolicy

/// Ranger JSON in and out of the policy-administration API.
package enum RangerJSON {
    /// Parses a request body; anything but a JSON object is a 400 `malformed-json`.
    package static func object(_ data: Data) throws -> JSONValue {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data), value.objectValue != nil else {
            throw RampartError(.malformedJSON, "request body must be a JSON object")
        }
        return value
    }

    /// A validation error of the engine as a 422 problem naming the field; `prefix` locates the
    /// document inside the request (`policies[3]` in an import).
    package static func problem(_ error: PolicyError, prefix: String = "") -> RampartError {
        let field: String? =
            switch (prefix.isEmpty, error.field) {
            case (true, let field): field
            case (false, nil): prefix
            case (false, let field?): "\(prefix).\(field)"
            }
        return RampartError.validation(error.message, field: field ?? "")
    }

    /// Runs a validation, turning its error into a 422 problem.
    package static func validated<T>(prefix: String = "", _ body: () throws(PolicyError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw problem(error, prefix: prefix)
        }
    }

    /// The stored form of a model value: sorted keys, so equal objects are equal text, plus fields
    /// the model does not carry (Ranger's `version` on every object).
    package static func document<T: Encodable>(_ value: T, adding extra: [String: JSONValue] = [:]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        if !extra.isEmpty, case .object(var members) = try JSONDecoder().decode(JSONValue.self, from: data) {
            members.merge(extra) { _, new in new }
            data = try encoder.encode(JSONValue.object(members))
        }
        return String(decoding: data, as: UTF8.self)
    }

    package static func decode<T: Decodable>(_ type: T.Type, _ document: String) throws -> T {
        do {
            return try PolicyLoader.decode(T.self, from: Data(document.utf8))
        } catch {
            throw RampartError(.storage, "stored \(T.self) does not decode: \(error.message)")
        }
    }
}
