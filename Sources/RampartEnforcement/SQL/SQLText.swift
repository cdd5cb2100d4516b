// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Quoting for the SQL the planner writes. Every name and value that reaches a statement goes
/// through here: identifiers come from the database's catalog and from tenants (role and group
/// names), and a name with a quote in it must stay one name.
package enum SQLText {
    /// `"name"`, with embedded double quotes doubled.
    package static func identifier(_ name: String) -> String {
        // Most names hold no quote: they are returned as they are, without a search and replace.
        guard name.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + name + "\"" }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `"schema"."name"`.
    package static func qualified(_ schema: String, _ name: String) -> String {
        identifier(schema) + "." + identifier(name)
    }

    /// `'value'`, with embedded single quotes doubled. The server runs with
    /// `standard_conforming_strings` on (the default since 9.1), so a backslash is an ordinary
    /// character; the applier checks that setting before it runs anything.
    package static func literal(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "'")) else { return "'" + value + "'" }
        return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `(a, b, c)` of quoted identifiers, sorted so that the same set always gives the same text.
    package static func columnList(_ columns: some Sequence<String>) -> String {
        "(" + columns.sorted().map(identifier).joined(separator: ", ") + ")"
    }

    /// PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1); names the planner derives
    /// are cut on a character boundary so the name it compares is the name the server keeps.
    package static func truncatedIdentifier(_ name: String) -> String {
        var result = ""
        var bytes = 0
        for character in name {
            let size = String(character).utf8.count
            guard bytes + size <= 63 else { break }
            result.append(character)
            bytes += size
        }
        return result
    }
}
