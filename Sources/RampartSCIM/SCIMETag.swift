// SPDX-License-Identifier: Apache-2.0

/// Weak entity tags for resource versions and the `If-Match` / `If-None-Match` checks
/// (RFC 7644 §3.14, RFC 9110 §13.1).
///
/// Versions are weak (`W/"7"`): two versions with equal JSON are equivalent, not byte-identical.
/// Matching uses weak comparison, so `W/"7"` and `"7"` name the same version.
package enum SCIMETag {
    /// The weak ETag of a version number: `W/"7"`.
    package static func weak(version: Int) -> String { "W/\"\(version)\"" }

    /// Whether a write may proceed under an `If-Match` header.
    ///
    /// No header, or `*`, always matches: If-Match is optional for clients (Okta and Entra never
    /// send it). Otherwise one listed tag must equal the current version.
    package static func ifMatch(_ header: String?, version: Int) -> Bool {
        guard let header, !header.trimmingSpaces.isEmpty else { return true }
        return listed(header, version: version)
    }

    /// Whether a read should answer 304 Not Modified under an `If-None-Match` header: some
    /// listed tag (or `*`) is the current version.
    package static func ifNoneMatchIsSatisfied(_ header: String?, version: Int) -> Bool {
        guard let header, !header.trimmingSpaces.isEmpty else { return false }
        return listed(header, version: version)
    }

    /// Checks `If-Match` and throws the error a server returns when it fails.
    ///
    /// - Throws: ``SCIMError`` `preconditionFailed` (412).
    package static func requireMatch(_ header: String?, version: Int) throws(SCIMError) {
        guard ifMatch(header, version: version) else {
            throw SCIMError(.preconditionFailed, "the resource changed: its version is \(weak(version: version))")
        }
    }

    private static func listed(_ header: String, version: Int) -> Bool {
        let wanted = String(version)
        for raw in header.split(separator: ",") {
            var tag = Substring(raw)
            while tag.first == " " || tag.first == "\t" { tag = tag.dropFirst() }
            while tag.last == " " || tag.last == "\t" { tag = tag.dropLast() }
            if tag == "*" { return true }
            if tag.hasPrefix("W/") || tag.hasPrefix("w/") { tag = tag.dropFirst(2) }
            if tag.count >= 2, tag.first == "\"", tag.last == "\"" { tag = tag.dropFirst().dropLast() }
            if tag == wanted { return true }
        }
        return false
    }
}
