// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// A ``Checkpoint`` with the Ed25519 signature over its ``Checkpoint/noteText()``.
///
/// JSON is flat: `tenantId`, `treeSize`, `rootHash` (base64), `timestamp`, `keyId`,
/// `signature` (base64).
package struct SignedCheckpoint: Sendable, Hashable, Codable {
    package var checkpoint: Checkpoint
    /// ``Curve25519/Signing/PublicKey/auditKeyID`` of the signing key.
    package var keyID: String
    /// The 64-byte Ed25519 signature.
    package var signature: [UInt8]

    package init(checkpoint: Checkpoint, keyID: String, signature: [UInt8]) {
        self.checkpoint = checkpoint
        self.keyID = keyID
        self.signature = signature
    }

    package var tenantID: String { checkpoint.tenantID }
    package var treeSize: Int64 { checkpoint.treeSize }
    package var rootHash: MerkleHash { checkpoint.rootHash }
    package var timestamp: Int64 { checkpoint.timestamp }

    /// True when `publicKey` is the key named by ``keyID`` and the signature over the note text
    /// is valid.
    package func verify(publicKey: Curve25519.Signing.PublicKey) -> Bool {
        guard keyID == publicKey.auditKeyID, let text = try? checkpoint.noteText() else { return false }
        return publicKey.isValidSignature(signature, for: Data(text.utf8))
    }

    /// The C2SP signed-note rendering: the note text, a blank line, and one signature line
    /// `— <origin> <base64(keyID bytes || signature)>`. For humans and tlog tooling; the JSON
    /// form is what the verifier reads.
    package func signedNote() throws -> String {
        let text = try checkpoint.noteText()
        let keyIDBytes = stride(from: 0, to: keyID.count, by: 2).compactMap { offset -> UInt8? in
            let start = keyID.index(keyID.startIndex, offsetBy: offset)
            let end = keyID.index(start, offsetBy: 2, limitedBy: keyID.endIndex) ?? keyID.endIndex
            return UInt8(keyID[start..<end], radix: 16)
        }
        let blob = Data(keyIDBytes + signature).base64EncodedString()
        return "\(text)\n\u{2014} \(checkpoint.origin) \(blob)\n"
    }

    private enum CodingKeys: String, CodingKey {
        case tenantID = "tenantId"
        case treeSize
        case rootHash
        case timestamp
        case keyID = "keyId"
        case signature
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        checkpoint = Checkpoint(
            tenantID: try container.decode(String.self, forKey: .tenantID),
            treeSize: try container.decode(Int64.self, forKey: .treeSize),
            rootHash: try container.decode(MerkleHash.self, forKey: .rootHash),
            timestamp: try container.decode(Int64.self, forKey: .timestamp)
        )
        keyID = try container.decode(String.self, forKey: .keyID)
        let text = try container.decode(String.self, forKey: .signature)
        guard let bytes = Data(base64Encoded: text) else {
            throw DecodingError.dataCorruptedError(forKey: .signature, in: container, debugDescription: "not base64")
        }
        signature = [UInt8](bytes)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(checkpoint.tenantID, forKey: .tenantID)
        try container.encode(checkpoint.treeSize, forKey: .treeSize)
        try container.encode(checkpoint.rootHash, forKey: .rootHash)
        try container.encode(checkpoint.timestamp, forKey: .timestamp)
        try container.encode(keyID, forKey: .keyID)
        try container.encode(Data(signature).base64EncodedString(), forKey: .signature)
    }
}
