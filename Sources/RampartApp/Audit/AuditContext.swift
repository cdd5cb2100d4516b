// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore
import Synchronization

/// What the audit record of one request (or one CLI command) will say, filled in as the request
/// travels inward.
///
/// The ``AuditMiddleware`` creates it with the network facts and hands it on in the request
/// context; authentication adds the actor, the route adds the operation and entity and arms it,
/// and handlers pass it to the use cases they call, which may name the entity they created or the
/// security event the request was (``event(_:_:)``). It is a reference so that what inner layers
/// learn reaches the middleware, which writes the record unless a state change already wrote it
/// in its own transaction: a use case writes the request's change through
/// `store.recording(audit)` (``AuditedStore``), which appends the record in that transaction.
///
/// Work that serves no request (background services, server start) has no context and writes
/// with the plain store.
package final class AuditContext: Sendable {
    package struct Facts: Sendable {
        package var tenant: TenantID = .platform
        package var actorType: String = "anonymous"
        package var actorID: String?
        package var operation: String
        package var entityType: String?
        package var entityID: String?
        package var details: String?
        package var recorded = false
        /// Set once the route's handler runs; writes before that (authentication bookkeeping)
        /// are not the request's state change.
        package var armed = false
    }

    package let requestID: String
    package let method: String
    package let path: String
    package let sourceIP: String?
    package let userAgent: String?
    /// Stamps the request's record.
    package let clock: any RampartClock
    private let facts: Mutex<Facts>

    package init(requestID: String, method: String, path: String, sourceIP: String?, userAgent: String?, clock: any RampartClock) {
        self.requestID = requestID
        self.method = method
        self.path = path
        self.sourceIP = sourceIP
        self.userAgent = userAgent
        self.clock = clock
        self.facts = Mutex(Facts(operation: "\(method) \(AuditContext.pathWithoutQuery(path))"))
    }

    package var current: Facts { facts.withLock { $0 } }

    package func update(_ change: (inout Facts) -> Void) { facts.withLock { change(&$0) } }

    /// Binds the record to the authenticated principal and its tenant.
    package func setPrincipal(_ principal: Principal) {
        update { facts in
            facts.tenant = principal.tenantID
            switch principal.kind {
            case .operator(let id):
                facts.actorType = "operator"
                facts.actorID = id.rawValue
            case .user(let id, _):
                facts.actorType = "user"
                facts.actorID = id.rawValue
            case .apiKey(let keyID, _):
                facts.actorType = "apiKey"
                facts.actorID = keyID
            }
        }
    }

    /// Names the entity the request acted on.
    package func setEntity(_ type: String, _ id: String?) {
        update {
            $0.entityType = type
            $0.entityID = id
        }
    }

    /// Marks the request as the security event `event` with `fields` (the record's `details`).
    package func event(_ event: String, _ fields: [String: String] = [:]) {
        update { $0.details = AuditDetails.json(fields.merging(["event": event]) { $1 }) }
    }

    /// Sets the record's `details` to `fields`: what a request did, beyond its entity.
    package func setDetails(_ fields: [String: String]) {
        update { $0.details = AuditDetails.json(fields) }
    }

    package func markRecorded() { update { $0.recorded = true } }

    /// The request's record with `outcome` and `status`, stamped now by ``clock``.
    package func record(outcome: AuditOutcome, status: Int?) -> AuditRecord {
        let facts = current
        return AuditRecord(
            seq: 0, time: clock.nowMicroseconds(), tenantID: facts.tenant.rawValue, actorType: facts.actorType, actorID: facts.actorID,
            sourceIP: sourceIP, userAgent: userAgent, method: method, path: path, entityType: facts.entityType,
            entityID: facts.entityID, operation: facts.operation, outcome: outcome.rawValue, status: status, requestID: requestID,
            batchID: nil, service: nil, resource: nil, accessType: nil, policyID: nil, policyVersion: nil, details: facts.details)
    }

    private static func pathWithoutQuery(_ path: String) -> Substring {
        path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(path)
    }
}

/// How a request or decision ended, as the audit record states it.
package enum AuditOutcome: String, Sendable {
    case allowed
    case denied
    case error

    /// 2xx and 3xx are allowed, 401/403 denied, everything else an error.
    package init(status: Int) {
        switch status {
        case 200..<400: self = .allowed
        case 401, 403: self = .denied
        default: self = .error
        }
    }
}
