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
        ).all().map(Self.decodeSession)
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
        ).first().map(Self.decodeTOTPCredential)
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
        ).all().map(Self.decodeTOTPCredential)
    }

    static func decodeTOTPCredential(_ row: any SQLRow) throws -> TOTPCredential {
        TOTPCredential(
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            subjectKind: Session.SubjectKind(rawValue: try row.decode(column: "subject_kind", as: String.self)) ?? .user,
            subjectID: try row.decode(column: "subject_id", as: String.self),
            sealedSecret: try row.decode(column: "sealed_secret", as: String.self),
            // An unknown status reads as pending: never treat a row we do not understand as active.
            status: TOTPCredential.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            lastUsedStep: try row.decode(column: "last_used_step", as: Int64?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            activatedAt: try row.decode(column: "activated_at", as: Int64?.self))
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
        try await sql.raw(
            """
            INSERT INTO mfa_challenges (id, token_hash, tenant_id, subject_kind, subject_id, purpose, failures, created_at, expires_at)
            VALUES (\(bind: challenge.id), \(bind: challenge.tokenHash), \(bind: challenge.tenantID.rawValue),
                \(bind: challenge.subjectKind.rawValue), \(bind: challenge.subjectID), \(bind: challenge.purpose.rawValue),
                \(bind: Int64(challenge.failures)), \(bind: challenge.createdAt), \(bind: challenge.expiresAt))
            """
        ).run()
    }

    func mfaChallenge(tokenHash: String) async throws -> MFAChallenge? {
        guard let row = try await sql.raw("SELECT * FROM mfa_challenges WHERE token_hash = \(bind: tokenHash)").first() else { return nil }
        guard let purpose = MFAChallenge.Purpose(rawValue: try row.decode(column: "purpose", as: String.self)),
            let kind = Session.SubjectKind(rawValue: try row.decode(column: "subject_kind", as: String.self))
        else { return nil }
        return MFAChallenge(
            id: try row.decode(column: "id", as: String.self),
            tokenHash: try row.decode(column: "token_hash", as: String.self),
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            subjectKind: kind,
            subjectID: try row.decode(column: "subject_id", as: String.self),
            purpose: purpose,
            failures: Int(try row.decode(column: "failures", as: Int64.self)),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            expiresAt: try row.decode(column: "expires_at", as: Int64.self))
    }

    func recordMFAChallengeFailure(id: String, in tenant: TenantID) async throws -> Int {
        let row = try await sql.raw(
            """
            UPDATE mfa_challenges SET failures = failures + 1
            WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING failures
            """
        ).first()
        return Int(try row?.decode(column: "failures", as: Int64.self) ?? Int64(MFAChallenge.maximumFailures))
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

    // MARK: Security events

    func insertSecurityEvent(_ event: SecurityEvent) async throws {
        try await sql.raw(
            """
            INSERT INTO security_events (id, tenant_id, kind, occurred_at, actor_type, actor_id, source_ip, user_agent, request_id, details)
            VALUES (\(bind: event.id), \(bind: event.tenantID.rawValue), \(bind: event.kind.rawValue), \(bind: event.occurredAt),
                \(bind: event.actorType), \(bind: event.actorID), \(bind: event.sourceIP), \(bind: event.userAgent),
                \(bind: event.requestID), \(bind: Self.detailsText(event.details)))
            """
        ).run()
    }

    func securityEvents(in tenant: TenantID, query: SecurityEventQuery) async throws -> [SecurityEvent] {
        var statement = "SELECT * FROM security_events WHERE tenant_id = \(bind: tenant.rawValue)" as SQLQueryString
        if let kind = query.kind { statement.appendInterpolation(" AND kind = \(bind: kind.rawValue)" as SQLQueryString) }
        if let since = query.since { statement.appendInterpolation(" AND occurred_at >= \(bind: since)" as SQLQueryString) }
        if let before = query.before { statement.appendInterpolation(" AND id < \(bind: before)" as SQLQueryString) }
        statement.appendInterpolation(" ORDER BY id DESC LIMIT \(bind: query.limit)" as SQLQueryString)
        return try await sql.raw(statement).all().compactMap(Self.decodeSecurityEvent)
    }

    func securityEvent(id: String, in tenant: TenantID) async throws -> SecurityEvent? {
        try await sql.raw(
            "SELECT * FROM security_events WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)"
        ).first().flatMap(Self.decodeSecurityEvent)
    }

    static func detailsText(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(details)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Rows of a kind this build does not know (written by a newer server) are skipped.
    static func decodeSecurityEvent(_ row: any SQLRow) throws -> SecurityEvent? {
        guard let kind = SecurityEventKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
        let detailsText = try row.decode(column: "details", as: String.self)
        let details = (try? JSONDecoder().decode([String: String].self, from: Data(detailsText.utf8))) ?? [:]
        return SecurityEvent(
            id: try row.decode(column: "id", as: String.self),
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            kind: kind,
            occurredAt: try row.decode(column: "occurred_at", as: Int64.self),
            actorType: try row.decode(column: "actor_type", as: String.self),
            actorID: try row.decode(column: "actor_id", as: String?.self),
            sourceIP: try row.decode(column: "source_ip", as: String?.self),
            userAgent: try row.decode(column: "user_agent", as: String?.self),
            requestID: try row.decode(column: "request_id", as: String?.self),
            details: details)
    }

    // MARK: Settings

    func tenantSecuritySettings(_ tenant: TenantID) async throws -> TenantSecuritySettings? {
        guard
            let row = try await sql.raw(
                "SELECT * FROM tenant_security_settings WHERE tenant_id = \(bind: tenant.rawValue)"
            ).first()
        else { return nil }
        return TenantSecuritySettings(
            tenantID: tenant,
            mfaRequired: try row.decode(column: "mfa_required", as: Int64.self) != 0,
            loginThrottleJSON: try row.decode(column: "login_throttle", as: String?.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    func putTenantSecuritySettings(_ settings: TenantSecuritySettings) async throws {
        try await sql.raw(
            """
            INSERT INTO tenant_security_settings (tenant_id, mfa_required, login_throttle, updated_at)
            VALUES (\(bind: settings.tenantID.rawValue), \(bind: Int64(settings.mfaRequired ? 1 : 0)), \(bind: settings.loginThrottleJSON),
                \(bind: settings.updatedAt))
            ON CONFLICT (tenant_id) DO UPDATE SET mfa_required = excluded.mfa_required, login_throttle = excluded.login_throttle,
                updated_at = excluded.updated_at
            """
        ).run()
    }

    // MARK: Alert rules

    func insertAlertRule(_ rule: AlertRule) async throws {
        try await sql.raw(
            """
            INSERT INTO security_alert_rules (id, tenant_id, name, kinds, url, sealed_secret, emails, created_at)
            VALUES (\(bind: rule.id), \(bind: rule.tenantID.rawValue), \(bind: rule.name),
                \(bind: rule.kinds.map(\.rawValue).sorted().joined(separator: ",")), \(bind: rule.url ?? ""),
                \(bind: rule.sealedSecret ?? ""), \(bind: try Self.encodeEmails(rule.emails)), \(bind: rule.createdAt))
            """
        ).run()
    }

    func alertRules(in tenant: TenantID) async throws -> [AlertRule] {
        try await sql.raw(
            "SELECT * FROM security_alert_rules WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY id"
        ).all().map(Self.decodeAlertRule)
    }

    func alertRule(id: String, in tenant: TenantID) async throws -> AlertRule? {
        try await sql.raw(
            "SELECT * FROM security_alert_rules WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)"
        ).first().map(Self.decodeAlertRule)
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

    static func decodeAlertRule(_ row: any SQLRow) throws -> AlertRule {
        let kinds = try row.decode(column: "kinds", as: String.self).split(separator: ",").compactMap {
            SecurityEventKind(rawValue: String($0))
        }
        return AlertRule(
            id: try row.decode(column: "id", as: String.self),
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            name: try row.decode(column: "name", as: String.self),
            kinds: Set(kinds),
            // M0010AlertEmail: an e-mail-only rule stores its absent webhook as ''.
            url: try row.decode(column: "url", as: String.self).nonEmpty,
            sealedSecret: try row.decode(column: "sealed_secret", as: String.self).nonEmpty,
            emails: try decodeEmails(try row.decode(column: "emails", as: String.self)),
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    static func encodeEmails(_ emails: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(emails), as: UTF8.self)
    }

    static func decodeEmails(_ text: String) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    // MARK: Alert deliveries

    func insertAlertDelivery(_ delivery: AlertDelivery) async throws {
        try await sql.raw(
            """
            INSERT INTO security_alert_deliveries (id, tenant_id, rule_id, event_id, channel, status, attempts, next_attempt_at,
                last_error, created_at, updated_at)
            VALUES (\(bind: delivery.id), \(bind: delivery.tenantID.rawValue), \(bind: delivery.ruleID), \(bind: delivery.eventID),
                \(bind: delivery.channel.rawValue), \(bind: delivery.status.rawValue), \(bind: Int64(delivery.attempts)),
                \(bind: delivery.nextAttemptAt),
                \(bind: delivery.lastError), \(bind: delivery.createdAt), \(bind: delivery.updatedAt))
            """
        ).run()
    }

    func dueAlertDeliveries(now: Int64, limit: Int) async throws -> [AlertDelivery] {
        try await sql.raw(
            """
            SELECT * FROM security_alert_deliveries WHERE status = 'pending' AND next_attempt_at <= \(bind: now)
            ORDER BY next_attempt_at, id LIMIT \(bind: limit)
            """
        ).all().map(Self.decodeAlertDelivery)
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
        try await sql.raw(
            """
            UPDATE security_alert_deliveries SET status = \(bind: delivery.status.rawValue), attempts = \(bind: Int64(delivery.attempts)),
                next_attempt_at = \(bind: delivery.nextAttemptAt), last_error = \(bind: delivery.lastError),
                updated_at = \(bind: delivery.updatedAt)
            WHERE tenant_id = \(bind: delivery.tenantID.rawValue) AND id = \(bind: delivery.id)
            """
        ).run()
    }

    func alertDeliveries(ruleID: String, in tenant: TenantID) async throws -> [AlertDelivery] {
        try await sql.raw(
            """
            SELECT * FROM security_alert_deliveries WHERE tenant_id = \(bind: tenant.rawValue) AND rule_id = \(bind: ruleID)
            ORDER BY id
            """
        ).all().map(Self.decodeAlertDelivery)
    }

    static func decodeAlertDelivery(_ row: any SQLRow) throws -> AlertDelivery {
        AlertDelivery(
            id: try row.decode(column: "id", as: String.self),
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            ruleID: try row.decode(column: "rule_id", as: String.self),
            eventID: try row.decode(column: "event_id", as: String.self),
            channel: AlertDelivery.Channel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .webhook,
            status: AlertDelivery.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
            attempts: Int(try row.decode(column: "attempts", as: Int64.self)),
            nextAttemptAt: try row.decode(column: "next_attempt_at", as: Int64.self),
            lastError: try row.decode(column: "last_error", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
