// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// A security event as the API lists it and as webhook alerts carry it: one JSON shape for both,
/// so a receiver can parse either with the same code.
package struct SecurityEventResponse: Codable, Sendable {
    package var id: String
    package var kind: String
    package var occurredAt: String
    package var actorType: String
    package var actorId: String?
    package var sourceIp: String?
    package var userAgent: String?
    package var requestId: String?
    package var details: [String: String]

    package init(_ event: SecurityEvent) {
        id = event.id
        kind = event.kind.rawValue
        occurredAt = Timestamp.rfc3339(milliseconds: event.occurredAt)
        actorType = event.actorType
        actorId = event.actorID
        sourceIp = event.sourceIP
        userAgent = event.userAgent
        requestId = event.requestID
        details = event.details
    }
}
