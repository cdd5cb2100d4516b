// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import Testing

@Suite("MerkleTree against the CT reference vectors")
struct MerkleTreeVectorTests {
    @Test func roots() throws {
        for size in 0...8 {
            #expect(try MerkleTree.root(of: CTVectors.leafHashes, size: Int64(size)) == CTVectors.roots[size])
        }
        #expect(try MerkleTree.root(of: CTVectors.leafHashes) == CTVectors.roots[8])
        // A lazily mapped collection works as well as an array.
        let lazy = (0..<8).lazy.map { CTVectors.leafHashes[$0] }
        #expect(try MerkleTree.root(of: lazy) == CTVectors.roots[8])
    }

    @Test(arguments: CTVectors.inclusionProofs)
    func inclusionProof(_ vector: CTVectors.Inclusion) throws {
        let expected = vector.path.map { hash($0) }
        let proof = try MerkleTree.inclusionProof(index: vector.index, size: vector.size, leaves: CTVectors.leafHashes)
        #expect(proof == expected)
        let leaf = CTVectors.leafHashes[Int(vector.index)]
        let root = CTVectors.roots[Int(vector.size)]
        #expect(MerkleTree.verifyInclusion(leafHash: leaf, index: vector.index, size: vector.size, proof: expected, root: root))

        // The reference's corruptions: wrong index, size, leaf, root, extra or missing elements.
        let probes: [(Int64, Int64, MerkleHash, MerkleHash, [MerkleHash])] = [
            (vector.index - 1, vector.size, leaf, root, expected),
            (vector.index + 1, vector.size, leaf, root, expected),
            (vector.index ^ 2, vector.size, leaf, root, expected),
            (vector.index, vector.size * 2, leaf, root, expected),
            (vector.index, vector.size / 2, leaf, root, expected),
            (vector.index, vector.size, RFC9162.leafHash(Array("WrongLeaf".utf8)), root, expected),
            (vector.index, vector.size, leaf, RFC9162.emptyRoot, expected),
            (vector.index, vector.size, leaf, root, expected + [root]),
            (vector.index, vector.size, leaf, root, [root] + expected),
        ]
        for (index, size, leafHash, rootHash, path) in probes {
            #expect(!MerkleTree.verifyInclusion(leafHash: leafHash, index: index, size: size, proof: path, root: rootHash))
        }
        for position in expected.indices {
            var wrong = expected
            wrong[position] = flipped(wrong[position], bit: 3)
            #expect(!MerkleTree.verifyInclusion(leafHash: leaf, index: vector.index, size: vector.size, proof: wrong, root: root))
        }
        if !expected.isEmpty {
            #expect(!MerkleTree.verifyInclusion(leafHash: leaf, index: vector.index, size: vector.size, proof: expected.dropLast(), root: root))
        }
        let served = try InclusionProof(leafIndex: vector.index, treeSize: vector.size, leaves: CTVectors.leafHashes)
        #expect(served.verify(leafHash: leaf, root: root))
    }

    @Test(arguments: CTVectors.consistencyProofs)
    func consistencyProof(_ vector: CTVectors.Consistency) throws {
        let expected = vector.proof.map { hash($0) }
        let proof = try MerkleTree.consistencyProof(from: vector.from, to: vector.to, leaves: CTVectors.leafHashes)
        #expect(proof == expected)
        let oldRoot = CTVectors.roots[Int(vector.from)]
        let newRoot = CTVectors.roots[Int(vector.to)]
        #expect(MerkleTree.verifyConsistency(from: vector.from, to: vector.to, proof: expected, oldRoot: oldRoot, newRoot: newRoot))
        if vector.from != vector.to {
            #expect(!MerkleTree.verifyConsistency(from: vector.from, to: vector.to, proof: expected, oldRoot: newRoot, newRoot: oldRoot))
            if vector.to < 8 {
                let wrongRoot = CTVectors.roots[Int(vector.to) + 1]
                #expect(!MerkleTree.verifyConsistency(from: vector.from, to: vector.to + 1, proof: expected, oldRoot: oldRoot, newRoot: wrongRoot))
            }
            #expect(!MerkleTree.verifyConsistency(from: vector.from, to: vector.to, proof: [], oldRoot: oldRoot, newRoot: newRoot))
            #expect(!MerkleTree.verifyConsistency(from: vector.from, to: vector.to, proof: expected + [oldRoot], oldRoot: oldRoot, newRoot: newRoot))
        }
        let served = try ConsistencyProof(fromSize: vector.from, toSize: vector.to, leaves: CTVectors.leafHashes)
        #expect(served.verify(fromRoot: oldRoot, toRoot: newRoot))
    }

    @Test func emptyTreeEdgeCases() throws {
        #expect(try MerkleTree.consistencyProof(from: 0, to: 8, leaves: CTVectors.leafHashes).isEmpty)
        #expect(MerkleTree.verifyConsistency(from: 0, to: 8, proof: [], oldRoot: RFC9162.emptyRoot, newRoot: CTVectors.roots[8]))
        #expect(!MerkleTree.verifyConsistency(from: 0, to: 8, proof: [], oldRoot: CTVectors.roots[1], newRoot: CTVectors.roots[8]))
        #expect(!MerkleTree.verifyInclusion(leafHash: RFC9162.emptyRoot, index: 0, size: 0, proof: [], root: RFC9162.emptyRoot))
        #expect(!MerkleTree.verifyConsistency(from: 5, to: 4, proof: [], oldRoot: CTVectors.roots[5], newRoot: CTVectors.roots[4]))
    }

    @Test func rejectsRequestsOutsideTheTree() {
        let leaves = CTVectors.leafHashes
        for (index, size) in [(Int64(8), Int64(8)), (-1, 8), (0, 0), (0, 9), (3, -1)] {
            let error = #expect(throws: AuditLogError.self) { try MerkleTree.inclusionProof(index: index, size: size, leaves: leaves) }
            #expect(error?.code == .invalidProofRequest)
        }
        for (from, to) in [(Int64(5), Int64(4)), (-1, 4), (2, 9)] {
            #expect(throws: AuditLogError.self) { try MerkleTree.consistencyProof(from: from, to: to, leaves: leaves) }
        }
        #expect(throws: AuditLogError.self) { try MerkleTree.root(of: leaves, size: 9) }
    }
}
