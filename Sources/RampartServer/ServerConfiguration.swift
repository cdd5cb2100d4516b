// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartApp
import RampartCore
import RampartStorage
import ServiceLifecycle

/// Everything `rampart serve` can be told. Defaults are the secure ones: loopback, no TLS needed
/// there, memory-hard passwords, short idle sessions.
package struct ServerConfiguration: Sendable {
    package var host: String = "127.0.0.1"
    package var port: Int = 8080
    package var dataDirectory: String = "./rampart-data"
    /// `postgres://…` to use PostgreSQL instead of the embedded SQLite file.
    package var databaseURL: String?
    package var tlsCertificatePath: String?
    package var tlsKeyPath: String?
    /// Allows a non-loopback bind without TLS (a warning is logged). For use behind a TLS proxy.
    package var insecureAllowPlainHTTP = false
    package var passwordParameters = PasswordHasher.Parameters.default
    package var sessionLifetime = SessionLifetime()
    package var maximumBodySize = 1 << 20
    /// Peer addresses whose `X-Forwarded-For` is believed (exact IP addresses). Empty: the header
    /// is ignored, so a client cannot choose the source IP that audit and throttling see.
    package var trustedProxies: Set<String> = []
    /// How often each tenant's audit log gets a signed checkpoint when it has grown.
    package var auditCheckpointInterval: Duration = .seconds(60)
    /// When the audit record of a decision, read or refusal counts as written, and so when its
    /// answer may go out (`--audit-durability`): on disk (the default) or in the database.
    package var auditDurability = CommitDurability.disk
    /// Forward every audit record to this syslog collector (off by default).
    package var auditSyslog: SyslogSink?
    /// The exporter of OpenTelemetry traces (`--otlp-endpoint`), run with the server; requests
    /// are traced only when it is set, since the tracer is global.
    package var traceExporter: (any Service)?
    /// The operator's mail server for e-mail alerts (`--smtp-url`, `--smtp-from`, `--smtp-ca`);
    /// off by default, and then alert rules can only name webhooks.
    package var smtp: SMTPConfiguration?
    /// How often the server looks for policy changes made through other servers sharing the
    /// database; its own writes take effect before they are answered.
    package var policyRefreshInterval: Duration = .seconds(2)
    /// How long `/readyz` reports draining after SIGTERM before the server stops accepting
    /// (see ``ServerDrain``): about two of the load balancer's health-check intervals.
    package var drainDelay: Duration = .zero
    /// How long a stop may wait for requests in flight and background jobs before they are cancelled.
    package var shutdownTimeout: Duration = .seconds(30)
    /// How often the policy sync looks for PostgreSQL datasources due for enforcement.
    package var syncTick: Duration = .seconds(5)
    /// How often due access requests are settled (expired access loses its policy, unanswered
    /// requests time out). Decisions deny at expiry regardless, by the policy's validity.
    package var accessRequestSweep: Duration = .seconds(5)
    /// The operator's first password; when `nil` on first start, one is generated and printed once.
    package var bootstrapPassword: Secret<String>?
    package var bootstrapUsername = "operator"
    /// Scheduled backups; off unless `backup.directory` is set.
    package var backup = BackupSchedule()
    /// Two-factor login, login throttling, security events and API rate limits.
    package var security = SecurityConfiguration()
    /// The wall clock; injectable so tests can move time instead of sleeping.
    package var clock: any RampartClock = SystemClock()
    /// The URL clients reach the server at (`https://rampart.example.com`), for SCIM resource
    /// locations and the SSO redirect URI; when `nil`, taken from each request's `Host`.
    package var publicURL: String?
    /// Lets SSO providers be plain `http://` on loopback addresses (development and tests only;
    /// every other issuer must be `https://`).
    package var ssoAllowHTTPLoopback = false
    /// Where Rampart connects on a tenant's behalf (identity providers, PostgreSQL datasources):
    /// internal addresses are refused unless one of these networks (`--outbound-allow`) admits
    /// them.
    package var outboundAddressPolicy = OutboundAddressPolicy()
    /// Background discovery scans: concurrency, polling, heartbeats.
    package var discovery = DiscoveryConfiguration()
    /// Read for `RAMPART_MASTER_KEY`; injectable for tests.
    package var environment: [String: String] = ProcessInfo.processInfo.environment

    package init() {}

    /// How links to this server are built (see ``PublicBaseURL``).
    package var publicBaseURL: PublicBaseURL {
        PublicBaseURL(configured: publicURL, usesTLS: usesTLS, fallbackHost: host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)")
    }

    package var database: DatabaseConfiguration {
        DatabaseConfiguration.resolve(dataDirectory: dataDirectory, databaseURL: databaseURL)
    }

    package var usesTLS: Bool { tlsCertificatePath != nil }

    /// ``security`` with what follows from the rest: the device cookie is `Secure` whenever
    /// browsers reach the server over TLS (directly, or through the TLS proxy that plain HTTP on a
    /// public address implies).
    package var effectiveSecurity: SecurityConfiguration {
        var security = security
        security.secureCookies = security.secureCookies || usesTLS || insecureAllowPlainHTTP
        if let smtp { security.smtp = smtp }
        return security
    }

    /// Refuses configurations that would expose the API in clear text, and half-given TLS options.
    package func validate() throws -> [String] {
        var warnings: [String] = []
        guard (0...65535).contains(port) else { throw RampartError(.configuration, "--port must be from 0 to 65535") }
        if (tlsCertificatePath == nil) != (tlsKeyPath == nil) {
            throw RampartError(.configuration, "--tls-cert and --tls-key must be given together")
        }
        if backup.isEnabled && backup.keyFile == nil {
            throw RampartError(.configuration, "--backup-dir needs --backup-key-file (create one with: rampart backup keygen --out FILE)")
        }
        if backup.isEnabled && backup.intradayInterval < .seconds(1) {
            throw RampartError(.configuration, "--backup-interval must be at least one second")
        }
        if let publicURL, !(publicURL.hasPrefix("https://") || publicURL.hasPrefix("http://")) || publicURL.contains("?") {
            throw RampartError(.configuration, "--public-url must be an http:// or https:// URL without a query")
        }
        try smtp?.validate()
        if !Self.isLoopback(host) && !usesTLS {
            guard insecureAllowPlainHTTP else {
                throw RampartError(
                    .configuration,
                    "refusing to serve plain HTTP on non-loopback address \(host); give --tls-cert and --tls-key, "
                        + "or --insecure-allow-plain-http if a TLS-terminating proxy is in front")
            }
            warnings.append("serving plain HTTP on non-loopback address \(host): credentials cross the network unencrypted")
        }
        if !Self.isLoopback(host) && publicURL == nil {
            warnings.append(
                "no --public-url on non-loopback address \(host): single sign-on is off (its redirect URI is never taken from a request's Host)")
        }
        return warnings
    }

    package static func isLoopback(_ host: String) -> Bool { LoopbackHost.contains(host) }
}
