// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RampartApp
import RampartCore
import RampartStorage

/// HTTP conventions of the policy-administration routes: numeric Ranger ids in paths, the stored
/// Ranger document as the body, its version as the entity tag, and optional `If-Match`.
enum PolicyObjectHTTP {
    /// The response header carrying the tenant's policy version after a write (a valid literal name, so the unwrap cannot fail).
    static let policyVersionHeader = HTTPField.Name("Rampart-Policy-Version")!

    static func response(
        _ object: PolicyObject, status: HTTPResponse.Status = .ok, tenantVersion: Int64? = nil, location: String? = nil
    )
        -> Response
    {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.eTag] = "\"\(object.version)\""
        if let tenantVersion { headers[policyVersionHeader] = String(tenantVersion) }
        if let location { headers[.location] = location }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: object.document)))
    }

    /// A page of stored documents: `{"items": [...], "nextCursor": ...}`.
    static func list(_ page: Page<PolicyObject>) -> Response {
        var text = "{\"items\":["
        for (index, object) in page.items.enumerated() {
            if index > 0 { text += "," }
            text += object.document
        }
        text += "],\"nextCursor\":" + (page.nextCursor.map { "\"\($0)\"" } ?? "null") + "}"
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func deleted(tenantVersion: Int64) -> Response {
        var headers = HTTPFields()
        headers[policyVersionHeader] = String(tenantVersion)
        return Response(status: .noContent, headers: headers)
    }

    /// The request's `If-Match` precondition; without the header a write goes ahead, as in Ranger.
    static func precondition(_ request: Request) -> VersionPrecondition? {
        guard let header = request.headers[.ifMatch] else { return nil }
        return VersionPrecondition(
            entityTags: header.split(separator: ",").map {
                var tag = $0.trimmingCharacters(in: .whitespaces)
                if tag.hasPrefix("W/") { tag.removeFirst(2) }
                return tag.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            })
    }

    /// Page parameters with a numeric cursor (ids are numbers here).
    static func page(_ request: Request, _ context: RampartRequestContext) throws -> PageRequest {
        let page = try context.page(request)
        if let after = page.after, Int64(after) == nil {
            throw RampartError(.badRequest, "`cursor` is not a valid cursor", field: "cursor")
        }
        return page
    }
}

extension RampartRequestContext {
    /// A numeric Ranger id from the path; anything else is a 404, exactly like an unknown id.
    func objectID(_ name: String = "id", what: String) throws -> Int64 {
        guard let raw = parameters.get(name), raw.count <= 19, let id = Int64(raw), id > 0 else { throw RampartError.notFound(what) }
        return id
    }
}
