// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import RampartCore
import RampartStorage

/// Who asked for access to data carrying a tag in a period, read from the tenant's audit log:
/// every decision record (`/v1/authorize` and its batch form) whose resource is a column
/// discovery tagged so, or the table of one, with the record's leaf hash and a signed checkpoint
/// that covers every listed record, so an auditor can prove each row is in the log
/// (`/v1/audit/proof/inclusion?seq=&size=`) rather than trust the report.
///
/// Tags are those assigned now: a column tagged after the period counts, one untagged since
/// does not. Reads inside PostgreSQL that the sync enforces are the database's own to log.
package struct AccessReport: Sendable {
    package let services: RampartServices

    package init(services: RampartServices) { self.services = services }

    /// Audit records read at most per report; a longer period is cut and says so.
    package static let maximumScanned = 1_000_000
    /// Rows listed at most.
    package static let maximumRows = 100_000
    /// 9999-12-31T23:59:59.999999Z in microseconds.
    static let latestTime: Int64 = 253_402_300_799_999_999

    package struct Row: Sendable, Equatable {
        package var seq: Int64
        /// UTC microseconds.
        package var time: Int64
        /// The user the decision was for.
        package var user: String
        /// Who asked (`api-key:<id>`, `user:<id>`).
        package var actor: String?
        package var service: String
        package var resource: String
        package var accessType: String
        package var outcome: String
        package var policyID: String?
        /// The classes the tag came from on the columns this record reads.
        package var dataClasses: [String]
        package var leafHash: String
    }

    package struct Report: Sendable {
        package var tag: String
        /// UTC microseconds, `from` inclusive, `to` exclusive.
        package var from: Int64
        package var to: Int64
        /// Columns carrying the tag, as `service/database/table/column`.
        package var taggedColumns: Int
        package var scanned: Int
        package var truncated: Bool
        package var rows: [Row]
        /// A checkpoint whose tree holds every row (signed for the report when the latest did not).
        package var checkpoint: SignedCheckpoint?
    }

    /// The report for `tag` over `[from, to)` (UTC microseconds).
    ///
    /// - Throws: `validation-failed` for an empty or backwards period, or a period over a year.
    package func build(tag: String, from: Int64, to: Int64, in tenant: TenantID) async throws -> Report {
        let tag = try Validation.token(tag, field: "tag", maximum: 128)
        // Bounded before any arithmetic: from 1970 to the end of year 9999.
        for (value, field) in [(from, "from"), (to, "to")] where !(0...Self.latestTime).contains(value) {
            throw RampartError.validation("must be a time from 1970 to 9999", field: field)
        }
        guard from < to else { throw RampartError.validation("must be before `to`", field: "from") }
        guard to - from <= 366 * 86_400 * 1_000_000 else { throw RampartError.validation("a report covers at most 366 days", field: "from") }
        // The tagged columns, by the Ranger service of their datasource.
        let (columns, taggedColumns) = try await services.store.read { tx -> ([String: [String: Set<String>]], Int) in
            var byService: [String: [String: Set<String>]] = [:]
            var count = 0
            var services: [String: String?] = [:]
            for assignment in try await tx.tagAssignments(in: tenant, datasource: nil) where assignment.tag == tag {
                if services[assignment.datasourceID] == nil {
                    services[assignment.datasourceID] = .some(try await tx.datasource(id: assignment.datasourceID, in: tenant)?.config.rangerService)
                }
                guard let service = services[assignment.datasourceID] ?? nil else { continue }
                count += 1
                byService[service, default: [:]][Self.key(assignment.database, assignment.table, assignment.column), default: []]
                    .insert(assignment.dataClass)
                byService[service, default: [:]][Self.key(assignment.database, assignment.table, nil), default: []].insert(assignment.dataClass)
            }
            return (byService, count)
        }
        var rows: [Row] = []
        var scanned = 0
        var truncated = false
        var after: Int64 = 0
        scan: while true {
            let query = AuditQuery(fromTime: from, toTime: to, operation: "decision", afterSeq: after, limit: 1000)
            let page = try await services.store.read { try await $0.auditRecords(tenant, query: query) }
            for stored in page {
                scanned += 1
                let record = stored.record
                after = record.seq
                guard let service = record.service, let tagged = columns[service], let text = record.resource,
                    let classes = Self.classes(of: text, in: tagged)
                else { continue }
                guard rows.count < Self.maximumRows else {
                    truncated = true
                    break scan
                }
                rows.append(
                    Row(
                        seq: record.seq, time: record.time, user: record.entityID ?? "", actor: record.actorID, service: service, resource: text,
                        accessType: record.accessType ?? "", outcome: record.outcome, policyID: record.policyID, dataClasses: classes,
                        leafHash: stored.leafHash.hex))
            }
            guard page.count == 1000 else { break }
            if scanned >= Self.maximumScanned {
                truncated = true
                break
            }
        }
        return Report(
            tag: tag, from: from, to: to, taggedColumns: taggedColumns,
            scanned: scanned, truncated: truncated, rows: rows, checkpoint: try await checkpoint(covering: rows.last?.seq, in: tenant))
    }

    /// The latest checkpoint when it holds record `seq`, else a new one signed now.
    private func checkpoint(covering seq: Int64?, in tenant: TenantID) async throws -> SignedCheckpoint? {
        guard let seq else { return nil }
        if let latest = try await services.store.read({ try await $0.latestAuditCheckpoint(tenant) }), latest.checkpoint.treeSize >= seq {
            return latest
        }
        return try await services.auditLog.checkpoint(tenant)
    }

    /// A column's key, or its table's (`column` `nil`), in the tagged set.
    private static func key(_ database: String, _ table: String, _ column: String?) -> String {
        "\(database)\u{1F}\(table)\u{1F}\(column ?? "")"
    }

    /// The classes of the tagged columns a decision record's resource (`column=…,database=…,table=…`)
    /// reads: its column, or every tagged column of its table when it names none; `nil` when none.
    private static func classes(of resource: String, in tagged: [String: Set<String>]) -> [String]? {
        var fields: [Substring: Substring] = [:]
        for pair in resource.split(separator: ",") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            fields[pair[..<equals]] = pair[pair.index(after: equals)...]
        }
        guard let database = fields["database"], let table = fields["table"] else { return nil }
        let column = fields["column"].map(String.init).flatMap { $0.isEmpty || $0 == "*" ? nil : $0 }
        guard let classes = tagged[key(String(database), String(table), column)] else { return nil }
        return classes.sorted()
    }
}
