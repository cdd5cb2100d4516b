// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RampartApp
import RampartCore

/// Resolves the `Authorization` header into a ``Principal``.
///
/// `Bearer <token>` is a session token; `Bearer <key id>.<secret>` or `Basic base64(<key id>:<secret>)`
/// is an API key. A request without the header continues anonymously (routes decide whether that
/// is allowed); a request with a header that does not authenticate is refused here with 401, so a
/// bad credential never silently downgrades to anonymous.
package struct AuthenticationMiddleware: RouterMiddleware {
    package typealias Context = RampartRequestContext
    let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // SCIM endpoints take the tenant's SCIM token, which they check themselves; it is
        // neither a session nor an API key, and must not be refused here as one.
        guard let header = request.headers[.authorization], !request.uri.path.hasPrefix("/scim/") else {
            return try await next(request, context)
        }
        var context = context
        let principal = try await authenticate(header: header)
        context.principal = principal
        context.audit?.setPrincipal(principal)
        context.logger[metadataKey: "actor"] = .string(context.principal?.actor ?? "anonymous")
        if case .apiKey(let keyID, _) = principal.kind {
            try await services.security.noteAPIKeyUse(keyID: keyID, tenant: principal.tenantID, ip: context.sourceIP, audit: context.audit)
        }
        return try await next(request, context)
    }

    /// Reads the credential off the header and has ``CredentialAuthentication`` check it.
    func authenticate(header: String) async throws -> Principal {
        try await CredentialAuthentication(services: services).principal(for: try Self.credential(header))
    }

    /// The credential in an `Authorization` header value.
    static func credential(_ header: String) throws -> PresentedCredential {
        let invalid = CredentialAuthentication.refused
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { throw invalid }
        let scheme = parts[0].lowercased()
        let value = String(parts[1]).trimmingWhitespace()
        switch scheme {
        case "bearer":
            if let dot = value.firstIndex(of: ".") {
                return .apiKey(id: String(value[..<dot]), secret: Secret(String(value[value.index(after: dot)...])))
            }
            return .sessionToken(Secret(value))
        case "basic":
            guard let data = Data(base64Encoded: value), let decoded = String(data: data, encoding: .utf8),
                let colon = decoded.firstIndex(of: ":")
            else { throw invalid }
            return .apiKey(id: String(decoded[..<colon]), secret: Secret(String(decoded[decoded.index(after: colon)...])))
        default:
            throw invalid
        }
    }
}
