// SPDX-License-Identifier: Apache-2.0

import RampartCore

/// A datasource's `sync` settings as a request gives them: fields left out keep their value.
package struct SyncSettingsBody: Decodable, Sendable {
    package var enabled: Bool?
    package var mode: String?
    package var intervalSeconds: Int?
    package var rolePrefix: String?
    package var roleMap: [String: String]?
    package var createRoles: Bool?
    /// A token scheme's name for `MASK_HASH`; `""` goes back to the datasource's own key.
    package var maskHashScheme: String?

    /// `current` with this body's fields applied, every bound checked (422 naming the field).
    package func applied(to current: DatasourceSyncSettings?) throws -> DatasourceSyncSettings {
        var settings = current ?? DatasourceSyncSettings()
        if let enabled { settings.enabled = enabled }
        if let mode {
            guard let parsed = DatasourceSyncSettings.Mode(rawValue: mode) else {
                throw RampartError.validation("must be enforce or report", field: "sync.mode")
            }
            settings.mode = parsed
        }
        if let intervalSeconds {
            let range = DatasourceSyncSettings.intervalRange
            guard range.contains(intervalSeconds) else {
                throw RampartError.validation("must be from \(range.lowerBound) to \(range.upperBound)", field: "sync.intervalSeconds")
            }
            settings.intervalSeconds = intervalSeconds
        }
        if let rolePrefix {
            guard rolePrefix.count <= 30, rolePrefix.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
                throw RampartError.validation("must be at most 30 of a-z, 0-9 and _", field: "sync.rolePrefix")
            }
            settings.rolePrefix = rolePrefix
        }
        if let roleMap {
            guard roleMap.count <= DatasourceSyncSettings.maximumRoleMapEntries else {
                throw RampartError.validation("may map at most \(DatasourceSyncSettings.maximumRoleMapEntries) users", field: "sync.roleMap")
            }
            for (user, role) in roleMap {
                _ = try Validation.username(user, field: "sync.roleMap")
                // PostgreSQL keeps 63 bytes of a name; a longer one would be another role.
                guard role.utf8.count <= 63 else { throw RampartError.validation("role names are at most 63 bytes", field: "sync.roleMap") }
                _ = try Validation.username(role, field: "sync.roleMap")
            }
            settings.roleMap = roleMap
        }
        if let createRoles { settings.createRoles = createRoles }
        if let maskHashScheme {
            // Only the name's form is checked here: the scheme is read at each plan, and a missing
            // or non-token scheme withholds the hashed columns then (fail closed).
            do {
                settings.maskHashScheme = maskHashScheme.isEmpty ? nil : try EncryptionSchemes.checkedName(maskHashScheme)
            } catch {
                throw RampartError.validation("must be a scheme name: 1-64 of a-z, 0-9, '.', '_', '-'", field: "sync.maskHashScheme")
            }
        }
        return settings
    }
}
