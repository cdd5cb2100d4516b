// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartCore

/// A user's link to an identity at an OpenID provider, as the admin API shows it.
package struct SSOIdentityLinkResponse: Codable, Sendable {
    package var providerId: String
    package var issuer: String
    package var subject: String
    package var createdAt: String
    package var lastLoginAt: String

    package init(_ link: SSOIdentityLink) {
        providerId = link.providerID
        issuer = link.issuer
        subject = link.subject
        createdAt = Timestamp.rfc3339(milliseconds: link.createdAt)
        lastLoginAt = Timestamp.rfc3339(milliseconds: link.lastLoginAt)
    }
}
