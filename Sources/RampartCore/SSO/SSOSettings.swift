// SPDX-License-Identifier: Apache-2.0

/// A tenant's single sign-on settings.
package struct SSOSettings: Sendable, Equatable {
    /// When set, the tenant's users sign in only through an identity provider: password login is
    /// refused for them. API keys keep working, and the platform operator, who belongs to no
    /// tenant, always signs in with a password.
    package var ssoOnly: Bool

    package init(ssoOnly: Bool = false) { self.ssoOnly = ssoOnly }
}
