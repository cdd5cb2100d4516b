// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartAuditLog
import RampartConnectors
import RampartCore
import RampartEncryption
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
        /// The service's policy version the plan was derived from.
        package var policyVersion: Int64
        /// The tenant's policy version (every policy and tag change moves it).
        package var tenantPolicyVersion: Int64
        /// A digest of the plan's inputs: policy version, users, their groups and roles, and the
        /// masking key (so the statements a rotated key brings are not taken for drift).
        package var inputs: String
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
        try await run(try await load(datasourceID, in: tenant), applying: false)
    }

    /// Plans and runs the plan in one transaction, then records it in the tenant's audit log
    /// (counts and a digest of the statements, no SQL) as done by `actor`, and as the
    /// datasource's sync state. A failure is recorded too, then thrown.
    package func apply(_ datasourceID: String, in tenant: TenantID, by actor: AuditActor) async throws -> Result {
        let loaded = try await load(datasourceID, in: tenant)
        let previous = try await state(of: loaded.datasource)
        do {
            let result = try await run(loaded, applying: true)
            try await record(result, previous: previous, by: actor)
            return result
        } catch {
            _ = try? await recordFailure(error, of: loaded.datasource, previous: previous)
            throw error
        }
    }

    /// The datasource's sync settings and its last run.
    package func status(_ datasourceID: String, in tenant: TenantID) async throws -> (Datasource, DatasourceSyncState?) {
        let datasource = try await services.store.read { tx in
            guard let datasource = try await tx.datasource(id: datasourceID, in: tenant) else { throw RampartError.notFound("datasource") }
            return datasource
        }
        return (datasource, try await state(of: datasource))
    }

    /// One background run (``PolicySyncService``): in `enforce` mode it applies (reverting
    /// drift), in `report` mode it only plans. Drift and failures are security events, raised
    /// when they start, not on every run. Never throws: the outcome is the state it records.
    @discardableResult
    package func background(_ datasource: Datasource) async -> DatasourceSyncState? {
        let settings = datasource.config.sync ?? DatasourceSyncSettings()
        let previous = try? await state(of: datasource)
        let actor = AuditActor.system("policy-sync")
        do {
            let loaded = try await load(datasource.id, in: datasource.tenantID)
            let result = try await run(loaded, applying: settings.mode == .enforce)
            let state = try await record(result, previous: previous, by: settings.mode == .enforce ? actor : nil)
            // Reported once while it lasts (report mode), or each time it is reverted (enforce mode).
            let reportedAlready = previous?.outcome == .pending && previous?.drift == state.drift
            if state.drift > 0, settings.mode == .enforce || !reportedAlready {
                _ = try? await services.security.raise(
                    .syncDrift, tenant: datasource.tenantID, actorType: actor.type, actorID: actor.id,
                    details: [
                        "datasource": datasource.id, "statements": String(state.drift),
                        "action": settings.mode == .enforce ? "reverted" : "reported",
                    ], audit: nil)
            }
            return state
        } catch {
            let state = try? await recordFailure(error, of: datasource, previous: previous)
            if previous?.outcome != .failed {
                _ = try? await services.security.raise(
                    .syncFailed, tenant: datasource.tenantID, actorType: actor.type, actorID: actor.id,
                    details: ["datasource": datasource.id, "error": Self.message(error)], audit: nil)
            }
            return state
        }
    }

    // MARK: Running

    struct Loaded {
        var datasource: Datasource
        var connector: PostgresConnector
    }

    /// What the sync role lacks (or has too much of) in the datasource's database, before any
    /// plan: the same findings a plan reports first, each with the statement a DBA runs. Read
    /// with the datasource's credentials on an enforcement session; nothing is changed.
    package func preflight(_ datasourceID: String, in tenant: TenantID) async throws -> [EnforcementFinding] {
        let session = try await Self.connect(try await load(datasourceID, in: tenant))
        do {
            let catalog = try await EnforcementPlanning.readCatalog(session)
            await session.close()
            // Group roles are made whenever policies name groups, so role creation is checked.
            return Preflight(catalog: catalog).findings(needsRoles: true)
        } catch {
            await session.close()
            throw error
        }
    }

    /// An enforcement session on the datasource (lock and statement timeouts set).
    private static func connect(_ loaded: Loaded) async throws -> PostgresEnforcementSession {
        do {
            return try await loaded.connector.connectForEnforcement()
        } catch {
            throw DatasourceAccess.error(error)
        }
    }

    private func load(_ datasourceID: String, in tenant: TenantID) async throws -> Loaded {
        let (datasource, connector) = try await DatasourceAccess.load(
            datasourceID, tenant: tenant, store: services.store, keyring: services.keyring, paths: paths, destinations: destinations)
        guard datasource.kind == .postgres, let postgres = connector as? PostgresConnector else {
            throw RampartError(.conflict, "enforcement applies to postgres datasources; this one is `\(datasource.kind.rawValue)`")
        }
        return Loaded(datasource: datasource, connector: postgres)
    }

    private func run(_ loaded: Loaded, applying: Bool) async throws -> Result {
        let datasource = loaded.datasource
        let set = try await policies.current(datasource.tenantID)
        let (serviceName, target) = try Self.service(for: datasource, in: set)
        let settings = datasource.config.sync ?? DatasourceSyncSettings()
        let principals = try await principals(in: datasource.tenantID, settings: settings)
        let maskKey = try await maskKey(of: datasource)
        let session = try await Self.connect(loaded)
        do {
            var result = try await plan(
                session: session, datasource: datasource, serviceName: serviceName, target: target, principals: principals, maskKey: maskKey)
            result.tenantPolicyVersion = set.version
            result.inputs = OwnershipMarker.digest(
                "\(set.version)\n\(maskKey.fingerprint)\n"
                    + principals.map { "\($0.username)\t\($0.role)\t\(($0.groups ?? []).sorted())" }.sorted().joined(separator: "\n"))
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
            await session.close()
            result.applied = applying
            return result
        } catch {
            await session.close()
            throw error
        }
    }

    /// The datasource's `MASK_HASH` key: 32 random bytes in the tenant's keyring (encrypted with
    /// its data key), made on first use. Each datasource has its own, so hashes do not join across
    /// databases of different owners, unless its sync settings name a token scheme
    /// (`maskHashScheme`): then the scheme's token key, so masked values are the scheme's tokens.
    private func maskKey(of datasource: Datasource) async throws -> MaskHashKey {
        let keyring = services.keyring
        let tenant = datasource.tenantID
        if let schemeName = datasource.config.sync?.maskHashScheme,
            let (scheme, material) = try await services.store.read({ tx -> (EncryptionScheme, Secret<[UInt8]>)? in
                guard let scheme = try await tx.encryptionScheme(named: schemeName, in: tenant),
                    let material = try await keyring.secret(scheme.keySecretName, tenant: tenant, in: tx)
                else { return nil }
                return (scheme, material)
            }),
            let definition = try? EncryptionSchemes.decode(scheme), definition.algorithm == .token
        {
            let key = SchemeKeys.tokenKey(material: SymmetricKey(data: material.exposedValue), schemeID: scheme.id)
            return MaskHashKey(key: key.withUnsafeBytes { Array($0) }, tokenPrefix: definition.tokenPrefix ?? "tok_")
        }
        // No scheme, or one that is gone or not a token scheme: the datasource's own key. Values
        // stay masked (hex), and a deleted scheme's key is overwritten in the database at the
        // next apply, so deleting the scheme shreds it there too.
        let name = Datasource.maskKeyName(datasource.id)
        if let stored = try await services.store.read({ tx in try await keyring.secret(name, tenant: tenant, in: tx) }) {
            return MaskHashKey(key: stored.exposedValue)
        }
        let now = services.clock.now()
        let key: [UInt8] = try await services.store.write { tx in
            // Another run may have made it meanwhile; its key wins.
            if let stored = try await keyring.secret(name, tenant: tenant, in: tx) { return stored.exposedValue }
            let fresh = RandomToken.bytes(32)
            try await keyring.putSecret(name, Secret(fresh), tenant: tenant, in: tx, at: now)
            return fresh
        }
        return MaskHashKey(key: key)
    }

    /// A rotation of a datasource's masking key: the datasource, and a digest of the new key
    /// (what the database's catalog shows of it), never the key.
    package struct MaskKeyRotation: Sendable {
        package var datasource: Datasource
        package var fingerprint: String
    }

    /// Replaces the datasource's own `MASK_HASH` key with 32 fresh random bytes, so masked values
    /// stop matching hashes made under the old key (after it leaked, or on a schedule). The old
    /// key is overwritten in the keyring at once; the database gets the new one at the next
    /// apply (a plan shows it, redacted), until which `MASK_HASH` columns still show the old
    /// hashes. Recorded in the tenant's audit log with the new key's fingerprint.
    ///
    /// - Throws: `conflict` when the datasource masks with a token scheme's key: that key is the
    ///   scheme's, and rotating it here would part the database's tokens from the API's.
    package func rotateMaskKey(_ datasourceID: String, in tenant: TenantID, by actor: AuditActor) async throws -> MaskKeyRotation {
        let (datasource, _) = try await status(datasourceID, in: tenant)
        guard datasource.kind == .postgres else {
            throw RampartError(.conflict, "enforcement applies to postgres datasources; this one is `\(datasource.kind.rawValue)`")
        }
        if let scheme = datasource.config.sync?.maskHashScheme {
            throw RampartError(
                .conflict, "the datasource masks with token scheme `\(scheme)`'s key; clear sync.maskHashScheme to give it a key of its own")
        }
        let fresh = RandomToken.bytes(32)
        let now = services.clock.now()
        let keyring = services.keyring
        try await services.store.write { tx in
            try await keyring.putSecret(Datasource.maskKeyName(datasource.id), Secret(fresh), tenant: tenant, in: tx, at: now)
        }
        let fingerprint = String(MaskHashKey(key: fresh).fingerprint.prefix(16))
        let record = datasourceRecord(
            "sync.mask-key.rotate", datasource, by: actor, facts: ["datasource": datasource.id, "keyFingerprint": fingerprint])
        try await services.auditWriter.append([record], tenant: tenant)
        return MaskKeyRotation(datasource: datasource, fingerprint: fingerprint)
    }

    // MARK: State

    private func state(of datasource: Datasource) async throws -> DatasourceSyncState? {
        try await services.store.read { tx in try await tx.syncState(datasource: datasource.id, in: datasource.tenantID) }
    }

    /// Records a run (and, for an apply that changed something, its audit record). Statements
    /// planned while the tenant's policies are those the database last agreed with are drift.
    @discardableResult
    private func record(_ result: Result, previous: DatasourceSyncState?, by actor: AuditActor?) async throws -> DatasourceSyncState {
        let count = result.plan.statements.count
        let drift = previous?.inputs == result.inputs ? count : 0
        let agrees = count == 0 || result.applied
        let state = DatasourceSyncState(
            tenantID: result.datasource.tenantID, datasourceID: result.datasource.id,
            policyVersion: agrees ? result.tenantPolicyVersion : previous?.policyVersion, inputs: agrees ? result.inputs : previous?.inputs,
            lastRunAt: services.clock.now(),
            outcome: count == 0 ? .inSync : (result.applied ? .applied : .pending), statements: count, findings: result.plan.findings.count,
            drift: drift, error: nil)
        try await services.store.write { tx in try await tx.putSyncState(state) }
        if let actor, result.applied, count > 0 {
            try await services.auditWriter.append([auditRecord(result, by: actor)], tenant: result.datasource.tenantID)
        }
        return state
    }

    @discardableResult
    private func recordFailure(_ error: any Error, of datasource: Datasource, previous: DatasourceSyncState?) async throws -> DatasourceSyncState {
        let state = DatasourceSyncState(
            tenantID: datasource.tenantID, datasourceID: datasource.id, policyVersion: previous?.policyVersion, inputs: previous?.inputs,
            lastRunAt: services.clock.now(),
            outcome: .failed, statements: 0, findings: 0, drift: 0, error: Self.message(error))
        try await services.store.write { tx in try await tx.putSyncState(state) }
        return state
    }

    /// An error as one line for the state and events: the stable message, never a password
    /// (connector messages name hosts and users, not secrets).
    static func message(_ error: any Error) -> String {
        let text = (error as? RampartError)?.message ?? String(describing: error)
        return String(text.prefix(500))
    }

    private func plan(
        session: PostgresEnforcementSession, datasource: Datasource, serviceName: String, target: ServicePolicies,
        principals: [EnforcementPrincipal], maskKey: MaskHashKey
    ) async throws -> Result {
        let plan = try await EnforcementPlanning.plan(
            session: session, marker: OwnershipMarker(tenant: datasource.tenantID.rawValue, datasource: datasource.id),
            database: datasource.rangerDatabase, principals: principals, target: target,
            createRoles: (datasource.config.sync ?? DatasourceSyncSettings()).createRoles, maskKey: maskKey)
        return Result(
            datasource: datasource, service: serviceName, policyVersion: target.version, tenantPolicyVersion: -1, inputs: "", plan: plan,
            applied: false)
    }

    /// Every user of the tenant, with their groups when active, and the login role the
    /// datasource's settings map them to.
    private func principals(in tenant: TenantID, settings: DatasourceSyncSettings) async throws -> [EnforcementPrincipal] {
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
                EnforcementPrincipal(
                    username: user.username, role: settings.role(for: user.username), groups: groups[user.username].map(Set.init))
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
        datasourceRecord(
            "sync.apply", result.datasource, by: actor, service: result.service, policyVersion: result.policyVersion,
            facts: Self.auditFacts(result))
    }

    /// A record of `operation` on `datasource` by `actor`, with `facts` as its details.
    private func datasourceRecord(
        _ operation: String, _ datasource: Datasource, by actor: AuditActor, service: String? = nil, policyVersion: Int64? = nil,
        facts: [String: String]
    ) -> AuditRecord {
        AuditRecord(
            seq: 0, time: services.clock.nowMicroseconds(), tenantID: datasource.tenantID.rawValue, actorType: actor.type,
            actorID: actor.id, sourceIP: nil, userAgent: nil, method: nil, path: nil, entityType: "datasources", entityID: datasource.id,
            operation: operation, outcome: AuditOutcome.allowed.rawValue, status: nil, requestID: nil, batchID: nil, service: service,
            resource: nil, accessType: nil, policyID: nil, policyVersion: policyVersion, details: AuditDetails.json(facts))
    }

    static func auditFacts(_ result: Result) -> [String: String] {
        let statements = result.plan.statements.map(\.shown).joined(separator: ";\n")
        var facts = [
            "datasource": result.datasource.id, "service": result.service, "policyVersion": String(result.policyVersion),
            "statements": String(result.plan.statements.count), "findings": String(result.plan.findings.count),
            "digest": OwnershipMarker.digest(statements),
        ]
        for (kind, count) in result.plan.counts { facts[kind.rawValue] = String(count) }
        return facts
    }
}
