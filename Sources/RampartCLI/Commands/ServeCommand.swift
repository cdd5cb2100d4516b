// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Hummingbird
import Logging
import RampartCore
import RampartServer

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

    @Option(name: .customLong("public-url"), help: "URL clients reach the server at, for SCIM locations and SSO redirects (default: from Host).")
    var publicURL: String?

    @Flag(name: .customLong("sso-allow-http-loopback"), help: "Allow http:// SSO issuers on loopback addresses (development only).")
    var ssoAllowHTTPLoopback = false

    @Option(name: .customLong("log-level"), help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: LogLevelOption = .info

    func run() async throws {
        let level = logLevel.level
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.dataDirectory = storage.dataDirectory
        configuration.databaseURL = storage.resolvedDatabaseURL
        configuration.tlsCertificatePath = tlsCertificate
        configuration.tlsKeyPath = tlsKey
        configuration.insecureAllowPlainHTTP = insecureAllowPlainHTTP
        configuration.publicURL = publicURL
        configuration.ssoAllowHTTPLoopback = ssoAllowHTTPLoopback
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
        try await built.application.runService()
    }
}
