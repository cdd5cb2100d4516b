// SPDX-License-Identifier: Apache-2.0

/// A parsed PATCH request (RFC 7644 §3.5.2).
package struct SCIMPatchRequest: Sendable, Hashable {
    /// A PATCH operation kind. Names are read ignoring case: Entra sends `Add`, `Replace`,
    /// `Remove`.
    package enum Op: String, Sendable, Hashable, CaseIterable {
        /// Add values (RFC 7644 §3.5.2.1).
        case add
        /// Replace values (§3.5.2.3).
        case replace
        /// Remove values (§3.5.2.2).
        case remove
    }

    /// One operation.
    package struct Operation: Sendable, Hashable {
        /// The kind.
        package var op: Op
        /// The target; `nil` for path-less `add`/`replace`, whose value object lists attributes.
        package var path: SCIMPatchPath?
        /// The value; absent for most removes.
        package var value: SCIMValue?

        /// Creates an operation.
        package init(op: Op, path: SCIMPatchPath? = nil, value: SCIMValue? = nil) {
            self.op = op
            self.path = path
            self.value = value
        }
    }

    /// The operations, applied in order.
    package var operations: [Operation]

    /// Creates a request.
    package init(operations: [Operation]) {
        self.operations = operations
    }

    /// Reads a PatchOp body: `schemas` must list the PatchOp URN, `Operations` must be a
    /// non-empty array of objects with `op`, optional `path` (a JSON `null` counts as absent)
    /// and `value`. Member names are read ignoring case.
    ///
    /// - Throws: ``SCIMError`` `invalidSyntax` for a malformed message or unknown `op`,
    ///   `invalidPath` / `invalidFilter` for a malformed path, `payloadTooLarge` for more than
    ///   `limits.maxPatchOperations` operations.
    package static func parse(_ body: SCIMValue, limits: SCIMLimits = .default) throws(SCIMError) -> SCIMPatchRequest {
        guard case .object(let o) = body else { throw SCIMError(.invalidSyntax, "a PatchOp must be a JSON object") }
        guard case .array(let schemas)? = o.value(forAttribute: "schemas"),
            schemas.contains(where: { $0.stringValue.map { scimNamesEqual($0, SCIMURN.patchOp) } ?? false })
        else {
            throw SCIMError(.invalidSyntax, "`schemas` must contain \(SCIMURN.patchOp)")
        }
        guard case .array(let list)? = o.value(forAttribute: "Operations"), !list.isEmpty else {
            throw SCIMError(.invalidSyntax, "`Operations` must be a non-empty array")
        }
        guard list.count <= limits.maxPatchOperations else {
            throw SCIMError(.payloadTooLarge, "more than \(limits.maxPatchOperations) operations")
        }
        var operations: [Operation] = []
        operations.reserveCapacity(list.count)
        for (i, element) in list.enumerated() {
            guard case .object(let item) = element else { throw SCIMError(.invalidSyntax, "operation \(i + 1) is not an object") }
            guard let name = item.value(forAttribute: "op")?.stringValue,
                let op = Op.allCases.first(where: { scimNamesEqual($0.rawValue, name.trimmingSpaces.description) })
            else {
                throw SCIMError(.invalidSyntax, "operation \(i + 1): `op` must be `add`, `replace` or `remove`")
            }
            var path: SCIMPatchPath?
            switch item.value(forAttribute: "path") {
            case nil, .null?:
                path = nil
            case .string(let s)?:
                path = s.trimmingSpaces.isEmpty ? nil : try SCIMPatchPath.parse(s, limits: limits)
            default:
                throw SCIMError(.invalidPath, "operation \(i + 1): `path` must be a string")
            }
            operations.append(Operation(op: op, path: path, value: item.value(forAttribute: "value")))
        }
        return SCIMPatchRequest(operations: operations)
    }
}
