// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RampartApp
import RampartSCIM

/// Reading a SCIM request: its query parameters, JSON body and path segments, with the encodings
/// the identity providers use.
enum SCIMRequest {
    /// The query parameters, decoded. `+` is a space (Entra encodes with `quote_plus`), `%20` too
    /// (Okta); a parameter given twice keeps its first value.
    static func parameters(_ request: Request) -> [String: String] {
        guard let query = request.uri.query, !query.isEmpty else { return [:] }
        var out: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(pieces[0]), !name.isEmpty else { continue }
            let value = pieces.count == 2 ? (decode(pieces[1]) ?? "") : ""
            if out[name] == nil { out[name] = value }
        }
        return out
    }

    /// A percent-encoded query component with `+` as space; nil when the encoding is broken.
    static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A path parameter, percent-decoded (`/Schemas/urn%3Aietf…` names the same schema as
    /// `/Schemas/urn:ietf…`).
    static func pathParameter(_ context: RampartRequestContext, _ name: String) -> String? {
        guard let raw = context.parameters.get(name) else { return nil }
        return raw.removingPercentEncoding ?? raw
    }

    /// The JSON body, at most `limit` bytes, in any JSON media type (`application/scim+json;
    /// charset=utf-8` from both IdPs, or `application/json`).
    ///
    /// - Throws: ``SCIMError`` `payloadTooLarge` (413), `invalidSyntax` (400) for a missing or
    ///   malformed body or a non-JSON media type.
    static func body(_ request: Request, limit: Int) async throws(SCIMError) -> SCIMValue {
        if let type = request.headers[.contentType]?.lowercased(), !type.contains("json") {
            throw SCIMError(.invalidSyntax, "the body must be application/scim+json")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw SCIMError(.payloadTooLarge, "the body exceeds \(limit) bytes")
        }
        guard buffer.readableBytes > 0 else { throw SCIMError(.invalidSyntax, "the request has no body") }
        return try SCIMJSON.parse(buffer.readableBytesView)
    }
}
