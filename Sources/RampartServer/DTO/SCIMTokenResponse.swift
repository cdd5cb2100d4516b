// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartCore

/// A SCIM token as the admin API shows it. `token` and `scimBaseUrl` are only in the creation
/// response: the secret is shown once.
package struct SCIMTokenResponse: Codable, Sendable {
    package var id: String
    package var name: String
    package var createdBy: String?
    package var createdAt: String
    package var lastUsedAt: String?
    package var revokedAt: String?
    /// `<id>.<secret>`, the value the identity provider sends as `Authorization: Bearer …`.
    package var token: String?
    /// The tenant's SCIM base URL, to paste into the identity provider with the token.
    package var scimBaseUrl: String?

    package init(_ token: SCIMToken, secret: Secret<String>? = nil, baseURL: String? = nil) {
        id = token.id
        name = token.name
        createdBy = token.createdBy?.rawValue
        createdAt = Timestamp.rfc3339(milliseconds: token.createdAt)
        lastUsedAt = token.lastUsedAt.map(Timestamp.rfc3339(milliseconds:))
        revokedAt = token.revokedAt.map(Timestamp.rfc3339(milliseconds:))
        self.token = secret.map { "\(token.id).\($0.exposedValue)" }
        scimBaseUrl = baseURL
    }
}
