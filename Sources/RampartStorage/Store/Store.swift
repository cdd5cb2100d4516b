// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore

/// Rampart's persistent state.
///
/// All access goes through a transaction, so every write is atomic and a handler that makes
/// several changes either makes all of them or none. Tenant scoping is part of every method's
/// signature: there is no way to ask a ``StoreTransaction`` for a tenant-owned record without
/// naming the tenant, except the two authentication entry points (a session by token hash, an API
/// key by id), whose results carry their tenant for the caller to bind.
package protocol Store: Sendable {
    var engine: DatabaseEngine { get }

    /// Runs `body` in a read-write transaction.
    func write<R: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> R) async throws -> R

    /// Runs `body` in a transaction that is not expected to write.
    func read<R: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) async throws -> R) async throws -> R

    /// A cheap round trip to the database, for readiness.
    func ping() async throws
}

/// The operations available inside one transaction.
package protocol StoreTransaction: SCIMStoreTransaction, SSOStoreTransaction {
    // MARK: Tenants (platform scope)
    func insertTenant(_ tenant: Tenant) async throws
    func tenant(id: TenantID) async throws -> Tenant?
    func tenant(slug: String) async throws -> Tenant?
    func tenants(page: PageRequest) async throws -> Page<Tenant>
    func updateTenant(_ tenant: Tenant) async throws

    // MARK: Operators (platform scope)
    func operatorCount() async throws -> Int
    func insertOperator(id: OperatorID, username: String, passwordHash: String, at: Int64) async throws
    func operatorCredentials(username: String) async throws -> (id: OperatorID, passwordHash: String)?
    func operatorUsername(id: OperatorID) async throws -> String?

    // MARK: Users
    func insertUser(_ user: User) async throws
    func user(_ id: UserID, in tenant: TenantID) async throws -> User?
    func user(username: String, in tenant: TenantID) async throws -> User?
    func users(in tenant: TenantID, page: PageRequest) async throws -> Page<User>
    func updateUser(_ user: User) async throws
    func deleteUser(_ id: UserID, in tenant: TenantID) async throws -> Bool

    // MARK: Groups
    func insertGroup(_ group: Group) async throws
    func group(_ id: GroupID, in tenant: TenantID) async throws -> Group?
    func group(name: String, in tenant: TenantID) async throws -> Group?
    func groups(in tenant: TenantID, page: PageRequest) async throws -> Page<Group>
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

    // MARK: Keyring
    func wrappedTenantKeys(_ tenant: TenantID) async throws -> [(version: Int, wrapped: String)]
    func allWrappedTenantKeys() async throws -> [(tenant: TenantID, version: Int, wrapped: String)]
    func insertWrappedTenantKey(_ tenant: TenantID, version: Int, wrapped: String, at: Int64) async throws
    func replaceWrappedTenantKey(_ tenant: TenantID, version: Int, wrapped: String) async throws

    // MARK: Tenant secrets (envelope-encrypted values)
    func putSecret(_ name: String, ciphertext: String, in tenant: TenantID, at: Int64) async throws
    func secret(_ name: String, in tenant: TenantID) async throws -> String?
    func secrets(in tenant: TenantID) async throws -> [(name: String, ciphertext: String)]

    // MARK: Policy services (Ranger JSON)
    /// Stores the service and returns its new version (1 for a new service).
    func putPolicyService(_ service: StoredPolicyService, in tenant: TenantID) async throws -> Int64
    func policyServiceVersion(_ name: String, in tenant: TenantID) async throws -> Int64?
    func policyService(_ name: String, in tenant: TenantID) async throws -> StoredPolicyService?

    // MARK: Audit log (tenant-scoped; the platform's own log lives under `TenantID.platform`)
    /// Appends `records` to `tenant`'s log in this transaction, assigning gapless sequence numbers
    /// and extending the Merkle tree; returns them as stored.
    func appendAudit(_ records: [AuditRecord], in tenant: TenantID, at now: Int64) async throws -> [StoredAuditRecord]
    /// The tree head of `tenant`'s log, or nil when it has no records.
    func auditHead(_ tenant: TenantID) async throws -> MerkleFrontier?
    func auditRecords(_ tenant: TenantID, query: AuditQuery) async throws -> [StoredAuditRecord]
    /// Records in stored order from `fromSeq`, for verification and export.
    func auditRecords(_ tenant: TenantID, fromSeq: Int64, limit: Int) async throws -> [StoredAuditRecord]
    func auditLeafHashes(_ tenant: TenantID, upTo size: Int64) async throws -> [MerkleHash]
    func insertAuditCheckpoint(_ checkpoint: SignedCheckpoint) async throws
    func auditCheckpoints(_ tenant: TenantID) async throws -> [SignedCheckpoint]
    func latestAuditCheckpoint(_ tenant: TenantID) async throws -> SignedCheckpoint?
    /// Every log with its size and the size of its newest checkpoint.
    func auditTenants() async throws -> [(tenant: TenantID, size: Int64, checkpointed: Int64)]
    func insertAuditSigningKey(_ key: AuditSigningKeyRecord) async throws
    func auditSigningKeys(_ tenant: TenantID) async throws -> [AuditSigningKeyRecord]
    func allAuditSigningKeys() async throws -> [AuditSigningKeyRecord]
    func replaceAuditSigningKeyWrapping(_ tenant: TenantID, keyID: String, wrappedPrivateKey: String) async throws
    func auditExportCursor(sink: String, tenant: TenantID) async throws -> Int64
    func setAuditExportCursor(sink: String, tenant: TenantID, seq: Int64, at now: Int64) async throws

    // MARK: Server settings
    func setting(_ name: String) async throws -> String?
    func setSetting(_ name: String, value: String) async throws
}
