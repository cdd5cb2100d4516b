// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartApp
import RampartCore
import RampartServer
import RampartTesting
import Testing

/// Issue 17, item 3: every numeric field and query parameter the API describes is sent the values
/// that trap careless arithmetic (0, -1, 2^63-1, -2^63, 1e300, 1.5 and a numeric string). None
/// may be answered with a 5xx, and the server must still answer afterwards: a trap would have
/// stopped the process for every tenant.
@Suite struct NumericInputSweepTests {
    /// The values, as JSON fragments and as query-string text.
    static let values: [(json: any Sendable, query: String)] = [
        (0, "0"), (-1, "-1"), (Int64.max, "9223372036854775807"), (Int64.min, "-9223372036854775808"),
        (1e300, "1e300"), (1.5, "1.5"), ("12", "%2212%22"),
    ]

    /// Reads the OpenAPI document's schemas, following `$ref`s.
    struct Schemas {
        let components: [String: Any]

        func resolve(_ schema: Any?) -> [String: Any] {
            guard var schema = schema as? [String: Any] else { return [:] }
            var hops = 0
            while let ref = schema["$ref"] as? String, hops < 20, let name = ref.split(separator: "/").last {
                schema = components[String(name)] as? [String: Any] ?? [:]
                hops += 1
            }
            return schema
        }

        func alternatives(_ schema: [String: Any]) -> [[String: Any]] {
            let nested = ((schema["oneOf"] as? [Any]) ?? []) + ((schema["anyOf"] as? [Any]) ?? []) + ((schema["allOf"] as? [Any]) ?? [])
            return [schema] + nested.map(resolve)
        }

        func isNumeric(_ schema: Any?) -> Bool {
            alternatives(resolve(schema)).contains { alternative in
                let types = (alternative["type"] as? [String]) ?? [(alternative["type"] as? String) ?? ""]
                return types.contains("integer") || types.contains("number")
            }
        }

        func objectSchema(_ schema: Any?) -> [String: Any]? {
            alternatives(resolve(schema)).first { $0["properties"] is [String: Any] }
        }

        /// A plausible value for a required field, so a request gets past "missing field" checks.
        func filler(_ schema: Any?, depth: Int = 0) -> Any {
            let resolved = resolve(schema)
            if let values = resolved["enum"] as? [Any], let first = values.first { return first }
            if let object = objectSchema(resolved), depth < 4 { return minimalObject(object, depth: depth + 1) }
            let type = (resolved["type"] as? String) ?? ((resolved["type"] as? [String])?.first { $0 != "null" }) ?? "string"
            switch type {
            case "integer", "number": return 1
            case "boolean": return false
            case "array": return [Any]()
            case "object": return [String: Any]()
            default: return "sweep-value"
            }
        }

        func minimalObject(_ object: [String: Any], depth: Int = 0) -> [String: Any] {
            let properties = object["properties"] as? [String: Any] ?? [:]
            var body: [String: Any] = [:]
            for name in object["required"] as? [String] ?? [] { body[name] = filler(properties[name], depth: depth) }
            return body
        }

        /// Every numeric field of a body schema, as a path of property names (`[]` stands for one
        /// element of an array).
        func numericFields(_ schema: Any?, prefix: [String] = [], depth: Int = 0) -> [[String]] {
            guard depth < 5 else { return [] }
            let resolved = resolve(schema)
            if isNumeric(resolved), !prefix.isEmpty { return [prefix] }
            var found: [[String]] = []
            if let object = objectSchema(resolved) {
                for (name, property) in (object["properties"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    found += numericFields(property, prefix: prefix + [name], depth: depth + 1)
                }
            }
            if let items = resolved["items"] { found += numericFields(items, prefix: prefix + ["[]"], depth: depth + 1) }
            return found
        }

        /// `base` with the field at `path` set to `value`, building the objects and arrays on the way.
        func setting(_ path: ArraySlice<String>, to value: Any, in base: Any?, schema: Any?) -> Any {
            guard let head = path.first else { return value }
            let resolved = resolve(schema)
            if head == "[]" {
                return [setting(path.dropFirst(), to: value, in: nil, schema: resolved["items"])]
            }
            let object = objectSchema(resolved) ?? [:]
            var body = (base as? [String: Any]) ?? minimalObject(object)
            let property = (object["properties"] as? [String: Any])?[head]
            body[head] = setting(path.dropFirst(), to: value, in: body[head], schema: property)
            return body
        }
    }

    @Test func everyNumericInputIsBoundedBeforeArithmetic() async throws {
        try await TestServer.withServer(.sqlite) { client in
            let operatorToken = try await client.loginOperator()
            let (_, adminToken) = try await client.makeTenant("acme", operatorToken: operatorToken)
            let scimToken = try await client.send(.post, "/v1/scim/tokens", token: adminToken, body: .json(["name": "sweep"])).string("token")
            let document = try await client.send(.get, "/openapi.json").json()
            let schemas = Schemas(components: (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:])
            let paths = try #require(document["paths"] as? [String: Any])
            let operatorPaths = Set(client.routes.filter { $0.access == .operatorOnly }.map { "\($0.method.rawValue) \($0.path)" })
            var serverErrors: [String] = []
            var sent = 0

            func send(_ method: HTTPRequest.Method, _ path: String, query: String?, body: Any?, token: String?) async throws {
                let target = path + (query.map { "?\($0)" } ?? "")
                let payload: APIClient.Body =
                    if let body {
                        .raw(
                            String(decoding: try JSONSerialization.data(withJSONObject: body, options: [.fragmentsAllowed]), as: UTF8.self),
                            contentType: "application/json")
                    } else { .none }
                let reply = try await client.send(method, target, token: token, body: payload)
                sent += 1
                if reply.status >= 500 {
                    serverErrors.append("\(method.rawValue) \(target) \(body.map { "\($0)" } ?? ""): \(reply.status) \(reply.text.prefix(200))")
                }
            }

            for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
                guard let operations = item as? [String: Any] else { continue }
                let concrete = path.replacingOccurrences(of: "{tenant}", with: "acme")
                    .replacingOccurrences(of: #"\{[^}]+\}"#, with: "0191a9d4-0000-7000-8000-000000000001", options: .regularExpression)
                for (methodName, raw) in operations.sorted(by: { $0.key < $1.key }) {
                    guard let operation = raw as? [String: Any], let method = HTTPRequest.Method(methodName.uppercased()) else { continue }
                    let token: String? =
                        if path.hasPrefix("/scim/") { scimToken } else if (operation["security"] as? [Any])?.isEmpty == true {
                            nil
                        } else if operatorPaths.contains("\(method.rawValue) \(path)") { operatorToken } else { adminToken }
                    let bodySchema = ((operation["requestBody"] as? [String: Any])?["content"] as? [String: Any])
                        .flatMap { ($0["application/json"] ?? $0["application/scim+json"]) as? [String: Any] }?["schema"]
                    let baseBody: Any? = bodySchema.map { schemas.objectSchema($0).map { schemas.minimalObject($0) } ?? schemas.filler($0) }
                    for parameter in (operation["parameters"] as? [[String: Any]] ?? []) where parameter["in"] as? String == "query" {
                        guard let name = parameter["name"] as? String, schemas.isNumeric(parameter["schema"]) else { continue }
                        for value in Self.values {
                            try await send(method, concrete, query: "\(name)=\(value.query)", body: baseBody, token: token)
                        }
                    }
                    guard let bodySchema else { continue }
                    for field in schemas.numericFields(bodySchema) {
                        for value in Self.values {
                            let body = schemas.setting(field[...], to: value.json, in: baseBody, schema: bodySchema)
                            try await send(method, concrete, query: nil, body: body, token: token)
                        }
                    }
                }
            }
            #expect(sent > 300, "the sweep reached the numeric inputs (\(sent) requests)")
            #expect(serverErrors.isEmpty, "\(serverErrors.count) answers were 5xx:\n\(serverErrors.joined(separator: "\n"))")
            #expect(try await client.send(.get, "/healthz").status == 200)
        }
    }
}
