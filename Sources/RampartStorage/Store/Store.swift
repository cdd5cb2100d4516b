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
package protocol StoreTransaction: SCIMStoreTransaction, SSOStoreTransaction, DiscoveryStoreTransaction {
    // MARK: Tenants (platform scope)
    func insertTenant(_ tenant: Tenant) async throws
    func tenant(id: TenantID) async throws -> Tenant?
    func tenant(slug: String) async throws -> Tenant?
    func tenants(page: PageRequest) async throws -> Page<Tenant>
    func updateTenant(_ tenant: Tenant) async throws
    /// The directory the operator mapped the tenant's file datasources to, if any.
    func tenantDatasourceRoot(_ tenant: TenantID) async throws -> String?
    /// Maps (or, with `nil`, unmaps) the tenant's file datasources to a directory.
    func setTenantDatasourceRoot(_ root: String?, for tenant: TenantID) async throws

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
    /// The subject's sessions, newest first.
    func sessions(subjectID: String, in tenant: TenantID) async throws -> [Session]
    /// Ends every session of the subject except `keep`; returns how many ended.
    func deleteSessions(subjectID: String, in tenant: TenantID, except keep: SessionID) async throws -> Int

    // MARK: Two-factor login (the operator's rows live under `TenantID.platform`)
    func totpCredential(subjectID: String, in tenant: TenantID) async throws -> TOTPCredential?
    /// Inserts or replaces the subject's authenticator.
    func putTOTPCredential(_ credential: TOTPCredential) async throws
    /// Accepts time step `step` only if it is newer than the last accepted one, atomically, so two
    /// requests racing with the same code cannot both succeed. Returns whether it was accepted.
    func consumeTOTPStep(_ step: Int64, subjectID: String, in tenant: TenantID) async throws -> Bool
    /// Removes the authenticator, recovery codes and open challenges of the subject.
    func deleteMFA(subjectID: String, in tenant: TenantID) async throws -> Bool
    /// Every authenticator sealed under the master key (the operator's), for master-key rewrap.
    func platformTOTPCredentials() async throws -> [TOTPCredential]
    /// Replaces the subject's recovery codes with `hashes` (all keyed by `salt`).
    func replaceRecoveryCodes(subjectID: String, in tenant: TenantID, salt: String, hashes: [String], at now: Int64) async throws
    /// The salt and hashes of the subject's unused recovery codes; `nil` when none are left.
    func recoveryCodes(subjectID: String, in tenant: TenantID) async throws -> (salt: String, hashes: [String])?
    /// Deletes one recovery code; `false` if it was already used (a concurrent request won).
    func consumeRecoveryCode(hash: String, subjectID: String, in tenant: TenantID) async throws -> Bool
    func insertMFAChallenge(_ challenge: MFAChallenge) async throws
    /// Entry point of the second login step: the challenge whose token hashes to `tokenHash`.
    func mfaChallenge(tokenHash: String) async throws -> MFAChallenge?
    /// Counts one wrong code against the challenge; returns the new count.
    func recordMFAChallengeFailure(id: String, in tenant: TenantID) async throws -> Int
    /// Deletes the challenge; `false` if it was gone already (used by a concurrent request).
    func deleteMFAChallenge(id: String, in tenant: TenantID) async throws -> Bool
    func deleteExpiredMFAChallenges(now: Int64) async throws -> Int

    // MARK: Known devices, networks and addresses
    /// Records that `subjectID` was seen with `value`; returns `true` the first time only.
    func rememberSource(_ kind: KnownSourceKind, _ value: String, subjectID: String, in tenant: TenantID, at now: Int64) async throws -> Bool
    func isKnownSource(_ kind: KnownSourceKind, _ value: String, subjectID: String, in tenant: TenantID) async throws -> Bool

    // MARK: Security events, settings and alerting
    func insertSecurityEvent(_ event: SecurityEvent) async throws
    func securityEvents(in tenant: TenantID, query: SecurityEventQuery) async throws -> [SecurityEvent]
    func securityEvent(id: String, in tenant: TenantID) async throws -> SecurityEvent?
    func tenantSecuritySettings(_ tenant: TenantID) async throws -> TenantSecuritySettings?
    func putTenantSecuritySettings(_ settings: TenantSecuritySettings) async throws
    func insertAlertRule(_ rule: AlertRule) async throws
    func alertRules(in tenant: TenantID) async throws -> [AlertRule]
    func alertRule(id: String, in tenant: TenantID) async throws -> AlertRule?
    /// Deletes the rule and its pending deliveries.
    func deleteAlertRule(id: String, in tenant: TenantID) async throws -> Bool
    func insertAlertDelivery(_ delivery: AlertDelivery) async throws
    /// Platform-wide: pending deliveries due at `now`, oldest first (for the delivery service).
    func dueAlertDeliveries(now: Int64, limit: Int) async throws -> [AlertDelivery]
    /// Takes a due delivery for this server until `leaseUntil`; `false` when another server did.
    func claimAlertDelivery(id: String, dueAt: Int64, leaseUntil: Int64) async throws -> Bool
    func updateAlertDelivery(_ delivery: AlertDelivery) async throws
    func alertDeliveries(ruleID: String, in tenant: TenantID) async throws -> [AlertDelivery]

    // MARK: Keyring
    func wrappedTenantKeys(_ tenant: TenantID) async throws -> [(version: Int, wrapped: String)]
    func allWrappedTenantKeys() async throws -> [(tenant: TenantID, version: Int, wrapped: String)]
    func insertWrappedTenantKey(_ tenant: TenantID, version: Int, wrapped: String, at: Int64) async throws
    func replaceWrappedTenantKey(_ tenant: TenantID, version: Int, wrapped: String) async throws

    // MARK: Tenant secrets (envelope-encrypted values)
    func putSecret(_ name: String, ciphertext: String, in tenant: TenantID, at: Int64) async throws
    func secret(_ name: String, in tenant: TenantID) async throws -> String?
    func secrets(in tenant: TenantID) async throws -> [(name: String, ciphertext: String)]

    // MARK: Policy administration (Ranger objects)
    /// Bumps the tenant's policy version and returns the new one. Policy writes call this first:
    /// it serialises concurrent policy writers of a tenant until commit.
    func bumpPolicyVersion(in tenant: TenantID, at: Int64) async throws -> Int64
    /// The tenant's policy version; 0 before its first policy write.
    func policyVersion(in tenant: TenantID) async throws -> Int64
    /// Platform scope: every tenant's policy version, for servers polling for changes made elsewhere.
    func policyVersions() async throws -> [(tenant: TenantID, version: Int64)]
    /// Reserves `count` consecutive ids of `kind` (unique across tenants) and returns the first.
    func allocatePolicyObjectIDs(_ kind: PolicyObjectKind, count: Int) async throws -> Int64
    func insertPolicyObjects(_ objects: [PolicyObject], in tenant: TenantID) async throws
    func updatePolicyObject(_ object: PolicyObject, in tenant: TenantID) async throws
    func deletePolicyObject(_ kind: PolicyObjectKind, id: Int64, in tenant: TenantID) async throws -> Bool
    /// Deletes every object of `kind` in `scope` (the policies of a service); returns how many.
    func deletePolicyObjects(_ kind: PolicyObjectKind, scope: String, in tenant: TenantID) async throws -> Int
    func policyObject(_ kind: PolicyObjectKind, id: Int64, in tenant: TenantID) async throws -> PolicyObject?
    func policyObject(_ kind: PolicyObjectKind, name: String, scope: String, in tenant: TenantID) async throws -> PolicyObject?
    /// Objects of `kind` ordered by id, optionally only those in `scope`.
    func policyObjects(_ kind: PolicyObjectKind, scope: String?, in tenant: TenantID, page: PageRequest) async throws -> Page<PolicyObject>
    func allPolicyObjects(_ kind: PolicyObjectKind, scope: String?, in tenant: TenantID) async throws -> [PolicyObject]
    /// How many objects of `kind` refer to `ref` (services of a type, policies of a zone).
    func countPolicyObjects(_ kind: PolicyObjectKind, ref: String, in tenant: TenantID) async throws -> Int

    // MARK: Decisions
    /// The group names of those of `usernames` that are active users of the tenant, in one query;
    /// unknown and disabled users are absent from the result.
    func activeUserGroups(usernames: [String], in tenant: TenantID) async throws -> [String: [String]]

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
