// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartCore
import RampartStorage

/// The OpenID Connect authorization code flow with PKCE (RFC 7636, S256), from Rampart's side.
///
/// `start` remembers a fresh `state`, `nonce` and PKCE verifier server-side and sends the browser
/// to the provider; `callback` consumes the state (once), exchanges the code at the token
/// endpoint, verifies the ID token (``IDTokenVerifier``), finds or creates the user and opens a
/// Rampart session, exactly like a password login would.
package struct SSOSignIn: Sendable {
    let services: RampartServices
    let metadata: OIDCMetadataCache
    let client: OutboundHTTPClient

    package init(services: RampartServices, metadata: OIDCMetadataCache, client: OutboundHTTPClient) {
        self.services = services
        self.metadata = metadata
        self.client = client
    }

    /// The path of the redirect URI registered at providers.
    package static let callbackPath = "/v1/auth/sso/callback"

    /// Where to send the browser (the provider's authorization endpoint), and the `state` the
    /// browser must present again at the callback in the state cookie.
    package struct Started: Sendable {
        package var location: String
        package var state: String
    }

    /// How a completed sign-in ends.
    package enum Outcome: Sendable {
        /// A session, whose token is shown once.
        case signedIn(token: Secret<String>, session: Session, tenant: Tenant, user: User)
        /// A second-factor challenge (or enrolment), as a password login would get.
        case challenged(token: Secret<String>, challenge: MFAChallenge, tenant: Tenant)
    }

    /// A provider a tenant's sign-in page offers: its name (in the start path) and its label.
    package struct Choice: Sendable, Equatable {
        package var name: String
        package var label: String
    }

    /// Shown on a sign-in page at most; a tenant has a handful.
    package static let choicesShown = 20

    /// The enabled providers of tenant `tenantSlug` in name order, for its sign-in page; none
    /// for a tenant that does not exist or is suspended.
    package func choices(tenantSlug: String) async throws -> [Choice] {
        try await services.store.read { tx in
            guard let tenant = try await tx.tenant(slug: tenantSlug), tenant.status == .active else { return [] }
            let page = try await tx.ssoProviders(in: tenant.id, page: PageRequest(limit: PageRequest.maximumLimit))
            return page.items.filter(\.enabled).sorted { $0.name < $1.name }.prefix(Self.choicesShown)
                .map { Choice(name: $0.name, label: $0.displayName ?? $0.name) }
        }
    }

    /// Starts a sign-in: a fresh `state`, `nonce` and PKCE verifier, remembered server-side.
    ///
    /// - Parameter baseURL: the server's public base URL, which the redirect URI starts with.
    package func start(tenantSlug: String, providerName: String, baseURL: String, audit: AuditContext?) async throws -> Started {
        let found: (Tenant, SSOProvider)? = try await services.store.read { tx in
            guard let tenant = try await tx.tenant(slug: tenantSlug), let provider = try await tx.ssoProvider(name: providerName, in: tenant.id)
            else { return nil }
            return (tenant, provider)
        }
        guard let (tenant, provider) = found, provider.enabled, tenant.status == .active else {
            throw RampartError.notFound("identity provider")
        }
        audit?.update { $0.tenant = tenant.id }
        audit?.setEntity("sso-providers", provider.id)
        let discovery = try await reach { try await metadata.discovery(issuer: provider.issuer) }
        let state = RandomToken.generate()
        let nonce = RandomToken.generate()
        let verifier = RandomToken.generate()
        let challenge = Base64URL.encode(Data(SHA256.hash(data: Data(verifier.utf8))))
        let redirectURI = baseURL + Self.callbackPath
        let now = services.clock.now()
        let login = SSOLoginState(
            stateHash: RandomToken.digest(state), tenantID: tenant.id, providerID: provider.id, nonce: nonce, codeVerifier: verifier,
            redirectURI: redirectURI, createdAt: now, expiresAt: now + SSOLoginState.lifetime)
        try await audit.unrecorded {
            try await services.store.recording(audit).write { tx in
                _ = try await tx.deleteExpiredSSOLoginStates(now: now)
                try await tx.insertSSOLoginState(login)
            }
        }
        let query = FormEncoding.encode([
            ("response_type", "code"), ("client_id", provider.clientID), ("redirect_uri", redirectURI),
            ("scope", provider.scopes.joined(separator: " ")), ("state", state), ("nonce", nonce), ("code_challenge", challenge),
            ("code_challenge_method", "S256"),
        ])
        return Started(location: discovery.authorizationEndpoint + (discovery.authorizationEndpoint.contains("?") ? "&" : "?") + query, state: state)
    }

    /// Completes a sign-in from the provider's redirect.
    ///
    /// - Parameter boundState: the state cookie of the browser (``SSOAuthController/stateCookieName``);
    ///   it must equal the `state` parameter, or the state is refused without being spent.
    package func callback(
        parameters: [String: String], boundState: String?, sourceIP: String?, userAgent: String?, audit: AuditContext?
    ) async throws -> Outcome {
        guard let state = parameters["state"], (1...512).contains(state.utf8.count) else { throw SSOFailure.unknownState }
        guard let boundState, ConstantTime.equals(boundState, state) else { throw SSOFailure.stateNotBound }
        let now = services.clock.now()
        // Consumed first and in its own transaction, so a state is spent even when what follows fails.
        let consumed = try await audit.unrecorded {
            try await services.store.recording(audit).write { try await $0.consumeSSOLoginState(stateHash: RandomToken.digest(state)) }
        }
        guard let login = consumed else { throw SSOFailure.unknownState }
        audit?.update { $0.tenant = login.tenantID }
        audit?.setEntity("sso-providers", login.providerID)
        guard login.expiresAt > now else { throw SSOFailure.expiredState }
        guard parameters["error"] == nil, let code = parameters["code"], (1...4096).contains(code.utf8.count) else {
            throw SSOFailure.providerError
        }
        let keyring = services.keyring
        let loaded: (Tenant, SSOProvider, Secret<String>?)? = try await services.store.read { tx in
            guard let tenant = try await tx.tenant(id: login.tenantID), let provider = try await tx.ssoProvider(id: login.providerID, in: tenant.id)
            else { return nil }
            let secret = try await keyring.secret(provider.clientSecretName, tenant: tenant.id, in: tx)
            return (tenant, provider, secret.map { Secret(String(decoding: $0.exposedValue, as: UTF8.self)) })
        }
        guard let (tenant, provider, secret) = loaded, provider.enabled, tenant.status == .active else { throw SSOFailure.providerDisabled }
        let discovery = try await metadata.discovery(issuer: provider.issuer)
        let idToken = try await exchange(code: code, login: login, provider: provider, discovery: discovery, secret: secret)
        let jws = try CompactJWS(idToken)
        _ = try jws.algorithm()
        let keys = try await metadata.keys(issuer: provider.issuer, keyID: jws.keyID)
        let claims = try IDTokenVerifier(
            issuer: discovery.issuer, clientID: provider.clientID, nonce: login.nonce, now: now / 1000,
            allowedTenantIDs: provider.allowedTenantIDs
        ).verify(jws, keys: keys)
        let identity = try SSOIdentity(claims: claims, provider: provider)
        let vouched = provider.vouchesForSecondFactor(amr: claims["amr"]?.strings ?? [], acr: claims["acr"]?.string)
        return try await openSession(
            identity, tenant: tenant, provider: provider, providerVouchedSecondFactor: vouched, sourceIP: sourceIP, userAgent: userAgent,
            audit: audit)
    }

    /// The authorization code for tokens (RFC 6749 §4.1.3), with the PKCE verifier; returns the
    /// ID token. The client authenticates with `client_secret_basic` unless the provider only
    /// lists `client_secret_post`.
    private func exchange(
        code: String, login: SSOLoginState, provider: SSOProvider, discovery: OIDCDiscovery, secret: Secret<String>?
    )
        async throws -> String
    {
        var form = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", login.redirectURI), ("code_verifier", login.codeVerifier)]
        var headers: [(String, String)] = []
        if let secret {
            let methods = discovery.tokenEndpointAuthMethods
            if methods.isEmpty || methods.contains("client_secret_basic") {
                let pair = FormEncoding.escape(provider.clientID) + ":" + FormEncoding.escape(secret.exposedValue)
                headers.append(("Authorization", "Basic " + Data(pair.utf8).base64EncodedString()))
            } else {
                form += [("client_id", provider.clientID), ("client_secret", secret.exposedValue)]
            }
        } else {
            form.append(("client_id", provider.clientID))
        }
        let response = try await reach { try await client.postForm(discovery.tokenEndpoint, form: form, headers: headers) }
        guard response.status == 200, let body = try? JSONDecoder().decode(JSONClaim.self, from: Data(response.body)),
            let idToken = body["id_token"]?.string
        else { throw SSOFailure.tokenExchangeFailed }
        return idToken
    }

    /// Finds the user the identity is linked to (or links one, see ``linkedUser(_:tenant:provider:at:_:)``),
    /// applies the group mapping and opens a session, in one transaction that also carries the
    /// request's audit record.
    ///
    /// When the sign-in needs a second factor (the user enrolled Rampart TOTP, or the tenant
    /// requires two-factor) and the provider's token does not show one it is trusted for
    /// (``SSOProvider/trustedAMR``, ``SSOProvider/trustedACR``), no session is opened: the answer
    /// is the same second-factor challenge a password login gets, redeemed at `POST /v1/auth/mfa`
    /// (or, without an authenticator yet, the enrolment routes).
    private func openSession(
        _ identity: SSOIdentity, tenant: Tenant, provider: SSOProvider, providerVouchedSecondFactor: Bool, sourceIP: String?,
        userAgent: String?, audit: AuditContext?
    ) async throws -> Outcome {
        let token = Secret(RandomToken.generate())
        let now = services.clock.now()
        let lifetime = services.sessionLifetime
        let (user, session, stepUp): (User, Session?, MFAChallenge.Purpose?) = try await Self.withSignInUser(
            identity, tenant: tenant.id, provider: provider, at: now, store: services.store.recording(audit)
        ) { user, linked, tx in
            guard user.status == .active else { throw SSOFailure.disabledUser }
            audit?.update {
                $0.actorType = "user"
                $0.actorID = user.id.rawValue
            }
            try await applyGroupMapping(provider.groupMapping, groups: identity.groups, user: user.id, tenant: tenant.id, at: now, tx)
            var details = ["provider": provider.name].merging(linked.map { ["linked": $0] } ?? [:]) { $1 }
            if !providerVouchedSecondFactor {
                let enrolled = try await tx.totpCredential(subjectID: user.id.rawValue, in: tenant.id)?.status == .active
                let required = try await tx.tenantSecuritySettings(tenant.id)?.mfaRequired ?? false
                if enrolled || required {
                    details["step_up"] = enrolled ? "totp" : "totp-enrolment"
                    audit?.event("sso.login.mfa_challenged", details)
                    return (user, nil, enrolled ? .verify : .enrol)
                }
            }
            if providerVouchedSecondFactor { details["second_factor"] = "identity-provider" }
            audit?.event("sso.login.succeeded", details)
            let session = Session(
                id: .generate(), tokenHash: RandomToken.digest(token.exposedValue), tenantID: tenant.id, subjectKind: .user,
                subjectID: user.id.rawValue, createdAt: now, lastSeenAt: now, idleExpiresAt: now + min(lifetime.idle, lifetime.absolute),
                absoluteExpiresAt: now + lifetime.absolute, sourceIP: sourceIP, userAgent: userAgent)
            try await tx.insertSession(session)
            return (user, session, nil)
        }
        guard let session else {
            let (challengeToken, challenge) = try await MFAService(services: services).issueChallenge(
                .user(tenant, user), purpose: stepUp ?? .verify, audit: audit)
            return .challenged(token: challengeToken, challenge: challenge, tenant: tenant)
        }
        return .signedIn(token: token, session: session, tenant: tenant, user: user)
    }

    /// Runs `body` in a write transaction, with the user the identity signs in as
    /// (``linkedUser(_:tenant:provider:at:_:)``).
    ///
    /// Two first sign-ins of one identity can race where writes run side by side (PostgreSQL):
    /// both find no link, one creates the user (or links it) and commits, and the other's insert
    /// then breaks a unique key. The loser runs once more, finds the link the winner made and signs
    /// in as the same user, instead of answering with a conflict. A second conflict is real and is
    /// thrown.
    package static func withSignInUser<R: Sendable>(
        _ identity: SSOIdentity, tenant: TenantID, provider: SSOProvider, at now: Int64, store: any Store,
        _ body: @escaping @Sendable (User, String?, any StoreTransaction) async throws -> R
    ) async throws -> R {
        let attempt = { @Sendable in
            try await store.write { tx in
                let (user, linked) = try await Self.linkedUser(identity, tenant: tenant, provider: provider, at: now, tx)
                return try await body(user, linked, tx)
            }
        }
        do {
            return try await attempt()
        } catch let error as RampartError where error.code == .conflict {
            return try await attempt()
        }
    }

    /// The user the identity signs in as.
    ///
    /// An identity (`iss`, `sub`) linked to a user is that user, whatever its username claim says
    /// now. An unlinked identity is never matched to an existing account by username alone, since
    /// the claim is chosen by the provider's users or administrators: it gets a new user (and a
    /// link) with just-in-time provisioning when the username is free; it is linked to the user of
    /// that username only when the provider opts in (`linkExistingUsers`) and that user has no
    /// password, no role beyond `user` and no link yet. Anything else is refused.
    ///
    /// - Returns: the user, and how a link was made now (`new-user`, `existing-user`) or `nil`.
    package static func linkedUser(
        _ identity: SSOIdentity, tenant: TenantID, provider: SSOProvider, at now: Int64, _ tx: any StoreTransaction
    )
        async throws -> (User, String?)
    {
        if let link = try await tx.ssoIdentityLink(issuer: identity.issuer, subject: identity.subject, in: tenant) {
            // Users are deleted with their links, so a link without a user is not expected; refuse
            // rather than fall back to the username.
            guard let user = try await tx.user(link.userID, in: tenant) else { throw SSOFailure.unknownUser }
            try await tx.touchSSOIdentityLink(issuer: identity.issuer, subject: identity.subject, in: tenant, at: now)
            return (user, nil)
        }
        let link = { (user: UserID) in
            SSOIdentityLink(
                tenantID: tenant, providerID: provider.id, issuer: identity.issuer, subject: identity.subject, userID: user, createdAt: now,
                lastLoginAt: now)
        }
        if let existing = try await tx.user(username: identity.username, in: tenant) {
            // Where writes run side by side (PostgreSQL, read committed), a first sign-in of the
            // same identity can commit the user and its link between the link lookup above and
            // this one: each statement sees what has committed before it. That user is this
            // identity's, not an unlinked account.
            if let link = try await tx.ssoIdentityLink(issuer: identity.issuer, subject: identity.subject, in: tenant), link.userID == existing.id {
                try await tx.touchSSOIdentityLink(issuer: identity.issuer, subject: identity.subject, in: tenant, at: now)
                return (existing, nil)
            }
            guard provider.linkExistingUsers, existing.passwordHash == nil, existing.roles.isSubset(of: [.user]),
                try await tx.ssoIdentityLinks(user: existing.id, in: tenant).isEmpty
            else { throw SSOFailure.accountNotLinked }
            try await tx.insertSSOIdentityLink(link(existing.id))
            return (existing, "existing-user")
        }
        guard provider.jitProvisioning else { throw SSOFailure.unknownUser }
        let created = User(
            id: .generate(), tenantID: tenant, username: identity.username, displayName: identity.displayName, email: identity.email,
            roles: [.user], status: .active, passwordHash: nil, createdAt: now, updatedAt: now)
        try await tx.insertUser(created)
        try await tx.insertSSOIdentityLink(link(created.id))
        return (created, "new-user")
    }

    /// Makes the user's memberships of mapped groups follow the token: a mapped Rampart group is
    /// joined when one of the IdP groups mapped to it is in the token, and left otherwise. Groups
    /// the mapping does not name are not touched; a mapped group that does not exist is skipped.
    private func applyGroupMapping(
        _ mapping: [String: String], groups: [String], user: UserID, tenant: TenantID, at now: Int64, _ tx: any StoreTransaction
    ) async throws {
        guard !mapping.isEmpty else { return }
        let present = Set(groups)
        var wanted: [String: Bool] = [:]
        for (idpGroup, name) in mapping { wanted[name] = (wanted[name] ?? false) || present.contains(idpGroup) }
        for (name, member) in wanted.sorted(by: { $0.key < $1.key }) {
            guard let group = try await tx.group(name: name, in: tenant) else { continue }
            if member {
                _ = try await tx.addMember(user, to: group.id, in: tenant, at: now)
            } else {
                _ = try await tx.removeMember(user, from: group.id, in: tenant)
            }
        }
    }

    /// Runs a call to the provider; a transport failure is the provider being unavailable.
    private func reach<R: Sendable>(_ body: () async throws -> R) async throws -> R {
        do {
            return try await body()
        } catch let failure as SSOFailure {
            throw failure
        } catch is OutboundDestinationRefused {
            throw SSOFailure.destinationNotAllowed
        } catch {
            throw SSOFailure.providerUnavailable
        }
    }
}
