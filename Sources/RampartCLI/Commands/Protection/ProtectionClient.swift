// SPDX-License-Identifier: Apache-2.0

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RampartCore

/// Calls a Rampart server's `/v1/protect` or `/v1/unprotect` with an API key: the CLI's bulk
/// commands are clients of the server, so the tenant's policies decide and every call is
/// audited there, exactly as for any other caller.
struct ProtectionClient: Sendable {
    enum Operation: String, Sendable {
        case protect
        case unprotect
    }

    let server: String
    let apiKey: Secret<String>
    let http: HTTPClient

    struct Reply: Decodable {
        var values: [String]
    }

    struct Problem: Decodable {
        var title: String?
        var detail: String?
        var field: String?
    }

    /// A refusal by the server, with the field it named (`values[12]`).
    struct Refusal: Error {
        let status: Int
        let message: String
        let field: String?
    }

    func call(_ operation: Operation, scheme: String, values: [String], masked: Bool) async throws -> [String] {
        var request = HTTPClientRequest(url: server + "/v1/" + operation.rawValue)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        apiKey.withValue { request.headers.add(name: "authorization", value: "Bearer \($0)") }
        request.body = .bytes(ByteBuffer(bytes: try Self.encode(scheme: scheme, values: values, masked: masked)))
        let response = try await http.execute(request, timeout: .seconds(120))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        guard response.status == .ok else {
            let problem = try? JSONDecoder().decode(Problem.self, from: Data(bytes.readableBytesView))
            throw Refusal(
                status: Int(response.status.code), message: problem?.detail ?? problem?.title ?? "HTTP \(response.status.code)",
                field: problem?.field)
        }
        let reply = try JSONDecoder().decode(Reply.self, from: Data(bytes.readableBytesView))
        guard reply.values.count == values.count else {
            throw RampartError(.internalError, "the server returned \(reply.values.count) values for \(values.count)")
        }
        return reply.values
    }

    static func encode(scheme: String, values: [String], masked: Bool) throws -> [UInt8] {
        struct Body: Encodable {
            var scheme: String
            var values: [String]
            var masked: Bool?
        }
        return Array(try JSONEncoder().encode(Body(scheme: scheme, values: values, masked: masked ? true : nil)))
    }
}
