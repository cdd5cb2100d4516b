// SPDX-License-Identifier: Apache-2.0

/// The one error type that crosses Rampart's layers.
///
/// It carries a stable ``Code`` (which becomes the `type` of an RFC 9457 problem document and the
/// exit status class of the CLI) and a message that is safe to show: messages never contain
/// secrets, because they are written to logs and responses verbatim.
package struct RampartError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error code. New codes can be added without breaking callers.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        package let rawValue: String
        /// The HTTP status this code maps to.
        package let httpStatus: Int

        private init(_ rawValue: String, _ httpStatus: Int) {
            self.rawValue = rawValue
            self.httpStatus = httpStatus
        }

        package var description: String { rawValue }

        package static let badRequest = Code("bad-request", 400)
        package static let malformedJSON = Code("malformed-json", 400)
        package static let validationFailed = Code("validation-failed", 422)
        package static let weakPassword = Code("weak-password", 422)
        package static let unauthenticated = Code("unauthenticated", 401)
        package static let forbidden = Code("forbidden", 403)
        package static let notFound = Code("not-found", 404)
        package static let methodNotAllowed = Code("method-not-allowed", 405)
        package static let conflict = Code("conflict", 409)
        package static let preconditionFailed = Code("precondition-failed", 412)
        package static let payloadTooLarge = Code("payload-too-large", 413)
        package static let unsupportedMediaType = Code("unsupported-media-type", 415)
        package static let tenantSuspended = Code("tenant-suspended", 403)
        package static let tooManyRequests = Code("too-many-requests", 429)
        package static let unavailable = Code("unavailable", 503)
        /// A datasource could not be read; the message starts with the connector's code (`auth: …`).
        package static let datasourceFailed = Code("datasource-failed", 502)
        /// Rampart refused to connect where a tenant's configuration points (an identity provider
        /// on a loopback, private or link-local address): the server's outbound address policy.
        package static let destinationNotAllowed = Code("destination-not-allowed", 502)
        /// A remote party (an SMTP server) refused for good; retrying would not help.
        package static let rejected = Code("rejected", 502)
        package static let configuration = Code("configuration", 500)
        package static let keyring = Code("keyring", 500)
        package static let storage = Code("storage", 500)
        package static let internalError = Code("internal", 500)
    }

    package let code: Code
    package let message: String
    /// The JSON field (or query parameter) the error is about, when there is one.
    package let field: String?

    package init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    package var description: String { "\(code.rawValue): \(message)" }

    package static func notFound(_ what: String) -> RampartError {
        RampartError(.notFound, "\(what) not found")
    }

    package static func validation(_ message: String, field: String) -> RampartError {
        RampartError(.validationFailed, message, field: field)
    }
}
