// SPDX-License-Identifier: Apache-2.0

/// One entry of a tenant's audit log: who did what to which entity, and what the policy
/// engine decided.
///
/// The leaf hash is computed from ``canonicalBytes`` (see `AuditRecord+CanonicalEncoding.swift`),
/// never from JSON. The JSON field names below are a stable contract of the API and of export
/// files; nil fields are omitted.
package struct AuditRecord: Sendable, Hashable, Codable {
    /// Position in the tenant's log: gapless, starting at 1. Leaf index is `seq - 1`.
    package var seq: Int64
    /// When the event happened, in microseconds since 1970-01-01T00:00:00Z.
    package var time: Int64
    /// The tenant whose log this is.
    package var tenantID: String
    /// `user`, `apiKey`, `operator`, `anonymous` or `system`.
    package var actorType: String
    package var actorID: String?
    package var sourceIP: String?
    package var userAgent: String?
    /// HTTP method, when the event came from a request.
    package var method: String?
    /// Request path; the caller has already removed or redacted the query.
    package var path: String?
    package var entityType: String?
    package var entityID: String?
    /// What was attempted, e.g. `policy.update` or `decision.evaluate`.
    package var operation: String
    /// `allowed`, `denied` or `error`.
    package var outcome: String
    /// HTTP status, when there is one.
    package var status: Int?
    package var requestID: String?
    /// Groups the records of one batch request.
    package var batchID: String?
    /// Decision fields: the Ranger-style service, resource and access type evaluated.
    package var service: String?
    package var resource: String?
    package var accessType: String?
    /// The policy that decided, and its version.
    package var policyID: String?
    package var policyVersion: Int64?
    /// Small JSON text with event-specific details. Hashed as the exact text given.
    package var details: String?

    package init(
        seq: Int64,
        time: Int64,
        tenantID: String,
        actorType: String,
        actorID: String? = nil,
        sourceIP: String? = nil,
        userAgent: String? = nil,
        method: String? = nil,
        path: String? = nil,
        entityType: String? = nil,
        entityID: String? = nil,
        operation: String,
        outcome: String,
        status: Int? = nil,
        requestID: String? = nil,
        batchID: String? = nil,
        service: String? = nil,
        resource: String? = nil,
        accessType: String? = nil,
        policyID: String? = nil,
        policyVersion: Int64? = nil,
        details: String? = nil
    ) {
        self.seq = seq
        self.time = time
        self.tenantID = tenantID
        self.actorType = actorType
        self.actorID = actorID
        self.sourceIP = sourceIP
        self.userAgent = userAgent
        self.method = method
        self.path = path
        self.entityType = entityType
        self.entityID = entityID
        self.operation = operation
        self.outcome = outcome
        self.status = status
        self.requestID = requestID
        self.batchID = batchID
        self.service = service
        self.resource = resource
        self.accessType = accessType
        self.policyID = policyID
        self.policyVersion = policyVersion
        self.details = details
    }

    // Spelled out so that renaming a property can never silently rename a JSON field.
    private enum CodingKeys: String, CodingKey {
        case seq
        case time
        case tenantID = "tenantId"
        case actorType
        case actorID = "actorId"
        case sourceIP = "sourceIp"
        case userAgent
        case method
        case path
        case entityType
        case entityID = "entityId"
        case operation
        case outcome
        case status
        case requestID = "requestId"
        case batchID = "batchId"
        case service
        case resource
        case accessType
        case policyID = "policyId"
        case policyVersion
        case details
    }
}
