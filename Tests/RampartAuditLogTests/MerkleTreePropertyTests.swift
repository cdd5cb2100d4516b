// SPDX-License-Identifier: Apache-2.0

import RampartAuditLog
import Testing

@Suite("MerkleTree properties")
struct MerkleTreePropertyTests {
    /// Every size up to 40, plus random sizes up to 300 (seeded, so reproducible).
    static let sizes: [Int] = {
        var generator = SeededGenerator(state: 9162)
        return Array(1...40) + (0..<6).map { _ in Int.random(in: 41...300, using: &generator) } + [256, 300]
    }()

    static let leaves = syntheticLeaves(301)

    /// `roots[n]` is the root of the first n leaves.
    static let roots: [MerkleHash] = {
        var frontier = MerkleFrontier()
        var roots = [frontier.root]
        for leaf in leaves {
            frontier.append(leaf)
            roots.append(frontier.root)
        }
        return roots
    }()

    @Test(arguments: sizes)
    func everyInclusionProofVerifiesAndTamperingFails(size n: Int) throws {
        let leaves = Self.leaves
        let size = Int64(n)
        let root = try MerkleTree.root(of: leaves, size: size)
        for index in 0..<size {
            let leaf = leaves[Int(index)]
            let proof = try MerkleTree.inclusionProof(index: index, size: size, leaves: leaves)
            #expect(proof.count <= 64 - (n - 1).leadingZeroBitCount + 1)
            #expect(MerkleTree.verifyInclusion(leafHash: leaf, index: index, size: size, proof: proof, root: root), "index \(index) size \(n)")
            for position in proof.indices {
                var wrong = proof
                wrong[position] = flipped(wrong[position], bit: Int(index) * 7 + position)
                #expect(!MerkleTree.verifyInclusion(leafHash: leaf, index: index, size: size, proof: wrong, root: root))
            }
            // A wrong size fails against the real root of that size.
            for wrongSize in [size - 1, size + 1] {
                #expect(!MerkleTree.verifyInclusion(leafHash: leaf, index: index, size: wrongSize, proof: proof, root: Self.roots[Int(wrongSize)]))
            }
            #expect(!MerkleTree.verifyInclusion(leafHash: flipped(leaf, bit: 0), index: index, size: size, proof: proof, root: root))
            if n > 1 {
                let other = (index + 1) % size
                #expect(!MerkleTree.verifyInclusion(leafHash: leaf, index: other, size: size, proof: proof, root: root))
            }
        }
    }

    @Test(arguments: sizes)
    func everyConsistencyProofVerifiesAndTamperingFails(size n: Int) throws {
        let leaves = Self.leaves
        let newSize = Int64(n)
        let newRoot = try MerkleTree.root(of: leaves, size: newSize)
        var oldFrontier = MerkleFrontier()
        for oldSize in 1...newSize {
            oldFrontier.append(leaves[Int(oldSize - 1)])
            let oldRoot = oldFrontier.root
            let proof = try MerkleTree.consistencyProof(from: oldSize, to: newSize, leaves: leaves)
            #expect(
                MerkleTree.verifyConsistency(from: oldSize, to: newSize, proof: proof, oldRoot: oldRoot, newRoot: newRoot),
                "m \(oldSize) n \(n)"
            )
            for position in proof.indices {
                var wrong = proof
                wrong[position] = flipped(wrong[position], bit: Int(oldSize) * 5 + position)
                #expect(!MerkleTree.verifyConsistency(from: oldSize, to: newSize, proof: wrong, oldRoot: oldRoot, newRoot: newRoot))
            }
            guard oldSize < newSize else { continue }
            // A wrong size fails against the real root of that size.
            let roots = Self.roots
            #expect(!MerkleTree.verifyConsistency(from: oldSize, to: newSize + 1, proof: proof, oldRoot: oldRoot, newRoot: roots[n + 1]))
            #expect(!MerkleTree.verifyConsistency(from: oldSize, to: newSize - 1, proof: proof, oldRoot: oldRoot, newRoot: roots[n - 1]))
            #expect(!MerkleTree.verifyConsistency(from: oldSize + 1, to: newSize, proof: proof, oldRoot: roots[Int(oldSize) + 1], newRoot: newRoot))
            #expect(!MerkleTree.verifyConsistency(from: oldSize - 1, to: newSize, proof: proof, oldRoot: roots[Int(oldSize) - 1], newRoot: newRoot))
            #expect(!MerkleTree.verifyConsistency(from: oldSize, to: newSize, proof: proof, oldRoot: flipped(oldRoot, bit: 9), newRoot: newRoot))
            #expect(!MerkleTree.verifyConsistency(from: oldSize, to: newSize, proof: proof, oldRoot: oldRoot, newRoot: flipped(newRoot, bit: 9)))
        }
    }

    @Test func proofsAgainstLargerTreeStillVerifyForPrefix() throws {
        // A proof for (index, size) only uses leaves below size: appending more leaves to the
        // collection must not change it.
        let leaves = Self.leaves
        let short = Array(leaves.prefix(100))
        for index in stride(from: Int64(0), to: 100, by: 7) {
            #expect(
                try MerkleTree.inclusionProof(index: index, size: 100, leaves: short)
                    == MerkleTree.inclusionProof(index: index, size: 100, leaves: leaves))
        }
        #expect(
            try MerkleTree.consistencyProof(from: 37, to: 100, leaves: short)
                == MerkleTree.consistencyProof(from: 37, to: 100, leaves: leaves))
    }
}
