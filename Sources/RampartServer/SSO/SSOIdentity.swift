// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// Who a verified ID token says signed in, read through the provider's claim mapping.
package struct SSOIdentity: Sendable, Equatable {
    package var username: String
    package var email: String?
    package var displayName: String?
    package var groups: [String]

    /// - Throws: ``SSOFailure/missingUsername`` when the username claim is absent or not a valid
    ///   Rampart username; ``SSOFailure/domainNotAllowed`` or ``SSOFailure/unverifiedEmail`` when
    ///   the provider restricts e-mail domains and the token's e-mail does not qualify.
    package init(claims: JSONClaim, provider: SSOProvider) throws {
        guard let raw = claims[provider.usernameClaim]?.string, let username = try? Validation.username(raw) else {
            throw SSOFailure.missingUsername
        }
        self.username = username
        let email = claims[provider.emailClaim]?.string
        if !provider.allowedDomains.isEmpty {
            guard let email, let at = email.lastIndex(of: "@"),
                provider.allowedDomains.contains(String(email[email.index(after: at)...]).lowercased())
            else { throw SSOFailure.domainNotAllowed }
            // An unverified address proves nothing about the domain.
            if claims["email_verified"]?.bool == false { throw SSOFailure.unverifiedEmail }
        }
        self.email = email.flatMap { try? Validation.email($0) }
        self.displayName = claims["name"]?.string.flatMap { try? Validation.optionalText($0, field: "name", maximum: 200) }
        self.groups = claims[provider.groupsClaim]?.strings ?? []
    }
}
