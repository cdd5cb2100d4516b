// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore

/// A tenant's users, groups, API keys and sessions.
package protocol IdentityStoreTransaction: Sendable {
    // MARK: Users
    func insertUser(_ user: User) async throws
    func user(_ id: UserID, in tenant: TenantID) async throws -> User?
    func user(username: String, in tenant: TenantID) async throws -> User?
    func users(in tenant: TenantID, page: PageRequest) async throws -> Page<User>
    /// Users whose username starts with `prefix` (ignoring ASCII case), in id order.
    func users(in tenant: TenantID, usernamePrefix prefix: String, page: PageRequest) async throws -> Page<User>
    func updateUser(_ user: User) async throws
    func deleteUser(_ id: UserID, in tenant: TenantID) async throws -> Bool

    // MARK: Groups
    func insertGroup(_ group: Group) async throws
    func group(_ id: GroupID, in tenant: TenantID) async throws -> Group?
    func group(name: String, in tenant: TenantID) async throws -> Group?
    func groups(in tenant: TenantID, page: PageRequest) async throws -> Page<Group>
    /// Groups whose name starts with `prefix` (ignoring ASCII case), in id order.
    func groups(in tenant: TenantID, namePrefix prefix: String, page: PageRequest) async throws -> Page<Group>
    func updateGroup(_ group: Group) async throws
    func deleteGroup(_ id: GroupID, in tenant: TenantID) async throws -> Bool
    func addMember(_ user: UserID, to group: GroupID, in tenant: TenantID, at: Int64) async throws -> Bool
    func removeMember(_ user: UserID, from group: GroupID, in tenant: TenantID) async throws -> Bool
    func members(of group: GroupID, in tenant: TenantID, page: PageRequest) async throws -> Page<User>
    func groups(of user: UserID, in tenant: TenantID) async throws -> [Group]

    // MARK: API keys
    func insertApiKey(_ key: ApiKey) async throws
    /// Authentication entry point: the key with this id in whatever tenant holds it.
    func apiKeyForAuthentication(id: String) async throws -> ApiKey?
    func apiKey(id: String, in tenant: TenantID) async throws -> ApiKey?
    func apiKeys(in tenant: TenantID, owner: UserID?, page: PageRequest) async throws -> Page<ApiKey>
    func revokeApiKey(id: String, in tenant: TenantID, at: Int64) async throws -> Bool
    func touchApiKey(id: String, in tenant: TenantID, at: Int64) async throws

    // MARK: Sessions
    func insertSession(_ session: Session) async throws
    /// Authentication entry point: the session whose token hashes to `tokenHash`.
    func sessionForAuthentication(tokenHash: String) async throws -> Session?
    func touchSession(_ id: SessionID, in tenant: TenantID, lastSeenAt: Int64, idleExpiresAt: Int64) async throws
    func deleteSession(_ id: SessionID, in tenant: TenantID) async throws -> Bool
    func deleteSessions(subjectID: String, in tenant: TenantID) async throws -> Int
    func deleteExpiredSessions(now: Int64) async throws -> Int
    /// The subject's sessions, newest first.
    func sessions(subjectID: String, in tenant: TenantID) async throws -> [Session]
    /// Ends every session of the subject except `keep`; returns how many ended.
    func deleteSessions(subjectID: String, in tenant: TenantID, except keep: SessionID) async throws -> Int
}
