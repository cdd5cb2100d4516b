// SPDX-License-Identifier: Apache-2.0

import RampartConnectors
import RampartCore
import RampartStorage

/// The settings of a datasource as a request gives them; on an update, a `nil` field is left as
/// it is.
package struct DatasourceSettings: Decodable, Sendable {
    package var name: String?
    package var kind: String?
    package var path: String?
    /// `postgres://user:password@host:port/database?sslmode=…`, split into fields and a password.
    package var url: Secret<String>?
    package var host: String?
    package var port: Int?
    package var database: String?
    package var username: String?
    package var password: Secret<String>?
    package var tls: String?
    package var rangerService: String?
    package var rangerDatabase: String?
    /// Enforcement settings (PostgreSQL only).
    package var sync: SyncSettingsBody?

    /// The settings of a form: a name, a kind and where the data is; the rest stays unset.
    package init(name: String?, kind: String?, path: String? = nil, url: Secret<String>? = nil, rangerService: String? = nil) {
        self.name = name
        self.kind = kind
        self.path = path
        self.url = url
        self.rangerService = rangerService
    }
}

/// Where a tenant's data lives, for discovery to scan.
///
/// A password (given as `password` or inside a PostgreSQL `url`) is stored as a tenant secret,
/// encrypted with the tenant's data key; it is write-only (responses say `hasCredentials`) and
/// replaceable (`password: ""` removes it), and it is dropped when the destination it was meant
/// for changes. File paths must be absolute, free of `..` and inside what the operator allows.
package struct Datasources: Sendable {
    package let services: RampartServices
    package let administration: PolicyAdministration
    package let paths: DatasourcePathPolicy
    /// Where PostgreSQL datasources may connect (internal addresses refused unless allowed).
    package let destinations: OutboundDestinations

    package init(services: RampartServices, administration: PolicyAdministration, paths: DatasourcePathPolicy, destinations: OutboundDestinations) {
        self.services = services
        self.administration = administration
        self.paths = paths
        self.destinations = destinations
    }

    package func create(_ body: DatasourceSettings, in tenant: TenantID, audit: AuditContext?) async throws -> Datasource {
        guard let name = body.name else { throw RampartError.validation("is required", field: "name") }
        guard let rawKind = body.kind else { throw RampartError.validation("is required", field: "kind") }
        guard let kind = DatasourceKind(rawValue: rawKind) else {
            throw RampartError.validation(
                "must be one of \(DatasourceKind.allCases.map(\.rawValue).joined(separator: ", "))", field: "kind")
        }
        let now = services.clock.now()
        var datasource = Datasource(
            id: UUIDv7.generate(), tenantID: tenant, name: try Validation.slug(name, field: "name"), kind: kind,
            config: DatasourceConfig(), hasCredentials: false, createdAt: now, updatedAt: now)
        let tenantPaths = try await services.store.read { [paths] tx in try await paths.forTenant(tenant, in: tx) }
        let password = try Self.apply(body, to: &datasource, creating: true, paths: tenantPaths)
        datasource.hasCredentials = password != nil
        audit?.setEntity("datasources", datasource.id)
        let stored = datasource
        try await services.store.recording(audit).write { tx in
            if try await tx.datasource(name: stored.name, in: tenant) != nil {
                throw RampartError(.conflict, "a datasource named `\(stored.name)` already exists", field: "name")
            }
            try await Self.checkRangerService(stored, tx)
            try await tx.insertDatasource(stored)
            if let password {
                try await services.keyring.putSecret(
                    stored.credentialName, Secret(Array(password.exposedValue.utf8)), tenant: tenant, in: tx, at: now)
            }
        }
        return stored
    }

    package func list(in tenant: TenantID, page: PageRequest) async throws -> Page<Datasource> {
        try await services.store.read { tx in try await tx.datasources(in: tenant, page: page) }
    }

    package func get(_ id: String, in tenant: TenantID) async throws -> Datasource {
        guard let datasource = try await services.store.read({ tx in try await tx.datasource(id: id, in: tenant) }) else {
            throw RampartError.notFound("datasource")
        }
        return datasource
    }

    package func update(_ id: String, with body: DatasourceSettings, in tenant: TenantID, audit: AuditContext?) async throws -> Datasource {
        if let kind = body.kind, kind.isEmpty || DatasourceKind(rawValue: kind) == nil {
            throw RampartError.validation("cannot be changed; create a new datasource", field: "kind")
        }
        let name = try body.name.map { try Validation.slug($0, field: "name") }
        let now = services.clock.now()
        let datasource: Datasource = try await services.store.recording(audit).write { tx in
            guard var datasource = try await tx.datasource(id: id, in: tenant) else { throw RampartError.notFound("datasource") }
            if let kind = body.kind, kind != datasource.kind.rawValue {
                throw RampartError.validation("cannot be changed; create a new datasource", field: "kind")
            }
            if let name, name != datasource.name {
                if try await tx.datasource(name: name, in: tenant) != nil {
                    throw RampartError(.conflict, "a datasource named `\(name)` already exists", field: "name")
                }
                datasource.name = name
            }
            let before = datasource.config
            let password = try Self.apply(body, to: &datasource, creating: false, paths: try await paths.forTenant(tenant, in: tx))
            // A stored password is bound to where it was meant to go: changing the host, port,
            // database or TLS mode drops it unless the same request gives it again, or whoever
            // may edit the datasource (not necessarily who typed the password) could send it to
            // a server they run.
            let dropsPassword =
                datasource.hasCredentials && body.password == nil && body.url == nil
                && Self.destinationChanged(from: before, to: datasource.config)
            if dropsPassword {
                try await tx.deleteSecret(datasource.credentialName, in: tenant)
                datasource.hasCredentials = false
                audit?.event("datasource.credentials_dropped", ["reason": "destination changed"])
            }
            if body.password != nil || body.url != nil {
                if let password {
                    try await services.keyring.putSecret(
                        datasource.credentialName, Secret(Array(password.exposedValue.utf8)), tenant: tenant, in: tx, at: now)
                } else {
                    try await tx.deleteSecret(datasource.credentialName, in: tenant)
                }
                datasource.hasCredentials = password != nil
            }
            if body.rangerService != nil { try await Self.checkRangerService(datasource, tx) }
            datasource.updatedAt = now
            try await tx.updateDatasource(datasource)
            return datasource
        }
        return datasource
    }

    /// Deletes the datasource and its tags (their history is kept); refused while a scan of it
    /// is queued or running.
    package func delete(_ id: String, in tenant: TenantID, audit: AuditContext?) async throws {
        let now = services.clock.now()
        // Its tags go with it (history kept); when they were in a tag service, as a policy write.
        let body: @Sendable (any StoreTransaction) async throws -> Void = { tx in
            guard let datasource = try await tx.datasource(id: id, in: tenant) else { throw RampartError.notFound("datasource") }
            let active = try await tx.scans(in: tenant, datasource: id, page: PageRequest(limit: 500)).items
            if active.contains(where: { !$0.status.isFinished }) {
                throw RampartError(.conflict, "the datasource has a queued or running scan; cancel it first")
            }
            let target = try await DiscoveryTagger.rangerService(for: datasource, tx)
            let hadTags = try await DiscoveryTagger.removeAll(datasource: datasource, at: now, tx)
            _ = try await tx.deleteDatasource(id: id, in: tenant)
            try await tx.deleteSyncState(datasource: id, in: tenant)
            try await tx.deleteSecret(Datasource.credentialName(id), in: tenant)
            try await tx.deleteSecret(Datasource.maskKeyName(id), in: tenant)
            if hadTags, let target { try await DiscoveryTagger.sync(tagService: target.tagService, tenant: tenant, at: now, tx) }
        }
        let tagged = try await services.store.read { tx in !(try await tx.tagAssignments(in: tenant, datasource: id).isEmpty) }
        if tagged {
            _ = try await administration.write(tenant, audit: audit) { tx, _ in try await body(tx) }
        } else {
            try await services.store.recording(audit).write(body)
        }
    }

    /// Connects and lists what the datasource holds.
    ///
    /// - Throws: ``ConnectorError`` when it cannot be reached or read.
    package func test(_ id: String, in tenant: TenantID) async throws -> Int {
        let (_, connector) = try await DatasourceAccess.load(
            id, tenant: tenant, store: services.store, keyring: services.keyring, paths: paths, destinations: destinations)
        return try await connector.test()
    }

    /// The tables and columns of the datasource.
    package func schema(_ id: String, in tenant: TenantID) async throws -> [SchemaTable] {
        do {
            let (_, connector) = try await DatasourceAccess.load(
                id, tenant: tenant, store: services.store, keyring: services.keyring, paths: paths, destinations: destinations)
            let session = try await connector.connect()
            let tables: [SchemaTable]
            do {
                tables = try await session.schema()
            } catch {
                await session.close()
                throw error
            }
            await session.close()
            return tables
        } catch let error as ConnectorError {
            throw DatasourceAccess.error(error)
        }
    }

    /// Validates and copies the settings in `body` onto `datasource`; returns the password given
    /// (from `password`, else from `url`), `nil` when none or empty.
    package static func apply(
        _ body: DatasourceSettings, to datasource: inout Datasource, creating: Bool, paths: DatasourcePathPolicy
    ) throws -> Secret<String>? {
        var config = datasource.config
        var password: Secret<String>?
        // On create the body's shape is wrong (422); on update it conflicts with the stored kind (409).
        func notApplicable(_ field: String) -> RampartError {
            let message = "does not apply to a `\(datasource.kind.rawValue)` datasource"
            return creating ? RampartError.validation(message, field: field) : RampartError(.conflict, message, field: field)
        }
        switch datasource.kind {
        case .sqlite, .csvDirectory, .jsonlDirectory:
            for (value, field) in [(body.url?.exposedValue, "url"), (body.host, "host"), (body.username, "username")] where value != nil {
                throw notApplicable(field)
            }
            if body.password != nil { throw notApplicable("password") }
            if body.sync != nil { throw notApplicable("sync") }
            if let path = body.path {
                // A malformed path is the request's fault (422); a well-formed one outside what the
                // server allows this tenant is refused (403), like any other forbidden resource.
                if let problem = DatasourcePath.problem(path) { throw RampartError.validation(problem, field: "path") }
                if let refusal = paths.problem(path) { throw RampartError(.forbidden, refusal, field: "path") }
                config.path = path
            } else if creating {
                throw RampartError.validation("is required", field: "path")
            }
        case .postgres:
            if body.path != nil { throw notApplicable("path") }
            if let url = body.url {
                guard url.exposedValue.utf8.count <= 2048, let parsed = PostgresConnector.parse(url: url.exposedValue) else {
                    throw RampartError.validation(
                        "must be postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require]", field: "url")
                }
                config.host = parsed.settings.host
                config.port = parsed.settings.port
                config.username = parsed.settings.username
                config.database = parsed.settings.database
                config.tls = parsed.settings.tls.rawValue
                password = parsed.password.map { Secret($0) }
            }
            if let host = body.host { config.host = try Validation.token(host, field: "host", maximum: 253) }
            if let port = body.port {
                guard (1...65535).contains(port) else { throw RampartError.validation("must be from 1 to 65535", field: "port") }
                config.port = port
            }
            if let database = body.database { config.database = try Validation.token(database, field: "database", maximum: 63) }
            if let username = body.username { config.username = try Validation.token(username, field: "username", maximum: 63) }
            if let tls = body.tls {
                guard PostgresConnector.TLSMode(rawValue: tls) != nil else {
                    throw RampartError.validation("must be one of disable, prefer, require", field: "tls")
                }
                config.tls = tls
            }
            if let given = body.password { password = given }
            if let sync = body.sync { config.sync = try sync.applied(to: config.sync) }
            if creating {
                guard config.host != nil else { throw RampartError.validation("is required (or give `url`)", field: "host") }
                guard config.username != nil else { throw RampartError.validation("is required (or give `url`)", field: "username") }
            }
        }
        if let service = body.rangerService {
            config.rangerService = service.isEmpty ? nil : try Validation.name(service, field: "rangerService", maximum: 255)
        }
        if let database = body.rangerDatabase {
            config.rangerDatabase = database.isEmpty ? nil : try Validation.name(database, field: "rangerDatabase", maximum: 255)
        }
        if let password, password.exposedValue.utf8.count > 1024 {
            throw RampartError.validation("must be at most 1024 bytes", field: "password")
        }
        datasource.config = config
        guard let password, !password.exposedValue.isEmpty else { return nil }
        return password
    }

    /// Whether a PostgreSQL datasource's password would now be sent somewhere else, or over a
    /// different kind of channel.
    package static func destinationChanged(from old: DatasourceConfig, to new: DatasourceConfig) -> Bool {
        old.host?.lowercased() != new.host?.lowercased() || old.port != new.port || old.database != new.database || old.tls != new.tls
    }

    /// A named Ranger service must exist in the tenant, or the tags would silently go nowhere.
    package static func checkRangerService(_ datasource: Datasource, _ tx: any PolicyStoreTransaction) async throws {
        guard let name = datasource.config.rangerService else { return }
        guard try await tx.policyObject(.service, name: name, scope: "", in: datasource.tenantID) != nil else {
            throw RampartError(.notFound, "no service `\(name.prefix(64))` in this tenant", field: "rangerService")
        }
    }
}
