// SPDX-License-Identifier: Apache-2.0

/// An error the engine reports, ready to become an RFC 7644 §3.12 error response.
///
/// The ``code`` is stable and meant for programs (tests, metrics, logs); it fixes the HTTP
/// ``status`` and the SCIM ``scimType``. The ``detail`` is for humans: lower-case, with user
/// input in backticks, and never echoes more than a short prefix of hostile input.
package struct SCIMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable error code, with the HTTP status and `scimType` it maps to.
    package struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The stable name of the code.
        package let name: String
        /// The HTTP status code of the response.
        package let status: Int
        /// The RFC 7644 §3.12 `scimType`, for the 400 and 409 errors that have one.
        package let scimType: String?

        private init(_ name: String, _ status: Int, _ scimType: String?) {
            self.name = name
            self.status = status
            self.scimType = scimType
        }

        /// 400 `invalidFilter`: the filter syntax was invalid or the comparison is not allowed.
        package static let invalidFilter = Code("invalidFilter", 400, "invalidFilter")
        /// 400 `tooMany`: the request would return or touch too many resources.
        package static let tooMany = Code("tooMany", 400, "tooMany")
        /// 409 `uniqueness`: a unique attribute (such as `userName`) is already taken.
        package static let uniqueness = Code("uniqueness", 409, "uniqueness")
        /// 400 `mutability`: the request writes a read-only or immutable attribute.
        package static let mutability = Code("mutability", 400, "mutability")
        /// 400 `invalidSyntax`: the body is not valid JSON or not the expected message shape.
        package static let invalidSyntax = Code("invalidSyntax", 400, "invalidSyntax")
        /// 400 `invalidPath`: a PATCH path is malformed or names an unknown attribute.
        package static let invalidPath = Code("invalidPath", 400, "invalidPath")
        /// 400 `noTarget`: a PATCH path selects nothing where something is required.
        package static let noTarget = Code("noTarget", 400, "noTarget")
        /// 400 `invalidValue`: a value is missing, of the wrong type, or not allowed.
        package static let invalidValue = Code("invalidValue", 400, "invalidValue")
        /// 400 `invalidVers`: the SCIM protocol version is not supported.
        package static let invalidVers = Code("invalidVers", 400, "invalidVers")
        /// 400 `sensitive`: sensitive data was sent in the URL.
        package static let sensitive = Code("sensitive", 400, "sensitive")
        /// 400 without a `scimType`: a bad request no other code describes.
        package static let badRequest = Code("badRequest", 400, nil)
        /// 401: no or a wrong bearer token.
        package static let unauthorized = Code("unauthorized", 401, nil)
        /// 403: authenticated but not allowed.
        package static let forbidden = Code("forbidden", 403, nil)
        /// 404: no such resource or endpoint.
        package static let notFound = Code("notFound", 404, nil)
        /// 405: the endpoint does not accept this HTTP method.
        package static let methodNotAllowed = Code("methodNotAllowed", 405, nil)
        /// 412: the `If-Match` version is not the current one.
        package static let preconditionFailed = Code("preconditionFailed", 412, nil)
        /// 413: the body is larger than the server accepts.
        package static let payloadTooLarge = Code("payloadTooLarge", 413, nil)
        /// 500: an internal error.
        package static let internalError = Code("internalError", 500, nil)
        /// 501: the operation (such as bulk) is not supported.
        package static let notImplemented = Code("notImplemented", 501, nil)

        package var description: String { name }
    }

    /// The stable error code.
    package let code: Code
    /// A human-readable message.
    package let detail: String

    /// Creates an error.
    package init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// The HTTP status code.
    package var status: Int { code.status }
    /// The `scimType`, if the status has one.
    package var scimType: String? { code.scimType }

    package var description: String { "\(code.name) (\(code.status)): \(detail)" }

    /// The RFC 7644 §3.12 error body: `schemas`, `status` as a string, `scimType` when set,
    /// and `detail`.
    package var body: SCIMValue {
        var o = SCIMObject()
        o["schemas"] = .array([.string(SCIMURN.error)])
        if let scimType = code.scimType { o["scimType"] = .string(scimType) }
        o["detail"] = .string(detail)
        o["status"] = .string(String(code.status))
        return .object(o)
    }
}

extension SCIMError {
    /// Shortens user input for an error message, so a megabyte filter does not become a
    /// megabyte error body.
    static func quote(_ text: some StringProtocol, limit: Int = 80) -> String {
        let s = String(text)
        return s.count <= limit ? "`\(s)`" : "`\(s.prefix(limit))…`"
    }
}
