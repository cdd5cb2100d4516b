// SPDX-License-Identifier: Apache-2.0

/// Which authentication methods (`amr`) and context classes (`acr`) of an identity provider's ID
/// token count as a second factor for Rampart. Empty (the default): none do, and a tenant or user
/// that needs two-factor steps up with Rampart's own TOTP after the provider.
struct M0013SSOTrustedMFA: Migration {
    let id = "0013_sso_trusted_mfa"

    func statements(for engine: DatabaseEngine) -> [String] {
        [
            "ALTER TABLE sso_providers ADD COLUMN trusted_amr TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE sso_providers ADD COLUMN trusted_acr TEXT NOT NULL DEFAULT ''",
        ]
    }
}
