// SPDX-License-Identifier: Apache-2.0

/// Why a datasource could not be read, with a stable code for each kind of failure so that an
/// administrator (or a script) can tell a typo in the host name from a wrong password.
///
/// Messages never contain the password or a value read from the data.
package struct ConnectorError: Error, Sendable, Equatable, CustomStringConvertible {
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        package let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        package var description: String { rawValue }

        /// The host name does not resolve.
        package static let dns = Code("dns")
        /// Nothing listens at the address (connection refused or unreachable).
        package static let refused = Code("refused")
        /// The server rejected the credentials.
        package static let auth = Code("auth")
        /// TLS could not be negotiated or the certificate was not trusted.
        package static let tls = Code("tls")
        /// Connected, but not allowed to read (database, schema, table or file).
        package static let permission = Code("permission")
        /// The server's outbound address policy refuses the destination (a loopback, private,
        /// link-local… address). Decided before connecting: it does not tell whether anything
        /// listens there.
        package static let destinationNotAllowed = Code("destination-not-allowed")
        /// No answer in time.
        package static let timeout = Code("timeout")
        /// The file, directory or database does not exist.
        package static let notFound = Code("not-found")
        /// The data could not be parsed (a malformed CSV file), or the server answered with an error.
        package static let invalidData = Code("invalid-data")
    }

    package let code: Code
    package let message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { "\(code.rawValue): \(message)" }
}
