// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import Logging
import RampartApp
import RampartCore

/// Turns every error into an RFC 9457 problem response.
///
/// Known errors keep their code and message. Anything unexpected becomes a bare 500 whose detail
/// says only to quote the request id; the error itself goes to the server log, where operators can
/// find it by that id.
package struct ProblemMiddleware: RouterMiddleware {
    package typealias Context = RampartRequestContext

    package init() {}

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as RampartError {
            if error.code.httpStatus >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(error)"])
            }
            return ProblemDetails(error, instance: request.uri.path, requestId: context.requestID).response()
        } catch let error as any HTTPResponseError {
            let status = error.status
            let code: String
            switch status {
            case .notFound: code = RampartError.Code.notFound.rawValue
            case .methodNotAllowed: code = RampartError.Code.methodNotAllowed.rawValue
            case .contentTooLarge: code = RampartError.Code.payloadTooLarge.rawValue
            case .badRequest: code = RampartError.Code.badRequest.rawValue
            default: code = status.code >= 500 ? RampartError.Code.internalError.rawValue : "http-\(status.code)"
            }
            let detail: String? = status == .notFound ? "no such resource" : nil
            return ProblemDetails(
                code: code, title: ProblemDetails.title(forStatus: status.code), status: status.code, detail: detail, instance: request.uri.path,
                requestId: context.requestID
            ).response()
        } catch {
            context.logger.error("unexpected error", metadata: ["error_type": "\(type(of: error))", "error": "\(error)"])
            return ProblemDetails(
                code: RampartError.Code.internalError.rawValue, title: "Internal Server Error", status: 500,
                detail: "an internal error occurred; quote request id \(context.requestID) when reporting it",
                instance: request.uri.path, requestId: context.requestID
            ).response()
        }
    }
}
