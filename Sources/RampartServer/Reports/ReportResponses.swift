// SPDX-License-Identifier: Apache-2.0

import RampartApp
import RampartAuditLog
import RampartCore

/// The data inventory as the API shows it: a summary per class, then one entry per tagged column.
struct InventoryReportResponse: Encodable {
    struct ClassSummary: Encodable {
        var `class`: String
        var columns: Int
        var datasources: [String]
    }

    struct Entry: Encodable {
        var `class`: String
        var tag: String
        var confidence: Double
        var datasource: String
        var service: String?
        var database: String
        var table: String
        var column: String
        var scanId: String
        var taggedAt: String
        var allowingPolicies: [Int64]
        var maskingPolicies: [Int64]
        var denyingPolicies: [Int64]
        var unmaskedReaders: [String]?
        var maskedReaders: Int?
    }

    var generatedAt: String
    var policyVersion: Int64
    var users: Int
    var truncated: Bool
    var classes: [ClassSummary]
    var entries: [Entry]

    init(_ report: DataInventory.Report) {
        generatedAt = Timestamp.rfc3339(milliseconds: report.generatedAt)
        policyVersion = report.policyVersion
        users = report.users
        truncated = report.truncated
        entries = report.entries.map {
            Entry(
                class: $0.dataClass, tag: $0.tag, confidence: $0.confidence, datasource: $0.datasource, service: $0.service, database: $0.database,
                table: $0.table, column: $0.column, scanId: $0.scanID, taggedAt: Timestamp.rfc3339(milliseconds: $0.taggedAt),
                allowingPolicies: $0.allowingPolicies, maskingPolicies: $0.maskingPolicies, denyingPolicies: $0.denyingPolicies,
                unmaskedReaders: $0.unmaskedReaders, maskedReaders: $0.maskedReaders)
        }
        classes = Dictionary(grouping: report.entries, by: \.dataClass).map { name, entries in
            ClassSummary(
                class: name, columns: Set(entries.map { "\($0.datasource)/\($0.table)/\($0.column)" }).count,
                datasources: Set(entries.map(\.datasource)).sorted())
        }.sorted { $0.class < $1.class }
    }

    /// One CSV record per entry; readers separated by spaces.
    var csv: [UInt8] {
        var out: [UInt8] = []
        CSVWriter.appendRecord(
            [
                "class", "tag", "confidence", "datasource", "service", "database", "table", "column", "scan_id", "tagged_at", "allowing_policies",
                "masking_policies", "denying_policies", "unmasked_readers", "masked_readers",
            ], to: &out)
        for entry in entries {
            CSVWriter.appendRecord(
                [
                    entry.class, entry.tag, String(entry.confidence), entry.datasource, entry.service, entry.database, entry.table, entry.column,
                    entry.scanId, entry.taggedAt, Self.list(entry.allowingPolicies), Self.list(entry.maskingPolicies),
                    Self.list(entry.denyingPolicies), entry.unmaskedReaders?.joined(separator: " "), entry.maskedReaders.map(String.init),
                ], to: &out, formulaSafe: true)
        }
        return out
    }

    private static func list(_ ids: [Int64]) -> String { ids.map(String.init).joined(separator: " ") }
}

/// Who accessed data with a tag in a period, with the checkpoint an auditor verifies the rows against.
struct AccessReportResponse: Encodable {
    struct Row: Encodable {
        var seq: Int64
        var time: String
        var user: String
        var actor: String?
        var service: String
        var resource: String
        var accessType: String
        var outcome: String
        var policyId: String?
        var classes: [String]
        var leafHash: String
    }

    var tag: String
    var from: String
    var to: String
    var taggedColumns: Int
    var scannedRecords: Int
    var truncated: Bool
    var rows: [Row]
    var checkpoint: AuditController.CheckpointResponse?
    var verify: String

    init(_ report: AccessReport.Report) {
        tag = report.tag
        from = Timestamp.rfc3339(microseconds: report.from)
        to = Timestamp.rfc3339(microseconds: report.to)
        taggedColumns = report.taggedColumns
        scannedRecords = report.scanned
        truncated = report.truncated
        rows = report.rows.map {
            Row(
                seq: $0.seq, time: Timestamp.rfc3339(microseconds: $0.time), user: $0.user, actor: $0.actor, service: $0.service,
                resource: $0.resource, accessType: $0.accessType, outcome: $0.outcome, policyId: $0.policyID, classes: $0.dataClasses,
                leafHash: $0.leafHash)
        }
        checkpoint = report.checkpoint.map(AuditController.CheckpointResponse.init)
        let size = report.checkpoint?.checkpoint.treeSize ?? 0
        verify =
            "each row's leafHash is in the checkpoint's tree: GET /v1/audit/proof/inclusion?seq=<seq>&size=\(size), "
            + "then check the checkpoint's signature with GET /v1/audit/public-key"
    }

    var csv: [UInt8] {
        var out: [UInt8] = []
        CSVWriter.appendRecord(
            ["seq", "time", "user", "actor", "service", "resource", "access_type", "outcome", "policy_id", "classes", "leaf_hash"], to: &out)
        for row in rows {
            CSVWriter.appendRecord(
                [
                    String(row.seq), row.time, row.user, row.actor, row.service, row.resource, row.accessType, row.outcome, row.policyId,
                    row.classes.joined(separator: " "), row.leafHash,
                ], to: &out, formulaSafe: true)
        }
        return out
    }
}
