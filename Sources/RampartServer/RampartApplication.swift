// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOSSL
import Prometheus
import RampartApp
import RampartBackup
import RampartCore
import RampartStorage
import ServiceLifecycle

/// Builds the Rampart HTTP application. `rampart serve` and the tests use this same function, so
/// the tests exercise exactly what runs in production.
package enum RampartApplication {
    /// What the build produced besides the application itself, for callers that need to reach in
    /// (the CLI prints the bootstrap outcome; tests inspect routes).
    package struct Built<App: ApplicationProtocol>: Sendable {
        package var application: App
        package var services: RampartServices
        package var routes: [RouteDescriptor]
        package var masterKeyOrigin: String
        /// Run after `application` in the serve command's service group (see ``ServerDrain``).
        package var drain: ServerDrain
    }

    /// - Parameter onBootstrap: called once the database is migrated, with the operator bootstrap
    ///   outcome; the CLI prints a generated password from here exactly once.
    package static func build(
        configuration: ServerConfiguration,
        logger: Logger,
        onBootstrap: @escaping @Sendable (OperatorBootstrap.Outcome) -> Void = { _ in }
    ) async throws -> Built<some ApplicationProtocol> {
        for warning in try configuration.validate() { logger.warning("\(warning)") }
        let masterKey = try MasterKeySource.load(dataDirectory: configuration.dataDirectory, environment: configuration.environment)
        let keyring = Keyring(master: masterKey.key)
        // Preflight on a short-lived connection: migrate and check the master key before anything
        // binds a port, so a wrong key or an unreachable database fails the start with one clear error.
        let applied = try await withDatabase(configuration.database, logger: logger) { database in
            let applied = try await Migrator(database: database).migrate()
            try await SQLStore(database: database).write { try await keyring.checkMasterKey($0) }
            return applied
        }
        if !applied.isEmpty { logger.info("applied migrations", metadata: ["migrations": "\(applied.joined(separator: ","))"]) }
        let database = try await configuration.database.open(logger: logger)
        let store = SQLStore(database: database)
        let services = try RampartServices(
            store: store, keyring: keyring, passwordHasher: PasswordHasher(parameters: configuration.passwordParameters),
            passwordPolicy: PasswordPolicy(), sessionLifetime: configuration.sessionLifetime, clock: configuration.clock,
            metrics: PrometheusCollectorRegistry(), maximumBodySize: configuration.maximumBodySize, logger: logger,
            security: configuration.effectiveSecurity, auditDurability: configuration.auditDurability)

        let router = Router(context: RampartRequestContext.self, options: .autoGenerateHeadEndpoints)
        if configuration.traceExporter != nil {
            // First, so a request's span covers every other middleware. Query parameters that
            // carry secrets (the SSO callback's code and state) are not recorded.
            router.middlewares.add(TracingMiddleware(redactingQueryParameters: Self.secretQueryParameters))
        }
        router.middlewares.add(ClientAddressMiddleware(trustedProxies: configuration.trustedProxies))
        router.middlewares.add(RequestIDMiddleware())
        router.middlewares.add(AccessLogMiddleware())
        router.middlewares.add(MetricsMiddleware(registry: services.metrics))
        router.middlewares.add(AuditMiddleware(writer: services.auditWriter, clock: services.clock))
        router.middlewares.add(ProblemMiddleware())
        router.middlewares.add(AuthenticationMiddleware(services: services))
        router.middlewares.add(RateLimitMiddleware(monitor: services.security))
        let api = APIRouter(router: router)
        let leases = JobLeases(
            store: store, clock: services.clock, instance: configuration.discovery.resolvedInstanceID(dataDirectory: configuration.dataDirectory),
            metrics: services.metrics, onMembership: { [security = services.security] in security.share(among: $0) }, logger: logger)
        let exporter = try configuration.auditSyslog.map {
            try SyslogExporter(sink: $0, store: store, clock: services.clock, metrics: services.metrics, leases: leases, logger: logger)
        }
        let drain = ServerDrain(delay: configuration.drainDelay)
        SystemController(services: services, exporter: exporter, database: database, drain: drain).register(on: api)
        AuthController(services: services).register(on: api)
        TenantsController(services: services).register(on: api)
        UsersController(services: services).register(on: api)
        GroupsController(services: services).register(on: api)
        ApiKeysController(services: services).register(on: api)
        KeysController(services: services).register(on: api)
        let policyCache = PolicySnapshotCache(store: store, logger: logger)
        let administration = PolicyAdministration(store: services.store, clock: services.clock, cache: policyCache, logger: logger)
        let bodyLimit = services.maximumBodySize
        let changes = ChangeRequests(services: services, administration: administration)
        PolicyObjectsController(
            objects: PolicyObjects<ServiceDefKind>(administration: administration), changes: changes, path: "/v1/service-defs", bodyLimit: bodyLimit
        ).register(on: api)
        PolicyObjectsController(
            objects: PolicyObjects<ServiceKind>(administration: administration), changes: changes, path: "/v1/services", bodyLimit: bodyLimit
        ).register(on: api)
        ServiceTagsController(tags: ServiceTagsAdministration(administration: administration), changes: changes, bodyLimit: bodyLimit).register(
            on: api)
        PolicyExchangeController(administration: administration, changes: changes, bodyLimit: bodyLimit).register(on: api)
        PolicyObjectsController(
            objects: PolicyObjects<PolicyKind>(administration: administration), changes: changes, path: "/v1/policies", bodyLimit: bodyLimit,
            scopeParameter: "service"
        ).register(on: api)
        PolicyObjectsController(
            objects: PolicyObjects<PolicyRoleKind>(administration: administration), changes: changes, path: "/v1/policy-roles", bodyLimit: bodyLimit
        ).register(on: api)
        PolicyObjectsController(
            objects: PolicyObjects<SecurityZoneKind>(administration: administration), changes: changes, path: "/v1/zones", bodyLimit: bodyLimit
        ).register(on: api)
        ChangeRequestsController(changes: changes, bodyLimit: bodyLimit).register(on: api)
        ReportsController(
            inventory: DataInventory(services: services, decisions: Decisions(services: services, cache: policyCache)),
            access: AccessReport(services: services)
        ).register(on: api)
        DecisionsController(services: services, cache: policyCache).register(on: api)
        let encryptionSchemes = EncryptionSchemes(services: services, administration: administration)
        EncryptionSchemesController(schemes: encryptionSchemes, bodyLimit: bodyLimit).register(on: api)
        let accessRequests = AccessRequests(services: services, administration: administration)
        AccessRequestsController(requests: accessRequests, rules: ApprovalRules(services: services), changes: changes, bodyLimit: bodyLimit)
            .register(on: api)
        let accessReviews = AccessReviews(services: services, administration: administration)
        AccessReviewsController(reviews: accessReviews, bodyLimit: bodyLimit).register(on: api)
        DataProtectionController(
            protection: DataProtection(services: services, schemes: encryptionSchemes, decisions: Decisions(services: services, cache: policyCache))
        ).register(on: api)
        let destinations = OutboundDestinations(policy: configuration.outboundAddressPolicy)
        let datasourcePaths = configuration.discovery.pathPolicy(dataDirectory: configuration.dataDirectory)
        let policySync = PolicySync(services: services, policies: policyCache, paths: datasourcePaths, destinations: destinations)
        let datasources = Datasources(services: services, administration: administration, paths: datasourcePaths, destinations: destinations)
        DatasourcesController(datasources: datasources, sync: policySync).register(on: api)
        let ssoPolicy = OIDCEndpointPolicy(allowHTTPLoopback: configuration.ssoAllowHTTPLoopback)
        let ssoClient = OutboundHTTPClient(destinations: destinations)
        let ssoSignIn = SSOSignIn(
            services: services, metadata: OIDCMetadataCache(client: ssoClient, clock: services.clock, policy: ssoPolicy), client: ssoClient)
        // HTML pages, not API operations: on the router itself, outside the OpenAPI document.
        let scanBell = ScanQueueBell()
        let scans = Scans(services: services, bell: scanBell, maximumQueued: configuration.discovery.maximumQueuedScansPerTenant)
        let console = ConsoleController(
            services: services, policies: policyCache, datasources: datasources, accessRequests: accessRequests, scans: scans,
            administration: administration, destinations: destinations, changes: changes, sso: ssoSignIn, publicURL: configuration.publicBaseURL)
        console.register(on: router)
        DatasourceSyncController(sync: policySync).register(on: api)
        ScansController(services: services, scans: scans).register(on: api)
        TaggingRulesController(services: services, changes: changes).register(on: api)
        ClassifiersController(services: services).register(on: api)
        TagsController(services: services, reviews: TagReviews(services: services, administration: administration, changes: changes))
            .register(on: api)
        AuditController(services: services).register(on: api)
        let backupStatus = BackupStatus(metrics: services.metrics)
        BackupsController(schedule: configuration.backup, status: backupStatus, leases: leases).register(on: api)
        MFAController(services: services).register(on: api)
        SessionsController(services: services).register(on: api)
        SecurityController(services: services, destinations: destinations).register(on: api)
        SCIMTokensController(services: services, publicURL: configuration.publicBaseURL).register(on: api)
        SCIMController(services: services, publicURL: configuration.publicBaseURL).register(on: api)
        SSOProvidersController(
            services: services, providers: SSOProviders(services: services, policy: ssoPolicy), publicURL: configuration.publicBaseURL
        )
        .register(on: api)
        SSOSettingsController(services: services).register(on: api)
        SSOIdentitiesController(services: services).register(on: api)
        SSOAuthController(
            services: services, signIn: ssoSignIn, publicURL: configuration.publicBaseURL,
            secureCookies: services.security.configuration.secureCookies, console: console
        ).register(on: api)
        api.addMethodNotAllowedAnswers()

        let server: HTTPServerBuilder
        if let certificate = configuration.tlsCertificatePath, let key = configuration.tlsKeyPath {
            server = try .tls(.http1(), tlsConfiguration: try tlsConfiguration(certificatePath: certificate, keyPath: key))
        } else {
            server = .http1()
        }
        var background: [any Service] = [
            DatabaseLifecycleService(database: database),
            ScanService(
                store: store,
                runner: ScanRunner(
                    store: store, keyring: keyring, clock: services.clock, administration: administration, configuration: configuration.discovery,
                    paths: configuration.discovery.pathPolicy(dataDirectory: configuration.dataDirectory), logger: logger,
                    destinations: destinations),
                configuration: configuration.discovery,
                instance: leases.instance, clock: services.clock, bell: scanBell, logger: logger),
            SessionJanitorService(store: store, clock: services.clock, interval: .seconds(300)),
            DirectoryCacheService(cache: services.directory, store: services.store, logger: logger),
            PolicyRefreshService(cache: policyCache, store: store, interval: configuration.policyRefreshInterval, logger: logger),
            // Shut down in reverse: the writer drains first, then the last checkpoint covers it.
            AuditCheckpointService(log: services.auditLog, interval: configuration.auditCheckpointInterval, leases: leases, logger: logger),
            services.auditWriter,
            SecurityJanitorService(store: store, monitor: services.security, clock: services.clock, interval: .seconds(300)),
            PolicySyncService(sync: policySync, tick: configuration.syncTick, leases: leases, logger: logger),
            AccessRequestExpiryService(
                requests: accessRequests, changes: changes, reviews: accessReviews, interval: configuration.accessRequestSweep, leases: leases,
                logger: logger),
            AlertDeliveryService(
                store: store, keyring: keyring, monitor: services.security, clock: services.clock,
                configuration: configuration.security.webhooks, destinations: destinations, smtp: configuration.smtp, logger: logger),
        ]
        // Services stop in reverse order. Right after the database come the leases (started
        // before every job that asks for one and stopped after them all, so a job's last run,
        // the shutdown checkpoint, still holds its lease), then the backup scheduler and the audit
        // export (stopped before the leases are given up and the database closes).
        var afterDatabase: [any Service] = [leases]
        if let scheduler = try backupScheduler(
            configuration.backup, database: database, status: backupStatus, events: services.security, leases: leases, logger: logger)
        {
            afterDatabase.append(scheduler)
        }
        if let exporter { afterDatabase.append(exporter) }
        background.insert(contentsOf: afterDatabase, at: 1)
        // Started first and stopped last, so the spans of the last requests are still sent.
        if let traceExporter = configuration.traceExporter { background.insert(traceExporter, at: 0) }
        var application = Application(
            router: router,
            server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "rampart"),
            services: background,
            logger: logger
        )
        let bootstrapUsername = configuration.bootstrapUsername
        let bootstrapPassword = configuration.bootstrapPassword
        application.beforeServerStarts {
            onBootstrap(
                try await OperatorBootstrap.ensureOperator(services: services, username: bootstrapUsername, password: bootstrapPassword))
        }
        logger.info(
            "rampart configured",
            metadata: [
                "database": .string(configuration.database.redactedDescription), "master_key": .string(masterKey.origin),
                "address": .string("\(configuration.usesTLS ? "https" : "http")://\(configuration.host):\(configuration.port)"),
            ])
        return Built(application: application, services: services, routes: api.routes, masterKeyOrigin: masterKey.origin, drain: drain)
    }

    /// Query parameters a trace never records.
    static let secretQueryParameters: Set<String> = ["code", "state", "token", "access_token", "id_token", "password", "secret", "key"]

    /// The backup scheduler when `--backup-dir` is set: the key file is loaded and the
    /// directories created now, so a bad setting stops the start instead of the first backup.
    static func backupScheduler(
        _ schedule: BackupSchedule, database: any Database, status: BackupStatus, events: SecurityMonitor? = nil, leases: JobLeases? = nil,
        logger: Logger
    ) throws -> BackupScheduler? {
        guard let directory = schedule.directory else { return nil }
        let credential: BackupCredential
        do {
            credential = try BackupCredential.loadKeyFile(schedule.keyFile ?? "")
        } catch let error as BackupError {
            throw RampartError(.configuration, error.message)
        }
        for folder in [directory] + [schedule.offsiteDirectory].compactMap({ $0 }) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw RampartError(.configuration, "cannot create backup directory \(folder)")
            }
        }
        logger.info(
            "scheduled backups on",
            metadata: [
                "directory": .string(directory), "offsite": .string(schedule.offsiteDirectory ?? "none"), "interval": "\(schedule.intradayInterval)",
            ])
        return BackupScheduler(
            schedule: schedule, directory: directory, credential: credential, database: database, status: status, events: events, leases: leases,
            logger: logger)
    }

    static func tlsConfiguration(certificatePath: String, keyPath: String) throws -> TLSConfiguration {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificatePath).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
            return TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        } catch {
            throw RampartError(.configuration, "cannot load TLS certificate or key: \(error)")
        }
    }
}
