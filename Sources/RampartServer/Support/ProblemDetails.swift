// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RampartApp
import RampartCore

/// An RFC 9457 problem document.
///
/// `type` is a stable URI built from the error code, so clients can switch on it; `detail` is
/// written for people and never carries a secret or a stack trace.
package struct ProblemDetails: Codable, Sendable, Equatable {
    package var type: String
    package var title: String
    package var status: Int
    package var detail: String?
    package var instance: String?
    package var code: String
    package var field: String?
    package var requestId: String?

    package static let typePrefix = "urn:rampart:problem:"

    package init(code: String, title: String, status: Int, detail: String?, field: String? = nil, instance: String? = nil, requestId: String? = nil) {
        self.type = Self.typePrefix + code
        self.title = title
        self.status = status
        self.detail = detail
        self.instance = instance
        self.code = code
        self.field = field
        self.requestId = requestId
    }

    package init(_ error: RampartError, instance: String?, requestId: String?) {
        self.init(
            code: error.code.rawValue,
            title: Self.title(forStatus: error.code.httpStatus),
            status: error.code.httpStatus,
            detail: error.message,
            field: error.field,
            instance: instance,
            requestId: requestId
        )
    }

    /// Reason phrases for the statuses Rampart produces (a `Status` built from a bare code has none).
    package static func title(forStatus status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 503: "Service Unavailable"
        case 500...599: "Internal Server Error"
        default: "Error"
        }
    }

    package func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{\"type\":\"\(type)\",\"status\":\(status)}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
