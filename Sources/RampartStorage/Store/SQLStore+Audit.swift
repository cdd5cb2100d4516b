// SPDX-License-Identifier: Apache-2.0

import Foundation
import RampartAuditLog
import RampartCore
import SQLKit
import SQLiteNIO

/// One audit record as stored: the record and the leaf hash computed when it was appended.
package struct StoredAuditRecord: Sendable, Equatable {
    package var record: AuditRecord
    package var leafHash: MerkleHash

    package init(record: AuditRecord, leafHash: MerkleHash) {
        self.record = record
        self.leafHash = leafHash
    }
}

/// Filters of `GET /v1/audit/records`. Times are UTC microseconds; `afterSeq` is the cursor.
package struct AuditQuery: Sendable {
    package var fromTime: Int64?
    package var toTime: Int64?
    package var actorID: String?
    package var entityID: String?
    package var outcome: String?
    /// Records of one operation (`decision`).
    package var operation: String?
    package var afterSeq: Int64
    package var limit: Int

    package init(
        fromTime: Int64? = nil, toTime: Int64? = nil, actorID: String? = nil, entityID: String? = nil, outcome: String? = nil,
        operation: String? = nil, afterSeq: Int64 = 0, limit: Int = 100
    ) {
        self.fromTime = fromTime
        self.toTime = toTime
        self.actorID = actorID
        self.entityID = entityID
        self.outcome = outcome
        self.operation = operation
        self.afterSeq = afterSeq
        self.limit = limit
    }
}

/// The public half of a checkpoint signing key and its wrapped private half.
package struct AuditSigningKeyRecord: Sendable, Equatable {
    package var tenantID: TenantID
    package var keyID: String
    package var publicKey: String
    package var wrappedPrivateKey: String
    package var createdAt: Int64

    package init(tenantID: TenantID, keyID: String, publicKey: String, wrappedPrivateKey: String, createdAt: Int64) {
        self.tenantID = tenantID
        self.keyID = keyID
        self.publicKey = publicKey
        self.wrappedPrivateKey = wrappedPrivateKey
        self.createdAt = createdAt
    }
}

extension SQLStoreTransaction {
    /// The columns of `audit_records` an append writes, in bind order.
    private static let auditColumns = SQLiteAuditInsert.columns.joined(separator: ", ")

    func appendAudit(_ records: [AuditRecord], in tenant: TenantID, at now: Int64) async throws -> [StoredAuditRecord] {
        try await appendAuditMovingHead(records, in: tenant, at: now).stored
    }

    /// ``appendAudit(_:in:at:)``, also answering the head it left (for ``AuditHeadCache``).
    func appendAuditMovingHead(
        _ records: [AuditRecord], in tenant: TenantID, at now: Int64
    ) async throws -> (stored: [StoredAuditRecord], head: MerkleFrontier?) {
        guard !records.isEmpty else { return ([], nil) }
        // The head row is the per-tenant lock: on PostgreSQL `FOR UPDATE` serialises concurrent
        // appenders of one tenant, so sequence numbers stay gapless and the frontier consistent.
        let lock = engine == .postgres ? " FOR UPDATE" : ""
        let head = try await sql.raw(
            "SELECT size, frontier FROM audit_heads WHERE tenant_id = \(bind: tenant.rawValue)\(unsafeRaw: lock)"
        ).first()
        var frontier: MerkleFrontier
        if let head {
            frontier = try Self.frontier(try head.decode(column: "frontier", as: String.self))
            let size = try head.decode(column: "size", as: Int64.self)
            guard frontier.size == size else {
                throw RampartError(.internalError, "audit log head of tenant \(tenant) is inconsistent")
            }
            // A head restored or edited to the largest size could not number another record.
            guard size <= Int64.max - Int64(records.count) else {
                throw RampartError(.storage, "audit log head of tenant \(tenant) is full")
            }
        } else {
            frontier = MerkleFrontier()
            try await sql.raw(
                """
                INSERT INTO audit_heads (tenant_id, size, frontier, updated_at)
                VALUES (\(bind: tenant.rawValue), 0, \(bind: Self.text(frontier)), \(bind: now))
                """
            ).run()
        }
        let stored = Self.numbered(records, in: tenant, after: &frontier)
        try await insertAuditRows(stored)
        try await sql.raw(
            """
            UPDATE audit_heads SET size = \(bind: frontier.size), frontier = \(bind: Self.text(frontier)), updated_at = \(bind: now)
            WHERE tenant_id = \(bind: tenant.rawValue)
            """
        ).run()
        return (stored, frontier)
    }

    /// `records` numbered after `frontier`'s last leaf, with their leaf hashes; `frontier` takes them in.
    static func numbered(_ records: [AuditRecord], in tenant: TenantID, after frontier: inout MerkleFrontier) -> [StoredAuditRecord] {
        var stored: [StoredAuditRecord] = []
        stored.reserveCapacity(records.count)
        for var record in records {
            record.seq = frontier.size + 1
            record.tenantID = tenant.rawValue
            let leaf = record.leafHash
            frontier.append(leaf)
            stored.append(StoredAuditRecord(record: record, leafHash: leaf))
        }
        return stored
    }

    /// PostgreSQL: one JSON document per chunk of up to 1,000 rows, expanded by
    /// `json_populate_recordset`; binding 23 values per record cost far more in the driver than
    /// in the database. SQLite: multi-row INSERTs with one bind per value (its JSON functions
    /// were measured slower here: each row's object is re-serialised to text by `json_each`).
    private func insertAuditRows(_ stored: [StoredAuditRecord]) async throws {
        guard engine == .postgres else { return try await insertAuditRowsWithBinds(stored) }
        var start = 0
        while start < stored.count {
            let json = Self.auditRowsJSON(stored[start..<min(start + 1000, stored.count)])
            try await sql.raw(
                """
                INSERT INTO audit_records (\(unsafeRaw: Self.auditColumns))
                SELECT \(unsafeRaw: Self.auditColumns)
                FROM json_populate_recordset(NULL::audit_records, \(bind: json)::json)
                """
            ).run()
            start += 1000
        }
    }

    private func insertAuditRowsWithBinds(_ stored: [StoredAuditRecord]) async throws {
        guard let sqlite else { throw RampartError(.internalError, "no SQLite connection in this transaction") }
        var start = 0
        while start < stored.count {
            let insert = SQLiteAuditInsert(stored[start..<min(start + SQLiteAuditInsert.maximumRows, stored.count)])
            try await sqlite.query(insert.sql, insert.binds) { _ in }
            start += SQLiteAuditInsert.maximumRows
        }
    }

    /// The rows as a JSON array of objects keyed by column name.
    static func auditRowsJSON(_ chunk: ArraySlice<StoredAuditRecord>) -> String {
        var out: [UInt8] = [0x5B]
        out.reserveCapacity(chunk.count * 512)
        for (index, entry) in chunk.enumerated() {
            let r = entry.record
            out.append(contentsOf: index == 0 ? [0x7B] : [0x2C, 0x7B])
            JSONText.appendKey("tenant_id", to: &out)
            JSONText.appendString(r.tenantID, to: &out)
            out.append(0x2C)
            JSONText.appendKey("seq", to: &out)
            JSONText.appendInteger(r.seq, to: &out)
            out.append(0x2C)
            JSONText.appendKey("time_us", to: &out)
            JSONText.appendInteger(r.time, to: &out)
            out.append(0x2C)
            JSONText.appendKey("actor_type", to: &out)
            JSONText.appendString(r.actorType, to: &out)
            out.append(0x2C)
            JSONText.appendKey("actor_id", to: &out)
            JSONText.appendString(r.actorID, to: &out)
            out.append(0x2C)
            JSONText.appendKey("source_ip", to: &out)
            JSONText.appendString(r.sourceIP, to: &out)
            out.append(0x2C)
            JSONText.appendKey("user_agent", to: &out)
            JSONText.appendString(r.userAgent, to: &out)
            out.append(0x2C)
            JSONText.appendKey("method", to: &out)
            JSONText.appendString(r.method, to: &out)
            out.append(0x2C)
            JSONText.appendKey("path", to: &out)
            JSONText.appendString(r.path, to: &out)
            out.append(0x2C)
            JSONText.appendKey("entity_type", to: &out)
            JSONText.appendString(r.entityType, to: &out)
            out.append(0x2C)
            JSONText.appendKey("entity_id", to: &out)
            JSONText.appendString(r.entityID, to: &out)
            out.append(0x2C)
            JSONText.appendKey("operation", to: &out)
            JSONText.appendString(r.operation, to: &out)
            out.append(0x2C)
            JSONText.appendKey("outcome", to: &out)
            JSONText.appendString(r.outcome, to: &out)
            out.append(0x2C)
            JSONText.appendKey("status", to: &out)
            JSONText.appendInteger(r.status, to: &out)
            out.append(0x2C)
            JSONText.appendKey("request_id", to: &out)
            JSONText.appendString(r.requestID, to: &out)
            out.append(0x2C)
            JSONText.appendKey("batch_id", to: &out)
            JSONText.appendString(r.batchID, to: &out)
            out.append(0x2C)
            JSONText.appendKey("service", to: &out)
            JSONText.appendString(r.service, to: &out)
            out.append(0x2C)
            JSONText.appendKey("resource", to: &out)
            JSONText.appendString(r.resource, to: &out)
            out.append(0x2C)
            JSONText.appendKey("access_type", to: &out)
            JSONText.appendString(r.accessType, to: &out)
            out.append(0x2C)
            JSONText.appendKey("policy_id", to: &out)
            JSONText.appendString(r.policyID, to: &out)
            out.append(0x2C)
            JSONText.appendKey("policy_version", to: &out)
            JSONText.appendInteger(r.policyVersion, to: &out)
            out.append(0x2C)
            JSONText.appendKey("details", to: &out)
            JSONText.appendString(r.details, to: &out)
            out.append(0x2C)
            JSONText.appendKey("leaf_hash", to: &out)
            JSONText.appendString(entry.leafHash.hex, to: &out)
            out.append(0x7D)
        }
        out.append(0x5D)
        return String(decoding: out, as: UTF8.self)
    }

    func auditHead(_ tenant: TenantID) async throws -> MerkleFrontier? {
        guard
            let row = try await sql.raw(
                "SELECT frontier FROM audit_heads WHERE tenant_id = \(bind: tenant.rawValue)"
            ).first()
        else { return nil }
        return try Self.frontier(try row.decode(column: "frontier", as: String.self))
    }

    func auditRecords(_ tenant: TenantID, query: AuditQuery) async throws -> [StoredAuditRecord] {
        var sqlText = SQLQueryString(
            "SELECT * FROM audit_records WHERE tenant_id = \(bind: tenant.rawValue) AND seq > \(bind: query.afterSeq)")
        if let from = query.fromTime { sqlText.appendInterpolation(" AND time_us >= \(bind: from)" as SQLQueryString) }
        if let to = query.toTime { sqlText.appendInterpolation(" AND time_us < \(bind: to)" as SQLQueryString) }
        if let actor = query.actorID { sqlText.appendInterpolation(" AND actor_id = \(bind: actor)" as SQLQueryString) }
        if let entity = query.entityID { sqlText.appendInterpolation(" AND entity_id = \(bind: entity)" as SQLQueryString) }
        if let outcome = query.outcome { sqlText.appendInterpolation(" AND outcome = \(bind: outcome)" as SQLQueryString) }
        if let operation = query.operation { sqlText.appendInterpolation(" AND operation = \(bind: operation)" as SQLQueryString) }
        sqlText.appendInterpolation(" ORDER BY seq LIMIT \(bind: query.limit)" as SQLQueryString)
        return try await sql.raw(sqlText).all().map(Self.decodeAuditRecord)
    }

    func auditRecords(_ tenant: TenantID, fromSeq: Int64, limit: Int) async throws -> [StoredAuditRecord] {
        try await sql.raw(
            """
            SELECT * FROM audit_records WHERE tenant_id = \(bind: tenant.rawValue) AND seq >= \(bind: fromSeq)
            ORDER BY seq LIMIT \(bind: limit)
            """
        ).all().map(Self.decodeAuditRecord)
    }

    func auditLeafHashes(_ tenant: TenantID, upTo size: Int64) async throws -> [MerkleHash] {
        try await sql.raw(
            """
            SELECT leaf_hash FROM audit_records WHERE tenant_id = \(bind: tenant.rawValue) AND seq <= \(bind: size) ORDER BY seq
            """
        ).all().map { row in try Self.hash(try row.decode(column: "leaf_hash", as: String.self)) }
    }

    func insertAuditCheckpoint(_ checkpoint: SignedCheckpoint) async throws {
        try await sql.raw(AuditCheckpointsTable.insert(checkpoint)).run()
    }

    func auditCheckpoints(_ tenant: TenantID) async throws -> [SignedCheckpoint] {
        try await sql.raw(
            "SELECT * FROM audit_checkpoints WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY tree_size"
        ).all().map(AuditCheckpointsTable.decode)
    }

    func latestAuditCheckpoint(_ tenant: TenantID) async throws -> SignedCheckpoint? {
        try await sql.raw(
            "SELECT * FROM audit_checkpoints WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY tree_size DESC LIMIT 1"
        ).first().map(AuditCheckpointsTable.decode)
    }

    func auditTenants() async throws -> [(tenant: TenantID, size: Int64, checkpointed: Int64)] {
        try await sql.raw(
            """
            SELECT h.tenant_id AS tenant_id, h.size AS size,
                COALESCE((SELECT MAX(c.tree_size) FROM audit_checkpoints c WHERE c.tenant_id = h.tenant_id), 0) AS checkpointed
            FROM audit_heads h ORDER BY h.tenant_id
            """
        ).all().map { row in
            (
                TenantID(rawValue: try row.decode(column: "tenant_id", as: String.self)),
                try row.decode(column: "size", as: Int64.self),
                try row.decode(column: "checkpointed", as: Int64.self)
            )
        }
    }

    func insertAuditSigningKey(_ key: AuditSigningKeyRecord) async throws {
        try await sql.raw(AuditSigningKeysTable.insert(key)).run()
    }

    func auditSigningKeys(_ tenant: TenantID) async throws -> [AuditSigningKeyRecord] {
        try await sql.raw(
            "SELECT * FROM audit_signing_keys WHERE tenant_id = \(bind: tenant.rawValue) ORDER BY created_at, key_id"
        ).all().map(AuditSigningKeysTable.decode)
    }

    func allAuditSigningKeys() async throws -> [AuditSigningKeyRecord] {
        try await sql.raw("SELECT * FROM audit_signing_keys ORDER BY tenant_id, key_id").all().map(AuditSigningKeysTable.decode)
    }

    func replaceAuditSigningKeyWrapping(_ tenant: TenantID, keyID: String, wrappedPrivateKey: String) async throws {
        try await sql.raw(
            """
            UPDATE audit_signing_keys SET wrapped_private_key = \(bind: wrappedPrivateKey)
            WHERE tenant_id = \(bind: tenant.rawValue) AND key_id = \(bind: keyID)
            """
        ).run()
    }

    func auditExportCursor(sink: String, tenant: TenantID) async throws -> Int64 {
        try await sql.raw(
            "SELECT seq FROM audit_export_cursors WHERE sink = \(bind: sink) AND tenant_id = \(bind: tenant.rawValue)"
        ).first()?.decode(column: "seq", as: Int64.self) ?? 0
    }

    func setAuditExportCursor(sink: String, tenant: TenantID, seq: Int64, at now: Int64) async throws {
        try await sql.raw(
            """
            INSERT INTO audit_export_cursors (sink, tenant_id, seq, updated_at)
            VALUES (\(bind: sink), \(bind: tenant.rawValue), \(bind: seq), \(bind: now))
            ON CONFLICT (sink, tenant_id) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at
            """
        ).run()
    }

    static func hash(_ hex: String) throws -> MerkleHash {
        do { return try MerkleHash(hex: hex) } catch { throw RampartError(.storage, "a stored audit hash is malformed") }
    }

    /// Frontiers are stored as base64 text so one column type serves both engines.
    static func text(_ frontier: MerkleFrontier) -> String { Data(frontier.serialized()).base64EncodedString() }

    private static func frontier(_ text: String) throws -> MerkleFrontier {
        guard let data = Data(base64Encoded: text), let frontier = try? MerkleFrontier(serialized: data) else {
            throw RampartError(.storage, "a stored audit tree head is malformed")
        }
        return frontier
    }

    static func decodeAuditRecord(_ row: any SQLRow) throws -> StoredAuditRecord { try StoredAuditRecord(row: row) }
}

extension StoredAuditRecord {
    /// Decodes an `audit_records` row.
    package init(row: any SQLRow) throws {
        let record = AuditRecord(
            seq: try row.decode(column: "seq", as: Int64.self),
            time: try row.decode(column: "time_us", as: Int64.self),
            tenantID: try row.decode(column: "tenant_id", as: String.self),
            actorType: try row.decode(column: "actor_type", as: String.self),
            actorID: try row.decode(column: "actor_id", as: String?.self),
            sourceIP: try row.decode(column: "source_ip", as: String?.self),
            userAgent: try row.decode(column: "user_agent", as: String?.self),
            method: try row.decode(column: "method", as: String?.self),
            path: try row.decode(column: "path", as: String?.self),
            entityType: try row.decode(column: "entity_type", as: String?.self),
            entityID: try row.decode(column: "entity_id", as: String?.self),
            operation: try row.decode(column: "operation", as: String.self),
            outcome: try row.decode(column: "outcome", as: String.self),
            status: try row.decode(column: "status", as: Int?.self),
            requestID: try row.decode(column: "request_id", as: String?.self),
            batchID: try row.decode(column: "batch_id", as: String?.self),
            service: try row.decode(column: "service", as: String?.self),
            resource: try row.decode(column: "resource", as: String?.self),
            accessType: try row.decode(column: "access_type", as: String?.self),
            policyID: try row.decode(column: "policy_id", as: String?.self),
            policyVersion: try row.decode(column: "policy_version", as: Int64?.self),
            details: try row.decode(column: "details", as: String?.self))
        let leaf: MerkleHash
        do { leaf = try MerkleHash(hex: try row.decode(column: "leaf_hash", as: String.self)) } catch {
            throw RampartError(.storage, "a stored audit hash is malformed")
        }
        self.init(record: record, leafHash: leaf)
    }
}
