// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import SQLKit

extension SQLStoreTransaction {
    // MARK: Providers

    func insertSSOProvider(_ p: SSOProvider) async throws {
        try await sql.raw(
            """
            INSERT INTO sso_providers (id, tenant_id, name, display_name, issuer, client_id, has_client_secret, scopes, username_claim,
                email_claim, groups_claim, allowed_domains, jit_provisioning, group_mapping, enabled, created_at, updated_at,
                link_existing_users, allowed_tenant_ids, trusted_amr, trusted_acr)
            VALUES (\(bind: p.id), \(bind: p.tenantID.rawValue), \(bind: p.name), \(bind: p.displayName), \(bind: p.issuer),
                \(bind: p.clientID), \(bind: Int64(p.hasClientSecret ? 1 : 0)), \(bind: p.scopes.joined(separator: " ")),
                \(bind: p.usernameClaim), \(bind: p.emailClaim), \(bind: p.groupsClaim), \(bind: p.allowedDomains.joined(separator: ",")),
                \(bind: Int64(p.jitProvisioning ? 1 : 0)), \(bind: Self.encodeMapping(p.groupMapping)), \(bind: Int64(p.enabled ? 1 : 0)),
                \(bind: p.createdAt), \(bind: p.updatedAt), \(bind: Int64(p.linkExistingUsers ? 1 : 0)),
                \(bind: p.allowedTenantIDs.joined(separator: ",")), \(bind: p.trustedAMR.joined(separator: " ")),
                \(bind: p.trustedACR.joined(separator: " ")))
            """
        ).run()
    }

    func updateSSOProvider(_ p: SSOProvider) async throws {
        try await sql.raw(
            """
            UPDATE sso_providers SET name = \(bind: p.name), display_name = \(bind: p.displayName), issuer = \(bind: p.issuer),
                client_id = \(bind: p.clientID), has_client_secret = \(bind: Int64(p.hasClientSecret ? 1 : 0)),
                scopes = \(bind: p.scopes.joined(separator: " ")), username_claim = \(bind: p.usernameClaim),
                email_claim = \(bind: p.emailClaim), groups_claim = \(bind: p.groupsClaim),
                allowed_domains = \(bind: p.allowedDomains.joined(separator: ",")), jit_provisioning = \(bind: Int64(p.jitProvisioning ? 1 : 0)),
                group_mapping = \(bind: Self.encodeMapping(p.groupMapping)), enabled = \(bind: Int64(p.enabled ? 1 : 0)),
                link_existing_users = \(bind: Int64(p.linkExistingUsers ? 1 : 0)),
                allowed_tenant_ids = \(bind: p.allowedTenantIDs.joined(separator: ",")),
                trusted_amr = \(bind: p.trustedAMR.joined(separator: " ")), trusted_acr = \(bind: p.trustedACR.joined(separator: " ")),
                updated_at = \(bind: p.updatedAt)
            WHERE tenant_id = \(bind: p.tenantID.rawValue) AND id = \(bind: p.id)
            """
        ).run()
    }

    func ssoProvider(id: String, in tenant: TenantID) async throws -> SSOProvider? {
        try await sql.raw(
            "SELECT * FROM sso_providers WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)"
        ).first().map(Self.decodeSSOProvider)
    }

    func ssoProvider(name: String, in tenant: TenantID) async throws -> SSOProvider? {
        try await sql.raw(
            "SELECT * FROM sso_providers WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: name)"
        ).first().map(Self.decodeSSOProvider)
    }

    func ssoProviders(in tenant: TenantID, page: PageRequest) async throws -> Page<SSOProvider> {
        let rows = try await sql.raw(
            """
            SELECT * FROM sso_providers WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: page.after ?? "")
            ORDER BY id LIMIT \(bind: page.limit + 1)
            """
        ).all()
        return try paged(rows, page: page, id: \.id, decode: Self.decodeSSOProvider)
    }

    func deleteSSOProvider(id: String, in tenant: TenantID) async throws -> Bool {
        try await sql.raw("DELETE FROM sso_login_states WHERE tenant_id = \(bind: tenant.rawValue) AND provider_id = \(bind: id)").run()
        // Its links go with it: a provider configured again later starts without them, so its
        // identities are linked again under the rules then in force.
        try await sql.raw("DELETE FROM sso_identity_links WHERE tenant_id = \(bind: tenant.rawValue) AND provider_id = \(bind: id)").run()
        return
            !(try await sql.raw(
                "DELETE FROM sso_providers WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING id"
            ).all()).isEmpty
    }

    static func decodeSSOProvider(_ row: any SQLRow) throws -> SSOProvider {
        SSOProvider(
            id: try row.decode(column: "id", as: String.self),
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            name: try row.decode(column: "name", as: String.self),
            displayName: try row.decode(column: "display_name", as: String?.self),
            issuer: try row.decode(column: "issuer", as: String.self),
            clientID: try row.decode(column: "client_id", as: String.self),
            hasClientSecret: try row.decode(column: "has_client_secret", as: Int64.self) != 0,
            scopes: try row.decode(column: "scopes", as: String.self).split(separator: " ").map(String.init),
            usernameClaim: try row.decode(column: "username_claim", as: String.self),
            emailClaim: try row.decode(column: "email_claim", as: String.self),
            groupsClaim: try row.decode(column: "groups_claim", as: String.self),
            allowedDomains: try row.decode(column: "allowed_domains", as: String.self).split(separator: ",").map(String.init),
            jitProvisioning: try row.decode(column: "jit_provisioning", as: Int64.self) != 0,
            groupMapping: Self.decodeMapping(try row.decode(column: "group_mapping", as: String.self)),
            enabled: try row.decode(column: "enabled", as: Int64.self) != 0,
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self),
            linkExistingUsers: try row.decode(column: "link_existing_users", as: Int64.self) != 0,
            allowedTenantIDs: try row.decode(column: "allowed_tenant_ids", as: String.self).split(separator: ",").map(String.init),
            trustedAMR: try row.decode(column: "trusted_amr", as: String.self).split(separator: " ").map(String.init),
            trustedACR: try row.decode(column: "trusted_acr", as: String.self).split(separator: " ").map(String.init)
        )
    }

    static func encodeMapping(_ mapping: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(mapping)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func decodeMapping(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }

    // MARK: Sign-ins in progress

    func insertSSOLoginState(_ s: SSOLoginState) async throws {
        try await sql.raw(
            """
            INSERT INTO sso_login_states (state_hash, tenant_id, provider_id, nonce, code_verifier, redirect_uri, created_at, expires_at)
            VALUES (\(bind: s.stateHash), \(bind: s.tenantID.rawValue), \(bind: s.providerID), \(bind: s.nonce), \(bind: s.codeVerifier),
                \(bind: s.redirectURI), \(bind: s.createdAt), \(bind: s.expiresAt))
            """
        ).run()
    }

    func consumeSSOLoginState(stateHash: String) async throws -> SSOLoginState? {
        try await sql.raw(
            "DELETE FROM sso_login_states WHERE state_hash = \(bind: stateHash) RETURNING *"
        ).first().map { row in
            SSOLoginState(
                stateHash: try row.decode(column: "state_hash", as: String.self),
                tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
                providerID: try row.decode(column: "provider_id", as: String.self),
                nonce: try row.decode(column: "nonce", as: String.self),
                codeVerifier: try row.decode(column: "code_verifier", as: String.self),
                redirectURI: try row.decode(column: "redirect_uri", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Int64.self),
                expiresAt: try row.decode(column: "expires_at", as: Int64.self))
        }
    }

    func deleteExpiredSSOLoginStates(now: Int64) async throws -> Int {
        try await sql.raw("DELETE FROM sso_login_states WHERE expires_at <= \(bind: now) RETURNING state_hash").all().count
    }

    // MARK: Identity links

    func ssoIdentityLink(issuer: String, subject: String, in tenant: TenantID) async throws -> SSOIdentityLink? {
        try await sql.raw(
            """
            SELECT * FROM sso_identity_links
            WHERE tenant_id = \(bind: tenant.rawValue) AND issuer = \(bind: issuer) AND subject = \(bind: subject)
            """
        ).first().map(Self.decodeSSOIdentityLink)
    }

    func ssoIdentityLinks(user: UserID, in tenant: TenantID) async throws -> [SSOIdentityLink] {
        try await sql.raw(
            """
            SELECT * FROM sso_identity_links WHERE tenant_id = \(bind: tenant.rawValue) AND user_id = \(bind: user.rawValue)
            ORDER BY created_at, provider_id
            """
        ).all().map(Self.decodeSSOIdentityLink)
    }

    func insertSSOIdentityLink(_ l: SSOIdentityLink) async throws {
        try await sql.raw(
            """
            INSERT INTO sso_identity_links (tenant_id, provider_id, issuer, subject, user_id, created_at, last_login_at)
            VALUES (\(bind: l.tenantID.rawValue), \(bind: l.providerID), \(bind: l.issuer), \(bind: l.subject), \(bind: l.userID.rawValue),
                \(bind: l.createdAt), \(bind: l.lastLoginAt))
            """
        ).run()
    }

    func deleteSSOIdentityLink(provider: String, user: UserID, in tenant: TenantID) async throws -> Bool {
        !(try await sql.raw(
            """
            DELETE FROM sso_identity_links
            WHERE tenant_id = \(bind: tenant.rawValue) AND provider_id = \(bind: provider) AND user_id = \(bind: user.rawValue)
            RETURNING subject
            """
        ).all()).isEmpty
    }

    func touchSSOIdentityLink(issuer: String, subject: String, in tenant: TenantID, at: Int64) async throws {
        try await sql.raw(
            """
            UPDATE sso_identity_links SET last_login_at = \(bind: at)
            WHERE tenant_id = \(bind: tenant.rawValue) AND issuer = \(bind: issuer) AND subject = \(bind: subject)
            """
        ).run()
    }

    static func decodeSSOIdentityLink(_ row: any SQLRow) throws -> SSOIdentityLink {
        SSOIdentityLink(
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            providerID: try row.decode(column: "provider_id", as: String.self),
            issuer: try row.decode(column: "issuer", as: String.self),
            subject: try row.decode(column: "subject", as: String.self),
            userID: UserID(try row.decode(column: "user_id", as: String.self)),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            lastLoginAt: try row.decode(column: "last_login_at", as: Int64.self))
    }

    // MARK: Settings

    func ssoSettings(_ tenant: TenantID) async throws -> SSOSettings {
        let row = try await sql.raw("SELECT sso_only FROM sso_settings WHERE tenant_id = \(bind: tenant.rawValue)").first()
        return SSOSettings(ssoOnly: try row?.decode(column: "sso_only", as: Int64.self) == 1)
    }

    func setSSOSettings(_ settings: SSOSettings, in tenant: TenantID, at: Int64) async throws {
        try await sql.raw(
            """
            INSERT INTO sso_settings (tenant_id, sso_only, updated_at) VALUES (\(bind: tenant.rawValue), \(bind: Int64(settings.ssoOnly ? 1 : 0)), \(bind: at))
            ON CONFLICT (tenant_id) DO UPDATE SET sso_only = excluded.sso_only, updated_at = excluded.updated_at
            """
        ).run()
    }

    func deleteSecret(_ name: String, in tenant: TenantID) async throws {
        try await sql.raw("DELETE FROM tenant_secrets WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: name)").run()
    }
}
