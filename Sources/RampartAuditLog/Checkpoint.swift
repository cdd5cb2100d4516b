// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// A tree head the server commits to: "the log of `tenantID` had `treeSize` records with root
/// `rootHash` at `timestamp`".
///
/// The signed form is ``noteText``, modelled on the C2SP tlog checkpoint (signed-note body):
///
/// ```text
/// rampart-audit/<tenantID>
/// <treeSize, decimal>
/// <rootHash, standard base64>
/// time <timestamp, decimal microseconds since 1970-01-01Z>
/// ```
///
/// Each line ends with `\n`. The first three lines are exactly C2SP's origin, size and root; the
/// time is an extension line. The origin binds the signature to one tenant, so a checkpoint of
/// one tenant can never be replayed as another's.
package struct Checkpoint: Sendable, Hashable, Codable {
    /// The prefix of every origin line.
    package static let originPrefix = "rampart-audit/"

    package var tenantID: String
    /// The number of records covered: seqs `1...treeSize`.
    package var treeSize: Int64
    /// `MTH` of the first `treeSize` leaf hashes.
    package var rootHash: MerkleHash
    /// When the checkpoint was made, in microseconds since 1970-01-01T00:00:00Z.
    package var timestamp: Int64

    package init(tenantID: String, treeSize: Int64, rootHash: MerkleHash, timestamp: Int64) {
        self.tenantID = tenantID
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.timestamp = timestamp
    }

    private enum CodingKeys: String, CodingKey {
        case tenantID = "tenantId"
        case treeSize
        case rootHash
        case timestamp
    }

    /// `rampart-audit/<tenantID>`.
    package var origin: String { Self.originPrefix + tenantID }

    /// The exact text that is signed.
    ///
    /// - Throws: ``AuditLogError/Code/invalidCheckpoint`` when the tenant ID is empty or has a
    ///   control character (it would forge extra lines), or the size is negative.
    package func noteText() throws -> String {
        guard !tenantID.isEmpty, !tenantID.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw AuditLogError(.invalidCheckpoint, "tenant ID `\(tenantID)` cannot appear in a checkpoint origin")
        }
        guard treeSize >= 0 else {
            throw AuditLogError(.invalidCheckpoint, "a checkpoint size cannot be negative, got \(treeSize)")
        }
        return "\(origin)\n\(treeSize)\n\(rootHash.base64)\ntime \(timestamp)\n"
    }

    /// Signs ``noteText()`` with Ed25519.
    ///
    /// - Throws: ``AuditLogError/Code/invalidCheckpoint`` for an unrenderable checkpoint,
    ///   ``AuditLogError/Code/invalidKey`` when signing fails.
    package func sign(with key: Curve25519.Signing.PrivateKey) throws -> SignedCheckpoint {
        let text = try noteText()
        let signature: Data
        do {
            signature = try key.signature(for: Data(text.utf8))
        } catch {
            throw AuditLogError(.invalidKey, "signing the checkpoint failed: \(error)")
        }
        return SignedCheckpoint(checkpoint: self, keyID: key.publicKey.auditKeyID, signature: [UInt8](signature))
    }
}
