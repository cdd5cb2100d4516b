// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The 10,000 most common passwords, lowercased, shipped as a resource of this target.
///
/// The list is Django's `common-passwords.txt` (BSD licence, derived from Royce Williams' list),
/// cut to its first 10,000 distinct entries.
package struct CommonPasswords: Sendable {
    private let entries: Set<String>

    package init(entries: Set<String>) { self.entries = entries }

    package var count: Int { entries.count }

    package func contains(_ loweredPassword: String) -> Bool { entries.contains(loweredPassword) }

    /// Loaded once, on first use.
    package static let shared: CommonPasswords = {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            // A build without the resource is broken; failing closed (an empty list) would silently
            // weaken the policy, so refuse loudly instead.
            preconditionFailure("common-passwords.txt resource missing from the RampartCore bundle")
        }
        return CommonPasswords(entries: Set(text.split(whereSeparator: \.isNewline).map { $0.lowercased() }))
    }()
}
