// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

/// The operator's outgoing mail server for e-mail alerts (one per server, not per tenant).
///
/// Alerts describe attacks on a tenant, so they leave the server encrypted: `smtps://` (TLS from
/// the first byte, port 465 by default) or `smtp://host:587` (STARTTLS, which is then required: a
/// server that does not offer it is not sent to, so a network attacker cannot strip it). Plain
/// `smtp://` on any other port is allowed only to a loopback relay. Credentials come from the
/// environment, never from a flag (flags show up in `ps`), and are sent only over TLS.
package struct SMTPConfiguration: Sendable {
    package enum Security: String, Sendable {
        /// TLS from connect (`smtps://`).
        case implicitTLS
        /// Plain connect, then `STARTTLS` before anything else (`smtp://…:587`).
        case startTLS
        /// No encryption: loopback relays only.
        case plain
    }

    package var host: String
    package var port: Int
    package var security: Security
    /// The envelope sender and `From:` address.
    package var from: String
    /// `AUTH PLAIN` credentials (`RAMPART_SMTP_USERNAME`, `RAMPART_SMTP_PASSWORD`).
    package var username: String?
    package var password: Secret<String>?
    /// PEM file of the CA that signs the mail server's certificate; the system roots otherwise.
    package var caFile: String?
    /// Time allowed for one whole SMTP session (connect to QUIT).
    package var timeout: Duration = .seconds(30)

    package init(
        host: String, port: Int, security: Security, from: String, username: String? = nil, password: Secret<String>? = nil,
        caFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.from = from
        self.username = username
        self.password = password
        self.caFile = caFile
    }

    /// Parses `--smtp-url` and takes the credentials from `environment`. Validation beyond the
    /// syntax is ``validate()``'s job, so a configuration built in code is checked the same way.
    package init(url: String, from: String, caFile: String?, environment: [String: String]) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "smtp" || scheme == "smtps", let rawHost = components.host, !rawHost.isEmpty,
            components.user == nil, components.password == nil, components.path.isEmpty || components.path == "/",
            components.query == nil
        else {
            throw RampartError(
                .configuration,
                "--smtp-url is smtps://host[:port] or smtp://host:587 (credentials only in RAMPART_SMTP_USERNAME/RAMPART_SMTP_PASSWORD), "
                    + "not `\(url.prefix(200))`")
        }
        let host = rawHost.hasPrefix("[") && rawHost.hasSuffix("]") ? String(rawHost.dropFirst().dropLast()) : rawHost
        let port = components.port ?? (scheme == "smtps" ? 465 : 25)
        let security: Security = scheme == "smtps" ? .implicitTLS : (port == 587 ? .startTLS : .plain)
        let username = environment["RAMPART_SMTP_USERNAME"].flatMap { $0.isEmpty ? nil : $0 }
        let password = environment["RAMPART_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : Secret($0) }
        self.init(host: host, port: port, security: security, from: from, username: username, password: password, caFile: caFile)
    }

    /// Refuses plain SMTP off loopback, credentials without TLS, half-given credentials, a bad
    /// sender address and an unreadable CA file.
    package func validate() throws {
        guard (1...65535).contains(port) else { throw RampartError(.configuration, "--smtp-url has an invalid port") }
        if security == .plain && !LoopbackHost.contains(host) {
            throw RampartError(
                .configuration,
                "refusing plain SMTP to non-loopback host \(host.prefix(200)): alerts would cross the network unencrypted; "
                    + "use smtps://host[:465] or smtp://host:587 (STARTTLS)")
        }
        if (username == nil) != (password == nil) {
            throw RampartError(.configuration, "RAMPART_SMTP_USERNAME and RAMPART_SMTP_PASSWORD must be set together")
        }
        if username != nil && security == .plain {
            throw RampartError(.configuration, "SMTP credentials are sent only over TLS; use smtps:// or smtp://host:587")
        }
        if let username, username.contains(where: { $0 == "\0" || $0.isNewline }) {
            throw RampartError(.configuration, "RAMPART_SMTP_USERNAME must not contain NUL or line breaks")
        }
        if let password, password.exposedValue.contains(where: { $0 == "\0" || $0.isNewline }) {
            throw RampartError(.configuration, "RAMPART_SMTP_PASSWORD must not contain NUL or line breaks")
        }
        do {
            _ = try MailboxAddress.validate(from, field: "from")
        } catch {
            throw RampartError(.configuration, "--smtp-from must be an address like alerts@example.com")
        }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw RampartError(.configuration, "--smtp-ca \(caFile.prefix(200)) is not a readable file")
        }
    }

    /// Whether the session is encrypted before any credentials or alert content are sent.
    package var usesTLS: Bool { security != .plain }

    /// The name given in `EHLO`: the sender's domain, which a relay can check against DNS.
    package var heloName: String {
        from.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}
