// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

/// Where audit records are forwarded: an RFC 5424 syslog collector over TCP (RFC 6587 octet
/// counting) or TLS (RFC 5425).
package struct SyslogSink: Sendable, Hashable {
    package enum Transport: String, Sendable, Hashable {
        case tcp
        case tls
    }

    package var transport: Transport
    package var host: String
    package var port: Int
    /// PEM file of the CA that signs the collector's certificate (TLS); the system roots otherwise.
    package var caFile: String?
    /// Records per delivery; each delivery is acknowledged before the next (see ``SyslogExporter``).
    package var batchSize: Int = 200
    /// Longest pause between retries while the collector is unreachable.
    package var maximumBackoff: Duration = .seconds(30)
    /// How often the exporter looks for new records when it has caught up.
    package var pollInterval: Duration = .milliseconds(500)
    /// `/readyz` reports `degraded` when the oldest unexported record is older than this.
    package var lagThreshold: Duration = .seconds(300)

    package init(transport: Transport, host: String, port: Int, caFile: String? = nil) {
        self.transport = transport
        self.host = host
        self.port = port
        self.caFile = caFile
    }

    /// `tcp://host:port` or `tls://host:port`.
    package init(url: String, caFile: String? = nil) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme.flatMap(Transport.init(rawValue:)),
            let host = components.host, !host.isEmpty, let port = components.port, (1...65535).contains(port)
        else {
            throw RampartError(.configuration, "a syslog destination is tcp://host:port or tls://host:port, not `\(url.prefix(200))`")
        }
        self.init(transport: scheme, host: host, port: port, caFile: caFile)
    }

    /// The stable name under which the export cursor of this sink is stored.
    package var name: String { "syslog+\(transport.rawValue)://\(host):\(port)" }
}
