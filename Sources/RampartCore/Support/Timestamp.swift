// SPDX-License-Identifier: Apache-2.0

import Foundation

/// RFC 3339 rendering of stored Unix-millisecond times for API responses.
package enum Timestamp {
    package static func rfc3339(milliseconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
