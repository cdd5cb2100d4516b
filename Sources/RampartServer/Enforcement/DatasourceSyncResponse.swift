// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore

/// `GET /v1/datasources/{id}/sync`: the datasource's sync settings and its last run.
struct DatasourceSyncResponse: Encodable {
    struct LastRun: Encodable {
        var at: String
        var outcome: String
        var statements: Int
        var findings: Int
        var drift: Int
        var error: String?
    }

    var enabled: Bool
    var mode: String
    var intervalSeconds: Int
    var rolePrefix: String
    var roleMap: [String: String]
    var createRoles: Bool
    var maskHashScheme: String?
    /// The tenant policy version the database last agreed with.
    var policyVersion: Int64?
    var lastRun: LastRun?

    init(settings: DatasourceSyncSettings, state: DatasourceSyncState?) {
        enabled = settings.enabled
        mode = settings.mode.rawValue
        intervalSeconds = settings.intervalSeconds
        rolePrefix = settings.rolePrefix
        roleMap = settings.roleMap
        createRoles = settings.createRoles
        maskHashScheme = settings.maskHashScheme
        policyVersion = state?.policyVersion
        lastRun = state.map {
            LastRun(
                at: Timestamp.rfc3339(milliseconds: $0.lastRunAt), outcome: $0.outcome.rawValue, statements: $0.statements, findings: $0.findings,
                drift: $0.drift, error: $0.error)
        }
    }
}
