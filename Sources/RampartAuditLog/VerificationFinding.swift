// SPDX-License-Identifier: Apache-2.0

/// One piece of evidence that a log or export is not what its checkpoints say it is.
///
/// ``seq`` names a single record, ``range`` a span of seqs (equivalently, of tree sizes) that
/// holds the problem, ``checkpointSize`` the checkpoint concerned, ``line`` the export line.
package struct VerificationFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of problem was found; ``description`` is a stable code such as
    /// `"audit.record_changed"`.
    package struct Kind: Sendable, Hashable, Codable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable, CaseIterable {
            case recordChanged = "audit.record_changed"
            case recordMissing = "audit.record_missing"
            case recordOutOfOrder = "audit.record_out_of_order"
            case recordTenantMismatch = "audit.record_tenant_mismatch"
            case rootMismatch = "audit.root_mismatch"
            case diverged = "audit.diverged"
            case badSignature = "audit.bad_signature"
            case unknownKey = "audit.unknown_key"
            case checkpointTenantMismatch = "audit.checkpoint_tenant_mismatch"
            case checkpointOutOfOrder = "audit.checkpoint_out_of_order"
            case truncated = "audit.truncated"
            case consistencyFailed = "audit.consistency_failed"
            case uncovered = "audit.uncovered"
            case malformedLine = "audit.malformed_line"
            case rangeMismatch = "audit.range_mismatch"
        }

        private let value: Value

        /// The record's stored leaf hash differs from the hash of its content: it was edited.
        package static var recordChanged: Self { .init(value: .recordChanged) }
        /// A gap in `seq`: records were deleted (``range`` holds the missing seqs).
        package static var recordMissing: Self { .init(value: .recordMissing) }
        /// A `seq` repeated or went backwards: a record was inserted, duplicated or reordered.
        package static var recordOutOfOrder: Self { .init(value: .recordOutOfOrder) }
        /// A record belongs to another tenant.
        package static var recordTenantMismatch: Self { .init(value: .recordTenantMismatch) }
        /// A validly signed checkpoint's root differs from the recomputed tree: the records in
        /// ``range`` were changed, inserted, deleted or reordered.
        package static var rootMismatch: Self { .init(value: .rootMismatch) }
        /// Later checkpoints disagree too once the tree has diverged; they cannot localise
        /// further tampering.
        package static var diverged: Self { .init(value: .diverged) }
        /// A checkpoint's signature does not verify with the key it names.
        package static var badSignature: Self { .init(value: .badSignature) }
        /// A checkpoint names a key that is not trusted.
        package static var unknownKey: Self { .init(value: .unknownKey) }
        /// A checkpoint belongs to another tenant.
        package static var checkpointTenantMismatch: Self { .init(value: .checkpointTenantMismatch) }
        /// A checkpoint arrived after the verifier had passed its size, so it was not checked.
        package static var checkpointOutOfOrder: Self { .init(value: .checkpointOutOfOrder) }
        /// A checkpoint covers records beyond the end of the log: the tail was removed.
        package static var truncated: Self { .init(value: .truncated) }
        /// A consistency proof from the end of the records to a later checkpoint failed.
        package static var consistencyFailed: Self { .init(value: .consistencyFailed) }
        /// Records that no valid checkpoint covers, where coverage was required.
        package static var uncovered: Self { .init(value: .uncovered) }
        /// An export line that is not valid JSON of a known type.
        package static var malformedLine: Self { .init(value: .malformedLine) }
        /// An export's header, prefix and records disagree about the range exported.
        package static var rangeMismatch: Self { .init(value: .rangeMismatch) }

        /// The stable code, e.g. `"audit.record_missing"`.
        package var description: String { value.rawValue }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let code = try container.decode(String.self)
            guard let value = Value(rawValue: code) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown finding kind `\(code)`")
            }
            self.value = value
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(value.rawValue)
        }

        private init(value: Value) {
            self.value = value
        }
    }

    package var kind: Kind
    /// The record concerned, when it is one record.
    package var seq: Int64?
    /// The seqs concerned, when it is a span: for a root mismatch, `(last verified size, size]`.
    package var range: ClosedRange<Int64>?
    /// The size of the checkpoint concerned.
    package var checkpointSize: Int64?
    /// The 1-based export line concerned.
    package var line: Int?
    /// What was found, for humans.
    package var message: String

    package init(
        _ kind: Kind,
        seq: Int64? = nil,
        range: ClosedRange<Int64>? = nil,
        checkpointSize: Int64? = nil,
        line: Int? = nil,
        message: String
    ) {
        self.kind = kind
        self.seq = seq
        self.range = range
        self.checkpointSize = checkpointSize
        self.line = line
        self.message = message
    }

    package var description: String {
        var where_ = ""
        if let seq { where_ += " seq \(seq)" }
        if let range { where_ += " seqs \(range.lowerBound)...\(range.upperBound)" }
        if let checkpointSize { where_ += " checkpoint \(checkpointSize)" }
        if let line { where_ += " line \(line)" }
        return "\(kind)\(where_): \(message)"
    }
}
