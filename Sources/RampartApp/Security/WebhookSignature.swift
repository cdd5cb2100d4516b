// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartCore

/// The `X-Rampart-Signature` header of a webhook delivery: `sha256=` and the hex HMAC-SHA256 of
/// the exact body bytes, keyed with the rule's secret (shown once when the rule was created).
///
/// Receivers recompute it over the raw body and compare in constant time. The body carries the
/// delivery id and the event's time, so a receiver can also refuse replays.
package enum WebhookSignature {
    package static let headerName = "X-Rampart-Signature"

    package static func header(body: [UInt8], secret: Secret<[UInt8]>) -> String {
        let mac = secret.withValue { HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: $0)) }
        return "sha256=" + Hex.lowercase(mac)
    }

    /// The envelope purpose the rule's secret is encrypted under, bound to the rule.
    package static func purpose(ruleID: String) -> String { "alert-webhook:\(ruleID)" }
}
