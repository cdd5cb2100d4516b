// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import RampartAuditLog
import RampartTesting
import Testing

/// Checks that audit records are in the tenant's signed log: a checkpoint is signed now, and each
/// record's inclusion proof verifies against its root.
enum AuditInclusion {
    /// The records of `entity` (newest first, as the API lists them), after their inclusion proofs verified.
    @discardableResult
    static func expectRecordsOfEntityVerify(_ entity: String, _ client: APIClient, token: String) async throws -> [[String: Any]] {
        _ = try await client.send(.post, "/v1/audit/checkpoints", token: token)
        let records =
            try await client.send(.get, "/v1/audit/records?entity=\(entity)&limit=100", token: token).json()["items"] as? [[String: Any]] ?? []
        let latest = try await client.send(.get, "/v1/audit/checkpoints/latest", token: token).json()
        let checkpoint = try JSONDecoder().decode(
            SignedCheckpoint.self, from: JSONSerialization.data(withJSONObject: try #require(latest["checkpoint"] as? [String: Any])))
        let size = Int(checkpoint.treeSize)
        for record in records {
            let seq = try #require(record["seq"] as? Int)
            let proof = try await client.send(.get, "/v1/audit/proof/inclusion?seq=\(seq)&size=\(size)", token: token).json()
            let leaf = try MerkleHash(hex: try #require(proof["leafHash"] as? String))
            let path = try (proof["proof"] as? [String] ?? []).map { try MerkleHash(hex: $0) }
            #expect(InclusionProof(leafIndex: Int64(seq - 1), treeSize: Int64(size), hashes: path).verify(leafHash: leaf, root: checkpoint.rootHash))
        }
        return records
    }
}
