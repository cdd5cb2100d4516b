// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import RampartApp
import RampartAuditLog
import RampartCore
import RampartStorage

/// `/v1/audit`: a tenant's audit records, signed checkpoints, Merkle proofs and public keys, for
/// its auditors. Everything is read from the caller's tenant log only.
struct AuditController {
    let services: RampartServices
    private var queries: AuditQueries { AuditQueries(services: services) }

    struct RecordResponse: Encodable {
        var record: AuditRecord
        var timestamp: String
        var leafHash: String

        init(_ stored: StoredAuditRecord) {
            record = stored.record
            timestamp = Timestamp.rfc3339(microseconds: stored.record.time)
            leafHash = stored.leafHash.hex
        }

        func encode(to encoder: any Encoder) throws {
            try record.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(timestamp, forKey: .timestamp)
            try container.encode(leafHash, forKey: .leafHash)
        }

        enum Keys: String, CodingKey { case timestamp, leafHash }
    }

    struct RecordsResponse: Encodable {
        var items: [RecordResponse]
        var nextCursor: String?
    }

    struct CheckpointResponse: Encodable {
        var checkpoint: SignedCheckpoint
        var timestamp: String
        var note: String

        init(_ signed: SignedCheckpoint) {
            checkpoint = signed
            timestamp = Timestamp.rfc3339(microseconds: signed.checkpoint.timestamp)
            note = (try? signed.signedNote()) ?? ""
        }
    }

    struct InclusionResponse: Encodable {
        var seq: Int64
        var treeSize: Int64
        var leafHash: String
        var proof: [String]
        var checkpoint: SignedCheckpoint?
    }

    struct ConsistencyResponse: Encodable {
        var from: Int64
        var to: Int64
        var proof: [String]
    }

    struct PublicKeyResponse: Encodable {
        struct Key: Encodable {
            var keyId: String
            var algorithm: String
            var publicKey: String
            var createdAt: String
        }
        var keys: [Key]
    }

    func register(on api: APIRouter) {
        api.add(.get, "/v1/audit/records", .tenant(.auditRead), listRecords)
        api.add(.get, "/v1/audit/checkpoints/latest", .tenant(.auditRead), latestCheckpoint)
        api.add(.post, "/v1/audit/checkpoints", .tenant(.auditRead), createCheckpoint)
        api.add(.get, "/v1/audit/proof/inclusion", .tenant(.auditRead), inclusionProof)
        api.add(.get, "/v1/audit/proof/consistency", .tenant(.auditRead), consistencyProof)
        api.add(.get, "/v1/audit/public-key", .tenant(.auditRead), publicKeys)
    }

    @Sendable func listRecords(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let query = request.uri.queryParameters
        var filter = AuditQuery()
        filter.fromTime = try Self.time(query["from"].map(String.init), field: "from")
        filter.toTime = try Self.time(query["to"].map(String.init), field: "to")
        filter.actorID = try Self.text(query["actor"].map(String.init), field: "actor")
        filter.entityID = try Self.text(query["entity"].map(String.init), field: "entity")
        if let outcome = query["outcome"].map(String.init) {
            guard AuditOutcome(rawValue: outcome) != nil else {
                throw RampartError.validation("`outcome` must be allowed, denied or error", field: "outcome")
            }
            filter.outcome = outcome
        }
        filter.limit = try Self.integer(query["limit"].map(String.init), field: "limit", range: 1...1000) ?? 100
        filter.afterSeq = try Self.integer(query["cursor"].map(String.init), field: "cursor", range: 0...Int64.max) ?? 0
        let page = try await queries.records(filter, in: principal.tenantID)
        return try JSONBody.response(RecordsResponse(items: page.items.map(RecordResponse.init), nextCursor: page.nextCursor))
    }

    @Sendable func latestCheckpoint(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let latest = try await queries.latestCheckpoint(in: principal.tenantID)
        return try JSONBody.response(CheckpointResponse(latest))
    }

    @Sendable func createCheckpoint(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let signed = try await queries.checkpoint(in: principal.tenantID)
        return try JSONBody.response(CheckpointResponse(signed), status: .created)
    }

    @Sendable func inclusionProof(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let query = request.uri.queryParameters
        guard let seq = try Self.integer(query["seq"].map(String.init), field: "seq", range: 1...Int64.max) else {
            throw RampartError.validation("`seq` is required", field: "seq")
        }
        let size = try Self.integer(query["size"].map(String.init), field: "size", range: 1...Int64.max)
        let found = try await queries.inclusionProof(seq: seq, size: size, in: principal.tenantID)
        return try JSONBody.response(
            InclusionResponse(
                seq: seq, treeSize: found.treeSize, leafHash: found.record.leafHash.hex, proof: found.proof.hashes.map(\.hex),
                checkpoint: found.checkpoint))
    }

    @Sendable func consistencyProof(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let query = request.uri.queryParameters
        guard let from = try Self.integer(query["from"].map(String.init), field: "from", range: 1...Int64.max),
            let to = try Self.integer(query["to"].map(String.init), field: "to", range: 1...Int64.max)
        else { throw RampartError.validation("`from` and `to` are required", field: "from") }
        let proof = try await queries.consistencyProof(from: from, to: to, in: principal.tenantID)
        return try JSONBody.response(ConsistencyResponse(from: from, to: to, proof: proof.hashes.map(\.hex)))
    }

    @Sendable func publicKeys(_ request: Request, context: RampartRequestContext) async throws -> Response {
        let principal = try context.routePrincipal()
        let keys = try await queries.publicKeys(in: principal.tenantID)
        return try JSONBody.response(
            PublicKeyResponse(
                keys: keys.map {
                    .init(
                        keyId: $0.keyID, algorithm: "Ed25519", publicKey: $0.publicKey,
                        createdAt: Timestamp.rfc3339(milliseconds: $0.createdAt))
                }))
    }

    static func integer(_ text: String?, field: String, range: ClosedRange<Int64>) throws -> Int64? {
        guard let text else { return nil }
        guard let value = Int64(text), range.contains(value) else {
            throw RampartError.validation("`\(field)` must be an integer from \(range.lowerBound) to \(range.upperBound)", field: field)
        }
        return value
    }

    static func integer(_ text: String?, field: String, range: ClosedRange<Int>) throws -> Int? {
        try integer(text, field: field, range: Int64(range.lowerBound)...Int64(range.upperBound)).map { Int($0) }
    }

    static func text(_ text: String?, field: String) throws -> String? {
        guard let text else { return nil }
        guard (1...200).contains(text.count) else { throw RampartError.validation("`\(field)` must be 1 to 200 characters", field: field) }
        return text
    }

    /// An RFC 3339 time or Unix microseconds.
    static func time(_ text: String?, field: String) throws -> Int64? {
        guard let text else { return nil }
        if let micros = Int64(text) { return micros }
        guard let micros = Timestamp.microseconds(rfc3339: text) else {
            throw RampartError.validation("`\(field)` must be an RFC 3339 time or Unix microseconds", field: field)
        }
        return micros
    }
}
