// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import Logging
import RampartApp
import RampartCore

extension HTTPField.Name {
    package static let requestID = Self("X-Request-Id")!
}

/// Gives every request an id: the caller's `X-Request-Id` when it is short and plain, otherwise a
/// fresh one. The id is returned in the response and attached to every log line of the request.
package struct RequestIDMiddleware: RouterMiddleware {
    package typealias Context = RampartRequestContext

    package init() {}

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id = request.headers[.requestID].flatMap { Self.isAcceptable($0) ? $0 : nil } ?? UUIDv7.generate()
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        var response = try await next(request, context)
        response.headers[.requestID] = id
        return response
    }

    /// Accepts 1–128 characters of `A-Z a-z 0-9 . _ -`, so an attacker cannot inject log syntax.
    static func isAcceptable(_ value: String) -> Bool {
        (1...128).contains(value.utf8.count)
            && value.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2E || byte == 0x5F || byte == 0x2D
            }
    }
}
