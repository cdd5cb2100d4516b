// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartEncryption

/// `/v1/protect` and `/v1/unprotect`: up to 10,000 values through one scheme; the tenant's
/// policies on `rampart-encryption` decide.
struct DataProtectionController {
    let protection: DataProtection

    struct Body: Decodable {
        var scheme: String?
        var values: [String]?
        /// `/v1/unprotect` only: the masked form even where the clear one is allowed.
        var masked: Bool?
    }

    struct Reply: Encodable {
        var scheme: String
        var algorithm: String
        /// `protected`, `clear` or `masked`.
        var form: String
        var keyVersion: Int?
        var values: [String]
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/protect", .tenant(.dataProtect), protect)
        api.add(.post, "/v1/unprotect", .tenant(.dataProtect), unprotect)
    }

    @Sendable func protect(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let (scheme, values, masked) = try await Self.read(request)
        guard masked == nil else { throw RampartError.validation("only for /v1/unprotect", field: "masked") }
        let outcome = try await protection.protect(values, scheme: scheme, as: principal, audit: context.audit)
        return try JSONBody.response(Reply(outcome, scheme: scheme))
    }

    @Sendable func unprotect(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let (scheme, values, masked) = try await Self.read(request)
        let outcome = try await protection.unprotect(values, scheme: scheme, masked: masked ?? false, as: principal, audit: context.audit)
        return try JSONBody.response(Reply(outcome, scheme: scheme))
    }

    static func read(_ request: Request) async throws -> (scheme: String, values: [String], masked: Bool?) {
        let body = try await JSONBody.decode(Body.self, from: request, limit: DataProtection.maximumBodyBytes)
        guard let scheme = body.scheme, !scheme.isEmpty else { throw RampartError.validation("is required", field: "scheme") }
        guard let values = body.values else { throw RampartError.validation("is required", field: "values") }
        return (scheme, values, body.masked)
    }
}

extension DataProtectionController.Reply {
    init(_ outcome: DataProtection.Outcome, scheme: String) {
        self.init(
            scheme: scheme, algorithm: outcome.algorithm.rawValue, form: outcome.form.rawValue, keyVersion: outcome.keyVersion, values: outcome.values
        )
    }
}
