// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RampartApp
import RampartCore

/// JSON in and out, with Rampart's limits and error messages.
package enum JSONBody {
    /// Decodes the request body as `T`.
    ///
    /// Bodies over `limit` bytes are refused with 413 before parsing. Malformed JSON, missing or
    /// mistyped fields become a 400 `malformed-json` problem that names the field, never echoing
    /// the submitted values (they may be passwords).
    package static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        try decode(type, from: try await body(request, limit: limit))
    }

    /// Decodes a body already collected by ``body(_:limit:)``.
    package static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        guard buffer.readableBytes > 0 else { throw RampartError(.malformedJSON, "request body must be a JSON object") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw RampartError(.malformedJSON, describe(error), field: fieldPath(error))
        } catch let error as RampartError {
            throw error
        } catch {
            throw RampartError(.malformedJSON, "request body is not valid JSON")
        }
    }

    /// Decodes a body that may be left out: none is `nil`.
    package static func decodeIfPresent<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T? {
        let buffer = try await body(request, limit: limit)
        return buffer.readableBytes == 0 ? nil : try decode(type, from: buffer)
    }

    /// The request body, its media type checked and its size within `limit` (413 beyond).
    package static func body(_ request: Request, limit: Int) async throws -> ByteBuffer {
        if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw RampartError(.unsupportedMediaType, "request body must be application/json")
        }
        var request = request
        do {
            return try await request.collectBody(upTo: limit)
        } catch {
            throw RampartError(.payloadTooLarge, "request body exceeds \(limit) bytes")
        }
    }

    /// The raw body, for routes that parse foreign JSON (Ranger exports) themselves.
    package static func collect(_ request: Request, limit: Int) async throws -> Data {
        Data(try await body(request, limit: limit).readableBytesView)
    }

    package static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    private static func fieldPath(_ error: DecodingError) -> String? {
        switch error {
        case .keyNotFound(let key, let context): return path(context.codingPath + [key])
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let text = path(context.codingPath)
            return text.isEmpty ? nil : text
        @unknown default: return nil
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field `\(path(context.codingPath + [key]))`"
        case .typeMismatch(let type, let context):
            return "field `\(path(context.codingPath))` must be \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "field `\(path(context.codingPath))` must be \(typeName(type)), not null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "request body is not valid JSON" }
            return "field `\(path(context.codingPath))` has an invalid value"
        @unknown default:
            return "request body is not valid JSON"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.contains("String") || name.contains("Secret") { return "a string" }
        if name.contains("Int") || name.contains("Double") { return "a number" }
        if name.contains("Bool") { return "a boolean" }
        if name.contains("Array") || name.hasPrefix("[") { return "an array" }
        return "an object"
    }
}
