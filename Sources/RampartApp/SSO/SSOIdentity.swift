// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// Who a verified ID token says signed in, read through the provider's claim mapping.
package struct SSOIdentity: Sendable, Equatable {
    /// The token's `iss` and `sub`: who this is, for good (the other claims may change).
    package var issuer: String
    package var subject: String
    package var username: String
    package var email: String?
    package var displayName: String?
    package var groups: [String]

    /// - Throws: ``SSOFailure/missingUsername`` when the username claim is absent or not a valid
    ///   Rampart username; ``SSOFailure/domainNotAllowed`` or ``SSOFailure/unverifiedEmail`` when
    ///   the provider restricts e-mail domains and the token's e-mail does not qualify.
    ///   ``SSOFailure/missingSubject`` when `iss` or `sub` is absent or `sub` is longer than the
    ///   255 ASCII characters OpenID Connect Core §2 allows.
    package init(claims: JSONClaim, provider: SSOProvider) throws {
        guard let issuer = claims["iss"]?.string, !issuer.isEmpty, issuer.utf8.count <= 2048, let subject = claims["sub"]?.string,
            (1...255).contains(subject.utf8.count)
        else { throw SSOFailure.missingSubject }
        self.issuer = issuer
        self.subject = subject
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
