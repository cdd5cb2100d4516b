// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import SQLKit

extension SQLStoreTransaction {
    // MARK: Datasources

    func insertDatasource(_ d: Datasource) async throws {
        try await sql.raw(DatasourcesTable.insert(d)).run()
    }

    func updateDatasource(_ d: Datasource) async throws {
        try await sql.raw(DatasourcesTable.update(d)).run()
    }

    func datasource(id: String, in tenant: TenantID) async throws -> Datasource? {
        try await sql.raw("SELECT * FROM discovery_datasources WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)")
            .first().map(DatasourcesTable.decode)
    }

    func datasource(name: String, in tenant: TenantID) async throws -> Datasource? {
        try await sql.raw("SELECT * FROM discovery_datasources WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: name)")
            .first().map(DatasourcesTable.decode)
    }

    func datasources(in tenant: TenantID, page: PageRequest) async throws -> Page<Datasource> {
        let rows = try await sql.raw(
            """
            SELECT * FROM discovery_datasources WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: page.after ?? "")
            ORDER BY id LIMIT \(bind: page.limit + 1)
            """
        ).all()
        return try paged(rows, page: page, id: \.id, decode: DatasourcesTable.decode)
    }

    func deleteDatasource(id: String, in tenant: TenantID) async throws -> Bool {
        try await sql.raw(
            """
            DELETE FROM discovery_column_results WHERE tenant_id = \(bind: tenant.rawValue)
                AND scan_id IN (SELECT id FROM discovery_scans WHERE tenant_id = \(bind: tenant.rawValue) AND datasource_id = \(bind: id))
            """
        ).run()
        try await sql.raw("DELETE FROM discovery_scans WHERE tenant_id = \(bind: tenant.rawValue) AND datasource_id = \(bind: id)").run()
        try await sql.raw("DELETE FROM discovery_tag_reviews WHERE tenant_id = \(bind: tenant.rawValue) AND datasource_id = \(bind: id)").run()
        return
            !(try await sql.raw(
                "DELETE FROM discovery_datasources WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING id"
            ).all()).isEmpty
    }

    // MARK: Scans

    func insertScan(_ s: ScanJob) async throws {
        try await sql.raw(ScansTable.insert(s)).run()
    }

    func scan(id: String, in tenant: TenantID) async throws -> ScanJob? {
        try await sql.raw("SELECT * FROM discovery_scans WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)")
            .first().map(ScansTable.decode)
    }

    func scans(in tenant: TenantID, datasource: String?, page: PageRequest) async throws -> Page<ScanJob> {
        // Ids are UUIDv7, so descending id order is newest first; the cursor is the last id seen.
        let after = page.after ?? "~"
        let rows: [any SQLRow]
        if let datasource {
            rows = try await sql.raw(
                """
                SELECT * FROM discovery_scans WHERE tenant_id = \(bind: tenant.rawValue) AND datasource_id = \(bind: datasource)
                AND id < \(bind: after) ORDER BY id DESC LIMIT \(bind: page.limit + 1)
                """
            ).all()
        } else {
            rows = try await sql.raw(
                """
                SELECT * FROM discovery_scans WHERE tenant_id = \(bind: tenant.rawValue) AND id < \(bind: after)
                ORDER BY id DESC LIMIT \(bind: page.limit + 1)
                """
            ).all()
        }
        return try paged(rows, page: page, id: \.id, decode: ScansTable.decode)
    }

    func updateScanProgress(id: String, in tenant: TenantID, progress p: ScanProgress, heartbeatAt: Int64) async throws -> Bool {
        let row = try await sql.raw(
            """
            UPDATE discovery_scans SET tables_done = \(bind: Int64(p.tablesDone)), tables_total = \(bind: Int64(p.tablesTotal)),
                rows_read = \(bind: p.rowsRead), bytes_read = \(bind: p.bytesRead), current_table = \(bind: p.currentTable),
                heartbeat_at = \(bind: heartbeatAt)
            WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING cancel_requested, status
            """
        ).first()
        guard let row else { return true }
        return try row.decode(ScansTable.cancelRequested) != 0 || (try row.decode(ScansTable.status)) != ScanJob.Status.running.rawValue
    }

    func requestScanCancel(id: String, in tenant: TenantID, at: Int64) async throws -> ScanJob? {
        try await sql.raw(
            """
            UPDATE discovery_scans SET status = \(bind: ScanJob.Status.cancelled.rawValue), finished_at = \(bind: at), cancel_requested = 1
            WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) AND status = \(bind: ScanJob.Status.queued.rawValue)
            """
        ).run()
        try await sql.raw(
            """
            UPDATE discovery_scans SET cancel_requested = 1
            WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) AND status = \(bind: ScanJob.Status.running.rawValue)
            """
        ).run()
        return try await scan(id: id, in: tenant)
    }

    func finishScan(id: String, in tenant: TenantID, status: ScanJob.Status, error: String?, at: Int64) async throws {
        try await sql.raw(
            """
            UPDATE discovery_scans SET status = \(bind: status.rawValue), error = \(bind: error), finished_at = \(bind: at),
                current_table = NULL
            WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)
                AND status IN (\(bind: ScanJob.Status.queued.rawValue), \(bind: ScanJob.Status.running.rawValue))
            """
        ).run()
    }

    func lockScanQueue() async throws {
        guard engine == .postgres else { return }
        // Any fixed key; the transaction-scoped lock is released at commit or rollback.
        try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: 7_206_395_511))").run()
    }

    func queuedScans(perTenant: Int, limit: Int) async throws -> [ScanJob] {
        // Both engines have window functions (SQLite since 3.25): rank each tenant's queue, then
        // interleave the tenants by rank.
        try await sql.raw(
            """
            SELECT * FROM (
                SELECT discovery_scans.*, ROW_NUMBER() OVER (PARTITION BY tenant_id ORDER BY created_at, id) AS tenant_rank
                FROM discovery_scans WHERE status = \(bind: ScanJob.Status.queued.rawValue)
            ) ranked
            WHERE tenant_rank <= \(bind: max(1, perTenant))
            ORDER BY tenant_rank, created_at, id LIMIT \(bind: max(1, limit))
            """
        ).all().map(ScansTable.decode)
    }

    func queuedScanCount(in tenant: TenantID) async throws -> Int {
        let row = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM discovery_scans
            WHERE tenant_id = \(bind: tenant.rawValue) AND status = \(bind: ScanJob.Status.queued.rawValue)
            """
        ).first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    func runningScanCounts() async throws -> [(tenant: TenantID, instance: String?, count: Int)] {
        try await sql.raw(
            """
            SELECT tenant_id, instance, COUNT(*) AS n FROM discovery_scans WHERE status = \(bind: ScanJob.Status.running.rawValue)
            GROUP BY tenant_id, instance
            """
        ).all().map { row in
            (
                TenantID(try row.decode(ScansTable.tenantID)), try row.decode(ScansTable.instance),
                Int(try row.decode(column: "n", as: Int64.self))
            )
        }
    }

    func claimScan(id: String, instance: String, at: Int64) async throws -> Bool {
        !(try await sql.raw(
            """
            UPDATE discovery_scans SET status = \(bind: ScanJob.Status.running.rawValue), instance = \(bind: instance),
                heartbeat_at = \(bind: at), started_at = \(bind: at)
            WHERE id = \(bind: id) AND status = \(bind: ScanJob.Status.queued.rawValue) RETURNING id
            """
        ).all()).isEmpty
    }

    func failAbandonedScans(instance: String?, staleBefore: Int64, at: Int64, message: String) async throws -> [ScanJob] {
        try await sql.raw(
            """
            UPDATE discovery_scans SET status = \(bind: ScanJob.Status.failed.rawValue), error = \(bind: message), finished_at = \(bind: at),
                current_table = NULL
            WHERE status = \(bind: ScanJob.Status.running.rawValue)
                AND (instance = \(bind: instance ?? "") OR heartbeat_at IS NULL OR heartbeat_at < \(bind: staleBefore))
            RETURNING *
            """
        ).all().map(ScansTable.decode)
    }

    // MARK: Results

    func insertColumnResults(_ results: [ScanColumnResult]) async throws {
        for r in results {
            try await sql.raw(ColumnResultsTable.insert(r)).run()
        }
    }

    func columnResults(scanID: String, in tenant: TenantID) async throws -> [ScanColumnResult] {
        try await sql.raw(
            """
            SELECT * FROM discovery_column_results WHERE tenant_id = \(bind: tenant.rawValue) AND scan_id = \(bind: scanID)
            ORDER BY table_name, column_name
            """
        ).all().map(ColumnResultsTable.decode)
    }

    // MARK: Tagging rules and custom classifiers

    func insertTaggingRule(_ r: TaggingRule) async throws {
        try await sql.raw(TaggingRulesTable.insert(r)).run()
    }

    func taggingRules(in tenant: TenantID) async throws -> [TaggingRule] {
        try await sql.raw("SELECT * FROM discovery_tagging_rules WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY id").all()
            .map(TaggingRulesTable.decode)
    }

    func deleteTaggingRule(id: String, in tenant: TenantID) async throws -> Bool {
        !(try await sql.raw(
            "DELETE FROM discovery_tagging_rules WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING id"
        ).all()).isEmpty
    }

    func insertClassifier(_ c: TenantClassifier) async throws {
        try await sql.raw(ClassifiersTable.insert(c)).run()
    }

    func classifiers(in tenant: TenantID) async throws -> [TenantClassifier] {
        try await sql.raw("SELECT * FROM discovery_classifiers WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY id").all()
            .map(ClassifiersTable.decode)
    }

    func classifier(name: String, in tenant: TenantID) async throws -> TenantClassifier? {
        try await sql.raw("SELECT * FROM discovery_classifiers WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: name)")
            .first().map(ClassifiersTable.decode)
    }

    func deleteClassifier(id: String, in tenant: TenantID) async throws -> Bool {
        !(try await sql.raw(
            "DELETE FROM discovery_classifiers WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING id"
        ).all()).isEmpty
    }

    // MARK: Tags

    func tagAssignments(in tenant: TenantID, datasource: String?) async throws -> [TagAssignment] {
        let rows: [any SQLRow]
        if let datasource {
            rows = try await sql.raw(
                """
                SELECT * FROM discovery_tags WHERE tenant_id = \(bind: tenant.rawValue) AND datasource_id = \(bind: datasource)
                ORDER BY database_name, table_name, column_name, tag
                """
            ).all()
        } else {
            rows = try await sql.raw(
                "SELECT * FROM discovery_tags WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY database_name, table_name, column_name, tag"
            ).all()
        }
        return try rows.map(TagsTable.decode)
    }

    func putTagAssignment(_ a: TagAssignment) async throws {
        try await sql.raw(
            """
            INSERT INTO discovery_tags (tenant_id, datasource_id, database_name, table_name, column_name, tag, data_class, confidence, scan_id,
                assigned_at)
            VALUES (\(bind: a.tenantID.rawValue), \(bind: a.datasourceID), \(bind: a.database), \(bind: a.table), \(bind: a.column),
                \(bind: a.tag), \(bind: a.dataClass), \(bind: a.confidence), \(bind: a.scanID), \(bind: a.assignedAt))
            ON CONFLICT (tenant_id, datasource_id, database_name, table_name, column_name, tag) DO UPDATE SET
                data_class = excluded.data_class, confidence = excluded.confidence, scan_id = excluded.scan_id
            """
        ).run()
    }

    func deleteTagAssignment(_ a: TagAssignment) async throws {
        try await sql.raw(
            """
            DELETE FROM discovery_tags WHERE tenant_id = \(bind: a.tenantID.rawValue) AND datasource_id = \(bind: a.datasourceID)
                AND database_name = \(bind: a.database) AND table_name = \(bind: a.table) AND column_name = \(bind: a.column)
                AND tag = \(bind: a.tag)
            """
        ).run()
    }

    func tagReviews(in tenant: TenantID, datasource: String?) async throws -> [TagReview] {
        let order: SQLQueryString = "ORDER BY database_name, table_name, column_name, tag"
        let rows: [any SQLRow]
        if let datasource {
            rows = try await sql.raw(
                "SELECT * FROM discovery_tag_reviews WHERE tenant_id = \(bind: tenant.rawValue) AND datasource_id = \(bind: datasource) \(order)"
            ).all()
        } else {
            rows = try await sql.raw("SELECT * FROM discovery_tag_reviews WHERE tenant_id = \(bind: tenant.rawValue) \(order)").all()
        }
        return try rows.map(TagReviewsTable.decode)
    }

    func putTagReview(_ r: TagReview) async throws {
        try await sql.raw(
            """
            INSERT INTO discovery_tag_reviews (tenant_id, datasource_id, database_name, table_name, column_name, tag, verdict, reviewer_id,
                reviewed_at)
            VALUES (\(bind: r.tenantID.rawValue), \(bind: r.datasourceID), \(bind: r.database), \(bind: r.table), \(bind: r.column),
                \(bind: r.tag), \(bind: r.verdict.rawValue), \(bind: r.reviewerID), \(bind: r.reviewedAt))
            ON CONFLICT (tenant_id, datasource_id, database_name, table_name, column_name, tag) DO UPDATE SET
                verdict = excluded.verdict, reviewer_id = excluded.reviewer_id, reviewed_at = excluded.reviewed_at
            """
        ).run()
    }

    func deleteTagReview(_ r: TagReview) async throws -> Bool {
        !(try await sql.raw(
            """
            DELETE FROM discovery_tag_reviews WHERE tenant_id = \(bind: r.tenantID.rawValue) AND datasource_id = \(bind: r.datasourceID)
                AND database_name = \(bind: r.database) AND table_name = \(bind: r.table) AND column_name = \(bind: r.column)
                AND tag = \(bind: r.tag) RETURNING tag
            """
        ).all()).isEmpty
    }

    func insertTagHistory(_ e: TagHistoryEntry) async throws {
        try await sql.raw(TagHistoryTable.insert(e)).run()
    }

    func tagHistory(in tenant: TenantID, datasource: String?, limit: Int) async throws -> [TagHistoryEntry] {
        let rows: [any SQLRow]
        if let datasource {
            rows = try await sql.raw(
                """
                SELECT * FROM discovery_tag_history WHERE tenant_id = \(bind: tenant.rawValue) AND datasource_id = \(bind: datasource)
                ORDER BY id DESC LIMIT \(bind: limit)
                """
            ).all()
        } else {
            rows = try await sql.raw(
                "SELECT * FROM discovery_tag_history WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY id DESC LIMIT \(bind: limit)"
            ).all()
        }
        return try rows.map(TagHistoryTable.decode)
    }

    // MARK: JSON columns

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func fromJSON<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
