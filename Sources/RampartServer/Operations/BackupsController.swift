// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import RampartApp
import RampartCore

/// `GET /v1/backups` (operator): the schedule, the last success and failure, the files on disk,
/// and which server runs each single-runner job (backups among them).
struct BackupsController {
    let schedule: BackupSchedule
    let status: BackupStatus
    let leases: JobLeases

    struct BackupsResponse: Encodable {
        struct LastSuccess: Encodable {
            var at: String
            var file: String
            var kind: String
            var sizeBytes: UInt64
            var rows: Int64
            var durationMs: Int64
        }

        struct LastFailure: Encodable {
            var at: String
            var message: String
        }

        struct File: Encodable {
            var file: String
            var kind: String
            var sizeBytes: UInt64
            var createdAt: String
        }

        struct Job: Encodable {
            var job: String
            var holder: String
            var acquiredAt: String
            var expiresAt: String
        }

        var enabled: Bool
        var directory: String?
        var offsiteDirectory: String?
        var intradayIntervalSeconds: Int64
        var keepDaily: Int
        var keepIntraday: Int
        // Encoded as explicit nulls, so a client sees "never" rather than a missing field.
        var lastSuccess: LastSuccess?
        var lastFailure: LastFailure?
        var backups: [File]
        /// This server's lease holder name (its instance name and a per-process suffix), to
        /// compare with the jobs' holders.
        var instance: String
        var jobs: [Job]

        enum CodingKeys: String, CodingKey {
            case enabled, directory, offsiteDirectory, intradayIntervalSeconds, keepDaily, keepIntraday, lastSuccess, lastFailure, backups, instance
            case jobs
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(enabled, forKey: .enabled)
            try container.encode(directory, forKey: .directory)
            try container.encode(offsiteDirectory, forKey: .offsiteDirectory)
            try container.encode(intradayIntervalSeconds, forKey: .intradayIntervalSeconds)
            try container.encode(keepDaily, forKey: .keepDaily)
            try container.encode(keepIntraday, forKey: .keepIntraday)
            try container.encode(lastSuccess, forKey: .lastSuccess)
            try container.encode(lastFailure, forKey: .lastFailure)
            try container.encode(backups, forKey: .backups)
            try container.encode(instance, forKey: .instance)
            try container.encode(jobs, forKey: .jobs)
        }
    }

    func register(on api: APIRouter) {
        api.add(.get, "/v1/backups", .operatorOnly, get)
    }

    @Sendable func get(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let files = schedule.directory.map { BackupCatalog(directory: $0).entries() } ?? []
        let response = BackupsResponse(
            enabled: schedule.isEnabled, directory: schedule.directory, offsiteDirectory: schedule.offsiteDirectory,
            intradayIntervalSeconds: schedule.intradayInterval.components.seconds, keepDaily: schedule.keepDaily,
            keepIntraday: schedule.keepIntraday,
            lastSuccess: status.success.map {
                .init(
                    at: Timestamp.rfc3339(milliseconds: $0.at), file: $0.file, kind: $0.kind.rawValue, sizeBytes: $0.sizeBytes, rows: $0.rows,
                    durationMs: $0.durationMilliseconds)
            },
            lastFailure: status.failure.map { .init(at: Timestamp.rfc3339(milliseconds: $0.at), message: $0.message) },
            backups: files.map {
                .init(file: $0.file, kind: $0.kind.rawValue, sizeBytes: $0.sizeBytes, createdAt: Timestamp.rfc3339(milliseconds: $0.createdAt))
            },
            instance: leases.holder,
            jobs: try await leases.all().map {
                .init(
                    job: $0.job, holder: $0.holder, acquiredAt: Timestamp.rfc3339(milliseconds: $0.acquiredAt),
                    expiresAt: Timestamp.rfc3339(milliseconds: $0.expiresAt))
            })
        return try JSONBody.response(response)
    }
}
