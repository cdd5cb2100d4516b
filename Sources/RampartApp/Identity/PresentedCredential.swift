// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// A credential a caller presented, read off its request but not yet checked.
package enum PresentedCredential: Sendable {
    /// A session token (`Bearer <token>`).
    case sessionToken(Secret<String>)
    /// An API key (`Bearer <key id>.<secret>` or `Basic base64(<key id>:<secret>)`).
    case apiKey(id: String, secret: Secret<String>)
}
