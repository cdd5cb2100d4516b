// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// The comment Rampart puts on every object it creates, naming the tenant and datasource it
/// belongs to and a digest of the definition it was created with.
///
/// Ownership is read from this comment alone: an object without it is never altered or dropped,
/// whatever its name, and an object of another datasource is left to that datasource's sync.
/// The digest lets a plan see that an object is already as wanted without parsing SQL back.
package struct OwnershipMarker: Sendable, Hashable {
    package var tenant: String
    package var datasource: String

    package init(tenant: String, datasource: String) {
        self.tenant = tenant
        self.datasource = datasource
    }

    static let prefix = "rampart-managed"

    /// `rampart-managed tenant=<t> datasource=<d> [notes] digest=<hex>`; `notes` are words the
    /// planner reads back (``notes(in:)``), such as what it switched on and must switch off.
    package func comment(digest: String, notes: [String] = []) -> String {
        (["\(Self.prefix) tenant=\(tenant) datasource=\(datasource)"] + notes + ["digest=\(digest)"]).joined(separator: " ")
    }

    /// The notes of an owned comment.
    package func notes(in comment: String?) -> Set<String> {
        guard owns(comment), let comment else { return [] }
        return Set(comment.split(separator: " ").dropFirst(3).map(String.init).filter { !$0.hasPrefix("digest=") })
    }

    /// Whether `comment` is this datasource's marker.
    package func owns(_ comment: String?) -> Bool {
        guard let comment else { return false }
        return comment.hasPrefix("\(Self.prefix) tenant=\(tenant) datasource=\(datasource) ")
    }

    /// Whether `comment` is any Rampart marker (another datasource's object is not foreign, but
    /// not ours to change either).
    package static func isMarker(_ comment: String?) -> Bool { comment?.hasPrefix(prefix + " ") ?? false }

    /// The digest in an owned comment, `nil` when there is none.
    package func digest(in comment: String?) -> String? {
        guard owns(comment), let comment, let range = comment.range(of: " digest=") else { return nil }
        return String(comment[range.upperBound...])
    }

    /// A short stable digest of `definition` (SHA-256, first 16 bytes in hex).
    package static func digest(_ definition: String) -> String {
        SHA256.hash(data: Array(definition.utf8)).prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
