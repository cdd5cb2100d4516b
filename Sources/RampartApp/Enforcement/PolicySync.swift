// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartAuditLog
import RampartConnectors
import RampartCore
import RampartEnforcement
import RampartPolicy
import RampartStorage

/// Enforcement inside PostgreSQL: plans and applies the grants, row security and masking views
/// that make a database answer as the decision API does.
///
/// The API (`/v1/datasources/{id}/sync/...`) and the CLI (`rampart sync`) call this.
package struct PolicySync: Sendable {
    package let services: RampartServices
    package let policies: PolicySnapshotCache
    package let paths: DatasourcePathPolicy
    package let destinations: OutboundDestinations

    package init(services: RampartServices, policies: PolicySnapshotCache, paths: DatasourcePathPolicy, destinations: OutboundDestinations) {
        self.services = services
        self.policies = policies
        self.paths = paths
        self.destinations = destinations
    }

    /// A plan, with what it was made from.
    package struct Result: Sendable {
        package var datasource: Datasource
        package var service: String
        /// The tenant's policy version the plan was derived from.
        package var policyVersion: Int64
        package var plan: EnforcementPlan
        /// Whether the statements were run (apply) or only planned.
        package var applied: Bool
    }

    /// The datasource named `name`, for callers that know datasources by name (the CLI).
    package func datasource(named name: String, in tenant: TenantID) async throws -> Datasource {
        guard let datasource = try await services.store.read({ tx in try await tx.datasource(name: name, in: tenant) }) else {
            throw RampartError.notFound("datasource `\(name.prefix(64))`")
        }
        return datasource
    }

    /// What would change, without changing anything.
    package func plan(_ datasourceID: String, in tenant: TenantID) async throws -> Result {
        try await run(datasourceID, in: tenant)
    }

    /// Plans and runs the plan in one transaction, then records it in the tenant's audit log
    /// (counts and a digest of the statements, no SQL) as done by `actor`.
    package func apply(_ datasourceID: String, in tenant: TenantID, by actor: AuditActor) async throws -> Result {
        try await run(datasourceID, in: tenant, applying: actor)
    }

    private func run(_ datasourceID: String, in tenant: TenantID, applying actor: AuditActor? = nil) async throws -> Result {
        let applying = actor != nil
        let (datasource, connector) = try await DatasourceAccess.load(
            datasourceID, tenant: tenant, store: services.store, keyring: services.keyring, paths: paths, destinations: destinations)
        guard datasource.kind == .postgres, let postgres = connector as? PostgresConnector else {
            throw RampartError(.conflict, "enforcement applies to postgres datasources; this one is `\(datasource.kind.rawValue)`")
        }
        let set = try await policies.current(tenant)
        let (serviceName, target) = try Self.service(for: datasource, in: set)
        let principals = try await principals(in: tenant)
        let session: PostgresEnforcementSession
        do {
            session = try await postgres.connectForEnforcement()
        } catch {
            throw DatasourceAccess.error(error)
        }
        do {
            let result = try await plan(
                session: session, datasource: datasource, serviceName: serviceName, target: target, principals: principals)
            if applying && !result.plan.isEmpty {
                do {
                    try await session.apply(result.plan.statements.map(\.sql))
                } catch let failure as PostgresEnforcementSession.ApplyFailure {
                    throw RampartError(
                        .datasourceFailed, "statement \(failure.index + 1) failed, nothing was changed: \(failure.message)")
                } catch let error as ConnectorError {
                    throw DatasourceAccess.error(error)
                }
            }
            if let actor, !result.plan.isEmpty {
                try await services.auditWriter.append([auditRecord(result, by: actor)], tenant: datasource.tenantID)
            }
            await session.close()
            return Result(
                datasource: result.datasource, service: result.service, policyVersion: result.policyVersion, plan: result.plan, applied: applying)
        } catch {
            await session.close()
            throw error
        }
    }

    private func plan(
        session: PostgresEnforcementSession, datasource: Datasource, serviceName: String, target: ServicePolicies,
        principals: [EnforcementPrincipal]
    ) async throws -> Result {
        let plan = try await EnforcementPlanning.plan(
            session: session, marker: OwnershipMarker(tenant: datasource.tenantID.rawValue, datasource: datasource.id),
            database: datasource.rangerDatabase, principals: principals, target: target)
        return Result(datasource: datasource, service: serviceName, policyVersion: target.version, plan: plan, applied: false)
    }

    /// Every user of the tenant, with their groups when active; login role = username.
    private func principals(in tenant: TenantID) async throws -> [EnforcementPrincipal] {
        try await services.store.read { tx in
            var users: [User] = []
            var after: String?
            repeat {
                let page = try await tx.users(in: tenant, page: PageRequest(limit: PageRequest.maximumLimit, after: after))
                users += page.items
                after = page.nextCursor
            } while after != nil
            let groups = try await tx.activeUserGroups(usernames: users.map(\.username), in: tenant)
            return users.map { user in
                EnforcementPrincipal(username: user.username, role: user.username, groups: groups[user.username].map(Set.init))
            }
        }
    }

    /// The Ranger service whose policies the datasource enforces: the one it names, or else the
    /// tenant's only service with `database`, `table` and `column` resources.
    static func service(for datasource: Datasource, in set: TenantPolicySet) throws -> (String, ServicePolicies) {
        if let name = datasource.config.rangerService {
            guard let target = set.services[name] else {
                throw RampartError(.conflict, "the datasource names Ranger service `\(name)`, which has no published policies")
            }
            return (name, target)
        }
        let candidates = set.services.filter { _, policies in
            let names = Set(policies.snapshot.serviceDef.resources.map(\.name))
            return names.isSuperset(of: ["database", "table", "column"])
        }
        guard candidates.count == 1, let only = candidates.first else {
            throw RampartError(
                .conflict, "name the Ranger service this datasource enforces (`rangerService`): the tenant has \(candidates.count) candidates")
        }
        return (only.key, only.value)
    }

    /// The record of an apply: counts and a digest of what ran, enough to tie the record to the
    /// plan, and no SQL text.
    func auditRecord(_ result: Result, by actor: AuditActor) -> AuditRecord {
        AuditRecord(
            seq: 0, time: services.clock.nowMicroseconds(), tenantID: result.datasource.tenantID.rawValue, actorType: actor.type,
            actorID: actor.id, sourceIP: nil, userAgent: nil, method: nil, path: nil, entityType: "datasources", entityID: result.datasource.id,
            operation: "sync.apply", outcome: AuditOutcome.allowed.rawValue, status: nil, requestID: nil, batchID: nil, service: result.service,
            resource: nil, accessType: nil, policyID: nil, policyVersion: result.policyVersion,
            details: AuditDetails.json(Self.auditFacts(result)))
    }

    static func auditFacts(_ result: Result) -> [String: String] {
        let statements = result.plan.statements.map(\.sql).joined(separator: ";\n")
        var facts = [
            "datasource": result.datasource.id, "service": result.service, "policyVersion": String(result.policyVersion),
            "statements": String(result.plan.statements.count), "findings": String(result.plan.findings.count),
            "digest": OwnershipMarker.digest(statements),
        ]
        for (kind, count) in result.plan.counts { facts[kind.rawValue] = String(count) }
        return facts
    }
}
