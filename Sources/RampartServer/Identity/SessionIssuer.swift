// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import RampartApp
import RampartCore
import RampartStorage

/// Opens a session (``SessionOpening``) and answers the sign-in with it: the token, the session,
/// who signed in, and the device cookie.
package struct SessionIssuer: Sendable {
    let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// Opens the session and builds the login response.
    ///
    /// - Parameters:
    ///   - audit: the sign-in request, whose audit record the session's transaction carries.
    ///   - recoveryCodes: new recovery codes to show once with the session (enrolment at login).
    ///   - within: more work for the session's transaction (see ``SessionOpening``).
    package func issue(
        _ subject: AuthenticatedSubject, device: LoginDevice, sourceIP: String?, userAgent: String?, audit: AuditContext?,
        recoveryCodes: [Secret<String>]? = nil,
        within: @escaping @Sendable (any StoreTransaction) async throws -> Void = { _ in }
    ) async throws -> Response {
        let opened = try await SessionOpening(services: services).open(
            subject, deviceFingerprint: device.fingerprint.hex, deviceLabel: device.label, browser: device.signals,
            sourceIP: sourceIP, userAgent: userAgent,
            audit: audit, within: within)
        return try response(opened, subject: subject, device: device, recoveryCodes: recoveryCodes)
    }

    /// The login response for a session already opened (by ``MFALogin``, say).
    package func response(
        _ opened: SessionOpening.Opened, subject: AuthenticatedSubject, device: LoginDevice, recoveryCodes: [Secret<String>]? = nil
    ) throws -> Response {
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
            token: opened.token, session: opened.session, idleTimeoutSeconds: services.sessionLifetime.idle / 1000, tenant: tenant, user: user,
            operator: operatorName)
        body.recoveryCodes = recoveryCodes?.map(\.exposedValue)
        var response = try JSONBody.response(body, headers: [.cacheControl: "no-store"])
        device.apply(to: &response, secure: services.security.configuration.secureCookies)
        return response
    }
}
