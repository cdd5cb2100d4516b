// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import RampartApp
import RampartCore

extension ProblemDetails {
    /// A `429 Too Many Requests` problem response with `Retry-After` (whole seconds).
    ///
    /// Built as a response rather than thrown, because the `Retry-After` header is part of the
    /// answer and errors carry no headers.
    package static func tooManyRequests(_ message: String, retryAfter seconds: Int, instance: String, requestID: String) -> Response {
        var response = ProblemDetails(RampartError(.tooManyRequests, message), instance: instance, requestId: requestID).response()
        response.headers[.retryAfter] = String(max(1, seconds))
        return response
    }
}
