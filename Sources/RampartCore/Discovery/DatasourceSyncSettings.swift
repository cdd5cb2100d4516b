// SPDX-License-Identifier: Apache-2.0

/// How a PostgreSQL datasource is enforced: whether and how often Rampart syncs its policies into
/// the database, and how Rampart users map to the database's login roles.
package struct DatasourceSyncSettings: Sendable, Equatable, Codable {
    package enum Mode: String, Sendable, Codable, CaseIterable {
        /// Apply every plan: drift (a hand-made grant, a dropped view) is reverted.
        case enforce
        /// Plan only: drift raises a `sync.drift` security event and changes nothing.
        case report
    }

    /// Whether the background sync runs for this datasource (plans and applies on demand work
    /// either way).
    package var enabled: Bool
    package var mode: Mode
    /// How often the background sync re-plans when nothing changed, in seconds.
    package var intervalSeconds: Int
    /// Login role = `rolePrefix` + username, unless `roleMap` names one.
    package var rolePrefix: String
    /// Explicit username → login role mappings.
    package var roleMap: [String: String]
    /// Create missing login roles (`NOLOGIN`: a DBA decides how they sign in) instead of
    /// reporting them.
    package var createRoles: Bool
    /// A token scheme whose key `MASK_HASH` uses instead of the datasource's own: masked values
    /// are then the scheme's tokens, equal to what `/v1/protect` returns, so they join across
    /// tables, databases and tokenized application data. `nil`: the datasource's own key (hex).
    package var maskHashScheme: String?

    package static let defaultInterval = 60
    package static let intervalRange = 10...86_400
    package static let maximumRoleMapEntries = 10_000

    package init(
        enabled: Bool = false, mode: Mode = .enforce, intervalSeconds: Int = defaultInterval, rolePrefix: String = "",
        roleMap: [String: String] = [:], createRoles: Bool = false
    ) {
        self.enabled = enabled
        self.mode = mode
        self.intervalSeconds = intervalSeconds
        self.rolePrefix = rolePrefix
        self.roleMap = roleMap
        self.createRoles = createRoles
    }

    /// The login role of `username`.
    package func role(for username: String) -> String { roleMap[username] ?? rolePrefix + username }
}
