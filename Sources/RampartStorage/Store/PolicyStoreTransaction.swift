// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore

/// Ranger objects, policy versions and decision bookkeeping.
package protocol PolicyStoreTransaction: Sendable {
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
}
