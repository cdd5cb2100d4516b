// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import RampartApp
import RampartCore
import RampartPolicy

/// A change request as the API shows it: with the documents and their differences when read
/// one at a time (or just made), without them in a list.
struct ChangeRequestResponse: Encodable {
    var id: String
    var author: String
    var subject: String
    var operation: String
    var objectId: String?
    var baseVersion: Int64?
    var state: String
    var createdAt: String
    var decidedBy: String?
    var decidedAt: String?
    var comment: String?
    var emergency: Bool
    var reviewedBy: String?
    var reviewedAt: String?
    var before: JSONValue?
    var after: JSONValue?
    var diff: [DocumentDiff.Entry]?

    init(_ change: ChangeRequest, documents: Bool = true) {
        id = change.id
        author = change.author
        subject = change.subject.rawValue
        operation = change.operation.rawValue
        objectId = change.objectID
        baseVersion = change.baseVersion
        state = change.state.rawValue
        createdAt = Timestamp.rfc3339(milliseconds: change.createdAt)
        decidedBy = change.decidedBy
        decidedAt = change.decidedAt.map(Timestamp.rfc3339(milliseconds:))
        comment = change.decisionComment
        emergency = change.emergency
        reviewedBy = change.reviewedBy
        reviewedAt = change.reviewedAt.map(Timestamp.rfc3339(milliseconds:))
        guard documents else { return }
        before = change.before.flatMap(Self.json)
        after = change.after.flatMap(Self.json)
        diff = DocumentDiff.entries(from: before, to: after)
    }

    private static func json(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// The answer to a write that the tenant holds for a second person: 202 with the change
    /// request and where to follow it.
    static func accepted(_ change: ChangeRequest) throws -> Response {
        try JSONBody.response(ChangeRequestResponse(change), status: .accepted, headers: [.location: "/v1/change-requests/\(change.id)"])
    }
}
