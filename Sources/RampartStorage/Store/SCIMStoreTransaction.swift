// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// The store operations SCIM provisioning needs, part of every ``StoreTransaction``.
///
/// Kept as its own protocol so the SCIM surface reads in one place; like the rest of the store,
/// every method names the tenant, including the token lookup: a token is only ever looked for
/// inside the tenant named by the URL, so tenant B's token is unknown at tenant A's endpoint.
package protocol SCIMStoreTransaction: Sendable {
    // MARK: Tokens
    func insertSCIMToken(_ token: SCIMToken) async throws
    func scimToken(id: String, in tenant: TenantID) async throws -> SCIMToken?
    func scimTokens(in tenant: TenantID, page: PageRequest) async throws -> Page<SCIMToken>
    func revokeSCIMToken(id: String, in tenant: TenantID, at: Int64) async throws -> Bool
    func touchSCIMToken(id: String, in tenant: TenantID, at: Int64) async throws

    // MARK: Attribute documents
    func scimDocument(_ kind: SCIMDocument.Kind, id: String, in tenant: TenantID) async throws -> SCIMDocument?
    func scimDocuments(_ kind: SCIMDocument.Kind, in tenant: TenantID) async throws -> [SCIMDocument]
    func scimDocuments(_ kind: SCIMDocument.Kind, externalID: String, in tenant: TenantID) async throws -> [SCIMDocument]
    /// Inserts or replaces the document of `document.resourceID`.
    func putSCIMDocument(_ document: SCIMDocument) async throws
    func deleteSCIMDocument(_ kind: SCIMDocument.Kind, id: String, in tenant: TenantID) async throws

    // MARK: Whole-tenant reads and locks for the SCIM views
    /// Every user of the tenant, oldest first (then by id): the stable order SCIM paging needs.
    func allUsers(in tenant: TenantID) async throws -> [User]
    /// Users whose username equals `username` ignoring ASCII case (SCIM `userName` is not case-exact).
    func users(usernameIgnoringCase username: String, in tenant: TenantID) async throws -> [User]
    /// Every group of the tenant, oldest first (then by id).
    func allGroups(in tenant: TenantID) async throws -> [Group]
    func groups(nameIgnoringCase name: String, in tenant: TenantID) async throws -> [Group]
    /// Every membership of the tenant, one query for a whole list page.
    func memberships(in tenant: TenantID) async throws -> [(group: GroupID, user: UserID)]
    func memberIDs(of group: GroupID, in tenant: TenantID) async throws -> [UserID]
    /// Locks the user or group row until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite
    /// transactions are already serial), so concurrent PATCHes of one resource apply one after
    /// the other instead of losing an update. Returns false when there is no such row.
    func lockSCIMSubject(_ kind: SCIMDocument.Kind, id: String, in tenant: TenantID) async throws -> Bool
}
