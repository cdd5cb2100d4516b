// SPDX-License-Identifier: Apache-2.0

/// The `path` of a PATCH operation (RFC 7644 §3.5.2):
///
///     PATH = attrPath / valuePath [subAttr]
///
/// such as `displayName`, `name.givenName`, `emails[type eq "work"].value`,
/// `members[value eq "2819c223"]`, `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`,
/// or a bare extension URN.
package struct SCIMPatchPath: Sendable, Hashable, CustomStringConvertible {
    /// The attribute path before any brackets (it may carry a sub-attribute when there are none).
    package var attribute: SCIMAttributePath
    /// The value filter inside the brackets.
    package var valueFilter: SCIMFilter?
    /// The sub-attribute after the brackets.
    package var subAttribute: String?

    /// Creates a path from its parts.
    package init(attribute: SCIMAttributePath, valueFilter: SCIMFilter? = nil, subAttribute: String? = nil) {
        self.attribute = attribute
        self.valueFilter = valueFilter
        self.subAttribute = subAttribute
    }

    package var description: String {
        guard let valueFilter else { return attribute.text }
        return "\(attribute.text)[\(valueFilter)]" + (subAttribute.map { "." + $0 } ?? "")
    }

    /// Parses a PATCH path.
    ///
    /// - Throws: ``SCIMError`` `invalidPath` for a malformed path, `invalidFilter` for a
    ///   malformed filter inside the brackets.
    package static func parse(_ text: String, limits: SCIMLimits = .default) throws(SCIMError) -> SCIMPatchPath {
        guard text.utf8.count <= max(limits.maxPathLength, limits.maxFilterLength) else {
            throw SCIMError(.invalidPath, "path longer than \(max(limits.maxPathLength, limits.maxFilterLength)) bytes")
        }
        let trimmed = String(text.trimmingSpaces)
        guard let open = trimmed.firstIndex(of: "[") else {
            guard let path = SCIMAttributePath.parse(trimmed) else {
                throw SCIMError(.invalidPath, "invalid path \(SCIMError.quote(trimmed))")
            }
            return SCIMPatchPath(attribute: path)
        }
        // The filter ends at the last `]`: string literals inside may hold brackets, the
        // sub-attribute after cannot.
        guard let close = trimmed.lastIndex(of: "]"), close > open else {
            throw SCIMError(.invalidPath, "unbalanced `[` in path \(SCIMError.quote(trimmed))")
        }
        guard let base = SCIMAttributePath.parse(trimmed[..<open]), base.subAttribute == nil else {
            throw SCIMError(.invalidPath, "invalid attribute before `[` in path \(SCIMError.quote(trimmed))")
        }
        var parser = try SCIMFilterParser(String(trimmed[trimmed.index(after: open)..<close]), limits: limits)
        let filter = try parser.parseValueFilter()
        let rest = trimmed[trimmed.index(after: close)...]
        var sub: String?
        if !rest.isEmpty {
            guard rest.first == ".", SCIMAttributePath.isAttributeName(rest.dropFirst()) else {
                throw SCIMError(.invalidPath, "invalid sub-attribute after `]` in path \(SCIMError.quote(trimmed))")
            }
            sub = String(rest.dropFirst())
        }
        return SCIMPatchPath(attribute: base, valueFilter: filter, subAttribute: sub)
    }
}
