// SPDX-License-Identifier: Apache-2.0

/// An attribute path as RFC 7644 §3.10 spells it: an optional schema URN, an attribute name and
/// an optional sub-attribute, such as `name.givenName` or
/// `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`.
///
/// Parsing is purely syntactic; ``SCIMResourceType/resolve(_:)`` finds what the path names.
package struct SCIMAttributePath: Sendable, Hashable, CustomStringConvertible {
    /// The schema URN prefix, when one was written.
    package var schemaURN: String?
    /// The attribute name, as written.
    package var attribute: String
    /// The sub-attribute name, as written.
    package var subAttribute: String?
    /// The whole path as written, which may be a bare schema URN.
    package var text: String

    /// Creates a path from its parts.
    package init(schemaURN: String? = nil, attribute: String, subAttribute: String? = nil) {
        self.schemaURN = schemaURN
        self.attribute = attribute
        self.subAttribute = subAttribute
        var t = schemaURN.map { $0 + ":" } ?? ""
        t += attribute
        if let subAttribute { t += "." + subAttribute }
        self.text = t
    }

    package var description: String { text }

    /// Parses `text`. Returns `nil` when it is not an attribute path.
    ///
    /// A URN prefix ends at the last `:`, since attribute names never contain one; this keeps
    /// the dots of `…:2.0:User:` out of the attribute part.
    package static func parse(_ text: some StringProtocol) -> SCIMAttributePath? {
        let full = String(text)
        guard !full.isEmpty, full.utf8.count <= 4096 else { return nil }
        var urn: String?
        var rest = Substring(full)
        if full.utf8.count > 4, scimNamesEqual(String(full.prefix(4)), "urn:") {
            guard let colon = full.lastIndex(of: ":") else { return nil }
            urn = String(full[..<colon])
            rest = full[full.index(after: colon)...]
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        guard parts.allSatisfy(isAttributeName) else { return nil }
        var path = SCIMAttributePath(schemaURN: urn, attribute: String(parts[0]), subAttribute: parts.count == 2 ? String(parts[1]) : nil)
        path.text = full
        return path
    }

    /// Whether `name` is an attribute name: RFC 7643 §2.1's `ATTRNAME`, plus `$ref`.
    static func isAttributeName(_ name: Substring) -> Bool {
        guard let first = name.utf8.first else { return false }
        if name == "$ref" { return true }
        guard isAlpha(first) else { return false }
        return name.utf8.allSatisfy { isAlpha($0) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 }
    }

    private static func isAlpha(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
}
