// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RampartApp
import RampartCore
import RampartSCIM

/// What a SCIM route answers: a status, optional SCIM JSON and the headers SCIM adds (`ETag`,
/// `Location`). Every answer, errors included, is `application/scim+json` (RFC 7644 §3.1, §8.1),
/// whatever the request's `Accept` said; Entra sends none.
struct SCIMReply: Sendable {
    static let contentType = "application/scim+json; charset=utf-8"

    var status: HTTPResponse.Status
    var body: SCIMValue?
    var headers: HTTPFields = [:]

    static func ok(_ body: SCIMValue) -> SCIMReply { SCIMReply(status: .ok, body: body) }

    /// An RFC 7644 §3.12 error. 401s carry `WWW-Authenticate` (RFC 6750 §3).
    static func error(_ error: SCIMError) -> SCIMReply {
        var reply = SCIMReply(status: .init(code: error.status), body: error.body)
        if error.status == 401 { reply.headers[.wwwAuthenticate] = "Bearer realm=\"SCIM\"" }
        return reply
    }

    /// An error status the engine has no code for (503 from the store), in the same body shape.
    static func error(status: Int, detail: String) -> SCIMReply {
        var body = SCIMObject()
        body["schemas"] = .array([.string(SCIMURN.error)])
        body["detail"] = .string(detail)
        body["status"] = .string(String(status))
        return SCIMReply(status: .init(code: status), body: .object(body))
    }

    /// The SCIM form of a store error: conflicts are `uniqueness`, everything else keeps its
    /// status and safe message.
    static func error(_ error: RampartError) -> SCIMReply {
        switch error.code {
        case .conflict: return .error(SCIMError(.uniqueness, error.message))
        case .notFound: return .error(SCIMError(.notFound, error.message))
        case .payloadTooLarge: return .error(SCIMError(.payloadTooLarge, error.message))
        case .unauthenticated: return .error(SCIMError(.unauthorized, error.message))
        case .forbidden, .tenantSuspended: return .error(SCIMError(.forbidden, error.message))
        case .badRequest, .malformedJSON, .validationFailed: return .error(SCIMError(.invalidValue, error.message))
        default: return .error(status: error.code.httpStatus, detail: error.message)
        }
    }

    var response: Response {
        var headers = headers
        guard let body else { return Response(status: status, headers: headers) }
        headers[.contentType] = Self.contentType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: SCIMJSON.data(body))))
    }
}
