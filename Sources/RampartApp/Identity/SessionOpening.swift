// SPDX-License-Identifier: Apache-2.0

import RampartCore
import RampartStorage

/// Opens a session once a subject has fully signed in (password, and the second factor when it
/// has one), and raises the login's context signals (a new device, a new network).
///
/// Every completed login gets a new token, never a reused one: the session rotates whenever
/// privilege changes (password login, second-factor step-up).
package struct SessionOpening: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// A session just opened, with its token (shown once, stored as its SHA-256).
    package struct Opened: Sendable {
        package var token: Secret<String>
        package var session: Session
    }

    /// Opens the session.
    ///
    /// - Parameters:
    ///   - deviceFingerprint: the browser's device fingerprint (hex), remembered as a known device.
    ///   - deviceLabel: how the device is named in a `device.new` event.
    ///   - browser: the browser's signals (``BrowserSignals``), when its sign-in page's script ran:
    ///     the digest of its traits and its time zone are remembered like a network, and a login
    ///     from a new device or browser on a new network in a new time zone (or none, for an
    ///     account that has reported one before) is a `device.anomalous` event.
    ///   - audit: the sign-in request, whose audit record the session's transaction carries.
    ///   - within: more work for the same transaction, e.g. using up the challenge and the code
    ///     that proved the second factor, so a failure there leaves no session behind.
    package func open(
        _ subject: AuthenticatedSubject, deviceFingerprint: String, deviceLabel: String, browser: BrowserSignals? = nil, sourceIP: String?,
        userAgent: String?, audit: AuditContext?, within: @escaping @Sendable (any StoreTransaction) async throws -> Void = { _ in }
    ) async throws -> Opened {
        let token = Secret(RandomToken.generate())
        let now = services.clock.now()
        let lifetime = services.sessionLifetime
        let tenantID = subject.tenantID
        let session = Session(
            id: .generate(), tokenHash: RandomToken.digest(token.exposedValue), tenantID: tenantID, subjectKind: subject.kind,
            subjectID: subject.id, createdAt: now, lastSeenAt: now, idleExpiresAt: now + min(lifetime.idle, lifetime.absolute),
            absoluteExpiresAt: now + lifetime.absolute, sourceIP: sourceIP, userAgent: userAgent, device: deviceFingerprint)
        let network = sourceIP.flatMap { IPNetwork(containing: $0) }?.description
        let (newDevice, newNetwork, anomalous) = try await services.store.recording(audit).write { tx -> (Bool, Bool, Bool) in
            try await within(tx)
            try await tx.insertSession(session)
            let newDevice = try await tx.rememberSource(.device, deviceFingerprint, subjectID: subject.id, in: tenantID, at: now)
            var newNetwork = false
            if let network { newNetwork = try await tx.rememberSource(.network, network, subjectID: subject.id, in: tenantID, at: now) }
            // A first login (or the first with a script-reporting browser) has nothing to differ
            // from, so only an account with a time zone on record can be anomalous. A login that
            // reports none then (the script blocked, the cookie dropped) counts as a new one.
            let hadTimeZone = try await tx.hasKnownSources(.timeZone, subjectID: subject.id, in: tenantID)
            var newBrowser = false
            var newTimeZone = hadTimeZone
            if let browser {
                newBrowser = try await tx.rememberSource(.browser, browser.digest, subjectID: subject.id, in: tenantID, at: now)
                newTimeZone = true
                if let zone = browser.timeZone {
                    newTimeZone = try await tx.rememberSource(.timeZone, zone, subjectID: subject.id, in: tenantID, at: now)
                }
            }
            let anomalous = hadTimeZone && newTimeZone && (newDevice || newBrowser) && newNetwork
            return (newDevice, newNetwork, anomalous)
        }
        await services.security.loginSucceeded(subject.loginAttempt(ip: sourceIP))
        if newDevice {
            try await services.security.raise(
                .deviceNew, tenant: tenantID, actorType: subject.actorType, actorID: subject.id, details: ["device": deviceLabel],
                audit: audit)
        }
        if newNetwork, let network {
            try await services.security.raise(
                .networkNew, tenant: tenantID, actorType: subject.actorType, actorID: subject.id, details: ["network": network],
                audit: audit)
        }
        if anomalous, let network {
            try await services.security.raise(
                .deviceAnomalous, tenant: tenantID, actorType: subject.actorType, actorID: subject.id,
                details: ["device": deviceLabel, "network": network, "timeZone": browser?.timeZone ?? "not reported"], audit: audit)
        }
        return Opened(token: token, session: session)
    }
}
