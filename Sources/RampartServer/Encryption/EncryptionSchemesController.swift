// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore
import RampartEncryption

/// `/v1/encryption-schemes`: a tenant's format-preserving, token and AEAD schemes.
struct EncryptionSchemesController {
    let schemes: EncryptionSchemes
    let bodyLimit: Int

    /// The request body: the scheme's name and description beside its definition, enumerations as
    /// text so an unknown one is refused naming its field.
    struct Body: Decodable {
        var name: String?
        var description: String?
        var algorithm: String?
        var alphabet: String?
        var customAlphabet: String?
        var keepFirst: Int?
        var keepLast: Int?
        var tweak: String?
        var fixedTweak: String?
        var reversible: Bool?
        var tokenPrefix: String?
        var mask: MaskBody?

        struct MaskBody: Decodable {
            var showFirst: Int?
            var showLast: Int?
            var character: String?
        }

        func definition() throws -> EncryptionSchemeDefinition {
            guard let algorithm else { throw RampartError.validation("is required", field: "algorithm") }
            var mask: ValueMask?
            if let body = self.mask {
                var value = ValueMask()
                value.showFirst = body.showFirst ?? value.showFirst
                value.showLast = body.showLast ?? value.showLast
                if let character = body.character {
                    guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                        scalar.properties.generalCategory != .control
                    else { throw RampartError.validation("must be one character", field: "mask.character") }
                    value.character = scalar
                }
                mask = value
            }
            return EncryptionSchemeDefinition(
                algorithm: try Self.choice(algorithm, field: "algorithm"), alphabet: try alphabet.map { try Self.choice($0, field: "alphabet") },
                customAlphabet: customAlphabet, keepFirst: keepFirst, keepLast: keepLast,
                tweak: try tweak.map { try Self.choice($0, field: "tweak") },
                fixedTweak: fixedTweak, reversible: reversible, tokenPrefix: tokenPrefix, mask: mask)
        }

        static func choice<T: RawRepresentable & CaseIterable>(_ text: String, field: String) throws -> T where T.RawValue == String {
            guard let value = T(rawValue: text) else {
                throw RampartError.validation("must be one of \(T.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))", field: field)
            }
            return value
        }
    }

    func register(on api: APIRouter) {
        api.add(.post, "/v1/encryption-schemes", .tenant(.encryptionManage), create)
        api.add(.get, "/v1/encryption-schemes", .tenant(.policiesRead), list)
        api.add(.get, "/v1/encryption-schemes/{name}", .tenant(.policiesRead), get)
        api.add(.delete, "/v1/encryption-schemes/{name}", .tenant(.encryptionManage), delete)
    }

    @Sendable func create(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let body = try await JSONBody.decode(Body.self, from: request, limit: bodyLimit)
        guard let name = body.name else { throw RampartError.validation("is required", field: "name") }
        let created = try await schemes.create(
            name: name, description: body.description, definition: try body.definition(), in: principal.tenantID, audit: context.audit)
        return try JSONBody.response(EncryptionSchemeResponse(created), status: .created)
    }

    @Sendable func list(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(["items": try await schemes.list(in: principal.tenantID).map(EncryptionSchemeResponse.init)])
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        return try JSONBody.response(EncryptionSchemeResponse(try await schemes.get(context.parameters.get("name") ?? "", in: principal.tenantID)))
    }

    @Sendable func delete(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        try await schemes.delete(context.parameters.get("name") ?? "", in: principal.tenantID, audit: context.audit)
        return Response(status: .noContent)
    }
}
