// SPDX-License-Identifier: Apache-2.0

/// An error raised by the audit-log library: malformed hashes, frontiers, proofs requests,
/// checkpoints or export lines.
///
/// ``code`` is stable and safe to match on and to show to API clients; ``message`` is for
/// humans and may change. Tamper evidence is never reported through this type: the verifier
/// reports it as ``VerificationReport/Finding`` values, so one bad record does not stop a run.
package struct AuditLogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable error code (a struct over a private enum, so codes can be added without
    /// breaking exhaustive switches in callers).
    package struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case invalidHash = "audit.invalid_hash"
            case invalidFrontier = "audit.invalid_frontier"
            case invalidProofRequest = "audit.invalid_proof_request"
            case invalidCheckpoint = "audit.invalid_checkpoint"
            case invalidKey = "audit.invalid_key"
            case malformedExport = "audit.malformed_export"
        }

        private let value: Value

        /// A hash was not 32 bytes, or its hex/base64 text did not decode.
        package static var invalidHash: Self { .init(value: .invalidHash) }
        /// A serialised frontier was truncated, had the wrong number of hashes or a bad version.
        package static var invalidFrontier: Self { .init(value: .invalidFrontier) }
        /// A proof was asked for an index or size outside the tree.
        package static var invalidProofRequest: Self { .init(value: .invalidProofRequest) }
        /// A checkpoint cannot be signed or rendered (an origin with a line break, a negative size).
        package static var invalidCheckpoint: Self { .init(value: .invalidCheckpoint) }
        /// A public key or signature was not valid Ed25519 material.
        package static var invalidKey: Self { .init(value: .invalidKey) }
        /// An export line was not a JSON object of a known `type`.
        package static var malformedExport: Self { .init(value: .malformedExport) }

        /// The stable string form, e.g. `"audit.invalid_hash"`.
        package var description: String { value.rawValue }
    }

    /// What went wrong, stable.
    package var code: Code
    /// What went wrong, for humans.
    package var message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { "\(code): \(message)" }
}
