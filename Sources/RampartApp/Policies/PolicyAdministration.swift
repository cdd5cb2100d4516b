// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import RampartCore
import RampartPolicy
import RampartStorage

/// The write path of policy administration, shared by the routes, the import, the CLI and the
/// scan runner.
///
/// Every write runs in one transaction that starts by bumping the tenant's policy version and, made
/// for a request, carries the request's audit record (``AuditedStore``); after the commit it waits
/// until this server's snapshots include the change, so a decision asked right after a write
/// returns reflects it. The wait is for the background rebuild, not for a rebuild of its own:
/// concurrent writers share it.
package struct PolicyAdministration: Sendable {
    package let store: any Store
    package let clock: any RampartClock
    /// `nil` where no server is running (the CLI): servers pick the change up by polling.
    package let cache: PolicySnapshotCache?
    package let logger: Logger

    package init(store: any Store, clock: any RampartClock, cache: PolicySnapshotCache?, logger: Logger) {
        self.store = store
        self.clock = clock
        self.cache = cache
        self.logger = logger
    }

    /// What a write's body gets besides the transaction.
    package struct Write: Sendable {
        /// The tenant's new policy version.
        package let version: Int64
        package let now: Int64
    }

    /// Runs `body` as a policy write of `tenant` and returns its result and the new tenant policy version.
    ///
    /// - Parameter audit: the request the write is made for, whose record it carries; `nil` for
    ///   a write of no request (the scan runner).
    package func write<R: Sendable>(
        _ tenant: TenantID, audit: AuditContext?, _ body: @escaping @Sendable (any StoreTransaction, Write) async throws -> R
    ) async throws -> (result: R, version: Int64) {
        let now = clock.now()
        let (result, version) = try await store.recording(audit).write { tx in
            guard try await tx.tenant(id: tenant) != nil else { throw RampartError.notFound("tenant") }
            let version = try await tx.bumpPolicyVersion(in: tenant, at: now)
            return (try await body(tx, Write(version: version, now: now)), version)
        }
        if let cache {
            do {
                try await cache.refresh(tenant, atLeast: version)
            } catch {
                // The change is committed; the poller retries the rebuild.
                logger.error("policy rebuild after write failed", metadata: ["tenant": "\(tenant.rawValue)", "error": "\(error)"])
            }
        }
        return (result, version)
    }

    /// Reserves ids in a short transaction of its own, so that the id sequence (shared by all
    /// tenants) is not locked for the length of a large write. Unused ids leave harmless gaps.
    /// Made for a request (`audit`), the transaction carries its record like any of its writes.
    package func reserveIDs(_ kind: PolicyObjectKind, count: Int, audit: AuditContext?) async throws -> Int64 {
        try await store.recording(audit).write { try await $0.allocatePolicyObjectIDs(kind, count: count) }
    }

    // MARK: Stored forms

    package static func version(_ value: Int64) -> JSONValue { .number(Double(value)) }

    package static func serviceDefDocument(_ def: ServiceDef, id: Int64, version: Int64) throws -> String {
        var def = def
        def.id = id
        return try RangerJSON.document(def, adding: ["version": Self.version(version)])
    }

    package static func serviceDocument(_ service: Service, id: Int64, version: Int64) throws -> String {
        var service = service
        service.id = id
        service.policyVersion = version
        return try RangerJSON.document(service, adding: ["version": Self.version(version)])
    }

    package static func policyDocument(_ policy: Policy, id: Int64, version: Int64, service: String, serviceType: String) throws -> String {
        var policy = policy
        policy.id = id
        policy.version = version
        policy.service = service
        policy.serviceType = serviceType
        if policy.guid?.isEmpty ?? true { policy.guid = UUID().uuidString.lowercased() }
        return try RangerJSON.document(policy)
    }

    package static func roleDocument(_ role: Role, id: Int64, version: Int64) throws -> String {
        var role = role
        role.id = id
        return try RangerJSON.document(role, adding: ["version": Self.version(version)])
    }

    package static func zoneDocument(_ zone: SecurityZone, id: Int64, version: Int64) throws -> String {
        var zone = zone
        zone.id = id
        return try RangerJSON.document(zone, adding: ["version": Self.version(version)])
    }

    /// Bumps a service's policy version after a change to its policies.
    package static func bumpService(_ row: PolicyObject, in tenant: TenantID, at now: Int64, _ tx: any PolicyStoreTransaction) async throws -> Int64 {
        var row = row
        let service = try RangerJSON.decode(Service.self, row.document)
        row.version += 1
        row.updatedAt = now
        row.document = try serviceDocument(service, id: row.id, version: row.version)
        try await tx.updatePolicyObject(row, in: tenant)
        return row.version
    }

    /// Names of the zones that cover `service` (as a resource service or as a tag service).
    package static func zones(covering service: String, in tenant: TenantID, _ tx: any PolicyStoreTransaction) async throws -> Set<String> {
        var names: Set<String> = []
        for row in try await tx.allPolicyObjects(.zone, scope: nil, in: tenant) {
            let zone = try RangerJSON.decode(SecurityZone.self, row.document)
            if zone.services[service] != nil || zone.tagServices.contains(service) { names.insert(zone.name) }
        }
        return names
    }
}
