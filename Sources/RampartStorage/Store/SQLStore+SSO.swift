// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import SQLKit

extension SQLStoreTransaction {
    // MARK: Providers

    func insertSSOProvider(_ p: SSOProvider) async throws {
        try await sql.raw(SSOProvidersTable.insert(p)).run()
    }

    func updateSSOProvider(_ p: SSOProvider) async throws {
        try await sql.raw(SSOProvidersTable.update(p)).run()
    }

    func ssoProvider(id: String, in tenant: TenantID) async throws -> SSOProvider? {
        try await sql.raw(
            "SELECT * FROM sso_providers WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)"
        ).first().map(SSOProvidersTable.decode)
    }

    func ssoProvider(name: String, in tenant: TenantID) async throws -> SSOProvider? {
        try await sql.raw(
            "SELECT * FROM sso_providers WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: name)"
        ).first().map(SSOProvidersTable.decode)
    }

    func ssoProviders(in tenant: TenantID, page: PageRequest) async throws -> Page<SSOProvider> {
        let rows = try await sql.raw(
            """
            SELECT * FROM sso_providers WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: page.after ?? "")
            ORDER BY id LIMIT \(bind: page.limit + 1)
            """
        ).all()
        return try paged(rows, page: page, id: \.id, decode: SSOProvidersTable.decode)
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
        try await sql.raw(SSOLoginStatesTable.insert(s)).run()
    }

    func consumeSSOLoginState(stateHash: String) async throws -> SSOLoginState? {
        try await sql.raw(
            "DELETE FROM sso_login_states WHERE state_hash = \(bind: stateHash) RETURNING *"
        ).first().map(SSOLoginStatesTable.decode)
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
        ).first().map(SSOIdentityLinksTable.decode)
    }

    func ssoIdentityLinks(user: UserID, in tenant: TenantID) async throws -> [SSOIdentityLink] {
        try await sql.raw(
            """
            SELECT * FROM sso_identity_links WHERE tenant_id = \(bind: tenant.rawValue) AND user_id = \(bind: user.rawValue)
            ORDER BY created_at, provider_id
            """
        ).all().map(SSOIdentityLinksTable.decode)
    }

    func insertSSOIdentityLink(_ l: SSOIdentityLink) async throws {
        try await sql.raw(SSOIdentityLinksTable.insert(l)).run()
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
