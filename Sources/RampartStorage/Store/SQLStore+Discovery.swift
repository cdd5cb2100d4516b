// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartCore
import SQLKit

extension SQLStoreTransaction {
    // MARK: Datasources

    func insertDatasource(_ d: Datasource) async throws {
        try await sql.raw(
            """
            INSERT INTO discovery_datasources (id, tenant_id, name, kind, config, has_credentials, created_at, updated_at)
            VALUES (\(bind: d.id), \(bind: d.tenantID.rawValue), \(bind: d.name), \(bind: d.kind.rawValue), \(bind: Self.json(d.config)),
                \(bind: Int64(d.hasCredentials ? 1 : 0)), \(bind: d.createdAt), \(bind: d.updatedAt))
            """
        ).run()
    }

    func updateDatasource(_ d: Datasource) async throws {
        try await sql.raw(
            """
            UPDATE discovery_datasources SET name = \(bind: d.name), config = \(bind: Self.json(d.config)),
                has_credentials = \(bind: Int64(d.hasCredentials ? 1 : 0)), updated_at = \(bind: d.updatedAt)
            WHERE tenant_id = \(bind: d.tenantID.rawValue) AND id = \(bind: d.id)
            """
        ).run()
    }

    func datasource(id: String, in tenant: TenantID) async throws -> Datasource? {
        try await sql.raw("SELECT * FROM discovery_datasources WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)")
            .first().map(Self.decodeDatasource)
    }

    func datasource(name: String, in tenant: TenantID) async throws -> Datasource? {
        try await sql.raw("SELECT * FROM discovery_datasources WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: name)")
            .first().map(Self.decodeDatasource)
    }

    func datasources(in tenant: TenantID, page: PageRequest) async throws -> Page<Datasource> {
        let rows = try await sql.raw(
            """
            SELECT * FROM discovery_datasources WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: page.after ?? "")
            ORDER BY id LIMIT \(bind: page.limit + 1)
            """
        ).all()
        return try paged(rows, page: page, id: \.id, decode: Self.decodeDatasource)
    }

    func deleteDatasource(id: String, in tenant: TenantID) async throws -> Bool {
        try await sql.raw(
            """
            DELETE FROM discovery_column_results WHERE tenant_id = \(bind: tenant.rawValue)
                AND scan_id IN (SELECT id FROM discovery_scans WHERE tenant_id = \(bind: tenant.rawValue) AND datasource_id = \(bind: id))
            """
        ).run()
        try await sql.raw("DELETE FROM discovery_scans WHERE tenant_id = \(bind: tenant.rawValue) AND datasource_id = \(bind: id)").run()
        return
            !(try await sql.raw(
                "DELETE FROM discovery_datasources WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING id"
            ).all()).isEmpty
    }

    static func decodeDatasource(_ row: any SQLRow) throws -> Datasource {
        let kind = try row.decode(column: "kind", as: String.self)
        return Datasource(
            id: try row.decode(column: "id", as: String.self),
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            name: try row.decode(column: "name", as: String.self),
            kind: DatasourceKind(rawValue: kind) ?? .sqlite,
            config: Self.fromJSON(DatasourceConfig.self, try row.decode(column: "config", as: String.self)) ?? DatasourceConfig(),
            hasCredentials: try row.decode(column: "has_credentials", as: Int64.self) != 0,
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    // MARK: Scans

    func insertScan(_ s: ScanJob) async throws {
        try await sql.raw(
            """
            INSERT INTO discovery_scans (id, tenant_id, datasource_id, status, options, tables_done, tables_total, rows_read, bytes_read,
                current_table, error, cancel_requested, instance, heartbeat_at, created_at, started_at, finished_at)
            VALUES (\(bind: s.id), \(bind: s.tenantID.rawValue), \(bind: s.datasourceID), \(bind: s.status.rawValue), \(bind: Self.json(s.options)),
                \(bind: Int64(s.progress.tablesDone)), \(bind: Int64(s.progress.tablesTotal)), \(bind: s.progress.rowsRead),
                \(bind: s.progress.bytesRead), \(bind: s.progress.currentTable), \(bind: s.error), \(bind: Int64(s.cancelRequested ? 1 : 0)),
                \(bind: s.instance), \(bind: s.heartbeatAt), \(bind: s.createdAt), \(bind: s.startedAt), \(bind: s.finishedAt))
            """
        ).run()
    }

    func scan(id: String, in tenant: TenantID) async throws -> ScanJob? {
        try await sql.raw("SELECT * FROM discovery_scans WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)")
            .first().map(Self.decodeScan)
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
        return try paged(rows, page: page, id: \.id, decode: Self.decodeScan)
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
        return try row.decode(column: "cancel_requested", as: Int64.self) != 0
            || (try row.decode(column: "status", as: String.self)) != ScanJob.Status.running.rawValue
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
        ).all().map(Self.decodeScan)
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
                TenantID(try row.decode(column: "tenant_id", as: String.self)), try row.decode(column: "instance", as: String?.self),
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
        ).all().map(Self.decodeScan)
    }

    static func decodeScan(_ row: any SQLRow) throws -> ScanJob {
        ScanJob(
            id: try row.decode(column: "id", as: String.self),
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            datasourceID: try row.decode(column: "datasource_id", as: String.self),
            status: ScanJob.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
            options: Self.fromJSON(ScanOptions.self, try row.decode(column: "options", as: String.self)) ?? ScanOptions(),
            progress: ScanProgress(
                tablesDone: Int(try row.decode(column: "tables_done", as: Int64.self)),
                tablesTotal: Int(try row.decode(column: "tables_total", as: Int64.self)),
                rowsRead: try row.decode(column: "rows_read", as: Int64.self), bytesRead: try row.decode(column: "bytes_read", as: Int64.self),
                currentTable: try row.decode(column: "current_table", as: String?.self)),
            error: try row.decode(column: "error", as: String?.self),
            cancelRequested: try row.decode(column: "cancel_requested", as: Int64.self) != 0,
            instance: try row.decode(column: "instance", as: String?.self),
            heartbeatAt: try row.decode(column: "heartbeat_at", as: Int64?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            startedAt: try row.decode(column: "started_at", as: Int64?.self),
            finishedAt: try row.decode(column: "finished_at", as: Int64?.self))
    }

    // MARK: Results

    func insertColumnResults(_ results: [ScanColumnResult]) async throws {
        for r in results {
            try await sql.raw(
                """
                INSERT INTO discovery_column_results (tenant_id, scan_id, table_name, column_name, classes, confidence, prevalence,
                    rows_scanned, sealed_samples)
                VALUES (\(bind: r.tenantID.rawValue), \(bind: r.scanID), \(bind: r.table), \(bind: r.column), \(bind: Self.json(r.classes)),
                    \(bind: Self.json(r.confidence)), \(bind: Self.json(r.prevalence)), \(bind: r.rowsScanned), \(bind: r.sealedSamples))
                """
            ).run()
        }
    }

    func columnResults(scanID: String, in tenant: TenantID) async throws -> [ScanColumnResult] {
        try await sql.raw(
            """
            SELECT * FROM discovery_column_results WHERE tenant_id = \(bind: tenant.rawValue) AND scan_id = \(bind: scanID)
            ORDER BY table_name, column_name
            """
        ).all().map { row in
            ScanColumnResult(
                scanID: try row.decode(column: "scan_id", as: String.self),
                tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
                table: try row.decode(column: "table_name", as: String.self),
                column: try row.decode(column: "column_name", as: String.self),
                classes: Self.fromJSON([String].self, try row.decode(column: "classes", as: String.self)) ?? [],
                confidence: Self.fromJSON([String: Double].self, try row.decode(column: "confidence", as: String.self)) ?? [:],
                prevalence: Self.fromJSON([String: Double].self, try row.decode(column: "prevalence", as: String.self)) ?? [:],
                rowsScanned: try row.decode(column: "rows_scanned", as: Int64.self),
                sealedSamples: try row.decode(column: "sealed_samples", as: String?.self))
        }
    }

    // MARK: Tagging rules and custom classifiers

    func insertTaggingRule(_ r: TaggingRule) async throws {
        try await sql.raw(
            """
            INSERT INTO discovery_tagging_rules (id, tenant_id, data_class, min_confidence, tag, created_at)
            VALUES (\(bind: r.id), \(bind: r.tenantID.rawValue), \(bind: r.dataClass), \(bind: r.minConfidence), \(bind: r.tag), \(bind: r.createdAt))
            """
        ).run()
    }

    func taggingRules(in tenant: TenantID) async throws -> [TaggingRule] {
        try await sql.raw("SELECT * FROM discovery_tagging_rules WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY id").all().map { row in
            TaggingRule(
                id: try row.decode(column: "id", as: String.self), tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
                dataClass: try row.decode(column: "data_class", as: String.self),
                minConfidence: try row.decode(column: "min_confidence", as: Double.self), tag: try row.decode(column: "tag", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Int64.self))
        }
    }

    func deleteTaggingRule(id: String, in tenant: TenantID) async throws -> Bool {
        !(try await sql.raw(
            "DELETE FROM discovery_tagging_rules WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING id"
        ).all()).isEmpty
    }

    func insertClassifier(_ c: TenantClassifier) async throws {
        try await sql.raw(
            """
            INSERT INTO discovery_classifiers (id, tenant_id, name, definition, created_at)
            VALUES (\(bind: c.id), \(bind: c.tenantID.rawValue), \(bind: c.name), \(bind: c.definition), \(bind: c.createdAt))
            """
        ).run()
    }

    func classifiers(in tenant: TenantID) async throws -> [TenantClassifier] {
        try await sql.raw("SELECT * FROM discovery_classifiers WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY id").all()
            .map(Self.decodeClassifier)
    }

    func classifier(name: String, in tenant: TenantID) async throws -> TenantClassifier? {
        try await sql.raw("SELECT * FROM discovery_classifiers WHERE tenant_id = \(bind: tenant.rawValue) AND name = \(bind: name)")
            .first().map(Self.decodeClassifier)
    }

    func deleteClassifier(id: String, in tenant: TenantID) async throws -> Bool {
        !(try await sql.raw(
            "DELETE FROM discovery_classifiers WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id) RETURNING id"
        ).all()).isEmpty
    }

    static func decodeClassifier(_ row: any SQLRow) throws -> TenantClassifier {
        TenantClassifier(
            id: try row.decode(column: "id", as: String.self), tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            name: try row.decode(column: "name", as: String.self), definition: try row.decode(column: "definition", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self))
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
        return try rows.map { row in
            TagAssignment(
                tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
                datasourceID: try row.decode(column: "datasource_id", as: String.self),
                database: try row.decode(column: "database_name", as: String.self), table: try row.decode(column: "table_name", as: String.self),
                column: try row.decode(column: "column_name", as: String.self), tag: try row.decode(column: "tag", as: String.self),
                dataClass: try row.decode(column: "data_class", as: String.self), confidence: try row.decode(column: "confidence", as: Double.self),
                scanID: try row.decode(column: "scan_id", as: String.self), assignedAt: try row.decode(column: "assigned_at", as: Int64.self))
        }
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

    func insertTagHistory(_ e: TagHistoryEntry) async throws {
        try await sql.raw(
            """
            INSERT INTO discovery_tag_history (id, tenant_id, datasource_id, database_name, table_name, column_name, tag, action, scan_id, at)
            VALUES (\(bind: e.id), \(bind: e.tenantID.rawValue), \(bind: e.datasourceID), \(bind: e.database), \(bind: e.table),
                \(bind: e.column), \(bind: e.tag), \(bind: e.action.rawValue), \(bind: e.scanID), \(bind: e.at))
            """
        ).run()
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
        return try rows.map { row in
            TagHistoryEntry(
                id: try row.decode(column: "id", as: String.self), tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
                datasourceID: try row.decode(column: "datasource_id", as: String.self),
                database: try row.decode(column: "database_name", as: String.self), table: try row.decode(column: "table_name", as: String.self),
                column: try row.decode(column: "column_name", as: String.self), tag: try row.decode(column: "tag", as: String.self),
                action: TagHistoryEntry.Action(rawValue: try row.decode(column: "action", as: String.self)) ?? .removed,
                scanID: try row.decode(column: "scan_id", as: String.self), at: try row.decode(column: "at", as: Int64.self))
        }
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
