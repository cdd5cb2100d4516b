// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartAuditLog
import Testing

@Suite("Checkpoint and SignedCheckpoint")
struct CheckpointTests {
    static let checkpoint = Checkpoint(
        tenantID: "acme",
        treeSize: 8,
        rootHash: CTVectors.roots[8],
        timestamp: 1_767_225_600_000_000
    )

    @Test func noteTextIsPinned() throws {
        #expect(
            try Self.checkpoint.noteText() == """
                rampart-audit/acme
                8
                XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
                time 1767225600000000

                """)
    }

    @Test func keyIDIsFirstEightBytesOfSHA256OfRawKey() {
        let key = signingKey(1).publicKey
        let digest = SHA256.hash(data: key.rawRepresentation)
        let expected = digest.prefix(8).map { String(format: "%02x", $0) }.joined()
        #expect(key.auditKeyID == expected)
        #expect(key.auditKeyID.count == 16)
        #expect(signingKey(2).publicKey.auditKeyID != key.auditKeyID)
    }

    @Test func signAndVerify() throws {
        let key = signingKey(1)
        let signed = try Self.checkpoint.sign(with: key)
        #expect(signed.keyID == key.publicKey.auditKeyID)
        #expect(signed.signature.count == 64)
        #expect(signed.verify(publicKey: key.publicKey))
        #expect(!signed.verify(publicKey: signingKey(2).publicKey))

        // Any change to a signed field breaks the signature.
        var changed = signed
        changed.checkpoint.treeSize = 9
        #expect(!changed.verify(publicKey: key.publicKey))
        changed = signed
        changed.checkpoint.rootHash = CTVectors.roots[7]
        #expect(!changed.verify(publicKey: key.publicKey))
        changed = signed
        changed.checkpoint.timestamp += 1
        #expect(!changed.verify(publicKey: key.publicKey))
        changed = signed
        changed.checkpoint.tenantID = "other"
        #expect(!changed.verify(publicKey: key.publicKey))
        changed = signed
        changed.signature[10] ^= 1
        #expect(!changed.verify(publicKey: key.publicKey))
        // A signature by another key under this key's ID fails too.
        changed = try Self.checkpoint.sign(with: signingKey(2))
        changed.keyID = key.publicKey.auditKeyID
        #expect(!changed.verify(publicKey: key.publicKey))
    }

    @Test func jsonRoundTripIsFlat() throws {
        let signed = try Self.checkpoint.sign(with: signingKey(1))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(signed)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["tenantId", "treeSize", "rootHash", "timestamp", "keyId", "signature"])
        #expect(object?["rootHash"] as? String == CTVectors.roots[8].base64)
        let decoded = try JSONDecoder().decode(SignedCheckpoint.self, from: data)
        #expect(decoded == signed)
        #expect(decoded.verify(publicKey: signingKey(1).publicKey))
    }

    @Test func signedNoteRendering() throws {
        let signed = try Self.checkpoint.sign(with: signingKey(1))
        let note = try signed.signedNote()
        #expect(note.hasPrefix(try Self.checkpoint.noteText() + "\n\u{2014} rampart-audit/acme "))
        #expect(note.hasSuffix("\n"))
    }

    @Test func rejectsOriginsThatWouldForgeLines() {
        for tenant in ["", "acme\n9", "acme\r", "a\u{0}b"] {
            let bad = Checkpoint(tenantID: tenant, treeSize: 1, rootHash: CTVectors.roots[1], timestamp: 0)
            let error = #expect(throws: AuditLogError.self) { try bad.sign(with: signingKey(1)) }
            #expect(error?.code == .invalidCheckpoint)
        }
        let negative = Checkpoint(tenantID: "acme", treeSize: -1, rootHash: CTVectors.roots[1], timestamp: 0)
        #expect(throws: AuditLogError.self) { try negative.noteText() }
    }
}
