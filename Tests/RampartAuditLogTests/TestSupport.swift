// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import RampartAuditLog
import Testing

/// Parses hex in test fixtures; a bad literal is a bug in the test.
func hash(_ hex: String) -> MerkleHash {
    do {
        return try MerkleHash(hex: hex)
    } catch {
        Issue.record("bad hex literal `\(hex)`: \(error)")
        return RFC9162.emptyRoot
    }
}

func bytes(hex: String) -> [UInt8] {
    var out = [UInt8]()
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
        index = next
    }
    return out
}

/// The same hash with one bit flipped.
func flipped(_ value: MerkleHash, bit: Int) -> MerkleHash {
    var raw = value.bytes
    raw[bit / 8 % 32] ^= UInt8(1) << UInt8(bit % 8)
    return (try? MerkleHash(bytes: raw)) ?? value
}

/// Deterministic PRNG so property tests are reproducible (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Leaf hashes of `count` distinct leaves.
func syntheticLeaves(_ count: Int) -> [MerkleHash] {
    (0..<count).map { index in RFC9162.leafHash(Array("leaf-\(index)".utf8)) }
}

/// A fixed private key, so failures reproduce.
func signingKey(_ seed: UInt8) -> Curve25519.Signing.PrivateKey {
    do {
        return try Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: seed, count: 32))
    } catch {
        Issue.record("cannot make a key: \(error)")
        return Curve25519.Signing.PrivateKey()
    }
}

/// One record of the fixture log.
func makeRecord(seq: Int64, tenantID: String = LogFixture.tenantID) -> AuditRecord {
    AuditRecord(
        seq: seq,
        time: 1_767_225_600_000_000 + seq * 1_000,
        tenantID: tenantID,
        actorType: seq % 7 == 0 ? "apiKey" : "user",
        actorID: "u-\(seq % 13)",
        sourceIP: "198.51.100.\(seq % 250)",
        userAgent: "rampart-test/1.0",
        method: "POST",
        path: "/v1/decisions",
        entityType: "policy",
        entityID: "\(seq % 5)",
        operation: "decision.evaluate",
        outcome: seq % 3 == 0 ? "denied" : "allowed",
        status: 200,
        requestID: "req-\(seq)",
        service: "hive",
        resource: "db=sales/table=t\(seq % 11)",
        accessType: "select",
        policyID: "p-\(seq % 5)",
        policyVersion: 1,
        details: #"{"rows":\#(seq)}"#
    )
}

/// A signed tenant log: records 1...count with their leaf hashes and a checkpoint every
/// `interval` records (and at the end).
struct LogFixture {
    static let tenantID = "acme"

    let key: Curve25519.Signing.PrivateKey
    var records: [AuditRecord]
    var leafHashes: [MerkleHash]
    var checkpoints: [SignedCheckpoint]

    init(count: Int, interval: Int, key: Curve25519.Signing.PrivateKey = signingKey(1)) throws {
        self.key = key
        records = (1...max(count, 1)).prefix(count).map { makeRecord(seq: Int64($0)) }
        leafHashes = records.map(\.leafHash)
        checkpoints = []
        var frontier = MerkleFrontier()
        for (index, leaf) in leafHashes.enumerated() {
            frontier.append(leaf)
            let size = index + 1
            if size % interval == 0 || size == count {
                checkpoints.append(try checkpoint(size: Int64(size), root: frontier.root))
            }
        }
    }

    func checkpoint(size: Int64, root: MerkleHash, signer: Curve25519.Signing.PrivateKey? = nil) throws -> SignedCheckpoint {
        try Checkpoint(tenantID: Self.tenantID, treeSize: size, rootHash: root, timestamp: 1_767_225_700_000_000 + size)
            .sign(with: signer ?? key)
    }

    /// The stored form: each record with the leaf hash the store kept.
    var stored: [(AuditRecord, MerkleHash?)] {
        Array(zip(records, leafHashes.map { Optional($0) }))
    }

    /// Feeds the checkpoints, then the records in the given order, and verifies. With
    /// `interleaved`, each checkpoint instead goes just before the first record whose seq
    /// exceeds its size.
    func verify(
        _ stored: [(AuditRecord, MerkleHash?)],
        checkpoints: [SignedCheckpoint]? = nil,
        trustedKeys: [Curve25519.Signing.PublicKey]? = nil,
        options: AuditLogVerifier.Options = .init(),
        interleaved: Bool = false
    ) -> VerificationReport {
        var verifier = AuditLogVerifier(
            tenantID: Self.tenantID,
            trustedKeys: trustedKeys ?? [key.publicKey],
            options: options
        )
        var pending = (checkpoints ?? self.checkpoints)[...]
        if !interleaved {
            pending.forEach { verifier.add($0) }
            pending = []
        }
        for (record, leafHash) in stored {
            while let next = pending.first, next.treeSize < record.seq {
                verifier.add(next)
                pending.removeFirst()
            }
            verifier.add(record, storedLeafHash: leafHash)
        }
        for checkpoint in pending {
            verifier.add(checkpoint)
        }
        return verifier.finish()
    }
}
