// SPDX-License-Identifier: Apache-2.0

/// One line of an export file: a JSON object whose `type` says which of these it is.
///
/// - `header`: ``AuditExportHeader`` fields; first line of the file.
/// - `checkpoint`: ``SignedCheckpoint`` fields; after the header and before the records, so a
///   streaming reader holds them (a few per million records) and checks each root when its
///   tree reaches that size.
/// - `consistency`: ``ConsistencyProof`` fields (`fromSize`, `toSize`, `hashes`); links the
///   tree at the end of the range to a checkpoint beyond it.
/// - `record`: ``AuditRecord`` fields plus `leafHash` (base64), in seq order.
package enum AuditExportLine: Sendable, Hashable {
    case header(AuditExportHeader)
    case record(AuditRecord, leafHash: MerkleHash?)
    case checkpoint(SignedCheckpoint)
    case consistency(ConsistencyProof)

    /// The value of the `type` field.
    package var type: String {
        switch self {
        case .header: "header"
        case .record: "record"
        case .checkpoint: "checkpoint"
        case .consistency: "consistency"
        }
    }
}

extension AuditExportLine: Codable {
    private enum TypeKey: String, CodingKey {
        case type
    }

    private enum RecordKey: String, CodingKey {
        case leafHash
    }

    // The payload shares the object with `type` (flat lines, one JSON parse per line), so each
    // payload decodes from the same decoder and ignores the keys it does not own.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "header":
            self = .header(try AuditExportHeader(from: decoder))
        case "record":
            let leafHash = try decoder.container(keyedBy: RecordKey.self).decodeIfPresent(MerkleHash.self, forKey: .leafHash)
            self = .record(try AuditRecord(from: decoder), leafHash: leafHash)
        case "checkpoint":
            self = .checkpoint(try SignedCheckpoint(from: decoder))
        case "consistency":
            self = .consistency(try ConsistencyProof(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown line type `\(type)`")
        }
    }

    package func encode(to encoder: any Encoder) throws {
        switch self {
        case .header(let header):
            try header.encode(to: encoder)
        case .record(let record, let leafHash):
            try record.encode(to: encoder)
            var container = encoder.container(keyedBy: RecordKey.self)
            try container.encodeIfPresent(leafHash, forKey: .leafHash)
        case .checkpoint(let checkpoint):
            try checkpoint.encode(to: encoder)
        case .consistency(let proof):
            try proof.encode(to: encoder)
        }
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(type, forKey: .type)
    }
}
