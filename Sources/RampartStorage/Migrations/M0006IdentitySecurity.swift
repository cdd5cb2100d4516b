// SPDX-License-Identifier: Apache-2.0

/// Two-factor login, session devices and intrusion detection: TOTP authenticators, recovery
/// codes, login challenges, the devices/networks/addresses seen per account, security events,
/// per-tenant security settings, alert rules and their webhook outbox.
///
/// Like the audit tables, these have no foreign key to `tenants`: the platform operator's
/// authenticator and events live under the platform tenant id, which has no row there.
struct M0006IdentitySecurity: Migration {
    let id = "0006_identity_security"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            """
            CREATE TABLE mfa_totp (
                tenant_id TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                subject_kind TEXT NOT NULL,
                sealed_secret TEXT NOT NULL,
                status TEXT NOT NULL,
                last_used_step BIGINT,
                created_at BIGINT NOT NULL,
                activated_at BIGINT,
                PRIMARY KEY (tenant_id, subject_id)
            )
            """,
            """
            CREATE TABLE mfa_recovery_codes (
                tenant_id TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                code_hash TEXT NOT NULL,
                salt TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, subject_id, code_hash)
            )
            """,
            """
            CREATE TABLE mfa_challenges (
                id TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                tenant_id TEXT NOT NULL,
                subject_kind TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                purpose TEXT NOT NULL,
                failures BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX mfa_challenges_subject ON mfa_challenges (tenant_id, subject_id)",
            """
            CREATE TABLE known_sources (
                tenant_id TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                value TEXT NOT NULL,
                first_seen_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, subject_id, kind, value)
            )
            """,
            """
            CREATE TABLE security_events (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                occurred_at BIGINT NOT NULL,
                actor_type TEXT NOT NULL,
                actor_id TEXT,
                source_ip TEXT,
                user_agent TEXT,
                request_id TEXT,
                details TEXT NOT NULL
            )
            """,
            "CREATE INDEX security_events_tenant ON security_events (tenant_id, id)",
            """
            CREATE TABLE tenant_security_settings (
                tenant_id TEXT PRIMARY KEY,
                mfa_required BIGINT NOT NULL,
                login_throttle TEXT,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE security_alert_rules (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                name TEXT NOT NULL,
                kinds TEXT NOT NULL,
                url TEXT NOT NULL,
                sealed_secret TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX security_alert_rules_tenant ON security_alert_rules (tenant_id, id)",
            """
            CREATE TABLE security_alert_deliveries (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                rule_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts BIGINT NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                last_error TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX security_alert_deliveries_due ON security_alert_deliveries (status, next_attempt_at)",
            "CREATE INDEX security_alert_deliveries_rule ON security_alert_deliveries (tenant_id, rule_id)",
            "ALTER TABLE sessions ADD COLUMN device TEXT",
        ]
    }
}
