// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The `details` of an audit record: a small JSON object of non-secret facts, with sorted keys so
/// the same facts always give the same bytes.
package enum AuditDetails {
    package static func json(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(fields.mapValues { String($0.prefix(256)) }) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
