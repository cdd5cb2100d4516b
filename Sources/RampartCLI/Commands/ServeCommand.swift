// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Hummingbird
import Instrumentation
import Logging
import OTel
import RampartApp
import RampartCore
import RampartServer
import RampartStorage
import ServiceLifecycle
import UnixSignals

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the Rampart server (SQLite in --data-dir by default).")

    @OptionGroup var storage: StorageOptions

    @Option(help: "Address to bind. Non-loopback addresses need TLS.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port: Int = 8080

    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain for HTTPS.")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key for HTTPS.")
    var tlsKey: String?

    @Flag(name: .customLong("insecure-allow-plain-http"), help: "Allow plain HTTP on a non-loopback address (behind a TLS proxy).")
    var insecureAllowPlainHTTP = false

    @Option(name: .customLong("audit-syslog"), help: "Forward audit records to a syslog collector: tcp://host:port or tls://host:port.")
    var auditSyslog: String?

    @Option(name: .customLong("audit-syslog-ca"), help: "PEM CA file for a tls:// syslog collector.")
    var auditSyslogCA: String?

    @Option(
        name: .customLong("smtp-url"),
        help: ArgumentHelp(
            "Mail server for e-mail alerts: smtps://host[:465] or smtp://host:587 (STARTTLS); plain smtp:// only to loopback.",
            discussion: "Credentials come from RAMPART_SMTP_USERNAME and RAMPART_SMTP_PASSWORD."))
    var smtpURL: String?

    @Option(name: .customLong("smtp-from"), help: "Sender address of e-mail alerts (needed with --smtp-url).")
    var smtpFrom: String?

    @Option(name: .customLong("smtp-ca"), help: "PEM CA file for the mail server's certificate (default: system roots).")
    var smtpCA: String?

    @Option(name: .customLong("trusted-proxy"), help: "A proxy address whose X-Forwarded-For is believed (repeatable).")
    var trustedProxies: [String] = []

    @Option(
        name: .customLong("audit-checkpoint-seconds"),
        help: "How often the audit logs that grew get a signed checkpoint (5-86400); one server of those sharing a database signs.")
    var auditCheckpointSeconds: Int = 60
    @Option(
        name: .customLong("drain-seconds"),
        help: ArgumentHelp(
            "After SIGTERM, how long /readyz answers 503 while requests are still served, before the server stops accepting (0-120).",
            discussion: "Behind a load balancer, about two health-check intervals, so it stops sending requests first."))
    var drainSeconds: Int = 0
    @Option(
        name: .customLong("instance-id"),
        help: ArgumentHelp(
            "This server's name among the servers sharing its database (default: host name and data directory).",
            discussion: "Names the holder of each job lease and of each claimed scan; every server sharing a database needs its own."))
    var instanceID: String?
    @Option(
        name: .customLong("policy-refresh-seconds"),
        help: "How often to look for policy changes made through other servers sharing the database (1-3600).")
    var policyRefreshSeconds: Int = 2
    @Option(
        name: .customLong("audit-durability"),
        help: ArgumentHelp(
            "When a decision's (or read's) audit record counts as written: disk (default) or process.",
            discussion:
                "disk: on disk before the answer; survives a crash of the machine. process: in the database before the answer and on disk within 50 ms (SQLite) or 600 ms (PostgreSQL); survives a crash of Rampart, not a power loss in that window. State changes are always on disk before their answer."
        ))
    var auditDurability: CommitDurability = .disk
    @Option(name: .customLong("scan-concurrency"), help: "Discovery scans this server runs at once (0 runs none here).")
    var scanConcurrency: Int = 2
    @Option(name: .customLong("scan-concurrency-per-tenant"), help: "Discovery scans one tenant runs at once, over all servers.")
    var scanConcurrencyPerTenant: Int = 1

    @Option(name: .customLong("scan-queue-per-tenant"), help: "Discovery scans one tenant may have waiting in the queue; more are refused (429).")
    var scanQueuePerTenant: Int = 20
    @Option(name: .customLong("scan-max-rows"), help: "Rows a full discovery scan reads from one table at most.")
    var scanMaxRows: Int = 10_000_000
    @Option(
        name: .customLong("datasource-root"), help: "A directory file datasources may be under (repeatable; without one, file datasources are off).")
    var datasourceRoots: [String] = []
    @Option(name: .customLong("backup-dir"), help: "Take scheduled encrypted backups into this directory (off by default).")
    var backupDirectory: String?

    @Option(name: .customLong("backup-offsite-dir"), help: "Also copy every scheduled backup into this second directory.")
    var backupOffsiteDirectory: String?

    @Option(name: .customLong("backup-key-file"), help: "Backup key file for scheduled backups (rampart backup keygen).")
    var backupKeyFile: String?

    @Option(name: .customLong("backup-interval"), help: "Time between intraday backups, e.g. 6h, 30m, 90s.")
    var backupInterval: BackupInterval = BackupInterval(seconds: 6 * 3600)

    @Option(name: .customLong("backup-keep-daily"), help: "Daily backups kept.")
    var backupKeepDaily: Int = 7

    @Option(name: .customLong("backup-keep-intraday"), help: "Intraday backups kept.")
    var backupKeepIntraday: Int = 8
    @Option(name: .customLong("public-url"), help: "URL clients reach the server at, for SCIM locations and SSO redirects (default: from Host).")
    var publicURL: String?

    @Flag(name: .customLong("sso-allow-http-loopback"), help: "Allow http:// SSO issuers on loopback addresses (development only).")
    var ssoAllowHTTPLoopback = false

    @Option(
        name: .customLong("outbound-allow"),
        help: ArgumentHelp(
            "A network (CIDR) identity providers and PostgreSQL datasources may be on although internal (repeatable).",
            discussion:
                "Loopback, private, link-local, CGNAT, ULA and multicast addresses are refused otherwise. Also read from RAMPART_OUTBOUND_ALLOW (comma-separated)."
        ))
    var outboundAllow: [String] = []

    @Option(name: .customLong("log-level"), help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: LogLevelOption = .info

    @Option(
        name: .customLong("otlp-endpoint"),
        help: ArgumentHelp(
            "Send OpenTelemetry traces of requests, decisions and scans to this OTLP/HTTP collector (off by default).",
            discussion: "The collector's base URL, e.g. http://127.0.0.1:4318; traces go to its /v1/traces."))
    var otlpEndpoint: String?

    /// Makes OpenTelemetry's tracer the process's, exporting over OTLP/HTTP to `endpoint`, and
    /// returns the exporter to run with the server. Logs and metrics stay Rampart's own (stderr and
    /// `/metrics`), so only tracing is bootstrapped.
    static func bootstrapTracing(endpoint: String) throws -> any Service {
        var configuration = OTel.Configuration.default
        configuration.serviceName = "rampart"
        configuration.traces.enabled = true
        configuration.traces.exporter = .otlp
        let base = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        configuration.traces.otlpExporter.endpoint = base.hasSuffix("/v1/traces") ? base : base + "/v1/traces"
        configuration.traces.otlpExporter.protocol = .httpProtobuf
        configuration.metrics.enabled = false
        configuration.logs.enabled = false
        let tracing = try OTel.makeTracingBackend(configuration: configuration)
        InstrumentationSystem.bootstrap(tracing.factory)
        return tracing.service
    }

    /// The `--outbound-allow` networks plus those of `RAMPART_OUTBOUND_ALLOW`.
    static func outboundPolicy(flags: [String], environment: [String: String]) throws -> OutboundAddressPolicy {
        let fromEnvironment = (environment["RAMPART_OUTBOUND_ALLOW"] ?? "").split(separator: ",").map(String.init)
            .filter { !$0.trimmingWhitespace().isEmpty }
        do {
            return try OutboundAddressPolicy(allowing: flags + fromEnvironment)
        } catch {
            throw ValidationError("--outbound-allow: \(error)")
        }
    }

    func validate() throws {
        _ = try Self.outboundPolicy(flags: outboundAllow, environment: ProcessInfo.processInfo.environment)
        if let otlpEndpoint {
            guard let url = URL(string: otlpEndpoint), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw ValidationError("--otlp-endpoint must be an http:// or https:// URL")
            }
        }
        if smtpURL != nil && smtpFrom == nil { throw ValidationError("--smtp-url needs --smtp-from") }
        if smtpURL == nil && (smtpFrom != nil || smtpCA != nil) { throw ValidationError("--smtp-from and --smtp-ca need --smtp-url") }
        guard backupKeepDaily >= 1, backupKeepIntraday >= 0 else {
            throw ValidationError("--backup-keep-daily must be at least 1 and --backup-keep-intraday at least 0")
        }
    }

    func run() async throws {
        let level = logLevel.level
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        guard (1...3600).contains(policyRefreshSeconds) else { throw ValidationError("--policy-refresh-seconds must be from 1 to 3600") }
        guard (0...64).contains(scanConcurrency) else { throw ValidationError("--scan-concurrency must be from 0 to 64") }
        guard (1...64).contains(scanConcurrencyPerTenant) else { throw ValidationError("--scan-concurrency-per-tenant must be from 1 to 64") }
        guard scanMaxRows >= 1 else { throw ValidationError("--scan-max-rows must be at least 1") }
        var configuration = ServerConfiguration()
        configuration.policyRefreshInterval = .seconds(policyRefreshSeconds)
        guard (5...86_400).contains(auditCheckpointSeconds) else { throw ValidationError("--audit-checkpoint-seconds must be from 5 to 86400") }
        configuration.auditCheckpointInterval = .seconds(auditCheckpointSeconds)
        guard (0...120).contains(drainSeconds) else { throw ValidationError("--drain-seconds must be from 0 to 120") }
        configuration.drainDelay = .seconds(drainSeconds)
        if let instanceID {
            guard (1...200).contains(instanceID.count), instanceID.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
                throw ValidationError("--instance-id must be 1 to 200 printable ASCII characters without spaces")
            }
            configuration.discovery.instanceID = instanceID
        }
        configuration.auditDurability = auditDurability
        configuration.discovery.maximumConcurrentScans = scanConcurrency
        configuration.discovery.maximumConcurrentScansPerTenant = scanConcurrencyPerTenant
        guard (1...10_000).contains(scanQueuePerTenant) else { throw ValidationError("--scan-queue-per-tenant must be from 1 to 10000") }
        configuration.discovery.maximumQueuedScansPerTenant = scanQueuePerTenant
        configuration.discovery.maximumRowsPerTable = scanMaxRows
        configuration.discovery.allowedPathRoots = datasourceRoots
        configuration.host = host
        configuration.port = port
        configuration.dataDirectory = storage.dataDirectory
        configuration.databaseURL = storage.resolvedDatabaseURL
        configuration.tlsCertificatePath = tlsCertificate
        configuration.tlsKeyPath = tlsKey
        configuration.insecureAllowPlainHTTP = insecureAllowPlainHTTP
        configuration.auditSyslog = try auditSyslog.map { try SyslogSink(url: $0, caFile: auditSyslogCA) }
        configuration.trustedProxies = Set(trustedProxies)
        if let smtpURL, let smtpFrom {
            // Credentials only from the environment: flag values are visible to every local user in `ps`.
            configuration.smtp = try SMTPConfiguration(
                url: smtpURL, from: smtpFrom, caFile: smtpCA, environment: ProcessInfo.processInfo.environment)
        }
        configuration.backup.directory = backupDirectory
        configuration.backup.offsiteDirectory = backupOffsiteDirectory
        configuration.backup.keyFile = backupKeyFile
        configuration.backup.intradayInterval = .seconds(backupInterval.seconds)
        configuration.backup.keepDaily = backupKeepDaily
        configuration.backup.keepIntraday = backupKeepIntraday
        configuration.publicURL = publicURL
        configuration.ssoAllowHTTPLoopback = ssoAllowHTTPLoopback
        configuration.outboundAddressPolicy = try Self.outboundPolicy(flags: outboundAllow, environment: ProcessInfo.processInfo.environment)
        if let otlpEndpoint { configuration.traceExporter = try Self.bootstrapTracing(endpoint: otlpEndpoint) }
        if let password = ProcessInfo.processInfo.environment["RAMPART_BOOTSTRAP_PASSWORD"], !password.isEmpty {
            configuration.bootstrapPassword = Secret(password)
        }
        var configuredLogger = Logger(label: "rampart")
        configuredLogger.logLevel = level
        let logger = configuredLogger
        let built = try await RampartApplication.build(configuration: configuration, logger: logger) { outcome in
            switch outcome {
            case .alreadyPresent: break
            case .created(let username):
                logger.notice("created operator account from RAMPART_BOOTSTRAP_PASSWORD", metadata: ["username": .string(username)])
            case .createdWithGeneratedPassword(let username, let password):
                // Printed to the terminal once, never logged: the log may be shipped elsewhere.
                let banner = """

                    ================================================================
                      Rampart operator account created.
                        username: \(username)
                        password: \(password)
                      This password is shown once. Store it in a password manager.
                    ================================================================

                    """
                FileHandle.standardOutput.write(Data(banner.utf8))
            }
        }
        // The drain runs after the application: a group stops its services in reverse order, so
        // readiness turns 503 for the drain delay before the HTTP server stops accepting. The stop
        // is bounded: requests still running after the timeout are cancelled.
        var group = ServiceGroupConfiguration(
            services: [.init(service: built.application), .init(service: built.drain)], gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        group.maximumGracefulShutdownDuration = configuration.drainDelay + configuration.shutdownTimeout
        try await ServiceGroup(configuration: group).run()
    }
}

/// A duration given as `90s`, `30m` or `6h` (a bare number is seconds).
struct BackupInterval: ExpressibleByArgument {
    var seconds: Int64

    init(seconds: Int64) { self.seconds = seconds }

    init?(argument: String) {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
        var text = argument
        var unit: Int64 = 1
        if let last = text.last, let scale = units[last] {
            unit = scale
            text.removeLast()
        }
        // Bounded before the multiplication: a huge number is a usage error, not a trap.
        guard let value = Int64(text), value > 0, value <= 366 * 86_400 / unit else { return nil }
        seconds = value * unit
    }
}

/// `--audit-durability disk|process`, read by ArgumentParser from the raw values.
extension CommitDurability: ExpressibleByArgument {}
