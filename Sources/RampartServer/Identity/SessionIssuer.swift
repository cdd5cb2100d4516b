// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// Opens a session once a subject has fully signed in (password, and the second factor when it
/// has one), and raises the login's context signals.
///
/// Every completed login gets a new token, never a reused one: the session rotates whenever
/// privilege changes (password login, second-factor step-up).
package struct SessionIssuer: Sendable {
    let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// Opens the session and builds the login response.
    ///
    /// - Parameters:
    ///   - audit: the sign-in request, whose audit record the session's transaction carries.
    ///   - recoveryCodes: new recovery codes to show once with the session (enrolment at login).
    ///   - within: more work for the same transaction, e.g. using up the challenge and the code
    ///     that proved the second factor, so a failure there leaves no session behind.
    package func issue(
        _ subject: AuthenticatedSubject, device: LoginDevice, sourceIP: String?, userAgent: String?, audit: AuditContext?,
        recoveryCodes: [Secret<String>]? = nil,
        within: @escaping @Sendable (any StoreTransaction) async throws -> Void = { _ in }
    ) async throws -> Response {
        let token = Secret(RandomToken.generate())
        let now = services.clock.now()
        let lifetime = services.sessionLifetime
        let tenantID = subject.tenantID
        let session = Session(
            id: .generate(), tokenHash: RandomToken.digest(token.exposedValue), tenantID: tenantID, subjectKind: subject.kind,
            subjectID: subject.id, createdAt: now, lastSeenAt: now, idleExpiresAt: now + min(lifetime.idle, lifetime.absolute),
            absoluteExpiresAt: now + lifetime.absolute, sourceIP: sourceIP, userAgent: userAgent, device: device.fingerprint.hex)
        let network = sourceIP.flatMap { IPNetwork(containing: $0) }?.description
        let (newDevice, newNetwork) = try await services.store.recording(audit).write { tx -> (Bool, Bool) in
            try await within(tx)
            try await tx.insertSession(session)
            let newDevice = try await tx.rememberSource(.device, device.fingerprint.hex, subjectID: subject.id, in: tenantID, at: now)
            var newNetwork = false
            if let network { newNetwork = try await tx.rememberSource(.network, network, subjectID: subject.id, in: tenantID, at: now) }
            return (newDevice, newNetwork)
        }
        services.security.loginSucceeded(subject.loginAttempt(ip: sourceIP))
        if newDevice {
            try await services.security.raise(
                .deviceNew, tenant: tenantID, actorType: subject.actorType, actorID: subject.id, details: ["device": device.label],
                audit: audit)
        }
        if newNetwork, let network {
            try await services.security.raise(
                .networkNew, tenant: tenantID, actorType: subject.actorType, actorID: subject.id, details: ["network": network],
                audit: audit)
        }
        var tenant: TenantResponse?
        var user: UserResponse?
        var operatorName: String?
        switch subject {
        case .user(let t, let u):
            tenant = TenantResponse(t)
            user = UserResponse(u)
        case .operator(_, let username):
            operatorName = username
        }
        var body = LoginResponse(
            token: token, session: session, idleTimeoutSeconds: lifetime.idle / 1000, tenant: tenant, user: user, operator: operatorName)
        body.recoveryCodes = recoveryCodes?.map(\.exposedValue)
        var response = try JSONBody.response(body, headers: [.cacheControl: "no-store"])
        device.apply(to: &response, secure: services.security.configuration.secureCookies)
        return response
    }
}
