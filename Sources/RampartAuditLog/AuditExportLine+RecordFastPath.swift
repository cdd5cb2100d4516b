// SPDX-License-Identifier: Apache-2.0

/// Record lines are nearly all of an export, so they are read and written with ``FlatJSON``
/// instead of Foundation's coders (about 10× faster). The JSON is the same shape the
/// `Codable` conformance describes: the ``AuditRecord`` fields, `leafHash` and `type`.
extension AuditExportLine {
    enum FastDecoding {
        case line(AuditExportLine)
        case malformed(String)
        /// Not a flat record line: let `JSONDecoder` read it.
        case notHandled
    }

    /// Keys in byte order, so a record always renders to the same bytes.
    static func encodeRecordLine(_ record: AuditRecord, leafHash: MerkleHash?) -> String {
        var writer = FlatJSON.Writer()
        writer.field("accessType", record.accessType)
        writer.field("actorId", record.actorID)
        writer.field("actorType", record.actorType)
        writer.field("batchId", record.batchID)
        writer.field("details", record.details)
        writer.field("entityId", record.entityID)
        writer.field("entityType", record.entityType)
        writer.field("leafHash", leafHash?.base64)
        writer.field("method", record.method)
        writer.field("operation", record.operation)
        writer.field("outcome", record.outcome)
        writer.field("path", record.path)
        writer.field("policyId", record.policyID)
        writer.field("policyVersion", record.policyVersion)
        writer.field("requestId", record.requestID)
        writer.field("resource", record.resource)
        writer.field("seq", record.seq)
        writer.field("service", record.service)
        writer.field("sourceIp", record.sourceIP)
        writer.field("status", record.status.map(Int64.init))
        writer.field("tenantId", record.tenantID)
        writer.field("time", record.time)
        writer.field("type", "record")
        writer.field("userAgent", record.userAgent)
        return writer.close()
    }

    static func decodeRecordLine(_ bytes: UnsafeRawBufferPointer) -> FastDecoding {
        var reader = FlatJSON.Reader(bytes)
        guard reader.beginObject() else { return .notHandled }
        var record = AuditRecord(seq: 0, time: 0, tenantID: "", actorType: "", operation: "", outcome: "")
        var leafHash: MerkleHash?
        var isRecord = false
        // Known keys as bits: duplicates and missing required fields without hashing strings.
        var seen: UInt32 = 0
        var problem: String?
        while let keyBytes = reader.nextKey() {
            guard let value = reader.value() else { return .notHandled }
            // Unknown keys are ignored, as `JSONDecoder` ignores them.
            guard let field = Field(keyBytes) else { continue }
            let bit = UInt32(1) << field.rawValue
            guard seen & bit == 0 else { return .malformed("duplicate key `\(field.key)`") }
            seen |= bit
            guard problem == nil else { continue }
            do {
                switch field {
                case .type: isRecord = value == .string("record")
                case .seq: record.seq = try integer(value, field)
                case .time: record.time = try integer(value, field)
                case .tenantID: record.tenantID = try string(value, field)
                case .actorType: record.actorType = try string(value, field)
                case .actorID: record.actorID = try optionalString(value, field)
                case .sourceIP: record.sourceIP = try optionalString(value, field)
                case .userAgent: record.userAgent = try optionalString(value, field)
                case .method: record.method = try optionalString(value, field)
                case .path: record.path = try optionalString(value, field)
                case .entityType: record.entityType = try optionalString(value, field)
                case .entityID: record.entityID = try optionalString(value, field)
                case .operation: record.operation = try string(value, field)
                case .outcome: record.outcome = try string(value, field)
                case .status:
                    if let status = try optionalInteger(value, field) {
                        guard let exact = Int(exactly: status) else {
                            throw AuditLogError(.malformedExport, "`status` is out of range")
                        }
                        record.status = exact
                    }
                case .requestID: record.requestID = try optionalString(value, field)
                case .batchID: record.batchID = try optionalString(value, field)
                case .service: record.service = try optionalString(value, field)
                case .resource: record.resource = try optionalString(value, field)
                case .accessType: record.accessType = try optionalString(value, field)
                case .policyID: record.policyID = try optionalString(value, field)
                case .policyVersion: record.policyVersion = try optionalInteger(value, field)
                case .details: record.details = try optionalString(value, field)
                case .leafHash:
                    if let text = try optionalString(value, field) {
                        leafHash = try MerkleHash(base64: text)
                    }
                }
            } catch let error as AuditLogError {
                problem = error.message
            } catch {
                problem = "\(error)"
            }
        }
        // Only a complete, well-formed record line is ours; other types go to Foundation.
        guard reader.finish(), isRecord else { return .notHandled }
        if let problem { return .malformed(problem) }
        if seen & Field.requiredMask != Field.requiredMask {
            let missing = Field.required.first { seen & (UInt32(1) << $0.rawValue) == 0 }
            return .malformed("record line has no `\(missing?.key ?? "required field")`")
        }
        return .line(.record(record, leafHash: leafHash))
    }

    /// The keys of a record line. `RawRepresentable` by `UInt32` so each is a bit in a mask.
    private enum Field: UInt32, CaseIterable {
        case type, seq, time, tenantID, actorType, actorID, sourceIP, userAgent, method, path, entityType, entityID
        case operation, outcome, status, requestID, batchID, service, resource, accessType, policyID, policyVersion
        case details, leafHash

        /// The fields a record cannot do without.
        static let required: [Field] = [.actorType, .operation, .outcome, .seq, .tenantID, .time]
        static let requiredMask: UInt32 = required.reduce(0) { $0 | UInt32(1) << $1.rawValue }

        init?(_ keyBytes: UnsafeRawBufferPointer) {
            // Keys are matched as packed integers straight from the line: no String is made,
            // and comparing Strings that differ goes through a non-inlined Unicode-aware path.
            guard let packed = Self.pack(keyBytes) else { return nil }
            for (candidate, field) in Self.table where candidate == packed {
                self = field
                return
            }
            return nil
        }

        /// The UTF-8 of a key of at most 16 bytes as two little-endian words.
        private static func pack(_ key: some Sequence<UInt8>) -> Packed? {
            var packed = Packed(low: 0, high: 0)
            var offset: UInt64 = 0
            for byte in key {
                switch offset {
                case 0..<8: packed.low |= UInt64(byte) << (8 * offset)
                case 8..<16: packed.high |= UInt64(byte) << (8 * (offset - 8))
                default: return nil
                }
                offset += 1
            }
            return packed
        }

        private struct Packed: Equatable {
            var low: UInt64
            var high: UInt64
        }

        private static let table: [(Packed, Field)] = allCases.compactMap { field in
            pack(field.key.utf8).map { ($0, field) }
        }

        var key: String {
            switch self {
            case .type: "type"
            case .seq: "seq"
            case .time: "time"
            case .tenantID: "tenantId"
            case .actorType: "actorType"
            case .actorID: "actorId"
            case .sourceIP: "sourceIp"
            case .userAgent: "userAgent"
            case .method: "method"
            case .path: "path"
            case .entityType: "entityType"
            case .entityID: "entityId"
            case .operation: "operation"
            case .outcome: "outcome"
            case .status: "status"
            case .requestID: "requestId"
            case .batchID: "batchId"
            case .service: "service"
            case .resource: "resource"
            case .accessType: "accessType"
            case .policyID: "policyId"
            case .policyVersion: "policyVersion"
            case .details: "details"
            case .leafHash: "leafHash"
            }
        }
    }

    private static func integer(_ value: FlatJSON.Value, _ field: Field) throws -> Int64 {
        guard case .integer(let number) = value else { throw AuditLogError(.malformedExport, "`\(field.key)` must be an integer") }
        return number
    }

    private static func optionalInteger(_ value: FlatJSON.Value, _ field: Field) throws -> Int64? {
        if value == .null { return nil }
        return try integer(value, field)
    }

    private static func string(_ value: FlatJSON.Value, _ field: Field) throws -> String {
        guard case .string(let text) = value else { throw AuditLogError(.malformedExport, "`\(field.key)` must be a string") }
        return text
    }

    private static func optionalString(_ value: FlatJSON.Value, _ field: Field) throws -> String? {
        if value == .null { return nil }
        return try string(value, field)
    }
}
