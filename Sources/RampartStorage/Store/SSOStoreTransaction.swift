// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// The store operations OpenID Connect single sign-on needs, part of every ``StoreTransaction``.
package protocol SSOStoreTransaction: Sendable {
    // MARK: Providers
    func insertSSOProvider(_ provider: SSOProvider) async throws
    func updateSSOProvider(_ provider: SSOProvider) async throws
    func ssoProvider(id: String, in tenant: TenantID) async throws -> SSOProvider?
    func ssoProvider(name: String, in tenant: TenantID) async throws -> SSOProvider?
    func ssoProviders(in tenant: TenantID, page: PageRequest) async throws -> Page<SSOProvider>
    func deleteSSOProvider(id: String, in tenant: TenantID) async throws -> Bool

    // MARK: Sign-ins in progress
    func insertSSOLoginState(_ state: SSOLoginState) async throws
    /// Authentication entry point: removes and returns the sign-in whose state hashes to
    /// `stateHash`, so a state can complete at most one sign-in.
    func consumeSSOLoginState(stateHash: String) async throws -> SSOLoginState?
    func deleteExpiredSSOLoginStates(now: Int64) async throws -> Int

    // MARK: Identity links
    /// The link of the identity (`issuer`, `subject`) in `tenant`, whichever provider made it.
    func ssoIdentityLink(issuer: String, subject: String, in tenant: TenantID) async throws -> SSOIdentityLink?
    /// The links of `user`, oldest first.
    func ssoIdentityLinks(user: UserID, in tenant: TenantID) async throws -> [SSOIdentityLink]
    func insertSSOIdentityLink(_ link: SSOIdentityLink) async throws
    /// Removes the link `provider` made for `user`; whether there was one.
    func deleteSSOIdentityLink(provider: String, user: UserID, in tenant: TenantID) async throws -> Bool
    /// Records a sign-in through the link.
    func touchSSOIdentityLink(issuer: String, subject: String, in tenant: TenantID, at: Int64) async throws

    // MARK: Settings
    func ssoSettings(_ tenant: TenantID) async throws -> SSOSettings
    func setSSOSettings(_ settings: SSOSettings, in tenant: TenantID, at: Int64) async throws

    /// Removes the tenant secret `name` (a deleted provider's client secret).
    func deleteSecret(_ name: String, in tenant: TenantID) async throws
}
