// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import SQLKit

extension SQLStoreTransaction {
    // MARK: Sessions of one subject

    func sessions(subjectID: String, in tenant: TenantID) async throws -> [Session] {
        try await sql.raw(
            """
            SELECT * FROM sessions WHERE tenant_id = \(bind: tenant.rawValue) AND subject_id = \(bind: subjectID)
            ORDER BY created_at DESC, id DESC
            """
        ).all().map(SessionsTable.decode)
    }

    func deleteSessions(subjectID: String, in tenant: TenantID, except keep: SessionID) async throws -> Int {
        try await sql.raw(
            """
            DELETE FROM sessions WHERE tenant_id = \(bind: tenant.rawValue) AND subject_id = \(bind: subjectID)
                AND id <> \(bind: keep.rawValue) RETURNING id
            """
        ).all().count
    }

    // MARK: TOTP

    func totpCredential(subjectID: String, in tenant: TenantID) async throws -> TOTPCredential? {
        try await sql.raw(
            "SELECT * FROM mfa_totp WHERE tenant_id = \(bind: tenant.rawValue) AND subject_id = \(bind: subjectID)"
        ).first().map(TOTPCredentialsTable.decode)
    }

    func putTOTPCredential(_ credential: TOTPCredential) async throws {
        try await sql.raw(
            """
            INSERT INTO mfa_totp (tenant_id, subject_id, subject_kind, sealed_secret, status, last_used_step, created_at, activated_at)
            VALUES (\(bind: credential.tenantID.rawValue), \(bind: credential.subjectID), \(bind: credential.subjectKind.rawValue),
                \(bind: credential.sealedSecret), \(bind: credential.status.rawValue), \(bind: credential.lastUsedStep),
                \(bind: credential.createdAt), \(bind: credential.activatedAt))
            ON CONFLICT (tenant_id, subject_id) DO UPDATE SET subject_kind = excluded.subject_kind,
                sealed_secret = excluded.sealed_secret, status = excluded.status, last_used_step = excluded.last_used_step,
                created_at = excluded.created_at, activated_at = excluded.activated_at
            """
        ).run()
    }

    func consumeTOTPStep(_ step: Int64, subjectID: String, in tenant: TenantID) async throws -> Bool {
        !(try await sql.raw(
            """
            UPDATE mfa_totp SET last_used_step = \(bind: step)
            WHERE tenant_id = \(bind: tenant.rawValue) AND subject_id = \(bind: subjectID)
                AND (last_used_step IS NULL OR last_used_step < \(bind: step))
            RETURNING subject_id
            """
        ).all()).isEmpty
    }

    func deleteMFA(subjectID: String, in tenant: TenantID) async throws -> Bool {
        let t = tenant.rawValue
        try await sql.raw("DELETE FROM mfa_recovery_codes WHERE tenant_id = \(bind: t) AND subject_id = \(bind: subjectID)").run()
        try await sql.raw("DELETE FROM mfa_challenges WHERE tenant_id = \(bind: t) AND subject_id = \(bind: subjectID)").run()
        return
            !(try await sql.raw(
                "DELETE FROM mfa_totp WHERE tenant_id = \(bind: t) AND subject_id = \(bind: subjectID) RETURNING subject_id"
            ).all()).isEmpty
    }

    func platformTOTPCredentials() async throws -> [TOTPCredential] {
        try await sql.raw(
            "SELECT * FROM mfa_totp WHERE tenant_id = \(bind: TenantID.platform.rawValue) ORDER BY subject_id"
        ).all().map(TOTPCredentialsTable.decode)
    }

    // MARK: Recovery codes

    func replaceRecoveryCodes(subjectID: String, in tenant: TenantID, salt: String, hashes: [String], at now: Int64) async throws {
        let t = tenant.rawValue
        try await sql.raw("DELETE FROM mfa_recovery_codes WHERE tenant_id = \(bind: t) AND subject_id = \(bind: subjectID)").run()
        for hash in hashes {
            try await sql.raw(
                """
                INSERT INTO mfa_recovery_codes (tenant_id, subject_id, code_hash, salt, created_at)
                VALUES (\(bind: t), \(bind: subjectID), \(bind: hash), \(bind: salt), \(bind: now))
                """
            ).run()
        }
    }

    func recoveryCodes(subjectID: String, in tenant: TenantID) async throws -> (salt: String, hashes: [String])? {
        let rows = try await sql.raw(
            """
            SELECT code_hash, salt FROM mfa_recovery_codes WHERE tenant_id = \(bind: tenant.rawValue) AND subject_id = \(bind: subjectID)
            ORDER BY code_hash
            """
        ).all()
        guard let first = rows.first else { return nil }
        return (
            try first.decode(column: "salt", as: String.self),
            try rows.map { try $0.decode(column: "code_hash", as: String.self) }
        )
    }

    func consumeRecoveryCode(hash: String, subjectID: String, in tenant: TenantID) async throws -> Bool {
        !(try await sql.raw(
            """
            DELETE FROM mfa_recovery_codes
            WHERE tenant_id = \(bind: tenant.rawValue) AND subject_id = \(bind: subjectID) AND code_hash = \(bind: hash)
            RETURNING code_hash
            """
        ).all()).isEmpty
    }

    // MARK: Challenges

    func insertMFAChallenge(_ challenge: MFAChallenge) async throws {
        try await sql.raw(MFAChallengesTable.insert(challenge)).run()
    }

    func mfaChallenge(tokenHash: String) async throws -> MFAChallenge? {
        try await sql.raw("SELECT * FROM mfa_challenges WHERE token_hash = \(bind: tokenHash)").first()
            .flatMap(MFAChallengesTable.decodeIfKnown)
    }

    func recordMFAChallengeFailure(id: String, in tenant: TenantID) async throws -> Int {
        let row = try await sql.raw(
            """
            UPDATE mfa_challenges SET failures = failures + 1
            WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING failures
            """
        ).first()
        return Int(try row?.decode(MFAChallengesTable.failures) ?? Int64(MFAChallenge.maximumFailures))
    }

    func deleteMFAChallenge(id: String, in tenant: TenantID) async throws -> Bool {
        !(try await sql.raw(
            "DELETE FROM mfa_challenges WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING id"
        ).all()).isEmpty
    }

    func deleteExpiredMFAChallenges(now: Int64) async throws -> Int {
        try await sql.raw("DELETE FROM mfa_challenges WHERE expires_at <= \(bind: now) RETURNING id").all().count
    }

    // MARK: Known sources

    func rememberSource(_ kind: KnownSourceKind, _ value: String, subjectID: String, in tenant: TenantID, at now: Int64) async throws -> Bool {
        // ON CONFLICT DO NOTHING returns no row for a repeat, which makes "first time" exact even
        // when two logins from the same new device race.
        !(try await sql.raw(
            """
            INSERT INTO known_sources (tenant_id, subject_id, kind, value, first_seen_at)
            VALUES (\(bind: tenant.rawValue), \(bind: subjectID), \(bind: kind.rawValue), \(bind: value), \(bind: now))
            ON CONFLICT (tenant_id, subject_id, kind, value) DO NOTHING RETURNING value
            """
        ).all()).isEmpty
    }

    func isKnownSource(_ kind: KnownSourceKind, _ value: String, subjectID: String, in tenant: TenantID) async throws -> Bool {
        try await sql.raw(
            """
            SELECT value FROM known_sources WHERE tenant_id = \(bind: tenant.rawValue) AND subject_id = \(bind: subjectID)
                AND kind = \(bind: kind.rawValue) AND value = \(bind: value)
            """
        ).first() != nil
    }

    func hasKnownSources(_ kind: KnownSourceKind, subjectID: String, in tenant: TenantID) async throws -> Bool {
        try await sql.raw(
            """
            SELECT value FROM known_sources WHERE tenant_id = \(bind: tenant.rawValue) AND subject_id = \(bind: subjectID)
                AND kind = \(bind: kind.rawValue) LIMIT 1
            """
        ).first() != nil
    }

    // MARK: Security events

    func insertSecurityEvent(_ event: SecurityEvent) async throws {
        try await sql.raw(SecurityEventsTable.insert(event)).run()
    }

    func securityEvents(in tenant: TenantID, query: SecurityEventQuery) async throws -> [SecurityEvent] {
        var statement = "SELECT * FROM security_events WHERE tenant_id = \(bind: tenant.rawValue)" as SQLQueryString
        if let kind = query.kind { statement.appendInterpolation(" AND kind = \(bind: kind.rawValue)" as SQLQueryString) }
        if let since = query.since { statement.appendInterpolation(" AND occurred_at >= \(bind: since)" as SQLQueryString) }
        if let before = query.before { statement.appendInterpolation(" AND id < \(bind: before)" as SQLQueryString) }
        statement.appendInterpolation(" ORDER BY id DESC LIMIT \(bind: query.limit)" as SQLQueryString)
        return try await sql.raw(statement).all().compactMap(SecurityEventsTable.decodeIfKnown)
    }

    func securityEvent(id: String, in tenant: TenantID) async throws -> SecurityEvent? {
        try await sql.raw(
            "SELECT * FROM security_events WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)"
        ).first().flatMap(SecurityEventsTable.decodeIfKnown)
    }

    static func detailsText(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(details)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    // MARK: Settings

    func tenantSecuritySettings(_ tenant: TenantID) async throws -> TenantSecuritySettings? {
        try await sql.raw(
            "SELECT * FROM tenant_security_settings WHERE tenant_id = \(bind: tenant.rawValue)"
        ).first().map(TenantSecuritySettingsTable.decode)
    }

    func putTenantSecuritySettings(_ settings: TenantSecuritySettings) async throws {
        var query = TenantSecuritySettingsTable.insert(settings)
        query.appendInterpolation(
            unsafeRaw: """
                 ON CONFLICT (tenant_id) DO UPDATE SET mfa_required = excluded.mfa_required, login_throttle = excluded.login_throttle,
                    change_approval = excluded.change_approval, access_request_maximum_seconds = excluded.access_request_maximum_seconds,
                    updated_at = excluded.updated_at
                """)
        try await sql.raw(query).run()
    }

    // MARK: Alert rules

    func insertAlertRule(_ rule: AlertRule) async throws {
        try await sql.raw(AlertRulesTable.insert(rule)).run()
    }

    func alertRules(in tenant: TenantID) async throws -> [AlertRule] {
        try await sql.raw(
            "SELECT * FROM security_alert_rules WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY id"
        ).all().map(AlertRulesTable.decode)
    }

    func alertRule(id: String, in tenant: TenantID) async throws -> AlertRule? {
        try await sql.raw(
            "SELECT * FROM security_alert_rules WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)"
        ).first().map(AlertRulesTable.decode)
    }

    func deleteAlertRule(id: String, in tenant: TenantID) async throws -> Bool {
        try await sql.raw(
            "DELETE FROM security_alert_deliveries WHERE tenant_id = \(bind: tenant.rawValue) AND rule_id = \(bind: id) AND status = 'pending'"
        ).run()
        return
            !(try await sql.raw(
                "DELETE FROM security_alert_rules WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING id"
            ).all()).isEmpty
    }

    /// Cannot fail (strings always encode); the fallback only gives the expression a value.
    static func encodeEmails(_ emails: [String]) -> String {
        (try? JSONEncoder().encode(emails)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func decodeEmails(_ text: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    // MARK: Alert deliveries

    func insertAlertDelivery(_ delivery: AlertDelivery) async throws {
        try await sql.raw(AlertDeliveriesTable.insert(delivery)).run()
    }

    func dueAlertDeliveries(now: Int64, limit: Int) async throws -> [AlertDelivery] {
        try await sql.raw(
            """
            SELECT * FROM security_alert_deliveries WHERE status = 'pending' AND next_attempt_at <= \(bind: now)
            ORDER BY next_attempt_at, id LIMIT \(bind: limit)
            """
        ).all().map(AlertDeliveriesTable.decode)
    }

    func claimAlertDelivery(id: String, dueAt: Int64, leaseUntil: Int64) async throws -> Bool {
        !(try await sql.raw(
            """
            UPDATE security_alert_deliveries SET next_attempt_at = \(bind: leaseUntil)
            WHERE id = \(bind: id) AND status = 'pending' AND next_attempt_at = \(bind: dueAt) RETURNING id
            """
        ).all()).isEmpty
    }

    func updateAlertDelivery(_ delivery: AlertDelivery) async throws {
        try await sql.raw(AlertDeliveriesTable.update(delivery)).run()
    }

    func alertDeliveries(ruleID: String, in tenant: TenantID) async throws -> [AlertDelivery] {
        try await sql.raw(
            """
            SELECT * FROM security_alert_deliveries WHERE tenant_id = \(bind: tenant.rawValue) AND rule_id = \(bind: ruleID)
            ORDER BY id
            """
        ).all().map(AlertDeliveriesTable.decode)
    }

}
